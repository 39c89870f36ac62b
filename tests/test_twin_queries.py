"""Every question in queries/ gives the same non-empty answer from Neo4j (Cypher) and Oxigraph
(SPARQL) when both hold the same test graph: pushed to a real Neo4j, exported as Turtle and
loaded into a real Oxigraph server."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import Graph
from servers.graph_stores import neo4j_holding, oxigraph_holding
from servers.oxigraph_server import OxigraphServer

from graphbuild.export.rdf import default_graph, graph_to_rdflib
from graphbuild.graph.knowledge_graph import KnowledgeGraph
from graphbuild.graph.records import read_records
from graphbuild.queries import (
    QueryError,
    fill_sparql,
    list_queries,
    load_query,
    normalise,
    queries_dir,
    run_cypher,
    run_sparql,
    sparql_json_rows,
)

QUERIES = list_queries()
PARAMS: dict[str, dict[str, str]] = json.loads((queries_dir() / "example_params.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def graph(records_dir: Path) -> KnowledgeGraph:
    return read_records(records_dir)


@pytest.fixture(scope="module")
def memory(graph: KnowledgeGraph) -> Graph:
    return default_graph(graph_to_rdflib(graph))


@pytest.fixture(scope="module")
def oxigraph(graph: KnowledgeGraph, tmp_path_factory: pytest.TempPathFactory) -> Iterator[OxigraphServer]:
    with oxigraph_holding(graph, tmp_path_factory.mktemp("rdf")) as server:
        yield server


@pytest.fixture(scope="module")
def neo4j(graph: KnowledgeGraph, neo4j_server):  # type: ignore[no-untyped-def]
    return neo4j_holding(graph, neo4j_server)


def test_at_least_twelve_twin_queries() -> None:
    assert len(QUERIES) >= 12
    stems = {p.stem for p in queries_dir().glob("*.cypher")} | {p.stem for p in queries_dir().glob("*.rq")}
    assert stems == {q.name for q in QUERIES}, "every query needs both a .cypher and a .rq file"


@pytest.mark.parametrize("info", QUERIES, ids=[q.name for q in QUERIES])
def test_query_files_agree_on_question_and_parameters(info) -> None:  # type: ignore[no-untyped-def]
    assert info.question.endswith("?") or info.question.endswith(".")
    cypher_params = set(re.findall(r"\$([A-Za-z_]\w*)", info.cypher))
    assert cypher_params == set(info.params)
    assert set(PARAMS.get(info.name, {})) == set(info.params)


@pytest.mark.parametrize("info", QUERIES, ids=[q.name for q in QUERIES])
def test_twin_answers_are_equal(info, neo4j, oxigraph: OxigraphServer) -> None:  # type: ignore[no-untyped-def]
    params = PARAMS.get(info.name, {})
    cypher_rows = run_cypher(info.name, params, neo4j.uri, neo4j.user, neo4j.password)
    sparql_rows = run_sparql(info.name, params, oxigraph.query_url)
    assert cypher_rows, f"{info.name}: Cypher returned nothing on the test graph"
    assert normalise(cypher_rows) == normalise(sparql_rows)


def test_sparql_parameters_cannot_inject() -> None:
    info = load_query("events_by_mode")
    hostile = 'reported" } ?x ?y ?z . { "'
    text = fill_sparql(info, {"mode": hostile})
    assert '"reported\\" } ?x ?y ?z . { \\""' in text
    people = load_query("person_roles")
    text = fill_sparql(people, {"person": "a> ?p ?o } #"})
    assert "<https://w3id.org/graphbuild/id/a%3E%20%3Fp%20%3Fo%20%7D%20%23>" in text


def test_sparql_parameter_errors(oxigraph: OxigraphServer) -> None:
    with pytest.raises(QueryError, match="missing parameter"):
        run_sparql("visits_to_country", {}, oxigraph.query_url)
    with pytest.raises(QueryError, match="unknown parameter"):
        run_sparql("visits_to_country", {"country": "PRK", "year": "2023"}, oxigraph.query_url)
    with pytest.raises(QueryError, match="no query named"):
        run_sparql("no_such_question", {}, oxigraph.query_url)


def test_parameter_changes_the_answer(oxigraph: OxigraphServer) -> None:
    """A query really uses its parameter: another country gives another answer."""
    prk = normalise(run_sparql("events_at_place", {"place": "PRK"}, oxigraph.query_url))
    donbas = normalise(run_sparql("events_at_place", {"place": "place:donbas"}, oxigraph.query_url))
    assert prk and donbas and prk != donbas


def test_normalise_brings_both_stores_to_one_form() -> None:
    cypher = [{"b": 1.0, "a": "RUS", "c": None}, {"a": "PRK", "b": 2, "c": "x"}]
    sparql = [{"c": "x", "a": "https://w3id.org/graphbuild/id/PRK", "b": 2},
              {"a": "https://w3id.org/graphbuild/id/RUS", "b": 1, "c": None}]
    assert normalise(cypher) == normalise(sparql)
    assert normalise(cypher) != normalise([{"a": "RUS", "b": 1, "c": None}])
    assert normalise([{"a": "RUS", "b": 1.5}]) != normalise([{"a": "RUS", "b": 1}])


@pytest.mark.parametrize("info", QUERIES, ids=[q.name for q in QUERIES])
def test_sparql_is_portable(info, memory: Graph, oxigraph: OxigraphServer) -> None:  # type: ignore[no-untyped-def]
    """The .rq files are plain SPARQL 1.1: rdflib's engine gives Oxigraph's answers."""
    params = PARAMS.get(info.name, {})
    in_memory = memory.query(fill_sparql(info, params))
    rows = sparql_json_rows(json.loads(in_memory.serialize(format="json")))
    assert rows
    assert normalise(rows) == normalise(run_sparql(info.name, params, oxigraph.query_url))


def _expected_within(graph: KnowledgeGraph, lat: float, lon: float, km: float) -> set[str]:
    """Events whose place lies within ``km`` of the point, computed here with the haversine formula."""
    from graphbuild.graph.geography import distance_km

    places = {a.id: a for a in graph.actors.values() if a.lat is not None and a.lon is not None}
    return {e.id for e in graph.events.values()
            if e.place in places and distance_km(lat, lon, places[e.place].lat, places[e.place].lon) <= km}


@pytest.mark.parametrize(("lat", "lon", "km"), [(50.45, 30.52, 650), (50.45, 30.52, 1000), (40.0, 126.0, 300),
                                                (-33.9, 151.2, 100), (0.0, 0.0, 21000)])
def test_events_within_km_are_the_great_circle_answer(graph: KnowledgeGraph, neo4j, oxigraph: OxigraphServer,
                                                      lat: float, lon: float, km: float) -> None:
    params = {"lat": str(lat), "lon": str(lon), "km": str(km)}
    expected = _expected_within(graph, lat, lon, km)
    cypher = {row["event"] for row in run_cypher("events_within_km", params, neo4j.uri, neo4j.user, neo4j.password)}
    sparql = {row["event"] for row in run_sparql("events_within_km", params, oxigraph.query_url)}
    assert cypher == expected
    assert sparql == expected


def test_the_sparql_radius_is_the_one_neo4j_measures_with(neo4j) -> None:  # type: ignore[no-untyped-def]
    import math

    from neo4j import GraphDatabase

    from graphbuild.graph.geography import EARTH_RADIUS_KM

    with GraphDatabase.driver(neo4j.uri, auth=(neo4j.user, neo4j.password)) as driver:
        metres = driver.execute_query("RETURN point.distance(point({latitude: 0.0, longitude: 0.0}), "
                                      "point({latitude: 0.0, longitude: 1.0})) AS d").records[0]["d"]
    assert metres == pytest.approx(EARTH_RADIUS_KM * 1000 * math.pi / 180, rel=1e-9)
    assert f"{EARTH_RADIUS_KM}e0" in load_query("events_within_km").sparql


@pytest.mark.parametrize("bad", ["north", "nan", "inf", ""])
def test_a_float_parameter_must_be_a_finite_number(bad: str) -> None:
    with pytest.raises(QueryError, match="lat must be a finite number"):
        fill_sparql(load_query("events_within_km"), {"lat": bad, "lon": "30", "km": "10"})
