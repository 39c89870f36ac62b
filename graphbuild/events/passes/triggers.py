"""Pass ``triggers``: event words found by lemma in each sentence (one candidate per trigger).

Words inside organisation names are no triggers ("Collective Security Treaty Organization"), and
set phrases that name no event ("принять участие") block the words they contain.  Besides the
lexicon's words, one construction is read from the tree: a naming verb with an evaluative label
("назвал ложью заявления Вашингтона", "called the claims baseless", "арандатушылық деп атады") is
a denial when the label says false, an accusation when it says harmful.
"""

from __future__ import annotations

from graphbuild.events.context import Candidate, DocContext, SentenceContext
from graphbuild.events.lexicon import Lexicon, TriggerEntry, matches_any, word_patterns
from graphbuild.events.passes import Pass
from graphbuild.events.passes.dates import clause_date
from graphbuild.events.triggers import find_triggers
from graphbuild.language.tree import base

DENIAL = TriggerEntry("<naming verb + false label>", "DENY", "016", denial=True)
CONDEMNATION = TriggerEntry("<naming verb + harmful label>", "ACCUSE", "111")
# "(the Kremlin said) Western sanctions were illegal": a harmful label said of its subject accuses the
# subject, or the doer of the act it names; the accuser is whoever says it (speakers pass)
PREDICATED_HARM = TriggerEntry("<subject + copula + harmful label>", "ACCUSE", "111", violation=True,
                               roles=(("subj", "target"),))
# Where a label may hang from the naming verb: predicate complements, "as" phrases, converb clauses.
_LABEL_PATHS = ("xcomp", "obl", "advcl", "ccomp", "obj", "amod", "nmod", "acl")


def _labels(sc: SentenceContext, verb: int, lex: Lexicon) -> tuple[str, int] | None:
    """("false" or "harm", the label word) among the words the naming verb governs (two levels)."""
    tree = sc.tree
    false = word_patterns(lex, "false_labels")
    harm = word_patterns(lex, "harm_labels")
    near = [k for k in tree.children[verb] if base(tree.rel(k)) in _LABEL_PATHS]
    # a label's own dependents, labels coordinated with it ("extremely wrong and irresponsible") and
    # nouns it is compounded of ("an aggressor state")
    near += [g for k in near for g in tree.children[k] if base(tree.rel(g)) in (*_LABEL_PATHS, "conj", "compound")]
    for k in near:
        if matches_any(tree.tokens[k], false):
            return "false", k
        if matches_any(tree.tokens[k], harm):
            return "harm", k
    return None


def evaluations(sc: SentenceContext, lex: Lexicon, used: set[int]) -> list[Candidate]:
    naming = word_patterns(lex, "naming_verbs")
    found = []
    for k, t in enumerate(sc.tokens):
        if k in used or not matches_any(t, naming):
            continue
        label = _labels(sc, k, lex)
        if label is None or label[1] in used:
            continue
        entry = DENIAL if label[0] == "false" else CONDEMNATION
        found.append(Candidate(sc, tuple(sorted((k, label[1]))), entry, date=sc.date))
        used.update((k, label[1]))
    harm = word_patterns(lex, "harm_labels")
    tree = sc.tree
    for k, t in enumerate(sc.tokens):
        if k in used or not matches_any(t, harm):
            continue
        # the label is the predicate, or describes it ("Ukraine was a terrorist state")
        h = tree.head(k)
        predicate = h if h is not None and base(tree.rel(k)) in ("amod", "compound") else k
        if predicate not in used and tree.deps(predicate, "cop") and tree.deps(predicate, "nsubj"):
            found.append(Candidate(sc, tuple(sorted({k, predicate})), PREDICATED_HARM, date=sc.date))
            used.update((k, predicate))
    return found


def run(ctx: DocContext) -> None:
    for sc in ctx.sentences:
        used = {k for a in sc.args if a.mention.kind in ("Organization", "Group") and a.title is None
                for k in range(a.i, a.j)}
        # The construction first: "called it a provocation" is one act, not a noun event of its own.
        here = evaluations(sc, ctx.lex, used) if sc.tree.parsed else []
        here += [Candidate(sc, trig.indices, trig.entry, date=sc.date)
                 for trig in find_triggers(sc.tokens, ctx.lex, used)]
        for c in here:
            c.date = clause_date(c, ctx.lex.lang, ctx.doc.published)
        ctx.candidates.extend(sorted(here, key=lambda c: c.indices[0]))


PASS = Pass("triggers", reads=("args", "dates", "lex"), writes=("candidates",), run=run)
