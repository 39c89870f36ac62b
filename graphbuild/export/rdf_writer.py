"""Serialisation of RDF statements through pyoxigraph (Turtle, TriG, JSON-LD).

The statements are built as rdflib terms (the model code, the SHACL tests and the twin-query
tests share them); only the writing goes through pyoxigraph, whose native serialisers write
tens of thousands of statements a second where rdflib's pretty serialisers write hundreds.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable
from typing import IO, Any

import pyoxigraph as ox
from rdflib import Literal, URIRef
from rdflib.term import Node

FORMATS: dict[str, ox.RdfFormat] = {
    "turtle": ox.RdfFormat.TURTLE,
    "trig": ox.RdfFormat.TRIG,
    "json-ld": ox.RdfFormat.JSON_LD,
}
# Formats that hold named graphs; the others get the default graph's statements only.
_QUAD_FORMATS = frozenset({"trig", "json-ld"})


class _Memo:
    """Each distinct term's ``convert``-ed form, computed once (the memo is emptied when it grows past
    ``limit``, so a large graph's export does not keep every term it ever saw)."""

    def __init__(self, convert: Callable[[Any], Any], limit: int = 200_000) -> None:
        self._seen: dict[Any, Any] = {}
        self._convert = convert
        self._limit = limit

    def __call__(self, term: Any) -> Any:
        found = self._seen.get(term)
        if found is None:
            if len(self._seen) >= self._limit:
                self._seen.clear()
            found = self._seen[term] = self._convert(term)
        return found


def _oxigraph_term(term: Node) -> Any:
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"no RDF export for a {type(term).__name__} term ({term!r})")


class Converter:
    """rdflib statements (graph None = the default graph) to pyoxigraph quads and N-Quads lines.

    ``sort_text`` (a term, or None for the default graph, to a string) makes :meth:`keyed_line`
    return each line with its sort key: the terms' texts joined by NUL NUL, graph first."""

    def __init__(self, sort_text: Callable[[Node | None], str] | None = None) -> None:
        self._term = _Memo(_oxigraph_term)
        self._default = ox.DefaultGraph()
        self._sort_text = sort_text
        # A term's sort text and N-Triples text, together: most terms recur in many statements.
        self._texts = _Memo(self._term_texts)
        self._default_texts = (sort_text(None), "") if sort_text else ("", "")

    def quad(self, quad: tuple[Node, Node, Node, URIRef | None]) -> Any:
        s, p, o, g = quad
        term = self._term
        return ox.Quad(term(s), term(p), term(o), self._default if g is None else term(g))

    def line(self, quad: tuple[Node, Node, Node, URIRef | None]) -> str:
        """The statement as one N-Quads line (pyoxigraph's own syntax, so parsing it back is exact)."""
        return f"{self.quad(quad)} .\n"

    def keyed_line(self, quad: tuple[Node, Node, Node, URIRef | None]) -> tuple[str, str]:
        """(sort key, :meth:`line`) of the statement, from each term's texts made once."""
        s, p, o, g = quad
        texts = self._texts
        (sk, st), (pk, pt), (ok, ot) = texts(s), texts(p), texts(o)
        gk, gt = self._default_texts if g is None else texts(g)
        return (f"{gk}\0\0{sk}\0\0{pk}\0\0{ok}",
                f"{st} {pt} {ot} {gt} .\n" if gt else f"{st} {pt} {ot} .\n")

    def _term_texts(self, term: Node) -> tuple[str, str]:
        assert self._sort_text is not None, "keyed_line needs a Converter made with sort_text"
        return self._sort_text(term), str(self._term(term))


def to_oxigraph(quads: Iterable[tuple[Node, Node, Node, URIRef | None]]) -> list[Any]:
    """pyoxigraph quads of rdflib statements (graph None = the default graph), in the same order."""
    convert = Converter()
    return [convert.quad(q) for q in quads]


def serialize(quads: Iterable[Any], output: IO[bytes], fmt: str, prefixes: dict[str, str]) -> None:
    """Write pyoxigraph ``quads`` to ``output`` in ``fmt`` (Turtle: the default graph only), in their
    order, streaming, with the prefix lines sorted (pyoxigraph orders them by its own hash).

    Turtle stops at the first statement of a named graph: the statements come sorted with the
    default graph's first."""
    if fmt in _QUAD_FORMATS:
        statements: Iterable[Any] = quads
    else:
        default = itertools.takewhile(lambda q: isinstance(q.graph_name, ox.DefaultGraph), quads)
        statements = (q.triple for q in default)
    sorted_head = _SortedPrefixes(output)
    ox.serialize(statements, sorted_head, FORMATS[fmt], prefixes=prefixes)
    sorted_head.close()


def write_sorted(lines: IO[bytes], targets: dict[str, IO[bytes]], prefixes: dict[str, str]) -> None:
    """Write each format of ``targets`` (format -> open binary file) from the file ``lines`` of
    sorted N-Quads (default graph first), streaming: nothing holds every statement."""
    for fmt, output in targets.items():
        lines.flush()
        lines.seek(0)
        serialize(ox.parse(lines, ox.RdfFormat.N_QUADS), output, fmt, prefixes)


class _SortedPrefixes:
    """A binary writer that holds the leading ``@prefix`` lines, sorts them, then passes all through."""

    def __init__(self, output: IO[bytes]) -> None:
        self._output = output
        self._head: bytearray | None = bytearray()

    def write(self, data: bytes) -> int:
        if self._head is None:
            return self._output.write(data)
        self._head += data
        lines = bytes(self._head).split(b"\n")
        done = 0  # complete prefix lines at the start
        while done < len(lines) - 1 and lines[done].startswith(b"@prefix "):
            done += 1
        if done < len(lines) - 1 or not lines[-1].startswith(b"@prefix "[:len(lines[-1])]):
            self._release(lines, done)  # a line that is no prefix line has begun
        return len(data)

    def flush(self) -> None:
        self._output.flush()

    def close(self) -> None:
        if self._head is not None:
            lines = bytes(self._head).split(b"\n")
            done = 0
            while done < len(lines) and lines[done].startswith(b"@prefix "):
                done += 1
            self._release(lines, done)

    def _release(self, lines: list[bytes], head: int) -> None:
        self._head = None
        self._output.write(b"\n".join(sorted(lines[:head]) + lines[head:]))
