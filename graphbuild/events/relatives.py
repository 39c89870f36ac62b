"""Relative pronouns as arguments: ", который прибыл", ", с которым ... провёл переговоры".

A clause opened by a relativizer right after a comma (a preposition may stand between) speaks of the
mention that ends at that comma; the relativizer's case (or its preposition) gives the slot it fills.
"""

from __future__ import annotations

from graphbuild.events.arguments import Arg, Slots
from graphbuild.events.lexicon import Lexicon, _norm
from graphbuild.language.base import Token

_FILLABLE = ("subj", "obj", "to", "with", "against", "from")


def _slot(relativizer: Token, preposition: Token | None, lex: Lexicon) -> str | None:
    if preposition is None:
        return lex.case_slots.get(relativizer.case or "Nom")
    rule = lex.prepositions.get(_norm(preposition.text))
    if isinstance(rule, dict):
        return rule.get(relativizer.case or "", rule.get("*"))
    return rule


def antecedent_slot(tokens: list[Token], args: list[Arg], lo: int, lex: Lexicon) -> tuple[str, Arg] | None:
    """The slot and antecedent of the relativizer that opens a trigger's window at ``lo``, if any."""
    words = set(lex.raw.get("relativizers", []))
    r = lo - 1
    if not lex.case_slots or r < 1 or _norm(tokens[r].lemma or tokens[r].text) not in words:
        return None
    k = r - 1
    preposition = None
    if _norm(tokens[k].text) in lex.prepositions:
        preposition, k = tokens[k], k - 1
    if k < 1 or tokens[k].text != ",":
        return None
    before = [a for a in args if a.j == k and a.active] or _copula_subject(tokens, args, k, lex)
    slot = _slot(tokens[r], preposition, lex)
    if not before or slot not in _FILLABLE:
        return None
    return slot, before[-1]


def _copula_subject(tokens: list[Token], args: list[Arg], comma: int, lex: Lexicon) -> list[Arg]:
    """"Херсон был единственным центром, который ... захватили": a predicate noun's relative clause
    speaks of the copula's subject."""
    copulas = set(lex.raw.get("copulas", []))
    noun = tokens[comma - 1]
    if not copulas or noun.pos != "NOUN" or noun.case != "Ins":
        return []
    for c in range(comma - 2, 0, -1):
        if tokens[c].text in (",", ";", ":"):
            return []
        if _norm(tokens[c].lemma or tokens[c].text) in copulas:
            return [a for a in args if a.j <= c and a.active and a.case in (None, "Nom") and a.prep is None][-1:]
    return []


def fill_from_antecedent(slots: Slots, tokens: list[Token], args: list[Arg], lo: int, lex: Lexicon) -> None:
    """Give the trigger the antecedent of its relativizer when that slot is still empty."""
    found = antecedent_slot(tokens, args, lo, lex)
    if found is None:
        return
    slot, arg = found
    # ", который захватили российские войска": the clause has its subject, so "который" is accusative
    # (a form shared by both cases only for things, not people: "которого" for a person).
    nom_acc = lex.raw.get("relativizers_nom_acc", [])
    if slot == "subj" and slots.get("subj") and arg.kind != "Person" and _norm(tokens[lo - 1].text) in nom_acc:
        slot = "obj"
    if not slots.get(slot) and slot not in slots.blocked:
        slots.add(slot, arg)
