"""Writing the export formats in several processes at once.

After a ``--jobs N`` build the parent holds the merged graph and, until now, wrote every format one
after the other on one core while the workers' cores stood idle. Forked children inherit the graph
(copy-on-write pages, nothing pickled) and each writes whole formats, the costliest first, into the
same folder; what each writes is what the parent would have written.

RDF is most of the exports' time (2.9 of 4.1 CPU s for 300 generated articles), so it is split in
steps the other processes can share: its two halves of statements are sorted at once in two
processes (:data:`graphbuild.export.rdf.STATEMENT_PARTS`), and once both are done each of its three
files is rendered by whichever process is free. As one whole task it was the longest pole: the
other formats together took less than half of it.
"""

from __future__ import annotations

import gc
import multiprocessing
import shutil
import tempfile
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from graphbuild.graph.knowledge_graph import KnowledgeGraph

# The formats by what they cost on a graph of generated articles (bench/stage_throughput.py), the
# costliest first, so the longest one starts at once and the short ones fill the other processes.
COST_ORDER: tuple[str, ...] = ("rdf", "jsonl", "html", "graphml", "neo4j", "parquet")
# RDF's files by what rendering them costs (JSON-LD is the largest file), the costliest first.
RDF_RENDER_ORDER: tuple[str, ...] = ("json-ld", "trig", "turtle")

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
        with ProcessPoolExecutor(max_workers=min(jobs, len(order) + 1),
                                 mp_context=multiprocessing.get_context("fork")) as pool, \
                tempfile.TemporaryDirectory(prefix=".rdf-parts.", suffix=".tmp", dir=out_dir) as scratch:
            parts = _submit_rdf_parts(pool, Path(scratch)) if "rdf" in order else {}
            futures: dict[str, Future[list[Path]]] = {
                name: pool.submit(_write_shared, out_dir, title, name) for name in order if name != "rdf"}
            rendered = _render_rdf(pool, parts, out_dir, Path(scratch)) if parts else {}
            written = {name: future.result() for name, future in futures.items()}
            if rendered:
                from graphbuild.export.rdf import RDF_FILES

                written["rdf"] = [rendered[fmt].result() for fmt in RDF_FILES]  # write_rdf's order
    finally:
        _shared = None
    return [path for name in formats for path in written[name]]


def _submit_rdf_parts(pool: ProcessPoolExecutor, scratch: Path) -> dict[str, Future[Path]]:
    from graphbuild.export.rdf import STATEMENT_PARTS

    return {part: pool.submit(_sort_shared, part, scratch) for part in STATEMENT_PARTS}


def _render_rdf(pool: ProcessPoolExecutor, parts: dict[str, Future[Path]], out_dir: Path,
                scratch: Path) -> dict[str, Future[Path]]:
    """Once both halves are sorted: the RDF files rendered from them (joined here in their order: a
    file copy), each in whichever process is free."""
    from graphbuild.export.rdf import STATEMENT_PARTS

    joined = scratch / "statements.nq"
    with joined.open("wb") as out:
        for part in STATEMENT_PARTS:
            with parts[part].result().open("rb") as half:
                shutil.copyfileobj(half, out)
    return {fmt: pool.submit(_render_one, joined, out_dir, fmt) for fmt in RDF_RENDER_ORDER}


def _write_shared(out_dir: Path, title: str, name: str) -> list[Path]:
    from graphbuild.export import write_format

    assert _shared is not None, "a child forked without the graph"
    _freeze_inherited()
    return write_format(_shared, out_dir, title, name)


def _sort_shared(part: str, scratch: Path) -> Path:
    from graphbuild.export.rdf import write_sorted_statements

    assert _shared is not None, "a child forked without the graph"
    _freeze_inherited()
    path = scratch / f"{part}.nq"
    with path.open("wb") as out:
        write_sorted_statements(_shared, part, out, scratch)
    return path


def _render_one(lines: Path, out_dir: Path, fmt: str) -> Path:
    from graphbuild.export.atomic import atomic_file
    from graphbuild.export.rdf import RDF_FILES, render_sorted

    path = out_dir / RDF_FILES[fmt]
    with lines.open("rb") as source, atomic_file(path, "wb") as target:
        render_sorted(source, {fmt: target})
    return path


def _freeze_inherited() -> None:
    """Keep the garbage collector's passes off what the child inherited (the merged graph, alive
    until it exits): walking it would cost time and copy every page it touches."""
    gc.freeze()
