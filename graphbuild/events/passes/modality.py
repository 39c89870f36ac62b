"""Pass ``modality``: negation, plans and hearsay, each scoped by the tree.

- negated: the trigger (or the light verb carrying a noun trigger) has negative polarity in its
  morphology, or a negator among its own dependents ("did not visit", "не поставляла", "барған
  жоқ"); a governor that means failure or refusal ("refused to meet") negates what it governs;
- planned: a governor up the clause chain means intent ("plans to visit", "намерена поставить",
  "баруды жоспарлап отыр", "negotiating to buy"), or the verb is future (Tense=Fut, a future
  auxiliary, the language's future forms);
  a phrase marked as background ("after talks", "после переговоров") is told as done, not aimed at;
- hearsay: a dependent such as "reportedly", "якобы".

An offer the readiness pass made ("ready to talks" told as an offer) is made as it is said: no plan.
"""

from __future__ import annotations

from graphbuild.events.context import Candidate, DocContext
from graphbuild.events.lexicon import Lexicon, common, matches_any, word_patterns
from graphbuild.events.passes import Pass
from graphbuild.language.base import Token
from graphbuild.language.tree import base

# How far up the clause chain a planning word still scopes over a trigger.
PLAN_REACH = 3
_AIMS = ("xcomp", "advcl", "ccomp", "acl", "obl", "nmod")
_CLAUSAL = ("xcomp", "ccomp", "advcl", "obj", "obl", "nmod", "acl", "csubj", "nsubj")


def carriers(c: Candidate, lex: Lexicon) -> list[int]:
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


def plan_governor(c: Candidate, lex: Lexicon, governors: dict[int, Candidate]) -> int | None:
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
    if any(_has_negation(k, c, lex) for k in carriers(c, lex) + list(c.indices)):
        return True
    plan = plan_governor(c, lex, governors)
    return plan is not None and _has_negation(plan, c, lex)


def planned(c: Candidate, lex: Lexicon, governors: dict[int, Candidate]) -> str | None:
    tree = c.sent.tree
    if plan_governor(c, lex, governors) is not None:
        return "intent"
    words = carriers(c, lex)
    gov = tree.head(c.head)
    if gov is not None and base(tree.rel(c.head)) in ("advcl", "xcomp") \
            and tree.tokens[c.head].feats.get("VerbForm") == "Inf":
        words.append(gov)  # "will travel to Beijing to sign a deal": the purpose is as future as the trip
    for k in words:
        if _future(tree.tokens[k], tree.deps(k, "aux"), c, lex):
            return "future"
    return None


def _future(t: Token, auxiliaries: list[int], c: Candidate, lex: Lexicon) -> bool:
    """A future verb: its tense, a future auxiliary, or one of the language's future forms."""
    future = word_patterns(lex, "future_before")
    if t.feats.get("Tense") == "Fut" or any(matches_any(c.sent.tree.tokens[d], future) for d in auxiliaries):
        return True
    return any(all(t.feats.get(f) == v for f, v in form.items()) for form in lex.raw.get("future_forms", []))


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


def governors_by_sentence(candidates: list[Candidate]) -> dict[int, dict[int, Candidate]]:
    """Sentence index -> trigger word -> its candidate: the acts that may govern another one."""
    by_sentence: dict[int, dict[int, Candidate]] = {}
    for g in candidates:
        by_sentence.setdefault(g.sent.index, {}).update(dict.fromkeys(g.indices, g))
    return by_sentence


def run(ctx: DocContext) -> None:
    hearsay_words = word_patterns(ctx.lex, "hearsay_before")
    by_sentence = governors_by_sentence(ctx.candidates)
    for c in ctx.candidates:
        # Trigger words of the sentence; those looked up are ancestors of c's head, never c's own.
        governors = by_sentence[c.sent.index]
        c.negated = negated(c, ctx.lex, governors) or refused(c, governors)
        # an offer made by saying one is ready is not planned; a pledged delivery already is (readiness pass)
        c.planned_by = None if c.negated or c.offered else planned(c, ctx.lex, governors) or c.planned_by
        c.planned = c.planned_by is not None
        c.hypothetical = hypothetical(c, ctx.lex)
        tree = c.sent.tree
        gov = tree.head(c.head)
        c.hearsay = any(matches_any(tree.tokens[d], hearsay_words) for k in carriers(c, ctx.lex)
                        for d in tree.deps(k, "advmod", "aux")) or (
            gov is not None and base(tree.rel(c.head)) == "xcomp" and matches_any(tree.tokens[gov], hearsay_words))


PASS = Pass("modality", reads=("candidates", "offered", "lex"),
            writes=("negated", "planned", "hearsay", "hypothetical"), run=run)
