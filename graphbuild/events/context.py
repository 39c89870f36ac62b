"""The per-document context that the event passes read and write.

Each pass (graphbuild/events/passes/) declares which fields of :class:`DocContext` it reads and
which it writes; the fields are plain data so a pass can be tested on a context built by hand.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

from graphbuild.entities.kb import KnowledgeBase
from graphbuild.events.arguments import Arg
from graphbuild.events.coref.links import Link
from graphbuild.events.lexicon import Lexicon, TriggerEntry
from graphbuild.language.base import Sentence, Token
from graphbuild.language.tree import Tree
from graphbuild.model import EVENT_TYPES, Actor, Document, Event, Mention, Role


@dataclass
class SentenceContext:
    index: int
    sentence: Sentence
    tree: Tree
    args: list[Arg] = field(default_factory=list)  # the linked mentions placed on the tree
    date: tuple[str | None, str | None] = (None, None)  # the time the sentence (or its paragraph) gives
    implicit_subjects: dict[int, Arg] = field(default_factory=dict)  # verb -> the actor its dropped subject is
    titles: dict[int, Arg] = field(default_factory=dict)  # a role title's words -> the person it names
    # a possessive pronoun -> the actor it stands for; read only where owning means acting ("its forces")
    possessives: dict[int, Arg] = field(default_factory=dict)
    # a plural pronoun -> the several actors it stands for ("A, B and C said ... they"); read as a phrase's actors
    groups: dict[int, list[Arg]] = field(default_factory=dict)

    @property
    def tokens(self) -> list[Token]:
        return self.sentence.tokens

    def arg_at(self, k: int) -> Arg | None:
        """The mention whose phrase head is token ``k``."""
        for a in self.args:
            if a.head == k:
                return a
        return self.titles.get(k)  # "Secretary of State ... Blinken": the title's head is the person


@dataclass
class Candidate:
    """A trigger on its way to an event: where it is, what fills its slots, what modifies it."""

    sent: SentenceContext
    indices: tuple[int, ...]  # trigger tokens
    entry: TriggerEntry
    slots: dict[str, list[Arg]] = field(default_factory=dict)
    inherited: set[str] = field(default_factory=set)  # slots filled from a governing word
    present: set[str] = field(default_factory=set)  # slots the trigger has a dependent in, actor or not
    source: list[str] = field(default_factory=list)
    target: list[str] = field(default_factory=list)
    object: str | None = None
    place: str | None = None
    date: tuple[str | None, str | None] = (None, None)
    negated: bool = False
    planned: bool = False
    planned_by: str | None = None  # "intent" (sought, negotiated) or "future"
    denied: bool = False
    hearsay: bool = False  # "reportedly": told on no named source's word
    hypothetical: bool = False  # "if Hezbollah violates the deal": a condition, not an event
    reported_by: list[str] = field(default_factory=list)
    about: Candidate | None = None
    folded_into: Candidate | None = None  # a re-mention of an earlier candidate of the document
    guessed: bool = False  # a side was taken from the discourse, not from the act's own phrase
    weak: bool = False  # an ambiguous word without the argument its sense needs: only a re-mention
    offered: bool = False  # an offer or threat made by saying one is ready to act (passes/readiness.py)
    extra_evidence: list[SentenceContext] = field(default_factory=list)
    event: Event | None = None

    @property
    def type(self) -> str:
        return self.entry.type

    def copy(self, **changes: Any) -> Candidate:
        """A copy with lists, sets and slots of its own (two candidates never share a list one edits)."""
        own: dict[str, Any] = dict(slots={k: list(v) for k, v in self.slots.items()}, inherited=set(self.inherited),
                                   present=set(self.present), source=list(self.source), target=list(self.target),
                                   reported_by=list(self.reported_by), extra_evidence=list(self.extra_evidence))
        own.update(changes)
        return dataclasses.replace(self, **own)

    @property
    def head(self) -> int:
        """The trigger word that the tree attaches (the verb of "impose sanctions" is its head word)."""
        return self.sent.tree.phrase_head(self.indices)

    @property
    def symmetric(self) -> bool:
        return EVENT_TYPES[self.type].symmetric

    @property
    def participants(self) -> set[str]:
        return set(self.source) | set(self.target)

    def slot(self, name: str) -> list[Arg]:
        return self.slots.get(name, [])

    def add(self, name: str, arg: Arg, inherited: bool = False) -> None:
        have = self.slots.setdefault(name, [])
        if all(a.actor != arg.actor for a in have):
            have.append(arg)
        if inherited:
            self.inherited.add(name)


@dataclass
class DocContext:
    doc: Document
    kb: KnowledgeBase
    lex: Lexicon
    sentences: list[SentenceContext]
    mentions: list[Mention]
    candidates: list[Candidate] = field(default_factory=list)
    folded: list[Candidate] = field(default_factory=list)  # re-mentions, each pointing to its event
    roles: list[Role] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)  # new actors a pass introduces (collective groups)
    events: list[Event] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    coref_links: list[Link] = field(default_factory=list)  # what each pronoun, title, description stands for
