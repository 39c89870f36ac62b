"""push, query and serve from the command line against the real servers."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from neo4j import GraphDatabase


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "graphbuild", *args], capture_output=True, text=True, timeout=600,
                          env={**os.environ, **(env or {})})


@pytest.fixture(scope="module")
def built(records_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("cli") / "out"
    assert run("--quiet", "load", str(records_dir), "--out", str(out)).returncode == 0
    return out


def test_push_wrong_password_is_one_line(built: Path, neo4j_server) -> None:  # type: ignore[no-untyped-def]
    result = run("push", str(built), "--neo4j-uri", neo4j_server.uri, "--neo4j-password", "not-the-password")
    assert result.returncode == 1
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "credentials" in lines[0] and neo4j_server.uri in lines[0]


def test_push_unreachable_is_one_line(built: Path) -> None:
    result = run("push", str(built), "--neo4j-uri", "bolt://127.0.0.1:9", "--neo4j-password", "whatever-pw")
    assert result.returncode == 1
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "bolt://127.0.0.1:9" in lines[0]


def test_push_with_env_vars_then_query(built: Path, neo4j_server) -> None:  # type: ignore[no-untyped-def]
    with GraphDatabase.driver(neo4j_server.uri, auth=(neo4j_server.user, neo4j_server.password)) as driver:
        driver.execute_query("MATCH (n) DETACH DELETE n")
    env = {"NEO4J_URI": neo4j_server.uri, "NEO4J_USER": neo4j_server.user, "NEO4J_PASSWORD": neo4j_server.password}
    pushed = run("push", str(built), "--batch-size", "7", env=env)
    assert pushed.returncode == 0, pushed.stderr
    answer = run("query", "visits_to_country", "--param", "country=PRK", "--json", env=env)
    assert answer.returncode == 0, answer.stderr
    rows = [json.loads(line) for line in answer.stdout.splitlines() if line.strip().startswith("{")]
    assert rows and any("Shoigu" in json.dumps(row) or "sergei" in json.dumps(row) for row in rows)
    bad = run("query", "visits_to_country", "--param", "country", env=env)
    assert bad.returncode == 2


def test_serve_answers_sparql(built: Path) -> None:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "graphbuild", "serve", str(built), "--bind", f"127.0.0.1:{port}"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        endpoint = f"http://127.0.0.1:{port}/query"
        query = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
        request = urllib.request.Request(endpoint, data=urllib.parse.urlencode({"query": query}).encode(),
                                         headers={"Accept": "application/sparql-results+json"})
        for _ in range(100):
            try:
                with urllib.request.urlopen(request, timeout=5) as response:
                    count = int(json.load(response)["results"]["bindings"][0]["n"]["value"])
                break
            except OSError:
                time.sleep(0.2)
        else:
            pytest.fail(f"graphbuild serve did not answer on {endpoint}")
        assert count > 100
        answer = run("query", "denied_claims", "--sparql", endpoint, "--json")
        assert answer.returncode == 0, answer.stderr
        assert "SUPPLY" in answer.stdout
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert endpoint in server.stdout.read()
