"""HOLDS_ROLE facts from appositions: "Ресей қорғаныс министрі Сергей Шойгу", "министр обороны
России Сергей Шойгу", "Russian Defence Minister Sergei Shoigu", "John Kirby, the White House spokesperson".

The person keeps acting in events; the country or organisation of the title is absorbed (it is not
an event participant of its own in that span).
"""

from __future__ import annotations

from graphbuild.events.arguments import Arg
from graphbuild.events.lexicon import Lexicon, find_matches
from graphbuild.ids import role_id
from graphbuild.language.base import Token
from graphbuild.model import Role

REACH = 7  # tokens an apposition may span on either side of the name
_OWNER_KINDS = ("Country", "Organization")


def _is_break(token: Token) -> bool:
    return not any(ch.isalnum() for ch in token.text) and token.text not in ("-", "'s", "’s")


def _title_in(tokens: list[Token], lo: int, hi: int, lex: Lexicon) -> tuple[str, int, int] | None:
    """The role title nearest to ``hi`` within tokens[lo:hi] (as English title, span)."""
    # a title is a noun phrase: "a team headed by X" names no "head"
    matches = [m for m in find_matches(tokens[lo:hi], lex.role_titles, set()) if tokens[lo + m.end - 1].pos != "VERB"]
    if not matches:
        return None
    best = max(matches, key=lambda m: (m.end, m.end - m.start))
    return best.value, lo + best.start, lo + best.end


def find_roles(tokens: list[Token], args: list[Arg], lex: Lexicon, document: str,
               titles: dict[int, Arg] | None = None) -> list[Role]:
    """Role facts of the sentence; ``titles``, when given, receives each title word -> its person."""
    roles: list[Role] = []
    people = [a for a in args if a.kind == "Person"]
    for person in people:
        lo = person.i
        while lo > 0 and person.i - lo < REACH and not _is_break(tokens[lo - 1]):
            if any(a.kind == "Person" and a.j == lo for a in args):
                break
            lo -= 1
        found = _title_in(tokens, lo, person.i, lex)
        window = (lo, person.i)
        if found is None and person.j < len(tokens) and tokens[person.j].text == ",":
            hi = person.j + 1
            while hi < len(tokens) and hi - person.j < REACH and not _is_break(tokens[hi]):
                hi += 1
            found = _title_in(tokens, person.j + 1, hi, lex)
            window = (person.j + 1, hi)
        if found is None or not found[0]:
            continue  # an empty title is a phrase that only looks like one ("во главе с")
        title, t_start, t_end = found
        if titles is not None:
            titles.update(dict.fromkeys(range(t_start, t_end), person))
        owners = [a for a in args if a.kind in _OWNER_KINDS and window[0] <= a.i and a.j <= window[1]]
        owner = min(owners, key=lambda a: min(abs(a.j - t_start), abs(a.i - t_end))) if owners else None
        if owner is not None:
            owner.absorbed = True
        of = owner.actor if owner else None
        roles.append(Role(id=role_id(person.actor, title, of, None), person=person.actor, role=title, of=of,
                          documents=[document]))
    return roles
