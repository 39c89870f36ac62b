"""The front door of `graphbuild serve`: passes SPARQL requests to Oxigraph, refuses federation.

Oxigraph answers a federated query (``SERVICE <url> { ... }``) by fetching ``url`` itself, so anyone
who can query the endpoint could make it request arbitrary addresses.  Oxigraph has no switch for
that, so `graphbuild serve` runs Oxigraph on a private port and puts this small proxy on the
public one; it refuses any query or update that uses SERVICE (unless --allow-federation, which
serves Oxigraph directly).
"""

from __future__ import annotations

import re
import threading
import urllib.error
import urllib.parse
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import ClassVar

MAX_REQUEST_BYTES = 16 * 1024 * 1024
_FORWARDED_HEADERS = ("Accept", "Content-Type")
# What can hide the word SERVICE without it being the keyword: IRIs, strings, comments.
_NOT_KEYWORDS = re.compile(r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\''
                           r"|<[^<>\"{}|^`\\\s]*>|#[^\n]*")
_SERVICE = re.compile(r"(?<![\w:?$])SERVICE(?![\w:])", re.IGNORECASE)
REFUSAL = ("federated queries (SERVICE) are disabled on this endpoint; "
           "start graphbuild serve with --allow-federation to allow them")


def uses_service(sparql: str) -> bool:
    """Whether a SPARQL query or update contains the SERVICE keyword (outside IRIs, strings, comments).

    Errs on the side of refusing: an unparsable text that merely looks like it uses SERVICE is refused."""
    return bool(_SERVICE.search(_NOT_KEYWORDS.sub(" ", sparql)))


def _sparql_texts(path: str, content_type: str, body: bytes) -> list[str]:
    """Every query or update text a request carries (URL parameters, form body or raw body)."""
    texts = [v for key, values in urllib.parse.parse_qs(urllib.parse.urlsplit(path).query).items()
             if key in ("query", "update") for v in values]
    kind = content_type.split(";")[0].strip().lower()
    text = body.decode("utf-8", errors="replace")
    if kind == "application/x-www-form-urlencoded":
        texts += [v for key, values in urllib.parse.parse_qs(text).items() if key in ("query", "update")
                  for v in values]
    elif body:
        texts.append(text)  # application/sparql-query, sparql-update, or anything Oxigraph may read
    return texts


class _Gate(BaseHTTPRequestHandler):
    upstream: ClassVar[str] = ""
    protocol_version = "HTTP/1.1"

    # http.server dispatches on these names.
    def do_GET(self) -> None:
        self._pass_on()

    def do_POST(self) -> None:
        self._pass_on()

    def do_PUT(self) -> None:  # Graph Store Protocol, with --read-write
        self._pass_on()

    def do_DELETE(self) -> None:
        self._pass_on()

    def _pass_on(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_REQUEST_BYTES:
            self._answer(413, f"request larger than {MAX_REQUEST_BYTES // 2**20} MB")
            return
        body = self.rfile.read(length) if length else b""
        sparql = urllib.parse.urlsplit(self.path).path.rstrip("/") in ("/query", "/update")
        if sparql and any(uses_service(t) for t in _sparql_texts(self.path, self.headers.get("Content-Type", ""),
                                                                  body)):
            self._answer(403, REFUSAL)
            return
        headers = {k: self.headers[k] for k in _FORWARDED_HEADERS if self.headers.get(k)}
        request = urllib.request.Request(self.upstream + self.path, data=body or None, method=self.command,
                                         headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=600) as response:
                self._relay(response.status, response.headers.get("Content-Type"), response.read())
        except urllib.error.HTTPError as exc:
            self._relay(exc.code, exc.headers.get("Content-Type"), exc.read())
        except urllib.error.URLError as exc:
            self._answer(502, f"the SPARQL store is not answering ({exc.reason})")

    def _relay(self, status: int, content_type: str | None, payload: bytes) -> None:
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def _answer(self, status: int, message: str) -> None:
        self._relay(status, "text/plain; charset=utf-8", (message + "\n").encode("utf-8"))

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: the terminal shows the endpoint line, not one line per query."""


class SparqlGate:
    """The proxy listening on ``host:port`` in a background thread, forwarding to ``upstream``."""

    def __init__(self, host: str, port: int, upstream: str) -> None:
        handler = type("Gate", (_Gate,), {"upstream": upstream.rstrip("/")})
        self._server = ThreadingHTTPServer((host, port), handler)  # OSError here if the port is taken
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
