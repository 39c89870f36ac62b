"""neo4j-admin import CSVs: header format, atomic writing, and a real bulk import.

The loadability proof runs the real `neo4j-admin database import full` (org.neo4j.cli.AdminTool
from the Maven artifacts of tests/neo4j_launcher) into a fresh database, opens that database
in a second launcher and compares every node and relationship with the live push of the same
graph."""

from __future__ import annotations

import copy
import csv
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from neo4j import Driver, GraphDatabase
from servers.neo4j_server import Neo4jServer, neo4j_admin, start_neo4j

from graphbuild.export.neo4j_csv import import_command, write_neo4j_csv
from graphbuild.graph.knowledge_graph import KnowledgeGraph
from graphbuild.graph.records import read_records
from graphbuild.stores.neo4j_store import push_graph


@pytest.fixture(scope="module")
def graph(records_dir: Path) -> KnowledgeGraph:
    g = read_records(records_dir)
    # Names that stress CSV quoting and the array delimiter must survive the import.
    actor = g.sorted_actors()[0]
    actor.names.setdefault("en", []).append('A "quoted", name|with;delims\nand a second line')
    return g


def _read(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def test_headers_follow_the_neo4j_admin_format(graph: KnowledgeGraph, tmp_path: Path) -> None:
    files = write_neo4j_csv(graph, tmp_path)
    folder = tmp_path / "neo4j"
    assert all(f.parent == folder and f.exists() for f in files)
    actors = _read(folder / "nodes_actor_country.csv")
    assert actors[0][:2] == ["id:ID(Actor)", ":LABEL"]
    assert {"names_en:string[]", "names_ru:string[]", "names_kk:string[]", "label", "names"} <= set(actors[0])
    events = _read(folder / "nodes_event.csv")
    assert {"goldstein:double", "confidence:double", "date", "mode"} <= set(events[0])
    assert len(events) - 1 == len(graph.events)
    evidence = _read(folder / "nodes_evidence.csv")
    assert {"start:long", "end:long"} <= set(evidence[0])
    sources = _read(folder / "rels_source_event_actor.csv")
    assert sources[0] == [":START_ID(Event)", ":END_ID(Actor)", ":TYPE"]
    assert len(sources) - 1 == sum(len(e.source) for e in graph.events.values())
    visited = _read(folder / "rels_visited_actor_actor.csv")
    assert visited[0] == [":START_ID(Actor)", ":END_ID(Actor)", ":TYPE", "event_id", "date", "mode"]
    assert {row[2] for row in visited[1:]} == {"VISITED"}
    script = (folder / "import.sh").read_text(encoding="utf-8")
    assert "neo4j-admin database import full" in script
    for name in (f.name for f in files if f.suffix == ".csv"):
        assert name in script


def test_written_atomically(graph: KnowledgeGraph, tmp_path: Path) -> None:
    write_neo4j_csv(graph, tmp_path)
    before = {p.name: p.read_bytes() for p in (tmp_path / "neo4j").iterdir()}
    broken = copy.deepcopy(graph)
    next(iter(broken.actors.values())).kind = "Planet"  # refused: not in the vocabulary
    with pytest.raises(ValueError):
        write_neo4j_csv(broken, tmp_path)
    after = {p.name: p.read_bytes() for p in (tmp_path / "neo4j").iterdir()}
    assert after == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["neo4j"]  # no temporary leftovers


def _dump(driver: Driver) -> tuple[list[Any], list[Any]]:
    nodes = driver.execute_query(
        "MATCH (n) RETURN n.id AS id, labels(n) AS labels, properties(n) AS props").records
    rels = driver.execute_query(
        "MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS type, b.id AS b, properties(r) AS props").records
    node_rows = sorted((r["id"], sorted(r["labels"]), sorted(r["props"].items())) for r in nodes)
    rel_rows = sorted((r["a"], r["type"], r["b"], sorted(r["props"].items())) for r in rels)
    return node_rows, rel_rows


@pytest.fixture(scope="module")
def imported(graph: KnowledgeGraph, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Neo4jServer]:
    work = tmp_path_factory.mktemp("neo4j_import")
    write_neo4j_csv(graph, work / "out")
    home = work / "home"
    result = neo4j_admin(home, *import_command(work / "out" / "neo4j"))
    assert result.returncode == 0, f"neo4j-admin import failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    assert "IMPORT DONE" in result.stdout + result.stderr
    server = start_neo4j(work / "server", home=home)
    try:
        yield server
    finally:
        server.stop()


def test_bulk_import_equals_the_live_push(graph: KnowledgeGraph, neo4j_server: Neo4jServer,
                                          imported: Neo4jServer) -> None:
    with GraphDatabase.driver(neo4j_server.uri, auth=(neo4j_server.user, neo4j_server.password)) as live:
        live.execute_query("MATCH (n) DETACH DELETE n")
        report = push_graph(graph, neo4j_server.uri, neo4j_server.user, neo4j_server.password)
        pushed = _dump(live)
    with GraphDatabase.driver(imported.uri, auth=(imported.user, imported.password)) as bulk:
        loaded = _dump(bulk)
    assert len(loaded[0]) == report.nodes and len(loaded[1]) == report.relationships
    assert loaded == pushed


def test_schema_file_applies_to_the_imported_database(graph: KnowledgeGraph, imported: Neo4jServer,
                                                      tmp_path: Path) -> None:
    write_neo4j_csv(graph, tmp_path)
    statements = [s.strip() for s in (tmp_path / "neo4j" / "schema.cypher").read_text().split(";") if s.strip()]
    with GraphDatabase.driver(imported.uri, auth=(imported.user, imported.password)) as driver:
        for statement in statements:
            driver.execute_query(statement)
        constraints = {r["labelsOrTypes"][0] for r in driver.execute_query(
            "SHOW CONSTRAINTS YIELD labelsOrTypes, type WHERE type = 'UNIQUENESS' RETURN labelsOrTypes").records}
    assert constraints == {"Actor", "Document", "Event", "Evidence", "Role", "Telling"}
