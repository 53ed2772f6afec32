"""The tuning half of the corpus of other bureaus' documents keeps its figures (bench/import_score.py
prints both halves; only the tuning half is asserted, so nobody tunes to the held-out one)."""

from __future__ import annotations

import sys

from paths import ROOT

sys.path.insert(0, str(ROOT / "bench"))
import import_score

# The batches tuned to (batches 3 to 10, issue 15 point 6, were added untuned and tuned to
# afterwards); a batch joins once its tuning half meets the aims. Batch 10's three plan
# documents came after its results were tuned to and are not yet (plan 21/23 and 21/23).
# Batch 11 (plans and results) joined after tuning: plan 52/52, results 58/60 and 58/58.
TUNED_BATCHES = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11"}


def test_the_tuning_half_keeps_recall_and_precision_and_asks_only_when_it_must() -> None:
    keys = {path.stem: import_score.read_key(path) for path in import_score.CORPUS.glob("*.key")}
    tune, held_out = import_score.split(list(keys))
    assert len(keys) >= 28 and min(len(tune), len(held_out)) >= len(keys) // 3
    totals = {"plan": [0, 0, 0], "results": [0, 0, 0]}
    needless, wrong = [], []
    for name in (n for n in tune if keys[n].batch in TUNED_BATCHES):
        key = keys[name]
        for outcome in (import_score.run_one(key, kind) for kind in key.imports):
            for n, count in enumerate((outcome.expected, outcome.found, outcome.taken)):
                totals[outcome.kind][n] += count
            needless += [name for what in outcome.asked if "?" not in getattr(key, f"{what}s")]
            wrong += [f"{name}: {w}" for w in outcome.wrong]
    for kind, (expected, found, taken) in totals.items():
        assert found >= 0.95 * expected, f"{kind} recall {found}/{expected}"
        assert found >= 0.95 * taken, f"{kind} precision {found}/{taken}"
    assert (needless, wrong) == ([], [])
