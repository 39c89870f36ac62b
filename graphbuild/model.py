"""Core records passed between pipeline stages and stored in the graph.

Every export (JSONL, RDF, Neo4j, GraphML, Parquet) is derived from these records as held
by :class:`graphbuild.graph.KnowledgeGraph`.  Field names follow the output contract of
SPEC.md so that ``to_dict`` is exactly one line of the contract's JSONL files.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

ActorKind = Literal["Country", "Organization", "Person", "Group", "Place"]
ACTOR_KINDS: tuple[str, ...] = ("Country", "Organization", "Person", "Group", "Place")

Mode = Literal["asserted", "reported", "denied", "planned", "negated"]
# What one article says of an event (a telling's mode).
MODES: tuple[str, ...] = ("asserted", "reported", "denied", "planned", "negated")
# An event's own mode aggregates its tellings (docs/contract.md, "Events and tellings"): one more
# value, for an event some articles tell as having happened and others deny or negate.
CONTESTED = "contested"
EVENT_MODES: tuple[str, ...] = (*MODES, CONTESTED)

DatePrecision = Literal["day", "month", "year"]


@dataclass(frozen=True)
class EventType:
    """One row of the event-type table of SPEC.md."""

    name: str
    edge: str  # the projected typed edge (Neo4j relationship type, RDF truthy property)
    cameo: str  # default CAMEO code, always a string ("042", not 42)
    plover: str
    symmetric: bool = False


EVENT_TYPES: dict[str, EventType] = {
    t.name: t
    for t in (
        EventType("VISIT", "VISITED", "042", "CONSULT"),
        EventType("MEET", "MET", "040", "CONSULT", symmetric=True),
        EventType("NEGOTIATE", "NEGOTIATED_WITH", "046", "CONSULT", symmetric=True),
        EventType("AGREE", "AGREED_WITH", "057", "AGREE", symmetric=True),
        EventType("COOPERATE", "COOPERATED_WITH", "060", "COOPERATE", symmetric=True),
        EventType("SUPPLY", "SUPPLIED", "070", "AID"),
        EventType("OFFER", "OFFERED", "030", "AGREE"),
        EventType("REQUEST", "REQUESTED", "020", "REQUEST"),
        EventType("SUPPORT", "SUPPORTED", "051", "SUPPORT"),
        EventType("ACCUSE", "ACCUSED", "112", "ACCUSE"),
        EventType("DENY", "DENIED", "016", "REJECT"),
        EventType("REJECT", "REJECTED", "120", "REJECT"),
        EventType("THREATEN", "THREATENED", "130", "THREATEN"),
        EventType("SANCTION", "SANCTIONED", "163", "SANCTION"),
        EventType("MOBILIZE", "MOBILIZED", "150", "MOBILIZE"),
        EventType("ASSAULT", "ATTACKED", "190", "ASSAULT"),
        EventType("RETREAT", "WITHDREW_FROM", "080", "RETREAT"),
    )
}

# Relationship types between an :Event node and the things it involves (Neo4j and RDF).
ROLE_RELATIONS: tuple[str, ...] = ("SOURCE", "TARGET", "REPORTED_BY", "ABOUT", "AT", "MENTIONED_IN")


@dataclass
class Document:
    id: str
    source: str  # the input path as given by the user
    lang: str
    text: str = ""
    title: str | None = None
    published: str | None = None  # ISO date or datetime
    outlet: str | None = None
    url: str | None = None
    paragraph_langs: list[str] = field(default_factory=list)
    # What ingest cut as boilerplate ("boilerplate dropped, line 3 (byline): ..."), for warnings.jsonl.
    dropped_lines: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        # The contract's documents.jsonl carries no text; keep the text for re-extraction.
        return {k: v for k, v in asdict(self).items() if k not in ("paragraph_langs", "dropped_lines")}


@dataclass
class Mention:
    """A span of a document that names an actor (before or after linking)."""

    document: str
    start: int
    end: int
    text: str
    kind: str  # one of ACTOR_KINDS
    lang: str
    actor: str | None = None  # canonical actor id once linked
    lemma: str | None = None
    case: str | None = None  # grammatical case of the head (Kazakh/Russian), e.g. "Abl"
    source: str = "kb"  # what found it: "kb", "ner"


@dataclass
class Actor:
    id: str
    label: str  # English label
    kind: str  # one of ACTOR_KINDS
    iso3: str | None = None
    wikidata: str | None = None
    names: dict[str, list[str]] = field(default_factory=dict)  # lang -> names
    documents: list[str] = field(default_factory=list)
    part_of: str | None = None  # e.g. the White House is part of USA
    latin: str | None = None  # Latin transliteration for actors found only in Cyrillic
    # Where a Country (its capital) or a Place is, WGS84 degrees (graph/geography.py, data/geo/).
    lat: float | None = None
    lon: float | None = None
    geonames: int | None = None  # GeoNames id of the country or place itself, where known
    feature_class: str | None = None  # GeoNames feature class: A country/region, P city, H water, ...
    outlet: bool = False  # a news outlet cited only as a report's channel (a telling's via), never a participant

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Role:
    """A time-stamped HOLDS_ROLE fact: person held role (of organisation/country)."""

    id: str
    person: str
    role: str  # English role title, e.g. "Minister of Defence"
    of: str | None = None  # actor id of the country or organisation
    start: str | None = None  # term of office, when the knowledge base knows it
    end: str | None = None
    as_of: str | None = None  # earliest publication date of an article saying the person held the role
    documents: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Evidence:
    id: str
    document: str
    sentence: str  # the sentence in the original language
    start: int  # char offsets of the sentence in the document text
    end: int
    quote: str  # the trigger span or the whole sentence, original language
    lang: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Telling:
    """One article's account of an event: exactly what that article says, never merged with another's."""

    document: str
    mode: str = "asserted"  # one of MODES
    reported_by: list[str] = field(default_factory=list)  # who, in this article, makes the claim
    via: list[str] = field(default_factory=list)  # outlets the article cites only as a channel ("TASS reported")
    date_text: str | None = None  # the stated date as written ("в июле", "26 July 2023")
    date: str | None = None  # its resolution (ISO, against the article's date for relative ones)
    date_precision: str | None = None
    reported_on: str | None = None  # the article's publication date (ISO day)
    evidence: list[Evidence] = field(default_factory=list)
    confidence: float = 1.0

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["evidence"] = [e.to_dict() for e in self.evidence]
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Telling:
        d = dict(d)
        d["evidence"] = [Evidence(**e) for e in d.get("evidence") or []]
        return cls(**d)


@dataclass
class Event:
    id: str
    type: str  # key of EVENT_TYPES
    cameo: str
    plover: str
    source: list[str] = field(default_factory=list)
    target: list[str] = field(default_factory=list)
    mode: str = "asserted"  # aggregate of the tellings' modes (one of EVENT_MODES)
    reported_by: list[str] = field(default_factory=list)  # union of the tellings' speakers, for compatibility
    about: str | None = None
    date: str | None = None
    date_precision: str | None = None
    place: str | None = None  # actor id of a Place/Country, or free text
    # How exactly `place` locates the event: city, site, region or country (see graph/geography.py).
    place_precision: str | None = None
    object: str | None = None
    goldstein: float | None = None
    confidence: float = 1.0
    documents: list[str] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    tellings: list[Telling] = field(default_factory=list)  # one per article, ordered by document id
    # Earliest article date of the tellings: bounds an event no article dates, and stands in for
    # ``date`` in timelines and time-window queries when ``date`` is empty.
    first_reported_on: str | None = None

    @property
    def edge(self) -> str:
        return EVENT_TYPES[self.type].edge

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["evidence"] = [e.to_dict() for e in self.evidence]
        d["tellings"] = [t.to_dict() for t in self.tellings]
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Event:
        d = dict(d)
        d["evidence"] = [Evidence(**e) for e in d.get("evidence") or []]
        d["tellings"] = [Telling.from_dict(t) for t in d.get("tellings") or []]
        return cls(**d)
