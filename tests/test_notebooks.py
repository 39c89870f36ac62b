"""Every notebook runs top to bottom against the real servers, and its outputs are checked."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import nbformat
from nbclient import NotebookClient
from neo4j import GraphDatabase

from graphbuild.queries import list_queries

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"


def execute(name: str, env: dict[str, str]) -> nbformat.NotebookNode:
    notebook = nbformat.read(NOTEBOOKS / f"{name}.ipynb", as_version=4)
    saved = dict(os.environ)
    os.environ.update(env)  # the kernel inherits the environment of this process
    try:
        NotebookClient(notebook, timeout=300, kernel_name="python3",
                       resources={"metadata": {"path": str(NOTEBOOKS)}}).execute()
    finally:
        os.environ.clear()
        os.environ.update(saved)
    return notebook


def outputs(notebook: nbformat.NotebookNode) -> list[dict[str, Any]]:
    return [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.outputs]


def text_of(notebook: nbformat.NotebookNode) -> str:
    parts = []
    for output in outputs(notebook):
        parts.append(output.get("text", ""))
        parts.extend(str(v) for k, v in output.get("data", {}).items() if k in ("text/plain", "text/html"))
    return "\n".join(parts)


def row_counts(notebook: nbformat.NotebookNode) -> dict[str, int]:
    return {m[0]: int(m[1]) for m in re.findall(r"## (\w+): .*? -> (\d+) rows", text_of(notebook))}


def test_notebooks_are_stored_clean() -> None:
    for path in NOTEBOOKS.glob("*.ipynb"):
        notebook = nbformat.read(path, as_version=4)
        assert notebook.cells[0].cell_type == "markdown", f"{path.name} must open with a paragraph"
        assert all(not c.get("outputs") for c in notebook.cells if c.cell_type == "code"), path.name
        raw = path.read_text(encoding="utf-8")
        assert "/work/" not in raw and "/home/" not in raw and "/tmp/" not in raw, path.name


def test_explore(examples_out: Path) -> None:
    notebook = execute("explore", {"GRAPHBUILD_OUT": str(examples_out)})
    text = text_of(notebook)
    assert re.search(r"\d+ documents, \d+ actors, \d+ events", text)
    assert "VISIT" in text and "asserted" in text
    assert sum("image/png" in o.get("data", {}) for o in outputs(notebook)) >= 2, "the timeline or dyad plot is missing"
    assert re.search(r"dyad [\w:-]+-[\w:-]+: [1-9]\d* events over \d+ months", text)


def test_network(examples_out: Path) -> None:
    notebook = execute("network", {"GRAPHBUILD_OUT": str(examples_out)})
    html = text_of(notebook)
    assert "<iframe srcdoc=" in html
    assert "Шойгу" in html and "Sergei Shoigu" in html  # evidence in the original language, English labels
    assert "http://" not in html.split("srcdoc=")[1].split("</iframe>")[0].replace("http://www.w3.org/2000/svg", "")


def test_cypher_and_sparql_notebooks_agree(examples_out: Path, neo4j_server, examples_sparql: str) -> None:  # type: ignore[no-untyped-def]
    with GraphDatabase.driver(neo4j_server.uri, auth=(neo4j_server.user, neo4j_server.password)) as driver:
        driver.execute_query("MATCH (n) DETACH DELETE n")  # the session server may hold other tests' data
    env = {"GRAPHBUILD_OUT": str(examples_out), "NEO4J_URI": neo4j_server.uri, "NEO4J_USER": neo4j_server.user,
           "NEO4J_PASSWORD": neo4j_server.password, "SPARQL_ENDPOINT": examples_sparql}
    cypher = execute("cypher", env)
    sparql = execute("sparql", env)
    cypher_rows, sparql_rows = row_counts(cypher), row_counts(sparql)
    assert set(cypher_rows) == {q.name for q in list_queries()}
    assert cypher_rows == sparql_rows
    assert cypher_rows["visits_to_country"] > 0 and cypher_rows["events_between"] > 0
    assert any("image/png" in o.get("data", {}) for o in outputs(cypher)), "the accusation picture is missing"
    assert "visitor" in text_of(sparql)
