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
from graphbuild.events.lexicon import Lexicon, Match, Pattern, find_matches

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
        # An owner stands bare or in the genitive before the title ("компанияның басшысы"); a noun in
        # another case is a phrase of its own ("Саммит қарсаңында Мемлекет басшысы").
        prev = tokens[m.start - 1] if m.start else None
        return prev is not None and prev.pos in ("NOUN", "PROPN") and prev.case in (None, "Nom", "Gen")
    nxt = tokens[m.end] if m.end < len(tokens) else None
    if nxt is None:
        return False
    if lex.case_slots:
        return nxt.pos in ("NOUN", "PROPN") and nxt.case == "Gen"
    return nxt.text.lower() == "of"


def bare_titles(sc: SentenceContext, lex: Lexicon, extra: list[Pattern] | None = None) -> list[Match]:
    """Titles of one person with no name, country or owner beside them (the event lexicon's, then the
    ``extra`` title words of the coreference lexicon where they overlap none of those)."""
    covered = {k for a in sc.args for k in range(a.i, a.j)} | set(sc.titles)
    found = []
    used: set[int] = set()
    matches = find_matches(sc.tokens, lex.role_titles, used)
    matches += find_matches(sc.tokens, extra or [], used)
    for m in sorted(matches, key=lambda m: m.start):
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


@dataclass(frozen=True)
class OwnedTitle:
    """A title with its country or body and no name: tokens [i, j), the office, its owner."""

    i: int
    j: int
    title: str
    owner: str
    arg: Arg  # the owner's argument ("казахстанский" in "казахстанский лидер")


def owned_titles(sc: SentenceContext, lex: Lexicon, extra: list[Pattern]) -> list[OwnedTitle]:
    """"the Kazakh president", "Францияның президенті" (the arguments pass gave the owner its title),
    and the coreference lexicon's own title words beside a country ("венгерский премьер", "премьер
    Венгрии") when no name follows them."""
    found = [OwnedTitle(a.i, a.j, a.title, a.mention.actor, a) for a in sc.args
             if a.title and not a.holder and a.mention.actor]
    people = {a.i for a in sc.args if a.kind == "Person"}
    covered = {k for t in found for k in range(t.i, t.j)}
    for m in find_matches(sc.tokens, extra, set()):
        if m.end in people or covered & set(m.indices):
            continue
        owner = next((a for a in sc.args if a.mention.actor and a.mention.kind in ("Country", "Organization")
                      and (a.j == m.start or (lex.case_slots and lex.order == "SVO" and a.i == m.end
                                               and a.case == "Gen"))), None)
        if owner is not None:
            found.append(OwnedTitle(min(owner.i, m.start), max(owner.j, m.end), m.value, owner.mention.actor, owner))
    return found


def owned_holder(t: OwnedTitle, introduced: list[Introduced], people: list[str], offices: dict[str, list[str]],
                 kb: KnowledgeBase, on: str | None) -> tuple[str, float] | None:
    """The person an owned title stands for: the latest the article introduced with that office who acts
    for the owner, else the latest person it named who held that office of the owner at the date (a
    broad title, "leader", "коллега", takes any of the offices ``offices`` lists for it), else the
    knowledge base's one holder at the date."""
    if not on:
        return None
    wanted = offices.get(t.title, [t.title])
    for x in reversed(introduced):
        if x.person.actor and any(same_office(w, x.title) for w in wanted) \
                and t.owner in kb.states_of(x.person.actor, on) | {x.person.actor}:
            return x.person.actor, INTRODUCED
    for person in reversed(people):
        if person in kb and any(kb.role_term(person, w, t.owner, on) or _holds_kind_of(person, w, kb, on, t.owner)
                                for w in wanted):
            return person, NAMED_HOLDER
    holder = kb_holder(t.title, t.owner, kb, on)
    return (holder, OWNER_AT_DATE) if holder else None


def kb_holder(title: str, of: str | None, kb: KnowledgeBase, on: str | None) -> str | None:
    """The one person the knowledge base says held the office (of ``of``) on ``on``."""
    if not on:
        return None
    holders = kb.holders(title, of, on)
    return holders[0] if len(holders) == 1 else None


def _holds_kind_of(person: str, title: str, kb: KnowledgeBase, on: str, of: str | None = None) -> bool:
    """"министр" of a person the KB has as Minister of Foreign Affairs on that date (of ``of`` when given)."""
    return person in kb and any(same_office(title, r["role"]) and (of is None or r.get("of") == of)
                                and kb.role_term(person, r["role"], r.get("of"), on) for r in kb.roles_of(person))


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
