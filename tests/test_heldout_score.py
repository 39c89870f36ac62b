"""Generalisation guard: the held-out articles (tests/data/heldout and tests/data/heldout2, never
used to write rules; heldout2 written blind by a helper to docs/event-types.md) built by the real
CLI score above a floor. The floor is the measured score minus a margin; a rule change that only
helps the bundled examples or the dev set must not sink it."""

from __future__ import annotations

from pathlib import Path

import pytest

from graphbuild.cli.main import main
from graphbuild.evaluation import evaluate

DATA = Path(__file__).resolve().parent / "data"

# Measured 2026-12-07, end of day (tree event stage for en and ru, pattern stage for kk):
#   heldout:  entities 0.860, events 0.442 (en 0.351, kk 0.481, ru 0.505)
#   heldout2: entities 0.873, events 0.427 (en 0.455, kk 0.388, ru 0.434)
FLOORS = {
    "heldout": {"entities": 0.80, "events": 0.40, "per_language": 0.32},
    "heldout2": {"entities": 0.80, "events": 0.38, "per_language": 0.35},
}


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_heldout_scores_stay_above_the_floor(name: str, tmp_path: Path) -> None:
    folder, floor = DATA / name, FLOORS[name]
    out = tmp_path / "out"
    assert main(["--quiet", "build", str(folder), "--out", str(out)]) == 0
    report = evaluate(folder / "gold", out).to_dict()
    overall, by_lang = report["overall"], report["by_lang"]
    assert overall["entities"]["f1"] >= floor["entities"]
    assert overall["events"]["f1"] >= floor["events"]
    for lang in ("en", "kk", "ru"):
        assert by_lang[lang]["events"]["f1"] >= floor["per_language"], (lang, by_lang[lang]["events"])
    assert not report["missing_documents"]
