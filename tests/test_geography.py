"""Geography: every Country and Place actor has a point, events have places, and every export carries
them (JSONL, RDF, Parquet, Neo4j with a point index)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from neo4j import GraphDatabase
from neo4j.spatial import WGS84Point
from rdflib import RDFS, Graph, Literal, URIRef
from servers.neo4j_server import Neo4jServer

from graphbuild.entities.kb import KnowledgeBase
from graphbuild.export.rdf import GB, GEO, iri
from graphbuild.graph.geography import gazetteer, locate
from graphbuild.graph.knowledge_graph import KnowledgeGraph
from graphbuild.graph.records import RecordError, read_records
from graphbuild.model import Actor, Event
from graphbuild.stores.neo4j_store import push_graph

REPO = Path(__file__).resolve().parent.parent
# The United States Minor Outlying Islands are scattered over the Pacific: no one point stands for them.
NO_POINT = {"UMI"}


def _entities(out: Path) -> list[dict]:
    return [json.loads(line) for line in (out / "entities.jsonl").read_text(encoding="utf-8").splitlines()]


def _unlocated(rows: list[dict]) -> list[str]:
    return sorted(r["id"] for r in rows if r["kind"] in ("Country", "Place") and (r["lat"] is None or r["lon"] is None))


def test_every_kb_country_and_place_in_the_examples_has_a_point(examples_out: Path) -> None:
    kb = KnowledgeBase.load()
    rows = [r for r in _entities(examples_out) if r["id"] in kb]
    assert any(r["kind"] == "Place" for r in rows) and any(r["kind"] == "Country" for r in rows)
    assert _unlocated(rows) == [], "no coordinates for these actors"


def test_every_country_and_place_actor_of_the_examples_has_a_point(examples_out: Path) -> None:
    """Places only NER found have a point only when the gazetteer knows them (known gap: the kk example's
    "Транскаспий экспресі", a train, is taken for a place named Transkaspii)."""
    assert _unlocated(_entities(examples_out)) == [], "no coordinates for these actors"


def test_the_gazetteer_places_every_country_and_place_of_the_kb() -> None:
    kb = KnowledgeBase.load()
    # regions (data/kb/regions.tsv) are never actors: their member states are placed instead
    placed = {a.id for kind in ("Country", "Place") for a in kb.actors(kind) if not kb.members(a.id)}
    missing = placed - set(gazetteer())
    assert missing == NO_POINT


def test_a_country_is_at_its_capital_with_the_country_s_own_geonames_id() -> None:
    table = gazetteer()
    for country, capital in (("RUS", "place:moscow"), ("KAZ", "place:astana"), ("PRK", "place:pyongyang"),
                             ("USA", "place:washington")):
        assert (table[country].lat, table[country].lon) == (table[capital].lat, table[capital].lon)
        assert table[country].feature_class == "A" and table[capital].feature_class == "P"
        assert table[country].geonames != table[capital].geonames


@pytest.mark.parametrize(("tool", "table"), [("make_gazetteer.py", "gazetteer.tsv"),
                                             ("make_city_names.py", "city_names.tsv")])
def test_the_shipped_tables_are_what_their_tools_generate(tmp_path: Path, tool: str, table: str) -> None:
    out = tmp_path / table
    subprocess.run([sys.executable, str(REPO / "tools" / tool), str(out)], check=True, capture_output=True,
                   env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"})
    shipped = REPO / "graphbuild" / "data" / "geo" / table
    assert out.read_text(encoding="utf-8") == shipped.read_text(encoding="utf-8")


def test_a_place_the_kb_does_not_hold_is_looked_up_by_name_within_its_country() -> None:
    zhytomyr = Actor("place:zhytomyr", "Zhytomyr", "Place", names={"ru": ["Житомир"]})
    paris = Actor("place:paris-ner", "Paris", "Place")
    paris_texas = Actor("place:paris-texas", "Paris", "Place", part_of="USA")  # too small for the table
    train = Actor("place:transkaspii", "Transkaspii", "Place", names={"kk": ["Транскаспий"]})
    graph = KnowledgeGraph()
    for actor in (zhytomyr, paris, paris_texas, train):
        graph.add_actor(actor)
    locate(graph)
    assert zhytomyr.feature_class == "P" and zhytomyr.geonames and 50 < zhytomyr.lat < 51 and 28 < zhytomyr.lon < 29
    assert paris.feature_class == "P" and 48 < paris.lat < 49 and 2 < paris.lon < 3
    assert paris_texas.lat is None and train.lat is None


def _graph_for_places() -> KnowledgeGraph:
    graph = KnowledgeGraph()
    for actor in (Actor("RUS", "Russia", "Country", iso3="RUS"), Actor("PRK", "North Korea", "Country", iso3="PRK"),
                  Actor("USA", "United States", "Country", iso3="USA"),
                  Actor("org:white-house", "White House", "Organization", part_of="USA"),
                  Actor("place:pyongyang", "Pyongyang", "Place", part_of="PRK"),
                  Actor("place:nowhere-known", "Nowhere", "Place")):
        graph.add_actor(actor)
    return graph


def test_an_event_without_a_place_is_put_in_its_one_target_country() -> None:
    graph = _graph_for_places()
    visit = graph.add_event(Event("", "VISIT", "042", "CONSULT", source=["RUS"], target=["PRK"]))
    accuse = graph.add_event(Event("", "ACCUSE", "112", "ACCUSE", source=["RUS"], target=["org:white-house"]))
    meet = graph.add_event(Event("", "MEET", "040", "CONSULT", source=["RUS"], target=["PRK"]))
    named = graph.add_event(Event("", "SUPPLY", "070", "AID", source=["PRK"], target=["RUS"], place="place:pyongyang"))
    scenery = graph.add_event(Event("", "THREATEN", "130", "THREATEN", source=["PRK"], target=["USA"],
                                    place="place:nowhere-known"))
    locate(graph)
    assert (visit.place, visit.place_precision) == ("PRK", "country")
    assert (accuse.place, accuse.place_precision) == ("USA", "country")  # the White House is part of the USA
    assert (meet.place, meet.place_precision) == (None, None)  # two countries: neither is the place
    assert (named.place, named.place_precision) == ("place:pyongyang", "city")
    assert (scenery.place, scenery.place_precision) == ("place:nowhere-known", None)  # no point: no precision
    assert graph.actors["PRK"].lat is not None and graph.actors["place:nowhere-known"].lat is None
    before = [e.to_dict() for e in graph.sorted_events()], [a.to_dict() for a in graph.sorted_actors()]
    locate(graph)
    assert ([e.to_dict() for e in graph.sorted_events()], [a.to_dict() for a in graph.sorted_actors()]) == before


def test_a_place_the_text_names_outranks_the_derived_country() -> None:
    graph = _graph_for_places()
    derived = graph.add_event(Event("", "VISIT", "042", "CONSULT", source=["RUS"], target=["PRK"]))
    locate(graph)
    assert derived.place_precision == "country"
    told = graph.add_event(Event("", "VISIT", "042", "CONSULT", source=["RUS"], target=["PRK"],
                                 place="place:pyongyang"))
    assert told is derived
    locate(graph)
    assert (derived.place, derived.place_precision) == ("place:pyongyang", "city")


@pytest.mark.parametrize(("field", "value", "problem"), [
    ("lat", 95.0, "lat: must be between -90 and 90, not 95.0"),
    ("lon", "east", "lon: expected a number"),
    ("feature_class", "Q", "feature_class: must be one of A, H, L, P, R, S, T, U, V, not 'Q'"),
])
def test_bad_coordinates_in_records_are_one_line_naming_file_and_line(records_dir: Path, tmp_path: Path,
                                                                      field: str, value: object, problem: str) -> None:
    folder = tmp_path / "records"
    folder.mkdir()
    for name in ("documents.jsonl", "events.jsonl", "roles.jsonl"):
        (folder / name).write_bytes((records_dir / name).read_bytes())
    rows = (records_dir / "entities.jsonl").read_text(encoding="utf-8").splitlines()
    bad = json.loads(rows[0])
    bad.update({"lat": 10.0, "lon": 20.0, field: value})
    (folder / "entities.jsonl").write_text("\n".join([json.dumps(bad), *rows[1:]]) + "\n", encoding="utf-8")
    with pytest.raises(RecordError) as caught:
        read_records(folder)
    assert str(caught.value).startswith(f"{folder / 'entities.jsonl'}:1: ")
    assert problem in str(caught.value)


def test_lat_without_lon_and_an_unknown_precision_are_refused(records_dir: Path, tmp_path: Path) -> None:
    folder = tmp_path / "records"
    folder.mkdir()
    for name in ("documents.jsonl", "entities.jsonl", "events.jsonl", "roles.jsonl"):
        (folder / name).write_bytes((records_dir / name).read_bytes())
    entities = (records_dir / "entities.jsonl").read_text(encoding="utf-8").splitlines()
    first = {**json.loads(entities[0]), "lat": 10.0}
    (folder / "entities.jsonl").write_text("\n".join([json.dumps(first), *entities[1:]]) + "\n", encoding="utf-8")
    with pytest.raises(RecordError, match=r"entities\.jsonl:1: lat and lon must be given together"):
        read_records(folder)
    (folder / "entities.jsonl").write_bytes((records_dir / "entities.jsonl").read_bytes())
    events = (records_dir / "events.jsonl").read_text(encoding="utf-8").splitlines()
    first = {**json.loads(events[0]), "place_precision": "street"}
    (folder / "events.jsonl").write_text("\n".join([json.dumps(first), *events[1:]]) + "\n", encoding="utf-8")
    with pytest.raises(RecordError, match=r"events\.jsonl:1: place_precision: must be one of site, city, region, "
                                          r"country, not 'street'"):
        read_records(folder)


def test_rdf_gives_wgs84_points_geonames_links_and_place_precision(examples_out: Path) -> None:
    ttl = Graph().parse(examples_out / "graph.ttl")
    graph = read_records(examples_out)
    located = [a for a in graph.actors.values() if a.lat is not None]
    assert located
    for actor in located:
        s = iri(actor.id)
        assert float(ttl.value(s, GEO.lat)) == actor.lat and float(ttl.value(s, GEO.long)) == actor.lon
        if actor.geonames:
            assert (s, GB.geonames, Literal(actor.geonames)) in ttl
            assert (s, RDFS.seeAlso, URIRef(f"https://sws.geonames.org/{actor.geonames}/")) in ttl
    placed = [e for e in graph.events.values() if e.place_precision]
    kinds = {e.place_precision for e in placed}
    # the examples place events in countries and somewhere finer (a region or a city; the city case alone
    # is checked on a built graph above)
    assert "country" in kinds and kinds - {"country"}, kinds
    for event in placed:
        assert (iri(event.id), GB.placePrecision, Literal(event.place_precision)) in ttl


def test_parquet_tables_carry_lat_and_lon(examples_out: Path) -> None:
    graph = read_records(examples_out)
    actors = pd.read_parquet(examples_out / "tables" / "actors.parquet").set_index("id")
    events = pd.read_parquet(examples_out / "tables" / "events.parquet").set_index("id")
    for actor in graph.actors.values():
        if actor.lat is None:
            assert pd.isna(actors.loc[actor.id, "lat"])
        else:
            assert (actors.loc[actor.id, "lat"], actors.loc[actor.id, "lon"]) == (actor.lat, actor.lon)
    for event in graph.events.values():
        place = graph.actors.get(event.place or "")
        if place is not None and place.lat is not None:
            assert (events.loc[event.id, "lat"], events.loc[event.id, "lon"]) == (place.lat, place.lon)
            assert events.loc[event.id, "place_precision"] == event.place_precision
        else:
            assert pd.isna(events.loc[event.id, "lat"])


def test_neo4j_has_point_locations_and_a_point_index(examples_out: Path, neo4j_server: Neo4jServer) -> None:
    graph = read_records(examples_out)
    auth = (neo4j_server.user, neo4j_server.password)
    with GraphDatabase.driver(neo4j_server.uri, auth=auth) as driver:
        driver.execute_query("MATCH (n) DETACH DELETE n")  # the session server may hold other tests' data
        push_graph(graph, neo4j_server.uri, *auth)
        indexes = driver.execute_query("SHOW INDEXES YIELD name, type, labelsOrTypes, properties "
                                       "WHERE type = 'POINT' RETURN name, labelsOrTypes, properties").records
        assert [(r["labelsOrTypes"], r["properties"]) for r in indexes] == [(["Actor"], ["location"])]
        stored = {r["id"]: r["location"] for r in driver.execute_query(
            "MATCH (a:Actor) WHERE a.location IS NOT NULL RETURN a.id AS id, a.location AS location").records}
        plan = driver.execute_query("EXPLAIN MATCH (a:Actor) WHERE point.distance(a.location, "
                                    "point({latitude: 50.0, longitude: 30.0})) < 500000 RETURN a.id").summary.plan
    expected = {a.id: (a.lat, a.lon) for a in graph.actors.values() if a.lat is not None}
    assert set(stored) == set(expected)
    for actor_id, point in stored.items():
        assert isinstance(point, WGS84Point) and (point.latitude, point.longitude) == expected[actor_id]
    planned = json.dumps(plan, default=str)
    assert "POINT INDEX a:Actor(location)" in planned, f"the distance filter is not served by the index: {planned}"
