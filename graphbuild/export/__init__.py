"""Every export, all derived from one KnowledgeGraph and each written atomically."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the graph (and networkx) is imported only by commands that build or load one
    from graphbuild.graph.knowledge_graph import KnowledgeGraph

# Everything a build leaves in its output folder: write_all's files, warnings.jsonl, the store and
# log `graphbuild serve` keeps there (and its half-loaded stores), the record of the last Neo4j push
# (stores/push_record.py), and temporary files of an interrupted older version.
OUTPUT_NAMES = frozenset({
    "documents.jsonl", "entities.jsonl", "events.jsonl", "roles.jsonl", "warnings.jsonl", "corrections.json",
    "graph.ttl", "graph.trig", "graph.jsonld", "graph.graphml", "neo4j", "tables", "view.html", ".oxigraph",
    ".oxigraph.log", ".neo4j-pushed",
})


def is_output_entry(name: str) -> bool:
    """Whether ``name`` in an output folder is something graphbuild put there."""
    return name in OUTPUT_NAMES or name.startswith(".oxigraph") or (name.startswith(".") and name.endswith(".tmp"))


# The formats write_all can write, in the order it writes them. "jsonl" is the output contract
# (documents, entities, events, roles) with warnings.jsonl and corrections.json: what graphbuild.load
# reads back, so every output folder has it.
EXPORT_FORMATS: tuple[str, ...] = ("jsonl", "rdf", "graphml", "neo4j", "parquet", "html")


def check_formats(formats: Iterable[str] | None) -> tuple[str, ...]:
    """``formats`` in write order (all of them for None); "jsonl" is always included."""
    if formats is None:
        return EXPORT_FORMATS
    if isinstance(formats, str):  # formats="rdf" means ("rdf",), not ("r", "d", "f")
        formats = (formats,)
    wanted = set(formats)
    unknown = sorted(wanted - set(EXPORT_FORMATS))
    if unknown:
        raise ValueError(f"unknown output format(s) {', '.join(map(repr, unknown))} "
                         f"(expected some of {', '.join(EXPORT_FORMATS)})")
    return tuple(f for f in EXPORT_FORMATS if f in wanted or f == "jsonl")


def write_all(graph: KnowledgeGraph, out_dir: Path, title: str | None = None,
              formats: Iterable[str] | None = None, jobs: int = 1) -> list[Path]:
    """Write the output contract and every derived format (or those of ``formats``) into ``out_dir``.

    ``title`` heads view.html (default: the folder's name; pass it when ``out_dir`` is a staging
    folder that will be renamed). ``jobs`` above 1 writes the formats in that many forked processes
    at once (see :func:`graphbuild.export.parallel.write_in_parallel`); the files are the same."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    chosen = check_formats(formats)
    title = title or f"graphbuild: {out_dir.name}"
    if jobs > 1 and len(chosen) > 1:
        from graphbuild.export.parallel import write_in_parallel

        written = write_in_parallel(graph, out_dir, title, chosen, jobs)
        if written is not None:
            return written
    return [path for name in chosen for path in write_format(graph, out_dir, title, name)]


def write_format(graph: KnowledgeGraph, out_dir: Path, title: str, name: str) -> list[Path]:
    """Write one format of :data:`EXPORT_FORMATS` into ``out_dir`` (which exists)."""
    from graphbuild.export.graphml import write_graphml
    from graphbuild.export.html_view import write_view
    from graphbuild.export.jsonl import write_contract
    from graphbuild.export.neo4j_csv import write_neo4j_csv
    from graphbuild.export.rdf import write_rdf
    from graphbuild.export.tables import write_parquet

    writers: dict[str, Callable[[], list[Path]]] = {
        "jsonl": lambda: write_contract(graph, out_dir),
        "rdf": lambda: write_rdf(graph, out_dir),
        "graphml": lambda: [write_graphml(graph, out_dir)],
        "neo4j": lambda: write_neo4j_csv(graph, out_dir),
        "parquet": lambda: write_parquet(graph, out_dir),
        "html": lambda: [write_view(graph, out_dir / "view.html", title=title)],
    }
    return writers[name]()
