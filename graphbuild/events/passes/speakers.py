"""Pass ``speakers``: who, in this article, says each event happened (the one place that decides it).

A reporting verb's subject speaks (pronouns and dropped subjects resolved by coreference); what
it says is the subtree of its clausal complement (ccomp, xcomp, parataxis, the Kazakh "деп"
clause as advcl), or, when the reporting clause hangs from the clause it reports ("..., Kirby
said", "..., заявил Песков"), that clause without it.  "According to X" phrases ("по словам X",
"X мәліметінше") speak for the clause they modify.  A sentence opening with a backward cue ("Об
этом заявил X", "Бұл туралы X хабарлады") attributes the previous sentence.  A speech act whose
doer is the speaker is the event itself, not a report of it.
"""

from __future__ import annotations

from graphbuild.entities.actor_policy import news_outlets
from graphbuild.events.arguments import Arg
from graphbuild.events.context import Candidate, DocContext, SentenceContext
from graphbuild.events.coref.offices import speaking_for
from graphbuild.events.lexicon import common, find_matches, word_patterns
from graphbuild.events.passes import Pass
from graphbuild.events.passes.arguments import actors_at, subject_of
from graphbuild.language.tree import Tree, base

_CONTENT = ("ccomp", "xcomp", "parataxis", "advcl", "csubj")


def _content_of_verb(tree: Tree, r: int, trigger_heads: set[int]) -> set[int]:
    """The words a reporting verb ``r`` reports."""
    words: set[int] = set()
    for k in tree.children[r]:
        if base(tree.rel(k)) in _CONTENT or (base(tree.rel(k)) == "obj" and k in trigger_heads
                                               and tree.tokens[k].pos in ("VERB", "AUX")):
            words |= tree.subtree(k)
        elif base(tree.rel(k)) in ("obl", "obj"):
            # "said in a statement that ...": a clause the parse hung on the noun of the saying
            for c in tree.deps(k, "acl"):
                if tree.deps(c, "mark"):
                    words |= tree.subtree(c)
    h = tree.head(r)
    if h is not None and base(tree.rel(r)) in ("parataxis", "ccomp", "advcl") and not words:
        words = tree.subtree(h) - tree.subtree(r)  # "..., Kirby said": the clause it hangs from
    if h is not None and base(tree.rel(r)) == "acl" and not words:
        # "..., a spokesperson for the military said": the report hangs on its speaker noun, which
        # hangs from the clause it reports
        top = tree.head(h)
        if top is not None and base(tree.rel(h)) in ("parataxis", "appos", "conj", "obl", "nmod"):
            words = tree.subtree(top) - tree.subtree(h)
    return words


def _reports(ctx: DocContext, sc: SentenceContext, trigger_heads: set[int]) -> list[tuple[list[Arg], set[int]]]:
    tree = sc.tree
    found: list[tuple[list[Arg], set[int]]] = []
    for m in find_matches(sc.tokens, ctx.lex.reporting_verbs, set()):
        r = tree.phrase_head(m.indices)
        speakers = subject_of(sc, r, ctx.lex)
        if not speakers and base(tree.rel(r)) == "acl" and tree.head(r) is not None:
            speakers = actors_at(sc, tree.head(r), ctx.lex)  # type: ignore[arg-type]
        found.append((speakers, _content_of_verb(tree, r, trigger_heads)))
    cues = ctx.lex.speaker_before_cues + ctx.lex.speaker_after_cues
    for m in find_matches(sc.tokens, [p for p in cues if p.elements[0].text != ":"], set()):
        p = tree.phrase_head(m.indices)
        speakers = [a for k in tree.children[p] for a in actors_at(sc, k, ctx.lex)]
        h = tree.head(p)
        if not speakers and h is not None:  # "according to X": the cue is X's adposition
            speakers = actors_at(sc, h, ctx.lex)
            p, h = h, tree.head(h)
        if speakers and h is not None:
            found.append((speakers, tree.subtree(h) - tree.subtree(p)))
    return found


def _attribute(c: Candidate, speakers: list[str], ctx: DocContext) -> None:
    if c.type in common().said_acts and set(c.source) & set(speakers):
        return  # a speaker's own accusation, denial or demand is the event itself
    if c.type in common().said_acts and speaking_for(speakers, c.source, ctx.roles, ctx.kb,
                                                     c.date[0] or ctx.doc.published):
        # "Putin said Russia was ready to ...": the act is made by saying it, in the state's name.
        c.source = list(dict.fromkeys(c.source + speakers))
        return
    outlets = news_outlets()
    if not c.source and c.type in common().said_acts and not c.reported_by \
            and not any(s in outlets for s in speakers):
        # "..., деп мәлімдеді": the statement's own act (a news outlet only carries what others do)
        c.source = list(speakers)
        return
    for s in speakers:
        if s not in c.reported_by and s not in c.source:
            c.reported_by.append(s)


def run(ctx: DocContext) -> None:
    backward = word_patterns(ctx.lex, "backward_report_cues")
    previous: list[Candidate] = []
    for sc in ctx.sentences:
        here = [c for c in ctx.candidates if c.sent is sc]
        heads = {c.head for c in here}
        for speakers, content in _reports(ctx, sc, heads):
            ids = [a.actor for a in speakers]
            if not ids:
                continue
            for c in here:
                if c.head in content:
                    _attribute(c, ids, ctx)
            if backward and any(m.start == 0 for m in find_matches(sc.tokens[:3], backward, set())):
                for c in previous:
                    if not c.reported_by:
                        _attribute(c, ids, ctx)
        previous = here


PASS = Pass("speakers", reads=("candidates", "args", "implicit_subjects", "lex", "kb"),
            writes=("reported_by", "source"), run=run)
