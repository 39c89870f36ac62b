"""Writing the formats in several processes gives the same files as writing them in one."""

from __future__ import annotations

from pathlib import Path

from graphbuild.export import EXPORT_FORMATS, write_all
from graphbuild.graph.knowledge_graph import KnowledgeGraph
from graphbuild.graph.records import read_records


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_parallel_exports_write_the_same_files(records_dir: Path, tmp_path: Path) -> None:
    graph = read_records(records_dir)
    one = write_all(graph, tmp_path / "one", title="t")
    two = write_all(graph, tmp_path / "two", title="t", jobs=2)
    assert [p.relative_to(tmp_path / "two") for p in two] == [p.relative_to(tmp_path / "one") for p in one]
    assert _files(tmp_path / "two") == _files(tmp_path / "one")
    assert {p.name for p in (tmp_path / "two").iterdir()} >= {"graph.ttl", "view.html", "events.jsonl"}


def test_a_spilled_graph_is_written_in_this_process(records_dir: Path, tmp_path: Path) -> None:
    spilled = KnowledgeGraph.spilled(tmp_path)
    spilled.merge(read_records(records_dir), keep_ids=True)
    write_all(spilled, tmp_path / "out", title="t", formats=EXPORT_FORMATS, jobs=2)
    write_all(read_records(records_dir), tmp_path / "memory", title="t")
    assert _files(tmp_path / "out") == _files(tmp_path / "memory")
