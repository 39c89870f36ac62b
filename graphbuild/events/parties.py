""""The sides" (тараптар, стороны, the sides) of a joint act: the parties of the latest meeting, visit or
talks of the document, when the act names fewer than two parties of its own; of any other act with no
subject of its own, they are its source."""

from __future__ import annotations

from graphbuild.events.draft import Draft
from graphbuild.events.lexicon import Lexicon, compile_patterns, find_matches
from graphbuild.model import EVENT_TYPES

_HOSTS = ("VISIT", "MEET", "NEGOTIATE", "AGREE", "COOPERATE")


def resolve_parties(drafts: list[Draft], lex: Lexicon) -> None:
    words = compile_patterns(lex.raw.get("party_words", []))
    if not words:
        return
    for k, d in enumerate(drafts):
        joint = EVENT_TYPES[d.type].symmetric
        if (joint and len(d.participants) > 1) or (not joint and d.source):
            continue
        if not find_matches(d.tokens[d.lo:d.trig.start], words, set()):
            continue
        for prev in reversed(drafts[:k]):
            if prev.type in _HOSTS and len(prev.participants) > 1 and not (prev.negated or prev.denied):
                parties = list(dict.fromkeys(prev.source + prev.target))
                if joint:
                    d.source, d.target = parties, list(parties)
                else:  # "the two leaders condemned ...": both sides act together on a third
                    d.source, d.target = parties, [t for t in d.target if t not in parties]
                break
