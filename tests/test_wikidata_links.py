"""Wikidata ids of the KB reach the stores: owl:sameAs in the SPARQL server, a wikidata property in Neo4j.

The examples are built from the shipped KB (examples_out), so every country they mention carries the QID of
countries_wikidata.tsv; both checks run against the real servers the session fixtures start.
"""

from __future__ import annotations

import json
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from neo4j import Driver, GraphDatabase
from servers.neo4j_server import Neo4jServer

from graphbuild.entities.kb import KnowledgeBase
from graphbuild.graph.records import read_records
from graphbuild.stores.neo4j_store import push_graph

WD = "http://www.wikidata.org/entity/"


def _countries(out: Path) -> dict[str, str | None]:
    rows = [json.loads(line) for line in (out / "entities.jsonl").read_text(encoding="utf-8").splitlines()]
    return {r["id"]: r["wikidata"] for r in rows if r["kind"] == "Country"}


def test_built_countries_carry_the_kb_qid(examples_out: Path) -> None:
    countries = _countries(examples_out)
    kb = KnowledgeBase.load()
    assert {"KAZ", "RUS", "PRK", "USA"} <= set(countries)
    assert all(qid == kb.actor(iso3).wikidata and qid for iso3, qid in countries.items()), countries
    assert countries["KAZ"] == "Q232" and countries["PRK"] == "Q423"


def test_sparql_server_has_same_as_wikidata_for_every_country(examples_out: Path, examples_sparql: str) -> None:
    query = """PREFIX owl: <http://www.w3.org/2002/07/owl#>
               PREFIX gb: <https://w3id.org/graphbuild/ontology#>
               SELECT DISTINCT ?actor ?same WHERE {
                 { ?actor a gb:Country ; owl:sameAs ?same }
                 UNION { GRAPH ?g { ?actor a gb:Country ; owl:sameAs ?same } }
               }"""
    request = urllib.request.Request(examples_sparql + "?" + urllib.parse.urlencode({"query": query}),
                                     headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request, timeout=60) as response:
        bindings = json.load(response)["results"]["bindings"]
    same = {b["actor"]["value"].rsplit("/", 1)[-1]: b["same"]["value"] for b in bindings}
    expected = {iso3: WD + qid for iso3, qid in _countries(examples_out).items() if qid}
    assert {k: v for k, v in same.items() if k in expected} == expected
    assert same.get("KAZ") == WD + "Q232"


@pytest.fixture()
def driver(neo4j_server: Neo4jServer, records_dir: Path) -> Iterator[Driver]:
    with GraphDatabase.driver(neo4j_server.uri, auth=(neo4j_server.user, neo4j_server.password)) as drv:
        drv.execute_query("MATCH (n) DETACH DELETE n")
        yield drv
        # Later modules sharing the server expect the hand-written test graph there: put it back.
        drv.execute_query("MATCH (n) DETACH DELETE n")
        push_graph(read_records(records_dir), neo4j_server.uri, neo4j_server.user, neo4j_server.password)


def test_neo4j_actors_have_the_wikidata_property(examples_out: Path, neo4j_server: Neo4jServer,
                                                 driver: Driver) -> None:
    push_graph(read_records(examples_out), neo4j_server.uri, neo4j_server.user, neo4j_server.password)
    records = driver.execute_query("MATCH (a:Actor:Country) RETURN a.id AS id, a.wikidata AS q").records
    stored = {r["id"]: r["q"] for r in records}
    assert stored == _countries(examples_out)
    assert stored["KAZ"] == "Q232" and stored["RUS"] == "Q159"
