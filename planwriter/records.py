"""Mutable records: dataclasses whose == and repr are written once, here.

`@dataclass` compiles an `__eq__` and a `__repr__` for every class it makes (Python 3.11 runs
one `exec` for each, about 1M instructions a class); a cold `render` loads a dozen such classes
and pays for them every time. These two do the same, field by field, for every record.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any, TypeVar, dataclass_transform

T = TypeVar("T")


@dataclass_transform()
def record(cls: type[T]) -> type[T]:
    """`@dataclass`, with the shared `==` and repr: equal when of one class and equal in every
    field, unhashable, shown as Class(field=value, ...)."""
    made = dataclass(eq=False, repr=False)(cls)
    made.__eq__ = _equal  # type: ignore[method-assign]
    made.__repr__ = _shown  # type: ignore[method-assign]
    made.__hash__ = None  # type: ignore[method-assign,assignment]
    return made


def _equal(self: Any, other: Any) -> bool:
    kind = type(self)
    if type(other) is not kind:
        return NotImplemented
    return all(getattr(self, f.name) == getattr(other, f.name) for f in fields(kind) if f.compare)


def _shown(self: Any) -> str:
    shown = ", ".join(f"{f.name}={getattr(self, f.name)!r}" for f in fields(self) if f.repr)
    return f"{type(self).__qualname__}({shown})"
