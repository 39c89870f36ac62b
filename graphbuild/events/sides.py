"""Which side an actor is on: a guessed target of a hostile act is never its doer's own state, a
region as a side stands for its member states, and a state body comes with its state.

"Iran's parliament speaker warned that Iran would respond", "Америка мамандары Ақ үй ескертуін ...
қарастырады": the doer's own country named near a warning, accusation, sanction or attack is the
side it speaks for, not its target.  Both event stages ask here when they guess a target, so one
place decides it.  A target the grammar names is kept: "the Russian court sentenced Russia's ..."
and civil strife are told that way.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping

from graphbuild.entities.kb import KnowledgeBase
from graphbuild.events.lexicon import common
from graphbuild.model import EVENT_TYPES


def states_of(actors: list[str], kb: KnowledgeBase, on: str | None) -> set[str]:
    """The states the actors are, belong to or hold an office of on date ``on`` (the sides they speak for)."""
    return {state for actor in actors if actor in kb for state in kb.states_of(actor, on)}


def without_own_side(event_type: str, source: list[str], target: list[str], kb: KnowledgeBase,
                     on: str | None) -> list[str]:
    """``target`` less the states the sources are, belong to or hold an office of on date ``on``, for the
    types of common.json ``against_others``; unchanged for every other type."""
    if event_type not in common().against_others or not source or not target:
        return target
    own = states_of(source, kb, on)
    return [t for t in target if t not in own]


def event_sides(actors: list[str], kb: KnowledgeBase, on: str | None = None,
                named: Collection[str] = (), offices: Mapping[str, Collection[str]] | None = None) -> list[str]:
    """The actors an event side lists for ``actors``: a region (regions.tsv) is its member states ("the EU
    offered Central Asia ..." is an offer to the five states, and a region is no party of its own); a
    state body (an organisation the KB puts directly in a country: a ministry, an army, a parliament)
    comes with its state, as the convention lists both (docs/event-types.md, "Both the person and the
    state"), and so does a place the KB puts in a country the article names (``named``: a strike on Dnipro
    is a strike on Ukraine; a country the article never names is not made an actor). A person comes
    with the state they hold an office of: from the KB on that date, else from the article's own title
    (``offices``: "Venezuelan Communications Minister Freddy Nanez" acts for Venezuela). News outlets
    stay alone: they speak for no state here."""
    from graphbuild.entities.actor_policy import news_outlets

    out: list[str] = []
    for actor in actors:
        out += kb.members(actor) or [actor]
        held: Collection[str] = ()  # the states a person holds an office of on that date
        if actor in kb and actor not in news_outlets():
            record = kb.actor(actor)
            state = record.part_of
            place = record.kind == "Place" and state in named
            if (record.kind == "Organization" or place) and state and state in kb \
                    and kb.actor(state).kind == "Country":
                out.append(state)
            elif record.kind == "Person":
                held = kb.states_of(actor, on)
        if not held and offices:
            held = offices.get(actor, ())
        out += sorted(held)
    return list(dict.fromkeys(out))


def tells_no_relation(etype: str, source: list[str], target: list[str], referenced: bool, about: bool) -> bool:
    """An act with no doer named ("Kyiv was shelled", "sanctions against Russia", "selling shells to
    Russia is a violation"), or aimed at no one named when its type is aimed at someone ("Georgia
    rejected the report"), tells nothing about relations and makes no event, unless another act is about
    it or it is about another act (a denial or an accusation and what it answers are kept with the sides
    they name).  A joint act needs its two sides instead; a show of force or a withdrawal may be aimed at
    no one, and so may a denial of a claim whose maker the article does not name (``one_sided`` in
    common.json)."""
    if EVENT_TYPES[etype].symmetric:
        return False
    if not source:
        return True
    return not target and not referenced and not about and etype not in common().one_sided


def within_one_state(source: list[str], target: list[str], kb: KnowledgeBase, on: str | None,
                     symmetric: bool = False) -> bool:
    """Every side is one and the same state, its people and its bodies ("Tokayev visited Kazakhstan",
    "Zelensky met Ukraine" from a parse that lost the other side, a spokeswoman "urging China"): no
    relation between actors.  A place is a side of its own (a strike on a city of the doer's state is
    told), and so is anyone the knowledge base gives no state.  A joint act's sides are all its
    participants ("Tokayev and Xi held talks" read with Xi lost is Tokayev and Kazakhstan alone)."""
    sides = set(source) | set(target)
    if len(sides) < 2 or not (target or symmetric):
        return False
    states: set[str] = set()
    for actor in sides:
        if actor not in kb or kb.actor(actor).kind == "Place":
            return False
        own = kb.states_of(actor, on)
        if not own:
            return False
        states |= own
    return len(states) == 1
