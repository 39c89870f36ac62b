"""A real Oxigraph SPARQL server for the tests, over a store built from the given RDF files."""

from __future__ import annotations

from pathlib import Path

from graphbuild.stores.oxigraph_store import OxigraphProcess, free_port, load, start_server

OxigraphServer = OxigraphProcess  # .endpoint (base URL), .query_url (SPARQL endpoint), .stop()


def start_oxigraph(data_files: list[Path], workdir: Path) -> OxigraphServer:
    """Load ``data_files`` into a store under ``workdir`` and serve it read-only on a free port."""
    location = load([Path(p) for p in data_files], Path(workdir) / "oxigraph-store")
    return start_server(location, f"127.0.0.1:{free_port()}", read_only=True)
