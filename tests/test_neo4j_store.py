"""The Neo4j store against a real Neo4j 5 Community server (tests/neo4j_launcher)."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from neo4j import Driver, GraphDatabase
from servers.neo4j_server import Neo4jServer, Neo4jStartError, free_port, start_neo4j

from graphbuild.graph.knowledge_graph import KnowledgeGraph
from graphbuild.graph.records import read_records
from graphbuild.model import EVENT_TYPES, Actor, Event, Evidence
from graphbuild.stores.neo4j_model import TYPED_EDGES, RelSet, graph_rows
from graphbuild.stores.neo4j_store import (
    Neo4jConnectionError,
    push_graph,
    read_counts,
    relationship_query,
)


@pytest.fixture(scope="module")
def graph(records_dir: Path) -> KnowledgeGraph:
    return read_records(records_dir)


@pytest.fixture()
def driver(neo4j_server: Neo4jServer) -> Iterator[Driver]:
    with GraphDatabase.driver(neo4j_server.uri, auth=(neo4j_server.user, neo4j_server.password)) as drv:
        drv.execute_query("MATCH (n) DETACH DELETE n")  # the session server is shared between modules
        yield drv


def _push(graph: KnowledgeGraph, server: Neo4jServer, **kwargs: Any):  # type: ignore[no-untyped-def]
    return push_graph(graph, server.uri, server.user, server.password, **kwargs)


def _expected_nodes(graph: KnowledgeGraph) -> dict[str, int]:
    evidence = {v.id for e in graph.events.values() for v in e.evidence}
    expected = {"Actor": len(graph.actors), "Document": len(graph.documents), "Event": len(graph.events),
                "Evidence": len(evidence), "Telling": sum(len(e.tellings) for e in graph.events.values())}
    for actor in graph.actors.values():
        expected[actor.kind] = expected.get(actor.kind, 0) + 1
    roles_without_of = [r for r in graph.roles.values() if r.of not in graph.actors]
    if roles_without_of:
        expected["Role"] = len(roles_without_of)
    return dict(sorted(expected.items()))


def _expected_typed_edges(graph: KnowledgeGraph) -> set[tuple[str, str, str, str, str | None, str]]:
    return {(s, EVENT_TYPES[e.type].edge, t, e.id, e.date, e.mode)
            for e in graph.events.values() for s, t in graph.edge_pairs(e)}


def test_unreachable_server_is_one_clear_line() -> None:
    uri = f"bolt://127.0.0.1:{free_port()}"
    with pytest.raises(Neo4jConnectionError) as caught:
        push_graph(KnowledgeGraph(), uri, "neo4j", "whatever")
    message = str(caught.value)
    assert message == f"cannot reach Neo4j at {uri}: connection refused"
    assert "\n" not in message


@pytest.mark.parametrize("uri", ["http://127.0.0.1:7474", "localhost:7687", "bolt://"])
def test_a_uri_that_is_not_bolt_is_one_clear_line(uri: str) -> None:
    with pytest.raises(Neo4jConnectionError, match=r"^invalid Neo4j URI .*expected bolt://HOST:PORT"):
        push_graph(KnowledgeGraph(), uri, "neo4j", "whatever")


def test_wrong_password_is_one_clear_line(neo4j_server: Neo4jServer) -> None:
    with pytest.raises(Neo4jConnectionError) as caught:
        read_counts(neo4j_server.uri, neo4j_server.user, neo4j_server.password + "-wrong")
    message = str(caught.value)
    assert message == f"Neo4j at {neo4j_server.uri} refused the credentials for user 'neo4j'"
    assert "\n" not in message


def test_missing_database_is_one_clear_line(graph: KnowledgeGraph, neo4j_server: Neo4jServer) -> None:
    with pytest.raises(Neo4jConnectionError) as caught:
        _push(graph, neo4j_server, database="nosuchdb")
    assert str(caught.value) == f"Neo4j at {neo4j_server.uri} has no database 'nosuchdb'"


def test_a_failed_start_shows_the_launcher_log(neo4j_server: Neo4jServer, tmp_path: Path) -> None:
    # The session server holds the store lock of its home: a second server on it must fail fast.
    with pytest.raises(Neo4jStartError) as caught:
        start_neo4j(tmp_path, home=neo4j_server.home, timeout=120)
    message = str(caught.value)
    assert "exited with code 1" in message
    assert "FAILED" in message and "lock" in message.lower()


def test_push_writes_every_node_and_relationship(graph: KnowledgeGraph, neo4j_server: Neo4jServer,
                                                 driver: Driver) -> None:
    report = _push(graph, neo4j_server, batch_size=4)
    counts = read_counts(neo4j_server.uri, neo4j_server.user, neo4j_server.password)
    assert counts["by_label"] == _expected_nodes(graph)
    assert counts["nodes"] == report.nodes == report.nodes_created
    assert counts["relationships"] == report.relationships == report.relationships_created
    by_type = counts["by_type"]
    assert by_type["SOURCE"] == sum(len(e.source) for e in graph.events.values())
    assert by_type["TARGET"] == sum(len(e.target) for e in graph.events.values())
    tellings = [t for e in graph.events.values() for t in e.tellings]
    assert by_type["EVIDENCED_BY"] == sum(len(e.evidence) for e in graph.events.values()) \
        + sum(len(t.evidence) for t in tellings)
    assert by_type["ABOUT"] == sum(1 for e in graph.events.values() if e.about)
    assert by_type["HOLDS_ROLE"] == len(graph.roles)
    assert by_type["REPORTED_BY"] == sum(len(e.reported_by) for e in graph.events.values()) \
        + sum(len(t.reported_by) for t in tellings)
    assert by_type["HAS_TELLING"] == len(tellings)
    # All 17 projected edge types are present in the test graph.
    assert {t.edge for t in EVENT_TYPES.values()} <= set(by_type)


def test_typed_edges_carry_event_id_date_and_mode(graph: KnowledgeGraph, neo4j_server: Neo4jServer,
                                                  driver: Driver) -> None:
    _push(graph, neo4j_server)
    records, _, _ = driver.execute_query(
        "MATCH (s:Actor)-[r]->(t:Actor) WHERE r.event_id IS NOT NULL "
        "RETURN s.id AS s, type(r) AS type, t.id AS t, r.event_id AS event_id, r.date AS date, r.mode AS mode")
    found = {(r["s"], r["type"], r["t"], r["event_id"], r["date"], r["mode"]) for r in records}
    assert found == _expected_typed_edges(graph)
    assert len(records) == len(found)
    modes = {r["mode"] for r in records}
    assert {"asserted", "reported", "denied", "planned", "negated"} <= modes


def test_denial_is_about_the_denied_event(graph: KnowledgeGraph, neo4j_server: Neo4jServer,
                                          driver: Driver) -> None:
    _push(graph, neo4j_server)
    denials = [e for e in graph.events.values() if e.type == "DENY" and e.about]
    assert denials, "the test graph must hold a denial linked with about"
    records, _, _ = driver.execute_query(
        "MATCH (d:Event {type: 'DENY'})-[:ABOUT]->(x:Event) "
        "MATCH (d)-[:SOURCE]->(denier:Actor) RETURN d.id AS d, x.id AS x, x.mode AS mode, denier.id AS denier")
    found = {(r["d"], r["x"], r["mode"], r["denier"]) for r in records}
    expected = {(d.id, d.about, graph.events[d.about].mode, s) for d in denials for s in d.source}
    assert found == expected


def test_properties_roundtrip_with_their_types(graph: KnowledgeGraph, neo4j_server: Neo4jServer,
                                               driver: Driver) -> None:
    _push(graph, neo4j_server)
    for actor in graph.sorted_actors():
        record = driver.execute_query("MATCH (a:Actor {id: $id}) RETURN a, labels(a) AS labels",
                                      id=actor.id).records[0]
        node = record["a"]
        assert set(record["labels"]) == {"Actor", actor.kind}
        for lang in ("en", "ru", "kk"):
            assert node.get(f"names_{lang}") == (actor.names.get(lang) or None)
        assert node["label"] == actor.label
    event = next(e for e in graph.sorted_events() if e.evidence)
    record = driver.execute_query(
        "MATCH (e:Event {id: $id})-[:EVIDENCED_BY]->(v:Evidence)-[:IN_DOCUMENT]->(d:Document) "
        "RETURN e, v, d.id AS doc ORDER BY v.id", id=event.id).records
    assert [r["v"]["id"] for r in record] == [v.id for v in event.evidence]
    node = record[0]["e"]
    assert node["cameo"] == event.cameo and isinstance(node["cameo"], str)
    assert node["confidence"] == pytest.approx(event.confidence) and isinstance(node["confidence"], float)
    evidence = record[0]["v"]
    assert (evidence["start"], evidence["end"]) == (event.evidence[0].start, event.evidence[0].end)
    assert evidence["sentence"] == event.evidence[0].sentence


def test_pushing_twice_changes_nothing(graph: KnowledgeGraph, neo4j_server: Neo4jServer,
                                       driver: Driver) -> None:
    first = _push(graph, neo4j_server, batch_size=3)
    before = read_counts(neo4j_server.uri, neo4j_server.user, neo4j_server.password)
    second = _push(graph, neo4j_server)
    after = read_counts(neo4j_server.uri, neo4j_server.user, neo4j_server.password)
    assert before == after
    assert first.nodes_created == before["nodes"]
    assert second.nodes_created == 0 and second.relationships_created == 0
    assert (second.nodes, second.relationships) == (first.nodes, first.relationships)


def test_batches_and_progress_cover_every_row(graph: KnowledgeGraph, neo4j_server: Neo4jServer,
                                              driver: Driver) -> None:
    seen: list[int] = []
    report = _push(graph, neo4j_server, batch_size=5, progress=seen.append)
    assert sum(seen) == report.nodes + report.relationships
    # Batches of 5 rows, except that 5 events travel with all their relationships in one transaction.
    rows = graph_rows(graph)
    independent = [len(s.rows) for s in rows.nodes if s.label != "Event"]
    independent += [len(s.rows) for s in rows.relationships if s.start_label != "Event" and s.type not in TYPED_EDGES]
    events = sum(len(s.rows) for s in rows.nodes if s.label == "Event")
    assert len(seen) == report.batches == sum(-(-n // 5) for n in independent) + -(-events // 5)


def test_values_are_parameters_not_query_text(neo4j_server: Neo4jServer, driver: Driver) -> None:
    # Names full of Cypher syntax must arrive verbatim: they never touch the query text.
    nasty = "x'}) DETACH DELETE n //` \"quoted\" \\ {$rows}"
    graph = KnowledgeGraph()
    graph.add_actor(Actor(id="a:1", label=nasty, kind="Person", names={"kk": [nasty, "Ақ үй"]}))
    graph.add_actor(Actor(id="b`2", label="B", kind="Country"))
    event = graph.add_event(Event(id="", type="ACCUSE", cameo="112", plover="ACCUSE", source=["a:1"],
                                  target=["b`2"], date="2024-01-02", object=nasty,
                                  evidence=[Evidence("evd:x", "doc:none", nasty, 0, 3, nasty, "kk")]))
    _push(graph, neo4j_server)
    records = driver.execute_query("MATCH (a:Actor {id: 'a:1'})-[r:ACCUSED]->(b:Actor) "
                                   "RETURN a.label AS label, a.names_kk AS kk, b.id AS b, r.event_id AS ev")
    row = records.records[0]
    assert (row["label"], row["kk"], row["b"], row["ev"]) == (nasty, sorted([nasty, "Ақ үй"]), "b`2", event.id)
    # The evidence names a document the graph does not hold: no dangling relationship is made.
    assert driver.execute_query("MATCH (:Evidence)-[r:IN_DOCUMENT]->() RETURN count(r) AS c").records[0]["c"] == 0


def test_stale_properties_and_kind_labels_are_replaced(graph: KnowledgeGraph, neo4j_server: Neo4jServer,
                                                       driver: Driver) -> None:
    _push(graph, neo4j_server)
    changed = copy.deepcopy(graph)
    actor = next(a for a in changed.sorted_actors() if a.wikidata)
    actor.wikidata = None
    actor.kind = "Group" if actor.kind != "Group" else "Organization"
    _push(changed, neo4j_server)
    record = driver.execute_query("MATCH (a:Actor {id: $id}) RETURN a.wikidata AS q, labels(a) AS labels",
                                  id=actor.id).records[0]
    assert record["q"] is None
    assert set(record["labels"]) == {"Actor", actor.kind}


def test_labels_and_types_outside_the_vocabulary_are_refused() -> None:
    with pytest.raises(ValueError, match="not in the Neo4j vocabulary"):
        relationship_query(RelSet("LIKES`]->() DETACH DELETE s //", "Actor", "Actor"))
    with pytest.raises(ValueError, match="not in the Neo4j vocabulary"):
        relationship_query(RelSet("VISITED", "Actor", "Thing"))


def test_leaves_the_test_graph_pushed(graph: KnowledgeGraph, neo4j_server: Neo4jServer,
                                      driver: Driver) -> None:
    # Last in the file on purpose: later modules sharing the server find the test graph there.
    report = _push(graph, neo4j_server)
    assert read_counts(neo4j_server.uri, neo4j_server.user, neo4j_server.password)["nodes"] == report.nodes
