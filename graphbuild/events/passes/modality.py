"""Pass ``modality``: negation, plans and hearsay, each scoped by the tree.

- negated: the trigger (or the light verb carrying a noun trigger) has negative polarity in its
  morphology, or a negator among its own dependents ("did not visit", "не поставляла", "барған
  жоқ"); a governor that means failure or refusal ("refused to meet") negates what it governs;
- planned: a governor up the clause chain means intent ("plans to visit", "намерена поставить",
  "баруды жоспарлап отыр", "negotiating to buy"), or the verb is future (Tense=Fut, a future
  auxiliary, the language's future forms);
  a phrase marked as background ("after talks", "после переговоров") is told as done, not aimed at;
- hearsay: a dependent such as "reportedly", "якобы";
- readiness: an act one says one is ready or willing to do ("ready to hold consultations with X",
  "готова к переговорам") is told as an offer to X (a hostile act: a threat), made now, not as the
  planned act itself (common.json readiness_types).
"""

from __future__ import annotations

import dataclasses

from graphbuild.events.context import Candidate, DocContext
from graphbuild.events.lexicon import Lexicon, TriggerEntry, common, matches_any, word_patterns
from graphbuild.events.passes import Pass
from graphbuild.language.tree import base

# How far up the clause chain a planning word still scopes over a trigger.
PLAN_REACH = 3
_AIMS = ("xcomp", "advcl", "ccomp", "acl", "obl", "nmod")
_CLAUSAL = ("xcomp", "ccomp", "advcl", "obj", "obl", "nmod", "acl", "csubj", "nsubj")


def _carriers(c: Candidate, lex: Lexicon) -> list[int]:
    """The trigger's head word, and the light verb above a noun trigger ("did not impose sanctions")."""
    tree = c.sent.tree
    out = [c.head]
    gov = tree.head(c.head)
    if gov is not None and tree.tokens[c.head].pos == "NOUN" and base(tree.rel(c.head)) in ("obj", "nsubj") \
            and matches_any(tree.tokens[gov], word_patterns(lex, "light_verbs")):
        out.append(gov)
    return out


def _has_negation(k: int, c: Candidate, lex: Lexicon) -> bool:
    tree = c.sent.tree
    negators = word_patterns(lex, "negation_before", "negation_after")
    if tree.tokens[k].feats.get("Polarity") == "Neg" and not (k in c.indices and c.entry.negative_lemma):
        return True
    return any(matches_any(tree.tokens[d], negators) for d in tree.deps(k, "advmod", "aux", "det", "cop", "part"))


def _plan_governor(c: Candidate, lex: Lexicon, governors: dict[int, Candidate]) -> int | None:
    """The word up the clause chain that makes the act an intention ("plans to", "намерена")."""
    tree = c.sent.tree
    planning = lex.planned_before + lex.planned_after
    background = {w.lower() for w in lex.raw.get("background_markers", [])}
    k = c.head
    for _ in range(PLAN_REACH):
        h = tree.head(k)
        if h is None or base(tree.rel(k)) not in _CLAUSAL:
            return None
        # "agreed to a ceasefire after talks in Doha": what came before is no aim of the agreement.
        marks = tree.markers(k)
        word = tree.tokens[k]
        # the marker alone ("после") or with its noun ("по итогам переговоров": по + итог)
        if background.intersection(marks) or background.intersection(
                f"{m} {w}".lower() for m in marks for w in (word.lemma or word.text, word.text)):
            return None
        gov = governors.get(h)
        # "negotiating to buy", "promised deliveries": a governing act makes what it governs an aim;
        # "signed the agreement" is the signing itself.
        aims = gov is not None and (gov.entry.governs_planned or gov.type in common().aim_types)
        aim = aims and (base(tree.rel(k)) in _AIMS or (base(tree.rel(k)) == "obj" and gov.type != c.type))
        if aim or matches_any(tree.tokens[h], planning):
            return h
        k = h
    return None


def negated(c: Candidate, lex: Lexicon, governors: dict[int, Candidate]) -> bool:
    """The act is said not to happen: its own negation, or a negated intention ("не намерена выводить")."""
    if any(_has_negation(k, c, lex) for k in _carriers(c, lex) + list(c.indices)):
        return True
    plan = _plan_governor(c, lex, governors)
    return plan is not None and _has_negation(plan, c, lex)


def planned(c: Candidate, lex: Lexicon, governors: dict[int, Candidate]) -> str | None:
    tree = c.sent.tree
    if _plan_governor(c, lex, governors) is not None:
        return "intent"
    future = word_patterns(lex, "future_before")
    for k in _carriers(c, lex):
        t = tree.tokens[k]
        if t.feats.get("Tense") == "Fut" or any(matches_any(tree.tokens[d], future) for d in tree.deps(k, "aux")):
            return "future"
        for form in lex.raw.get("future_forms", []):
            if all(t.feats.get(f) == v for f, v in form.items()):
                return "future"
    return None


def offered_entry(c: Candidate, lex: Lexicon, governors: dict[int, Candidate]) -> TriggerEntry | None:
    """What saying one is ready to do the act is, when a readiness word governs it ("ready to meet")."""
    said = common().readiness_types.get(c.type)
    plan = _plan_governor(c, lex, governors) if said else None
    tree = c.sent.tree
    # the readiness word must govern the act itself, or the light verb carrying it ("ready to hold
    # talks"); "ready to mediate in talks between X and Y" offers mediation, not the talks
    if plan is None or plan not in {tree.head(k) for k in _carriers(c, lex)} \
            or not matches_any(tree.tokens[plan], word_patterns(lex, "readiness_words")):
        return None
    return dataclasses.replace(c.entry, pattern=f"<readiness: {c.entry.pattern}>", type=said,
                               cameo=common().readiness_cameo.get(said, c.entry.cameo), need=None, otherwise=None,
                               governs_planned=False)


def refused(c: Candidate, governors: dict[int, Candidate]) -> bool:
    h = c.sent.tree.head(c.head)
    gov = governors.get(h) if h is not None else None
    return gov is not None and gov.entry.governs_negated


def hypothetical(c: Candidate, lex: Lexicon) -> bool:
    """The trigger's clause is a condition ("if X violates", "если нарушит", "егер бұзса")."""
    tree = c.sent.tree
    words = {w.lower() for w in lex.raw.get("conditionals", [])}
    for k in [c.head, *tree.ancestors(c.head)]:
        if any(m in words for m in tree.markers(k)):
            return True
        if base(tree.rel(k)) in ("advcl", "ccomp", "parataxis", "root", "acl"):
            return False  # the clause ends here without a condition
    return False


def run(ctx: DocContext) -> None:
    hearsay_words = word_patterns(ctx.lex, "hearsay_before")
    by_sentence: dict[int, dict[int, Candidate]] = {}
    for g in ctx.candidates:
        by_sentence.setdefault(g.sent.index, {}).update(dict.fromkeys(g.indices, g))
    for c in ctx.candidates:
        # Trigger words of the sentence; those looked up are ancestors of c's head, never c's own.
        governors = by_sentence[c.sent.index]
        c.negated = negated(c, ctx.lex, governors) or refused(c, governors)
        offer = None if c.negated or c.weak else offered_entry(c, ctx.lex, governors)
        if offer is not None:
            c.entry = offer  # the offer (or threat) is made as it is said
        c.planned_by = None if c.negated or offer is not None else planned(c, ctx.lex, governors)
        c.planned = c.planned_by is not None
        c.hypothetical = hypothetical(c, ctx.lex)
        tree = c.sent.tree
        gov = tree.head(c.head)
        c.hearsay = any(matches_any(tree.tokens[d], hearsay_words) for k in _carriers(c, ctx.lex)
                        for d in tree.deps(k, "advmod", "aux")) or (
            gov is not None and base(tree.rel(c.head)) == "xcomp" and matches_any(tree.tokens[gov], hearsay_words))


PASS = Pass("modality", reads=("candidates", "lex"), writes=("negated", "planned", "hearsay", "hypothetical", "type"),
            run=run)
