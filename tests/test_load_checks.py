"""`load` checks the type and range of every field before writing anything, and names
`file:line: field: problem` (issue 12, part 4)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from graphbuild.graph.records import RecordError, read_records


def corrupted(records_dir: Path, tmp_path: Path, name: str, change: dict[str, Any] | str) -> Path:
    """A copy of the test records with line 2 of ``name`` changed (fields set, or the raw line replaced)."""
    records = tmp_path / "records"
    records.mkdir()
    for path in records_dir.iterdir():
        (records / path.name).write_bytes(path.read_bytes())
    lines = (records / name).read_text(encoding="utf-8").splitlines()
    lines[1] = change if isinstance(change, str) else json.dumps({**json.loads(lines[1]), **change})
    (records / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return records


@pytest.mark.parametrize(("name", "change", "problem"), [
    ("events.jsonl", {"confidence": "high"}, "confidence: expected a number, got text 'high'"),
    ("events.jsonl", {"confidence": 7}, "confidence: must be between 0 and 1, not 7"),
    ("events.jsonl", {"goldstein": float("nan")}, "goldstein: expected a finite number, got nan"),
    ("events.jsonl", {"id": ["e2"]}, "id: expected text, got a list"),
    ("events.jsonl", {"date": "2024-13-45"}, "date: not a calendar date"),
    ("events.jsonl", {"date_precision": "week"}, "date_precision: must be one of day, month, year, not 'week'"),
    ("events.jsonl", {"object": {"what": "arms"}}, "object: expected text, got an object"),
    ("events.jsonl", {"evidence": [{"id": "evd:x", "document": "doc:ru1", "sentence": "S.", "start": "0",
                                    "end": 2, "quote": "S.", "lang": "ru"}]},
     "evidence[0].start: expected a whole number, got text '0'"),
    ("events.jsonl", {"evidence": [{"id": "evd:x", "document": "doc:ru1", "sentence": "S.", "start": 9,
                                    "end": 2, "quote": "S.", "lang": "ru"}]}, "evidence[0].end: ends before start"),
    ("entities.jsonl", {"names": {"en": "Korea"}}, "names.en: expected a list, got text 'Korea'"),
    ("entities.jsonl", {"documents": [1, 2]}, "documents[0]: expected text, got a number 1"),
    ("documents.jsonl", {"published": "not a date"}, "published: expected an ISO date or date-time"),
    ("documents.jsonl", {"title": True}, "title: expected text, got true/false"),
    ("documents.jsonl", {"lang": '" onmouseover="x'}, "lang: expected a language tag"),
    ("entities.jsonl", {"names": {"en fr": ["Korea"]}}, "names: expected language tags as keys, not 'en fr'"),
    ("roles.jsonl", {"start": "yesterday"}, "start: expected an ISO date"),
    ("events.jsonl", {"mode": "contested"}, "a contested event needs its tellings"),
    ("events.jsonl", {"tellings": [{"document": "doc:ru1", "mode": "contested"}]},
     "tellings[0].mode: unknown mode 'contested'"),
    ("events.jsonl", {"tellings": [{"document": "doc:ru1", "reported_on": "last week"}]},
     "tellings[0].reported_on: expected an ISO date"),
    ("events.jsonl", {"tellings": [{"mode": "asserted"}]}, "tellings[0]: missing field(s): document"),
    ("events.jsonl", '{"id": ' + "[" * 100_000 + "]" * 100_000 + "}", "JSON nested too deeply to read"),
])
def test_a_bad_field_names_file_line_field_and_problem(records_dir: Path, tmp_path: Path, name: str,
                                                       change: dict[str, Any] | str, problem: str) -> None:
    records = corrupted(records_dir, tmp_path, name, change)
    with pytest.raises(RecordError) as caught:
        read_records(records)
    assert str(caught.value).startswith(f"{records / name}:2: {problem}"), str(caught.value)


def test_load_of_a_badly_typed_record_writes_nothing_and_keeps_the_old_output(records_dir: Path,
                                                                              tmp_path: Path) -> None:
    out = tmp_path / "out"
    command = [sys.executable, "-m", "graphbuild", "--quiet", "load"]
    assert subprocess.run([*command, str(records_dir), "--out", str(out)], timeout=300).returncode == 0
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    records = corrupted(records_dir, tmp_path, "events.jsonl", {"confidence": "high"})
    result = subprocess.run([*command, str(records), "--out", str(out)], capture_output=True, text=True, timeout=300)
    assert result.returncode == 1
    assert result.stderr.strip() == (f"error: {records / 'events.jsonl'}:2: confidence: expected a number, "
                                     "got text 'high'")
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before


def test_the_shipped_records_and_a_built_output_pass_the_checks(records_dir: Path, examples_out: Path) -> None:
    assert len(read_records(records_dir).events) == 18
    assert read_records(examples_out).events
