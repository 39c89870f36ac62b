""""The sides" (тараптар, стороны, the sides) of a joint act: the parties of the latest meeting, visit or
talks of the document, when the act names fewer than two parties of its own; of any other act with no
subject of its own, they are its source.  Words naming the states ("екі елдің үкіметтері", the two
governments) stand for the parties' states only: the leaders who met are not the governments that sign."""

from __future__ import annotations

from graphbuild.entities.kb import KnowledgeBase
from graphbuild.events.draft import Draft
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
        named = find_matches(d.tokens[d.lo:d.trig.start], words, set())
        if not named:
            continue
        for prev in reversed(drafts[:k]):
            if prev.type in _HOSTS and len(prev.participants) > 1 and not (prev.negated or prev.denied):
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
