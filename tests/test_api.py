"""The Python API: its docstring examples run, it writes what the CLI writes, an output folder read
back with load() writes the same bytes, and push() fills a real Neo4j."""

from __future__ import annotations

import doctest
import gc
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from neo4j import GraphDatabase

import graphbuild
import graphbuild.api
from graphbuild.stores.neo4j_store import verify_graph

REPO = Path(__file__).resolve().parents[1]
README = (REPO / "README.md").read_text(encoding="utf-8")


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_docstring_examples_run(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)  # the examples name examples/ as a user in the repository would
    result = doctest.testmod(graphbuild.api, raise_on_error=False)
    assert result.attempted >= 5 and result.failed == 0


def test_build_write_load_write_gives_the_cli_bytes(examples_out: Path, tmp_path: Path) -> None:
    built = graphbuild.build([REPO / "examples"])
    assert gc.get_freeze_count() == 0  # the build froze its models for the garbage collector, and unfroze them
    first = built.write(tmp_path / "a" / "out")
    cli_files = _files(examples_out)
    assert _files(first) == cli_files  # the CLI is this API: same files, warnings.jsonl included
    second = graphbuild.load(first).write(tmp_path / "b" / "out")
    assert _files(second) == cli_files
    assert {"corrections.json", "warnings.jsonl", "tables/dyads.parquet"} <= set(cli_files)


def test_write_some_formats(records_dir: Path, tmp_path: Path) -> None:
    graph = graphbuild.load(records_dir)
    out = graph.write(tmp_path / "out", formats=["rdf"])
    assert sorted(p.name for p in out.iterdir()) == ["corrections.json", "documents.jsonl", "entities.jsonl",
                                                      "events.jsonl", "graph.jsonld", "graph.trig", "graph.ttl",
                                                      "roles.jsonl", "warnings.jsonl"]
    with pytest.raises(ValueError, match=r"unknown output format.*'csv'"):
        graph.write(tmp_path / "other", formats=["csv"])
    assert not (tmp_path / "other").exists()


def test_to_pandas_and_to_rdflib(records_dir: Path) -> None:
    graph = graphbuild.load(records_dir)
    tables = graph.to_pandas()
    assert {"documents", "actors", "events", "roles", "dyads"} <= set(tables)
    assert len(tables["events"]) == len(graph.events) and len(tables["actors"]) == len(graph.actors)
    dataset = graph.to_rdflib()
    rows = dataset.query('PREFIX gb: <https://w3id.org/graphbuild/ontology#> '
                         'SELECT (COUNT(?e) AS ?n) WHERE { ?e a gb:Event }')
    assert int(next(iter(rows))[0]) == len(graph.events)


def test_load_names_the_file_and_line_of_a_bad_record(records_dir: Path, tmp_path: Path) -> None:
    out = graphbuild.load(records_dir).write(tmp_path / "out")
    (out / "warnings.jsonl").write_text('{"warning": "fine"}\n[1, 2]\n', encoding="utf-8")
    with pytest.raises(graphbuild.RecordError, match=r"warnings.jsonl:2: expected"):
        graphbuild.load(out)


def test_push_fills_neo4j(records_dir: Path, neo4j_server) -> None:  # type: ignore[no-untyped-def]
    with GraphDatabase.driver(neo4j_server.uri, auth=(neo4j_server.user, neo4j_server.password)) as driver:
        driver.execute_query("MATCH (n) DETACH DELETE n")  # the session server may hold other tests' data
    graph = graphbuild.load(records_dir)
    report = graph.push(neo4j_server.uri, neo4j_server.user, neo4j_server.password)
    assert report.nodes_created > 0
    assert verify_graph(graph, neo4j_server.uri, neo4j_server.user, neo4j_server.password) == []


def test_import_graphbuild_stays_light() -> None:
    script = ("import json, sys, graphbuild\n"
              "heavy = [m for m in ('pandas', 'networkx', 'rdflib', 'spacy', 'neo4j') if m in sys.modules]\n"
              "print(json.dumps([heavy, callable(graphbuild.build), 'load' in dir(graphbuild)]))\n")
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    run = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True)
    assert json.loads(run.stdout) == [[], True, True]
    with pytest.raises(AttributeError, match="no attribute 'nothing'"):
        graphbuild.nothing  # noqa: B018 - the attribute access is the test


def test_readme_python_snippet_runs(examples_out: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    snippet = re.findall(r"```python\n(.*?)```", README, flags=re.S)
    assert snippet, "no python block in the README"
    monkeypatch.chdir(tmp_path)
    (tmp_path / "examples").symlink_to(REPO / "examples")
    (tmp_path / "out").symlink_to(examples_out)
    namespace: dict[str, object] = {}
    exec(compile(snippet[0], "README.md", "exec"), namespace)  # the README's own code
    assert "kg" in namespace and "dyads" in namespace


def test_build_skips_and_logs_an_unreadable_input_and_fails_when_none_is_read(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    missing = tmp_path / "missing.txt"
    with caplog.at_level("WARNING", logger="graphbuild"):
        graph = graphbuild.build([REPO / "examples" / "ru_un_veto.txt", missing])
    assert len(graph.documents) == 1
    assert any(str(missing) in r.getMessage() for r in caplog.records)
    with pytest.raises(graphbuild.BuildError, match="no document could be read"):
        graphbuild.build([missing])
