"""Pass ``readiness``: an act one says one is ready or willing to do is an offer or a threat.

"ready to hold consultations with Poland's defence ministry", "готова к переговорам с X", "ready to
strike back": saying so is an OFFER to the act's other side (a cooperative act, CAMEO 03 "express
intent to cooperate") or a THREATEN (a hostile act), made when said; it is not the act planned.  A
delivery one is ready to make is also told as the planned delivery, as a pledged one is ("ready to
increase gas supplies": an OFFER and a planned SUPPLY), and so is a pledge or offer of things ("pledged
air defence systems for Ukraine": the OFFER and the planned SUPPLY).  Which act is which is data:
common.json ``readiness_types`` and ``readiness_keeps_act``; the words are each lexicon's
``readiness_words``.  It runs before the speakers pass, which then takes the speaker of the offer as
its maker, as for any act done by saying it.
"""

from __future__ import annotations

import dataclasses

from graphbuild.events.context import Candidate, DocContext
from graphbuild.events.lexicon import Lexicon, TriggerEntry, common, matches_any, word_patterns
from graphbuild.events.passes import Pass
from graphbuild.events.passes.modality import carriers, governors_by_sentence, negated, plan_governor


def _told_as(entry: TriggerEntry, why: str, etype: str, cameo: str, **more: bool) -> TriggerEntry:
    """The trigger's entry read as another type of act (an offer, a threat, a delivery)."""
    return dataclasses.replace(entry, pattern=f"<{why}: {entry.pattern}>", type=etype, cameo=cameo, need=None,
                               otherwise=None, **more)


def offered_entry(c: Candidate, lex: Lexicon, governors: dict[int, Candidate]) -> TriggerEntry | None:
    """What saying one is ready to do the act is, when a readiness word governs it ("ready to meet")."""
    said = common().readiness_types.get(c.type)
    plan = plan_governor(c, lex, governors) if said and not c.weak else None
    tree = c.sent.tree
    # the readiness word must govern the act itself, or the light verb carrying it ("ready to hold
    # talks"); "ready to mediate in talks between X and Y" offers mediation, not the talks
    if plan is None or plan not in {tree.head(k) for k in carriers(c, lex)} \
            or not matches_any(tree.tokens[plan], word_patterns(lex, "readiness_words")) \
            or negated(c, lex, governors):
        return None
    return _told_as(c.entry, "readiness", said, common().readiness_cameo.get(said, c.entry.cameo),
                    governs_planned=False)


def pledged_supply(c: Candidate) -> Candidate | None:
    """The planned delivery an offer of things tells ("pledged more air defence systems for Ukraine")."""
    if c.type != "OFFER" or c.offered or c.weak or c.object is None or not c.source:
        return None
    entry = _told_as(c.entry, "pledged", "SUPPLY", common().object_cameo.get(c.object, "070"))
    return c.copy(entry=entry, planned_by="intent")


def run(ctx: DocContext) -> None:
    by_sentence = governors_by_sentence(ctx.candidates)
    kept: list[Candidate] = []
    for c in ctx.candidates:
        kept.append(c)
        supply = pledged_supply(c)
        if supply is not None:
            kept.append(supply)
            continue
        offer = offered_entry(c, ctx.lex, by_sentence[c.sent.index])
        if offer is None:
            continue
        if c.type in common().readiness_keeps_act:
            kept.append(c.copy(entry=offer, offered=True))
        else:
            c.entry, c.offered = offer, True
    ctx.candidates = kept


PASS = Pass("readiness", reads=("candidates", "source", "target", "object", "lex"),
            writes=("type", "offered", "planned"), run=run)
