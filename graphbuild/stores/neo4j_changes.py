"""Bring a Neo4j database from one graph to another by writing only the difference (``graphbuild
retract``): nodes and relationships the new graph lacks are deleted, new and changed ones are merged.

The difference is taken between the rows the two graphs become (neo4j_model.graph_rows), so it
covers every node and relationship a push writes. An event is written whole (its node and every
relationship it owns) when anything of it changed, as ``push`` writes it, so no event is ever left
half-updated.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from neo4j import Driver

from graphbuild.graph.knowledge_graph import KnowledgeGraph
from graphbuild.stores.neo4j_model import GraphRows, NodeSet, RelSet, graph_rows, label_name
from graphbuild.stores.neo4j_store import (
    connect,
    event_owner,
    owned_by_events,
    push_rows,
    rel_type_name,
    store_errors,
)

NodeKey = tuple[str, str | None, str]
RelKey = tuple[str, str, str, str, str, Any]


@dataclass
class StoreChanges:
    """What a change of graphs did to the database."""

    nodes_deleted: int = 0
    relationships_deleted: int = 0
    nodes_written: int = 0
    relationships_written: int = 0

    def __str__(self) -> str:
        return (f"{self.nodes_deleted} nodes and {self.relationships_deleted} relationships deleted, "
                f"{self.nodes_written} nodes and {self.relationships_written} relationships written")


def _node_rows(rows: GraphRows) -> dict[NodeKey, dict[str, Any]]:
    return {(s.label, s.extra_label, str(r["id"])): r for s in rows.nodes for r in s.rows}


def _rel_key(rel_set: RelSet, row: dict[str, Any]) -> RelKey:
    return (rel_set.type, rel_set.start_label, rel_set.end_label, str(row["from_id"]), str(row["to_id"]),
            row.get(rel_set.key) if rel_set.key else None)


def _rel_rows(rows: GraphRows) -> dict[RelKey, tuple[RelSet, dict[str, Any]]]:
    return {_rel_key(s, r): (s, r) for s in rows.relationships for r in s.rows}


def row_changes(old: GraphRows, new: GraphRows) -> tuple[GraphRows, GraphRows]:
    """(what to write, what to delete): the rows of ``new`` that ``old`` lacks or holds otherwise
    (with every row of a changed event), and the rows of ``old`` that ``new`` lacks."""
    old_nodes, new_nodes = _node_rows(old), _node_rows(new)
    old_rels, new_rels = _rel_rows(old), _rel_rows(new)
    changed_events = {key[2] for key, row in new_nodes.items() if key[0] == "Event" and old_nodes.get(key) != row}
    for key in set(old_rels) | set(new_rels):
        before, after = old_rels.get(key), new_rels.get(key)
        if before is None or after is None or before[1] != after[1]:
            rel_set, row = after or before  # type: ignore[misc]
            if owned_by_events(rel_set):
                changed_events.add(event_owner(rel_set, row))
    write = GraphRows(
        [NodeSet(s.label, s.extra_label, [r for r in s.rows if old_nodes.get((s.label, s.extra_label, str(r["id"])))
                                          != r or (s.label == "Event" and str(r["id"]) in changed_events)])
         for s in new.nodes],
        [_rel_set_like(s, [r for r in s.rows if old_rels.get(_rel_key(s, r), (None, None))[1] != r
                           or (owned_by_events(s) and event_owner(s, r) in changed_events)])
         for s in new.relationships])
    delete = GraphRows(
        [NodeSet(s.label, s.extra_label, [r for r in s.rows if (s.label, s.extra_label, str(r["id"])) not in new_nodes])
         for s in old.nodes],
        [_rel_set_like(s, [r for r in s.rows if _rel_key(s, r) not in new_rels]) for s in old.relationships])
    return _non_empty(write), _non_empty(delete)


def _rel_set_like(rel_set: RelSet, rows: list[dict[str, Any]]) -> RelSet:
    return RelSet(rel_set.type, rel_set.start_label, rel_set.end_label, rel_set.properties, rel_set.key, rows)


def _non_empty(rows: GraphRows) -> GraphRows:
    return GraphRows([s for s in rows.nodes if s.rows], [s for s in rows.relationships if s.rows])


def _delete_relationships_query(rel_set: RelSet) -> str:
    start, end = label_name(rel_set.start_label), label_name(rel_set.end_label)
    match = f"MATCH (:{start} {{id: row.from_id}})-[r:{rel_type_name(rel_set.type)}]->(:{end} {{id: row.to_id}})"
    key = f" WHERE r.{rel_set.key} = row.{rel_set.key}" if rel_set.key else ""
    return f"UNWIND $rows AS row {match}{key} DELETE r"


def _delete_nodes_query(node_set: NodeSet) -> str:
    return f"UNWIND $rows AS row MATCH (n:{label_name(node_set.label)} {{id: row.id}}) DETACH DELETE n"


def apply_changes(rows_write: GraphRows, rows_delete: GraphRows, driver: Driver, *,
                  database: str | None = None, batch_size: int = 1000) -> StoreChanges:
    """Delete, then write (a deleted node may come back under another kind label)."""
    done = StoreChanges()
    with driver.session(database=database) as session:
        for rel_set in rows_delete.relationships:
            session.execute_write(lambda tx, s=rel_set: tx.run(_delete_relationships_query(s), rows=s.rows).consume())
            done.relationships_deleted += len(rel_set.rows)
        for node_set in rows_delete.nodes:
            session.execute_write(lambda tx, s=node_set: tx.run(_delete_nodes_query(s), rows=s.rows).consume())
            done.nodes_deleted += len(node_set.rows)
    report = push_rows(rows_write, driver, database=database, batch_size=batch_size)
    done.nodes_written, done.relationships_written = report.nodes, report.relationships
    return done


def change_graph(old: KnowledgeGraph, new: KnowledgeGraph, uri: str, user: str, password: str, *,
                 database: str | None = None, batch_size: int = 1000) -> StoreChanges:
    """Make the Neo4j at ``uri``, which holds ``old`` (pushed earlier), hold ``new`` instead."""
    write, delete = row_changes(graph_rows(old), graph_rows(new))
    with connect(uri, user, password) as driver, store_errors(uri, user, database):
        return apply_changes(write, delete, driver, database=database, batch_size=batch_size)
