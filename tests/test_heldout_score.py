"""Generalisation guard: the held-out articles (tests/data/heldout, heldout2 and heldout3, never used
to write rules; heldout2 and heldout3 written blind by helpers to docs/event-types.md) built by the
real CLI score above a floor. The floor is the measured score minus a margin; a rule change that only
helps the bundled examples or the dev set must not sink it."""

from __future__ import annotations

from pathlib import Path

import pytest

from graphbuild.cli.main import main
from graphbuild.evaluation import evaluate

DATA = Path(__file__).resolve().parent / "data"

# Measured 2026-12-07, late night (tree event stage for en and ru, pattern stage for kk):
#   heldout:  entities 0.884, events 0.524 (en 0.430, kk 0.531, ru 0.635)
#   heldout2: entities 0.893, events 0.510 (en 0.530, kk 0.480, ru 0.514)
#   heldout3: entities 0.893, events 0.557 (en 0.440, kk 0.586, ru 0.649)
FLOORS = {
    "heldout": {"entities": 0.85, "events": 0.49, "per_language": 0.39},
    "heldout2": {"entities": 0.86, "events": 0.48, "per_language": 0.45},
    "heldout3": {"entities": 0.86, "events": 0.53, "per_language": 0.42},
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
