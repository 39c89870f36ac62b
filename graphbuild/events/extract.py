"""The event stage: sentences and linked mentions of one document in, events and roles out.

Per sentence: role appositions absorb their country/organisation, triggers are found by lemma,
reporting cues find their speaker, each trigger takes the mentions of its clause window by slot
(case, preposition, word order) and, for slots its window lacks, the arguments of the nearest
neighbouring trigger (Kazakh converb chains, "negotiating with X to buy", "denied supplying").
Then modality, denials and accusations are linked, and the events get canonical ids.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from graphbuild.events.arguments import (
    Arg,
    Slots,
    apposition_tokens,
    coordinated_with,
    find_objects,
    has_word,
    is_passive,
    mark_relative_clauses,
    place_mentions,
    slot_of,
)
from graphbuild.events.attribution import claim_multiword_cues, find_reports, pronoun_speaks
from graphbuild.events.dates import resolve_date
from graphbuild.events.lexicon import Lexicon, common, find_matches, load_lexicon
from graphbuild.events.modality import is_negated, planned_reason
from graphbuild.events.roles import find_roles
from graphbuild.events.triggers import Trigger, find_triggers
from graphbuild.graph.knowledge_graph import canonical_event_id
from graphbuild.ids import evidence_id
from graphbuild.language.base import Sentence, Token
from graphbuild.model import EVENT_TYPES, Document, Event, Evidence, Mention, Role

_MODE_RANK = {"asserted": 0, "reported": 1, "planned": 2, "negated": 3, "denied": 4}
_SPEECH_ACTS = ("DENY", "ACCUSE")
# Acts done by saying them: a speaker's own threat, demand, offer or refusal is not a report of it.
_SAID_ACTS = ("DENY", "ACCUSE", "THREATEN", "REQUEST", "OFFER", "REJECT", "SUPPORT")


@dataclass
class ExtractionResult:
    events: list[Event] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


@dataclass
class _Draft:
    trig: Trigger
    sentence: Sentence
    tokens: list[Token]
    lo: int
    hi: int
    slots: Slots
    speakers: list[str]
    date: tuple[str | None, str | None]
    object: str | None = None
    negated: bool = False
    planned: bool = False
    planned_by: str | None = None  # "intent" or "future"
    denied: bool = False
    source: list[str] = field(default_factory=list)
    target: list[str] = field(default_factory=list)
    place: str | None = None
    reported_by: list[str] = field(default_factory=list)
    about: _Draft | None = None
    folded_into: _Draft | None = None  # a partial retelling of an earlier event of the document
    event: Event | None = None

    @property
    def type(self) -> str:
        return self.trig.type

    @property
    def nominal(self) -> bool:
        """A one-word noun trigger (визит, proposal, сапары): its possessor is its actor."""
        return _is_nominal(self.trig, self.tokens)

    @property
    def participants(self) -> set[str]:
        return set(self.source) | set(self.target)


def _window(trig: Trigger, stops: list[int], n: int, lex: Lexicon, soft: set[int] | None = None) -> tuple[int, int]:
    """Token window of a trigger's arguments.  In SOV clauses a finite verb reaches back over the
    embedded triggers (``soft``) before it: "Пхеньянды ... келіссөздерді тоқтатуға шақырды"."""
    own = set(trig.indices)
    lo = max([b + 1 for b in stops if b < trig.start and b not in own and b not in (soft or set())], default=0)
    if lex.order == "SOV":
        return lo, trig.start
    hi = min([b for b in stops if b >= trig.end and b not in own], default=n)
    return lo, hi




_LEFT_SLOTS = ("subj", "poss", "place")  # what an SVO clause may put before its verb


def _fill_slots(trig: Trigger, tokens: list[Token], args: list[Arg], lo: int, hi: int, lex: Lexicon,
                after_trigger: bool, skip: set[int]) -> Slots:
    """Slots of ``trig`` from the mentions of its window; ``after_trigger``: the window opens right
    after another trigger (whose objects the mentions there are, unless a clause break intervenes)."""
    slots = Slots()
    inside = [a for a in args if a.active and lo <= a.i and a.j <= hi and not (trig.start <= a.i < trig.end)
              and (a.clause is None or a.clause[0] < trig.start < a.clause[1])]
    breaks = set(lex.raw.get("clause_breaks", []))
    genitive_left: list[Arg] = []
    for arg in inside:
        slot = slot_of(arg, trig, tokens, lex)
        if lex.order == "SVO" and arg.j <= trig.start:
            if slot == "none" and arg.prep is None:
                genitive_left.append(arg)
            if slot not in _LEFT_SLOTS:
                continue
            if slot == "subj" and after_trigger and not any(t.text.lower() in breaks for t in tokens[lo:arg.i]):
                continue
        slots.add(slot, arg)
    if "subj" not in slots.by_slot and genitive_left and not after_trigger and lex.order == "SVO":
        slots.add("subj", genitive_left[-1])  # a surname the analyser took for a genitive ("Песков")
    if "subj" not in slots.by_slot and "subj_after" in slots.by_slot:
        slots.by_slot["subj"] = slots.by_slot.pop("subj_after")[:1]
    elif "subj_after" in slots.by_slot:
        for arg in slots.by_slot.pop("subj_after"):
            slots.add("obj", arg)
    objects = slots.get("obj")
    if len(objects) > 1 and lex.order == "SVO":
        # The first object and what is coordinated with it; later ones belong to later clauses.
        slots.by_slot["obj"] = coordinated_with(objects[0], objects, tokens, lex, skip=skip)
    subjects = slots.get("subj")
    if len(subjects) > 1:
        # One subject (the first in SOV, the nearest before the verb in SVO) and what is coordinated with it.
        head = subjects[0] if lex.order == "SOV" else subjects[-1]
        slots.by_slot["subj"] = coordinated_with(head, subjects, tokens, lex, skip=skip)
    if is_passive(trig, tokens, lex):
        slots.by_slot["obj"] = slots.get("obj") + slots.by_slot.pop("subj", [])
    elif not _is_nominal(trig, tokens):
        slots.by_slot.pop("by", None)  # an active verb's "by"/instrumental is a means, not the actor
    if _is_nominal(trig, tokens):
        symmetric = EVENT_TYPES[trig.type].symmetric  # "seeking to deepen a partnership": still theirs
        if lex.order == "SVO" and not symmetric and _object_of_other_verb(trig, tokens, lo, lex):
            slots.by_slot.pop("subj", None)  # "Peskov called the accusations baseless": not his act
    elif not trig.entry.denial:
        _possessors_as_objects(trig, slots, lex)
    return slots


def _object_of_other_verb(trig: Trigger, tokens: list[Token], lo: int, lex: Lexicon) -> bool:
    """A noun trigger whose nearest verb to the left is a content verb (not impose/hold/ввести/...)."""
    light = set(lex.raw.get("light_verbs", []))
    for t in reversed(tokens[lo:trig.start]):
        if t.pos in ("VERB", "AUX"):
            return (t.lemma or t.text).lower() not in light and t.pos == "VERB"
    return False


def _possessors_as_objects(trig: Trigger, slots: Slots, lex: Lexicon) -> None:
    """"backed Sweden's bid", "поддержала вступление Швеции", "Швецияның ... кіруін қолдады": the
    owner of a verb's object is what the act is aimed at."""
    subjects = slots.get("subj")
    owners = []
    for arg in slots.get("poss"):
        after_verb = arg.i >= trig.end
        after_subject = lex.order == "SOV" and any(s.j <= arg.i for s in subjects)
        if after_verb or after_subject:
            owners.append(arg)
    if owners:
        slots.by_slot["poss"] = [a for a in slots.get("poss") if a not in owners]
        slots.by_slot["obj"] = slots.get("obj") + owners


def _window_slots(trig: Trigger, tokens: list[Token], args: list[Arg], stops: list[int],
                  lex: Lexicon, trigger_tokens: set[int], skip: set[int]) -> tuple[Slots, int, int, int]:
    """The trigger's slots, its window [lo, hi) and where the search for its object ends."""
    soft = None
    if lex.order == "SOV" and not _embedded(trig, tokens):
        soft = {k for k in trigger_tokens if k < trig.start and _embedded_at(k, tokens)}
    lo, hi = _window(trig, stops, len(tokens), lex, soft)
    obj_hi = trig.end if lex.order == "SOV" else max(hi, trig.end)
    after_trigger = lo > 0 and (lo - 1) in trigger_tokens
    return _fill_slots(trig, tokens, args, lo, hi, lex, after_trigger, skip), lo, hi, obj_hi


def _need_met(trig: Trigger, tokens: list[Token], args: list[Arg], stops: list[int], lex: Lexicon,
              trigger_tokens: set[int], skip: set[int]) -> bool:
    need = trig.entry.need
    if not need:
        return True
    slots, lo, _, hi = _window_slots(trig, tokens, args, stops, lex, trigger_tokens, skip)
    for option in need.split("_or_"):
        if option == "object" and find_objects(tokens, lo, hi, lex.objects):
            return True
        if option == "missile" and has_word(tokens, 0, len(tokens), lex.missile_words):
            return True
        if slots.get(option):
            return True
    return False


def _shares_subject(governor: _Draft, d: _Draft, lex: Lexicon) -> bool:
    """SVO: "negotiating with Iran to buy", "denied supplying", "arrived ... and held talks" share
    the subject; a trigger after a comma or far away does not."""
    if governor.trig.start > d.trig.start:
        return False
    between = d.tokens[governor.trig.end:d.trig.start]
    if len(between) > 8 or any(not any(ch.isalnum() for ch in t.text) and t.text not in "-'’" for t in between):
        return False
    coordinators = {w for w in lex.raw.get("coordinators", []) if any(ch.isalpha() for ch in w)}
    head = d.tokens[d.trig.head]
    nonfinite = d.nominal or head.feats.get("VerbForm") in ("Inf", "Ger", "Part") or any(
        t.text.lower() == "to" for t in between[-1:])
    return nonfinite or any(t.text.lower() in coordinators for t in between)


def _inherit(drafts: list[_Draft], lex: Lexicon) -> None:
    """Fill a missing subject (and partner) from the nearest trigger that has one of its own."""
    for d in drafts:
        wanted = ["subj"]
        if EVENT_TYPES[d.type].symmetric or d.trig.entry.invert:
            wanted.append("with")
        if d.trig.entry.governs_planned and not EVENT_TYPES[d.type].symmetric and not d.slots.get("obj"):
            wanted.append("to")  # "offered to sell drones to Russia": the addressee of the offer
        if d.object is None and d.type in common().object_types:
            near = [o for o in drafts if o is not d and o.object]
            if near:
                d.object = min(near, key=lambda o: abs(o.trig.start - d.trig.start)).object
        for slot in wanted:
            if d.slots.get(slot):
                continue
            candidates = []
            for other in drafts:
                if other is d or other.trig.entry.violation:
                    continue
                if lex.order == "SVO" and slot == "subj" and not _shares_subject(other, d, lex):
                    continue
                if other.type == "ACCUSE" and slot == "subj":
                    # "accused Russia of supplying": the accused did the act.
                    given = [a for a in other.slots.get("obj") if slot not in other.slots.inherited]
                else:
                    given = other.slots.get(slot) if slot not in other.slots.inherited else []
                    if not given and slot == "with" and other.trig.entry.invert:
                        given = other.slots.get("from")  # "сатып алу ... Пхеньяннан": the seller is the partner
                if given:
                    candidates.append((abs(other.trig.start - d.trig.start), other.trig.start > d.trig.start, given))
            if candidates:
                d.slots.by_slot[slot] = min(candidates, key=lambda c: (c[0], c[1]))[2]
                d.slots.inherited.add(slot)


def _assign_roles(d: _Draft) -> None:
    table = common()
    source: list[str] = []
    target: list[str] = []
    places: list[Arg] = []
    fallback_sources: list[str] = []
    by_slot = dict(d.slots.by_slot)
    if d.nominal:
        start, end = d.trig.start, d.trig.end
        owners = [a for a in by_slot.get("poss", []) if a.j == start or a.i == end or (a.prep and a.i == end + 1)]
        if owners:
            # "АҚШ-тың ұсынысы", "предложение США", "the visit of X": the owner acts, not the clause subject.
            by_slot.pop("subj", None)
            by_slot["poss"] = owners
            by_slot["subj"] = owners
    for slot, args in by_slot.items():
        if slot == "poss" and "subj" in by_slot and by_slot["subj"] is by_slot["poss"]:
            continue
        role = table.role_of(d.type, slot, d.trig.entry.invert)
        ids = [a.actor for a in args]
        if role == "place":
            places.extend(args)
        elif role == "target":
            target.extend(ids)
        elif (role == "source" and slot in ("subj", "by")) or (role == "source" and d.trig.entry.invert):
            source.extend(ids)
        elif role == "source":
            fallback_sources.extend(ids)  # from/poss: the source only when no subject is named
    if not source:
        source = fallback_sources
    if not source and any(a.kind == "Organization" for a in places):
        # "В Кремле опровергли", "Кремльде мәлімдеді": an institution is an actor, not a place.
        source = [a.actor for a in places if a.kind == "Organization"][:1]
        places = [a for a in places if a.kind != "Organization"]
    elif d.type in table.recipient_types and not target:
        # "поставки оружия России" after a named supplier: the possessor-looking noun is the recipient.
        target = [a.actor for a in d.slots.get("poss") if a.i >= d.trig.end and a.actor not in source]
    if places:
        d.place = places[0].actor
        if d.type in table.place_as_target and not target:
            target = [places[0].actor]
    d.source = list(dict.fromkeys(source))
    d.target = [t for t in dict.fromkeys(target) if t not in d.source or EVENT_TYPES[d.type].symmetric]


def _link_sentence(drafts: list[_Draft], lex: Lexicon) -> None:
    """Denials mark what they deny; accusations point at what they accuse."""
    for d in drafts:
        if d.trig.entry.denial and not d.negated:
            complement = _complement(d, drafts, lex)
            for c in complement:
                c.denied = True
                if not c.source:
                    c.source = list(d.source)
            d.about = complement[0] if complement else None
        elif d.type == "ACCUSE" and d.trig.entry.violation:
            others = [o for o in drafts if o is not d and o.type not in _SPEECH_ACTS]
            if others:
                d.about = min(others, key=lambda o: (o.trig.start > d.trig.start, abs(o.trig.start - d.trig.start)))
            if d.speakers:
                d.source = list(d.speakers)
            d.target = list(d.about.source) if d.about else []
        elif d.type == "ACCUSE":
            complement = _complement(d, drafts, lex)
            if complement and lex.order == "SOV" and not d.target:
                # "АҚШ Ресейді Украинаға шабуыл жасады деп айыптады": the accusative inside the
                # complement is the accused, and the doer of the accused act.
                accused = [a.actor for a in complement[0].slots.get("obj")][:1]
                if accused:
                    d.target = accused
                    complement[0].source = accused
                    complement[0].target = [t for t in complement[0].target if t not in accused]
            if complement:
                d.about = complement[0]
                for c in complement:
                    c.reported_by = list(dict.fromkeys(c.reported_by + d.source))


def _speaks_of_itself(d: _Draft, lex: Lexicon) -> bool:
    """Kazakh drops the subject pronoun; SVO languages need one ("it", "он") before the trigger."""
    if lex.order == "SOV":
        return True
    left = d.tokens[d.lo:d.trig.start]
    if lex.raw.get("pro_drop") and not d.slots.by_slot:
        return True  # "Эрдоган сообщил, что намерен обсудить ...": Russian drops the repeated subject
    return any(t.pos == "PRON" for t in left)


def _is_nominal(trig: Trigger, tokens: list[Token]) -> bool:
    """A one-word noun or (Kazakh) verbal-noun trigger (визит, proposal, айыптауды)."""
    head = tokens[trig.head]
    # Kazakh verbal nouns decline (they carry a case); English -ing forms stay verbs.
    verbal_noun = head.feats.get("VerbForm") in ("Ger", "Vnoun") and (bool(head.case) or head.pos != "VERB"
                                                                       or _cyrillic(head.text))
    return len(trig.indices) == 1 and (head.pos == "NOUN" or verbal_noun)


def _cyrillic(text: str) -> bool:
    return any("\u0400" <= ch <= "\u04ff" for ch in text)


def _embedded_at(k: int, tokens: list[Token]) -> bool:
    head = tokens[k]
    return head.pos == "NOUN" or head.feats.get("VerbForm") in ("Conv", "Inf", "Ger", "Vnoun")


def _embedded(trig: Trigger, tokens: list[Token]) -> bool:
    """A trigger inside a larger clause (noun, converb, infinitive): its own window stays narrow."""
    return _is_nominal(trig, tokens) or tokens[trig.head].feats.get("VerbForm") in ("Conv", "Inf", "Ger", "Vnoun")


def _drop_echoes(triggers: list[Trigger], tokens: list[Token]) -> list[Trigger]:
    """"прибыл ... с визитом", "arrived on a visit": a noun of the verb's own type is the same act."""
    dropped = set()
    for n in triggers:
        if not _is_nominal(n, tokens):
            continue
        for v in triggers:
            if v is not n and v.type == n.type and not _is_nominal(v, tokens) and abs(n.start - v.start) <= 7:
                dropped.add(id(n))
    return [t for t in triggers if id(t) not in dropped]


def _drop_denied_claims(triggers: list[Trigger], tokens: list[Token], lex: Lexicon) -> list[Trigger]:
    """"denied the accusations", "айыптауды теріске шығарды": the accusation noun is what is
    denied (an earlier event), not a new accusation."""
    dropped = set()
    for d in triggers:
        if not d.entry.denial:
            continue
        for n in triggers:
            if n.type != "ACCUSE" or n.entry.violation or not _is_nominal(n, tokens):
                continue
            gap = d.start - n.end if lex.order == "SOV" else n.start - d.end
            if 0 <= gap <= 2:
                dropped.add(id(n))
    return [t for t in triggers if id(t) not in dropped]


def _link_governed(drafts: list[_Draft], lex: Lexicon) -> None:
    """A verb event without a target takes the actor of the noun event it governs
    ("rejected the US proposal", "АҚШ-тың ұсынысынан бас тартты")."""
    for v in drafts:
        if v.target or v.nominal or v.type in _SPEECH_ACTS:
            continue
        for n in drafts:
            if n is v or not n.nominal or not n.source:
                continue
            gap = v.trig.start - n.trig.end if lex.order == "SOV" else n.trig.start - v.trig.end
            if 0 <= gap <= 2:
                owners = n.source + n.target if EVENT_TYPES[n.type].symmetric else n.source
                v.target = [a for a in dict.fromkeys(owners) if a not in v.source]
                break


def _complement(d: _Draft, drafts: list[_Draft], lex: Lexicon) -> list[_Draft]:
    """Events governed by a speech act: after it in SVO languages, before it in SOV ones, nearest first."""
    if lex.order == "SOV":
        found = [o for o in drafts if o.trig.start < d.trig.start and o.type not in _SPEECH_ACTS]
        return sorted(found, key=lambda o: -o.trig.start)
    found = [o for o in drafts if o.trig.start > d.trig.start and o.type not in _SPEECH_ACTS]
    return sorted(found, key=lambda o: o.trig.start)


def _link_across(drafts: list[_Draft]) -> None:
    """A denial of "the claims" with nothing to deny in its own sentence denies the latest earlier
    event its denier took part in, or what an earlier accusation against the denier was about."""
    for k, d in enumerate(drafts):
        if not (d.trig.entry.denial and d.about is None and d.source and not d.negated):
            continue
        denier = set(d.source)
        for prev in reversed(drafts[:k]):
            if prev.type == "ACCUSE" and denier & set(prev.target) and prev.about is not None:
                d.about = prev.about
                break
            # Only a claim can be denied: an event someone else reported, not one the outlet asserts.
            claimed = [r for r in prev.reported_by if r not in denier]
            if prev.type not in _SPEECH_ACTS and denier & prev.participants and claimed:
                d.about = prev
                break
        if d.about is not None:
            d.about.denied = True
    for k, d in enumerate(drafts):
        if not d.trig.entry.denial or d.about is None or d.target:
            continue
        accusers = [a for p in drafts[:k]
                    if p.type == "ACCUSE" and (p.about is d.about or set(d.source) & set(p.target))
                    for a in p.source]
        claimants = [r for p in [*drafts[:k], d.about] if p.type == d.about.type
                     and set(p.participants) & set(d.about.participants) for r in p.reported_by]
        d.target = [a for a in dict.fromkeys(accusers or claimants) if a not in d.source]


def _fold_partial_mentions(drafts: list[_Draft]) -> None:
    """"Shoigu's visit" after "Shoigu visited Pyongyang": a later telling that names fewer
    participants (and no other date or object) is the same event; it becomes extra evidence."""
    for k, d in enumerate(drafts):
        if d.about is not None or d.trig.entry.denial:
            continue
        for prev in drafts[:k]:
            if prev.type != d.type or prev.folded_into is not None or prev is d.about:
                continue
            same_roles = set(d.source) <= set(prev.source) and set(d.target) <= set(prev.target)
            if EVENT_TYPES[d.type].symmetric:
                same_roles = d.participants <= prev.participants
            smaller = (set(d.source), set(d.target)) != (set(prev.source), set(prev.target))
            if same_roles and smaller and d.participants and d.date[0] in (None, prev.date[0]) \
                    and d.object in (None, prev.object) and not (d.negated or d.denied):
                d.folded_into = prev
                break


def _mode(d: _Draft) -> str:
    if d.denied:
        return "denied"
    if d.negated:
        return "negated"
    if d.planned:
        return "planned"
    return "reported" if d.reported_by else "asserted"


def _confidence(d: _Draft) -> float:
    """Trigger strength x argument completeness, lowered when arguments were borrowed."""
    strength = d.trig.strength(d.tokens)
    filled = bool(d.source) + bool(d.target)
    completeness = (0.5, 0.75, 1.0)[filled]
    borrowed = 0.9 if d.slots.inherited else 1.0
    return round(strength * completeness * borrowed, 3)


def _quote(d: _Draft) -> str:
    s = d.sentence
    first, last = d.tokens[d.trig.start], d.tokens[d.trig.end - 1]
    return s.text[first.start - s.start:last.end - s.start]


def _evidence(d: _Draft, doc: Document) -> list[Evidence]:
    s = d.sentence
    return [Evidence(id=evidence_id(doc.id, s.start, s.end), document=doc.id, sentence=s.text,
                     start=s.start, end=s.end, quote=_quote(d), lang=doc.lang)]


def _build_event(d: _Draft, doc: Document, referenced: bool) -> Event | None:
    if not d.participants or (d.type == "DENY" and not d.source):
        return None
    if EVENT_TYPES[d.type].symmetric and len(d.participants) < 2:
        return None  # a meeting or talks with one known side tell nothing about relations
    if not d.source and not referenced and (d.nominal or not d.target):
        return None  # "attacks on government buildings": no actor named, nothing to link
    etype = EVENT_TYPES[d.type]
    table = common()
    cameo = d.trig.entry.cameo
    if d.type == "SUPPLY" and d.object:
        cameo = table.object_cameo.get(d.object, cameo)
    if _mode(d) == "planned" and d.planned_by == "intent":
        cameo = table.planned_cameo.get(d.type, cameo)  # CAMEO codes intentions as 03x, threats as 13x
    evidence = _evidence(d, doc)[0]
    event = Event(id="", type=d.type, cameo=cameo, plover=etype.plover, source=sorted(d.source),
                  target=sorted(d.target), mode=_mode(d), reported_by=sorted(set(d.reported_by)),
                  date=d.date[0], date_precision=d.date[1], place=d.place, object=d.object,
                  goldstein=table.goldstein.get(cameo, table.goldstein.get(cameo[:2] + "0")),
                  confidence=_confidence(d), documents=[doc.id], evidence=[evidence])
    event.id = canonical_event_id(event)
    return event


@dataclass
class _DocState:
    """What later sentences of a document may refer back to."""

    roles: list[Role] = field(default_factory=list)
    last_speakers: list[str] = field(default_factory=list)
    recent: list[Arg] = field(default_factory=list)  # subjects of earlier sentences, latest last
    last_date: tuple[str | None, str | None] | None = None  # the latest date of the current paragraph
    last_end: int | None = None  # where the sentence that gave it ended


def _known_holders(args: list[Arg], roles: list[Role]) -> None:
    """"Ақ үй өкілі" after "Ақ үй өкілі Джон Кирби": the office named again means its holder."""
    for arg in args:
        if arg.title is None:
            continue
        holders = [r.person for r in roles if r.role == arg.title and r.of == arg.mention.actor]
        if holders:
            arg.holder = holders[-1]


def _resolve_pronoun(d: _Draft, lex: Lexicon, recent: list[Arg]) -> None:
    """"He met Ramaphosa": a pronoun subject is the latest earlier subject of a fitting kind."""
    pronouns: dict[str, str] = lex.raw.get("pronouns", {})
    left = d.tokens[d.lo:d.trig.start]
    for t in reversed(left):
        want = pronouns.get(t.text.lower())
        if want is None:
            continue
        for arg in reversed(recent):
            fits = want == "Any" or (want == "Person") == (arg.kind == "Person")
            if fits:
                d.slots.by_slot["subj"] = [arg]
                d.slots.inherited.add("subj")
                return
        return


def _remember_date(state: _DocState, s: Sentence, doc: Document, date: tuple[str | None, str | None]) -> None:
    """Keep the paragraph's time; a new paragraph starts without one."""
    new_paragraph = state.last_end is None or "\n" in doc.text[state.last_end:s.start]
    if date[0] is not None:
        state.last_date = date
    elif new_paragraph:
        state.last_date = None
    state.last_end = s.end


def _sentence_drafts(doc: Document, s: Sentence, mentions: list[Mention], lex: Lexicon,
                     state: _DocState) -> list[_Draft]:
    tokens = s.tokens
    args = place_mentions(tokens, mentions, lex)
    _known_holders(args, state.roles)
    state.roles.extend(find_roles(tokens, args, lex, doc.id))
    # Words inside organisation names are no triggers ("Collective Security Treaty Organization").
    used: set[int] = {k for a in args if a.mention.kind in ("Organization", "Group") and a.title is None
                      for k in range(a.i, a.j)}
    triggers = find_triggers(tokens, lex, used)
    claimed = claim_multiword_cues(tokens, lex, used)
    complementizers = find_matches(tokens, lex.complementizers, used)
    trigger_starts = sorted(t.start for t in triggers)
    first_trigger = trigger_starts[0] if trigger_starts else None
    comp_idx = [k for m in complementizers for k in m.indices]
    reports = find_reports(tokens, args, lex, used, sorted(trigger_starts + comp_idx), first_trigger, claimed)
    speakers = list(dict.fromkeys(a.actor for r in reports for a in r.group))
    if not speakers and any(pronoun_speaks(r.cue, tokens, lex) for r in reports):
        speakers = list(state.last_speakers)  # "he added": the speaker of the previous report
    state.last_speakers = speakers or state.last_speakers
    own_date = resolve_date(s, doc.lang, doc.published)
    if not triggers:
        _remember_date(state, s, doc, own_date)
        return []
    report_idx = [k for r in reports for k in r.cue.indices]
    relatives = mark_relative_clauses(tokens, args, lex)
    stops = sorted({k for t in triggers for k in t.indices} | set(comp_idx) | set(report_idx) | set(relatives))
    date = own_date
    if date[0] is None and state.last_date is not None and state.last_end is not None \
            and "\n" not in doc.text[state.last_end:s.start]:
        date = state.last_date  # the paragraph's time still holds ("The strikes killed 11.")
    # Ambiguous trigger words whose required argument is missing are dropped, and the windows of
    # the others are recomputed without them.
    trigger_tokens = {k for t in triggers for k in t.indices}
    skip = apposition_tokens(tokens, args, lex)
    checked = [t for t in triggers if _need_met(t, tokens, args, stops, lex, trigger_tokens, skip)]
    checked = _drop_denied_claims(checked, tokens, lex)
    checked = _drop_echoes(checked, tokens)
    if len(checked) < len(triggers):
        dropped = {k for t in triggers if t not in checked for k in t.indices}
        stops = [k for k in stops if k not in dropped]
        trigger_tokens -= dropped
    drafts: list[_Draft] = []
    for trig in checked:
        slots, lo, hi, obj_hi = _window_slots(trig, tokens, args, stops, lex, trigger_tokens, skip)
        d = _Draft(trig, s, tokens, lo, hi, slots, speakers, date)
        if trig.type in common().object_types:
            d.object = find_objects(tokens, lo, obj_hi, lex.objects)
        drafts.append(d)
    kept = [d.trig for d in drafts]
    stop_set = set(stops)
    for d in drafts:
        own_stops = stop_set - set(d.trig.indices)
        d.negated = is_negated(d.trig, tokens, lex, own_stops)
        d.planned_by = planned_reason(d.trig, tokens, lex, kept, own_stops)
        d.planned = d.planned_by is not None
    if not speakers:
        for d in drafts:
            if not d.slots.get("subj"):
                _resolve_pronoun(d, lex, state.recent)
    _inherit(drafts, lex)
    for d in drafts:
        _assign_roles(d)
        if not d.source and speakers and d.type in _SPEECH_ACTS:
            d.source = list(speakers)  # "Солтүстік Корея ... айыптауларын теріске шығарып, ... мәлімдеген"
        if not d.source and speakers and d.type not in _SPEECH_ACTS and _speaks_of_itself(d, lex):
            d.source = list(speakers)  # "Iran said it does not supply drones": the speaker speaks of itself
            d.slots.inherited.add("subj")
        is_own_statement = d.type in _SPEECH_ACTS and set(d.source) & set(speakers)
        if speakers and not is_own_statement:
            d.reported_by = list(speakers)
    _link_governed(drafts, lex)
    _link_sentence(drafts, lex)
    for d in drafts:
        if d.type in _SAID_ACTS:
            # A speaker's own accusation or denial is the event itself, not a report of it.
            d.reported_by = [r for r in d.reported_by if r not in d.source]
    _remember_date(state, s, doc, date)
    subjects = [a for d in drafts if "subj" not in d.slots.inherited for a in d.slots.get("subj")]
    state.recent.extend(subjects + [a for r in reports for a in r.group])
    return drafts


def extract_events(doc: Document, sentences: list[Sentence], mentions: list[Mention]) -> ExtractionResult:
    """Events (with canonical ids, modes, attribution, dates, evidence), role facts and warnings."""
    result = ExtractionResult()
    try:
        lex = load_lexicon(doc.lang)
    except KeyError:
        result.warnings.append(f"no event lexicon for language {doc.lang!r}: no events extracted")
        return result
    drafts: list[_Draft] = []
    state = _DocState(roles=result.roles)
    ordered = sorted(mentions, key=lambda m: m.start)
    for s in sentences:
        if not s.tokens:
            continue
        inside = [m for m in ordered if s.start <= m.start and m.end <= s.end]
        drafts.extend(_sentence_drafts(doc, s, inside, lex, state))
    _link_across(drafts)
    _fold_partial_mentions(drafts)
    referenced = {id(d.about) for d in drafts if d.about is not None}
    for d in drafts:
        d.event = _build_event(d, doc, id(d) in referenced)
    merged: dict[str, Event] = {}
    for d in drafts:
        target = d.folded_into
        while target is not None and target.folded_into is not None:
            target = target.folded_into
        if target is not None and target.event is not None:
            seen = {e.id for e in target.event.evidence}
            target.event.evidence.extend(e for e in _evidence(d, doc) if e.id not in seen)
            d.event = None
        if d.event is None:
            continue
        if d.about is not None and d.about.event is not None:
            d.event.about = d.about.event.id
        known = merged.get(d.event.id)
        if known is None:
            merged[d.event.id] = d.event
            continue
        seen = {e.id for e in known.evidence}
        known.evidence.extend(e for e in d.event.evidence if e.id not in seen)
        known.reported_by = sorted(set(known.reported_by) | set(d.event.reported_by))
        if _MODE_RANK[d.event.mode] > _MODE_RANK[known.mode]:
            known.mode = d.event.mode
        known.about = known.about or d.event.about
        known.confidence = max(known.confidence, d.event.confidence)
    result.events = list(merged.values())
    unique_roles = {r.id: r for r in result.roles}
    result.roles = list(unique_roles.values())
    return result
