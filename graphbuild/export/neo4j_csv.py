"""neo4j-admin bulk-import CSVs (`neo4j-admin database import full`) for large graphs.

The files hold exactly the rows the live push writes (graphbuild.stores.neo4j_model), with
one ID space per label (``id:ID(Actor)``, ``:START_ID(Event)``...), a ``:LABEL`` column and
typed property columns (``goldstein:double``, ``names_en:string[]``).  Beside them:
import.json (the file lists and options), import.sh (the exact command) and schema.cypher
(the constraints and indexes to create once the database is started).
"""

from __future__ import annotations

import csv
import json
import shlex
from pathlib import Path
from typing import Any

from graphbuild.export.atomic import atomic_dir
from graphbuild.graph.knowledge_graph import KnowledgeGraph
from graphbuild.stores.neo4j_model import (
    POINT,
    NodeSet,
    RelSet,
    check_vocabulary,
    graph_rows,
    schema_statements,
)

# Array elements are joined with the first of these that occurs in no array value.
_ARRAY_DELIMITERS = ("|", ";", "^", "~", "\u001f")


class _DelimiterScan:
    """A row sink of the first pass: notes which candidate delimiters occur in array values."""

    def __init__(self, row_set: NodeSet | RelSet, used: set[str]) -> None:
        self._arrays = [name for name, kind in row_set.properties if kind.endswith("[]")]
        self._used = used

    def append(self, row: dict[str, Any]) -> None:
        for name in self._arrays:
            for item in row.get(name) or []:
                self._used.update(ch for ch in _ARRAY_DELIMITERS if ch in item)

    def __len__(self) -> int:
        return 0


def _array_delimiter(graph: KnowledgeGraph) -> str:
    """The first candidate that occurs in no array value (one pass over the rows, none kept)."""
    used: set[str] = set()
    graph_rows(graph, lambda row_set: _DelimiterScan(row_set, used))
    for candidate in _ARRAY_DELIMITERS:
        if candidate not in used:
            return candidate
    raise ValueError("every candidate array delimiter occurs in some name; cannot write neo4j-admin CSVs")


def _cell(value: Any, kind: str, delimiter: str) -> str | None:
    if value is None:
        return None  # an empty unquoted field: the importer sets no property
    if kind.endswith("[]"):
        return delimiter.join(value)
    if kind == "double":
        return repr(float(value))
    if kind == POINT:
        latitude, longitude = value
        return f"{{latitude:{float(latitude)!r},longitude:{float(longitude)!r}}}"
    if kind == "boolean":
        return "true" if value else "false"
    return str(value)


def _header_type(name: str, kind: str) -> str:
    return name if kind == "string" else f"{name}:{kind}"


class _CsvRows:
    """A row sink of the second pass: each row written to its set's CSV file as it comes."""

    def __init__(self, folder: Path, row_set: NodeSet | RelSet, delimiter: str) -> None:
        self.row_set, self._delimiter, self._count = row_set, delimiter, 0
        self.file_name = f"nodes_{row_set.name}.csv" if isinstance(row_set, NodeSet) else f"rels_{row_set.name}.csv"
        self._handle = (folder / self.file_name).open("w", encoding="utf-8", newline="")
        self._writer = csv.writer(self._handle, lineterminator="\n")
        if isinstance(row_set, NodeSet):
            header = [f"id:ID({row_set.label})", ":LABEL"]
            self._lead = lambda row: [row["id"], delimiter.join(row_set.labels)]  # :LABEL splits on it
        else:
            header = [f":START_ID({row_set.start_label})", f":END_ID({row_set.end_label})", ":TYPE"]
            self._lead = lambda row: [row["from_id"], row["to_id"], row_set.type]
        self._writer.writerow(header + [_header_type(name, kind) for name, kind in row_set.properties])

    def append(self, row: dict[str, Any]) -> None:
        self._writer.writerow(self._lead(row) + [_cell(row.get(name), kind, self._delimiter)
                                                 for name, kind in self.row_set.properties])
        self._count += 1

    def __len__(self) -> int:
        return self._count

    def close(self) -> None:
        self._handle.close()


def import_command(neo4j_dir: Path, *, database: str = "neo4j") -> list[str]:
    """Arguments after `neo4j-admin` that import ``neo4j_dir`` (absolute paths) into ``database``."""
    neo4j_dir = Path(neo4j_dir).resolve()
    manifest = json.loads((neo4j_dir / "import.json").read_text(encoding="utf-8"))
    # The database name goes first: the file options take several values and would swallow it.
    args = ["database", "import", "full", database, f"--array-delimiter={manifest['array_delimiter']}",
            "--multiline-fields=true", "--id-type=string"]
    args += [f"--nodes={neo4j_dir / name}" for name in manifest["nodes"]]
    args += [f"--relationships={neo4j_dir / name}" for name in manifest["relationships"]]
    return args


def _import_script(manifest: dict[str, Any]) -> str:
    delimiter = manifest["array_delimiter"]
    delimiter_arg = f"U+{ord(delimiter):04X}" if not delimiter.isprintable() else delimiter
    lines = ["#!/bin/sh",
             "# Bulk-load this folder into an empty database (stop Neo4j first), then start Neo4j and run",
             "#   cypher-shell -f schema.cypher",
             "# Usage: sh import.sh [DATABASE]   (default: neo4j)",
             'set -e', 'cd "$(dirname "$0")"',
             'neo4j-admin database import full "${1:-neo4j}" \\',
             f"  --array-delimiter={shlex.quote(delimiter_arg)} --multiline-fields=true --id-type=string \\"]
    lines += [f"  --nodes={shlex.quote(name)} \\" for name in manifest["nodes"]]
    lines += [f"  --relationships={shlex.quote(name)} \\" for name in manifest["relationships"]]
    lines[-1] = lines[-1].removesuffix(" \\")
    return "\n".join(lines) + "\n"


def write_neo4j_csv(graph: KnowledgeGraph, out_dir: Path) -> list[Path]:
    """Write out_dir/neo4j/ atomically; returns the paths of the files written there.

    Two passes over the graph, neither holding its rows: one finds the array delimiter, the other
    writes each row to its file as graph_rows makes it."""
    delimiter = _array_delimiter(graph)
    target = Path(out_dir) / "neo4j"
    with atomic_dir(target) as tmp:
        sinks: list[_CsvRows] = []

        def sink(row_set: NodeSet | RelSet) -> _CsvRows:
            sinks.append(_CsvRows(tmp, row_set, delimiter))
            return sinks[-1]

        try:
            rows = graph_rows(graph, sink)
        finally:
            for opened in sinks:
                opened.close()
        check_vocabulary(rows)
        manifest: dict[str, Any] = {
            "array_delimiter": delimiter, "nodes": [f"nodes_{s.name}.csv" for s in rows.nodes],
            "relationships": [f"rels_{s.name}.csv" for s in rows.relationships],
            "counts": {"nodes": rows.node_count(), "relationships": rows.relationship_count()}}
        (tmp / "import.json").write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n",
                                         encoding="utf-8")
        (tmp / "import.sh").write_text(_import_script(manifest), encoding="utf-8")
        (tmp / "schema.cypher").write_text("".join(f"{s};\n" for s in schema_statements()), encoding="utf-8")
        (tmp / "README.txt").write_text(
            "neo4j-admin bulk-import files written by graphbuild. Load them into an empty database with\n"
            "  sh import.sh [DATABASE]\n"
            "(the exact `neo4j-admin database import full` command), then run schema.cypher.\n",
            encoding="utf-8")
        names = manifest["nodes"] + manifest["relationships"] + ["import.json", "import.sh", "schema.cypher",
                                                                  "README.txt"]
    return [target / name for name in names]
