"""The output contract's JSONL files (documents, entities, events) plus roles, the build's warnings
and the corrections it applied."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from graphbuild.export.atomic import atomic_file
from graphbuild.graph.knowledge_graph import KnowledgeGraph


def write_jsonl(path: Path, rows: Iterable[dict[str, Any]]) -> None:
    with atomic_file(path) as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n")


def write_contract(graph: KnowledgeGraph, out_dir: Path) -> list[Path]:
    out_dir = Path(out_dir)
    # Generators: each file is written as its records are read (a spilled graph streams them from disk).
    files = {
        "documents.jsonl": (d.to_dict() for d in graph.sorted_documents()),
        "entities.jsonl": (a.to_dict() for a in graph.sorted_actors()),
        "events.jsonl": (e.to_dict() for e in graph.sorted_events()),
        "roles.jsonl": (r.to_dict() for r in graph.sorted_roles()),
    }
    for name, rows in files.items():
        write_jsonl(out_dir / name, rows)
    write_jsonl(out_dir / "warnings.jsonl", ({"warning": w} for w in graph.warnings))
    with atomic_file(out_dir / "corrections.json") as handle:
        handle.write(json.dumps(graph.corrections, ensure_ascii=False, indent=2, sort_keys=True) + "\n")
    return [out_dir / name for name in (*files, "warnings.jsonl", "corrections.json")]
