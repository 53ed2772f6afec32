"""Published plans and year-end reports (.txt, .docx) → plan and results models.

    source = read_source("2024工作要点.txt")          # the only step that reads the disk
    imported = import_plan(source)                    # or import_results(source)
    imported.model                                    # a model.Plan / model.Results
    summary(imported)                                 # what was skipped, left out, renamed

No Textual here, and python-docx only for Word input.
"""

from planwriter.importer.plan import import_plan
from planwriter.importer.reading import Source, read_source, source_from_text
from planwriter.importer.results import import_results
from planwriter.importer.summary import Imported, ImportReport, summary

__all__ = [
    "ImportReport",
    "Imported",
    "Source",
    "import_plan",
    "import_results",
    "read_source",
    "source_from_text",
    "summary",
]
