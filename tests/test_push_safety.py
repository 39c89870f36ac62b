"""Push on the real Neo4j (issue 12, part 7): ids of very long names are capped so Neo4j can index
them, a push killed at any transaction leaves no event without its role relationships, and
`graphbuild push --verify` tells a complete push from an incomplete one."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from neo4j import Driver, GraphDatabase
from servers.neo4j_server import Neo4jServer

from graphbuild.graph.knowledge_graph import KnowledgeGraph
from graphbuild.graph.records import read_records
from graphbuild.ids import MAX_ID_CHARS, slugify
from graphbuild.model import Actor, Document, Event
from graphbuild.stores.neo4j_store import push_graph, verify_graph

# Runs `graphbuild push` with each transaction announced on stdout and followed by a pause, so the
# test can kill -9 it between two commits.
STEPPED_PUSH = """
import sys, time
import graphbuild.stores.neo4j_store as store
from graphbuild.cli.main import main

original = store._write_statements
def announced(tx, statements):
    result = original(tx, statements)
    print("transaction", flush=True)
    time.sleep(0.05)
    return result
store._write_statements = announced
sys.exit(main(["--quiet", "push", *sys.argv[1:]]))
"""


@pytest.fixture()
def driver(neo4j_server: Neo4jServer) -> Iterator[Driver]:
    with GraphDatabase.driver(neo4j_server.uri, auth=(neo4j_server.user, neo4j_server.password)) as drv:
        drv.execute_query("MATCH (n) DETACH DELETE n")  # the session server is shared between modules
        yield drv


def test_ids_of_ordinary_names_are_unchanged_and_long_ones_capped() -> None:
    assert slugify("John Kirby") == "john-kirby"
    assert slugify("Kassym-Jomart Tokayev") == "kassym-jomart-tokayev"
    long_a, long_b = slugify("Long " * 2_000 + "A"), slugify("Long " * 2_000 + "B")
    assert len(long_a) == MAX_ID_CHARS and long_a != long_b and long_a.startswith("long-long-")
    assert slugify("Long " * 2_000 + "A") == long_a  # still deterministic


def test_a_10k_character_name_is_pushed_stored_whole_and_verified(neo4j_server: Neo4jServer,
                                                                  driver: Driver) -> None:
    name = "Committee " * 1_000  # 10,000 characters
    graph = KnowledgeGraph()
    graph.add_document(Document(id="doc:1", source="x", lang="en", title="t"))
    graph.add_actor(Actor(id="org:" + slugify(name), label=name, kind="Organization", documents=["doc:1"]))
    foreign = "x" * 15_000  # an id made by another tool, loaded as is
    graph.add_actor(Actor(id=foreign, label="Foreign", kind="Person", documents=["doc:1"]))
    graph.add_event(Event(id="ev:1", type="VISIT", cameo="042", plover="CONSULT", source=["org:" + slugify(name)],
                          target=[foreign], documents=["doc:1"]))
    push_graph(graph, neo4j_server.uri, neo4j_server.user, neo4j_server.password)
    records, _, _ = driver.execute_query(
        "MATCH (e:Event)-[:SOURCE]->(a:Actor), (e)-[:TARGET]->(b:Actor) RETURN a.id AS a, a.label AS label, b.id AS b")
    [row] = records
    assert row["label"] == name and len(row["a"]) <= MAX_ID_CHARS + 4 and len(row["b"]) == MAX_ID_CHARS
    assert verify_graph(graph, neo4j_server.uri, neo4j_server.user, neo4j_server.password) == []


def events_missing_roles(driver: Driver, graph: KnowledgeGraph) -> list[str]:
    """Events present in Neo4j whose SOURCE/TARGET relationships are not all there."""
    records, _, _ = driver.execute_query(
        "MATCH (e:Event) OPTIONAL MATCH (e)-[:SOURCE]->(s:Actor) WITH e, count(s) AS sources "
        "OPTIONAL MATCH (e)-[:TARGET]->(t:Actor) RETURN e.id AS id, sources, count(t) AS targets")
    return [r["id"] for r in records
            if (r["sources"], r["targets"]) != (len(graph.events[r["id"]].source), len(graph.events[r["id"]].target))]


@pytest.mark.parametrize("kill_after", [2, 7])
def test_a_push_killed_between_transactions_leaves_no_event_without_roles(
        records_dir: Path, neo4j_server: Neo4jServer, driver: Driver, kill_after: int) -> None:
    graph = read_records(records_dir)
    server = ["--neo4j-uri", neo4j_server.uri, "--neo4j-user", neo4j_server.user]
    env = {**os.environ, "NEO4J_PASSWORD": neo4j_server.password}
    process = subprocess.Popen([sys.executable, "-c", STEPPED_PUSH, str(records_dir), *server, "--batch-size", "2"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    assert process.stdout is not None
    seen = 0
    for line in process.stdout:
        seen += line.strip() == "transaction"
        if seen == kill_after:
            process.send_signal(signal.SIGKILL)
            break
    process.wait(timeout=60)
    assert process.returncode == -signal.SIGKILL
    assert events_missing_roles(driver, graph) == []
    command = [sys.executable, "-m", "graphbuild", "push", str(records_dir), *server, "--verify"]
    check = subprocess.run(command, capture_output=True, text=True, env=env, timeout=300)
    assert check.returncode == 1 and "push again to complete it" in check.stderr, check.stderr
    login = (neo4j_server.uri, neo4j_server.user, neo4j_server.password)
    push_graph(graph, *login)  # pushing again completes it
    assert verify_graph(graph, *login) == [] and events_missing_roles(driver, graph) == []
    if kill_after == 2:  # once: the command line says so too
        check = subprocess.run(command, capture_output=True, text=True, env=env, timeout=300)
        assert check.returncode == 0 and "verified" in check.stderr, check.stderr
