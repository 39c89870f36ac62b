"""Pass ``links``: denials and accusations linked to the events they are about.

The event a DENY or ACCUSE is about is the candidate its complement governs ("denied supplying
arms", "accused Iran of supplying drones", "... бұзды деп айыптады").  A denial of "the
accusations" or "the reports" with nothing embedded is about the latest earlier claim against
the denier: an accusation aimed at it, or an event of it told on someone's word.  The denied
event becomes ``denied``; the denial's missing target is the accuser.  The accused act is told on
the accuser's word, and an accusation's missing target is the doer of that act.  An offer or a
demand someone rejects was made to them.
"""

from __future__ import annotations

from graphbuild.events.context import Candidate, DocContext
from graphbuild.events.lexicon import common, find_matches
from graphbuild.events.passes import Pass
from graphbuild.events.passes.event_coref import event_of, fold
from graphbuild.events.sides import states_of
from graphbuild.language.tree import base

# Acts that take a position on another act: their target is that act's doer.
_ABOUT_ACTS = ("SUPPORT", "REJECT")
# Acts proposed to someone: turned down, they were made to the one who refuses them.
PROPOSALS = ("OFFER", "REQUEST")
_COMPLEMENT = ("obj", "xcomp", "ccomp", "advcl", "obl", "nmod", "csubj", "acl")


def embedded(c: Candidate, others: list[Candidate]) -> Candidate | None:
    """The nearest candidate of the same sentence inside the complement of ``c``'s trigger (a
    re-mention stands for the event it re-mentions)."""
    tree = c.sent.tree
    best: tuple[int, Candidate] | None = None
    for o in others:
        if o is c or o.sent is not c.sent or o.type in ("DENY",):
            continue
        if o.head == c.head or not tree.dominates(c.head, o.head):
            continue
        k, depth = o.head, 0
        while tree.head(k) is not None and tree.head(k) != c.head:
            k = tree.head(k)  # type: ignore[assignment]
            depth += 1
        # "North Korea's sale ... would violate": a violation is about the act that is its subject
        if base(tree.rel(k)) not in _COMPLEMENT and not (c.entry.violation and base(tree.rel(k)) == "nsubj"):
            continue
        if best is None or depth < best[0]:
            best = (depth, o)
    return best[1] if best else None


def _object_noun(c: Candidate, inner: Candidate) -> bool:
    """"condemned the strike", "the measures were unjustified": the act is named as a known thing (the
    object or the subject of the trigger), not claimed by the one who condemns it."""
    tree = c.sent.tree
    return tree.head(inner.head) in c.indices and base(tree.rel(inner.head)) in ("obj", "nsubj") \
        and tree.nominal(inner.head)


def _claim_about(c: Candidate, earlier: list[Candidate], ctx: DocContext) -> Candidate | None:
    """The latest earlier claim against the denier (or the state the denier speaks for: "Kurti accused
    Belgrade ... Vucic rejected the accusation")."""
    denier = set(c.source) | states_of(c.source, ctx.kb, ctx.doc.published)
    for o in reversed(earlier):
        # an accusation of the denier, or one that named no accused ("В Баку назвали это убийством")
        if o.type == "ACCUSE" and (set(o.target) & denier or (not o.target and o.source
                                                               and not set(o.source) & denier)):
            return o
        if o.type not in ("DENY", "ACCUSE") and o.reported_by and set(o.participants) & denier:
            return o
    return None


def _told_before(inner: Candidate, candidates: list[Candidate]) -> Candidate | None:
    """An earlier candidate telling the same act ("accused of supplying ... denied supplying")."""
    for o in reversed(candidates[:candidates.index(inner)]):
        if o.type == inner.type and o.type not in ("DENY", "ACCUSE") and set(o.source) & set(inner.source) \
                and (not o.target or not inner.target or set(o.target) & set(inner.target)):
            return o
    return None


def run(ctx: DocContext) -> None:
    claims = ctx.lex.claim_words
    gone: set[int] = set()
    for n, c in enumerate(ctx.candidates):
        if c.type in _ABOUT_ACTS:
            local = embedded(c, ctx.candidates + ctx.folded)
            inner = event_of(local) if local is not None else None
            if c.type == "REJECT" and inner is not None and inner.type in PROPOSALS and not inner.target:
                # "Hamas rejected Israel's offer": a proposal turned down was made to the one refusing it
                inner.target = [a for a in c.source if a not in inner.source]
            if not c.target and inner is not None and inner is not c and inner.type not in _ABOUT_ACTS:
                # "welcomed the agreement", "rejected the proposal": aimed at the sides of that act
                c.target = [a for a in (inner.participants if inner.symmetric else inner.source)
                            if a not in c.source]
            continue
        if c.type in common().aim_types and not c.target:
            # "threatened to attack Israel", "offered to supply Kyiv": aimed where the intended act is;
            # "demanded that Takaichi withdraw her remarks": a demand is made to the one asked to act
            local = embedded(c, ctx.candidates + ctx.folded)
            if local is not None and local.sent is c.sent:
                asked = [a for a in local.source if a not in c.source] if c.type in PROPOSALS else []
                c.target = asked or [a for a in local.target if a not in c.source]
            continue
        if c.type not in ("DENY", "ACCUSE"):
            continue
        local = embedded(c, ctx.candidates + ctx.folded)
        inner = event_of(local) if local is not None else None
        if c.type == "ACCUSE":
            if inner is not None and inner.type != "ACCUSE":
                c.about = inner
                # "accused X of supplying", "said X had violated": the act is the accuser's claim;
                # "condemned the strike" takes the strike as known and leaves its telling alone.
                if local is not None and not _object_noun(c, local):
                    for s in c.source:
                        if s not in inner.reported_by and s not in inner.source:
                            inner.reported_by.append(s)
                if not c.target or c.entry.violation:
                    # the accused is the doer of the act (both sides of a joint one: "a deal between X
                    # and Y would violate"), never the one it is done to
                    doers = inner.participants if inner.symmetric else inner.source
                    c.target = [a for a in doers if a not in c.source]
            continue
        if inner is None:
            tokens = [c.sent.tokens[k] for k in sorted(c.sent.tree.subtree(c.head))]
            if find_matches(tokens, claims, set()):
                inner = _claim_about(c, ctx.candidates[:n], ctx)
        if inner is None:
            continue
        c.about = inner
        if inner.type == "ACCUSE":  # "denied the accusations": the denial answers the accuser
            c.target = c.target or [a for a in inner.source if a not in c.source]
            if not inner.target and inner.sent is not c.sent:  # an earlier one was aimed at the denier's side
                states = sorted(states_of(c.source, ctx.kb, ctx.doc.published))
                inner.target = [a for a in (states or c.source) if a not in inner.source]
            continue
        if not inner.source and c.source:
            inner.source = list(c.source)  # "Тегеран опроверг сообщения о поставках": its own supplies
        inner.negated = False  # "denied, saying it had supplied none": the negation is the denial's
        told = _told_before(inner, ctx.candidates)
        if told is not None:  # the denial answers the claim the article told before
            fold(inner, told)
            gone.add(id(inner))
            inner = c.about = told
        inner.denied = True
        if not c.target:
            accusers = [o.source for o in ctx.candidates if o.type == "ACCUSE" and o.about is inner]
            c.target = [a for a in (accusers[-1] if accusers else inner.reported_by) if a not in c.source]
    ctx.candidates = [c for c in ctx.candidates if id(c) not in gone]


PASS = Pass("links", reads=("candidates", "folded", "source", "target", "reported_by"), writes=("about", "denied"),
            run=run)
