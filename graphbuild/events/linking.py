"""Links between the events of a sentence or document: denials, accusations, governed nouns,
echoes and partial retellings."""

from __future__ import annotations

from collections.abc import Callable

from graphbuild.events.arguments import coordinated_with
from graphbuild.events.draft import SPEECH_ACTS, Draft, is_nominal, verb_forms
from graphbuild.events.event_nouns import accusative_event_nouns
from graphbuild.events.lexicon import Lexicon, Match, common, compile_patterns, find_matches, matches_any
from graphbuild.events.triggers import Trigger
from graphbuild.language.base import Token
from graphbuild.model import EVENT_TYPES

# The actors an event side lists for a draft's named actors (a leader with the state they lead).
Sides = Callable[[list[str], Draft], list[str]]


def _as_named(actors: list[str], _d: Draft) -> list[str]:
    return actors


def drop_echoes(triggers: list[Trigger], tokens: list[Token], lex: Lexicon | None = None) -> list[Trigger]:
    """"прибыл ... с визитом", "arrived on a visit": a noun of the verb's own type is the same act.  A noun
    before a frame word (``background_markers``: "Иранның Израильге жасаған шабуылынан кейін АҚШ ... соққы
    берді", after Iran's attack) tells an act of its own that the clause follows."""
    frames = compile_patterns(lex.raw.get("background_markers", [])) if lex is not None else []
    dropped = set()
    for n in triggers:
        if not is_nominal(n, tokens):
            continue
        if frames and any(m.start == 0 for m in find_matches(tokens[n.end:n.end + 2], frames, set())):
            continue
        for v in triggers:
            if v is not n and v.type == n.type and not is_nominal(v, tokens) and abs(n.start - v.start) <= 7:
                dropped.add(id(n))
    return [t for t in triggers if id(t) not in dropped]


def drop_violations_inside_accusations(triggers: list[Trigger]) -> list[Trigger]:
    """"accused Pyongyang of violating resolutions", "қарарларын бұзды деп айыптады": the violation is
    what the accusation is about, not a second accusation."""
    if not any((t.type == "ACCUSE" and not t.entry.violation) or t.entry.denial for t in triggers):
        return triggers  # a denied violation ("отвергла обвинения в нарушении") is no accusation either
    return [t for t in triggers if not t.entry.violation]


def drop_denied_claims(triggers: list[Trigger], tokens: list[Token], lex: Lexicon) -> list[Trigger]:
    """"denied the accusations", "айыптауды теріске шығарды": the accusation noun is what is
    denied (an earlier event), not a new accusation."""
    dropped = set()
    for d in triggers:
        if not d.entry.denial:
            continue
        for n in triggers:
            if n.type != "ACCUSE" or n.entry.violation or not is_nominal(n, tokens):
                continue
            gap = d.start - n.end if lex.order == "SOV" else n.start - d.end
            if 0 <= gap <= 2:
                dropped.add(id(n))
    return [t for t in triggers if id(t) not in dropped]


def link_governed(drafts: list[Draft], lex: Lexicon) -> None:
    """A verb event without a target takes the actor of the noun event it governs
    ("rejected the US proposal", "АҚШ-тың ұсынысынан бас тартты", "осудила учения США")."""
    for v in drafts:
        if v.target or v.nominal or v.type == "DENY":
            continue  # a condemned or criticised act accuses its actor; a denier is no target of its act
        for n in drafts:
            if n is v or not n.nominal or not n.source:
                continue
            gap = v.trig.start - n.trig.end if lex.order == "SOV" else n.trig.start - v.trig.end
            if 0 <= gap <= 2:
                owners = n.source + n.target if EVENT_TYPES[n.type].symmetric else n.source
                v.target = [a for a in dict.fromkeys(owners) if a not in v.source]
                break


def link_sentence(drafts: list[Draft], lex: Lexicon) -> None:
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
            others = [o for o in drafts if o is not d and o.type not in SPEECH_ACTS]
            if others:
                d.about = min(others, key=lambda o: (o.trig.start > d.trig.start, abs(o.trig.start - d.trig.start)))
            if d.speakers:
                d.source = list(d.speakers)
            elif _told_by_outlet(d, lex):
                # "Ресей ұшқышсыз ұшақтары Польша әуе кеңістігін бұзды": the outlet tells the violation; its
                # subject is the violator, and no one named makes an accusation.
                d.source, d.target = [], list(d.source)
                continue
            # "Ресейдің келісімді бұзғанын айтты": the violation's own genitive subject is the accused
            # (the owner of the thing violated is no side: extract._leave_the_violated).
            violators = [a.mention.actor for a in d.slots.get("poss") if a.mention.actor not in d.source]
            if violators:
                d.target = list(dict.fromkeys(violators))
            elif d.about:
                d.target = list(d.about.source)
            else:
                # "any deal between X and Y would violate": with the act itself no event, the
                # violation's own subject and partners are the accused.
                doers = [a.mention.actor for slot in ("subj", "with") for a in d.slots.get(slot)]
                d.target = [a for a in dict.fromkeys(doers) if a and a not in d.source]
        elif d.type == "REQUEST" and lex.order == "SOV":
            _object_control(d, drafts, lex)
        elif d.type == "THREATEN" and lex.order == "SOV" and not d.target:
            # "Израильге соққы беретінін ескертті": the threatened party is the target of the act threatened.
            acts = [c for c in _complement(d, drafts, lex) if set(c.source) <= set(d.source)]
            if acts:
                d.target = [t for t in acts[0].target if t not in d.source]
        elif d.type in ("REQUEST", "THREATEN") and not d.target:
            # "demanded that Armenian units withdraw": whoever is to act is the one asked;
            # "warned that North Korea would pay a price if it delivered ...": the one warned.
            acts = _complement(d, drafts, lex)
            if acts and acts[0].source:
                d.target = [a for a in acts[0].source if a not in d.source]
        elif d.type == "ACCUSE":
            complement = _complement(d, drafts, lex)
            if complement and lex.order == "SOV" and not d.target:
                # "АҚШ Ресейді Украинаға шабуыл жасады деп айыптады": the accusative inside the
                # complement is the accused, and the doer of the accused act.
                accused = [a.actor for a in complement[0].slots.get("obj")][:1]
                if accused:
                    d.target = accused
                    act = complement[0]
                    act.source = accused
                    # The act's own goal stays its target even where it was the accuser, whom the
                    # clause first took for the act's subject ("Украина Ресейді Киевке соққы берді деп").
                    aimed = [a.actor for slot, args in act.slots.by_slot.items() if slot not in act.slots.inherited
                             and common().role_of(act.type, slot, act.trig.entry.invert) == "target"
                             and slot != "obj" for a in args]
                    act.target = [t for t in dict.fromkeys(act.target + aimed) if t not in accused]
            if complement:
                d.about = complement[0]
                for c in complement:
                    if _alleged(d, c):
                        c.reported_by = list(dict.fromkeys(c.reported_by + d.source))
                first = complement[0]
                if lex.order == "SVO" and d.target and not first.source and _alleged(d, first):
                    # "accused Ukraine of preparing an attack on Belarus": the accused is the doer.
                    first.source = list(d.target)
                    first.target = [t for t in first.target if t not in d.target]
                if lex.order == "SVO" and first.nominal and set(d.target) & set(first.target):
                    # "condemned the sanctions against Russia": the victim of the act is not the accused.
                    kept = [t for t in d.target if t not in first.target or t in first.source]
                    d.target = kept or [t for t in first.source if t not in d.source]


def _told_by_outlet(d: Draft, lex: Lexicon) -> bool:
    """An SOV finite violation verb with its own subject, outside any reported ("деп") clause."""
    if lex.order != "SOV" or d.nominal or "subj" in d.slots.inherited or not d.slots.get("subj"):
        return False
    after = d.tokens[d.trig.end].text.lower() if d.trig.end < len(d.tokens) else ""
    return d.tokens[d.trig.head].feats.get("VerbForm") == "Fin" and after not in lex.raw.get("complementizers", [])


def _alleged(accusation: Draft, act: Draft) -> bool:
    """"accused X of attacking", "деп айыптады": a claim; "condemned the launch": a known fact."""
    if act.order == "SOV":
        lo, hi = act.trig.end, accusation.trig.start
        head = act.tokens[act.trig.head]
        named = act.nominal or (head.feats.get("Person[psor]") == "3" and head.case is not None)  # "ұшыруын"
        return not named or "деп" in {t.text.lower() for t in act.tokens[lo:hi]}
    words = {t.text.lower() for t in act.tokens[accusation.trig.end:act.trig.start]}
    return bool(words & {"of", "в", "за", "that", "что", "будто", "якобы"})


def _object_control(d: Draft, drafts: list[Draft], lex: Lexicon) -> None:
    """"АҚШ Ресейді Сириядан әскерін шығаруға шақырды": the accusative before the requested act is
    the addressee of the request and the doer of the act; the act's other arguments stay with it."""
    before = [o for o in drafts if o.trig.end <= d.trig.start and _embedded_act(o)]
    if not before:
        return
    act = max(before, key=lambda o: o.trig.start)
    objects = act.slots.get("obj")
    givers = [a.actor for a in act.slots.get("from") if "from" not in act.slots.inherited]
    if not objects and givers and act.type in common().recipient_types and not act.trig.entry.invert:
        # "Украина АҚШ-тан ... жеткізуді сұрады": asked of the giver, for the one who asks.
        act.source = list(dict.fromkeys(givers))
        act.target = [a for a in d.source if a not in act.source]
        d.target = list(act.source)
        return
    if not objects and givers and not act.trig.entry.invert and set(act.source) <= set(d.source) \
            and not EVENT_TYPES[act.type].symmetric:
        # "Иран АҚШ-тан санкцияларды алып тастауды талап етті": the one asked (in the ablative) is to act,
        # for the one who asks, unless another ablative names what is left ("Ресейден Украинадан ...").
        own = [a.actor for slot in ("to", "against") if slot not in act.slots.inherited
               for a in act.slots.get(slot) if a.actor not in givers]  # "Тайваньға ... сатуды тоқтатуды"
        act.source = givers[:1]
        act.target = givers[1:] or own or [a for a in d.source if a not in act.source]
        d.target = list(act.source)
        return
    if not objects:
        return
    # "Путин мен Зеленскийді келіссөзге шақырды": a coordinated accusative asks them all.
    addressee = list(dict.fromkeys(a.actor for a in coordinated_with(objects[0], objects, act.tokens, lex)))
    act.source = addressee
    mutual = find_matches([act.tokens[k] for k in act.trig.indices], compile_patterns(
        lex.raw.get("mutual_acts", [])), set())  # "Израиль мен ХАМАС-ты атысты тоқтатуға үндеді": a truce binds both
    if (EVENT_TYPES[act.type].symmetric or mutual) and len(addressee) > 1:
        act.target = list(addressee)  # talks between the invited parties
    else:
        act.target = [t for t in act.target if t not in addressee]
    d.target = addressee


def _embedded_act(d: Draft) -> bool:
    return d.nominal or bool(d.tokens[d.trig.head].feats.get("VerbForm") in ("Ger", "Inf", "Conv", "Vnoun"))


def _complement(d: Draft, drafts: list[Draft], lex: Lexicon) -> list[Draft]:
    """Events governed by a speech act: after it in SVO languages, before it in SOV ones, nearest first."""
    if lex.order == "SOV":
        found = [o for o in drafts if o.trig.start < d.trig.start and o.type not in SPEECH_ACTS]
        if not found and d.tokens[d.trig.head].feats.get("VerbForm") == "Conv":
            # "айыптауларын теріске шығарып, Ресейге ... жеткізбегенін мәлімдеген": the converb's
            # denial goes on in the clause after it.
            found = [o for o in drafts if o.trig.start > d.trig.start and o.type not in SPEECH_ACTS][:1]
        return sorted(found, key=lambda o: -o.trig.start)
    found = sorted((o for o in drafts if o.trig.start > d.trig.start and o.type not in SPEECH_ACTS),
                   key=lambda o: o.trig.start)
    # A finite verb after the speech act ("..., and demanded") starts its own clause.
    coordinators = {w for w in lex.raw.get("coordinators", []) if any(ch.isalpha() for ch in w)}
    complement = []
    for o in found:
        embedded = o.nominal or verb_forms(o.trig, o.tokens) & {"Inf", "Ger", "Part"}
        joined = any(t.text.lower() in coordinators for t in d.tokens[d.trig.end:o.trig.start])
        if not embedded and joined:
            break
        complement.append(o)
    return complement


def link_across(drafts: list[Draft]) -> None:
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
            if prev.type not in SPEECH_ACTS and denier & prev.participants and claimed:
                d.about = prev
                break
        if d.about is not None:
            d.about.denied = True
    for k, d in enumerate(drafts):
        if not d.trig.entry.denial or d.target:
            continue
        if d.about is None:  # "Киев обвиняет Москву ..., Москва эти обвинения отвергает": deny the accuser
            accusers = [a for p in drafts[:k] if p.type == "ACCUSE" and set(d.source) & set(p.target)
                        for a in p.source]
            d.target = [a for a in dict.fromkeys(accusers) if a not in d.source]
            continue
        accusers = [a for p in drafts[:k]
                    if p.type == "ACCUSE" and (p.about is d.about or set(d.source) & set(p.target))
                    for a in p.source]
        # Those who told the denied claim; failing them, whoever told the same act earlier.
        claimants = list(d.about.reported_by) or [
            r for p in drafts[:k] if p.type == d.about.type and set(p.participants) & set(d.about.participants)
            for r in p.reported_by]
        d.target = [a for a in dict.fromkeys(accusers or claimants) if a not in d.source]


def fold_partial_mentions(drafts: list[Draft], sides: Sides = _as_named) -> None:
    """"Shoigu's visit" after "Shoigu visited Pyongyang": a later telling that names fewer
    participants (and no other date or object) is the same event; it becomes extra evidence.
    Participants are compared as ``sides`` lists them ("the meeting" of Kazakhstan and Uzbekistan after
    the presidents met is that meeting: each leader stands with the state they lead)."""
    for k, d in enumerate(drafts):
        if d.about is not None or d.trig.entry.denial:
            continue
        # Only a noun retelling of a joint act ("кездесу", the meeting) stands for its leaders' act by their
        # states: a verb tells an act of its own ("екі елдің үкіметтері ... келісімге қол қойды"), and a
        # one-way act's noun may be another telling with other sides (a supply denied, a supply told).
        as_sides = sides if is_nominal(d.trig, d.tokens) and EVENT_TYPES[d.type].symmetric else _as_named
        source, target = set(as_sides(d.source, d)), set(as_sides(d.target, d))
        for prev in drafts[:k]:
            if prev.type != d.type or prev.folded_into is not None or prev is d.about:
                continue
            prev_source, prev_target = set(as_sides(prev.source, prev)), set(as_sides(prev.target, prev))
            same_roles = source <= prev_source and target <= prev_target
            if EVENT_TYPES[d.type].symmetric:
                same_roles = source | target <= prev_source | prev_target
            smaller = (set(d.source), set(d.target)) != (set(prev.source), set(prev.target))
            # An undated retelling of a dated event with the same parties and intent is that event too.
            smaller = smaller or (d.date[0] is None and prev.date[0] is not None and d.planned == prev.planned)
            if same_roles and smaller and d.participants and d.date[0] in (None, prev.date[0]) \
                    and d.object in (None, prev.object) and not (d.negated or d.denied):
                d.folded_into = prev
                break
    _fold_headlines(drafts)


def _fold_headlines(drafts: list[Draft]) -> None:
    """A headline or lead told before the dated account ("КХДР зымыранды сынады" ... "12 шілдеде ...
    ұшырды"): an earlier undated telling with no more parties than a later dated one is that event."""
    for k, d in enumerate(drafts):
        if d.folded_into is not None or d.date[0] is not None or d.about is not None or d.negated or d.denied:
            continue
        if d.trig.entry.denial or any(o.folded_into is d or o.about is d for o in drafts):
            continue
        for nxt in drafts[k + 1:]:
            if nxt.type != d.type or nxt.date[0] is None or nxt.planned != d.planned or nxt.folded_into is not None:
                continue
            inside = set(d.source) <= set(nxt.source) and set(d.target) <= set(nxt.target)
            if EVENT_TYPES[d.type].symmetric:
                inside = d.participants <= nxt.participants
            if inside and d.participants and d.object in (None, nxt.object) and not (nxt.negated or nxt.denied):
                d.folded_into = nxt
                break


_REACTIONS = ("ACCUSE", "SUPPORT", "REJECT", "DENY")


def _event_noun_after(d: Draft, lex: Lexicon) -> Match | None:
    """SVO: "condemned the launch": the event noun right after the reaction (after "the" in languages
    with articles)."""
    nxt = d.tokens[d.trig.end:d.trig.end + 3]
    determiners = lex.raw.get("anaphora_determiners", ["the", "this", "that", "these", "those"])
    if nxt and nxt[0].text.lower() in determiners:
        nxt = nxt[1:]
    elif not lex.raw.get("bare_event_anaphora", False):  # article languages need "the"/"this"
        return None
    named = find_matches(nxt[:2], lex.triggers, set())
    return named[0] if named else None


def _event_noun_before(d: Draft, lex: Lexicon, drafts: list[Draft]) -> Match | None:
    """SOV: "Катар соққыны айыптады", "соққыны ... бұзу деп айыптады" (condemned the strike): the last
    accusative event noun before the reaction and after any other act of its sentence (a reported
    clause in between does not end the reaction's own clause)."""
    start = max((o.trig.end for o in drafts if o is not d and o.sentence is d.sentence and o.participants
                 and o.trig.end <= d.trig.start), default=0)  # the bare noun itself has no one in it
    named = accusative_event_nouns(d.tokens[start:d.trig.start], lex)
    return named[-1] if named else None


def link_anaphora(drafts: list[Draft], lex: Lexicon) -> None:
    """"Kishida and Yoon condemned the launch", "Катар соққыны айыптады": a reaction whose object is a
    bare event noun is about the latest earlier event of that type in the document (and aimed at its
    actor)."""
    for k, d in enumerate(drafts):
        if d.type not in _REACTIONS or d.target or d.order not in ("SVO", "SOV"):
            continue
        if d.about is not None and d.about.participants:
            continue  # an "about" event with nobody in it is the bare noun itself: look further back
        noun = _event_noun_after(d, lex) if d.order == "SVO" else _event_noun_before(d, lex, drafts)
        if noun is None:
            continue
        kinds = set()
        entry = noun.value
        while entry is not None:  # every reading of the noun ("launch": an attack or a test)
            kinds.add(entry.type)
            entry = entry.otherwise
        earlier = [p for p in drafts[:k] if p.type in kinds and p.source and p.sentence is not d.sentence]
        if earlier:
            d.target = [a for a in earlier[-1].source if a not in d.source]
            if d.type in ("ACCUSE", "DENY"):
                d.about = earlier[-1]


def link_sides(drafts: list[Draft], lex: Lexicon) -> None:
    """"Стороны подписали соглашение", "the two sides discussed": a joint act whose subject is a word
    for the sides of an earlier event of the document takes that event's participants."""
    words = compile_patterns(lex.raw.get("side_words", []))
    if not words:
        return
    for k, d in enumerate(drafts):
        if not EVENT_TYPES[d.type].symmetric or (d.slots.get("subj") and "subj" not in d.slots.inherited):
            continue  # a named subject of its own
        before = d.tokens[d.lo:d.trig.start]
        if not any(matches_any(t, words) and (n == 0 or before[n - 1].pos != "ADP") for n, t in enumerate(before)):
            continue
        earlier = [p for p in drafts[:k] if len(p.participants) >= 2 and p.sentence is not d.sentence]
        if earlier:  # the sides replace whatever was borrowed from a neighbouring clause
            d.source = list(earlier[-1].source)
            d.target = [a for a in earlier[-1].target if a not in d.source]
