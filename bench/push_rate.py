"""Neo4j push rate: batched UNWIND vs one query per row, in the same run, on the same server.

    python bench/push_rate.py [--events 2000] [--batch-size 1000] [--uri bolt://... --user neo4j --password ...]

Without --uri it starts the test launcher (tests/neo4j_launcher, embedded Neo4j 5 Community)
in a temporary directory.  With --uri the target database is EMPTIED between runs.  The graph
is synthetic and deterministic (seeded), so runs are comparable.  Relationships per second
counts relationship rows merged divided by the time spent in relationship batches; both modes
run the same queries from graphbuild.stores.neo4j_store, the per-row mode with batch_size=1
(one query, one transaction per row).
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
from pathlib import Path

from neo4j import Driver, GraphDatabase

from graphbuild.graph.knowledge_graph import KnowledgeGraph
from graphbuild.model import ACTOR_KINDS, EVENT_TYPES, MODES, Actor, Document, Event, Evidence
from graphbuild.stores.neo4j_model import graph_rows
from graphbuild.stores.neo4j_store import PushReport, push_rows

REPO = Path(__file__).resolve().parent.parent


def synthetic_graph(events: int, seed: int = 7) -> KnowledgeGraph:
    """A reproducible graph: ~events/10 actors and documents, one evidence per event."""
    rng = random.Random(seed)
    graph = KnowledgeGraph()
    n_actors, n_docs = max(10, events // 10), max(5, events // 10)
    for i in range(n_docs):
        graph.add_document(Document(id=f"doc:{i:05d}", source=f"synthetic/{i}.txt", lang="en",
                                    title=f"Synthetic {i}", published=f"2024-{1 + i % 12:02d}-01"))
    actor_ids = [f"act:{i:05d}" for i in range(n_actors)]
    for i, actor_id in enumerate(actor_ids):
        graph.add_actor(Actor(id=actor_id, label=f"Actor {i}", kind=ACTOR_KINDS[i % len(ACTOR_KINDS)],
                              names={"en": [f"Actor {i}"], "ru": [f"Актор {i}"], "kk": [f"Актор {i}"]},
                              documents=[f"doc:{i % n_docs:05d}"]))
    types = sorted(EVENT_TYPES)
    for i in range(events):
        kind = rng.choice(types)
        spec = EVENT_TYPES[kind]
        people = rng.sample(actor_ids, 4)
        doc = f"doc:{rng.randrange(n_docs):05d}"
        sentence = f"Synthetic sentence {i} about {kind.lower()}."
        graph.add_event(Event(
            id="", type=kind, cameo=spec.cameo, plover=spec.plover, source=people[:rng.randint(1, 2)],
            target=people[2:2 + rng.randint(1, 2)], mode=rng.choice(MODES),
            date=f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}", date_precision="day", object=f"object {i}",
            confidence=0.9, documents=[doc],
            evidence=[Evidence(f"evd:{i:06d}", doc, sentence, 0, len(sentence), sentence, "en")]))
    return graph


def wipe(driver: Driver) -> None:
    with driver.session() as session:
        session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS").consume()


def timed_push(driver: Driver, graph: KnowledgeGraph, batch_size: int) -> PushReport:
    wipe(driver)
    return push_rows(graph_rows(graph), driver, batch_size=batch_size)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=2000)
    parser.add_argument("--batch-size", type=int, default=1000)
    parser.add_argument("--uri")
    parser.add_argument("--user", default="neo4j")
    parser.add_argument("--password")
    args = parser.parse_args(argv)

    graph = synthetic_graph(args.events)
    rows = graph_rows(graph)
    print(f"synthetic graph: {len(graph.events)} events, {rows.node_count()} nodes, "
          f"{rows.relationship_count()} relationships")
    server = None
    with tempfile.TemporaryDirectory(prefix="push_rate_") as tmp:
        if args.uri:
            uri, user, password = args.uri, args.user, args.password or ""
        else:
            sys.path.insert(0, str(REPO / "tests"))
            from servers.neo4j_server import start_neo4j  # the test launcher, built on first use

            server = start_neo4j(Path(tmp))
            uri, user, password = server.uri, server.user, server.password
            print(f"launcher started in {server.start_seconds:.1f} s at {uri}")
        try:
            with GraphDatabase.driver(uri, auth=(user, password)) as driver:
                # Warm-up with every node and relationship set, so both modes run planned queries.
                timed_push(driver, synthetic_graph(300, seed=1), args.batch_size)
                batched = timed_push(driver, graph, args.batch_size)
                per_row = timed_push(driver, graph, 1)
                wipe(driver)
        finally:
            if server is not None:
                server.stop()
    for name, report in ((f"batched UNWIND (batch {args.batch_size})", batched), ("one query per row", per_row)):
        print(f"{name:32s} {report.relationships} rels in {report.relationship_seconds:7.2f} s = "
              f"{report.relationships_per_second:9.0f} rels/s; whole push {report.seconds:7.2f} s")
    print(f"ratio batched / per-row: {batched.relationships_per_second / per_row.relationships_per_second:.1f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
