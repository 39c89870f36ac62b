""""The sides" (тараптар, стороны, the sides) of a joint act: the parties of the latest meeting, visit or
talks of the document, when the act names fewer than two parties of its own; of any other act with no
subject of its own, they are its source.  Words naming the states ("екі елдің үкіметтері", the two
governments) stand for the parties' states only: the leaders who met are not the governments that sign."""

from __future__ import annotations

import dataclasses

from graphbuild.entities.kb import KnowledgeBase
from graphbuild.events.draft import SAID_ACTS, Draft
from graphbuild.events.lexicon import Lexicon, compile_patterns, find_matches
from graphbuild.model import EVENT_TYPES

_HOSTS = ("VISIT", "MEET", "NEGOTIATE", "AGREE", "COOPERATE")


def _states(parties: list[str], kb: KnowledgeBase, on: str | None) -> list[str]:
    """Each party's one state on date ``on`` (a leader stands for the country), else the party itself."""
    out: list[str] = []
    for party in parties:
        own = kb.states_of(party, on) if party in kb else set()
        out += sorted(own) if len(own) == 1 else [party]
    return list(dict.fromkeys(out))


def resolve_parties(drafts: list[Draft], lex: Lexicon, kb: KnowledgeBase, published: str | None) -> None:
    words = compile_patterns(lex.raw.get("party_words", []))
    if not words:
        return
    state_words = set(lex.raw.get("state_party_words", []))
    for k, d in enumerate(drafts):
        joint = EVENT_TYPES[d.type].symmetric
        if not joint and d.source and not d.target:
            _addressed_parties(d, drafts[:k], words)
        if (joint and len(d.participants) > 1) or (not joint and d.source):
            continue
        named = find_matches(d.tokens[_clause_start(d, drafts):d.trig.start], words, set())
        if not named:
            continue
        hosts = [p for p in drafts[:k] if p.type in _HOSTS] or drafts[:k]  # else the sides of any two-sided act
        for prev in reversed(hosts):
            if len(prev.participants) > 1 and not (prev.negated or prev.denied):
                parties = list(dict.fromkeys(prev.source + prev.target))
                if named[0].value in state_words:  # the first party phrase is the subject's
                    parties = _states(parties, kb, d.date[0] or published)
                if joint:
                    d.source, d.target = parties, list(parties)
                else:  # "the two leaders condemned ...": both sides act together on a third
                    d.source, d.target = parties, [t for t in d.target if t not in parties]
                break


def _addressed_parties(d: Draft, earlier: list[Draft], words: list) -> None:
    """"Трамп екі елді де бітімді бұзды деп сынады": a party word in the accusative or dative before an
    act with a doer and no target is whom it is aimed at: the two sides of the latest act that had two
    besides the doer."""
    before = d.tokens[d.lo:d.trig.start]
    if not any(before[m.indices[-1]].case in ("Acc", "Dat") for m in find_matches(before, words, set())):
        return
    for prev in reversed(earlier):
        sides = [a for a in dict.fromkeys(prev.source + prev.target) if a not in d.source]
        if len(sides) >= 2 and not (prev.negated or prev.denied):
            d.target = sides
            return


def reciprocal_sides(drafts: list[Draft], lex: Lexicon) -> None:
    """"Тараптар бірін-бірі ... айыптады", "бір-бірін": an act of two or more doers told with a reciprocal
    pronoun is each doer's on the others: the doers are its targets too."""
    words = compile_patterns(lex.raw.get("reciprocals", []))
    for d in drafts:
        if not words or EVENT_TYPES[d.type].symmetric or len(d.source) < 2:
            continue
        if find_matches(d.tokens[_clause_start(d, drafts):d.trig.start], words, set()):
            d.target = list(dict.fromkeys(d.target + d.source))
            d.reciprocal = True


def split_reciprocal(drafts: list[Draft], kb: KnowledgeBase, on: str | None) -> list[Draft]:
    """"Ресей де, Украина да қарсы тарапты ... бұзды деп айыптады": a reciprocal act is one act of each
    side on the others (Russia accused Ukraine, Ukraine accused Russia), a side being a state with its
    people and bodies.  The first side keeps the draft; each other side gets a copy."""
    out: list[Draft] = []
    for d in drafts:
        sides: dict[str, list[str]] = {}
        for actor in d.source:
            own = kb.states_of(actor, d.date[0] or on) if actor in kb else set()
            sides.setdefault(min(own) if len(own) == 1 else actor, []).append(actor)
        if not d.reciprocal or len(sides) < 2:
            out.append(d)
            continue
        everyone = list(dict.fromkeys(d.target + d.source))
        for n, members in enumerate(sides.values()):
            side = d if n == 0 else dataclasses.replace(d)
            side.source = list(members)
            side.target = [a for a in everyone if a not in members and not (
                a in kb and kb.states_of(a, d.date[0] or on) & _state_set(members, kb, d.date[0] or on))]
            out.append(side)
    return out


def _state_set(actors: list[str], kb: KnowledgeBase, on: str | None) -> set[str]:
    return {s for a in actors if a in kb for s in kb.states_of(a, on)} | set(actors)


def _clause_start(d: Draft, drafts: list[Draft]) -> int:
    """Where the words of an act's own subject may start: its window, or for a speech act whose window a
    reported clause cut ("тараптар бірін-бірі ... бұзды деп айыптады") the end of the last act of the
    sentence before it that has anyone in it."""
    if d.type not in SAID_ACTS:
        return d.lo
    ends = [o.trig.end for o in drafts if o is not d and o.sentence is d.sentence and o.participants
            and o.trig.end <= d.trig.start]
    return min(d.lo, max(ends, default=0))
