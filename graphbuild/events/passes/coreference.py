"""Pass ``coreference``: third-person pronouns and empty subjects stand for an earlier actor.

A pronoun (he/she/it/they, он/она/они, ол/олар and their case forms, as the lexicon's
``pronouns`` table classes them: Person, Other or Any) becomes an argument anchored on the
pronoun, standing for the latest earlier subject of a fitting kind.  In languages that drop
subjects (``pro_drop``), a finite verb with no subject gets the latest earlier subject as its
implicit one.  Subjects are preferred to other mentions because news prose keeps its topic in
subject position.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from functools import partial

from graphbuild.events.arguments import Arg
from graphbuild.events.context import DocContext, SentenceContext
from graphbuild.events.lexicon import Lexicon
from graphbuild.events.passes import Pass
from graphbuild.events.passes.arguments import slot_of, subject_of
from graphbuild.language.base import Token
from graphbuild.language.tree import Tree, base

# A pronoun looks this many sentences back for its antecedent.
REACH = 3


def _pronoun_class(word: str, lemma: str, table: dict[str, str]) -> str | None:
    return table.get(word.lower()) or table.get(lemma.lower())


def _fits(arg: Arg, want: str) -> bool:
    if want == "Person":
        return arg.kind == "Person"
    if want == "Other":
        return arg.kind != "Person"
    return True


def _subjects(sc: SentenceContext) -> list[Arg]:
    """The sentence's actors in subject position, in text order (its topics)."""
    tree = sc.tree
    return [a for a in sorted(sc.args, key=lambda a: a.i)
            if a.active and a.actor and base(tree.rel(_phrase_of(tree, a.head))) == "nsubj"]


def _phrase_of(tree: Tree, k: int) -> int:
    """The noun a name explains or is coordinated with ("Пресс-секретарь ... Дмитрий Песков")."""
    while base(tree.rel(k)) in ("conj", "appos", "flat") and tree.head(k) is not None:
        k = tree.head(k)  # type: ignore[assignment]
    return k


def _pick(history: list[list[Arg]], want: str, accept: Callable[[Arg], bool] = lambda a: True) -> Arg | None:
    """The latest subject of the last ``REACH`` sentences that fits ``want`` and ``accept``."""
    for subjects in reversed(history[-REACH:]):
        for a in reversed(subjects):
            if _fits(a, want) and accept(a):
                return a
    return None


def _agrees(word: Token, sc: SentenceContext, antecedent: Arg, ctx: DocContext) -> bool:
    """A verb or pronoun marked plural takes no singular antecedent (and the other way round); a
    pronoun marked for gender takes no antecedent of another ("его" is not "Россия")."""
    number = word.feats.get("Number")
    if word.feats.get("Person") not in (None, "3"):
        return number is None
    home = next((s for s in ctx.sentences if antecedent in s.args), None)
    head = home.tokens[antecedent.head] if home is not None and 0 <= antecedent.head < len(home.tokens) else None
    if head is None:
        return True
    for feat in ("Number", "Gender"):
        mine, theirs = word.feats.get(feat), head.feats.get(feat)
        if feat == "Gender" and word.pos != "PRON":
            continue  # past-tense verbs agree in gender with their subject, but names' gender is unreliable
        if mine and theirs and mine not in theirs.split(",") and theirs not in mine.split(","):
            return False
    return True


def _located_speaker(sc: SentenceContext, k: int, lex: Lexicon) -> Arg | None:
    """"В КНДР эти обвинения отвергали": with no subject, the country or body the act is located in
    acts (the indefinite "they" of an institution)."""
    if sc.tokens[k].feats.get("Number") != "Plur":
        return None
    for d in sc.tree.deps(k, "obl"):
        a = sc.arg_at(d)
        if a is not None and a.kind in ("Country", "Organization") and slot_of(sc.tree, d, lex) in ("place", "to"):
            return a
    return None


def run(ctx: DocContext) -> None:
    table: dict[str, str] = {k: v for k, v in ctx.lex.raw.get("pronouns", {}).items() if " " not in k}
    pro_drop = bool(ctx.lex.raw.get("pro_drop"))
    history: list[list[Arg]] = []
    for sc in ctx.sentences:
        tree = sc.tree
        new: list[Arg] = []
        for k, t in enumerate(sc.tokens):
            if t.pos != "PRON" or sc.arg_at(k) is not None:
                continue
            want = _pronoun_class(t.text, t.lemma or t.text, table)
            if want is None:
                continue
            # A pronoun of the sentence's own earlier subject ("Russia said it ...") comes first; an
            # object pronoun is never its own clause's subject ("призвал его": not the caller).
            own = [a for a in _subjects(sc) if a.i < k]
            antecedent = _pick([*history, own], want, partial(_agrees, t, sc, ctx=ctx))
            if base(t.deprel) in ("obj", "iobj", "obl") and tree.head(k) is not None:
                clause_subjects = {a.actor for a in subject_of(sc, tree.head(k), ctx.lex)}  # type: ignore[arg-type]
                if antecedent is None or antecedent.actor in clause_subjects:
                    before = [p for p in ctx.sentences if p.index < sc.index][-REACH:]
                    pool = [a for p in before for a in sorted(p.args, key=lambda a: a.i)] + \
                        [a for a in sorted(sc.args, key=lambda a: a.i) if a.i < k]
                    antecedent = next((a for a in reversed(pool) if a.active and a.actor
                                       and a.actor not in clause_subjects and _fits(a, want)
                                       and _agrees(t, sc, a, ctx)), None)
            if antecedent is not None:
                new.append(dataclasses.replace(antecedent, i=k, j=k + 1, case=t.case, head=k, prep=None))
        sc.args.extend(new)
        if pro_drop and tree.parsed:
            own_subjects = _subjects(sc)
            for k, t in enumerate(sc.tokens):
                if t.pos != "VERB" or t.feats.get("VerbForm") not in (None, "Fin") or tree.deps(k, "nsubj", "csubj"):
                    continue
                if base(tree.rel(k)) not in ("root", "parataxis"):
                    continue  # complements, converbs and conjuncts share their governor's subject
                antecedent = _pick([*history, [a for a in own_subjects if a.i < k]], "Any")
                if antecedent is not None and not _agrees(t, sc, antecedent, ctx):
                    antecedent = None
                if antecedent is None:
                    antecedent = _located_speaker(sc, k, ctx.lex)
                if antecedent is not None:
                    sc.implicit_subjects[k] = antecedent
        history.append(_subjects(sc) or [a for a in new])


PASS = Pass("coreference", reads=("args",), writes=("args", "implicit_subjects"), run=run)
