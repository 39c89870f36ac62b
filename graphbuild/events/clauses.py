"""Clause windows and slots of triggers; arguments borrowed between triggers; slots to roles."""

from __future__ import annotations

from graphbuild.events.arguments import (
    Arg,
    Slots,
    coordinated_with,
    find_objects,
    has_word,
    is_passive,
    slot_of,
)
from graphbuild.events.attribution import ends_adverbial_clause
from graphbuild.events.draft import SAID_ACTS, Draft, embedded, embedded_at, is_nominal, verb_forms
from graphbuild.events.event_nouns import accusative_event_nouns
from graphbuild.events.lexicon import Lexicon, common, find_matches
from graphbuild.events.relatives import fill_from_antecedent
from graphbuild.events.triggers import Trigger
from graphbuild.language.base import Token
from graphbuild.model import EVENT_TYPES


def _window(trig: Trigger, stops: list[int], n: int, lex: Lexicon, soft: set[int] | None = None) -> tuple[int, int]:
    """Token window of a trigger's arguments.  In SOV clauses a finite verb reaches back over the
    embedded triggers (``soft``) before it: "Пхеньянды ... келіссөздерді тоқтатуға шақырды"."""
    own = set(trig.indices)
    lo = max([b + 1 for b in stops if b < trig.start and b not in own and b not in (soft or set())], default=0)
    if lex.order == "SOV":
        return lo, trig.end  # up to the verb, gaps of a multiword trigger included
    hi = min([b for b in stops if b >= trig.end and b not in own], default=n)
    return lo, hi


_LEFT_SLOTS = ("subj", "poss", "place")  # what an SVO clause may put before its verb
_FRONTED_PREP_SLOTS = ("against", "with", "to", "from")  # "Против России были введены санкции"


def _fill_slots(trig: Trigger, tokens: list[Token], args: list[Arg], lo: int, hi: int, lex: Lexicon,
                after_trigger: bool, skip: set[int], others: frozenset[int] = frozenset()) -> Slots:
    """Slots of ``trig`` from the mentions of its window; ``after_trigger``: the window opens right
    after another trigger (whose objects the mentions there are, unless a clause break intervenes)."""
    slots = Slots()
    symmetric = EVENT_TYPES[trig.type].symmetric
    inside = [a for a in args if a.active and lo <= a.i and a.j <= hi and not (symmetric and a.modifier)
              and not any(a.i <= k < a.j for k in trig.indices)  # "сапармен Астанаға келді": gaps are open
              and (a.clause is None or a.clause[0] < trig.start < a.clause[1])]
    breaks = set(lex.raw.get("clause_breaks", []))
    coordinators = set(lex.raw.get("coordinators", []))  # ", and Modi" may end a list
    genitive_left: list[Arg] = []
    for arg in inside:
        slot = slot_of(arg, trig, tokens, lex)
        if lex.order == "SVO" and arg.j <= trig.start:
            if slot == "none" and arg.prep is None:
                genitive_left.append(arg)
            if slot == "to" and arg.kind in ("Organization", "Group", "Country"):
                slot = "place"  # "В ХАМАС ... отвергли": where the statement came from
            fronted = (lex.raw.get("fronted_objects", False) and not after_trigger and not is_nominal(trig, tokens)
                       and ((slot == "obj" and arg.case == "Acc" and arg.prep is None and tokens[arg.i].pos != "ADJ")
                            or (slot in _FRONTED_PREP_SLOTS and arg.prep == slot)))
            if slot not in _LEFT_SLOTS and not fronted:
                continue  # free word order ("Украину атаковали дроны") keeps a clear accusative
            if slot == "subj" and after_trigger and not any(t.text.lower() in breaks for t in tokens[lo:arg.i]):
                continue
        if slot == "obj" and arg.modifier and find_objects(tokens, arg.j, arg.j + 3, lex.objects):
            continue  # "разместила российское ядерное оружие": the weapons' origin is no target
        if arg.i >= trig.end and _new_clause(tokens[trig.end:arg.i], breaks - coordinators):
            continue  # "стороны обсудили ..., а Шойгу передал ... Путина": the next clause's own
        slots.add(slot, arg)
    if "subj" not in slots.by_slot and genitive_left and not after_trigger and lex.order == "SVO":
        slots.add("subj", genitive_left[-1])  # a surname the analyser took for a genitive ("Песков")
    if "subj" not in slots.by_slot and "subj_after" in slots.by_slot:
        slots.by_slot["subj"] = slots.by_slot.pop("subj_after")[:1]
    elif "subj_after" in slots.by_slot:
        for arg in slots.by_slot.pop("subj_after"):
            if not (arg.modifier and find_objects(tokens, arg.j, arg.j + 3, lex.objects)):
                slots.add("obj", arg)  # (as above: "российское оружие" names where the arms come from)
    objects = slots.get("obj")
    if len(objects) > 1 and lex.order == "SVO":
        # The first object and what is coordinated with it; later ones belong to later clauses.
        slots.by_slot["obj"] = coordinated_with(objects[0], objects, tokens, lex, skip=skip)
    subjects = slots.get("subj")
    if len(subjects) > 1:
        # One subject (the first in SOV, the nearest before the verb in SVO) and what is coordinated with it.
        head = subjects[0] if lex.order == "SOV" else subjects[-1]
        slots.by_slot["subj"] = coordinated_with(head, subjects, tokens, lex, skip=skip)
        if lex.order == "SOV":
            # "Ким Чен Ын АҚШ пен Оңтүстік Корея саясатын ...": later bare nominatives qualify a noun.
            for arg in subjects:
                if arg not in slots.by_slot["subj"]:
                    slots.add("poss", arg)
    if is_passive(trig, tokens, lex):
        slots.by_slot["obj"] = slots.get("obj") + slots.by_slot.pop("subj", [])
        slots.blocked.update(("subj", "poss"))  # "айыпталды", "was condemned": the actor is only a "by" phrase
        owners = slots.by_slot.pop("poss", [])
        if lex.order == "SOV":
            # "Украинаның нысандарына соққы жасалды": the genitive owns what the act was aimed at.
            slots.by_slot["obj"] = slots.get("obj") + owners
    elif not is_nominal(trig, tokens):
        slots.by_slot.pop("by", None)  # an active verb's "by"/instrumental is a means, not the actor
    if is_nominal(trig, tokens) and lex.order == "SVO" and not slots.get("subj"):
        _subject_of_light_verb(trig, tokens, slots, hi, lex)
    between = set(lex.raw.get("between_prepositions", []))
    partners = slots.get("with")
    # "между Россией и Украиной" names the sides before them, "Ресей мен Украина арасындағы" after them.
    # The phrase must name the sides of the trigger itself, next to it or inside it ("переговоры между",
    # "арасындағы соғыс"), not of another word ("... арасында ... Пхеньянға барған").
    at = ([partners[0].i - 1] if partners and partners[0].i > 0 else []) + \
        ([partners[-1].j] if partners and partners[-1].j < len(tokens) else [])
    named_between = any(tokens[k].text.lower() in between and (
        k in trig.indices or k == trig.end or (trig.start - k <= 4 and all(  # "арасындағы Газадағы атысты"
            t.pos not in ("VERB", "AUX", "PUNCT") or t.text in '"«»“”' for t in tokens[k + 1:trig.start])
            and not others & set(range(k + 1, trig.start))))  # "арасындағы келіссөздерді қолдады": the talks'

        for k in at if k < trig.start or k in trig.indices or k == trig.end)
    if named_between:
        # "готова к переговорам между Россией и Украиной": the one ready is not a party.
        sides = coordinated_with(partners[-1], sorted({a.i: a for v in slots.by_slot.values() for a in v}.values(),
                                                      key=lambda a: a.i), tokens, lex, skip=skip)
        for slot in list(slots.by_slot):
            slots.by_slot[slot] = [a for a in slots.by_slot[slot] if a not in sides]
        slots.by_slot.pop("subj", None)
        slots.blocked.add("subj")
        slots.by_slot["with"] = slots.sides = sides
        if not symmetric:  # "Оңтүстік және Солтүстік Корея арасындағы соғыс": the first side acts
            slots.by_slot["subj"], slots.by_slot["with"] = sides[:1], sides[1:]
    if is_nominal(trig, tokens):
        symmetric = EVENT_TYPES[trig.type].symmetric  # "seeking to deepen a partnership": still theirs
        if lex.order == "SVO" and not symmetric and _object_of_other_verb(trig, tokens, lo, lex):
            # "Peskov called the accusations baseless", "put ... over their arms sales": not their act.
            slots.by_slot.pop("subj", None)
            slots.by_slot["poss"] = [a for a in slots.get("poss") if a.j == trig.start or a.i >= trig.end]
            slots.blocked.add("subj")
    elif not trig.entry.denial:
        _possessors_as_objects(trig, slots, lex)
    return slots


def _new_clause(between: list[Token], breaks: set[str]) -> bool:
    """A comma followed by a clause word (", а", ", но") opens another clause."""
    return any(t.text == "," and n + 1 < len(between) and between[n + 1].text.lower() in breaks
               and between[n + 1].text.isalpha() for n, t in enumerate(between))


def _subject_of_light_verb(trig: Trigger, tokens: list[Token], slots: Slots, hi: int, lex: Lexicon) -> None:
    """"Санкции против Пхеньяна Совбез ввёл": a fronted noun's actor stands before its light verb."""
    light = set(lex.raw.get("light_verbs", []))
    verb = next((k for k in range(trig.end, hi) if (tokens[k].lemma or "").lower() in light), None)
    if verb is None:
        return
    before = [a for a in slots.get("obj") if a.j <= verb and a.prep is None]
    if before:
        subject = before[-1]
        slots.by_slot["obj"] = [a for a in slots.get("obj") if a is not subject]
        slots.by_slot["subj"] = [subject]


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


def window_slots(trig: Trigger, tokens: list[Token], args: list[Arg], stops: list[int], lex: Lexicon,
                 trigger_tokens: set[int], skip: set[int],
                 closed: list[tuple[int, int]]) -> tuple[Slots, int, int, int]:
    """The trigger's slots, its window [lo, hi) and where the search for its object ends.  A closed
    relative clause before the trigger is stepped over ("The EU, which includes France, imposed")."""
    stops = [b for b in stops if not any(r <= b <= e < trig.start for r, e in closed)]
    soft = None
    if lex.order == "SOV" and not embedded(trig, tokens):
        soft = {k for k in trigger_tokens if k < trig.start and embedded_at(k, tokens)}
    lo, hi = _window(trig, stops, len(tokens), lex, soft)
    obj_hi = trig.end if lex.order == "SOV" else max(hi, trig.end)
    after_trigger = lo > 0 and (lo - 1) in trigger_tokens
    slots = _fill_slots(trig, tokens, args, lo, hi, lex, after_trigger, skip,
                        frozenset(trigger_tokens - set(trig.indices)))
    fill_from_antecedent(slots, tokens, args, lo, lex)  # ", с которым Шойгу провёл переговоры"
    return slots, lo, hi, obj_hi


def _pronoun_before_subject(slots: Slots, tokens: list[Token], lo: int, start: int, lex: Lexicon) -> bool:
    """"Ол американдық ұшақтар ... ескерткен": after an SOV subject pronoun the first nominative owns a
    noun (resolve_pronoun makes it a possessor later), it is not the subject."""
    subjects = slots.get("subj")
    if lex.order != "SOV" or not subjects:
        return False
    pronouns = lex.raw.get("pronouns", {})
    return any(tokens[k].text.lower() in pronouns for k in range(lo, min(subjects[0].i, start)))


def _destination(goals: list[Arg], tokens: list[Token], trig: Trigger, lex: Lexicon) -> bool:
    """"Трампты Мәскеуге шақырды" (invited Trump to Moscow): a named goal of the verb that no verbal noun
    in the dative follows ("Израильді Газаға көмек жіберуге шақырды" calls on Israel to send aid; the
    analyser may read the verbal noun as a noun whose lemma keeps its ending: "жеделдетуге")."""
    endings = tuple(lex.raw.get("verbal_noun_endings", []))
    named = [a for a in goals if not a.modifier and a.j <= trig.start]
    def verbal(t: Token) -> bool:
        return t.pos == "VERB" or (bool(endings) and t.pos == "NOUN" and (t.lemma or "").endswith(endings))

    return bool(named) and not any(t.case == "Dat" and verbal(t) for t in tokens[named[-1].j:trig.start])


def _at_gathering(before: list[Token], lex: Lexicon) -> bool:
    """A dative meeting noun ("саммитке", "кездесуге") or pronoun ("Оған", standing for the meeting just
    told) among the words before a verb of taking part."""
    meetings = [m for m in find_matches(before, lex.triggers, set()) if m.value.type in ("MEET", "NEGOTIATE")]
    return any(before[m.indices[-1]].case == "Dat" for m in meetings) or any(
        t.pos == "PRON" and t.case == "Dat" for t in before)


def need_met(trig: Trigger, tokens: list[Token], args: list[Arg], stops: list[int], lex: Lexicon,
             trigger_tokens: set[int], skip: set[int], closed: list[tuple[int, int]]) -> bool:
    need = trig.entry.need
    if not need:
        return True
    slots, lo, _, hi = window_slots(trig, tokens, args, stops, lex, trigger_tokens, skip, closed)
    if need == "destination":  # an act right before is what is called for, never a place invited to
        return _destination(slots.get("to"), tokens, trig, lex)
    if need == "gathering":  # "Оған X, Y және Z қатысты": two or more took part in a meeting named
        return len({a.i for a in slots.get("subj")}) > 1 and _at_gathering(tokens[lo:trig.start], lex)
    for option in need.split("_or_"):
        if option == "object" and find_objects(tokens, lo, hi, lex.objects):
            return True
        if option == "missile" and has_word(tokens, 0, len(tokens), lex.missile_words):
            return True
        if option == "event" and lex.order == "SOV" and accusative_event_nouns(tokens[:trig.start], lex):
            return True  # "соққыны ... терроризм деп атады": aimed at the doer of the act named (linking.py)
        if option == "pair" and len({a.i for a in slots.get("subj")}) > 1:
            return True  # "Armenian and Azerbaijani troops clashed": the two sides are the subject
        if [a for a in slots.get(option) if not a.modifier]:  # "host Russian weapons": no one hosted
            return True
        if option == "poss" and _pronoun_before_subject(slots, tokens, lo, trig.start, lex):
            return True
    # "Израильге соққы беретінін ескертті": the act warned of, right before, carries the addressee.
    return lex.order == "SOV" and trig.type in SAID_ACTS and (trig.start - 1) in trigger_tokens


def _participle_after_comma(d: Draft, between: list[Token]) -> bool:
    """"Russia fired missiles at Ukraine, hitting power stations": the -ing clause shares the subject."""
    head = d.tokens[d.trig.head]
    return bool(between) and between[-1].text == "," and not d.nominal and head.text.lower().endswith("ing")


def _shares_subject(governor: Draft, d: Draft, lex: Lexicon) -> bool:
    """SVO: "negotiating with Iran to buy", "denied supplying", "arrived ... and held talks" share
    the subject; a trigger after a comma or far away does not."""
    if governor.trig.start > d.trig.start:
        return False
    between = d.tokens[governor.trig.end:d.trig.start]
    coordinators = {w for w in lex.raw.get("coordinators", []) if any(ch.isalpha() for ch in w)}
    if between and between[-1].text.lower() in coordinators and not d.nominal:
        return True  # "Baku accused ..., and demanded": a coordinated verb keeps the subject
    if len(between) > 8:
        return False
    if _participle_after_comma(d, between):
        return True
    if any(not any(ch.isalnum() for ch in t.text) and t.text not in "-'’" for t in between):
        return False
    nonfinite = d.nominal or bool(verb_forms(d.trig, d.tokens) & {"Inf", "Ger", "Part"}) or any(
        t.text.lower() == "to" for t in between[-1:])
    return nonfinite or any(t.text.lower() in coordinators for t in between)


def _break_between(a: Draft, b: Draft, lex: Lexicon, args: list[Arg]) -> bool:
    """A subordinating word between two triggers, or a closed time or reason clause followed by a
    subject of its own ("Ресей ... басып алғаннан кейін Еуропалық одақ ... енгізді"): each has its own
    subject.  A clause the main one wraps around ("Пекин Вашингтонды ... сатқаны үшін сынға алды")
    shares its actors."""
    words = set(lex.raw.get("subordinators", []))
    lo, hi = sorted((a.trig.start, b.trig.start))
    if any(t.text.lower() in words for t in a.tokens[lo:hi]):
        return True
    end = next((k for k in range(lo, hi) if ends_adverbial_clause(a.tokens, k)), None)
    return end is not None and any(end < x.i < hi and x.case in (None, "Nom") and x.prep is None for x in args)


def leave_sides_to_their_trigger(drafts: list[Draft]) -> None:
    """"... Ресей мен Солтүстік Корея арасында әскери байланысты нығайту үшін Пхеньянға барған": the sides
    named between belong to the ties, not to the visit whose window reaches over them."""
    for owner in [o for o in drafts if o.slots.sides]:
        for d in drafts:
            if d is not owner:
                for slot, filled in d.slots.by_slot.items():
                    d.slots.by_slot[slot] = [a for a in filled if a not in owner.slots.sides]


def inherit(drafts: list[Draft], lex: Lexicon, args: list[Arg]) -> None:
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
            if d.slots.get(slot) or slot in d.slots.blocked:
                continue
            candidates = []
            for other in drafts:
                if other is d or other.trig.entry.violation:
                    continue
                if lex.order == "SVO" and slot == "subj" and not _shares_subject(other, d, lex):
                    continue
                if lex.order == "SOV" and _break_between(other, d, lex, args):
                    continue  # "..., алайда Ресей ... айыптады": the next clause has its own actors
                governed = d.nominal or bool(verb_forms(d.trig, d.tokens) & {"Inf", "Ger", "Part"})
                if other.type in ("ACCUSE", "REQUEST", "THREATEN") and slot == "subj" and governed:
                    # "accused Russia of supplying", "pressed Kyiv to withdraw", "warned Washington against
                    # sending": the object does the act (never the accuser: "осудила запуск ... Северной Кореей");
                    # "called on Russia to withdraw": the addressee of a request behind its preposition.
                    addressed = other.slots.get("obj") or (other.slots.get("against") if other.type == "REQUEST"
                                                           else [])
                    given = [a for a in addressed if slot not in other.slots.inherited]
                    if other.type == "THREATEN" and not addressed:  # "threatened to attack": the threatener
                        given = other.slots.get(slot) if slot not in other.slots.inherited else []
                else:
                    given = other.slots.get(slot) if slot not in other.slots.inherited else []
                    if not given and slot == "with" and other.trig.entry.invert:
                        given = other.slots.get("from")  # "сатып алу ... Пхеньяннан": the seller is the partner
                if given:
                    candidates.append((abs(other.trig.start - d.trig.start), other.trig.start > d.trig.start, given))
            if candidates:
                d.slots.by_slot[slot] = min(candidates, key=lambda c: (c[0], c[1]))[2]
                d.slots.inherited.add(slot)
                givers = [a for a in d.slots.get("from") if a.kind != "Place"]
                if slot == "subj" and d.type in common().recipient_types and givers and not d.slots.get("to"):
                    # "Индия ведёт переговоры о поставках нефти из России": the negotiator receives.
                    d.slots.by_slot["to"] = d.slots.by_slot.pop("subj")
                    d.slots.inherited.add("to")


def _possessive_mark(tokens: list[Token], arg: Arg) -> bool:
    nxt = tokens[arg.j].text if arg.j < len(tokens) else ""
    return nxt in ("'s", "’s") or arg.mention.text.endswith(("'s", "’s")) or arg.case == "Gen"


def _joined_by_conjunction(tokens: list[Token], a: Arg, b: Arg) -> bool:
    between = tokens[a.j:b.i]
    return 0 < len(between) <= 1 and all(t.pos in ("CCONJ", "PUNCT") for t in between)


def _owned_between(tokens: list[Token], lo: int, hi: int) -> bool:
    """A possessed noun between a genitive and the trigger ("Швецияның НАТО-ға кіруін қолдауға") is
    what the genitive owns, so the trigger is not its act."""
    return any(tokens[k].feats.get("Person[psor]") for k in range(lo, hi))


def assign_roles(d: Draft) -> None:
    table = common()
    source: list[str] = []
    target: list[str] = []
    places: list[Arg] = []
    fallback_sources: list[str] = []
    by_slot = dict(d.slots.by_slot)
    if d.nominal:
        start, end = d.trig.start, d.trig.end
        poss = by_slot.get("poss", [])
        # "Russia's full-scale invasion of Ukraine": a possessor before the noun acts, "of" names the target.
        left = [a for a in poss if a.j <= start and start - a.j <= 3 and _possessive_mark(d.tokens, a)
                and not (d.order == "SOV" and _owned_between(d.tokens, max(a.j, a.through), start))]
        for a in sorted(poss, key=lambda a: -a.i):  # "АҚШ пен Оңтүстік Кореяның жаттығулары": the whole list owns
            if a not in left and any(_joined_by_conjunction(d.tokens, a, b) for b in left):
                left.append(a)
        right = [a for a in poss if a.i >= end]
        # "the invasion of Ukraine", "the bombing of Gaza": for these nouns the "of" phrase is the target.
        patient = dict(d.trig.entry.roles).get("poss") == "target"
        if right and (left or patient):
            by_slot["obj"] = by_slot.get("obj", []) + right
        owners = left or [a for a in poss if a.j == start or (not patient and (
            a.i == end or (a.prep and a.i == end + 1)))]
        for a in sorted(poss, key=lambda a: a.i):  # "переговоры президентов России и Белоруссии": all own it
            if owners and not left and a not in owners and _joined_by_conjunction(d.tokens, owners[-1], a):
                owners.append(a)
        if owners:
            # "АҚШ-тың ұсынысы", "предложение США", "the visit of X": the owner acts, not the clause subject.
            by_slot.pop("subj", None)
            by_slot["poss"] = owners
            by_slot["subj"] = owners
    for slot, args in by_slot.items():
        if slot == "poss" and "subj" in by_slot and by_slot["subj"] is by_slot["poss"]:
            continue
        role = dict(d.trig.entry.roles).get(slot) or table.role_of(d.type, slot, d.trig.entry.invert)
        ids = [a.actor for a in args]
        if role == "place":
            places.extend(args)
        elif role == "target":
            target.extend(ids)
        elif (role == "source" and slot in ("subj", "by")) or (role == "source" and d.trig.entry.invert):
            source.extend(ids)
        elif role == "source" and not (slot == "poss" and d.order == "SOV" and not d.nominal):
            # from/poss: the source only when no subject is named; a Kazakh genitive before a verb
            # owns some noun ("АҚШ-тың айыптауларын"), it never does the verb's act.
            fallback_sources.extend(ids)
    if not source:
        source = fallback_sources
    elif EVENT_TYPES[d.type].symmetric and d.nominal:
        # "встреча Си Цзиньпина и Владимира Путина": every named owner of a joint act is a party.
        target.extend(a for a in fallback_sources if a not in source and a not in target)
    owners = [a.actor for a in by_slot.get("poss", []) if a.j <= d.trig.start]
    if not source and d.order == "SOV" and EVENT_TYPES[d.type].symmetric and len(set(owners)) > 1:
        # "Қазақстан мен Қытайдың бірлескен декларациясына қол қойды": the owners of the joint act are its parties.
        source = owners
    kinds = {a.actor: a.kind for args in by_slot.values() for a in args}
    if any(kinds.get(a) == "Place" for a in source):
        # A place does not act ("drills ... around Kinmen"); capitals already stand for their state.
        places.extend(a for args in by_slot.values() for a in args if a.actor in source and a.kind == "Place")
        source = [a for a in source if kinds.get(a) != "Place"]
    speaking = ("Organization", "Group", "Country") if d.type in SAID_ACTS else ("Organization", "Group")
    institutions = [a for a in places + by_slot.get("to", [])
                    if a.kind in speaking and a.prep and a.j <= d.trig.start]
    if not source and institutions:
        # "В Кремле опровергли", "В ХАМАС отвергли", "Кремльде мәлімдеді": an institution acts.
        source = [institutions[0].actor]
        places = [a for a in places if a is not institutions[0]]
        target = [t for t in target if t != institutions[0].actor]
    elif d.type in table.recipient_types and not target:
        # "поставки оружия России" after a named supplier: the possessor-looking noun is the recipient.
        target = [a.actor for a in d.slots.get("poss") if a.i >= d.trig.end and a.actor not in source]
    if places:
        d.place = places[0].actor
        if d.type in table.place_as_target and not target:
            target = [places[0].actor]
    d.source = list(dict.fromkeys(source))
    d.target = [t for t in dict.fromkeys(target) if t not in d.source or EVENT_TYPES[d.type].symmetric]


def _first_person(d: Draft, lex: Lexicon) -> bool:
    """A first-person pronoun or verb ending in the trigger's window: the speaker tells its own act."""
    pronouns = set(lex.raw.get("first_person_pronouns", []))
    return any(t.feats.get("Person") == "1" or (t.pos == "PRON" and (t.lemma or t.text).lower() in pronouns)
               for t in d.tokens[d.lo:d.hi])


def speaks_of_itself(d: Draft, lex: Lexicon) -> bool:
    """Kazakh drops the subject pronoun; SVO languages need one ("it", "он") before the trigger."""
    if lex.order == "SOV":
        # A bare noun ("санкциялар ... әсер етпейді") is no act of the speaker, unless the clause speaks in
        # the first person ("«Біз Украинаға қару жеткізуді жалғастырамыз», – деді Мерц").
        return not d.nominal or _first_person(d, lex)
    left = d.tokens[d.lo:d.trig.start]
    named = any(t.pos == "NOUN" and t.case == "Nom" for t in left)  # "лидеры обсудили": a subject is there
    if lex.raw.get("pro_drop") and not d.slots.by_slot and not d.nominal and not named:
        return True  # "Эрдоган сообщил, что намерен обсудить ...": Russian drops the repeated subject
    if lex.raw.get("pro_drop") and "Inf" in verb_forms(d.trig, d.tokens) and not d.slots.get("subj") and not named:
        return True  # "заявил о намерении посетить Россию": the speaker's own intended act
    return any(t.pos == "PRON" for t in left)


def resolve_pronoun(d: Draft, lex: Lexicon, recent: list[Arg], here: list[Arg]) -> None:
    """"He met Ramaphosa", "he and Putin had agreed": a pronoun subject is the latest earlier subject
    of a fitting kind, in this sentence first (``here``: its actors, speakers included), else before."""
    pronouns: dict[str, str] = lex.raw.get("pronouns", {})
    subjects = d.slots.get("subj")
    coordinators = set(lex.raw.get("coordinators", []))
    left = d.tokens[d.lo:d.trig.start]
    for offset in range(len(left) - 1, -1, -1):
        k = d.lo + offset
        want = pronouns.get(left[offset].text.lower())
        if want is None and offset:
            # "Мемлекет басшысы" (the head of state): a two-word pronoun, unless a name follows it.
            want = pronouns.get(f"{left[offset - 1].text} {left[offset].text}".lower())
            if want is not None and subjects and subjects[0].i == k + 1:
                return
        if want is None:
            continue
        joined = subjects and k + 2 == subjects[0].i and d.tokens[k + 1].text.lower() in coordinators
        first = lex.order == "SOV" and subjects and k < subjects[0].i  # "Ол американдық ұшақтар ..."
        if subjects and not joined and not first:
            return
        if first:
            # A verb's owner-of-a-noun is what it acts on, as without the pronoun ("X американдық ... ескертті").
            slot = "obj" if not d.nominal and not d.slots.get("obj") else "poss"
            for arg in subjects:
                d.slots.add(slot, arg)
            subjects = []
        earlier = [a for a in here if a.j <= k and a.prep is None and not a.absorbed]
        for arg in reversed(earlier or recent):
            if want == "Any" or (want == "Person") == (arg.kind == "Person"):
                d.slots.by_slot["subj"] = [arg, *subjects]
                d.slots.inherited.add("subj")
                return
        return


def resolve_object_pronoun(d: Draft, lex: Lexicon, here: list[Arg], recent: list[Arg]) -> None:
    """"urged him to halt", "призвал его": an object pronoun is the latest other actor of a fitting
    kind in this sentence, else the latest subject before it."""
    if d.slots.get("obj"):
        return
    pronouns: dict[str, str] = lex.raw.get("object_pronouns", {})
    span = d.tokens[d.trig.end:d.trig.end + 1] if lex.order == "SVO" else d.tokens[d.lo:d.trig.start]
    for t in span:
        want = pronouns.get(t.text.lower())
        if want is None:
            continue
        subjects = {a.actor for a in d.slots.get("subj")}
        earlier = [a for a in here if a.j <= d.trig.start and a.actor not in subjects and not a.absorbed]
        for arg in reversed(earlier or recent):
            if arg.actor not in subjects and (want == "Any" or (want == "Person") == (arg.kind == "Person")):
                d.slots.add("obj", arg)
                return
        return
