"""A trigger on its way to an event: its clause window, slots and what linking adds."""

from __future__ import annotations

from dataclasses import dataclass, field

from graphbuild.events.arguments import Slots
from graphbuild.events.triggers import Trigger
from graphbuild.language.base import Sentence, Token
from graphbuild.model import Event

SPEECH_ACTS = ("DENY", "ACCUSE")
# Acts done by saying them: a speaker's own threat, demand, offer or refusal is not a report of it.


SAID_ACTS = ("DENY", "ACCUSE", "THREATEN", "REQUEST", "OFFER", "REJECT", "SUPPORT")


@dataclass
class Draft:
    trig: Trigger
    sentence: Sentence
    tokens: list[Token]
    lo: int
    hi: int
    slots: Slots
    speakers: list[str]
    date: tuple[str | None, str | None]
    order: str = "SVO"  # the language's clause order (SOV for Kazakh)
    object: str | None = None
    negated: bool = False
    planned: bool = False
    planned_by: str | None = None  # "intent" or "future"
    denied: bool = False
    hearsay: bool = False  # "is believed to have", "reportedly": reported by no one named
    source: list[str] = field(default_factory=list)
    target: list[str] = field(default_factory=list)
    place: str | None = None
    reported_by: list[str] = field(default_factory=list)
    about: Draft | None = None
    folded_into: Draft | None = None  # a partial retelling of an earlier event of the document
    guessed: bool = False  # the target is the nearest actor, not one a rule found (events/fallback.py)
    reciprocal: bool = False  # "бірін-бірі айыптады": each doer's act on the others (events/parties.py)
    event: Event | None = None

    @property
    def type(self) -> str:
        return self.trig.type

    @property
    def nominal(self) -> bool:
        """A one-word noun trigger (визит, proposal, сапары): its possessor is its actor."""
        return is_nominal(self.trig, self.tokens)

    @property
    def participants(self) -> set[str]:
        return set(self.source) | set(self.target)


def is_nominal(trig: Trigger, tokens: list[Token]) -> bool:
    """A one-word noun or (Kazakh) verbal-noun trigger (визит, proposal, айыптауды)."""
    head = tokens[trig.head]
    # Kazakh verbal nouns decline (they carry a case); English -ing forms stay verbs.
    verbal_noun = head.feats.get("VerbForm") in ("Ger", "Vnoun") and (bool(head.case) or head.pos != "VERB"
                                                                       or _cyrillic(head.text))
    # A multiword trigger ending in a Kazakh verbal noun ("басып кіруі") is a noun phrase too.
    # "қарсы соғысы" (the war against), "арасындағы соғыс": a noun with its own postposition or adjective.
    modified_noun = head.pos == "NOUN" and trig.head == trig.indices[-1] and all(
        tokens[k].pos in ("ADP", "ADJ") for k in trig.indices[:-1])
    return verbal_noun or modified_noun


def _cyrillic(text: str) -> bool:
    return any("\u0400" <= ch <= "\u04ff" for ch in text)


def embedded_at(k: int, tokens: list[Token]) -> bool:
    head = tokens[k]
    return head.pos == "NOUN" or head.feats.get("VerbForm") in ("Conv", "Inf", "Ger", "Vnoun")


def embedded(trig: Trigger, tokens: list[Token]) -> bool:
    """A trigger inside a larger clause (noun, converb, infinitive): its own window stays narrow."""
    return is_nominal(trig, tokens) or tokens[trig.head].feats.get("VerbForm") in ("Conv", "Inf", "Ger", "Vnoun")


def verb_forms(trig: Trigger, tokens: list[Token]) -> set[str]:
    """VerbForm values of a trigger's words ("вывести войска": Inf on the verb, not on the noun)."""
    return {tokens[k].feats["VerbForm"] for k in trig.indices if "VerbForm" in tokens[k].feats}
