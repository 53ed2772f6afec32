"""How well `import` reads documents of other bureaus: recall and precision of plan targets and
of results against hand-made keys, and how often it had to ask for --year / --bureau.

Run: python bench/import_score.py [-v] [--tune-only] [--by-batch]
Aim (issue 15), on the held-out half: recall ≥ 95% and precision ≥ 90% for plan targets and for
results; help asked on at most 2 documents in 11.

The corpus is tests/fixtures/corpus: each NAME.txt is a document as a user pastes it, NAME.key
its hand-made key (see the README there). The split into a tuning half and a held-out half is
fixed by a rule decided before any tuning: the documents sorted by the SHA-1 of their file
name, the first half tune, the rest held out (documents added later go by the same boundary).
Prints figures; asserts nothing.
"""

from __future__ import annotations

import hashlib
import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from planwriter import importer
from planwriter.catalogue import say
from planwriter.importer.figures import Reading
from planwriter.problems import InputError

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "corpus"
LABEL_OF = {"plan": "P", "results": "R"}
HELP = {say("import_no_year"): "year", say("import_no_bureau"): "bureau"}


@dataclass
class Key:
    name: str
    years: list[str]  # accepted answers; "?" accepts asking
    bureaus: list[str]
    imports: list[str]  # "plan", "results"
    figures: list[tuple[str, str]]  # (literal as written, P/R/N)
    batch: str = "1"  # 1: the first 20 documents; 2: the 12 of issue15b; 3 to 6: later ones


@dataclass
class Outcome:
    """One import of one document."""

    kind: str
    asked: list[str] = field(default_factory=list)  # "year", "bureau"
    wrong: list[str] = field(default_factory=list)  # a year or bureau the key does not accept
    refused: str = ""  # the message of an import that failed for another reason
    year: str = ""
    bureau: str = ""
    expected: int = 0
    found: int = 0
    taken: int = 0
    misses: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)


def read_key(path: Path) -> Key:
    fields: dict[str, str] = {}
    figures: list[tuple[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if re.match(r"^(year|bureau|imports|batch):", line):
            name, _, value = line.partition(":")
            fields[name] = value.strip()
            continue
        literal, label, *_ = line.split("\t")
        figures.append((literal, label))
    return Key(
        path.stem,
        fields["year"].split("|"),
        fields["bureau"].split("|"),
        fields["imports"].split(),
        figures,
        fields.get("batch", "1"),
    )


# The rule, fixed with the first 20 documents: sorted by SHA-1 of the name, first half tune. Its
# boundary is kept as a number so that documents added later fall on a side decided by their name
# alone and no document ever changes half: tune iff SHA-1(name) < the first held-out one's.
BOUNDARY = "8f2837c06fd9138a177aa496d4f8bab90eaaf0e5"  # SHA-1 of deyang-rsj-2021-employment


def split(names: Sequence[str]) -> tuple[list[str], list[str]]:
    tune = [n for n in names if hashlib.sha1(n.encode()).hexdigest() < BOUNDARY]
    return sorted(tune), sorted(n for n in names if n not in tune)


_NUMBER = re.compile(r"[0-9０-９][0-9０-９.．,，]*")


def core(literal: str) -> str:
    """The figure's digits: 不少于50家 → 50; 1,000 → 1000."""
    found = _NUMBER.search(literal.replace(" ", ""))
    if not found:
        return literal
    digits = found[0].translate(str.maketrans("０１２３４５６７８９．，", "0123456789.,"))
    return digits.replace(",", "").rstrip(".")


def align(
    keyed: list[tuple[str, str]], readings: list[Reading], text: str = "", label: str = ""
) -> list[tuple[int, int]]:
    """Pairs (key index, reading index) of the longest in-order matching of the two lists; of
    equally long ones, the one pairing most figures at the same place in the text (the key
    lists them in order, so each is found after the one before), then most written alike
    (不少于3个 with 不少于3个, not with an earlier 第3位 whose digits are the same), then most
    of the import's own label (in a row "21 | 21" of target and result, the results import's
    21 is the result, when the place cannot tell)."""
    a = [core(literal) for literal, _ in keyed]
    b = [core(r.literal) for r in readings]
    places = _places([literal for literal, _ in keyed], text)
    score = [
        [
            (places[i] is not None and places[i] == (r.line, r.column))
            + 0.5 * (literal.replace(" ", "") == r.literal.replace(" ", ""))
            + 0.25 * (kind == label)
            for r in readings
        ]
        for i, (literal, kind) in enumerate(keyed)
    ]
    rows, cols = len(a), len(b)
    best = [[(0, 0.0)] * (cols + 1) for _ in range(rows + 1)]
    for i in range(rows - 1, -1, -1):
        for j in range(cols - 1, -1, -1):
            skip = max(best[i + 1][j], best[i][j + 1])
            if a[i] == b[j]:
                count, alike = best[i + 1][j + 1]
                skip = max(skip, (count + 1, alike + score[i][j]))
            best[i][j] = skip
    pairs, i, j = [], 0, 0
    while i < rows and j < cols:
        if a[i] == b[j]:
            count, alike = best[i + 1][j + 1]
            if best[i][j] == (count + 1, alike + score[i][j]):
                pairs.append((i, j))
                i, j = i + 1, j + 1
                continue
        if best[i + 1][j] >= best[i][j + 1]:
            i += 1
        else:
            j += 1
    return pairs


def _places(literals: list[str], text: str) -> list[tuple[int, int] | None]:
    """(line, 1-based column) of each key figure's digits, each found after the one before."""
    lines = text.split("\n")
    places: list[tuple[int, int] | None] = []
    line, column = 0, 0
    for literal in literals:
        digits = _NUMBER.search(literal)
        found = None
        if digits and text:
            for n in range(line, len(lines)):
                at = _find_whole(lines[n], literal, column if n == line else 0)
                if at >= 0:
                    found = (n, at + digits.start())
                    break
        if found is None:
            places.append(None)
            continue
        line, column = found[0], found[1] + 1
        places.append((found[0] + 1, found[1] + 1))
    return places


def _find_whole(line: str, literal: str, start: int) -> int:
    """Where `literal` stands as a figure of its own from `start`: 21 not inside 2021 or 121."""
    while (at := line.find(literal, start)) >= 0:
        before = line[at - 1] if at else ""
        after = line[at + len(literal)] if at + len(literal) < len(line) else ""
        if not (before.isdigit() and literal[:1].isdigit()) and not (
            after.isdigit() and literal[-1:].isdigit()
        ):
            return at
        start = at + 1
    return -1


def run_one(key: Key, kind: str) -> Outcome:
    outcome = Outcome(kind)
    source = importer.read_source(CORPUS / f"{key.name}.txt")
    run: Callable[..., importer.Imported] = (
        importer.import_plan if kind == "plan" else importer.import_results
    )
    overrides: dict[str, object] = {}
    imported = None
    for _ in range(3):
        try:
            imported = run(source, **overrides)
            break
        except InputError as err:
            message = err.problems[0].message
            if message in HELP:
                what = HELP[message]
                outcome.asked.append(what)
                given = next((v for v in getattr(key, f"{what}s") if v != "?"), "")
                overrides[what] = int(given) if what == "year" and given else given
                overrides[what] = overrides[what] or (2000 if what == "year" else "某单位")
                continue
            outcome.refused = message
            break
    label = LABEL_OF[kind]
    outcome.expected = sum(1 for _, lab in key.figures if lab == label)
    if imported is None:
        outcome.misses = [lit for lit, lab in key.figures if lab == label]
        return outcome
    outcome.year, outcome.bureau = str(imported.model.year), imported.model.bureau
    if "year" not in outcome.asked and outcome.year not in key.years:
        outcome.wrong.append(f"year {outcome.year}")
    if "bureau" not in outcome.asked and outcome.bureau not in key.bureaus:
        outcome.wrong.append(f"bureau {outcome.bureau}")
    taken = [r for r in imported.report.figures if r.taken]
    text = (CORPUS / f"{key.name}.txt").read_text(encoding="utf-8")
    pairs = align(key.figures, taken, text, label)
    matched_keys = {i: j for i, j in pairs}
    matched_readings = {j: i for i, j in pairs}
    outcome.taken = len(taken)
    outcome.found = sum(1 for i in matched_keys if key.figures[i][1] == label)
    outcome.misses = [
        lit for n, (lit, lab) in enumerate(key.figures) if lab == label and n not in matched_keys
    ]
    outcome.extras = [
        f"{r.literal}({key.figures[matched_readings[j]][1] if j in matched_readings else '?'})"
        for j, r in enumerate(taken)
        if j not in matched_readings or key.figures[matched_readings[j]][1] != label
    ]
    return outcome


def ratio(part: int, whole: int) -> str:
    return f"{100 * part / whole:5.1f}%" if whole else "   n/a"


def report(title: str, keys: list[Key], verbose: bool) -> None:
    totals = {kind: [0, 0, 0] for kind in LABEL_OF}  # expected, found, taken
    asked = needless = wrong = disagree = refused = 0
    for key in keys:
        outcomes = [run_one(key, kind) for kind in key.imports]
        asked += any(o.asked for o in outcomes)
        needless += any("?" not in getattr(key, f"{what}s") for o in outcomes for what in o.asked)
        wrong += any(o.wrong for o in outcomes)
        refused += any(o.refused for o in outcomes)
        metadata = {(o.year, o.bureau) for o in outcomes if o.year and not o.asked}
        disagree += len(metadata) > 1
        for o in outcomes:
            total = totals[o.kind]
            total[0] += o.expected
            total[1] += o.found
            total[2] += o.taken
            if verbose:
                print(
                    f"  {key.name} [{o.kind}] {o.found}/{o.expected} found, {o.taken} taken"
                    + (f"; asked {'+'.join(o.asked)}" if o.asked else "")
                    + (f"; WRONG {', '.join(o.wrong)}" if o.wrong else "")
                    + (f"; refused: {o.refused}" if o.refused else "")
                )
                if o.misses:
                    print(f"      missed: {' '.join(o.misses)}")
                if o.extras:
                    print(f"      not {o.kind}: {' '.join(o.extras)}")
    print(f"{title} ({len(keys)} documents)")
    for kind, (expected, found, taken) in totals.items():
        print(
            f"  {kind:<8} recall {ratio(found, expected)} ({found}/{expected})"
            f"   precision {ratio(found, taken)} ({found}/{taken})"
        )
    print(
        f"  asked for --year/--bureau on {asked} of {len(keys)} ({needless} where the text says);"
        f" wrong year or bureau on {wrong};"
        f" plan and results disagree on {disagree}; refused on {refused}"
    )


def main(argv: list[str]) -> None:
    verbose = "-v" in argv
    keys = {path.stem: read_key(path) for path in sorted(CORPUS.glob("*.key"))}
    tune, held_out = split(list(keys))
    halves = [("TUNE", tune, verbose)]
    if "--tune-only" not in argv:
        halves.append(("HELD-OUT", held_out, verbose and "--show-held-out" in argv))
    for title, names, detail in halves:
        report(title, [keys[n] for n in names], detail)
        if "--by-batch" in argv:
            for batch in sorted({keys[n].batch for n in names}):
                chosen = [keys[n] for n in names if keys[n].batch == batch]
                report(f"{title}, batch {batch}", chosen, False)


if __name__ == "__main__":
    main(sys.argv[1:])
