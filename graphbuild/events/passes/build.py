"""Pass ``build``: candidates become events with canonical ids, codes, mode, date and evidence.

A candidate becomes an event only with a participant; symmetric types need two.  A speech act
needs its speaker, unless another event is linked to it.  Candidates that end up with the same
id (the same act told twice in a sentence) are one event with their evidence joined.
"""

from __future__ import annotations

from graphbuild.events.context import Candidate, DocContext, SentenceContext
from graphbuild.events.coref.offices import given_offices
from graphbuild.events.lexicon import common
from graphbuild.events.passes import Pass
from graphbuild.events.sides import event_sides, tells_no_relation, within_one_state
from graphbuild.graph.knowledge_graph import canonical_event_id, canonical_participants
from graphbuild.ids import evidence_id
from graphbuild.model import EVENT_TYPES, Event, Evidence


def mode(c: Candidate) -> str:
    if c.denied:
        return "denied"
    if c.negated:
        return "negated"
    if c.planned:
        return "planned"
    return "reported" if c.reported_by or c.hearsay else "asserted"


def _evidence(sc: SentenceContext, ctx: DocContext, quote: str) -> Evidence:
    s = sc.sentence
    return Evidence(id=evidence_id(ctx.doc.id, s.start, s.end), document=ctx.doc.id, sentence=s.text,
                    start=s.start, end=s.end, quote=quote, lang=ctx.doc.lang)


def _quote(c: Candidate) -> str:
    s = c.sent.sentence
    first, last = s.tokens[c.indices[0]], s.tokens[c.indices[-1]]
    return s.text[first.start - s.start:last.end - s.start]


def _confidence(c: Candidate) -> float:
    strength = 0.9 if len(c.indices) > 1 or not c.entry.pattern.endswith("*") else 0.8
    strength -= 0.15 if c.entry.need else 0.0
    completeness = (0.5, 0.75, 1.0)[bool(c.source) + bool(c.target)]
    borrowed = 0.9 if c.inherited else 1.0
    guessed = 0.7 if c.guessed else 1.0
    return round(strength * completeness * borrowed * guessed, 3)


def _offices(ctx: DocContext) -> dict[str, set[str]]:
    """Person -> the states the article's titles make them an official of ("Japan's ambassador Kenji
    Kanasugi": Japan)."""
    on = ctx.doc.published
    states = {person: {s for body in bodies if body in ctx.kb for s in ctx.kb.states_of(body, on)}
              for person, bodies in given_offices(ctx.roles).items()}
    return {person: found for person, found in states.items() if found}


def to_event(c: Candidate, ctx: DocContext, referenced: bool, named: set[str],
             offices: dict[str, set[str]] | None = None) -> Event | None:
    """``named``: the actors the article names (a place's country joins a side only then); ``offices``:
    the states the article's titles make its people officials of."""
    if not c.participants or c.hypothetical:
        return None
    if c.symmetric and len(c.participants) < 2:
        return None  # a meeting with one known side tells nothing about relations
    if c.type in common().claims and not c.source and not referenced:
        return None  # "was accused of": a charge with no one making it
    if tells_no_relation(c.type, c.source, c.target, referenced, c.about is not None):
        return None
    etype = EVENT_TYPES[c.type]
    table = common()
    cameo = c.entry.cameo
    if c.type == "SUPPLY" and c.object:
        cameo = table.object_cameo.get(c.object, cameo)
    if mode(c) == "planned" and c.planned_by == "intent":
        cameo = table.planned_cameo.get(c.type, cameo)
    on = c.date[0] or ctx.doc.published
    source, target = canonical_participants(c.type, event_sides(c.source, ctx.kb, on, named, offices),
                                            event_sides(c.target, ctx.kb, on, named, offices))
    if not referenced and within_one_state(source, target, ctx.kb, on, c.symmetric):
        return None
    date = c.date
    evidence = [_evidence(c.sent, ctx, _quote(c))]
    told = {evidence[0].start}  # a set: an event re-mentioned in every sentence stays linear
    for sc in c.extra_evidence:
        if sc.sentence.start not in told:
            told.add(sc.sentence.start)
            evidence.append(_evidence(sc, ctx, sc.sentence.text))
    event = Event(id="", type=c.type, cameo=cameo, plover=etype.plover, source=source, target=target,
                  mode=mode(c), reported_by=sorted(set(c.reported_by)), date=date[0], date_precision=date[1],
                  place=c.place, object=c.object,
                  goldstein=table.goldstein.get(cameo, table.goldstein.get(cameo[:2] + "0")),
                  confidence=_confidence(c), documents=[ctx.doc.id], evidence=evidence)
    event.id = canonical_event_id(event)
    return event


def run(ctx: DocContext) -> None:
    referenced = {id(c.about) for c in ctx.candidates if c.about is not None}
    named = {m.actor for m in ctx.mentions if m.actor}
    offices = _offices(ctx)
    for c in ctx.candidates:
        c.event = to_event(c, ctx, id(c) in referenced, named, offices)
    merged: dict[str, Event] = {}
    for c in ctx.candidates:
        if c.event is None:
            continue
        if c.about is not None and c.about.event is not None:
            c.event.about = c.about.event.id
        known = merged.get(c.event.id)
        if known is None:
            merged[c.event.id] = c.event
            continue
        seen = {e.id for e in known.evidence}
        known.evidence.extend(e for e in c.event.evidence if e.id not in seen)
        known.reported_by = sorted(set(known.reported_by) | set(c.event.reported_by))
        known.about = known.about or c.event.about
        known.confidence = max(known.confidence, c.event.confidence)
    ctx.events = list(merged.values())


PASS = Pass("build", reads=("candidates", "source", "target", "reported_by", "negated", "about"), writes=("events",),
            run=run)
