"""RDF exports (Turtle, TriG, JSON-LD): SHACL-valid, truthy triples, language tags, Wikidata links,
provenance graphs per document, atomic writes, the ontology, and serving through Oxigraph."""

from __future__ import annotations

from pathlib import Path
from typing import IO

import pyshacl
import pytest
from rdflib import OWL, RDF, RDFS, SKOS, XSD, Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic

from graphbuild.export import rdf_writer
from graphbuild.export.rdf import (
    GB,
    ONTOLOGY_FILE,
    PROV,
    SEM,
    SHAPES_FILE,
    WD,
    event_class,
    graph_to_rdflib,
    iri,
    provenance_graph,
    truthy_property,
    write_rdf,
)
from graphbuild.graph.knowledge_graph import KnowledgeGraph
from graphbuild.graph.records import read_records
from graphbuild.model import EVENT_TYPES
from graphbuild.stores.oxigraph_store import free_port, query, serve

FORMATS = {"graph.ttl": "turtle", "graph.trig": "trig", "graph.jsonld": "json-ld"}


@pytest.fixture(scope="module")
def graph(records_dir: Path) -> KnowledgeGraph:
    return read_records(records_dir)


@pytest.fixture(scope="module")
def out(graph: KnowledgeGraph, tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("rdf")
    write_rdf(graph, directory)
    return directory


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(SHAPES_FILE)


@pytest.fixture(scope="module")
def ttl(out: Path) -> Graph:
    return Graph().parse(out / "graph.ttl", format="turtle")


@pytest.fixture(scope="module")
def trig(out: Path) -> Dataset:
    ds = Dataset()
    ds.parse(out / "graph.trig", format="trig")
    return ds


def _plain(triples) -> Graph:  # type: ignore[no-untyped-def]
    g = Graph()
    for t in triples:
        g.add(t)
    return g


def _graphs(path: Path) -> list[tuple[str, Graph]]:
    """The file's graphs, each on its own: pyshacl would otherwise validate only their union."""
    ds = Dataset()
    ds.parse(path, format=FORMATS[path.name])
    return [(str(g.identifier), _plain(g)) for g in ds.graphs() if len(g)]


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_every_export_conforms_to_the_shapes(out: Path, shapes: Graph, name: str) -> None:
    graphs = _graphs(out / name)
    assert len(graphs) == (1 if name == "graph.ttl" else 4)  # default graph + one per document
    for identifier, g in graphs:
        conforms, _, report = pyshacl.validate(g, shacl_graph=shapes, inference="none")
        assert conforms, f"{name} graph {identifier}:\n{report}"


def test_shapes_catch_a_broken_graph(ttl: Graph, shapes: Graph, graph: KnowledgeGraph) -> None:
    broken = _plain(ttl)
    denial = next(e for e in graph.sorted_events() if e.type == "DENY")
    broken.remove((iri(denial.id), GB.about, None))
    evidence = denial.evidence[0]
    broken.remove((iri(evidence.id), GB.sentence, None))
    broken.add((iri(evidence.id), GB.sentence, Literal(evidence.sentence)))  # no language tag
    broken.add((iri("RUS"), OWL.sameAs, Literal("Q159")))  # a literal, not the Wikidata IRI
    conforms, report_graph, _ = pyshacl.validate(broken, shacl_graph=shapes, inference="none")
    assert not conforms
    shacl = "http://www.w3.org/ns/shacl#"
    focus = {str(o) for o in report_graph.objects(None, URIRef(shacl + "focusNode"))}
    assert {str(iri(denial.id)), str(iri(evidence.id)), str(iri("RUS"))} <= focus


def test_each_event_is_a_typed_resource_with_its_truthy_triples(ttl: Graph, graph: KnowledgeGraph) -> None:
    seen_types = set()
    for event in graph.sorted_events():
        node = iri(event.id)
        assert (node, RDF.type, GB.Event) in ttl
        assert (node, RDF.type, event_class(event.type)) in ttl
        assert (node, GB.mode, Literal(event.mode)) in ttl
        assert set(ttl.objects(node, GB.source)) == {iri(a) for a in event.source}
        prop = truthy_property(EVENT_TYPES[event.type].edge)
        pairs = graph.edge_pairs(event)
        assert pairs, event.type
        for source, target in pairs:
            assert (iri(source), prop, iri(target)) in ttl, (event.type, source, target)
        seen_types.add(event.type)
    assert seen_types == set(EVENT_TYPES)
    # No truthy triple without an event behind it.
    truthy = {truthy_property(t.edge) for t in EVENT_TYPES.values()}
    expected = {(iri(s), truthy_property(e.edge), iri(t)) for e in graph.events.values()
                for s, t in graph.edge_pairs(e)}
    assert {t for t in ttl if t[1] in truthy} == expected


def test_truthy_property_names_follow_the_edge_names() -> None:
    assert truthy_property("VISITED") == GB.visited
    assert truthy_property("NEGOTIATED_WITH") == GB.negotiatedWith
    assert truthy_property("WITHDREW_FROM") == GB.withdrewFrom
    assert event_class("VISIT") == GB.Visit


def test_dates_are_typed_by_precision(ttl: Graph, graph: KnowledgeGraph) -> None:
    expected = {"day": XSD.date, "month": XSD.gYearMonth, "year": XSD.gYear}
    precisions = set()
    for event in graph.sorted_events():
        if event.date:
            (value,) = ttl.objects(iri(event.id), GB.date)
            assert value.datatype == expected[event.date_precision] and str(value) == event.date
            precisions.add(event.date_precision)
    assert precisions == set(expected)


def test_labels_carry_language_tags(ttl: Graph, graph: KnowledgeGraph) -> None:
    labels = set(ttl.objects(iri("RUS"), RDFS.label))
    assert {Literal("Russia", lang="en"), Literal("Россия", lang="ru"), Literal("Ресей", lang="kk")} <= labels
    for actor in graph.sorted_actors():
        node_labels = list(ttl.objects(iri(actor.id), RDFS.label))
        assert node_labels and all(label.language for label in node_labels)
        for lang, names in actor.names.items():
            assert {Literal(n, lang=lang) for n in names} <= set(node_labels)
        assert set(ttl.objects(iri(actor.id), SKOS.prefLabel)) == {Literal(actor.label, lang="en")}


def test_evidence_is_provenance_with_language_tagged_sentences(ttl: Graph, graph: KnowledgeGraph) -> None:
    langs = set()
    for event in graph.sorted_events():
        for evidence in event.evidence:
            node = iri(evidence.id)
            assert (iri(event.id), GB.evidencedBy, node) in ttl
            assert (node, RDF.type, PROV.Entity) in ttl
            assert (node, GB.sentence, Literal(evidence.sentence, lang=evidence.lang)) in ttl
            assert (node, PROV.wasDerivedFrom, iri(evidence.document)) in ttl
            assert (node, GB.startOffset, Literal(evidence.start)) in ttl
            langs.add(evidence.lang)
    assert {"kk", "ru", "en"} <= langs


def test_same_as_wikidata_only_where_known(ttl: Graph, graph: KnowledgeGraph) -> None:
    assert (iri("RUS"), OWL.sameAs, WD.Q159) in ttl
    for actor in graph.sorted_actors():
        same = set(ttl.objects(iri(actor.id), OWL.sameAs))
        assert same == ({WD[actor.wikidata]} if actor.wikidata else set())


def test_actor_kinds_roles_and_part_of(ttl: Graph, graph: KnowledgeGraph) -> None:
    schema = "https://schema.org/"
    assert (iri("RUS"), RDF.type, GB.Country) in ttl and (iri("RUS"), RDF.type, URIRef(schema + "Country")) in ttl
    assert (iri("person:sergei-shoigu"), RDF.type, URIRef(schema + "Person")) in ttl
    assert (iri("org:white-house"), GB.partOf, iri("USA")) in ttl
    for role in graph.sorted_roles():
        node = iri(role.id)
        assert (node, RDF.type, GB.RoleHolding) in ttl
        assert (iri(role.person), GB.holdsRole, node) in ttl
        assert (node, GB.of, iri(role.of)) in ttl
        assert str(next(ttl.objects(node, GB.start))) == role.start


def test_trig_has_one_provenance_graph_per_document(trig: Dataset, graph: KnowledgeGraph) -> None:
    named = {g.identifier: g for g in trig.graphs() if g.identifier != trig.default_graph.identifier}
    assert set(named) == {provenance_graph(d) for d in graph.documents}
    default = trig.default_graph
    for doc in graph.sorted_documents():
        name = provenance_graph(doc.id)
        assert (name, PROV.wasDerivedFrom, iri(doc.id)) in default
        g = named[name]
        told = [e for e in graph.events.values() if any(v.document == doc.id for v in e.evidence)]
        assert told
        for event in told:
            assert (iri(event.id), RDF.type, event_class(event.type)) in g
            for evidence in event.evidence:
                # A document's graph holds its own evidence and no other document's.
                assert ((iri(event.id), GB.evidencedBy, iri(evidence.id)) in g) == (evidence.document == doc.id)
    # The default graph holds the whole graph: every named-graph triple is in it.
    for g in named.values():
        missing = [t for t in g if t not in default]
        assert not missing


def test_the_denial_document_graph_names_what_it_denies(trig: Dataset, graph: KnowledgeGraph) -> None:
    denial = next(e for e in graph.sorted_events() if e.type == "DENY")
    denied = graph.events[denial.about]
    assert denied.mode == "denied"
    g = trig.graph(provenance_graph(denial.evidence[0].document))
    assert (iri(denial.id), GB.about, iri(denied.id)) in g
    assert (iri(denied.id), RDF.type, GB.Supply) in g


def test_jsonld_holds_the_same_quads_as_trig(out: Path, trig: Dataset) -> None:
    ds = Dataset()
    ds.parse(out / "graph.jsonld", format="json-ld")
    assert sorted((str(g.identifier), len(g)) for g in ds.graphs() if len(g)) == \
        sorted((str(g.identifier), len(g)) for g in trig.graphs() if len(g))


def test_export_is_deterministic_and_idempotent(graph: KnowledgeGraph, records_dir: Path, tmp_path: Path) -> None:
    write_rdf(graph, tmp_path / "a")
    twice = read_records([records_dir, records_dir])  # loading the same records twice changes nothing
    write_rdf(twice, tmp_path / "b")
    for name in ("graph.ttl", "graph.trig"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


def test_write_is_atomic(graph: KnowledgeGraph, records_dir: Path, tmp_path: Path,
                         monkeypatch: pytest.MonkeyPatch) -> None:
    paths = write_rdf(graph, tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(FORMATS) == sorted(p.name for p in paths)
    old_jsonld = (tmp_path / "graph.jsonld").read_bytes()
    smaller = read_records(records_dir)
    retreat = next(e for e in smaller.sorted_events() if e.type == "RETREAT")
    del smaller.events[retreat.id]

    real = rdf_writer.serialize

    def fail_on_jsonld(quads: list, output: IO[bytes], fmt: str, prefixes: dict[str, str]) -> None:
        if fmt != "json-ld":
            return real(quads, output, fmt, prefixes)
        output.write(b'[{"@id": "half')
        raise RuntimeError("disk full")

    # Fault injection: serialising the JSON-LD (written last) fails half-way.
    monkeypatch.setattr(rdf_writer, "serialize", fail_on_jsonld)
    with pytest.raises(RuntimeError, match="disk full"):
        write_rdf(smaller, tmp_path)
    assert str(iri(retreat.id)) not in (tmp_path / "graph.trig").read_text(encoding="utf-8")  # replaced
    assert (tmp_path / "graph.jsonld").read_bytes() == old_jsonld  # the old file, whole
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(FORMATS)  # no temp files left


def test_trig_and_jsonld_are_stable_across_processes(out: Path, tmp_path: Path) -> None:
    """rdflib orders named graphs by hash; our writers must not depend on the hash seed."""
    import os
    import subprocess
    import sys

    script = ("import sys; from graphbuild.graph.records import read_records; "
              "from graphbuild.export.rdf import write_rdf; write_rdf(read_records(sys.argv[1]), sys.argv[2])")
    records = Path(__file__).resolve().parent / "data" / "records"
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run([sys.executable, "-c", script, str(records), str(tmp_path / seed)], check=True, env=env)
    for name in FORMATS:
        assert (tmp_path / "1" / name).read_bytes() == (tmp_path / "2" / name).read_bytes(), name
        assert (tmp_path / "1" / name).read_bytes() == (out / name).read_bytes(), name


def test_ontology_declares_every_term_used(ttl: Graph) -> None:
    onto = Graph().parse(ONTOLOGY_FILE)
    used = {p for p in ttl.predicates() if str(p).startswith(str(GB))}
    used |= {o for o in ttl.objects(None, RDF.type) if str(o).startswith(str(GB))}
    assert used
    for term in sorted(used):
        assert list(onto.objects(term, RDFS.label)), f"{term} has no rdfs:label"
        assert list(onto.objects(term, RDFS.comment)), f"{term} has no rdfs:comment"
    shape_terms = {t for t in Graph().parse(SHAPES_FILE).all_nodes() if str(t).startswith(str(GB))}
    declared = set(onto.subjects(RDFS.label, None))
    assert shape_terms and shape_terms <= declared, shape_terms - declared
    assert (GB.Event, RDFS.subClassOf, SEM.Event) in onto
    assert (GB.Actor, RDFS.subClassOf, SEM.Actor) in onto
    assert (GB.source, RDFS.subPropertyOf, SEM.hasActor) in onto
    assert (GB.date, RDFS.subPropertyOf, SEM.hasTimeStamp) in onto
    assert (GB.Evidence, RDFS.subClassOf, PROV.Entity) in onto
    for spec in EVENT_TYPES.values():
        symmetric = (truthy_property(spec.edge), RDF.type, OWL.SymmetricProperty) in onto
        assert symmetric == spec.symmetric, spec.edge
        cls = event_class(spec.name)
        assert (cls, RDFS.subClassOf, GB.Event) in onto
        assert (cls, GB.truthyProperty, truthy_property(spec.edge)) in onto


def test_written_files_hold_exactly_the_rdflib_dataset(examples_out: Path) -> None:
    """The files pyoxigraph writes parse (with rdflib) to graphs isomorphic to the statements the
    rdflib model builds, graph by graph: the serialiser changed, the RDF did not."""
    expected = graph_to_rdflib(read_records(examples_out))
    want = {str(g.identifier): g for g in expected.graphs() if len(g)}
    ttl = Graph().parse(examples_out / "graph.ttl", format="turtle")
    assert isomorphic(ttl, expected.default_graph) and len(ttl) > 1000
    for name, fmt in (("graph.trig", "trig"), ("graph.jsonld", "json-ld")):
        parsed = Dataset()
        parsed.parse(examples_out / name, format=fmt)
        got = {str(g.identifier): g for g in parsed.graphs() if len(g)}
        assert got.keys() == want.keys(), name
        for key, graph in got.items():
            assert isomorphic(graph, want[key]), (name, key)


def test_graph_to_rdflib_default_graph_matches_turtle(graph: KnowledgeGraph, ttl: Graph) -> None:
    ds = graph_to_rdflib(graph)
    assert len(ds.default_graph) == len(ttl)
    assert len(ttl) > 500


def test_serve_loads_the_export_and_prints_the_endpoint(out: Path, capsys: pytest.CaptureFixture[str]) -> None:
    server = serve(out, bind=f"127.0.0.1:{free_port()}")
    try:
        assert server.query_url in capsys.readouterr().out
        result = query(server.query_url, "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
        assert int(result["results"]["bindings"][0]["n"]["value"]) == 3
        ask = query(server.query_url, "PREFIX gb: <https://w3id.org/graphbuild/ontology#> "
                                      "ASK { <https://w3id.org/graphbuild/id/PRK> gb:visited|^gb:visited ?x }")
        assert ask["boolean"] is True
    finally:
        server.stop()
    assert (out / ".oxigraph").is_dir()


def test_unreachable_endpoint_is_one_clear_error() -> None:
    from graphbuild.stores.oxigraph_store import OxigraphError

    url = f"http://127.0.0.1:{free_port()}/query"
    with pytest.raises(OxigraphError, match="cannot reach the SPARQL endpoint"):
        query(url, "ASK {}", timeout=5)


def test_serve_refuses_a_directory_without_an_export(tmp_path: Path) -> None:
    from graphbuild.stores.oxigraph_store import OxigraphError

    with pytest.raises(OxigraphError, match=r"no graph\.trig or graph\.ttl"):
        serve(tmp_path)
