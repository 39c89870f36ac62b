"""Writing the export formats in several processes at once.

After a ``--jobs N`` build the parent holds the merged graph and, until now, wrote every format one
after the other on one core while the workers' cores stood idle (RDF alone is about half of the
exports). Forked children inherit the graph (copy-on-write pages, nothing pickled) and each writes
whole formats, the costliest first, into the same folder; what each writes is what the parent
would have written.
"""

from __future__ import annotations

import multiprocessing
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from graphbuild.graph.knowledge_graph import KnowledgeGraph

# The formats by what they cost on a graph of generated articles (bench/stage_throughput.py), the
# costliest first, so the longest one starts at once and the short ones fill the other processes.
COST_ORDER: tuple[str, ...] = ("rdf", "jsonl", "html", "graphml", "neo4j", "parquet")

# The graph the forked children write: set only while a pool is open (fork copies it, unpickled).
_shared: KnowledgeGraph | None = None


def write_in_parallel(graph: KnowledgeGraph, out_dir: Path, title: str, formats: tuple[str, ...],
                      jobs: int) -> list[Path] | None:
    """Write ``formats`` of ``graph`` in up to ``jobs`` forked processes; the paths in ``formats``
    order. None (write them here instead) where processes cannot share the graph: no fork on this
    platform, or a graph spilled to disk (its SQLite connection must not cross a fork)."""
    global _shared
    if graph.is_spilled or "fork" not in multiprocessing.get_all_start_methods():
        return None
    order = sorted(formats, key=lambda name: COST_ORDER.index(name) if name in COST_ORDER else len(COST_ORDER))
    _shared = graph
    try:
        with ProcessPoolExecutor(max_workers=min(jobs, len(order)),
                                 mp_context=multiprocessing.get_context("fork")) as pool:
            futures: dict[str, Future[list[Path]]] = {
                name: pool.submit(_write_shared, out_dir, title, name) for name in order}
            written = {name: future.result() for name, future in futures.items()}
    finally:
        _shared = None
    return [path for name in formats for path in written[name]]


def _write_shared(out_dir: Path, title: str, name: str) -> list[Path]:
    from graphbuild.export import write_format

    assert _shared is not None, "a child forked without the graph"
    return write_format(_shared, out_dir, title, name)
