"""Push a KnowledgeGraph into Neo4j with the official driver (`graphbuild push`).

Constraints and indexes come first, then batched ``UNWIND $rows`` writes that MERGE on ids,
one transaction per batch.  Labels and relationship types are validated against the fixed
vocabulary of :mod:`graphbuild.stores.neo4j_model` before they are placed in query text;
every value travels as a parameter.  Pushing the same graph twice changes nothing.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from neo4j import Driver, GraphDatabase, ManagedTransaction
from neo4j.exceptions import AuthError, ClientError, ConfigurationError, DriverError, ServiceUnavailable

from graphbuild.graph.knowledge_graph import KnowledgeGraph
from graphbuild.stores.neo4j_model import (
    EXTRA_LABELS,
    RELATION_TYPES,
    GraphRows,
    NodeSet,
    RelSet,
    graph_rows,
    label_name,
    schema_statements,
)

# Bolt only: the driver's preview HTTP transport needs extra packages and other semantics.
BOLT_SCHEMES: tuple[str, ...] = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")


class Neo4jConnectionError(RuntimeError):
    """The server cannot be reached or refuses us; the message is one line for the user."""


@dataclass
class PushReport:
    nodes: int = 0  # node rows merged
    relationships: int = 0  # relationship rows merged
    nodes_created: int = 0  # what the server actually created (0 on a repeated push)
    relationships_created: int = 0
    properties_set: int = 0
    batches: int = 0
    seconds: float = 0.0
    relationship_seconds: float = 0.0  # time spent on relationship batches only
    by_label: dict[str, int] = field(default_factory=dict)
    by_type: dict[str, int] = field(default_factory=dict)

    @property
    def relationships_per_second(self) -> float:
        return self.relationships / self.relationship_seconds if self.relationship_seconds else 0.0

    def __str__(self) -> str:
        return (f"{self.nodes} nodes and {self.relationships} relationships merged "
                f"({self.nodes_created} and {self.relationships_created} new) in {self.batches} batches, "
                f"{self.seconds:.1f} s")


def _rel_type(name: str) -> str:
    if name not in RELATION_TYPES:
        raise ValueError(f"relationship type {name!r} is not in the Neo4j vocabulary")
    return name


def node_query(node_set: NodeSet) -> str:
    # `SET n += row` with a None value removes the property, so a re-push clears stale values;
    # an actor whose kind changed loses its old kind label.
    query = f"UNWIND $rows AS row MERGE (n:{label_name(node_set.label)} {{id: row.id}}) SET n += row"
    if node_set.extra_label:
        others = "".join(f":{label_name(k)}" for k in EXTRA_LABELS if k != node_set.extra_label)
        query += f" REMOVE n{others} SET n:{label_name(node_set.extra_label)}"
    return query


def relationship_query(rel_set: RelSet) -> str:
    start, end = label_name(rel_set.start_label), label_name(rel_set.end_label)
    rel_type = _rel_type(rel_set.type)
    key = f" {{{rel_set.key}: row.{rel_set.key}}}" if rel_set.key else ""
    props = [name for name, _ in rel_set.properties if name != rel_set.key]
    set_clause = ("SET " + ", ".join(f"r.{name} = row.{name}" for name in props)) if props else ""
    return (f"UNWIND $rows AS row MATCH (s:{start} {{id: row.from_id}}) MATCH (t:{end} {{id: row.to_id}}) "
            f"MERGE (s)-[r:{rel_type}{key}]->(t) {set_clause}").rstrip()


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0]


def _connection_error(uri: str, user: str, exc: BaseException) -> Neo4jConnectionError:
    if isinstance(exc, AuthError) or (isinstance(exc, ClientError) and exc.code and "Security" in exc.code):
        return Neo4jConnectionError(f"Neo4j at {uri} refused the credentials for user '{user}'")
    if isinstance(exc, ConfigurationError | ValueError):
        return Neo4jConnectionError(f"invalid Neo4j URI {uri!r}: {_first_line(exc)}")
    # Routing (neo4j://) failures wrap the socket error; look down the chain for the real reason.
    chain: list[BaseException] = []
    link: BaseException | None = exc
    while link is not None and link not in chain:
        chain.append(link)
        link = link.__cause__ or link.__context__
    refused = any("refused" in str(e).lower() or isinstance(e, ConnectionRefusedError) for e in chain)
    reason = "connection refused" if refused else _first_line(exc)
    return Neo4jConnectionError(f"cannot reach Neo4j at {uri}: {reason}")


@contextmanager
def connect(uri: str, user: str, password: str) -> Iterator[Driver]:
    """A verified driver; unreachable servers and bad credentials become Neo4jConnectionError."""
    scheme = uri.split("://", 1)[0] if "://" in uri else ""
    if scheme not in BOLT_SCHEMES or not uri.split("://", 1)[1].strip("/"):
        raise Neo4jConnectionError(f"invalid Neo4j URI {uri!r}: expected bolt://HOST:PORT or neo4j://HOST:PORT")
    try:
        driver = GraphDatabase.driver(uri, auth=(user, password), connection_timeout=15.0)
    except (ConfigurationError, ValueError) as exc:
        raise _connection_error(uri, user, exc) from None
    try:
        try:
            driver.verify_connectivity()
        except (AuthError, ServiceUnavailable, DriverError, OSError) as exc:
            raise _connection_error(uri, user, exc) from None
        except ClientError as exc:
            if exc.code and "Security" in exc.code:
                raise _connection_error(uri, user, exc) from None
            raise
        yield driver
    finally:
        driver.close()


def _write_batch(tx: ManagedTransaction, query: str, rows: list[dict[str, Any]]) -> tuple[int, int, int]:
    summary = tx.run(query, rows=rows).consume()
    counters = summary.counters
    return counters.nodes_created, counters.relationships_created, counters.properties_set


def _batches(rows: Sequence[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    for i in range(0, len(rows), size):
        yield list(rows[i:i + size])


def push_rows(rows: GraphRows, driver: Driver, *, database: str | None = None, batch_size: int = 1000,
              progress: Callable[[int], None] | None = None) -> PushReport:
    """Write prepared rows through an open driver (used by push_graph and the benchmark)."""
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    report = PushReport(by_label=rows.counts_by_label(), by_type=rows.counts_by_type())
    began = time.perf_counter()
    with driver.session(database=database) as session:
        for statement in schema_statements():
            session.run(statement).consume()
        work: list[tuple[str, list[dict[str, Any]], bool]] = []
        work += [(node_query(s), s.rows, False) for s in rows.nodes]
        work += [(relationship_query(s), s.rows, True) for s in rows.relationships]
        for query, set_rows, is_rel in work:
            for batch in _batches(set_rows, batch_size):
                started = time.perf_counter()
                created_nodes, created_rels, props = session.execute_write(_write_batch, query, batch)
                if is_rel:
                    report.relationship_seconds += time.perf_counter() - started
                    report.relationships += len(batch)
                else:
                    report.nodes += len(batch)
                report.nodes_created += created_nodes
                report.relationships_created += created_rels
                report.properties_set += props
                report.batches += 1
                if progress is not None:
                    progress(len(batch))
    report.seconds = time.perf_counter() - began
    return report


def push_graph(graph: KnowledgeGraph, uri: str, user: str, password: str, *, database: str | None = None,
               batch_size: int = 1000, progress: Callable[[int], None] | None = None) -> PushReport:
    """Push ``graph`` to the Neo4j at ``uri``; ``progress`` gets the row count of each committed batch."""
    rows = graph_rows(graph)
    with connect(uri, user, password) as driver:
        try:
            return push_rows(rows, driver, database=database, batch_size=batch_size, progress=progress)
        except AuthError as exc:
            raise _connection_error(uri, user, exc) from None
        except ServiceUnavailable as exc:
            raise _connection_error(uri, user, exc) from None
        except ClientError as exc:
            if exc.code == "Neo.ClientError.Database.DatabaseNotFound":
                raise Neo4jConnectionError(f"Neo4j at {uri} has no database {database!r}") from None
            raise


def read_counts(uri: str, user: str, password: str, *, database: str | None = None) -> dict[str, Any]:
    """Node and relationship totals, per label and per type (for tests and `graphbuild push` output)."""
    with connect(uri, user, password) as driver, driver.session(database=database) as session:
        nodes = session.run("MATCH (n) RETURN count(n) AS c").single(strict=True)["c"]
        rels = session.run("MATCH ()-[r]->() RETURN count(r) AS c").single(strict=True)["c"]
        by_label = {r["label"]: r["c"] for r in session.run(
            "MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS c")}
        by_type = {r["type"]: r["c"] for r in session.run(
            "MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS c")}
    return {"nodes": nodes, "relationships": rels, "by_label": dict(sorted(by_label.items())),
            "by_type": dict(sorted(by_type.items()))}
