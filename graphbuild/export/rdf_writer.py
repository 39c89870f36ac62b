"""Serialisation of RDF statements through pyoxigraph (Turtle, TriG, JSON-LD).

The statements are built as rdflib terms (the model code, the SHACL tests and the twin-query
tests share them); only the writing goes through pyoxigraph, whose native serialisers write
tens of thousands of statements a second where rdflib's pretty serialisers write hundreds.
"""

from __future__ import annotations

from collections.abc import Iterable
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


class _Terms:
    """rdflib terms to pyoxigraph terms, each distinct term converted once."""

    def __init__(self) -> None:
        self._seen: dict[Node, Any] = {}

    def __call__(self, term: Node) -> Any:
        found = self._seen.get(term)
        if found is None:
            found = self._seen[term] = self._convert(term)
        return found

    @staticmethod
    def _convert(term: Node) -> Any:
        if isinstance(term, URIRef):
            return ox.NamedNode(str(term))
        if isinstance(term, Literal):
            if term.language:
                return ox.Literal(str(term), language=term.language)
            if term.datatype is not None:
                return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
            return ox.Literal(str(term))
        raise TypeError(f"no RDF export for a {type(term).__name__} term ({term!r})")


def to_oxigraph(quads: Iterable[tuple[Node, Node, Node, URIRef | None]]) -> list[Any]:
    """pyoxigraph quads of rdflib statements (graph None = the default graph), in the same order."""
    term = _Terms()
    default = ox.DefaultGraph()
    return [ox.Quad(term(s), term(p), term(o), default if g is None else term(g)) for s, p, o, g in quads]


def serialize(quads: list[Any], output: IO[bytes], fmt: str, prefixes: dict[str, str]) -> None:
    """Write pyoxigraph ``quads`` to ``output`` in ``fmt`` (Turtle: the default graph only), in their
    order, with the prefix lines sorted (pyoxigraph orders them by its own hash)."""
    if fmt in _QUAD_FORMATS:
        statements = quads
    else:
        statements = [q.triple for q in quads if isinstance(q.graph_name, ox.DefaultGraph)]
    text = ox.serialize(statements, None, FORMATS[fmt], prefixes=prefixes)
    lines = text.split(b"\n")
    head = 0
    while head < len(lines) and lines[head].startswith(b"@prefix "):
        head += 1
    output.write(b"\n".join(sorted(lines[:head]) + lines[head:]))
