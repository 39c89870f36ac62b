"""`graphbuild serve` refuses a taken port with one line and refuses federated queries (SERVICE)
unless --allow-federation (issue 12, part 6); real Oxigraph servers throughout."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import threading
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from graphbuild.stores.sparql_gate import REFUSAL, uses_service


@pytest.mark.parametrize(("sparql", "federated"), [
    ("SELECT * WHERE { SERVICE <http://evil.example/> { ?s ?p ?o } }", True),
    ("select * where { service silent <http://x/> { ?s ?p ?o } }", True),
    ("SELECT * WHERE {\n# a comment\nSeRvIcE ?endpoint { ?s ?p ?o } }", True),
    ("INSERT { ?s ?p ?o } WHERE { SERVICE <http://x/> { ?s ?p ?o } }", True),
    ('SELECT * WHERE { ?s ?p "SERVICE" }', False),
    ("SELECT * WHERE { ?s <http://x/SERVICE> ?o } # SERVICE in a comment", False),
    ("PREFIX ex: <http://x/> SELECT ?SERVICE WHERE { ?SERVICE ex:SERVICE ?o }", False),
    ("SELECT * WHERE { ?s ?p '''multi\nSERVICE\nline''' }", False),
])
def test_service_keyword_is_found_only_where_it_is_the_keyword(sparql: str, federated: bool) -> None:
    assert uses_service(sparql) is federated


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def built(records_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("serve") / "out"
    command = [sys.executable, "-m", "graphbuild", "--quiet", "load", str(records_dir), "--out", str(out)]
    assert subprocess.run(command, timeout=300).returncode == 0
    return out


def serve(built: Path, port: int, *extra: str) -> subprocess.Popen[str]:
    """`graphbuild serve` started and answering (its first stdout line is the endpoint)."""
    process = subprocess.Popen([sys.executable, "-m", "graphbuild", "serve", str(built), "--bind",
                                f"127.0.0.1:{port}", *extra], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert process.stdout is not None
    line = process.stdout.readline()
    assert line.startswith("SPARQL endpoint: "), (line, process.stderr.read() if process.stderr else "")
    return process


def ask(port: int, sparql: str) -> tuple[int, str]:
    request = urllib.request.Request(f"http://127.0.0.1:{port}/query",
                                     data=urllib.parse.urlencode({"query": sparql}).encode(),
                                     headers={"Accept": "application/sparql-results+json"})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8")


@pytest.fixture
def listener() -> Iterator[tuple[int, list[str]]]:
    """A web server standing for an arbitrary URL on the network; yields its port and the paths asked."""
    asked: list[str] = []

    class Record(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            asked.append(self.path)
            self.send_response(500)
            self.end_headers()

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Record)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server.server_address[1], asked
    server.shutdown()
    server.server_close()


def test_federated_queries_are_refused_and_fetch_nothing(built: Path, listener: tuple[int, list[str]]) -> None:
    listener_port, asked = listener
    port = free_port()
    process = serve(built, port)
    try:
        status, body = ask(port, f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{listener_port}/sparql> "
                                 "{ ?s ?p ?o } }")
        assert (status, body.strip()) == (403, REFUSAL)
        assert asked == []
        status, body = ask(port, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
        assert status == 200 and int(json.loads(body)["results"]["bindings"][0]["n"]["value"]) > 100
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_allow_federation_lets_service_through(built: Path, listener: tuple[int, list[str]]) -> None:
    listener_port, asked = listener
    port = free_port()
    process = serve(built, port, "--allow-federation")
    try:
        ask(port, f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{listener_port}/sparql> {{ ?s ?p ?o }} }}")
        assert asked == ["/sparql"]
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_a_port_taken_by_another_sparql_server_is_one_line_and_exit_1(built: Path, examples_sparql: str) -> None:
    taken = urllib.parse.urlsplit(examples_sparql).port
    assert taken is not None
    for extra in ((), ("--allow-federation",)):
        result = subprocess.run([sys.executable, "-m", "graphbuild", "serve", str(built), "--bind",
                                 f"127.0.0.1:{taken}", *extra], capture_output=True, text=True, timeout=120)
        assert result.returncode == 1, (result.stdout, result.stderr)
        assert result.stdout == ""  # no endpoint announced
        lines = [line for line in result.stderr.splitlines() if line.strip()]
        assert len(lines) == 1 and f"127.0.0.1:{taken} is already in use" in lines[0], result.stderr
