"""RDF export time against the number of documents (it must grow linearly, issue 12).

    python bench/rdf_scaling.py [N ...]

Builds synthetic graphs of N one-event documents that all name the same two countries (the case
that used to make every document's provenance graph list every other document) and prints the
seconds for the rdflib dataset and for writing the TriG text, and the per-document cost.
"""

from __future__ import annotations

import io
import sys
import time

from graphbuild.export.rdf import PREFIXES, graph_quads, graph_to_rdflib
from graphbuild.export.rdf_writer import serialize, to_oxigraph
from graphbuild.graph.knowledge_graph import KnowledgeGraph
from graphbuild.model import Actor, Document, Event, Evidence


def synthetic_graph(documents: int) -> KnowledgeGraph:
    """``documents`` documents, each telling one visit between the same two countries."""
    graph = KnowledgeGraph()
    doc_ids = [f"doc:{i}" for i in range(documents)]
    for actor_id in ("RUS", "PRK"):
        graph.add_actor(Actor(id=actor_id, label=actor_id, kind="Country", documents=list(doc_ids)))
    for i, doc_id in enumerate(doc_ids):
        graph.add_document(Document(id=doc_id, source=f"article{i}.txt", lang="en", title=f"Article {i}"))
        graph.add_event(Event(id=f"ev:{i}", type="VISIT", cameo="042", plover="CONSULT", source=["RUS"],
                              target=["PRK"], date=f"2023-01-{i % 28 + 1:02d}", documents=[doc_id],
                              evidence=[Evidence(id=f"evd:{i}", document=doc_id, sentence="S.", start=0, end=2,
                                                 quote="S.", lang="en")]))
    return graph


def main() -> None:
    sizes = [int(n) for n in sys.argv[1:]] or [250, 500, 1000, 2000]
    for n in sizes:
        graph = synthetic_graph(n)
        started = time.perf_counter()
        graph_to_rdflib(graph)
        built = time.perf_counter() - started
        started = time.perf_counter()
        # what write_rdf does for graph.trig: the statements, then pyoxigraph's TriG writer
        serialize(to_oxigraph(graph_quads(graph)), io.BytesIO(), "trig", {p: str(ns) for p, ns in PREFIXES.items()})
        written = time.perf_counter() - started
        print(f"{n:6d} documents: dataset {built:6.2f} s, TriG {written:6.2f} s, "
              f"{1000 * (built + written) / n:5.1f} ms a document")


if __name__ == "__main__":
    main()
