"""What the last ``graphbuild push`` sent to Neo4j, kept in the output folder (``.neo4j-pushed/``),
so the next push sends only the difference (stores/neo4j_changes.py).

The record is the graph's own records (documents, entities, events, roles JSONL, read back exactly
by graph/records.py) plus the server and database they went to. It is replaced only once a push
has finished, so a push stopped half-way is completed by the next one; a rebuild of the folder
carries it over (api.write_into), since the database still holds what was pushed.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path

from graphbuild.graph.knowledge_graph import KnowledgeGraph
from graphbuild.graph.records import RecordError, read_records

PUSH_RECORD = ".neo4j-pushed"
_TARGET = "target.json"


def _target(uri: str, database: str | None) -> dict[str, str | None]:
    return {"uri": uri, "database": database}


def last_pushed(out_dir: Path, uri: str, database: str | None) -> KnowledgeGraph | None:
    """The graph the last push from ``out_dir`` sent to this server and database (None: no push
    recorded there, or one to another server, or a record that cannot be read)."""
    record = Path(out_dir) / PUSH_RECORD
    try:
        target = json.loads((record / _TARGET).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if target != _target(uri, database):
        return None
    try:
        return read_records(record)
    except RecordError:
        return None


def record_push(out_dir: Path, graph: KnowledgeGraph, uri: str, database: str | None) -> None:
    """Replace the record with ``graph``, which the server and database now hold."""
    from graphbuild.export.jsonl import write_contract

    out_dir = Path(out_dir)
    staging = Path(tempfile.mkdtemp(prefix=f"{PUSH_RECORD}.", suffix=".tmp", dir=out_dir))
    try:
        write_contract(graph, staging)
        (staging / _TARGET).write_text(json.dumps(_target(uri, database)) + "\n", encoding="utf-8")
        old = out_dir / PUSH_RECORD
        if old.exists():
            parked = out_dir / f"{PUSH_RECORD}.{os.getpid()}.old.tmp"
            os.rename(old, parked)
            os.rename(staging, old)
            shutil.rmtree(parked, ignore_errors=True)
        else:
            os.rename(staging, old)
    finally:
        shutil.rmtree(staging, ignore_errors=True)  # gone already when all went well


def carry_record(old_folder: Path, new_folder: Path) -> None:
    """Copy the push record of an output folder into the folder that replaces it."""
    record = Path(old_folder) / PUSH_RECORD
    if record.is_dir():
        shutil.copytree(record, Path(new_folder) / PUSH_RECORD)
