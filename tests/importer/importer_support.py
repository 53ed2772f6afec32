"""What the importer reads in one made-up paragraph: the readings of the rules' tests."""

from __future__ import annotations

from planwriter.importer.figures import Purpose, Reading, read_paragraph
from planwriter.importer.text import Para


def readings_of(text: str, purpose: Purpose = Purpose.RESULTS, year: int = 2024) -> list[Reading]:
    """Every figure of `text`, read as the first line of a document of `year`, with its role."""
    return read_paragraph(Para(text, 1), purpose, year)[0]


def taken_of(text: str, purpose: Purpose = Purpose.RESULTS, year: int = 2024) -> list[Reading]:
    """The figures the import would write."""
    return [r for r in readings_of(text, purpose, year) if r.taken]
