"""First person inside quotes: «we», «біз», «мы» stand for the person quoted or, in the plural, for
the country or body that person speaks for."""

from __future__ import annotations

from dataclasses import dataclass, field

from graphbuild.entities.kb import KnowledgeBase
from graphbuild.events.arguments import Arg
from graphbuild.events.context import SentenceContext
from graphbuild.events.coref.offices import offices_of
from graphbuild.events.lexicon import Lexicon, matches_any
from graphbuild.events.passes.arguments import subject_of
from graphbuild.model import Role

_OPEN = frozenset("«“„")
_CLOSE = frozenset("»”")
_BOTH = frozenset("\"")  # the straight quote opens and closes: its parity decides


# A quote left open longer than this many sentences was a stray mark, not a quotation.
MAX_SENTENCES = 4


@dataclass
class Quote:
    """One quotation: the quoted token indices of each sentence (by position) it runs through."""

    inside: dict[int, set[int]] = field(default_factory=dict)


def quotes(sentences: list[SentenceContext]) -> list[Quote]:
    """The document's quotations, which may run over several sentences ("«... . ...», деді ол")."""
    found: list[Quote] = []
    current: Quote | None = None
    for n, sc in enumerate(sentences):
        for k, t in enumerate(sc.tokens):
            if current is None and (t.text in _OPEN or t.text in _BOTH):
                current = Quote()
            elif current is not None and (t.text in _CLOSE or t.text in _BOTH):
                found.append(current)
                current = None
            elif current is not None:
                current.inside.setdefault(n, set()).add(k)
        if current is not None and len(current.inside) >= MAX_SENTENCES:
            current = None
    if current is not None:
        found.append(current)
    return found


def speaker_of(quote: Quote, sentences: list[SentenceContext], lex: Lexicon) -> Arg | None:
    """The speaker named in the sentence the quote ends in, else in the one it starts in."""
    ends = sorted(quote.inside)
    for n in dict.fromkeys((ends[-1], ends[0])):
        found = quoted_speaker(sentences[n], quote.inside[n], lex)
        if found is not None:
            return found
    return None


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
    """The country or body a person speaks for: the office the article gives them (the latest), else the
    one the knowledge base records at the article's date; a country or body speaks for itself."""
    if speaker.kind != "Person":
        return speaker.actor
    offices = offices_of(speaker.actor, roles, kb, on)
    return offices[0] if offices else None
