"""Session-wide real servers: one Neo4j (embedded Neo4j 5 LTS with Bolt, from Maven Central
artifacts) and Oxigraph SPARQL servers, started once and stopped at the end of the run."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
REPO = TESTS.parent
SHARED = REPO.parent / "shared"
sys.path.insert(0, str(TESTS))
KNOWN_GAPS = TESTS / "known_gaps.txt"


def _known_gaps() -> set[str]:
    lines = KNOWN_GAPS.read_text(encoding="utf-8").splitlines()
    return {line.strip() for line in lines if line.strip() and not line.startswith("#")}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests listed in known_gaps.txt run as strict expected failures (visible in every report)."""
    gaps = _known_gaps()
    for item in items:
        if item.nodeid in gaps:
            item.add_marker(pytest.mark.xfail(strict=True, reason="known gap of the tree event stage (issue 7)"))



@pytest.fixture(scope="session")
def neo4j_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    from servers.neo4j_server import start_neo4j

    server = start_neo4j(tmp_path_factory.mktemp("neo4j"))
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def records_dir() -> Path:
    """The hand-written test graph: all 17 event types, every mode, kk/ru/en names."""
    return TESTS / "data" / "records"


@pytest.fixture(scope="session")
def examples_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled examples built once with the real CLI, as the README's first command does."""
    from graphbuild.cli.main import main

    out = tmp_path_factory.mktemp("examples") / "out"
    code = main(["--quiet", "build", str(REPO / "examples"), "--out", str(out)])
    assert code == 0, f"building the bundled examples exited {code}"
    return out


@pytest.fixture(scope="session")
def examples_sparql(examples_out: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real Oxigraph SPARQL server over the built examples; yields its query URL."""
    from servers.oxigraph_server import start_oxigraph

    server = start_oxigraph([examples_out / "graph.trig"], tmp_path_factory.mktemp("oxigraph"))
    try:
        yield server.query_url
    finally:
        server.stop()
