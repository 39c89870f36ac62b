"""Taking articles back out of a graph (``graphbuild retract``): their tellings go, and so do the
events, actors and roles no remaining article tells or mentions.

What an event, actor or role keeps of a retracted article is undone where the graph records whose
it was: tellings, evidence, speakers and channels, the event's mode, documents and first report,
its date and confidence (recomputed from the remaining tellings when the retracted one gave them),
an actor's or role's documents and a role's first report. What the graph merges without saying
which article gave it stays (docs/incremental.md lists it): an event's place, object and ``about``,
an actor's names and coordinates.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from graphbuild.graph.knowledge_graph import KnowledgeGraph, summarise_tellings
from graphbuild.graph.tellings import more_precise
from graphbuild.model import Event


class UnknownDocumentError(ValueError):
    """A document id to retract that the graph does not hold."""


@dataclass
class Retraction:
    """What a retraction removed, by kind, and the events that lost a telling but stay."""

    documents: list[str] = field(default_factory=list)
    events: list[str] = field(default_factory=list)
    actors: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    changed_events: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        return (f"{len(self.documents)} documents, {len(self.events)} events, {len(self.actors)} actors and "
                f"{len(self.roles)} roles removed; {len(self.changed_events)} events lost a telling")


def retract_documents(graph: KnowledgeGraph, document_ids: Iterable[str]) -> Retraction:
    """Remove the documents ``document_ids`` from ``graph`` (in place) and everything only they told.

    Raises UnknownDocumentError, before changing anything, when the graph lacks one of them."""
    gone = set(document_ids)
    unknown = sorted(gone - set(graph.documents))
    if unknown:
        raise UnknownDocumentError(f"no document {', '.join(unknown)} (the graph has {len(graph.documents)}; "
                                   "documents.jsonl lists their ids)")
    done = Retraction(documents=sorted(gone))
    sources = [f"{graph.documents[d].source}: " for d in done.documents]
    for doc_id in done.documents:
        del graph.documents[doc_id]
    for event in list(graph.sorted_events()):
        if not gone & (set(event.documents) | {t.document for t in event.tellings}):
            continue
        if not _drop_tellings(event, gone):
            graph.remove_event(event.id)
            done.events.append(event.id)
        else:
            done.changed_events.append(event.id)
    removed_events = set(done.events)
    for event in graph.events.values():
        if event.about in removed_events:
            event.about = None
    for role in graph.sorted_roles():
        if gone & set(role.documents):
            role.documents = [d for d in role.documents if d not in gone]
            if not role.documents:
                del graph.roles[role.id]
                done.roles.append(role.id)
                continue
            dates = sorted(filter(None, ((graph.documents[d].published or "")[:10] for d in role.documents)))
            if role.as_of and role.as_of not in dates:
                role.as_of = dates[0] if dates else None
    emptied = []
    for actor in graph.sorted_actors():
        if gone & set(actor.documents):
            actor.documents = [d for d in actor.documents if d not in gone]
            emptied += [] if actor.documents else [actor.id]
    still_named = _named_ids(graph)
    for actor_id in emptied:
        if actor_id not in still_named:
            del graph.actors[actor_id]
            done.actors.append(actor_id)
    graph.warnings = [w for w in graph.warnings if not w.startswith(tuple(sources))]
    return done


def _drop_tellings(event: Event, gone: set[str]) -> bool:
    """Take the retracted articles' tellings out of ``event``; False when none is left."""
    event.tellings = [t for t in event.tellings if t.document not in gone]
    if not event.tellings:
        return False
    event.documents = [d for d in event.documents if d not in gone]
    event.evidence = [e for e in event.evidence if e.document not in gone]
    event.reported_by = []
    if event.date and not any(t.date == event.date for t in event.tellings):
        event.date = event.date_precision = None
        for telling in event.tellings:  # as merging them would have: the most precise date that agrees
            if more_precise(event.date, event.date_precision, telling.date, telling.date_precision):
                event.date, event.date_precision = telling.date, telling.date_precision
    if not any(t.confidence == event.confidence for t in event.tellings):
        event.confidence = max(t.confidence for t in event.tellings)
    summarise_tellings(event)
    return True


def _named_ids(graph: KnowledgeGraph) -> set[str]:
    """Actors the remaining events and roles name (an actor stays while something refers to it)."""
    named: set[str] = set()
    for event in graph.events.values():
        named.update(event.source, event.target, event.reported_by)
        named.update(a for t in event.tellings for a in t.reported_by + t.via)
        if event.place:
            named.add(event.place)
    for role in graph.roles.values():
        named.add(role.person)
        if role.of:
            named.add(role.of)
    for actor in graph.actors.values():
        if actor.part_of and actor.documents:
            named.add(actor.part_of)
    return named
