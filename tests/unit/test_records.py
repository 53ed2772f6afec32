from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from planwriter.records import record


@record
class Kept:
    name: str
    figures: list[int] = field(default_factory=list)
    note: str = field(default="", compare=False, repr=False)


@dataclass
class Twin:  # what @dataclass itself makes of the same fields
    name: str
    figures: list[int] = field(default_factory=list)
    note: str = field(default="", compare=False, repr=False)


def test_records_are_equal_field_by_field_as_dataclasses_are() -> None:
    pairs = [
        (("a", [1]), ("a", [1])),
        (("a", [1]), ("a", [2])),
        (("a", []), ("b", [])),
    ]
    for left, right in pairs:
        assert (Kept(*left) == Kept(*right)) is (Twin(*left) == Twin(*right))
    assert Kept("a", note="x") == Kept("a", note="y")  # a field left out of comparison


def test_a_record_equals_no_other_class_and_shows_like_a_dataclass() -> None:
    assert Kept("a") != Twin("a")
    assert Kept("a").__eq__(Twin("a")) is NotImplemented
    assert repr(Kept("a", [1], "x")) == repr(Twin("a", [1], "x")).replace("Twin", "Kept")


def test_records_are_unhashable_like_mutable_dataclasses() -> None:
    with pytest.raises(TypeError):
        hash(Kept("a"))
