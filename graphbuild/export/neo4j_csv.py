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
    GraphRows,
    NodeSet,
    RelSet,
    check_vocabulary,
    graph_rows,
    schema_statements,
)

# Array elements are joined with the first of these that occurs in no array value.
_ARRAY_DELIMITERS = ("|", ";", "^", "~", "\u001f")


def _array_delimiter(rows: GraphRows) -> str:
    used: set[str] = set()
    for node_set in rows.nodes:
        arrays = [name for name, kind in node_set.properties if kind.endswith("[]")]
        for row in node_set.rows:
            for name in arrays:
                for item in row.get(name) or []:
                    used.update(ch for ch in _ARRAY_DELIMITERS if ch in item)
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


def _write_nodes(path: Path, node_set: NodeSet, delimiter: str) -> None:
    header = [f"id:ID({node_set.label})", ":LABEL"]
    header += [_header_type(name, kind) for name, kind in node_set.properties]
    labels = delimiter.join(node_set.labels)  # the importer splits :LABEL on the array delimiter
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        for row in node_set.rows:
            writer.writerow([row["id"], labels] + [_cell(row.get(name), kind, delimiter)
                                                   for name, kind in node_set.properties])


def _write_rels(path: Path, rel_set: RelSet, delimiter: str) -> None:
    header = [f":START_ID({rel_set.start_label})", f":END_ID({rel_set.end_label})", ":TYPE"]
    header += [_header_type(name, kind) for name, kind in rel_set.properties]
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        for row in rel_set.rows:
            writer.writerow([row["from_id"], row["to_id"], rel_set.type]
                            + [_cell(row.get(name), kind, delimiter) for name, kind in rel_set.properties])


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
    """Write out_dir/neo4j/ atomically; returns the paths of the files written there."""
    rows = graph_rows(graph)
    check_vocabulary(rows)
    delimiter = _array_delimiter(rows)
    target = Path(out_dir) / "neo4j"
    manifest: dict[str, Any] = {"array_delimiter": delimiter, "nodes": [], "relationships": [],
                                "counts": {"nodes": rows.node_count(),
                                           "relationships": rows.relationship_count()}}
    with atomic_dir(target) as tmp:
        for node_set in rows.nodes:
            name = f"nodes_{node_set.name}.csv"
            _write_nodes(tmp / name, node_set, delimiter)
            manifest["nodes"].append(name)
        for rel_set in rows.relationships:
            name = f"rels_{rel_set.name}.csv"
            _write_rels(tmp / name, rel_set, delimiter)
            manifest["relationships"].append(name)
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
