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
from neo4j.spatial import WGS84Point

from graphbuild.graph.knowledge_graph import KnowledgeGraph
from graphbuild.stores.neo4j_model import (
    EXTRA_LABELS,
    POINT,
    RELATION_TYPES,
    TYPED_EDGES,
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
    relationship_seconds: float = 0.0  # time in transactions writing relationships (event batches included)
    by_label: dict[str, int] = field(default_factory=dict)
    by_type: dict[str, int] = field(default_factory=dict)

    @property
    def relationships_per_second(self) -> float:
        return self.relationships / self.relationship_seconds if self.relationship_seconds else 0.0

    def __str__(self) -> str:
        return (f"{self.nodes} nodes and {self.relationships} relationships merged "
                f"({self.nodes_created} and {self.relationships_created} new) in {self.batches} batches, "
                f"{self.seconds:.1f} s")


def rel_type_name(name: str) -> str:
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


def driver_rows(node_set: NodeSet, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows as the driver sends them: (latitude, longitude) pairs become WGS84 points."""
    points = [name for name, kind in node_set.properties if kind == POINT]
    if not points:
        return rows
    return [{**row, **{name: WGS84Point((row[name][1], row[name][0])) for name in points if row.get(name)}}
            for row in rows]


def relationship_query(rel_set: RelSet) -> str:
    start, end = label_name(rel_set.start_label), label_name(rel_set.end_label)
    rel_type = rel_type_name(rel_set.type)
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


def _write_statements(tx: ManagedTransaction, statements: list[tuple[str, list[dict[str, Any]]]]
                      ) -> tuple[int, int, int]:
    """Run every (query, rows) of one transaction; the server's created/set counters summed."""
    created_nodes = created_rels = props = 0
    for query, rows in statements:
        if not rows:
            continue
        counters = tx.run(query, rows=rows).consume().counters
        created_nodes += counters.nodes_created
        created_rels += counters.relationships_created
        props += counters.properties_set
    return created_nodes, created_rels, props


def _batches(rows: Sequence[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    for i in range(0, len(rows), size):
        yield list(rows[i:i + size])


def owned_by_events(rel_set: RelSet) -> bool:
    """Whether each row belongs to one event: its role links (from the Event) and projected edges."""
    return rel_set.start_label == "Event" or rel_set.type in TYPED_EDGES


def event_owner(rel_set: RelSet, row: dict[str, Any]) -> str:
    return str(row["from_id"] if rel_set.start_label == "Event" else row["event_id"])


def _about_first(event_rows: list[dict[str, Any]], about: dict[str, str]) -> list[dict[str, Any]]:
    """Events ordered so that the event a DENY or ACCUSE is about is written in an earlier batch."""
    depth: dict[str, int] = {}

    def depth_of(event_id: str) -> int:
        seen: list[str] = []
        current = event_id
        while current in about and current not in seen and current not in depth:
            seen.append(current)
            current = about[current]
        level = depth.get(current, 0)
        for link in reversed(seen):
            level += 1
            depth[link] = level
        return depth.get(event_id, 0)

    return sorted(event_rows, key=lambda row: depth_of(row["id"]))


def push_rows(rows: GraphRows, driver: Driver, *, database: str | None = None, batch_size: int = 1000,
              progress: Callable[[int], None] | None = None) -> PushReport:
    """Write prepared rows through an open driver (used by push_graph and the benchmark).

    Documents, actors, evidence and roles go first, in batches of their own.  Events follow in
    batches of ``batch_size`` events, each written in ONE transaction with every relationship it
    owns (SOURCE, TARGET, REPORTED_BY, ABOUT, AT, MENTIONED_IN, EVIDENCED_BY and its typed edges),
    so a push stopped at any point leaves no event without its roles; pushing again completes it.
    """
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    report = PushReport(by_label=rows.counts_by_label(), by_type=rows.counts_by_type())
    began = time.perf_counter()
    event_sets = [s for s in rows.nodes if s.label == "Event"]
    owned: list[tuple[RelSet, dict[str, list[dict[str, Any]]]]] = []
    unowned: list[RelSet] = []
    for rel_set in rows.relationships:
        if not owned_by_events(rel_set):
            unowned.append(rel_set)
            continue
        by_event: dict[str, list[dict[str, Any]]] = {}
        for row in rel_set.rows:
            by_event.setdefault(event_owner(rel_set, row), []).append(row)
        owned.append((rel_set, by_event))
    about = {str(row["from_id"]): str(row["to_id"]) for rel_set, _ in owned if rel_set.type == "ABOUT"
             for row in rel_set.rows}

    def write(statements: list[tuple[str, list[dict[str, Any]]]], node_rows: int, rel_rows: int) -> None:
        started = time.perf_counter()
        created_nodes, created_rels, props = session.execute_write(_write_statements, statements)
        if rel_rows:
            report.relationship_seconds += time.perf_counter() - started
        report.nodes += node_rows
        report.relationships += rel_rows
        report.nodes_created += created_nodes
        report.relationships_created += created_rels
        report.properties_set += props
        report.batches += 1
        if progress is not None:
            progress(node_rows + rel_rows)

    with driver.session(database=database) as session:
        for statement in schema_statements():
            session.run(statement).consume()
        for node_set in rows.nodes:
            if node_set.label != "Event":
                for batch in _batches(node_set.rows, batch_size):
                    write([(node_query(node_set), driver_rows(node_set, batch))], len(batch), 0)
        for rel_set in unowned:
            for batch in _batches(rel_set.rows, batch_size):
                write([(relationship_query(rel_set), batch)], 0, len(batch))
        for event_set in event_sets:
            for batch in _batches(_about_first(event_set.rows, about), batch_size):
                statements = [(node_query(event_set), driver_rows(event_set, batch))]
                for rel_set, by_event in owned:
                    statements.append((relationship_query(rel_set),
                                       [r for row in batch for r in by_event.get(str(row["id"]), [])]))
                write(statements, len(batch), sum(len(r) for _, r in statements[1:]))
    report.seconds = time.perf_counter() - began
    return report


def verify_rows(rows: GraphRows, driver: Driver, *, database: str | None = None) -> list[str]:
    """What of ``rows`` Neo4j lacks, one line per label or relationship set (empty: all present).

    Counts the output's own ids and links in the database, so other graphs pushed to the same
    database do not hide a gap."""
    gaps: list[str] = []
    with driver.session(database=database) as session:
        for node_set in rows.nodes:
            labels = "".join(f":{label_name(label)}" for label in node_set.labels)
            found = session.run(f"UNWIND $ids AS id MATCH (n{labels} {{id: id}}) RETURN count(n) AS c",
                                ids=[row["id"] for row in node_set.rows]).single(strict=True)["c"]
            if found != len(node_set.rows):
                gaps.append(f"{'/'.join(node_set.labels)} nodes: {found} of {len(node_set.rows)}")
        for rel_set in rows.relationships:
            start, end = label_name(rel_set.start_label), label_name(rel_set.end_label)
            rel_type = rel_type_name(rel_set.type)
            key = f" WHERE r.{rel_set.key} = row.{rel_set.key}" if rel_set.key else ""
            found = session.run(
                f"UNWIND $rows AS row OPTIONAL MATCH (:{start} {{id: row.from_id}})-[r:{rel_type}]->"
                f"(:{end} {{id: row.to_id}}){key} WITH row, count(r) AS c RETURN sum(CASE WHEN c > 0 THEN 1 "
                "ELSE 0 END) AS c", rows=rel_set.rows).single(strict=True)["c"]
            if found != len(rel_set.rows):
                gaps.append(f"{rel_set.type} {rel_set.start_label}->{rel_set.end_label}: {found} of "
                            f"{len(rel_set.rows)}")
    return gaps


@contextmanager
def store_errors(uri: str, user: str, database: str | None) -> Iterator[None]:
    """Server failures in the middle of a push or a check, as one line naming the server."""
    try:
        yield
    except (AuthError, ServiceUnavailable) as exc:
        raise _connection_error(uri, user, exc) from None
    except ClientError as exc:
        if exc.code == "Neo.ClientError.Database.DatabaseNotFound":
            raise Neo4jConnectionError(f"Neo4j at {uri} has no database {database!r}") from None
        raise


def push_graph(graph: KnowledgeGraph, uri: str, user: str, password: str, *, database: str | None = None,
               batch_size: int = 1000, progress: Callable[[int], None] | None = None) -> PushReport:
    """Push ``graph`` to the Neo4j at ``uri``; ``progress`` gets the row count of each committed batch."""
    rows = graph_rows(graph)
    with connect(uri, user, password) as driver, store_errors(uri, user, database):
        return push_rows(rows, driver, database=database, batch_size=batch_size, progress=progress)


def verify_graph(graph: KnowledgeGraph, uri: str, user: str, password: str, *,
                 database: str | None = None) -> list[str]:
    """What of ``graph`` the Neo4j at ``uri`` lacks (see verify_rows); writes nothing."""
    rows = graph_rows(graph)
    with connect(uri, user, password) as driver, store_errors(uri, user, database):
        return verify_rows(rows, driver, database=database)


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
