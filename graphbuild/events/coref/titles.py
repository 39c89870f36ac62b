"""Role titles standing for a person: "Президент", "the foreign minister", "Мемлекет басшысы".

A title with no name beside it is the person the article introduced earlier with that title
("Foreign Minister Sergei Lavrov ... the minister"), else the knowledge base's holder of that
office at the article's date among the people the article has named, else among the holders of
that office for the countries and bodies it has named when exactly one fits.  A title with its
country ("the Kazakh president", "Францияның президенті") is that country's holder at the date.
"""

from __future__ import annotations

from dataclasses import dataclass

from graphbuild.entities.kb import KnowledgeBase
from graphbuild.events.arguments import Arg
from graphbuild.events.context import SentenceContext
from graphbuild.events.lexicon import Lexicon, Match, find_matches

# Confidence of each way a title is resolved.
INTRODUCED = 0.9
OWNER_AT_DATE = 0.85
NAMED_HOLDER = 0.7
ONLY_HOLDER = 0.5


@dataclass(frozen=True)
class Introduced:
    """A person the article has given a title ("Foreign Minister" Lavrov)."""

    title: str
    person: Arg


def same_office(bare: str, introduced: str) -> bool:
    """"Minister" names "Minister of Foreign Affairs"; "President" does not name "Vice President"."""
    want, have = bare.lower().split(), introduced.lower().split()
    return have[:len(want)] == want or have == want


def introduced_titles(sc: SentenceContext, lex: Lexicon) -> list[Introduced]:
    """The sentence's titles given to a named person, in text order."""
    found = []
    for m in find_matches(sc.tokens, lex.role_titles, set()):
        person = sc.titles.get(m.start)
        if m.value and person is not None:
            found.append(Introduced(m.value, person))
    found += [Introduced(a.title, a) for a in sc.args if a.title and a.holder]
    return found


def _owned(sc: SentenceContext, m: Match, lex: Lexicon) -> bool:
    """"президент компании", "the head of the team", "компанияның басшысы": the title has an owner
    of its own right beside it, so it names that owner's officer, not a person of the story."""
    tokens = sc.tokens
    if lex.order == "SOV":
        prev = tokens[m.start - 1] if m.start else None
        return prev is not None and prev.pos in ("NOUN", "PROPN")
    nxt = tokens[m.end] if m.end < len(tokens) else None
    if nxt is None:
        return False
    if lex.case_slots:
        return nxt.pos in ("NOUN", "PROPN") and nxt.case == "Gen"
    return nxt.text.lower() == "of"


def bare_titles(sc: SentenceContext, lex: Lexicon) -> list[Match]:
    """Titles of one person with no name, country or owner beside them."""
    covered = {k for a in sc.args for k in range(a.i, a.j)} | set(sc.titles)
    found = []
    for m in find_matches(sc.tokens, lex.role_titles, set()):
        last = sc.tokens[m.end - 1]
        if not m.value or covered & set(range(m.start, m.end)) or last.feats.get("Number") == "Plur":
            continue
        if lex.raw.get("anaphora_needs_determiner"):
            prev = sc.tokens[m.start - 1].text.lower() if m.start else ""
            if prev not in lex.raw.get("anaphora_determiners", []):
                continue  # "a minister", "ministers", "President" before a name we did not link
        if not _owned(sc, m, lex):
            found.append(m)
    return found


def kb_holder(title: str, of: str | None, kb: KnowledgeBase, on: str | None) -> str | None:
    """The one person the knowledge base says held the office (of ``of``) on ``on``."""
    if not on:
        return None
    holders = kb.holders(title, of, on)
    return holders[0] if len(holders) == 1 else None


def _holds_kind_of(person: str, title: str, kb: KnowledgeBase, on: str) -> bool:
    """"министр" of a person the KB has as Minister of Foreign Affairs on that date."""
    return person in kb and any(same_office(title, r["role"]) and kb.role_term(person, r["role"], r.get("of"), on)
                                for r in kb.roles_of(person))


def holder_among(title: str, people: list[str], owners: list[str], kb: KnowledgeBase,
                 on: str | None) -> tuple[str, float] | None:
    """The KB holder of ``title`` at ``on``: the latest of the article's ``people`` who held it, else
    the only holder for the article's ``owners`` (countries and bodies), with the confidence."""
    if not on:
        return None
    holders = set(kb.holders(title, None, on))
    named = [p for p in reversed(people) if p in holders or _holds_kind_of(p, title, kb, on)]
    if named:
        return named[0], NAMED_HOLDER
    owned = {h for o in dict.fromkeys(owners) if (h := kb_holder(title, o, kb, on))}
    return (owned.pop(), ONLY_HOLDER) if len(owned) == 1 else None
