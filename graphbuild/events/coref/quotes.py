"""First person inside quotes: «we», «біз», «мы» stand for the person quoted or, in the plural, for
the country or body that person speaks for."""

from __future__ import annotations

from graphbuild.entities.kb import KnowledgeBase
from graphbuild.events.arguments import Arg
from graphbuild.events.context import SentenceContext
from graphbuild.events.lexicon import Lexicon, matches_any
from graphbuild.events.passes.arguments import subject_of
from graphbuild.model import Role

_OPEN = frozenset("«“„")
_CLOSE = frozenset("»”")
_BOTH = frozenset("\"")  # the straight quote opens and closes: its parity decides


def quoted(sc: SentenceContext) -> set[int]:
    """Token indices inside quote marks; a quote left open runs to the sentence's end."""
    inside: set[int] = set()
    depth = 0
    for k, t in enumerate(sc.tokens):
        if t.text in _OPEN or (t.text in _BOTH and depth == 0):
            depth += 1
        elif (t.text in _CLOSE or t.text in _BOTH) and depth:
            depth -= 1
        elif depth:
            inside.add(k)
    return inside


def quoted_speaker(sc: SentenceContext, inside: set[int], lex: Lexicon) -> Arg | None:
    """The subject of a reporting verb outside the quote ("«...», деді Тоқаев", "Putin said: "..."");
    else the sentence's only person outside it."""
    for k, t in enumerate(sc.tokens):
        if k in inside or t.pos not in ("VERB", "AUX") or not matches_any(t, lex.reporting_verbs):
            continue
        speakers = [a for a in subject_of(sc, k, lex) if a.actor and a.head not in inside]
        if speakers:
            return speakers[0]
    people = {a.actor: a for a in sc.args if a.kind == "Person" and a.actor and a.head not in inside}
    return next(iter(people.values())) if len(people) == 1 else None


def speaks_for(speaker: Arg, roles: list[Role], kb: KnowledgeBase, on: str | None) -> str | None:
    """The country or body a person speaks for: the office the article gives them, else the one the
    knowledge base records at the article's date; a country or body speaks for itself."""
    if speaker.kind != "Person":
        return speaker.actor
    offices = [r.of for r in roles if r.person == speaker.actor and r.of]
    if offices:
        return offices[-1]
    if speaker.actor in kb:
        held = [r["of"] for r in kb.roles_of(speaker.actor) if r.get("of")
                and kb.role_term(speaker.actor, r["role"], r["of"], on) is not None]
        if held:
            return held[0]
    return None
