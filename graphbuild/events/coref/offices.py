"""Whom a speaker speaks for: the one place that decides when a statement's speaker makes the act.

"Putin said Russia was ready to talk", "Песков заявил, что Кремль отвергает ...", "Тоқаев Қазақстан
... мойындамайтынын мәлімдеді": the doer is a state or body whose side the speaker holds an office of, so
the act is made by saying it, in its name, and the speaker is a doer too, not only its reporter.  Both
event stages ask this module (the tree passes' ``speakers`` pass and the Kazakh pattern stage), and the
quoted "we" of a speaker (``coref/quotes.py``) reads the same offices.
"""

from __future__ import annotations

from graphbuild.entities.kb import KnowledgeBase
from graphbuild.model import Role


def given_offices(roles: list[Role]) -> dict[str, set[str]]:
    """Person -> the countries and bodies the article's own titles make them an official of."""
    out: dict[str, set[str]] = {}
    for r in roles:
        if r.of:
            out.setdefault(r.person, set()).add(r.of)
    return out


def offices_of(person: str, roles: list[Role], kb: KnowledgeBase, on: str | None) -> list[str]:
    """The countries and bodies ``person`` holds an office of, the likeliest first: the ones the article
    gives (the latest first), else the knowledge base's terms that cover date ``on``."""
    given = [r.of for r in reversed(roles) if r.person == person and r.of]
    if given or person not in kb:
        return given
    return [r["of"] for r in kb.roles_of(person)
            if r.get("of") and kb.role_term(person, r["role"], r["of"], on) is not None]


def _sides(actor: str, roles: list[Role], kb: KnowledgeBase, on: str | None) -> set[str]:
    """The actor, the bodies it holds an office of, and the states any of those are or belong to."""
    own = {actor, *offices_of(actor, roles, kb, on)}
    return own | {state for a in own if a in kb for state in kb.states_of(a, on)}


def _body(actor: str, roles: list[Role], kb: KnowledgeBase) -> bool:
    """A state or body: the knowledge base says it is no person, or the article gives someone an office of it."""
    if actor in kb:
        return kb.actor(actor).kind != "Person"
    return any(r.of == actor for r in roles)


def speaking_for(speakers: list[str], doers: list[str], roles: list[Role], kb: KnowledgeBase,
                 on: str | None) -> list[str]:
    """The ``speakers`` who make the act of ``doers`` by saying it: every doer is a state or body, and the
    speaker is, belongs to or holds an office (the article's, else the knowledge base's at ``on``) of a
    doer or of a doer's state."""
    if not doers or not all(_body(d, roles, kb) for d in doers):
        return []
    theirs = set().union(*(_sides(d, roles, kb, on) for d in doers))
    return [s for s in speakers if s not in doers and _sides(s, roles, kb, on) & theirs]
