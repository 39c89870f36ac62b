"""A build that keeps its merged graph on disk (``--spill``) writes the same bytes as one in memory."""

from __future__ import annotations

from pathlib import Path

import pytest

from graphbuild.export import write_all
from graphbuild.graph.knowledge_graph import KnowledgeGraph
from graphbuild.pipeline import build_graph

REPO = Path(__file__).resolve().parent.parent


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _same_files(first: Path, second: Path) -> None:
    ours, theirs = _files(first), _files(second)
    assert sorted(ours) == sorted(theirs)
    differing = [name for name in ours if ours[name] != theirs[name]]
    assert not differing, f"files that differ: {differing}"


def test_cli_spill_writes_the_same_bytes(tmp_path: Path) -> None:
    from graphbuild.cli.main import main

    memory, disk = tmp_path / "memory" / "out", tmp_path / "disk" / "out"  # one name: view.html shows it
    assert main(["--quiet", "build", str(REPO / "examples"), "--out", str(memory)]) == 0
    assert main(["--quiet", "build", str(REPO / "examples"), "--out", str(disk), "--spill"]) == 0
    _same_files(memory, disk)
    assert not [p.name for p in disk.parent.iterdir() if "spill" in p.name], "the scratch folder was left"


def test_spill_with_a_tiny_cache_writes_the_same_bytes(tmp_path: Path) -> None:
    """Three records of each kind as objects: every merge writes records out and reads them back."""
    inputs = [str(REPO / "tests" / "data" / "dev")]
    in_memory = build_graph(inputs).graph
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    spilled = build_graph(inputs, into=KnowledgeGraph.spilled(scratch, cache_size=3)).graph
    assert spilled.is_spilled and not in_memory.is_spilled
    write_all(in_memory, tmp_path / "a", title="dev")
    write_all(spilled, tmp_path / "b", title="dev")
    _same_files(tmp_path / "a", tmp_path / "b")


def test_spill_refuses_into() -> None:
    from graphbuild.api import build_result

    with pytest.raises(ValueError, match="spill or into"):
        build_result([str(REPO / "examples")], into=KnowledgeGraph(), spill="x")


def test_streamed_graphml_reads_back_as_the_networkx_graph(records_dir: Path, tmp_path: Path) -> None:
    """The GraphML writer streams its elements; networkx reads them back as the graph they describe."""
    import networkx as nx

    from graphbuild.export.graphml import graph_to_networkx_full, write_graphml
    from graphbuild.graph.records import read_records

    graph = read_records(records_dir)
    expected, read = graph_to_networkx_full(graph), nx.read_graphml(write_graphml(graph, tmp_path))

    def edges(g: nx.MultiDiGraph) -> list[tuple[str, str, str, tuple]]:
        return sorted((u, v, k, tuple(sorted(d.items()))) for u, v, k, d in g.edges(keys=True, data=True))

    assert dict(read.nodes(data=True)) == dict(expected.nodes(data=True))
    assert edges(read) == edges(expected)


def test_exports_written_in_many_runs_and_chunks_are_the_same(records_dir: Path, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """The RDF sort spilling runs of 50 statements to disk, and Parquet row groups of 7 rows, write
    what one run and one row group write (large graphs take that path)."""
    import pandas as pd

    from graphbuild.export import sorted_runs, tables
    from graphbuild.graph.records import read_records

    graph = read_records(records_dir)
    write_all(graph, tmp_path / "one", formats=["rdf", "parquet"])
    monkeypatch.setattr(sorted_runs, "RUN_SIZE", 50)
    monkeypatch.setattr(tables, "CHUNK_ROWS", 7)
    write_all(graph, tmp_path / "many", formats=["rdf", "parquet"])
    for name in ("graph.ttl", "graph.trig", "graph.jsonld"):
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "many" / name).read_bytes(), name
    for path in sorted((tmp_path / "one" / "tables").glob("*.parquet")):
        pd.testing.assert_frame_equal(pd.read_parquet(path), pd.read_parquet(tmp_path / "many" / "tables" / path.name))
    assert not list(tmp_path.rglob("*.tmp")), "a sort run or scratch file was left"
