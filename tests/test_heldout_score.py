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

# Measured 2026-12-07, evening (tree event stage for en and ru, pattern stage for kk):
#   heldout:  entities 0.869, events 0.495 (en 0.396, kk 0.479, ru 0.635)
#   heldout2: entities 0.880, events 0.480 (en 0.494, kk 0.429, ru 0.509)
FLOORS = {
    "heldout": {"entities": 0.82, "events": 0.45, "per_language": 0.36},
    "heldout2": {"entities": 0.83, "events": 0.44, "per_language": 0.39},
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
