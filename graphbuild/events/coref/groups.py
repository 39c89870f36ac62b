"""Plural descriptions of the parties: "the two leaders", "обе стороны", "екі ел басшылары" stand for
the actors of one kind that the latest sentence naming two or more of them put side by side."""

from __future__ import annotations

from graphbuild.events.arguments import Arg
from graphbuild.events.context import SentenceContext
from graphbuild.events.coref.links import Link
from graphbuild.events.lexicon import Lexicon, find_matches, word_patterns

CONFIDENCE = 0.5
_PARTY_KINDS = ("Person", "Country", "Organization")


def _members(sc: SentenceContext, before: int | None = None) -> list[Arg]:
    """The first kind (in text order) of which the sentence names two or more distinct actors, and
    those actors' first mentions."""
    args = [a for a in sorted(sc.args, key=lambda a: a.i)
            if a.active and a.actor and a.kind in _PARTY_KINDS and (before is None or a.j <= before)]
    for kind in dict.fromkeys(a.kind for a in args):
        same = list({a.actor: a for a in reversed(args) if a.kind == kind}.values())[::-1]
        if len(same) > 1:
            return same
    return []


def party_links(sc: SentenceContext, earlier: list[SentenceContext], lex: Lexicon) -> list[Link]:
    """Links of the sentence's party descriptions (the lexicon's ``party_words``) to their members."""
    links = []
    s = sc.sentence
    for m in find_matches(sc.tokens, word_patterns(lex, "party_words"), set()):
        members = _members(sc, m.start) or next((g for p in reversed(earlier) if (g := _members(p))), [])
        if members:
            first, last = sc.tokens[m.start], sc.tokens[m.end - 1]
            links.append(Link(first.start, last.end, s.text[first.start - s.start:last.end - s.start], "parties",
                              tuple(a.actor for a in members), None, CONFIDENCE))
    return links
