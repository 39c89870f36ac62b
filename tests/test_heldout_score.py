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

# Measured 2026-12-08 (tree event stage for en and ru, English parsed by the OntoNotes pipeline; pattern
# stage for kk):
#   heldout:  entities 0.896, events 0.561 (en 0.526, kk 0.536, ru 0.635)
#   heldout2: entities 0.894, events 0.517 (en 0.547, kk 0.484, ru 0.514)
#   heldout3: entities 0.904, events 0.597 (en 0.507, kk 0.629, ru 0.658)
FLOORS = {
    "heldout": {"entities": 0.86, "events": 0.53, "per_language": 0.49},
    "heldout2": {"entities": 0.86, "events": 0.49, "per_language": 0.45},
    "heldout3": {"entities": 0.87, "events": 0.56, "per_language": 0.47},
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
