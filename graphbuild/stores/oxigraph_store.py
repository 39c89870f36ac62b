"""Oxigraph as the SPARQL store: load an RDF export into an on-disk store and serve it over HTTP.

Uses the ``oxigraph`` command-line server from PyPI (``oxigraph load`` / ``oxigraph serve``),
so the endpoint is a real SPARQL 1.1 server, the same one the tests run against.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graphbuild.stores.sparql_gate import SparqlGate

STORE_DIR = ".oxigraph"
SPARQL_JSON = "application/sparql-results+json"


class OxigraphError(RuntimeError):
    """The oxigraph binary is missing, a load failed, or the server did not come up."""


def oxigraph_binary() -> str:
    """Path of the ``oxigraph`` CLI installed by the ``oxigraph`` PyPI package."""
    beside = Path(sys.executable).with_name("oxigraph")
    found = str(beside) if beside.exists() else shutil.which("oxigraph")
    if not found:
        raise OxigraphError("the oxigraph command is not installed (pip install oxigraph)")
    return found


def load(data_files: list[Path], location: Path) -> Path:
    """Build a fresh store at ``location`` from ``data_files`` (Turtle, TriG, N-Triples...).

    The store is built beside ``location`` and swapped in only when every file loaded, so a
    failed load leaves the previous store untouched.
    """
    location = Path(location)
    location.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f"{location.name}.", suffix=".loading", dir=location.parent))
    try:
        for path in data_files:
            result = subprocess.run(
                [oxigraph_binary(), "load", "--location", str(tmp), "--file", str(path)],
                capture_output=True, text=True, check=False,
            )
            if result.returncode != 0:
                detail = (result.stderr or result.stdout).strip().splitlines()
                raise OxigraphError(f"oxigraph could not load {path}: {detail[-1] if detail else 'failed'}")
        if location.exists():
            shutil.rmtree(location)
        os.replace(tmp, location)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return location


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        return int(sock.getsockname()[1])


@dataclass
class OxigraphProcess:
    """A running ``oxigraph serve`` process."""

    process: subprocess.Popen[bytes]
    endpoint: str  # base URL, e.g. http://127.0.0.1:7878
    location: Path
    log: Path
    _stopped: bool = field(default=False, repr=False)

    @property
    def query_url(self) -> str:
        """The SPARQL 1.1 query endpoint (what ``graphbuild query --sparql`` takes)."""
        return self.endpoint + "/query"

    def stop(self, timeout: float = 10.0) -> None:
        if self._stopped:
            return
        self._stopped = True
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def wait(self, timeout: float | None = None) -> int:
        """Block until the server exits (e.g. for ``graphbuild serve`` in the foreground)."""
        return self.process.wait(timeout=timeout)

    def terminate(self) -> None:
        self.stop()

    def __enter__(self) -> OxigraphProcess:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def _die_with_parent() -> None:
    """Runs in the child before exec: on Linux, ask for SIGTERM when the parent dies, so a killed
    ``graphbuild serve`` does not leave an orphaned server holding the port."""
    try:
        import ctypes
        import signal

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # 1 = PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def start_server(location: Path, bind: str = "127.0.0.1:7878", *, read_only: bool = True,
                 ready_timeout: float = 30.0) -> OxigraphProcess:
    """Start a server over an existing store and wait until it answers SPARQL queries."""
    host, port = _host_port(bind)
    command = "serve-read-only" if read_only else "serve"
    log = Path(location).with_name(Path(location).name + ".log")
    with open(log, "wb") as out:
        process = subprocess.Popen(
            [oxigraph_binary(), command, "--location", str(location), "--bind", bind],
            stdout=out, stderr=subprocess.STDOUT,
            preexec_fn=_die_with_parent if sys.platform.startswith("linux") else None,
        )
    server = OxigraphProcess(process, f"http://{host}:{port}", Path(location), log)
    deadline = time.monotonic() + ready_timeout
    while True:
        if process.poll() is not None:
            raise OxigraphError(f"oxigraph server exited ({process.returncode}): "
                                f"{log.read_text(errors='replace').strip()[-500:]}")
        try:
            query(server.query_url, "ASK { }", timeout=2.0)
            return server
        except (OSError, OxigraphError) as exc:
            if time.monotonic() > deadline:
                server.stop()
                raise OxigraphError(f"oxigraph server on {bind} did not answer within {ready_timeout:.0f} s") from exc
            time.sleep(0.1)


def export_files(out_dir: Path) -> list[Path]:
    """The RDF export to serve: the TriG (default graph plus provenance graphs) or else the Turtle."""
    out_dir = Path(out_dir)
    for name in ("graph.trig", "graph.ttl"):
        if (out_dir / name).exists():
            return [out_dir / name]
    raise OxigraphError(f"{out_dir} holds no graph.trig or graph.ttl (run graphbuild build or load first)")


@dataclass
class Endpoint:
    """What `graphbuild serve` runs: Oxigraph, behind the SPARQL gate unless federation is allowed."""

    server: OxigraphProcess
    query_url: str
    gate: SparqlGate | None = None

    def wait(self, timeout: float | None = None) -> int:
        """Block until the store exits (the CLI's foreground); its exit code."""
        return self.server.wait(timeout)

    def stop(self) -> None:
        if self.gate is not None:
            self.gate.stop()
        self.server.stop()


def serve(out_dir: Path, *, bind: str = "127.0.0.1:7878", read_only: bool = True,
          allow_federation: bool = False) -> Endpoint:
    """Load ``out_dir``'s RDF export into ``out_dir/.oxigraph`` and serve it; prints the endpoint.

    Federated queries (SERVICE) are refused unless ``allow_federation``: Oxigraph then listens on a
    private port behind :class:`SparqlGate`.  A taken port is an OxigraphError naming it."""
    host, port = _host_port(bind)
    _check_port_free(host, port)  # before the load, which can take a while
    location = load(export_files(out_dir), Path(out_dir) / STORE_DIR)
    if allow_federation:
        server = start_server(location, bind, read_only=read_only)
        time.sleep(0.5)  # a server that lost the port race answers nothing of ours and exits: see it go
        if server.process.poll() is not None:
            raise OxigraphError(f"{bind} is already in use by another server; choose another --bind")
        endpoint = Endpoint(server, server.query_url)
    else:
        server = start_server(location, f"127.0.0.1:{free_port()}", read_only=read_only)
        try:
            gate = SparqlGate(host, port, server.endpoint)
        except OSError as exc:
            server.stop()
            raise OxigraphError(f"{bind} is already in use ({exc.strerror}); choose another --bind") from exc
        endpoint = Endpoint(server, f"http://{host}:{port}/query", gate)
    print(f"SPARQL endpoint: {endpoint.query_url}", flush=True)
    return endpoint


def _host_port(bind: str) -> tuple[str, int]:
    host, _, port = bind.rpartition(":")
    if not host or not port.isdigit():
        raise OxigraphError(f"bind must be HOST:PORT, not {bind!r}")
    return host, int(port)


def _check_port_free(host: str, port: int) -> None:
    """OxigraphError if something already listens on ``host:port`` (so no other server is taken for ours)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as servers do: TIME_WAIT is no owner
        try:
            probe.bind((host, port))
        except OSError as exc:
            raise OxigraphError(f"{host}:{port} is already in use ({exc.strerror}); choose another --bind") from exc


def query(url: str, sparql: str, timeout: float = 60.0) -> dict[str, Any]:
    """POST a SPARQL query to ``url`` and return the parsed SPARQL JSON results."""
    body = urllib.parse.urlencode({"query": sparql}).encode("utf-8")
    request = urllib.request.Request(url, data=body, method="POST", headers={
        "Accept": SPARQL_JSON, "Content-Type": "application/x-www-form-urlencoded"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return json.loads(response.read().decode("utf-8"))
    except urllib.error.HTTPError as exc:
        detail = exc.read().decode("utf-8", errors="replace").strip()
        raise OxigraphError(f"SPARQL endpoint {url} answered {exc.code}: {detail[:500]}") from exc
    except urllib.error.URLError as exc:
        raise OxigraphError(f"cannot reach the SPARQL endpoint {url}: {exc.reason}") from exc


def update(url: str, sparql: str, timeout: float = 120.0) -> None:
    """POST a SPARQL 1.1 update to ``url`` (an ``/update`` endpoint; `graphbuild serve --read-write`)."""
    body = urllib.parse.urlencode({"update": sparql}).encode("utf-8")
    request = urllib.request.Request(url, data=body, method="POST",
                                     headers={"Content-Type": "application/x-www-form-urlencoded"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            response.read()
    except urllib.error.HTTPError as exc:
        detail = exc.read().decode("utf-8", errors="replace").strip()
        raise OxigraphError(f"SPARQL update endpoint {url} answered {exc.code}: {detail[:500]}") from exc
    except urllib.error.URLError as exc:
        raise OxigraphError(f"cannot reach the SPARQL update endpoint {url}: {exc.reason}") from exc
