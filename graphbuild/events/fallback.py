"""Last-resort arguments: an event whose rules found its source but no target takes the
nearest other actor named in its sentence, on the side where the language puts objects.

An event with one side is of little use to an analyst and cannot be linked; the nearest
remaining actor is right more often than not in news prose, and the event's confidence says
the argument was guessed.  A hostile act's guess is never the doer's own state (events/sides.py).
"""

from __future__ import annotations

from graphbuild.entities.kb import KnowledgeBase
from graphbuild.events.draft import SPEECH_ACTS, Draft
from graphbuild.events.sides import states_of, without_own_side
from graphbuild.model import EVENT_TYPES, Mention

# Types whose second side is often unnamed on purpose ("North Korea denied the reports"), or named only
# when the text says at whom the show of force is aimed ("Жапония теңізіне қарай ... ұшырды": the Sea of
# Japan is no target; docs/event-types.md, MOBILIZE).
_NO_GUESS = {"DENY", "MOBILIZE"}
_WRONG_SIDE = 10_000  # a mention on the other side of the trigger is taken only when none is on the right side


def fill_missing_targets(drafts: list[Draft], mentions: list[Mention], kb: KnowledgeBase, on: str | None) -> None:
    for d in drafts:
        if d.target or not d.source or d.type in _NO_GUESS or EVENT_TYPES[d.type].symmetric:
            continue
        taken = set(d.source) | set(d.reported_by) | d.slots.not_sides
        if d.about is not None:
            taken |= set(d.about.target)  # "condemned the sanctions against Russia": the victim is not accused
        inside = [m for m in mentions if d.sentence.start <= m.start and m.end <= d.sentence.end
                  and m.actor and m.actor not in taken and m.source != "demonym"
                  and not _subject_of_later_act(m, d, drafts)
                  and without_own_side(d.type, d.source, [m.actor], kb, on)]
        if not inside:
            continue
        at = d.tokens[d.trig.indices[0]].start
        objects_before = d.order == "SOV"

        def distance(m: Mention, at: int = at, objects_before: bool = objects_before) -> int:
            before = m.end <= at
            return abs(m.start - at) + (0 if before == objects_before else _WRONG_SIDE)

        d.target = [min(inside, key=distance).actor]  # type: ignore[list-item]
        d.guessed = True


def _subject_of_later_act(m: Mention, d: Draft, drafts: list[Draft]) -> bool:
    """SVO: "promised that North Korea would stand behind Russia": the sides of the act the clause
    after the trigger reports are that act's, not this event's object.  SOV: "Вашингтон ескертуіне
    қарамастан Ресейге дрондар жеткізетін Иранға": a side of a later participle named between the two
    triggers stands in the participle's clause, before its verb."""
    at = d.tokens[d.trig.indices[-1]].end
    if d.order == "SOV":
        return any(o is not d and o.sentence is d.sentence and m.actor in o.participants
                   and o.tokens[o.trig.head].feats.get("VerbForm") == "Part"
                   and at <= m.start and m.end <= o.tokens[o.trig.indices[0]].start for o in drafts)
    if d.order != "SVO":
        return False
    for o in drafts:
        if o is d or o.sentence is not d.sentence or m.actor not in o.participants:
            continue
        later = o.tokens[o.trig.indices[0]].start
        if at <= m.start and ((m.end <= later and m.actor in o.source) or later <= m.start):
            return True  # its subject before its trigger, or any side of it after
    return False



# Acts a warning of retaliation answers, and the acts that answer.
_HOSTILE = ("ASSAULT", "SANCTION")
_ANSWERS = ("THREATEN",)


def answer_the_attacker(drafts: list[Draft], kb: KnowledgeBase, on: str | None,
                        offices: dict[str, set[str]] | None = None) -> None:
    """"Катар ... жауап беру құқығын өзінде қалдыратынын ескертті", "жауап шараларын қабылдайтынын": a
    warning of retaliation that names no one is aimed at the doer of the latest earlier attack or
    sanction on the warner's side.  ``offices``: the states the article itself says its people serve."""
    offices = offices or {}
    for k, d in enumerate(drafts):
        if d.type not in _ANSWERS or not d.source:
            continue
        own = states_of(d.source, kb, d.date[0] or on) | {s for a in d.source for s in offices.get(a, ())}
        if d.target and not set(d.target) <= own:
            continue
        d.target = []  # "Ол Катар ... жауап беру құқығын ... ескертті": the warner's own state is no target
        for prev in reversed(drafts[:k]):
            if prev.type in _HOSTILE and prev.source and not (prev.negated or prev.denied) \
                    and own & states_of(prev.target, kb, prev.date[0] or on) \
                    and not own & states_of(prev.source, kb, prev.date[0] or on):
                d.target, d.guessed = list(prev.source), True
                break


def answer_the_teller(drafts: list[Draft], kb: KnowledgeBase, on: str | None) -> None:
    """"Кац Иранның зымыран атқанын мәлімдеді. Иран Қарулы күштері бұл айыптауды теріске шығарды": a
    denial that names no one answers the latest earlier accusation of the denier's side, or whoever last
    told an act of that side on their word (docs/event-types.md, DENY: the accuser, or the speaker of the
    denied claim).  Sides are compared by state, as a state's army denies what was said of the state."""
    for k, d in enumerate(drafts):
        if not d.trig.entry.denial or d.target or not d.source:
            continue
        when = d.date[0] or on
        own = set(d.source) | states_of(d.source, kb, when)
        for prev in reversed(drafts[:k]):
            if prev.type == "ACCUSE":
                answered, doers = list(prev.source), prev.target
            elif prev.type not in SPEECH_ACTS:
                answered, doers = list(prev.reported_by), prev.source
            else:
                continue
            answered = [a for a in answered if a not in own and not own & states_of([a], kb, when)]
            if answered and own & (set(doers) | states_of(doers, kb, prev.date[0] or on)):
                d.target, d.guessed = answered, True
                if d.about is None and prev.type not in SPEECH_ACTS:
                    d.about, prev.denied = prev, True  # the told act is what is denied
                break
