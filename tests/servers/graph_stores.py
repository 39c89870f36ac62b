"""One graph in both real stores, for tests that compare a Cypher query with its SPARQL twin."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from neo4j import GraphDatabase
from servers.oxigraph_server import OxigraphServer, start_oxigraph

from graphbuild.export.rdf import write_rdf
from graphbuild.graph.knowledge_graph import KnowledgeGraph
from graphbuild.stores.neo4j_store import push_graph


@contextmanager
def oxigraph_holding(graph: KnowledgeGraph, workdir: Path) -> Iterator[OxigraphServer]:
    """A SPARQL server over ``graph``'s Turtle export, stopped on exit."""
    write_rdf(graph, workdir)
    server = start_oxigraph([workdir / "graph.ttl"], workdir)
    try:
        yield server
    finally:
        server.stop()


def neo4j_holding(graph: KnowledgeGraph, server):  # type: ignore[no-untyped-def]
    """The session's Neo4j emptied (it may hold other tests' data) and filled with ``graph``."""
    with GraphDatabase.driver(server.uri, auth=(server.user, server.password)) as driver:
        driver.execute_query("MATCH (n) DETACH DELETE n")
    push_graph(graph, server.uri, server.user, server.password)
    return server
