"""Bring a SPARQL store from one graph to another by sending only the difference (``graphbuild
retract --sparql-update URL``): the statements of graph.trig the new graph lacks are deleted and
its new ones inserted, with SPARQL 1.1 ``DELETE DATA`` / ``INSERT DATA`` (the export has no blank
nodes, so every statement can be named in an update)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pyoxigraph as ox

from graphbuild.export.rdf import graph_quads
from graphbuild.export.rdf_writer import to_oxigraph
from graphbuild.graph.knowledge_graph import KnowledgeGraph
from graphbuild.stores.oxigraph_store import update

# Statements per update request: small enough for any server's request limit.
BATCH = 2000


@dataclass
class StatementChanges:
    deleted: int
    inserted: int

    def __str__(self) -> str:
        return f"{self.deleted} statements deleted, {self.inserted} inserted"


def statement_changes(old: KnowledgeGraph, new: KnowledgeGraph) -> tuple[list[Any], list[Any]]:
    """(statements to delete, statements to insert) as pyoxigraph quads, each list in export order."""
    before, after = to_oxigraph(graph_quads(old)), to_oxigraph(graph_quads(new))
    kept_before, kept_after = set(before), set(after)
    return [q for q in before if q not in kept_after], [q for q in after if q not in kept_before]


def _data_blocks(operation: str, quads: list[Any]) -> Iterator[str]:
    """``DELETE DATA { ... }`` (or INSERT) requests of at most BATCH statements, grouped by graph."""
    for start in range(0, len(quads), BATCH):
        default: list[str] = []
        named: dict[str, list[str]] = {}
        for quad in quads[start:start + BATCH]:
            triple = f"{quad.subject} {quad.predicate} {quad.object} ."
            if isinstance(quad.graph_name, ox.DefaultGraph):
                default.append(triple)
            else:
                named.setdefault(str(quad.graph_name), []).append(triple)
        body = default + [f"GRAPH {name} {{ {' '.join(triples)} }}" for name, triples in named.items()]
        yield f"{operation} DATA {{ {' '.join(body)} }}"


def change_store(old: KnowledgeGraph, new: KnowledgeGraph, update_url: str) -> StatementChanges:
    """Make the SPARQL store behind ``update_url``, which holds ``old``'s graph.trig, hold ``new``'s."""
    deleted, inserted = statement_changes(old, new)
    for request in _data_blocks("DELETE", deleted):
        update(update_url, request)
    for request in _data_blocks("INSERT", inserted):
        update(update_url, request)
    return StatementChanges(len(deleted), len(inserted))
