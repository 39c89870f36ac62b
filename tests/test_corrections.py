"""Corrections (docs/corrections.md): each kind changes the graph as documented, a bad file is one
line naming the file, line and problem, and a build records what it applied so a rebuild with the
same file gives the same output."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from graphbuild.api import build, load
from graphbuild.cli.main import main
from graphbuild.corrections import CorrectionError, apply_corrections, read_corrections
from graphbuild.graph.knowledge_graph import KnowledgeGraph
from graphbuild.graph.records import read_records
from graphbuild.model import Actor, Event, Role

REPO = Path(__file__).resolve().parents[1]
ARTICLE = REPO / "examples" / "ru_un_veto.txt"


@pytest.fixture()
def graph(records_dir: Path) -> KnowledgeGraph:
    return read_records(records_dir)


def _event(graph: KnowledgeGraph, event_type: str, **match: object) -> str:
    return next(e.id for e in graph.sorted_events()
                if e.type == event_type and all(getattr(e, k) == v for k, v in match.items()))


def _apply(graph: KnowledgeGraph, tmp_path: Path, text: str):  # type: ignore[no-untyped-def]
    path = tmp_path / "corrections.yaml"
    path.write_text(text, encoding="utf-8")
    return apply_corrections(graph, read_corrections(path))


def test_merge_moves_every_reference_and_joins_events_that_become_one(graph: KnowledgeGraph, tmp_path: Path) -> None:
    graph.add_actor(Actor(id="slug:rossiia", label="Rossiia", kind="Country", names={"ru": ["Россия"]},
                          documents=["doc:ru1"]))
    negotiation = next(e for e in graph.sorted_events() if e.type == "NEGOTIATE")
    twin = {**negotiation.to_dict(), "source": ["slug:rossiia"], "target": ["PRK"], "evidence": [], "tellings": []}
    graph.add_event(Event.from_dict({**twin, "documents": ["doc:ru1"]}))
    graph.add_role(Role(id="role:x", person="person:sergei-shoigu", role="Minister of Defence", of="slug:rossiia"))
    before = len(graph.events)
    applied = _apply(graph, tmp_path, "- merge: {into: RUS, actors: [slug:rossiia]}\n  why: the same country\n")
    assert applied.records[0]["applied"] is True and applied.records[0]["why"] == "the same country"
    assert "slug:rossiia" not in graph.actors
    assert len(graph.events) == before - 1  # the two negotiations are one event now
    merged = next(e for e in graph.events.values() if e.type == "NEGOTIATE")
    assert merged.source == ["PRK", "RUS"] and "doc:ru1" in merged.documents
    assert "doc:ru1" in graph.actors["RUS"].documents
    assert not any(r.of == "slug:rossiia" for r in graph.roles.values())
    assert any(r.of == "RUS" and r.role == "Minister of Defence" for r in graph.roles.values())


def test_retype_changes_codes_and_id_and_keeps_links(graph: KnowledgeGraph, tmp_path: Path) -> None:
    supply = _event(graph, "SUPPLY", date="2023")
    denial = _event(graph, "DENY")
    applied = _apply(graph, tmp_path, f"- retype: {{event: '{supply}', type: OFFER}}\n")
    assert supply not in graph.events
    offer = graph.events[applied.records[0]["changed"]["events_renamed"][supply]]
    assert (offer.type, offer.cameo, offer.plover) == ("OFFER", "030", "AGREE")
    assert offer.goldstein is not None
    assert graph.events[denial].about == offer.id  # the denial still points at what it denies


def test_drop_removes_the_event_and_the_links_to_it(graph: KnowledgeGraph, tmp_path: Path) -> None:
    supply = _event(graph, "SUPPLY", date="2023")
    _apply(graph, tmp_path, f"- drop: {{event: '{supply}'}}\n")
    assert supply not in graph.events
    assert all(e.about != supply for e in graph.events.values())


def test_fix_role_replaces_participants(graph: KnowledgeGraph, tmp_path: Path) -> None:
    threat = _event(graph, "THREATEN")
    applied = _apply(graph, tmp_path, f"- fix_role: {{event: '{threat}', source: [USA], target: [PRK]}}\n")
    fixed = graph.events[applied.records[0]["changed"]["events_renamed"][threat]]
    assert (fixed.source, fixed.target) == (["USA"], ["PRK"])
    assert applied.records[0]["changed"]["before"] == {"source": ["PRK"], "target": ["USA"]}


def test_a_later_correction_may_name_an_event_by_its_first_id(graph: KnowledgeGraph, tmp_path: Path) -> None:
    threat = _event(graph, "THREATEN")
    applied = _apply(graph, tmp_path, f"- fix_role: {{event: '{threat}', source: [USA], target: [PRK]}}\n"
                                      f"- drop: {{event: '{threat}'}}\n")
    assert [r["applied"] for r in applied.records] == [True, True]
    assert not any(e.type == "THREATEN" for e in graph.events.values())


def test_split_moves_a_name_and_the_events_told_with_it(graph: KnowledgeGraph, tmp_path: Path) -> None:
    graph.actors["person:kim-jong-un"].names["en"].append("Kim Yo Jong")
    meeting = graph.events[_event(graph, "MEET")]
    meeting.evidence[0].sentence = "Shoigu met Kim Yo Jong in Pyongyang."
    applied = _apply(graph, tmp_path, "- split: {actor: person:kim-jong-un, name: Kim Yo Jong, "
                                      "to: person:kim-yo-jong, kind: Person}\n")
    assert applied.records[0]["applied"] is True
    assert "Kim Yo Jong" not in graph.actors["person:kim-jong-un"].names["en"]
    assert graph.actors["person:kim-yo-jong"].names["en"] == ["Kim Yo Jong"]
    assert graph.actors["person:kim-yo-jong"].label == "Kim Yo Jong"
    meeting = next(e for e in graph.events.values() if e.type == "MEET")
    assert "person:kim-yo-jong" in meeting.source and "person:kim-jong-un" not in meeting.source


def test_a_correction_that_finds_nothing_is_recorded_and_warned(graph: KnowledgeGraph, tmp_path: Path) -> None:
    applied = _apply(graph, tmp_path, "- drop: {event: 'ev:0000000000000000'}\n")
    assert applied.records[0]["applied"] is False
    assert applied.warnings == [f"{tmp_path / 'corrections.yaml'}:1: drop not applied: "
                                "no event 'ev:0000000000000000' in this build"]


@pytest.mark.parametrize(("text", "line", "problem"), [
    ("merge: {into: RUS}\n", 1, "expected a list of corrections"),
    ("- merge: {into: RUS}\n", 1, "merge: missing field(s) actors"),
    ("- merge: {into: RUS, actors: RUS}\n", 1, "merge: actors must be a list of ids"),
    ("- merge: {into: RUS, actors: [RUS]}\n", 1, "merged into itself"),
    ("# a comment\n- retype: {event: 'ev:1', type: MEETING}\n", 2, "unknown event type 'MEETING'"),
    ("- drop: {event: 'ev:1'}\n- rename: {event: 'ev:1'}\n", 2, "needs exactly one of merge"),
    ("- drop: {event: 'ev:1', when: now}\n", 1, "drop: unknown field(s) when"),
    ("- fix_role: {event: 'ev:1'}\n", 1, "give at least one of source"),
    ("- alias: {actor: RUS, names: {de: [Russland]}}\n", 1, "unknown language(s) de"),
    ("- split: {actor: A, name: B, to: C, kind: Nation}\n", 1, "kind must be one of"),
    ("- drop:\n    event: 'ev:1'\n    event: 'ev:2'\n", 2, "key 'event' given twice"),
    ("- drop: {event: 'ev:1'\n", 2, "not valid YAML"),
])
def test_bad_files_are_one_line_naming_file_line_and_problem(tmp_path: Path, text: str, line: int,
                                                            problem: str) -> None:
    path = tmp_path / "corrections.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CorrectionError) as caught:
        read_corrections(path)
    message = str(caught.value)
    assert message.startswith(f"{path}:{line}: ") and problem in message and "\n" not in message


def test_cli_refuses_a_bad_file_before_reading_any_article(tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "fix.yaml"
    path.write_text("- retype: {event: 'ev:1', type: MEETING}\n", encoding="utf-8")
    code = main(["--quiet", "build", str(ARTICLE), "--out", str(tmp_path / "out"), "--corrections", str(path)])
    err = capsys.readouterr().err
    assert code == 1 and not (tmp_path / "out").exists()
    assert f"{path}:1: retype: unknown event type 'MEETING'" in " ".join(err.split())


def test_alias_of_an_actor_the_kb_lacks_needs_label_and_kind(tmp_path: Path) -> None:
    path = tmp_path / "fix.yaml"
    path.write_text("- alias: {actor: 'slug:nobody', names: {en: [Nobody]}}\n", encoding="utf-8")
    with pytest.raises(CorrectionError, match=r"fix.yaml:1: alias: 'slug:nobody' is not in the knowledge base"):
        build([ARTICLE], corrections=path)


def test_build_applies_and_records_corrections_and_a_rebuild_gives_the_same_output(tmp_path: Path) -> None:
    plain = build([ARTICLE])
    veto = next(e for e in plain.sorted_events() if e.type == "REJECT")
    path = tmp_path / "corrections.yaml"
    path.write_text(
        "# our fixes to the veto article\n"
        "- alias:\n    actor: RUS\n    names: {ru: [Россиюшка]}\n"
        f"- retype: {{event: '{veto.id}', type: THREATEN}}\n  why: a warning, not a veto\n",
        encoding="utf-8")
    outs = []
    for run in ("first", "second"):
        out = tmp_path / run / "out"
        assert main(["--quiet", "build", str(ARTICLE), "--out", str(out), "--corrections", str(path)]) in (0, 1)
        outs.append(out)
    records = json.loads((outs[0] / "corrections.json").read_text(encoding="utf-8"))
    assert [(r["kind"], r["line"], r["applied"]) for r in records] == [("alias", 2, True), ("retype", 5, True)]
    assert records[1]["why"] == "a warning, not a veto" and records[0]["file"] == str(path)
    graph = load(outs[0])
    assert "Россиюшка" in graph.actors["RUS"].names["ru"]
    assert veto.id not in graph.events
    assert any(e.type == "THREATEN" and e.id == records[1]["changed"]["events_renamed"][veto.id]
               for e in graph.events.values())
    for name in ("events.jsonl", "entities.jsonl", "corrections.json", "graph.trig", "tables/events.parquet"):
        assert (outs[0] / name).read_bytes() == (outs[1] / name).read_bytes(), name


def test_an_alias_is_found_in_the_articles(tmp_path: Path) -> None:
    """The alias reaches linking (it is added to the build's knowledge base), so mentions of the name
    become the actor: the events are Ukraine's, not a new place's."""
    article = tmp_path / "article.txt"
    article.write_text("Sylvania imposed sanctions on Russia on Monday.\n", encoding="utf-8")
    path = tmp_path / "fix.yaml"
    path.write_text("- alias: {actor: UKR, names: {en: [Sylvania]}}\n", encoding="utf-8")
    before = build([article])
    assert "UKR" not in before.actors
    after = build([article], corrections=path)
    assert [(e.type, e.source, e.target) for e in after.events.values()] == [("SANCTION", ["UKR"], ["RUS"])]
    assert "Sylvania" in after.actors["UKR"].names["en"]


def test_corrections_are_provenance_in_the_rdf(graph: KnowledgeGraph, tmp_path: Path) -> None:
    from rdflib import RDF, RDFS, Literal

    from graphbuild.export.rdf import GB, PROV, iri

    threat = _event(graph, "THREATEN")
    applied = _apply(graph, tmp_path, f"- fix_role: {{event: '{threat}', source: [USA], target: [PRK]}}\n"
                                      "  why: the US threatened\n- drop: {event: 'ev:0000000000000000'}\n")
    graph.corrections = applied.records
    fixed = applied.records[0]["corrected"]
    assert len(fixed) == 1 and fixed[0] in graph.events and fixed[0] != threat
    dataset = graph.to_rdflib()
    corrections = set(dataset.subjects(RDF.type, GB.Correction))
    assert len(corrections) == 2 and all((c, RDF.type, PROV.Activity) in dataset for c in corrections)
    done = next(c for c in corrections if (c, GB.applied, Literal(True)) in dataset)
    assert (done, GB.corrected, iri(fixed[0])) in dataset
    assert (done, RDFS.comment, Literal("the US threatened")) in dataset
    assert (done, GB.correctionKind, Literal("fix_role")) in dataset
