"""The marker shared by the model-to-data step and the round-trip writer."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Default:
    """A value at its default: written only where the file already spells it out."""

    value: Any
