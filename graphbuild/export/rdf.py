"""RDF exports of the knowledge graph: Turtle, TriG with one provenance graph per document, JSON-LD.

The model is described in docs/rdf-model.md and declared in the shipped ontology
(graphbuild/data/ontology/graphbuild.ttl): events are resources with role properties, and the
direct "truthy" actor-to-actor triple (``RUS gb:negotiatedWith PRK``) sits beside each event.
"""

from __future__ import annotations

import contextlib
import functools
import re
import tempfile
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO
from urllib.parse import quote, unquote

from rdflib import OWL, RDF, RDFS, SKOS, XSD, Dataset, Graph, Literal, Namespace, URIRef
from rdflib.term import Node

from graphbuild.export.atomic import atomic_file
from graphbuild.graph.knowledge_graph import KnowledgeGraph
from graphbuild.ids import content_hash, telling_id
from graphbuild.model import EVENT_TYPES, Actor, Document, Event, Evidence, Role, Telling


class _Vocabulary(Namespace):
    """A namespace whose terms are made once: rdflib builds and validates a new URIRef on every
    ``GB.mode``, which was a good part of the RDF export's time."""

    @functools.lru_cache(maxsize=4096)  # noqa: B019 (the module's few namespaces live as long as it)
    def term(self, name: str) -> URIRef:
        return super().term(name)


GB = _Vocabulary("https://w3id.org/graphbuild/ontology#")
ID = Namespace("https://w3id.org/graphbuild/id/")
GRAPH = Namespace("https://w3id.org/graphbuild/graph/")
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
PROV = _Vocabulary("http://www.w3.org/ns/prov#")
SCHEMA = _Vocabulary("https://schema.org/")
WD = Namespace("http://www.wikidata.org/entity/")
GEO = _Vocabulary("http://www.w3.org/2003/01/geo/wgs84_pos#")  # W3C WGS84 vocabulary: geo:lat, geo:long
GEONAMES = "https://sws.geonames.org/"

PACKAGE_DATA = Path(__file__).resolve().parent.parent / "data"
ONTOLOGY_FILE = PACKAGE_DATA / "ontology" / "graphbuild.ttl"
SHAPES_FILE = PACKAGE_DATA / "shapes" / "graphbuild-shapes.ttl"

PREFIXES: dict[str, Namespace] = {
    "gb": GB, "id": ID, "gbg": GRAPH, "sem": SEM, "prov": PROV, "schema": SCHEMA, "wd": WD, "geo": GEO,
    "owl": Namespace(str(OWL)), "skos": Namespace(str(SKOS)), "xsd": Namespace(str(XSD)),
}

# Actor kinds map to one gb class each and to the schema.org class it is aligned with.
KIND_SCHEMA: dict[str, URIRef] = {
    "Country": SCHEMA.Country, "Organization": SCHEMA.Organization, "Person": SCHEMA.Person,
    "Group": SCHEMA.Organization, "Place": SCHEMA.Place,
}
_DATE_TYPES: dict[str, URIRef] = {"day": XSD.date, "month": XSD.gYearMonth, "year": XSD.gYear}
_DATE_SHAPES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^-?\d{4}-\d{2}-\d{2}$"), "day"),
    (re.compile(r"^-?\d{4}-\d{2}$"), "month"),
    (re.compile(r"^-?\d{4}$"), "year"),
)
_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$")
# Characters that may not appear raw in an IRI; ids are percent-encoded with everything else kept.
_ID_SAFE = ":/-._~@!$&'()*+,;="
# Actors whose document sets are kept while writing the provenance graphs.
_ACTOR_SETS = 4096


def event_class(event_type: str) -> URIRef:
    """gb class of an event type: VISIT -> gb:Visit."""
    return GB[event_type.title()]


def truthy_property(edge: str) -> URIRef:
    """Truthy property of a projected edge: VISITED -> gb:visited, NEGOTIATED_WITH -> gb:negotiatedWith."""
    first, *rest = edge.lower().split("_")
    return GB[first + "".join(part.title() for part in rest)]


@functools.lru_cache(maxsize=65536)  # actors and events are named in many statements
def iri(node_id: str) -> URIRef:
    """The IRI of a graph id (``RUS``, ``ev:...``, ``person:sergei-shoigu``)."""
    return ID[quote(node_id, safe=_ID_SAFE)]


def id_of(term: str) -> str:
    """Inverse of :func:`iri`: the plain graph id of an IRI in the id namespace, else the IRI itself."""
    text = str(term)
    return unquote(text[len(str(ID)):]) if text.startswith(str(ID)) else text


def provenance_graph(document_id: str) -> URIRef:
    """Name of the TriG graph that holds what one document says."""
    return GRAPH[quote(document_id, safe=_ID_SAFE)]


def typed_date(value: str, precision: str | None = None) -> Literal:
    """A date literal typed by precision (xsd:date, gYearMonth, gYear); unknown shapes stay strings."""
    if precision in _DATE_TYPES:
        shape = dict((p, pattern) for pattern, p in _DATE_SHAPES)[precision]
        if shape.match(value):
            return Literal(value, datatype=_DATE_TYPES[precision])
    for pattern, found in _DATE_SHAPES:
        if pattern.match(value):
            return Literal(value, datatype=_DATE_TYPES[found])
    if _DATETIME.match(value):
        return Literal(value, datatype=XSD.dateTime)
    return Literal(value)


def _text(value: str, lang: str | None) -> Literal:
    return Literal(value, lang=lang) if lang else Literal(value)


class _Triples:
    """Collects the triples of each record once, so the default graph and the per-document
    provenance graphs are built from the same statements."""

    def __init__(self, graph: KnowledgeGraph) -> None:
        self.graph = graph
        # Each actor's documents as a set, for the actors seen last (an actor in every document of a
        # large corpus would otherwise cost a scan of its list per document).
        self._documents_of: OrderedDict[str, frozenset[str]] = OrderedDict()
        self._facts_of: OrderedDict[str, list[tuple[Node, Node, Node]]] = OrderedDict()

    def actor(self, actor: Actor, mentioned_in: str | None = None) -> list[tuple[Node, Node, Node]]:
        """The actor's triples; with ``mentioned_in``, its gb:mentionedIn of that document only (an
        actor named in every document must not cost every document's graph a line per document)."""
        s = iri(actor.id)
        out = list(self._actor_facts(actor))
        if mentioned_in is None:
            out += [(s, GB.mentionedIn, iri(d)) for d in actor.documents if d in self.graph.documents]
        elif mentioned_in in self.graph.documents and mentioned_in in self._documents(actor):
            out.append((s, GB.mentionedIn, iri(mentioned_in)))
        return out

    def _actor_facts(self, actor: Actor) -> list[tuple[Node, Node, Node]]:
        """The actor's triples but its gb:mentionedIn, made once for the actors seen last (each
        document's graph states them again)."""
        found = self._facts_of.get(actor.id)
        if found is None:
            found = self._facts_of[actor.id] = self._make_actor_facts(actor)
            if len(self._facts_of) > _ACTOR_SETS:
                self._facts_of.popitem(last=False)
        else:
            self._facts_of.move_to_end(actor.id)
        return found

    def _make_actor_facts(self, actor: Actor) -> list[tuple[Node, Node, Node]]:
        s = iri(actor.id)
        out: list[tuple[Node, Node, Node]] = [
            (s, RDF.type, GB.Actor), (s, RDF.type, GB[actor.kind]), (s, RDF.type, KIND_SCHEMA[actor.kind]),
            (s, SKOS.prefLabel, Literal(actor.label, lang="en")),
            (s, RDFS.label, Literal(actor.label, lang="en")),
        ]
        for lang, names in sorted(actor.names.items()):
            out += [(s, RDFS.label, _text(name, lang)) for name in names if name]
        if actor.iso3:
            out.append((s, GB.iso3, Literal(actor.iso3)))
        if actor.wikidata:
            out += [(s, GB.wikidata, Literal(actor.wikidata)), (s, OWL.sameAs, WD[actor.wikidata])]
        if actor.part_of:
            out.append((s, GB.partOf, iri(actor.part_of)))
        if actor.latin:
            out.append((s, GB.latin, Literal(actor.latin)))
        if actor.lat is not None and actor.lon is not None:
            out += [(s, RDF.type, GEO.SpatialThing), (s, GEO.lat, Literal(float(actor.lat))),
                    (s, GEO.long, Literal(float(actor.lon)))]
        if actor.geonames:
            out += [(s, GB.geonames, Literal(int(actor.geonames))),
                    (s, RDFS.seeAlso, URIRef(f"{GEONAMES}{int(actor.geonames)}/"))]
        if actor.feature_class:
            out.append((s, GB.featureClass, Literal(actor.feature_class)))
        if actor.outlet:
            out.append((s, RDF.type, GB.NewsOutlet))
        return out

    def _documents(self, actor: Actor) -> frozenset[str]:
        found = self._documents_of.get(actor.id)
        if found is None:
            found = self._documents_of[actor.id] = frozenset(actor.documents)
            if len(self._documents_of) > _ACTOR_SETS:
                self._documents_of.popitem(last=False)
        else:
            self._documents_of.move_to_end(actor.id)
        return found

    def role(self, role: Role, mentioned_in: str | None = None) -> list[tuple[Node, Node, Node]]:
        """The role's triples; with ``mentioned_in``, its gb:mentionedIn of that document only."""
        s = iri(role.id)
        person = iri(role.person)
        out: list[tuple[Node, Node, Node]] = [
            (s, RDF.type, GB.RoleHolding), (s, GB.person, person), (person, GB.holdsRole, s),
            (s, GB.roleTitle, Literal(role.role, lang="en")),
        ]
        if role.of:
            out.append((s, GB.of, iri(role.of)))
        if role.start:
            out.append((s, GB.start, typed_date(role.start)))
        if role.end:
            out.append((s, GB.end, typed_date(role.end)))
        if role.as_of:
            out.append((s, GB.asOf, typed_date(role.as_of)))
        out += self._mentions(s, role.documents, mentioned_in)
        return out

    def _mentions(self, s: URIRef, documents: list[str], only: str | None) -> list[tuple[Node, Node, Node]]:
        """gb:mentionedIn of each of ``documents`` the graph holds (of ``only`` alone, if given)."""
        held = self.graph.documents
        if only is not None:
            documents = [d for d in documents if d == only]
        return [(s, GB.mentionedIn, iri(d)) for d in documents if d in held]

    def document(self, doc: Document) -> list[tuple[Node, Node, Node]]:
        s = iri(doc.id)
        out: list[tuple[Node, Node, Node]] = [
            (s, RDF.type, GB.Document), (s, RDF.type, PROV.Entity), (s, GB.sourcePath, Literal(doc.source)),
            (s, GB.lang, Literal(doc.lang)),
        ]
        if doc.title:
            out.append((s, GB.title, _text(doc.title, doc.lang)))
        if doc.published:
            out.append((s, GB.published, typed_date(doc.published)))
        if doc.outlet:
            out.append((s, GB.outlet, Literal(doc.outlet)))
        if doc.url:
            out.append((s, GB.url, Literal(doc.url, datatype=XSD.anyURI)))
        return out

    def evidence(self, ev: Evidence) -> list[tuple[Node, Node, Node]]:
        s = iri(ev.id)
        doc = iri(ev.document)
        return [
            (s, RDF.type, GB.Evidence), (s, RDF.type, PROV.Entity),
            (s, GB.sentence, _text(ev.sentence, ev.lang)),
            (s, GB.quote, _text(ev.quote or ev.sentence, ev.lang)),
            (s, GB.lang, Literal(ev.lang)),
            (s, GB.startOffset, Literal(int(ev.start))), (s, GB.endOffset, Literal(int(ev.end))),
            (s, GB.inDocument, doc), (s, PROV.wasDerivedFrom, doc),
        ]

    def event(self, event: Event, evidence: Iterable[Evidence],
              mentioned_in: str | None = None) -> list[tuple[Node, Node, Node]]:
        """The event resource, its links to ``evidence`` and its truthy triples; with
        ``mentioned_in``, its gb:mentionedIn of that document only."""
        s = iri(event.id)
        spec = EVENT_TYPES[event.type]
        out: list[tuple[Node, Node, Node]] = [
            (s, RDF.type, GB.Event), (s, RDF.type, event_class(event.type)),
            (s, GB.eventType, Literal(event.type)), (s, GB.cameo, Literal(str(event.cameo))),
            (s, GB.plover, Literal(event.plover)), (s, GB.mode, Literal(event.mode)),
            (s, GB.confidence, Literal(float(event.confidence), datatype=XSD.double)),
        ]
        out += [(s, GB.source, iri(a)) for a in event.source]
        out += [(s, GB.target, iri(a)) for a in event.target]
        out += [(s, GB.reportedBy, iri(a)) for a in event.reported_by]
        if event.about:
            out.append((s, GB.about, iri(event.about)))
        if event.place:
            out.append((s, GB.place, iri(event.place)) if event.place in self.graph.actors
                       else (s, GB.placeName, Literal(event.place)))
        if event.place_precision:
            out.append((s, GB.placePrecision, Literal(event.place_precision)))
        if event.date:
            out.append((s, GB.date, typed_date(event.date, event.date_precision)))
        if event.date_precision:
            out.append((s, GB.datePrecision, Literal(event.date_precision)))
        if event.first_reported_on:
            out.append((s, GB.firstReportedOn, typed_date(event.first_reported_on)))
        if event.object:
            out.append((s, GB.object, Literal(event.object)))
        if event.goldstein is not None:
            out.append((s, GB.goldstein, Literal(float(event.goldstein), datatype=XSD.double)))
        out += [(s, GB.evidencedBy, iri(e.id)) for e in evidence]
        # Links to documents the graph does not hold are left out, as in the Neo4j model.
        out += self._mentions(s, event.documents, mentioned_in)
        prop = truthy_property(spec.edge)
        actors = self.graph.actors
        out += [(iri(a), prop, iri(b)) for a, b in self.graph.edge_pairs(event) if a in actors and b in actors]
        return out


    def telling(self, event: Event, told: Telling) -> list[tuple[Node, Node, Node]]:
        """One article's account of ``event``: its mode, speakers (PROV attribution), channels and date."""
        s = iri(telling_id(event.id, told.document))
        doc = iri(told.document)
        lang = self.graph.documents[told.document].lang if told.document in self.graph.documents else None
        out: list[tuple[Node, Node, Node]] = [
            (s, RDF.type, GB.Telling), (s, RDF.type, PROV.Entity), (s, GB.tells, iri(event.id)),
            (s, GB.mode, Literal(told.mode)), (s, GB.toldIn, doc), (s, PROV.wasDerivedFrom, doc),
            (s, GB.confidence, Literal(float(told.confidence), datatype=XSD.double)),
        ]
        for actor_id in told.reported_by:
            out += [(s, GB.reportedBy, iri(actor_id)), (s, PROV.wasAttributedTo, iri(actor_id))]
        out += [(s, GB.via, iri(a)) for a in told.via]
        if told.date_text:
            out.append((s, GB.dateText, _text(told.date_text, lang)))
        if told.date:
            out.append((s, GB.statedDate, typed_date(told.date, told.date_precision)))
        if told.reported_on:
            out.append((s, GB.reportedOn, typed_date(told.reported_on)))
        out += [(s, GB.evidencedBy, iri(e.id)) for e in told.evidence]
        return out


def _default_triples(graph: KnowledgeGraph, t: _Triples) -> Iterable[tuple[Node, Node, Node]]:
    for doc in graph.sorted_documents():
        yield from t.document(doc)
    for actor in graph.sorted_actors():
        yield from t.actor(actor)
    for role in graph.sorted_roles():
        yield from t.role(role)
    for event in graph.sorted_events():
        yield from t.event(event, event.evidence)
        for ev in event.evidence:
            yield from t.evidence(ev)
        for told in event.tellings:
            yield from t.telling(event, told)


class _ByDocument:
    """Ids of the events, roles and actors of each document, built once (not one scan per document);
    ids, not records, so a spilled graph's records stay on disk."""

    def __init__(self, graph: KnowledgeGraph) -> None:
        self.events: dict[str, list[str]] = {}
        self.roles: dict[str, list[str]] = {}
        self.actors: dict[str, list[str]] = {}
        for event in graph.sorted_events():
            for doc_id in sorted({v.document for v in event.evidence}):
                self.events.setdefault(doc_id, []).append(event.id)
        for role in graph.sorted_roles():
            for doc_id in set(role.documents):
                self.roles.setdefault(doc_id, []).append(role.id)
        for actor in graph.sorted_actors():
            for doc_id in set(actor.documents):
                self.actors.setdefault(doc_id, []).append(actor.id)


def _document_triples(graph: KnowledgeGraph, t: _Triples, doc: Document,
                      index: _ByDocument) -> list[tuple[Node, Node, Node]]:
    """What one document says: its evidence, the events it supports, the roles it states, and (so
    the graph stands on its own) the events they point at and the actors involved."""
    out = list(t.document(doc))
    events = [graph.events[i] for i in index.events.get(doc.id, [])]
    actors: set[str] = set()
    cited: set[str] = set()
    for event in events:
        own = [v for v in event.evidence if v.document == doc.id]
        out += t.event(event, own, mentioned_in=doc.id)
        for ev in own:
            out += t.evidence(ev)
        for told in event.tellings:
            if told.document == doc.id:  # this article's account, in this article's graph
                out += t.telling(event, told)
                actors.update(told.reported_by + told.via)
        actors.update(event.source + event.target + event.reported_by)
        if event.place in graph.actors:
            actors.add(event.place)
        if event.about:
            cited.add(event.about)
    told = {e.id for e in events}
    # An event this document denies or alleges is described here too (without other documents'
    # evidence), following chains of gb:about, so the graph stands on its own.
    while cited - told:
        event_id = min(cited - told)
        told.add(event_id)
        if event_id in graph.events:
            event = graph.events[event_id]
            out += t.event(event, [], mentioned_in=doc.id)
            actors.update(event.source + event.target + event.reported_by)
            if event.place in graph.actors:
                actors.add(event.place)
            if event.about:
                cited.add(event.about)
    for role in (graph.roles[i] for i in index.roles.get(doc.id, [])):
        out += t.role(role, mentioned_in=doc.id)
        actors.update([role.person] + ([role.of] if role.of else []))
    actors.update(index.actors.get(doc.id, []))
    pending = sorted(actors)
    while pending:  # follow part_of so every actor referenced here is typed here
        known = graph.actors.get(pending.pop())
        parent = known.part_of if known else None
        if parent and parent not in actors and parent in graph.actors:
            actors.add(parent)
            pending.append(parent)
    for actor_id in sorted(actors):
        if actor_id in graph.actors:
            out += t.actor(graph.actors[actor_id], mentioned_in=doc.id)
    return out  # inside a document's graph, only that document's mentions are its to state


Quad = tuple[Node, Node, Node, URIRef | None]  # subject, predicate, object, graph (None: default)


def iter_quads(graph: KnowledgeGraph) -> Iterator[Quad]:
    """Every statement, some more than once, in no useful order: the default graph (the whole graph
    plus one gb:ProvenanceGraph entry per document) and each document's provenance graph."""
    yield from default_quads(graph)
    yield from provenance_quads(graph)


def default_quads(graph: KnowledgeGraph) -> Iterator[Quad]:
    """The default graph's statements (some more than once): the whole graph, one gb:ProvenanceGraph
    entry per document, the corrections. Sorted, they all come before any named graph's."""
    t = _Triples(graph)
    yield from ((s, p, o, None) for s, p, o in _default_triples(graph, t))
    for doc in graph.sorted_documents():
        name = provenance_graph(doc.id)
        yield from ((name, RDF.type, GB.ProvenanceGraph, None), (name, PROV.wasDerivedFrom, iri(doc.id), None))
    yield from ((s, p, o, None) for s, p, o in _correction_triples(graph))


def provenance_quads(graph: KnowledgeGraph) -> Iterator[Quad]:
    """Each document's provenance graph (some statements more than once)."""
    t = _Triples(graph)
    index = _ByDocument(graph)
    for doc in graph.sorted_documents():
        name = provenance_graph(doc.id)
        yield from ((s, p, o, name) for s, p, o in _document_triples(graph, t, doc, index))


def graph_quads(graph: KnowledgeGraph) -> list[Quad]:
    """Every statement once, in a fixed order: the default graph first, then each document's
    provenance graph by name (the order write_rdf writes, there sorted on disk)."""
    return sorted(dict.fromkeys(iter_quads(graph)), key=_quad_key)  # a statement said twice is one statement


def _correction_triples(graph: KnowledgeGraph) -> list[tuple[Node, Node, Node]]:
    """The corrections the build applied (corrections.json), as PROV activities that influenced the
    actors and events they changed."""
    out: list[tuple[Node, Node, Node]] = []
    for record in graph.corrections:
        s = iri("correction:" + content_hash(record.get("file"), record.get("sha256"), record.get("line")))
        out += [(s, RDF.type, GB.Correction), (s, RDF.type, PROV.Activity),
                (s, GB.correctionKind, Literal(str(record.get("kind")))),
                (s, GB.correctionFile, Literal(str(record.get("file")))),
                (s, GB.correctionLine, Literal(int(record.get("line") or 0))),
                (s, GB.applied, Literal(bool(record.get("applied"))))]
        if record.get("why"):
            out.append((s, RDFS.comment, Literal(str(record["why"]))))
        out += [(s, GB.corrected, iri(i)) for i in record.get("corrected") or []
                if i in graph.actors or i in graph.events]
    return out


def _term_key(term: Node | None) -> tuple[str, str, str]:
    if isinstance(term, Literal):
        return ("1", str(term), f"{term.language or ''}^{term.datatype or ''}")
    return ("0", str(term) if term is not None else "", "")


def _quad_key(quad: Quad) -> tuple[tuple[str, str, str], ...]:
    s, p, o, g = quad
    return (_term_key(g), _term_key(s), _term_key(p), _term_key(o))


def _term_sort_text(term: Node | None) -> str:
    """:func:`_term_key` as one string: each part with NUL written NUL SOH, parts joined by NUL NUL.
    A statement's sort text is its graph's, subject's, predicate's and object's joined by NUL NUL,
    which sorts as :func:`_quad_key` does (a part that is a prefix of another sorts first)."""
    return "\0\0".join(part.replace("\0", "\0\1") for part in _term_key(term))


def graph_to_rdflib(graph: KnowledgeGraph) -> Dataset:
    """The whole graph in the default graph, plus one named provenance graph per document."""
    ds = Dataset()
    for prefix, ns in PREFIXES.items():
        ds.bind(prefix, ns)
    for s, p, o, g in graph_quads(graph):
        (ds.default_graph if g is None else ds.graph(g)).add((s, p, o))
    return ds


def default_graph(ds: Dataset) -> Graph:
    """A plain Graph copy of the dataset's default graph (what graph.ttl holds)."""
    g = Graph()
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns)
    for triple in ds.default_graph:
        g.add(triple)
    return g


# The files write_rdf writes, by the pyoxigraph format each is written in.
RDF_FILES: dict[str, str] = {"turtle": "graph.ttl", "trig": "graph.trig", "json-ld": "graph.jsonld"}
# The two halves of the statements, each sortable on its own: every statement of the default graph
# sorts before any of a named graph, so the sorted whole is the first half's lines, then the second's.
STATEMENT_PARTS: dict[str, Callable[[KnowledgeGraph], Iterator[Quad]]] = {
    "default": default_quads, "provenance": provenance_quads}


def write_rdf(graph: KnowledgeGraph, out_dir: Path) -> list[Path]:
    """Write graph.ttl (default graph), graph.trig (with provenance graphs) and graph.jsonld atomically.

    pyoxigraph writes the three formats (tens of times faster than rdflib's pretty serializers),
    from the statements sorted once, so each file is byte-identical for the same graph. (A --jobs
    build writes the same steps in several processes: export/parallel.py.)
    """
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    names = {fmt: out_dir / name for fmt, name in RDF_FILES.items()}
    with contextlib.ExitStack() as files:
        scratch = files.enter_context(tempfile.TemporaryFile(dir=out_dir))
        for part in STATEMENT_PARTS:
            write_sorted_statements(graph, part, scratch, out_dir)
        # Render inside the atomic blocks: a failure leaves the previous files and no temp file.
        targets = {fmt: files.enter_context(atomic_file(path, "wb")) for fmt, path in names.items()}
        render_sorted(scratch, targets)
    return list(names.values())


def write_sorted_statements(graph: KnowledgeGraph, part: str, output: IO[bytes], scratch_dir: Path) -> None:
    """Append the statements of one of :data:`STATEMENT_PARTS` to ``output`` as N-Quads lines, in
    their sort order, each once (sorted in runs on disk past a size, so memory does not grow with
    the graph)."""
    from graphbuild.export.rdf_writer import Converter
    from graphbuild.export.sorted_runs import SortedRuns

    convert = Converter(sort_text=_term_sort_text)
    with SortedRuns(scratch_dir) as runs:
        for quad in STATEMENT_PARTS[part](graph):
            runs.add(*convert.keyed_line(quad))
        for line in runs:
            output.write(line.encode("utf-8"))


def render_sorted(lines: IO[bytes], targets: dict[str, IO[bytes]]) -> None:
    """Write each format of ``targets`` (a key of :data:`RDF_FILES` -> open binary file) from the
    sorted N-Quads ``lines`` (the default graph's first), streaming."""
    from graphbuild.export.rdf_writer import write_sorted

    prefixes = {p: str(ns) for p, ns in PREFIXES.items()} | {"rdf": str(RDF), "rdfs": str(RDFS)}
    write_sorted(lines, targets, prefixes)
