"""The Python API: build a knowledge graph from articles, read an output folder back, write it,
push it to Neo4j, and hand it to pandas, networkx or rdflib. The CLI is a thin layer over these.

A build from a script or a notebook (run from the repository root, where ``examples/`` is):

>>> import graphbuild
>>> kg = graphbuild.build(["examples/ru_un_veto.txt"])
>>> len(kg.documents), kg.actors["RUS"].label
(1, 'Russia')
>>> tables = kg.to_pandas()
>>> sorted(tables)
['actors', 'documents', 'dyads', 'edges', 'events', 'evidence', 'roles', 'tellings']

Writing an output folder and reading it back gives the same graph:

>>> import tempfile, pathlib
>>> out = kg.write(pathlib.Path(tempfile.mkdtemp()) / "out")
>>> sorted(graphbuild.load(out).events) == sorted(kg.events)
True
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from graphbuild.export import check_formats, is_output_entry
from graphbuild.export.output_folder import OutputFolder
from graphbuild.graph.knowledge_graph import KnowledgeGraph
from graphbuild.graph.records import RecordError, read_records

if TYPE_CHECKING:  # the pipeline loads the language tools: only build() needs it
    import pandas as pd
    from rdflib import Dataset

    from graphbuild.pipeline import BuildResult
    from graphbuild.stores.neo4j_store import PushReport

logger = logging.getLogger("graphbuild")

PathLike = str | Path


class BuildError(Exception):
    """No document of the inputs could be read: there is no graph to return."""


def _as_list(inputs: PathLike | Iterable[PathLike]) -> list[str]:
    if isinstance(inputs, (str, Path)):
        return [str(inputs)]
    return [str(p) for p in inputs]


def build_result(inputs: PathLike | Iterable[PathLike], *, kb: Iterable[PathLike] = (), jobs: int = 1,
                 dask: str | None = None, corrections: PathLike | None = None,
                 stdin_text: str | bytes | None = None, skip: Path | None = None,
                 on_document: Callable[[str, bool], None] | None = None,
                 on_read: Callable[[int], None] | None = None, into: KnowledgeGraph | None = None,
                 spill: PathLike | None = None) -> BuildResult:
    """:func:`build` with every input error kept in the result (what ``graphbuild build`` runs).

    ``into``: a graph (one :func:`load` read from an output folder) to add the inputs' documents to,
    as ``graphbuild build --into`` does; a document it holds already is not added again. A graph
    whose build applied corrections is refused (ValueError): they would not be applied to the new
    documents the way a full build applies them.

    The corrections file is read and checked before any article is, so a bad one costs nothing;
    the graph's ``warnings`` are the build's warnings (warnings.jsonl) and its ``corrections`` the
    record of what each correction changed (corrections.json).

    ``spill``: a scratch folder where the merged graph is kept on disk instead of in memory (the
    output is the same; remove the folder once the graph is written). Not with ``into``."""
    from graphbuild.corrections import apply_corrections, read_corrections, write_alias_kb
    from graphbuild.pipeline import build_graph

    if into is not None and spill is not None:
        raise ValueError("a build into an existing graph keeps it in memory: give spill or into, not both")
    if into is not None and (into.corrections or corrections is not None):
        raise ValueError("adding to an output built with corrections is not supported: rebuild all the "
                         "inputs with --out and --corrections")
    fixes = read_corrections(Path(corrections)) if corrections is not None else None
    kb_files = [Path(p) for p in kb]
    with tempfile.TemporaryDirectory(prefix="graphbuild-corrections-") as scratch:
        if fixes is not None:
            alias_kb = write_alias_kb(fixes, kb_files, Path(scratch))
            kb_files += [alias_kb] if alias_kb else []
        result = build_graph(_as_list(inputs), kb_files=kb_files, jobs=jobs, dask=dask, stdin_text=stdin_text,
                             skip=skip, on_document=on_document, on_read=on_read, into=into,
                             spill=Path(spill) if spill is not None else None)
    if fixes is not None:
        applied = apply_corrections(result.graph, fixes)
        result.graph.corrections = applied.records
        result.warnings += applied.warnings
    result.graph.warnings = list(result.warnings)
    return result


def build(inputs: PathLike | Iterable[PathLike], *, kb: Iterable[PathLike] = (), jobs: int = 1,
          dask: str | None = None, corrections: PathLike | None = None,
          into: KnowledgeGraph | None = None) -> KnowledgeGraph:
    """Read articles (files, folders, globs: what ``graphbuild build`` takes) into one graph.

    ``kb``: your own knowledge-base JSONL files; ``jobs``: worker processes; ``dask``: "local" or a
    scheduler address; ``corrections``: a corrections YAML file (docs/corrections.md); ``into``: a
    graph to add the articles to (as ``build --into``: a document it holds is not added again). An
    input that cannot be read is logged on the "graphbuild" logger and skipped, as the CLI does; if
    none can be read, BuildError is raised.

    >>> import graphbuild
    >>> kg = graphbuild.build(["examples/ru_un_veto.txt"])
    >>> first = set(kg.documents)
    >>> kg = graphbuild.build(["examples/kk_xi_astana.txt"], into=kg)
    >>> len(kg.documents)
    2
    >>> _ = kg.retract([d for d in kg.documents if d not in first])  # and take that article out again
    >>> set(kg.documents) == first
    True
    """
    result = build_result(inputs, kb=kb, jobs=jobs, dask=dask, corrections=corrections, into=into)
    for error in result.errors:
        logger.warning("%s: %s", error.source, error.message)
    if not result.graph.documents:
        first = f" ({result.errors[0].source}: {result.errors[0].message})" if result.errors else ""
        raise BuildError(f"no document could be read from {_as_list(inputs)}{first}")
    return result.graph


def load(out_dir: PathLike | Iterable[PathLike], progress: Callable[[int], None] | None = None) -> KnowledgeGraph:
    """The graph of an output folder (or of several record folders, merged), read back exactly:
    writing it again gives the same files. Raises RecordError naming the file and line of a bad
    record. ``progress(n)`` is called as records are read (for progress bars).
    """
    folders = [Path(out_dir)] if isinstance(out_dir, (str, Path)) else [Path(p) for p in out_dir]
    graph = read_records(folders, progress=progress)
    for folder in folders:
        graph.warnings += _read_warnings(folder / "warnings.jsonl")
        graph.corrections += _read_correction_records(folder / "corrections.json")
    return graph


def _read_warnings(path: Path) -> list[str]:
    if not path.exists():
        return []
    warnings = []
    for line, text in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        try:
            row = json.loads(text)
        except json.JSONDecodeError as exc:
            raise RecordError(path, line, f"invalid JSON ({exc.msg})") from exc
        if not isinstance(row, dict) or not isinstance(row.get("warning"), str):
            raise RecordError(path, line, 'expected {"warning": "..."}')
        warnings.append(row["warning"])
    return warnings


def _read_correction_records(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    try:
        records = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise RecordError(path, exc.lineno, f"invalid JSON ({exc.msg})") from exc
    if not isinstance(records, list) or not all(isinstance(r, dict) for r in records):
        raise RecordError(path, None, "expected a list of objects (the corrections a build applied)")
    return records


def write(graph: KnowledgeGraph, out_dir: PathLike, formats: Iterable[str] | None = None) -> Path:
    """Write ``graph`` as ``graphbuild build`` does: the output folder is replaced as a whole (a
    folder holding anything else is refused). ``formats``: some of jsonl, rdf, graphml, neo4j,
    parquet, html (default all; jsonl, which :func:`load` reads, is always written)."""
    chosen = check_formats(formats)
    with OutputFolder(Path(out_dir), is_output_entry) as folder:
        write_into(folder, graph, chosen)
        return folder.path


def write_into(folder: OutputFolder, graph: KnowledgeGraph, formats: Iterable[str] | None = None,
               jobs: int = 1) -> None:
    """Write into an output folder whose lock the caller already holds (the CLI takes it before building).

    The record of what was last pushed to Neo4j from the folder is carried over: the database still
    holds it, and the next push sends the difference. ``jobs`` above 1 writes the formats in that
    many processes at once (the same files)."""
    from graphbuild.export import write_all
    from graphbuild.stores.push_record import carry_record

    def fill(staging: Path) -> None:
        write_all(graph, staging, title=f"graphbuild: {folder.path.name}", formats=formats, jobs=jobs)
        carry_record(folder.path, staging)

    folder.replace(fill)


def push(graph: KnowledgeGraph, uri: str, user: str = "neo4j", password: str | None = None, *,
         database: str | None = None, batch_size: int = 1000,
         progress: Callable[[int], None] | None = None) -> PushReport:
    """Write ``graph`` into Neo4j (idempotent MERGE on ids). ``password`` defaults to NEO4J_PASSWORD."""
    from graphbuild.stores.neo4j_store import push_graph

    password = password if password is not None else os.environ.get("NEO4J_PASSWORD")
    if password is None:
        raise ValueError("no Neo4j password: pass password=... or set NEO4J_PASSWORD")
    return push_graph(graph, uri, user, password, database=database, batch_size=batch_size, progress=progress)


def to_pandas(graph: KnowledgeGraph) -> dict[str, pd.DataFrame]:
    """The tables of ``tables/*.parquet`` as DataFrames, by name."""
    from graphbuild.export.tables import graph_tables

    return graph_tables(graph)


def to_rdflib(graph: KnowledgeGraph) -> Dataset:
    """The graph as an rdflib Dataset: the default graph (graph.ttl) plus one provenance graph per document."""
    from graphbuild.export.rdf import graph_to_rdflib

    return graph_to_rdflib(graph)
