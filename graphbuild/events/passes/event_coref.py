"""Pass ``event_coref``: a re-mention of an event in the same article is the same event.

A later candidate folds into an earlier one of the same type when their participants are
compatible (each side of the one is empty or shares an actor with, or is contained in, the same
side of the other; a bare re-mention such as "the deal", "сделка", "бұл сапар" has none) and
their dates do not conflict.  The earlier candidate gains the re-mention's evidence and fills
its empty sides and date from it; no second event is made.
"""

from __future__ import annotations

from graphbuild.events.context import Candidate, DocContext
from graphbuild.events.passes import Pass
from graphbuild.language.tree import base


def _side_ok(a: list[str], b: list[str]) -> bool:
    return not a or not b or bool(set(a) & set(b))


def _dates_ok(a: Candidate, b: Candidate) -> bool:
    x, y = a.date[0], b.date[0]
    return x is None or y is None or x.startswith(y) or y.startswith(x)


def _same_telling(first: Candidate, later: Candidate) -> bool:
    """A re-mention tells the act the same way: not an intention of what was done, and a verb
    re-mentions only with its own word ("shelled ... captured" are two acts; "the attack" is one)."""
    if (first.planned, first.negated) != (later.planned, later.negated):
        return False
    if later.sent.tree.nominal(later.head) or first.entry.pattern == later.entry.pattern:
        return True
    # Another verb tells the same act only with the same sides ("принял Шойгу" ... "встретился с Шойгу").
    if first.symmetric:
        return len(set(first.participants) & set(later.participants)) >= 2
    return bool(set(first.source) & set(later.source)) and bool(set(first.target) & set(later.target))


def compatible(first: Candidate, later: Candidate) -> bool:
    if first.type != later.type or first is later or not _dates_ok(first, later) \
            or not _same_telling(first, later):
        return False
    if not later.participants:
        return True
    if first.symmetric:
        return set(later.participants) <= set(first.participants) or set(first.participants) <= set(later.participants)
    return _side_ok(first.source, later.source) and _side_ok(first.target, later.target) \
        and (bool(set(first.source) & set(later.source)) or bool(set(first.target) & set(later.target)))


def event_of(c: Candidate) -> Candidate:
    """The event a candidate tells: itself, or the one it re-mentions."""
    while c.folded_into is not None:
        c = c.folded_into
    return c


def fold(c: Candidate, first: Candidate) -> None:
    c.folded_into = first
    first = event_of(first)
    if c.sent is not first.sent:
        first.extra_evidence.append(c.sent)
    if first.date[0] is None:
        first.date = c.date
    first.source = first.source or c.source
    first.target = first.target or c.target
    first.object = first.object or c.object
    first.place = first.place or c.place
    # a bare re-mention inside someone's statement ("Tbilisi said the measures were unjustified") names
    # the act; it does not make the act told on the speaker's word
    for s in c.reported_by if c.participants else []:
        if s not in first.reported_by and s not in first.source:
            first.reported_by.append(s)


def _same_act_in_sentence(ctx: DocContext) -> list[Candidate]:
    """"signed the agreement", "the agreement was signed": a noun of the act that a verb of the same
    type governs is that verb's event (the verb carries its tense and polarity); so is a violation word
    an accusation governs."""
    kept = []
    for c in ctx.candidates:
        tree = c.sent.tree
        # Only a noun names the act of the verb above it: two coordinated verbs are two acts
        # ("welcomed the deal and thanked the mediators").
        # A violation word under an accusation is what it accuses of ("accused Russia of violating").
        noun = tree.tokens[c.head].pos in ("NOUN", "PROPN") or (c.entry.violation and base(tree.rel(c.head)) != "conj")
        gov = next((g for g in ctx.candidates if noun and g is not c and g.sent is c.sent and g.type == c.type
                    and not g.weak and tree.head(c.head) in g.indices), None)
        if gov is None:
            kept.append(c)
            continue
        if c.type == "ACCUSE" and base(tree.rel(c.head)) in ("obl", "nmod") and not c.entry.violation:
            # "accused Beijing of provocations": the harm word is what the accused did, so its doer (the
            # accused) is the accusation's target, never its accuser
            gov.target = gov.target or [a for a in c.source if a not in gov.source]
            c.source = []
        fold(c, gov)
    return kept


def _lemma(c: Candidate) -> str:
    word = c.sent.tokens[c.head]
    return (word.lemma or word.text).lower()


def run(ctx: DocContext) -> None:
    every = list(ctx.candidates)
    ctx.candidates = _same_act_in_sentence(ctx)
    kept: list[Candidate] = []
    words: dict[int, set[str]] = {}  # the trigger lemmas each kept event was told with
    for c in ctx.candidates:
        options = [k for k in reversed(kept) if compatible(k, c)]
        if not options:
            if not c.weak:
                kept.append(c)
                words[id(c)] = {_lemma(c)}
            continue
        # A bare re-mention ("the attack") is the latest event told with the same word, else the latest
        # one whose sides are known ("Договорённости приветствовали ...": the agreement the article is about).
        same = [k for k in options if _lemma(c) in words[id(k)]] if not c.participants else []
        named = [k for k in options if k.participants] if not c.participants else []
        first = (same or named or options)[0]
        words[id(first)].add(_lemma(c))
        fold(c, first)
    ctx.candidates = kept
    ctx.folded = [c for c in every if c.folded_into is not None]


PASS = Pass("event_coref", reads=("candidates", "source", "target"), writes=("candidates", "folded"),
            run=run)
