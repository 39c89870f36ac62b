"""Every export, all derived from one KnowledgeGraph and each written atomically."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the graph (and networkx) is imported only by commands that build or load one
    from graphbuild.graph.knowledge_graph import KnowledgeGraph

# Everything a build leaves in its output folder: write_all's files, warnings.jsonl, the store and
# log `graphbuild serve` keeps there (and its half-loaded stores), and temporary files of an
# interrupted older version.
OUTPUT_NAMES = frozenset({
    "documents.jsonl", "entities.jsonl", "events.jsonl", "roles.jsonl", "warnings.jsonl", "graph.ttl",
    "graph.trig", "graph.jsonld", "graph.graphml", "neo4j", "tables", "view.html", ".oxigraph", ".oxigraph.log",
})


def is_output_entry(name: str) -> bool:
    """Whether ``name`` in an output folder is something graphbuild put there."""
    return name in OUTPUT_NAMES or name.startswith(".oxigraph") or (name.startswith(".") and name.endswith(".tmp"))


def write_all(graph: KnowledgeGraph, out_dir: Path, title: str | None = None) -> list[Path]:
    """Write the output contract and every derived format into ``out_dir``.

    ``title`` heads view.html (default: the folder's name; pass it when ``out_dir`` is a staging
    folder that will be renamed)."""
    from graphbuild.export.graphml import write_graphml
    from graphbuild.export.html_view import write_view
    from graphbuild.export.jsonl import write_contract
    from graphbuild.export.neo4j_csv import write_neo4j_csv
    from graphbuild.export.rdf import write_rdf
    from graphbuild.export.tables import write_parquet

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = write_contract(graph, out_dir)
    paths += write_rdf(graph, out_dir)
    paths.append(write_graphml(graph, out_dir))
    paths += write_neo4j_csv(graph, out_dir)
    paths += write_parquet(graph, out_dir)
    paths.append(write_view(graph, out_dir / "view.html", title=title or f"graphbuild: {out_dir.name}"))
    return paths
