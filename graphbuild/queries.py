"""Twin analyst queries: every question in queries/ as NAME.cypher (Neo4j) and NAME.rq (SPARQL).

File conventions (checked by the tests):
- the first line of both files is a comment stating the question (``// ...`` / ``# ...``);
- the .rq file declares its parameters in header lines ``# param NAME: TYPE`` with TYPE one of
  ``id`` (a graph id: an IRI in SPARQL, a plain string in Cypher), ``string``, ``int`` or ``float``
  (a finite number, xsd:double in SPARQL);
- Cypher uses them as ``$NAME`` driver parameters; SPARQL has ``$NAME`` placeholders inside a
  VALUES block, which :func:`fill_sparql` replaces with a serialised RDF term (never raw text),
  so a value cannot change the query.
Results from both stores are brought to one form by :func:`normalise`.
"""

from __future__ import annotations

import json
import math
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rdflib import Literal

from graphbuild.export.rdf import ID, id_of, iri
from graphbuild.graph.knowledge_graph import KnowledgeGraph

PARAM_TYPES: tuple[str, ...] = ("id", "string", "int", "float")
_PARAM_LINE = re.compile(r"^#\s*param\s+([A-Za-z_]\w*)\s*:\s*(\w+)\s*$")
_PLACEHOLDER = re.compile(r"\$([A-Za-z_]\w*)")
_SPARQL_STRING_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t",
                                        "\b": "\\b", "\f": "\\f"})
_XSD = "http://www.w3.org/2001/XMLSchema#"
_INTEGER_TYPES = {_XSD + t for t in ("integer", "int", "long", "short", "byte", "nonNegativeInteger",
                                      "positiveInteger", "negativeInteger", "nonPositiveInteger",
                                      "unsignedInt", "unsignedLong", "unsignedShort", "unsignedByte")}
_FLOAT_TYPES = {_XSD + t for t in ("double", "float", "decimal")}


class QueryError(ValueError):
    """An unknown query, a missing or badly typed parameter, or a malformed query file."""


def queries_dir() -> Path:
    """The directory named by GRAPHBUILD_QUERIES, else queries/ of the source tree, else ./queries."""
    configured = os.environ.get("GRAPHBUILD_QUERIES")
    if configured:
        return Path(configured)
    source_tree = Path(__file__).resolve().parent.parent / "queries"
    if source_tree.is_dir():
        return source_tree
    local = Path.cwd() / "queries"
    if local.is_dir():
        return local
    raise QueryError("no queries/ directory found: run from the graphbuild source tree or set GRAPHBUILD_QUERIES")


def example_params(graph: KnowledgeGraph | None = None) -> dict[str, dict[str, str]]:
    """Example parameters for each question (queries/example_params.json).

    Given a graph, the evidence question asks about one of its own events (a denied claim
    when there is one), since event ids are content hashes.
    """
    params: dict[str, dict[str, str]] = json.loads((queries_dir() / "example_params.json").read_text(encoding="utf-8"))
    if graph is not None and graph.events:
        events = graph.sorted_events()
        chosen = next((e for e in events if e.mode == "denied"), events[0])
        params["event_evidence"] = {"event": chosen.id}
    return params


@dataclass(frozen=True)
class QueryInfo:
    name: str
    question: str
    params: dict[str, str]  # name -> type (id | string | int)
    cypher_path: Path
    sparql_path: Path

    @property
    def cypher(self) -> str:
        return self.cypher_path.read_text(encoding="utf-8")

    @property
    def sparql(self) -> str:
        return self.sparql_path.read_text(encoding="utf-8")


def _question(path: Path, marker: str) -> str:
    first = path.read_text(encoding="utf-8").splitlines()[0] if path.stat().st_size else ""
    if not first.startswith(marker):
        raise QueryError(f"{path}: the first line must be a {marker} comment stating the question")
    return first[len(marker):].strip()


def _params(path: Path) -> dict[str, str]:
    params: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        match = _PARAM_LINE.match(line.strip())
        if match:
            name, kind = match.groups()
            if kind not in PARAM_TYPES:
                raise QueryError(f"{path}: parameter {name} has unknown type {kind!r} "
                                 f"(expected one of {', '.join(PARAM_TYPES)})")
            params[name] = kind
    return params


def load_query(name: str, directory: Path | None = None) -> QueryInfo:
    directory = directory or queries_dir()
    cypher, sparql = directory / f"{name}.cypher", directory / f"{name}.rq"
    if not re.fullmatch(r"[A-Za-z0-9_]+", name) or not cypher.exists() or not sparql.exists():
        known = ", ".join(q.name for q in list_queries(directory))
        raise QueryError(f"no query named {name!r} in {directory} (known: {known})")
    question = _question(sparql, "#")
    if _question(cypher, "//") != question:
        raise QueryError(f"{name}: the .cypher and .rq files state different questions")
    return QueryInfo(name, question, _params(sparql), cypher, sparql)


def list_queries(directory: Path | None = None) -> list[QueryInfo]:
    """Every twin query (a NAME.cypher with its NAME.rq), sorted by name."""
    directory = directory or queries_dir()
    names = sorted(p.stem for p in directory.glob("*.cypher") if (directory / f"{p.stem}.rq").exists())
    return [load_query(n, directory) for n in names]


def coerce_params(info: QueryInfo, params: Mapping[str, Any]) -> dict[str, Any]:
    """Check ``params`` against the declared ones and convert values (from ``--param k=v``) to their type."""
    unknown = sorted(set(params) - set(info.params))
    if unknown:
        raise QueryError(f"{info.name}: unknown parameter(s) {', '.join(unknown)} "
                         f"(takes: {', '.join(info.params) or 'none'})")
    missing = sorted(set(info.params) - set(params))
    if missing:
        raise QueryError(f"{info.name}: missing parameter(s) {', '.join(missing)}")
    values: dict[str, Any] = {}
    for name, kind in info.params.items():
        value = params[name]
        if kind == "int":
            try:
                values[name] = int(value)
            except (TypeError, ValueError):
                raise QueryError(f"{info.name}: parameter {name} must be an integer, not {value!r}") from None
        elif kind == "float":
            try:
                values[name] = float(value)
            except (TypeError, ValueError):
                values[name] = math.nan
            if isinstance(value, bool) or not math.isfinite(values[name]):
                raise QueryError(f"{info.name}: parameter {name} must be a finite number, not {value!r}")
        else:
            if not isinstance(value, str) or not value:
                raise QueryError(f"{info.name}: parameter {name} must be a non-empty string")
            values[name] = value
    return values


def sparql_term(value: Any, kind: str) -> str:
    """The SPARQL form of one parameter value: an IRI in the id namespace or an escaped literal."""
    if kind == "id":
        return f"<{iri(str(value))}>"  # iri() percent-encodes everything that could end the IRI
    if kind == "int":
        return Literal(int(value)).n3()
    if kind == "float":
        return f'"{float(value)!r}"^^<{_XSD}double>'  # repr is a valid xsd:double lexical form
    # Always the short "..." form with escapes: rdflib's long form breaks on a value ending in a quote.
    return '"' + str(value).translate(_SPARQL_STRING_ESCAPES) + '"'


def fill_sparql(info: QueryInfo, params: Mapping[str, Any]) -> str:
    values = coerce_params(info, params)

    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in values:
            raise QueryError(f"{info.sparql_path}: placeholder ${name} is not a declared parameter")
        return sparql_term(values[name], info.params[name])

    body = "\n".join(line for line in info.sparql.splitlines() if not line.lstrip().startswith("#"))
    return _PLACEHOLDER.sub(replace, body)


def run_sparql(name: str, params: Mapping[str, Any], endpoint: str) -> list[dict[str, Any]]:
    """Run query ``name`` against a SPARQL endpoint URL; one dict per row, every variable present."""
    from graphbuild.stores.oxigraph_store import query

    info = load_query(name)
    return sparql_json_rows(query(endpoint, fill_sparql(info, params)))


def sparql_json_rows(result: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Rows of a SPARQL JSON result: every variable present (None when unbound), ids plain."""
    columns = result["head"]["vars"]
    return [{c: _sparql_value(b.get(c)) for c in columns} for b in result["results"]["bindings"]]


def _sparql_value(binding: Mapping[str, str] | None) -> Any:
    if binding is None:
        return None
    value = binding["value"]
    if binding["type"] == "uri":
        return id_of(value)
    datatype = binding.get("datatype")
    if datatype in _INTEGER_TYPES:
        return int(value)
    if datatype in _FLOAT_TYPES:
        return float(value)
    if datatype == _XSD + "boolean":
        return value == "true"
    return value  # strings, language-tagged text and dates compare by their lexical form


def run_cypher(name: str, params: Mapping[str, Any], uri: str, user: str, password: str,
               *, database: str | None = None) -> list[dict[str, Any]]:
    """Run query ``name`` against Neo4j; one dict per row, keyed by the RETURN aliases."""
    from graphbuild.stores.neo4j_store import connect

    info = load_query(name)
    values = coerce_params(info, params)
    text = "\n".join(line for line in info.cypher.splitlines() if not line.lstrip().startswith("//"))
    with connect(uri, user, password) as driver, driver.session(database=database) as session:
        return [record.data() for record in session.run(text, values)]


def _plain(value: Any) -> Any:
    if isinstance(value, float):
        if math.isfinite(value) and value == int(value):
            return int(value)  # 1.0 from one store and 1 from the other are the same answer
        return round(value, 9)
    if isinstance(value, str) and value.startswith(str(ID)):
        return id_of(value)
    if isinstance(value, (list, tuple)):
        return tuple(sorted((_plain(v) for v in value), key=repr))
    return value


def normalise(rows: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    """Rows as tuples of (column, value) pairs, columns by name, rows sorted: twins compare equal."""
    out = [tuple((column, _plain(row[column])) for column in sorted(row)) for row in rows]
    return sorted(out, key=repr)
