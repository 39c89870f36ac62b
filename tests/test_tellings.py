"""One event, many tellings (docs/contract.md, "Events and tellings"): what merges and what must not,
the aggregate mode, stable ids, and two articles telling one event differently, read back from the
files, a real Neo4j and a real SPARQL server."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from neo4j import GraphDatabase
from servers.oxigraph_server import OxigraphServer, start_oxigraph

from graphbuild.export.jsonl import write_contract
from graphbuild.graph.knowledge_graph import KnowledgeGraph
from graphbuild.graph.records import read_records
from graphbuild.graph.tellings import UNDATED_WINDOW, aggregate_mode, dates_compatible, kept_apart
from graphbuild.ids import event_id
from graphbuild.model import Actor, Document, Event, Evidence, Telling
from graphbuild.queries import normalise, run_cypher, run_sparql
from graphbuild.stores.neo4j_store import push_graph

REPO = Path(__file__).resolve().parents[1]


def _telling(doc: str, mode: str = "asserted", speakers: tuple[str, ...] = (), date: str | None = None,
             published: str | None = None) -> Event:
    """An event of one article, as the pipeline hands it to the graph."""
    evidence = Evidence(f"evd:{doc}", doc, f"sentence of {doc}", 0, 10, "quote", "en")
    precision = {1: "year", 2: "month", 3: "day"}[len(date.split("-"))] if date else None
    return Event(id=f"local:{doc}", type="VISIT", cameo="042", plover="CONSULT",
                 source=["person:sergei-shoigu"], target=["PRK"], mode=mode, reported_by=list(speakers),
                 date=date, date_precision=precision, documents=[doc], evidence=[evidence],
                 tellings=[Telling(document=doc, mode=mode, reported_by=list(speakers), date=date,
                                   date_precision=precision, reported_on=published, evidence=[evidence])])


def _graph(*events: Event) -> KnowledgeGraph:
    graph = KnowledgeGraph()
    for event in events:
        for t in event.tellings:
            graph.add_document(Document(t.document, t.document, "en", published=t.reported_on))
        graph.add_event(event)
    return graph


def test_aggregate_mode_rule() -> None:
    assert aggregate_mode(["asserted"]) == "asserted"
    assert aggregate_mode(["asserted", "denied"]) == "contested"
    assert aggregate_mode(["reported", "negated"]) == "contested"
    assert aggregate_mode(["reported", "asserted", "planned"]) == "asserted"
    assert aggregate_mode(["planned", "reported"]) == "reported"
    assert aggregate_mode(["planned", "denied"]) == "denied"
    assert aggregate_mode(["negated", "denied"]) == "denied"
    assert aggregate_mode(["planned", "planned"]) == "planned"


def test_undated_retelling_joins_the_dated_event_and_keeps_its_own_mode_and_speaker() -> None:
    dated = _telling("doc:a", "asserted", date="2023-07", published="2023-07-28")
    undated = _telling("doc:b", "reported", ("person:john-kirby",), published="2023-08-10")
    graph = _graph(dated, undated)
    assert len(graph.events) == 1
    event = next(iter(graph.events.values()))
    assert event.date == "2023-07" and event.first_reported_on == "2023-07-28"
    assert [(t.document, t.mode, t.reported_by) for t in event.tellings] == [
        ("doc:a", "asserted", []), ("doc:b", "reported", ["person:john-kirby"])]
    assert event.mode == "asserted" and event.reported_by == ["person:john-kirby"]
    assert event.documents == ["doc:a", "doc:b"] and len(event.evidence) == 2


def test_the_id_stays_when_a_later_article_adds_the_date() -> None:
    undated = _telling("doc:b", published="2023-08-10")
    graph = _graph(undated)
    first_id = next(iter(graph.events))
    assert first_id == event_id("VISIT", ["person:sergei-shoigu"], ["PRK"], None)
    graph.add_document(Document("doc:a", "doc:a", "en", published="2023-08-12"))
    stored = graph.add_event(_telling("doc:a", date="2023-07-26", published="2023-08-12"))
    assert list(graph.events) == [first_id] and stored.id == first_id
    assert stored.date == "2023-07-26" and stored.date_precision == "day"


@pytest.mark.parametrize(("first", "second"), [
    (("2023-07", "2023-07-28"), ("2023-09", "2023-09-30")),  # two stated dates that conflict
    (("2023-07", "2023-07-28"), (None, "2024-08-10")),  # "the visit" a year later is another visit
    ((None, "2023-01-10"), (None, "2023-08-10")),  # two undated visits told months apart
])
def test_conflicting_or_distant_dates_stay_two_events(first: tuple[str | None, str],
                                                      second: tuple[str | None, str]) -> None:
    graph = _graph(_telling("doc:a", date=first[0], published=first[1]),
                   _telling("doc:b", date=second[0], published=second[1]))
    assert len(graph.events) == 2
    assert all(len(e.tellings) == 1 for e in graph.events.values())


def test_different_objects_stay_two_events() -> None:
    arms, food = _telling("doc:a", published="2023-08-01"), _telling("doc:b", published="2023-08-02")
    arms.object, food.object = "arms", "food"
    assert len(_graph(arms, food).events) == 2


def test_window_edges() -> None:
    dated = _telling("doc:a", date="2023-07", published="2023-07-20")
    last_day = date(2023, 7, 31) + UNDATED_WINDOW
    assert dates_compatible(dated, _telling("doc:b", published=last_day.isoformat()))
    assert not dates_compatible(dated, _telling("doc:b", published=(last_day + timedelta(days=1)).isoformat()))
    assert not dates_compatible(dated, _telling("doc:b", published="2023-06-30"))  # told before it happened


def test_remention_in_one_article_is_one_telling() -> None:
    graph = _graph(_telling("doc:a", "reported", ("person:john-kirby",), published="2023-08-10"),
                   _telling("doc:a", "denied", ("PRK",), published="2023-08-10"))
    (event,) = graph.events.values()
    (told,) = event.tellings
    assert told.mode == "denied" and told.reported_by == ["PRK", "person:john-kirby"]
    assert event.mode == "denied"  # one article: its telling's mode, not "contested"


def test_what_one_article_tells_as_two_events_stays_two() -> None:
    """The event stage kept the headline's undated visit and the body's dated one apart: so does the graph."""
    graph = _graph(_telling("doc:a", "asserted", published="2023-08-10"),
                   _telling("doc:a", "reported", date="2023-07", published="2023-08-10"))
    assert len(graph.events) == 2
    graph.add_event(_telling("doc:b", "asserted", published="2023-08-11"))  # another article joins one of them
    assert len(graph.events) == 2 and sum(len(e.tellings) for e in graph.events.values()) == 3


def test_reingesting_an_article_changes_nothing() -> None:
    graph = _graph(_telling("doc:a", "asserted", date="2023-07", published="2023-07-28"),
                   _telling("doc:b", "denied", published="2023-08-01"))
    before = [e.to_dict() for e in graph.sorted_events()]
    graph.add_events([_telling("doc:b", "denied", published="2023-08-01"),
                      _telling("doc:a", "asserted", date="2023-07", published="2023-07-28")])
    assert [e.to_dict() for e in graph.sorted_events()] == before
    assert before[0]["mode"] == "contested"


def test_about_follows_the_merged_event() -> None:
    graph = _graph(_telling("doc:a", date="2023-07", published="2023-07-28"))
    denial = Event(id="local:deny", type="DENY", cameo="016", plover="REJECT", source=["PRK"], target=["USA"],
                   about="local:visit", documents=["doc:b"])
    claim = _telling("doc:b", "denied", published="2023-08-01")
    claim.id = "local:visit"
    renamed = graph.add_events([denial, claim])  # the denial first: its about is followed anyway
    (visit,) = [e for e in graph.events.values() if e.type == "VISIT"]
    assert renamed["local:visit"] == visit.id
    assert graph.events[renamed["local:deny"]].about == visit.id


def test_records_keep_their_ids_when_two_events_share_type_and_participants(tmp_path: Path) -> None:
    graph = _graph(_telling("doc:a", date="2023-07", published="2023-07-28"),
                   _telling("doc:b", date="2023-09", published="2023-09-30"))
    graph.add_actor(Actor("person:sergei-shoigu", "Sergei Shoigu", "Person"))
    graph.add_actor(Actor("PRK", "North Korea", "Country", iso3="PRK"))
    write_contract(graph, tmp_path)
    again = read_records(tmp_path)
    assert sorted(again.events) == sorted(graph.events)
    assert {e.id: e.date for e in again.events.values()} == {e.id: e.date for e in graph.events.values()}


# -- two real articles telling one event differently -------------------------------------------

ARTICLES = [
    {"text": "John Kirby said that North Korea supplied ammunition to Russia.", "published": "2023-09-05",
     "outlet": "Wire A", "url": "https://a.example/1"},
    {"text": "Пхеньян опроверг поставки боеприпасов России.", "published": "2023-09-06", "outlet": "Лента Б",
     "url": "https://b.example/1"},
    {"text": "Russian Defence Minister Sergei Shoigu visited Pyongyang in July.", "published": "2023-07-28",
     "outlet": "Wire A", "url": "https://a.example/2"},
    {"text": "Sergei Shoigu visited Pyongyang.", "published": "2023-08-10", "outlet": "Wire C",
     "url": "https://c.example/1"},
    {"text": "Sergei Shoigu visited Pyongyang.\n\nThe minister met Kim Jong Un.", "published": "2024-08-10",
     "outlet": "Wire C", "url": "https://c.example/2"},
]


@pytest.fixture(scope="module")
def told(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("tellings")
    feed = folder / "feed.jsonl"
    feed.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in ARTICLES), encoding="utf-8")
    out = folder / "out"
    result = subprocess.run([sys.executable, "-m", "graphbuild", "--quiet", "build", str(feed), "--out", str(out)],
                            capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stderr
    return out


def _rows(path: Path) -> list[dict]:  # type: ignore[type-arg]
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _doc_ids(out: Path) -> dict[str, str]:
    return {d["url"]: d["id"] for d in _rows(out / "documents.jsonl")}


def _supply(out: Path) -> dict:  # type: ignore[type-arg]
    (supply,) = [e for e in _rows(out / "events.jsonl") if e["type"] == "SUPPLY"]
    return supply


def test_two_articles_one_event_two_tellings(told: Path) -> None:
    docs = _doc_ids(told)
    supply = _supply(told)
    assert (supply["source"], supply["target"]) == (["PRK"], ["RUS"])
    by_doc = {t["document"]: t for t in supply["tellings"]}
    assert set(by_doc) == {docs["https://a.example/1"], docs["https://b.example/1"]}
    english, russian = by_doc[docs["https://a.example/1"]], by_doc[docs["https://b.example/1"]]
    assert english["mode"] == "reported" and english["reported_by"] == ["person:john-kirby"]
    assert russian["mode"] == "denied" and russian["reported_by"] == []  # Kirby is not in the Russian article
    assert english["reported_on"] == "2023-09-05" and russian["reported_on"] == "2023-09-06"
    assert {e["document"] for e in english["evidence"]} == {english["document"]}
    assert supply["mode"] == "contested" and supply["reported_by"] == ["person:john-kirby"]
    assert supply["date"] is None and supply["first_reported_on"] == "2023-09-05"


def test_undated_retelling_joins_and_a_year_later_does_not(told: Path) -> None:
    docs = _doc_ids(told)
    visits = [e for e in _rows(told / "events.jsonl") if e["type"] == "VISIT"]
    assert len(visits) == 2
    july = next(e for e in visits if e["date"] == "2023-07")
    assert sorted(t["document"] for t in july["tellings"]) == sorted(
        [docs["https://a.example/2"], docs["https://c.example/1"]])
    stated = {t["document"]: t["date_text"] for t in july["tellings"]}
    assert stated == {docs["https://a.example/2"]: "July", docs["https://c.example/1"]: None}
    later = next(e for e in visits if e is not july)
    assert later["date"] is None and later["first_reported_on"] == "2024-08-10"
    assert [t["document"] for t in later["tellings"]] == [docs["https://c.example/2"]]


@pytest.fixture(scope="module")
def told_sparql(told: Path) -> Iterator[OxigraphServer]:
    server = start_oxigraph([told / "graph.trig"], told / "oxigraph")
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="module")
def told_neo4j(told: Path, neo4j_server):  # type: ignore[no-untyped-def]
    with GraphDatabase.driver(neo4j_server.uri, auth=(neo4j_server.user, neo4j_server.password)) as driver:
        driver.execute_query("MATCH (n) DETACH DELETE n")  # the session server may hold other tests' data
    push_graph(read_records(told), neo4j_server.uri, neo4j_server.user, neo4j_server.password)
    return neo4j_server


def test_stores_answer_per_telling(told: Path, told_neo4j, told_sparql: OxigraphServer) -> None:  # type: ignore[no-untyped-def]
    docs = _doc_ids(told)
    supply = _supply(told)
    server = (told_neo4j.uri, told_neo4j.user, told_neo4j.password)
    for name, params in (("event_tellings", {"event": supply["id"]}), ("outlets_disagree", {}),
                         ("reported_about_actor", {"actor": "PRK"})):
        cypher = normalise(run_cypher(name, params, *server))
        assert cypher == normalise(run_sparql(name, params, told_sparql.query_url)), name
    how = {(r["document"], r["mode"], r["reported_by"], r["outlet"])
           for r in run_cypher("event_tellings", {"event": supply["id"]}, *server)}
    assert how == {(docs["https://a.example/1"], "reported", "person:john-kirby", "Wire A"),
                   (docs["https://b.example/1"], "denied", None, "Лента Б")}
    disagree = run_sparql("outlets_disagree", {}, told_sparql.query_url)
    assert [(r["event"], r["affirmed_in"], r["denied_in"], r["mode"]) for r in disagree] == [
        (supply["id"], docs["https://a.example/1"], docs["https://b.example/1"], "contested")]
    reporters = run_sparql("reported_about_actor", {"actor": "PRK"}, told_sparql.query_url)
    assert {(r["reporter"], r["document"], r["mode"]) for r in reporters} == {
        ("person:john-kirby", docs["https://a.example/1"], "reported")}


def test_each_telling_lives_in_its_documents_graph(told: Path, told_sparql: OxigraphServer) -> None:
    from graphbuild.stores.oxigraph_store import query

    ask = ("PREFIX gb: <https://w3id.org/graphbuild/ontology#> "
           "SELECT ?g ?doc WHERE { GRAPH ?g { ?t a gb:Telling ; gb:toldIn ?doc } "
           "?g <http://www.w3.org/ns/prov#wasDerivedFrom> ?doc }")
    rows = query(told_sparql.query_url, ask)["results"]["bindings"]
    tellings = sum(len(e["tellings"]) for e in _rows(told / "events.jsonl"))
    assert len(rows) == tellings


# -- the bundled examples and the held-out articles built together ------------------------------

@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("corpus") / "out"
    result = subprocess.run([sys.executable, "-m", "graphbuild", "--quiet", "build", str(REPO / "examples"),
                             str(REPO / "tests" / "data" / "heldout"), "--out", str(out)],
                            capture_output=True, text=True, timeout=1800)
    assert result.returncode in (0, 1), result.stderr
    return out


def test_events_told_by_several_articles_have_one_telling_each(corpus: Path) -> None:
    events = _rows(corpus / "events.jsonl")
    several = [e for e in events if len(e["documents"]) > 1]
    assert several, "the corpus has events told by several articles"
    for event in events:
        documents = [t["document"] for t in event["tellings"]]
        assert documents == sorted(set(documents)) == event["documents"], event["id"]
        for telling in event["tellings"]:
            assert {v["document"] for v in telling["evidence"]} == {telling["document"]}, event["id"]


def test_no_telling_names_a_speaker_its_article_does_not_mention(corpus: Path) -> None:
    mentioned = {e["id"]: set(e["documents"]) for e in _rows(corpus / "entities.jsonl")}
    outlets = {e["id"] for e in _rows(corpus / "entities.jsonl") if e.get("outlet")}
    for event in _rows(corpus / "events.jsonl"):
        assert not outlets & set(event["source"] + event["target"] + event["reported_by"])
        for telling in event["tellings"]:
            for speaker in telling["reported_by"] + telling["via"]:
                assert telling["document"] in mentioned[speaker], (event["id"], speaker)


def test_no_undated_event_is_left_beside_a_dated_one_it_fits(corpus: Path) -> None:
    graph = read_records(corpus)
    by_key: dict[tuple, list[Event]] = {}  # type: ignore[type-arg]
    for event in graph.events.values():
        by_key.setdefault((event.type, tuple(event.source), tuple(event.target)), []).append(event)
    for group in by_key.values():
        for undated in (e for e in group if not e.date):
            for other in group:
                # an article that tells both keeps them apart (the event stage decided: kept_apart)
                if other is not undated and not kept_apart(other, undated):
                    assert not (dates_compatible(other, undated) and (other.object or "") == (undated.object or "")), \
                        (undated.id, other.id)
