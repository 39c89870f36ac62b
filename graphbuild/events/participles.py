"""Kazakh attributive participles: "Астанаға сапармен келген Ердоған", "бейбітшілікке қатер төндіретін
арандатушылық".  A participle standing before a noun describes that noun, which is its subject: the
named actor right after it, or no actor at all (not the subject of the main clause)."""

from __future__ import annotations

from graphbuild.events.arguments import Arg
from graphbuild.events.draft import Draft
from graphbuild.events.lexicon import Lexicon

HEAD_WINDOW = 4  # "келген Түркия Президенті Режеп Тайып Ердоған": the title words before the name


def _attributive(d: Draft) -> bool:
    head = d.tokens[d.trig.head]
    if head.feats.get("VerbForm") != "Part" or head.case or head.feats.get("Person[psor]"):
        return False
    nxt = d.tokens[d.trig.end] if d.trig.end < len(d.tokens) else None
    return nxt is not None and nxt.pos in ("NOUN", "PROPN", "ADJ")


def subject_of_participle(d: Draft, args: list[Arg], lex: Lexicon) -> None:
    if lex.order != "SOV" or not lex.case_suffixes or not _attributive(d):
        return
    # The described noun takes its case from the main clause ("дрондар жеткізетін Иранға").
    after = [a for a in args if a.active and d.trig.end <= a.i <= d.trig.end + HEAD_WINDOW]
    own = [a for a in d.slots.get("subj") if "subj" not in d.slots.inherited]
    named_head = bool(after) and after[0].i == d.trig.end  # "... жеткізетін Иранға": Iran supplies
    if own and not named_head and not any(t.case == "Acc" for t in d.tokens[own[-1].j:d.trig.start]):
        # "Шойгу Пхеньянға барған сапарында": the relative clause names its own subject, the nominative
        # nearest the participle ("ХАМАС өкілдері АҚШ ұсынған жоспарды": the US proposed it).
        nominative = [a for a in args if a.active and d.lo <= a.i and a.j <= d.trig.start and a.prep is None
                      and a.case in (None, "Nom") and not a.owns_next]
        if nominative:
            nearest = max(nominative, key=lambda a: a.i)
            for slot, filled in d.slots.by_slot.items():
                d.slots.by_slot[slot] = [a for a in filled if a is not nearest]
            d.slots.by_slot["subj"] = [nearest]
        return
    d.slots.by_slot["subj"] = after[:1]
    d.slots.inherited.discard("subj")
    if not after:
        d.slots.by_slot.pop("subj")
        d.slots.blocked.add("subj")
