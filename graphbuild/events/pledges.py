"""A delivery its own side announces it will make is a pledge, and a hostile act so announced a threat.

"Қытай Орталық Азия елдеріне ... тегін көмек беретінін жариялады" (Xi announced China will give aid) is the
OFFER of that aid to its recipients, made as it is said, besides the planned SUPPLY (docs/event-types.md,
OFFER: "a delivery one is ready to make is the OFFER and also a planned SUPPLY, as a pledged one is");
"Иран Израильге соққы беретінін мәлімдеді" is a THREATEN besides the planned ASSAULT.  Which act is told as
what is common.json ``readiness_types`` and ``readiness_keeps_act``; the tree stage reads readiness words
instead (passes/readiness.py).
"""

from __future__ import annotations

import dataclasses

from graphbuild.entities.kb import KnowledgeBase
from graphbuild.events.draft import Draft
from graphbuild.events.lexicon import common
from graphbuild.events.sides import states_of


def _tellers(d: Draft, kb: KnowledgeBase, on: str | None) -> list[str]:
    """Who tells the act, when every one of them is on the supplier's side (the supplier itself, its
    leader, its ministry); else nobody, as another's word about a delivery pledges nothing."""
    tellers = d.reported_by or d.speakers
    side = set(d.source) | states_of(d.source, kb, on)
    if not tellers or not all(t in side or states_of([t], kb, on) & side for t in tellers):
        return []
    return list(tellers)


def pledged_offers(drafts: list[Draft], kb: KnowledgeBase, on: str | None) -> list[Draft]:
    """The drafts with an OFFER after each future delivery its own side announces, and a THREATEN after each
    future hostile act (common.json ``readiness_types``: "Иран Израильге соққы беретінін мәлімдеді")."""
    table = common()
    out: list[Draft] = []
    for d in drafts:
        out.append(d)
        when = d.date[0] or on
        said = table.readiness_types.get(d.type)
        pledged = d.type in table.readiness_keeps_act or said == "THREATEN"
        if not said or not pledged or d.planned_by != "future" or not d.source or not d.target \
                or d.negated or d.denied or d.folded_into is not None:
            continue
        tellers = _tellers(d, kb, when)
        if not tellers:
            continue
        entry = dataclasses.replace(d.trig.entry, type=said, cameo=table.readiness_cameo.get(said, d.trig.entry.cameo),
                                    need=None, otherwise=None, governs_planned=False)
        offer = dataclasses.replace(d, trig=dataclasses.replace(d.trig, entry=entry), planned=False, planned_by=None,
                                    hearsay=False, reported_by=[], about=None, folded_into=None, event=None,
                                    source=list(dict.fromkeys(d.source + tellers)), target=list(d.target))
        out.append(offer)
    return out
