"""The gold-file scorer, and the validity of the bundled gold files."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest

from graphbuild.evaluation import (
    EvalReport,
    evaluate,
    evaluate_records,
    load_gold,
    normalise,
    validate_gold,
)
from graphbuild.model import EVENT_TYPES, MODES

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
GOLD_DIR = EXAMPLES / "gold"


def _gold() -> dict[str, Any]:
    return {
        "file": "kk_story.html",
        "lang": "kk",
        "entities": [
            {"key": "RUS", "label": "Russia", "kind": "Country", "iso3": "RUS", "aliases": ["Ресей"],
             "any_of": ["RUS"]},
            {"key": "PRK", "label": "North Korea", "kind": "Country", "iso3": "PRK",
             "aliases": ["КХДР", "Pyongyang"], "any_of": ["PRK"]},
            {"key": "john-kirby", "label": "John Kirby", "kind": "Person", "iso3": None,
             "aliases": ["Джон Кирби"], "any_of": ["person:john-kirby", "Q123456"]},
            {"key": "sergei-shoigu", "label": "Sergei Shoigu", "kind": "Person", "iso3": None,
             "aliases": ["Сергей Шойгу"], "any_of": ["person:sergei-shoigu"]},
        ],
        "events": [
            {"type": "NEGOTIATE", "source": ["RUS"], "target": ["PRK"], "mode": "reported",
             "reported_by": ["john-kirby"], "date": None},
            {"type": "VISIT", "source": ["sergei-shoigu"], "target": ["PRK"], "mode": "asserted",
             "reported_by": [], "date": "2023-07"},
            {"type": "DENY", "source": ["PRK"], "target": [], "mode": "asserted", "reported_by": [], "date": None},
        ],
    }


DOC = {"id": "doc:1", "source": "examples/kk_story.html", "lang": "kk"}
JSONL_DOC = {"id": "doc:2", "source": "/data/examples/en_story.jsonl#L1", "lang": "en"}


def _entity(eid: str, label: str, kind: str, iso3: str | None = None, **names: list[str]) -> dict[str, Any]:
    return {"id": eid, "label": label, "kind": kind, "iso3": iso3, "wikidata": None, "names": names,
            "documents": ["doc:1"]}


def _event(etype: str, source: list[str], target: list[str], mode: str = "asserted",
           reported_by: Iterable[str] = (), date: str | None = None) -> dict[str, Any]:
    return {"id": f"ev:{etype}:{source}:{target}", "type": etype, "source": source, "target": target,
            "mode": mode, "reported_by": list(reported_by), "date": date, "documents": ["doc:1"]}


def _perfect_entities() -> list[dict[str, Any]]:
    return [
        _entity("RUS", "Russia", "Country", "RUS", kk=["Ресей"]),
        _entity("PRK", "North Korea", "Country", "PRK", kk=["КХДР"]),
        _entity("person:john-kirby", "John Kirby", "Person"),
        _entity("person:sergei-shoigu", "Sergei Shoigu", "Person"),
    ]


def _perfect_events() -> list[dict[str, Any]]:
    return [
        _event("NEGOTIATE", ["RUS"], ["PRK"], "reported", ["person:john-kirby"]),
        _event("VISIT", ["person:sergei-shoigu"], ["PRK"], date="2023-07-25"),
        _event("DENY", ["PRK"], []),
    ]


def _score(entities: list[dict[str, Any]], events: list[dict[str, Any]]) -> EvalReport:
    return evaluate_records([_gold()], [DOC], entities, events)


def test_normalise_ignores_case_accents_punctuation_and_prefix() -> None:
    assert normalise("person:John  Kirby") == normalise("john-kirby") == "john kirby"
    assert normalise("The White House") == normalise("white house")
    assert normalise("Ресей") == normalise("РЕСЕЙ")
    assert normalise("Ёлка") == normalise("елка")


def test_perfect_output_scores_one() -> None:
    report = _score(_perfect_entities(), _perfect_events())
    assert (report.entities.precision, report.entities.recall) == (1.0, 1.0)
    assert (report.events.precision, report.events.recall, report.events.f1) == (1.0, 1.0, 1.0)
    assert report.mode.value == 1.0 and report.mode.total == 3
    assert report.date.value == 1.0 and report.reported_by.value == 1.0
    assert report.by_lang["kk"]["events"].f1 == 1.0
    assert report.by_type["VISIT"].f1 == 1.0
    assert not report.missing_documents


def test_missing_event_lowers_recall_only() -> None:
    report = _score(_perfect_entities(), _perfect_events()[:2])
    assert report.events.precision == 1.0
    assert report.events.recall == pytest.approx(2 / 3)
    assert report.by_type["DENY"].recall == 0.0
    assert report.documents[0].missed_events == ["DENY ['PRK']->[] (asserted)"]


def test_wrong_direction_on_asymmetric_type_is_a_miss() -> None:
    events = _perfect_events()
    events[1] = _event("VISIT", ["PRK"], ["person:sergei-shoigu"], date="2023-07")
    report = _score(_perfect_entities(), events)
    assert report.by_type["VISIT"].gold_matched == 0
    assert report.events.precision == pytest.approx(2 / 3)
    assert report.events.recall == pytest.approx(2 / 3)


def test_symmetric_types_are_unordered() -> None:
    events = _perfect_events()
    events[0] = _event("NEGOTIATE", ["PRK"], ["RUS"], "reported", ["person:john-kirby"])
    assert _score(_perfect_entities(), events).events.f1 == 1.0
    # Both participants on the source side is also fine for a symmetric type.
    events[0] = _event("NEGOTIATE", ["PRK", "RUS"], [], "reported", ["person:john-kirby"])
    assert _score(_perfect_entities(), events).events.f1 == 1.0


def test_wrong_type_does_not_match() -> None:
    events = _perfect_events()
    events[1] = _event("MEET", ["person:sergei-shoigu"], ["PRK"])
    report = _score(_perfect_entities(), events)
    assert report.by_type["VISIT"].recall == 0.0 and report.by_type["MEET"].precision == 0.0


def test_any_of_label_and_alias_matching() -> None:
    # Ids unknown to the gold: matched through a QID in any_of, the English label, or a name.
    entities = [
        _entity("x1", "Rossiya", "Country", "RUS", kk=["Ресей"]),  # matched by iso3 and kk name
        _entity("x2", "DPRK", "Country", None, ru=["Pyongyang"]),  # matched by an alias only
        _entity("Q123456", "J. Kirby", "Person"),  # matched by the QID in any_of
        _entity("slug-77", "Sergei Shoigu", "Person"),  # matched by the English label
        _entity("x5", "Atlantis", "Country", "ATL"),  # matches nothing
    ]
    events = [_event("NEGOTIATE", ["x1"], ["x2"], "planned", ["Q123456"]),
              _event("VISIT", ["slug-77"], ["x2"])]
    report = _score(entities, events)
    assert report.entities.recall == 1.0
    assert report.entities.precision == pytest.approx(4 / 5)
    assert report.documents[0].spurious_entities == ["x5"]
    assert report.events.gold_matched == 2 and report.events.recall == pytest.approx(2 / 3)
    assert report.mode.correct == 1 and report.mode.total == 2  # planned != reported
    assert report.date.total == 1 and report.date.correct == 0  # the VISIT has no date


def test_iso3_of_a_non_country_is_not_the_country() -> None:
    entities = [_entity("org:mod", "Ministry of Defence", "Organization", "RUS")]
    report = _score(entities, [])
    assert report.entities.precision == 0.0 and report.entities.recall == 0.0


def test_duplicate_system_event_costs_precision() -> None:
    events = [*_perfect_events(), _event("VISIT", ["person:sergei-shoigu"], ["PRK"], date="2023-07-26")]
    report = _score(_perfect_entities(), events)
    assert report.events.recall == 1.0
    assert report.events.precision == pytest.approx(3 / 4)


def test_mode_and_speakers_are_scored_from_the_articles_own_telling() -> None:
    """Another article denied the negotiation and quoted someone else: this article is scored on what it says."""
    negotiate = _event("NEGOTIATE", ["RUS"], ["PRK"], "contested", ["person:john-kirby", "PRK"])
    negotiate["documents"] = ["doc:1", "doc:other"]
    negotiate["tellings"] = [
        {"document": "doc:1", "mode": "reported", "reported_by": ["person:john-kirby"], "via": []},
        {"document": "doc:other", "mode": "denied", "reported_by": ["PRK"], "via": []}]
    report = _score(_perfect_entities(), [negotiate, *_perfect_events()[1:]])
    assert report.mode.value == 1.0 and report.reported_by.value == 1.0
    negotiate["tellings"][0]["mode"] = "asserted"
    negotiate["tellings"][0]["reported_by"] = []
    report = _score(_perfect_entities(), [negotiate, *_perfect_events()[1:]])
    assert report.mode.correct == 2 and report.reported_by.value == 0.0  # the other article's PRK is not this one's


def test_outlets_cited_as_channels_are_not_scored_as_entities() -> None:
    tass = dict(_entity("org:tass", "TASS", "Organization"), outlet=True)
    report = _score([*_perfect_entities(), tass], _perfect_events())
    assert report.entities.precision == 1.0


def test_events_of_other_documents_are_ignored_and_missing_document_is_reported() -> None:
    other = dict(_perfect_events()[0], documents=["doc:other"])
    report = evaluate_records([_gold()], [{"id": "doc:other", "source": "x/other.txt"}],
                              _perfect_entities(), [other])
    assert report.missing_documents == ["kk_story.html"]
    assert report.events.sys_total == 0 and report.events.recall == 0.0


def test_jsonl_sources_with_line_suffix_match_their_gold_file() -> None:
    gold = dict(_gold(), file="en_story.jsonl", lang="en")
    events = [dict(e, documents=["doc:2"]) for e in _perfect_events()]
    entities = [dict(e, documents=["doc:2"]) for e in _perfect_entities()]
    report = evaluate_records([gold], [DOC, JSONL_DOC], entities, events)
    assert report.documents[0].document_ids == ["doc:2"]
    assert report.events.f1 == 1.0


def test_evaluate_reads_contract_files(tmp_path: Path) -> None:
    gold_dir, out = tmp_path / "gold", tmp_path / "out"
    gold_dir.mkdir()
    out.mkdir()
    (gold_dir / "kk_story.json").write_text(json.dumps(_gold(), ensure_ascii=False), encoding="utf-8")
    for name, rows in (("documents", [DOC]), ("entities", _perfect_entities()), ("events", _perfect_events())):
        (out / f"{name}.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows),
                                           encoding="utf-8")
    report = evaluate(gold_dir, out)
    assert report.events.f1 == 1.0
    text = report.to_text()
    assert "events (kk)" in text and "NEGOTIATE" in text
    d = report.to_dict()
    assert d["overall"]["events"]["f1"] == 1.0 and d["by_type"]["DENY"]["recall"] == 1.0
    json.dumps(d)  # JSON-serialisable


def test_evaluate_rejects_invalid_gold(tmp_path: Path) -> None:
    bad = _gold()
    bad["events"][0]["source"] = ["nobody"]
    (tmp_path / "bad.json").write_text(json.dumps(bad), encoding="utf-8")
    (tmp_path / "out").mkdir()
    with pytest.raises(ValueError, match="nobody"):
        evaluate(tmp_path, tmp_path / "out")


# ---------------------------------------------------------------------------------------------
# The bundled gold set


def _bundled() -> list[dict[str, Any]]:
    return load_gold(GOLD_DIR)


def test_every_gold_file_is_valid_and_its_article_exists() -> None:
    golds = _bundled()
    assert len(golds) >= 10
    for g in golds:
        assert validate_gold(g) == []
        article = EXAMPLES / g["file"]
        assert article.is_file(), article
        assert Path(g["_path"]).stem == article.stem
        assert g["lang"] in ("kk", "ru", "en")
        assert set(g) - {"_path"} == {"file", "lang", "entities", "events"}


def test_gold_set_covers_all_types_modes_languages_and_formats() -> None:
    golds = _bundled()
    events = [e for g in golds for e in g["events"]]
    assert {e["type"] for e in events} == set(EVENT_TYPES)
    assert {e["mode"] for e in events} == set(MODES)
    assert {g["lang"] for g in golds} == {"kk", "ru", "en"}
    assert {Path(g["file"]).suffix for g in golds} == {".txt", ".html", ".jsonl"}
    # Dates at every precision: year, month, day.
    assert {len(e["date"]) for e in events if e["date"]} == {4, 7, 10}


def test_the_same_event_is_told_in_two_articles() -> None:
    seen: dict[tuple[str, str, str], set[str]] = {}
    for g in _bundled():
        for e in g["events"]:
            for s in e["source"]:
                for t in e["target"]:
                    seen.setdefault((e["type"], s, t), set()).add(g["file"])
    assert seen[("VISIT", "sergei-shoigu", "PRK")] >= {"kk_kirby_shoigu.html", "ru_shoigu_pyongyang.html"}
    assert len(seen[("SUPPLY", "PRK", "RUS")]) >= 3


def test_kazakh_kirby_article_is_a_scraped_page_with_its_date() -> None:
    html = (EXAMPLES / "kk_kirby_shoigu.html").read_text(encoding="utf-8")
    assert 'content="2023-08-31' in html
    for boilerplate in ("Accessibility links", "XS SM MD LG", "cookie", "жазылыңыз"):
        assert boilerplate in html
    caption = "Сергей Шойгу мен Ким Чен Ын Пхеньянда, шілде 2023 жыл"
    assert html.count(caption) == 2  # the duplicated photo caption
    gold = next(g for g in _bundled() if g["file"] == "kk_kirby_shoigu.html")
    keys = {e["key"] for e in gold["entities"]}
    assert {"RUS", "PRK", "USA", "sergei-shoigu", "kim-jong-un", "john-kirby", "white-house", "unsc"} <= keys
    kinds = {(e["type"], e["mode"]) for e in gold["events"]}
    assert {("NEGOTIATE", "reported"), ("VISIT", "asserted"), ("SUPPLY", "denied"), ("DENY", "asserted"),
            ("ACCUSE", "asserted")} <= kinds


def test_jsonl_articles_carry_the_metadata_fields() -> None:
    for path in EXAMPLES.glob("*.jsonl"):
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            assert {"url", "title", "published", "outlet", "text"} <= set(row), path
            assert 5 <= row["text"].count(".") + row["text"].count("!") <= 30, path


def test_gold_entities_of_one_article_have_disjoint_names() -> None:
    # An alias shared by two entities would let one system actor stand for both.
    for g in _bundled():
        owner: dict[str, str] = {}
        for e in g["entities"]:
            terms = {normalise(t) for t in [e["key"], e["label"], *e["aliases"], *e["any_of"]]}
            for t in terms:
                assert owner.setdefault(t, e["key"]) == e["key"], (g["file"], t, owner[t], e["key"])


def test_each_gold_file_scores_one_against_itself() -> None:
    # The gold turned into contract records: proves every gold event is matchable one-to-one.
    for g in _bundled():
        doc = {"id": "doc:x", "source": f"examples/{g['file']}", "lang": g["lang"]}
        entities = [{"id": e["key"], "label": e["label"], "kind": e["kind"], "iso3": e["iso3"],
                     "names": {"xx": e["aliases"]}, "documents": ["doc:x"]} for e in g["entities"]]
        events = [dict(e, id=f"ev:{i}", documents=["doc:x"]) for i, e in enumerate(g["events"])]
        report = evaluate_records([g], [doc], entities, events)
        assert report.entities.f1 == 1.0, g["file"]
        assert report.events.f1 == 1.0, g["file"]
        for acc in (report.mode, report.date, report.reported_by):
            assert acc.correct == acc.total, g["file"]
        assert report.mode.total == len(g["events"])
