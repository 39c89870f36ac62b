"""Scoring of bench/plover_eval.py on hand-written records and events (no pipeline, no data file)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))  # bench/ is not a package

import plover_eval as pe

TABLE_LINES = [
    "# CAMEO to PLOVER conversion table",
    "04: CONSULT",
    "042: CONSULT, visit,   # Make a visit",
    "043: CONSULT, visit,   # Host a visit",
    "057: SUPPORT,  , diplomatic # Sign formal agreement",
    "138: THREATEN, violence, military # Threaten with military force",
    "1381: THREATEN, restrict ,   military # Threaten blockade",
    "194: ASSAULT, heavy-weapons, military # Fight with artillery and tanks",
]

RECORDS = [
    # Compound actor, no target: our symmetric AGREE puts both countries on both sides.
    {"id": "A", "text": "Hungarian and Romanian officials agreed.", "plover_event": "AGREE", "mode": None,
     "expected_events": [["HUNGOV", "---", "AGREE"], ["ROUGOV", "---", "AGREE"]]},
    # Japan hosts a Russian: the type agrees, the roles come out inverted; JAP is Japan's CAMEO spelling.
    {"id": "B", "text": "Japan hosted the Russian minister.", "plover_event": "CONSULT", "mode": "host",
     "expected_events": [["JAPGOV", "RUS", "CONSULT"]]},
    # v0.5b1 FIGHT is current ASSAULT; we produce a threat instead.
    {"id": "C", "text": "Israeli artillery shelled Lebanon.", "plover_event": "FIGHT", "mode": "heavy-weapons",
     "expected_events": [["ISRMIL", "LBN", "FIGHT"]]},
    # Out of scope: no type of ours is PROTEST.
    {"id": "D", "text": "Activists marched on the UN.", "plover_event": "PROTEST", "mode": "demo-org",
     "expected_events": [["IGO", "---", "PROTEST"]]},
]

EVENTS = [
    [{"type": "AGREE", "cameo": "057", "source": ["HUN"], "target": ["ROU"], "mode": "asserted"},
     {"type": "SUPPORT", "cameo": "051", "source": ["HUN"], "target": [], "mode": "asserted"}],
    [{"type": "VISIT", "cameo": "043", "source": ["person:minister"], "target": ["JPN"], "mode": "reported"}],
    [{"type": "THREATEN", "cameo": "138", "source": ["ISR"], "target": ["LBN"], "mode": "asserted"}],
    [{"type": "REQUEST", "cameo": "020", "source": ["person:activist"], "target": ["Q1065"], "mode": "asserted"}],
]


def to_country(actor: str, on: str | None) -> str:
    return {"person:minister": "RUS"}.get(actor, actor if len(actor) == 3 else "---")


@pytest.fixture()
def rows() -> list[dict]:
    table = pe.read_mode_table(TABLE_LINES)
    scope = pe.our_categories()
    return [pe.score_record(r, e, to_country, table, scope) for r, e in zip(RECORDS, EVENTS, strict=True)]


def test_mode_table_reading() -> None:
    assert pe.read_mode_table(TABLE_LINES) == {
        "042": ("CONSULT", "visit"), "043": ("CONSULT", "visit"), "057": ("SUPPORT", None),
        "138": ("THREATEN", "violence"), "1381": ("THREATEN", "restrict"), "194": ("ASSAULT", "heavy-weapons"),
    }


def test_codes_and_categories() -> None:
    assert [pe.gold_country(c) for c in ("JAPGOV", "ITL", "VTNMIL", "PSECVL", "IGOMIL", "NGO", "---")] == [
        "JPN", "ITA", "VNM", "PSE", None, None, None]
    assert {"PROTEST", "COERCE", "CONCEDE", "INVESTIGATE"}.isdisjoint(pe.our_categories())
    assert [pe.gold_category(r) for r in RECORDS] == ["AGREE", "CONSULT", "ASSAULT", "PROTEST"]
    assert pe.gold_mode({"plover_event": "THREATEN", "mode": "curfew"}) == "restrict"
    assert pe.gold_mode({"plover_event": "COERCE", "mode": "curfew"}) == "curfew"


def test_records(rows: list[dict]) -> None:
    a, b, c, d = rows
    assert (a["type_hit"], a["events_ok"], a["produced"]) == (True, 1, ["AGREE", "SUPPORT"])
    assert (a["our_source"], a["source_ok"], a["source_all"], a["target_ok"]) == (["HUN", "ROU"], True, True, None)
    assert (b["type_hit"], b["our_source"], b["our_target"]) == (True, ["RUS"], ["JPN"])
    assert (b["gold_source"], b["gold_target"], b["source_ok"], b["target_ok"]) == (["JPN"], ["RUS"], False, False)
    assert (b["our_modes"], b["mode_ok"]) == (["host"], True)  # 043 is "host", not the table's "visit"
    assert (c["type_hit"], c["events_ok"], c["mode_comparable"], c["mode_ok"], c["source_ok"]) == (
        False, 0, True, None, None)
    assert (d["in_scope"], d["produced"]) == (False, ["REQUEST"])
    assert [pe.is_miss(r) for r in rows] == [False, True, True, False]


def test_summary(rows: list[dict]) -> None:
    s = pe.summarize(rows)
    assert (s["records"], s["in_scope"], s["type_hits"]) == (4, 3, 2)
    assert (s["events_produced"], s["events_correct"]) == (4, 2)
    assert s["recall"] == pytest.approx(2 / 3)
    assert s["precision"] == pytest.approx(0.5)
    assert s["f1"] == pytest.approx(4 / 7)
    assert s["by_gold_category"] == {"AGREE": [1, 1], "ASSAULT": [0, 1], "CONSULT": [1, 1]}
    assert s["by_produced_category"] == {"AGREE": [1, 1], "CONSULT": [1, 1], "SUPPORT": [0, 1], "THREATEN": [0, 1]}
    assert s["confusions"] == {"ASSAULT -> THREATEN": 1}
    assert s["countries"] == {"source": {"scored": 2, "agree": 1, "all": 1},
                              "target": {"scored": 1, "agree": 0, "all": 0}}
    assert s["mode"] == {"gold_set": 2, "comparable": 2, "scored": 1, "agree": 1, "not_comparable": {}}
    assert s["modality"] == {"asserted": 1, "reported": 1}
    assert s["out_of_scope"] == {"records": 1, "by_category": {"PROTEST": 1}, "with_events": 1,
                                 "events_by_category": {"REQUEST": 1}}


def test_absent_data_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "plover_gsr_cameo.jsonl"
    assert pe.main(["--data", str(missing)]) == 2
    assert str(missing) in capsys.readouterr().out
