"""The pattern event stage (languages whose profile says events: "patterns"): sentences and linked
mentions of one document in, events and roles out.

Per sentence: role appositions absorb their country/organisation, triggers are found by lemma,
reporting cues find their speaker, each trigger takes the mentions of its clause window by slot
(case, preposition, word order) and, for slots its window lacks, the arguments of the nearest
neighbouring trigger (Kazakh converb chains, "negotiating with X to buy", "denied supplying").
Then modality, denials and accusations are linked, and the events get canonical ids.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from graphbuild.entities.kb import KnowledgeBase
from graphbuild.events.anaphora import with_anaphora
from graphbuild.events.arguments import (
    Arg,
    Slots,
    apposition_tokens,
    find_objects,
    mark_relative_clauses,
    place_mentions,
)
from graphbuild.events.attribution import Report, claim_multiword_cues, find_reports, pronoun_speaks
from graphbuild.events.clauses import (
    assign_roles,
    inherit,
    leave_sides_to_their_trigger,
    need_met,
    resolve_object_pronoun,
    resolve_pronoun,
    speaks_of_itself,
    window_slots,
)
from graphbuild.events.coref.offices import given_offices, speaking_for
from graphbuild.events.dates import resolve_date
from graphbuild.events.draft import SAID_ACTS, SPEECH_ACTS, Draft, is_nominal
from graphbuild.events.fallback import answer_the_attacker, answer_the_teller, fill_missing_targets
from graphbuild.events.labels import label_triggers
from graphbuild.events.lexicon import (
    Lexicon,
    Match,
    common,
    compile_patterns,
    find_matches,
    load_lexicon,
    mutual_target,
    word_patterns,
)
from graphbuild.events.linking import (
    drop_denied_claims,
    drop_echoes,
    drop_violations_inside_accusations,
    fold_partial_mentions,
    link_across,
    link_anaphora,
    link_governed,
    link_sentence,
    link_sides,
)
from graphbuild.events.modality import hearsay, is_negated, planned_reason, refused
from graphbuild.events.participles import subject_of_participle
from graphbuild.events.parties import reciprocal_sides, resolve_parties, split_reciprocal
from graphbuild.events.passes.mentions import known_holders
from graphbuild.events.pledges import pledged_offers
from graphbuild.events.report_scope import clause_breaks, scope_reports
from graphbuild.events.roles import find_roles
from graphbuild.events.said_subject import (
    accusative_subject_in_complement,
    genitive_subject_of_nominalised_verb,
    leave_embedded_arguments,
    noun_under_reaction,
    subject_before_complement,
)
from graphbuild.events.shared_case import share_case_in_lists
from graphbuild.events.sides import event_sides, tells_no_relation, within_one_state
from graphbuild.events.stage import ExtractionResult
from graphbuild.events.topics import drop_topic_nouns
from graphbuild.events.triggers import Trigger, find_triggers
from graphbuild.graph.knowledge_graph import canonical_event_id, canonical_participants
from graphbuild.ids import evidence_id
from graphbuild.language.base import Sentence, Token
from graphbuild.model import EVENT_TYPES, Document, Event, Evidence, Mention, Role

LIGHT_VERB_REACH = 5  # "launched a massive missile and drone attack": the noun's modifiers sit in between
_MODE_RANK = {"asserted": 0, "reported": 1, "planned": 2, "negated": 3, "denied": 4}
# Resolutions of the coreference pass that stand where a name would ("Ол", "Мемлекет басшысы").
COREF_MENTION_KINDS = ("pronoun", "title")



def _mode(d: Draft) -> str:
    if d.denied:
        return "denied"
    if d.negated:
        return "negated"
    if d.planned:
        return "planned"
    return "reported" if d.reported_by or d.hearsay else "asserted"


def _on_itself(d: Draft) -> bool:
    """A one-way act whose one doer is also its only target ("Ресей әскерлері ... басып алғанын хабарлады"
    read with the place lost) relates no one; a reciprocal act has two doers or more."""
    return not EVENT_TYPES[d.type].symmetric and len(set(d.source)) == 1 and set(d.target) == set(d.source)


def _confidence(d: Draft) -> float:
    """Trigger strength x argument completeness, lowered when arguments were borrowed."""
    strength = d.trig.strength(d.tokens)
    filled = bool(d.source) + bool(d.target)
    completeness = (0.5, 0.75, 1.0)[filled]
    borrowed = 0.9 if d.slots.inherited else 1.0
    guessed = 0.7 if d.guessed else 1.0
    return round(strength * completeness * borrowed * guessed, 3)


def _quote(d: Draft) -> str:
    s = d.sentence
    first, last = d.tokens[d.trig.start], d.tokens[d.trig.end - 1]
    return s.text[first.start - s.start:last.end - s.start]


def _evidence(d: Draft, doc: Document) -> list[Evidence]:
    s = d.sentence
    return [Evidence(id=evidence_id(doc.id, s.start, s.end), document=doc.id, sentence=s.text,
                     start=s.start, end=s.end, quote=_quote(d), lang=doc.lang)]


def _noun_phrase(d: Draft) -> bool:
    """A noun trigger, one word or several ("пакет помощи", "запрет на ввоз")."""
    words = [d.tokens[k].pos for k in d.trig.indices]
    return d.nominal or (words[-1] == "NOUN" and all(p in ("NOUN", "ADP") for p in words))


def _build_event(d: Draft, doc: Document, referenced: bool) -> Event | None:
    if not d.participants or (d.type in SPEECH_ACTS and not d.source and not referenced):
        return None  # "Иран был обвинён в ...", "was accused of": a charge with no one making it
    if EVENT_TYPES[d.type].symmetric and len(d.participants) < 2:
        return None  # a meeting or talks with one known side tell nothing about relations
    if tells_no_relation(d.type, d.source, d.target, referenced, d.about is not None):
        return None
    etype = EVENT_TYPES[d.type]
    table = common()
    cameo = d.trig.entry.cameo
    if d.type == "SUPPLY" and d.object:
        cameo = table.object_cameo.get(d.object, cameo)
    if _mode(d) == "planned" and d.planned_by == "intent":
        cameo = table.planned_cameo.get(d.type, cameo)  # CAMEO codes intentions as 03x, threats as 13x
    evidence = _evidence(d, doc)[0]
    source, target = canonical_participants(d.type, d.source, d.target)
    event = Event(id="", type=d.type, cameo=cameo, plover=etype.plover, source=source,
                  target=target, mode=_mode(d), reported_by=sorted(set(d.reported_by)),
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
    last_drafts: list[Draft] = field(default_factory=list)  # the previous sentence's ("Об этом заявил X")


def _announced(d: Draft, reports: list[Report], lex: Lexicon) -> bool:
    """"announced new sanctions", "заявила о выходе": the noun is the speaker's own act, unless a
    complementizer opens a reported clause ("said that negotiations between X and Y ...")."""
    if EVENT_TYPES[d.type].symmetric and len(d.participants) >= 2:
        return False
    words = set(lex.raw.get("complementizers", []))
    if lex.order == "SOV":  # "көмек пакетін жариялады": the noun right before the announcing verb
        return any(0 <= r.cue.start - d.trig.end <= 1 and d.tokens[r.cue.indices[-1]].pos in ("VERB", "AUX", "")
                   for r in reports)
    return any(0 <= d.trig.start - r.cue.end <= 3 and d.tokens[r.cue.indices[-1]].pos in ("VERB", "AUX", "")
               and not any(t.text.lower() in words for t in d.tokens[r.cue.end:d.trig.start]) for r in reports)


def _negated_subject(d: Draft, lex: Lexicon) -> bool:
    """"No South Korean president had travelled to Tokyo": a negator before the subject."""
    subjects = d.slots.get("subj")
    if lex.order != "SVO" or not subjects:
        return False
    k = subjects[0].i - 1
    return k >= 0 and d.tokens[k].text.lower() in lex.raw.get("negation_before", []) and d.tokens[k].text != "не"


def _report_back(tokens: list[Token], speakers: list[str], lex: Lexicon, state: _DocState) -> None:
    """"Об этом заявил Песков": a report that opens on "about this" attributes the previous sentence."""
    cues = compile_patterns(lex.raw.get("backward_report_cues", []))
    if not speakers or not cues or not any(m.start == 0 for m in find_matches(tokens[:3], cues, set())):
        return
    for d in state.last_drafts:
        if not d.reported_by and not (d.type in SAID_ACTS and set(d.source) & set(speakers)):
            d.reported_by = list(speakers)
    state.last_drafts = []


def _colon_speaker(tokens: list[Token], args: list[Arg]) -> list[str]:
    """"АҚШ: Мәскеу ... келісім жасауға күш салып жатыр", "Kremlin: ...": a headline that opens on a name
    and a colon gives the rest on that actor's word."""
    first = next((a for a in args if a.i == 0), None)
    if first is None or first.j >= len(tokens) - 1 or tokens[first.j].text != ":":
        return []
    first.speaker = True
    return [first.actor]


def _opener(tokens: list[Token], lex: Lexicon) -> Match | None:
    """"Атап айтқанда,", "in particular": the words a sentence elaborating the previous one opens on."""
    return next((m for m in find_matches(tokens[:3], word_patterns(lex, "elaboration_openers"), set())
                 if m.start == 0), None)


def _continue_report(opener: Match | None, args: list[Arg], reports: list[Report], state: _DocState) -> bool:
    """"Атап айтқанда, Солтүстік Корея ... жеткізіп жатқанын айтқан": a sentence opening on "in
    particular" goes on with the previous speakers' account, so a lone nominative before the reported
    clause is that clause's subject, not a new speaker (who would then be the speaker's own topic)."""
    if opener is None or not state.last_speakers:
        return False
    for r in [r for r in reports if r.cue.start < opener.end]:  # "айтқанда" is no report of its own
        for a in r.group:
            a.speaker = False
        reports.remove(r)
    continued = False
    for r in reports:
        nominative = [a for a in args if a.case in (None, "Nom") and a.prep is None and a.j <= r.cue.start]
        if r.speaker is not None and nominative == [r.speaker] and r.speaker.actor not in state.last_speakers:
            for a in r.group:
                a.speaker = False
            r.speaker, r.group = None, []
        continued = continued or r.speaker is None
    return continued


def _remember_date(state: _DocState, s: Sentence, doc: Document, date: tuple[str | None, str | None]) -> None:
    """Keep the paragraph's time; a new paragraph starts without one."""
    new_paragraph = state.last_end is None or "\n" in doc.text[state.last_end:s.start]
    if date[0] is not None:
        state.last_date = date
    elif new_paragraph:
        state.last_date = None
    state.last_end = s.end


def _dropped_subject(d: Draft, dropped: dict[int, str]) -> None:
    """"Тоқаев Ташкентке барды. Онда Мирзиёевпен кездесті.": an act told by a verb whose subject is dropped
    is done by the actor the coreference pass found for it (the trigger's verb, or the verb it hangs on)."""
    if d.source or "subj" in d.slots.blocked:
        return
    head = d.tokens[d.trig.head]
    verbs = [*(d.tokens[k] for k in d.trig.indices), *([d.tokens[head.head]] if head.head >= 0 else [])]
    actor = next((dropped[t.start] for t in verbs if t.start in dropped), None)
    if actor is not None and actor not in d.target:
        d.source = [actor]
        d.slots.inherited.add("subj")


def _hoped_for_visit(d: Draft, drafts: list[Draft], lex: Lexicon) -> bool:
    """"Тоқаев Мирзиёевке Астанаға ... келуді ұсынды" (proposed that he come): a visit one side offers or
    invites the other to make is only hoped for, no VISIT (docs/event-types.md, VISIT)."""
    if d.type != "VISIT" or lex.order != "SOV":
        return False
    return any(o.type == "OFFER" and 0 <= o.trig.start - d.trig.end <= 1 for o in drafts if o is not d)


def _frame_noun(trig: Trigger, tokens: list[Token], lex: Lexicon) -> bool:
    """SOV: "кездесуде ...", "сапар барысында ..." (at the meeting, during the visit): a noun trigger in the
    locative or before a frame word (the lexicon's ``background_markers``) sets the scene for the clause
    after it, whose names are that clause's; its own sides stand before it."""
    if lex.order != "SOV" or not is_nominal(trig, tokens):
        return False
    frames = compile_patterns(lex.raw.get("background_markers", []))
    return tokens[trig.head].case == "Loc" or any(m.start == 0 for m in find_matches(tokens[trig.end:trig.end + 2],
                                                                                      frames, set()))


def _leave_the_violated(slots: Slots, tokens: list[Token], trigger: tuple[int, ...]) -> None:
    """"Кеңесінің қарарын бұзу": a genitive owning the word after it (which bears the possessive
    ending) owns the thing violated (a law, a resolution), which is never a side of the accusation
    (docs/event-types.md, ACCUSE); "Ресейдің келісімді бұзғаны" keeps its violator."""
    for slot in ("poss", "of"):
        owners = [a for a in slots.get(slot) if a.case == "Gen" and a.j < len(tokens) and a.j not in trigger
                  and tokens[a.j].feats.get("Person[psor]") == "3"]
        if owners:
            slots.by_slot[slot] = [a for a in slots.get(slot) if a not in owners]
            slots.not_sides |= {a.actor for a in owners if a.actor}


def _sentence_drafts(doc: Document, s: Sentence, mentions: list[Mention], lex: Lexicon,
                     state: _DocState) -> list[Draft]:
    tokens = s.tokens
    args = place_mentions(tokens, mentions, lex)
    share_case_in_lists(tokens, args, lex)
    known_holders(args, state.roles)
    state.roles.extend(find_roles(tokens, args, lex, doc.id))
    # Words inside organisation names are no triggers ("Collective Security Treaty Organization").
    used: set[int] = {k for a in args if a.mention.kind in ("Organization", "Group") and a.title is None
                      for k in range(a.i, a.j)}
    labelled = label_triggers(tokens, lex, used)
    triggers = sorted(labelled + find_triggers(tokens, lex, used), key=lambda t: t.start)
    claimed = claim_multiword_cues(tokens, lex, used)
    complementizers = find_matches(tokens, lex.complementizers, used)
    trigger_starts = sorted(t.start for t in triggers)
    first_trigger = trigger_starts[0] if trigger_starts else None
    comp_idx = [k for m in complementizers for k in m.indices]
    reports = find_reports(tokens, args, lex, used, sorted(trigger_starts + comp_idx), first_trigger, claimed)
    opener = _opener(tokens, lex)
    continued = _continue_report(opener, args, reports, state)
    speakers = list(dict.fromkeys(a.actor for r in reports for a in r.group)) or _colon_speaker(tokens, args)
    if not speakers and (continued or any(pronoun_speaks(r.cue, tokens, lex) for r in reports)):
        speakers = list(state.last_speakers)  # "he added": the speaker of the previous report
    state.last_speakers = speakers or state.last_speakers
    own_date = resolve_date(s, doc.lang, doc.published)
    _report_back(tokens, speakers, lex, state)
    if not triggers:
        _remember_date(state, s, doc, own_date)
        return []
    report_idx = [k for r in reports for k in r.cue.indices]
    relatives, closed = mark_relative_clauses(tokens, args, lex)
    # "backs Ukraine resolution as U.S. sides with Russia": a subordinate clause starts a new window.
    subordinators = set(lex.raw.get("subordinators", []))
    relatives += [k for k, t in enumerate(tokens) if t.text.lower() in subordinators and k not in used]
    stops = sorted({k for t in triggers for k in t.indices} | set(comp_idx) | set(report_idx) | set(relatives))
    date = own_date
    if date[0] is None and state.last_date is not None and state.last_end is not None \
            and "\n" not in doc.text[state.last_end:s.start]:
        date = state.last_date  # the paragraph's time still holds ("The strikes killed 11.")
    # Ambiguous trigger words whose required argument is missing are dropped, and the windows of
    # the others are recomputed without them.
    trigger_tokens = {k for t in triggers for k in t.indices}
    skip = apposition_tokens(tokens, args, lex)
    checked = []
    for t in triggers:
        while not need_met(t, tokens, args, stops, lex, trigger_tokens, skip, closed) and t.entry.otherwise:
            t.entry = t.entry.otherwise  # "fired missiles into the sea": a test, not an attack
        if need_met(t, tokens, args, stops, lex, trigger_tokens, skip, closed):
            checked.append(t)
    checked = drop_denied_claims(checked, tokens, lex)
    if lex.order == "SVO":
        # "launched a missile strike": a weak verb right before an event noun is only its light verb.
        checked = [t for t in checked if not (t.entry.need and any(
            0 <= n.start - t.end <= LIGHT_VERB_REACH and n.type != t.type
            and all(any(ch.isalnum() for ch in x.text) for x in tokens[t.end:n.start])
            and not any(t.end <= a.i < n.start for a in args)  # "прибыла в Москву для консультаций"
            for n in checked if n is not t))]
    checked = drop_violations_inside_accusations(checked)
    checked = drop_echoes(checked, tokens, lex)
    checked = drop_topic_nouns(checked, tokens, lex)
    if len(checked) < len(triggers):
        dropped = {k for t in triggers if t not in checked for k in t.indices}
        stops = [k for k in stops if k not in dropped]
        trigger_tokens -= dropped
    drafts: list[Draft] = []
    for trig in checked:
        slots, lo, hi, obj_hi = window_slots(trig, tokens, args, stops, lex, trigger_tokens, skip, closed)
        if trig.entry.violation:
            _leave_the_violated(slots, tokens, trig.indices)
        d = Draft(trig, s, tokens, lo, hi, slots, speakers, date, order=lex.order)
        if trig.type in common().object_types:
            d.object = find_objects(tokens, lo, obj_hi, lex.objects)
        drafts.append(d)
    kept = [d.trig for d in drafts]
    stop_set = set(stops)
    for d in drafts:
        own_stops = stop_set - set(d.trig.indices)
        d.negated = is_negated(d.trig, tokens, lex, own_stops) or _negated_subject(d, lex) \
            or refused(d.trig, tokens, lex, kept)
        d.planned_by = planned_reason(d.trig, tokens, lex, kept, own_stops)
        d.planned = d.planned_by is not None
        d.hearsay = hearsay(d.trig, tokens, lex, own_stops)
    for d in drafts:
        if "subj" not in d.slots.blocked:
            resolve_pronoun(d, lex, state.recent, args)
    leave_sides_to_their_trigger(drafts)
    inherit(drafts, lex, args)
    for d in drafts:
        subject_before_complement(d, args, comp_idx, lex)
        accusative_subject_in_complement(d, comp_idx, lex)
        leave_embedded_arguments(d, drafts, lex)
        noun_under_reaction(d, drafts, lex)
        subject_of_participle(d, args, lex)
        genitive_subject_of_nominalised_verb(d, lex)
    frames = [d for d in drafts if _frame_noun(d.trig, tokens, lex)]
    for d in drafts:
        resolve_object_pronoun(d, lex, args, state.recent)
        if d in frames:  # its own or borrowed, names after a frame are the next clause's
            for slot, filled in d.slots.by_slot.items():
                d.slots.by_slot[slot] = [a for a in filled if a.i < d.trig.end]
        for f in [f for f in frames if f is not d and f.trig.end <= d.trig.start]:
            # "Иранның Израильге жасаған шабуылынан кейін АҚШ Иранға соққы берді": the obliques before a
            # frame are its own; a nominative there may still be the clause's subject.
            for slot, filled in d.slots.by_slot.items():
                d.slots.by_slot[slot] = [a for a in filled if a.j > f.trig.start or a.case in (None, "Nom")]
        assign_roles(d)
        words = [d.tokens[k] for k in d.trig.indices]
        if len(d.source) >= 2 and find_matches(words, word_patterns(lex, "mutual_acts"), set()):
            # "Пәкістан мен Ауғанстан Дохада атысты тоқтатуға келісті": where a truce is agreed is no side of it.
            where = {a.actor for a in d.slots.get("place")}
            d.target = [t for t in d.target if t not in where]
        d.target = mutual_target(d.type, d.source, d.target, words, lex)
        if not d.source and speakers and d.type in SAID_ACTS and "subj" not in d.slots.blocked:
            d.source = list(speakers)  # "Солтүстік Корея ... айыптауларын теріске шығарып, ... мәлімдеген"
        if not d.source and speakers and d.type not in SAID_ACTS and "subj" not in d.slots.blocked \
                and speaks_of_itself(d, lex):
            d.source = list(speakers)  # "Iran said it does not supply drones": the speaker speaks of itself
            d.slots.inherited.add("subj")
        # "АҚШ көмек пакетін жариялады": a Kazakh subject announcing its own noun act.
        own = bool(d.source) and set(d.source) <= set(speakers) and lex.order == "SOV"
        if (not d.source or own) and speakers and _noun_phrase(d) and _announced(d, reports, lex):
            d.source = list(speakers)  # "announced new sanctions", "заявила о выходе": their own act
            d.reported_by = []
            continue
        is_own_statement = d.type in SPEECH_ACTS and set(d.source) & set(speakers)
        if speakers and not is_own_statement:
            d.reported_by = list(speakers)
    link_governed(drafts, lex)
    link_sentence(drafts, lex)
    framed = opener.end if continued and opener is not None else 0  # the opener frames, it breaks nothing
    scope_reports(drafts, reports, [b for b in clause_breaks(tokens, lex, used) if b > framed], lex)
    for d in drafts:
        if lex.order == "SOV" and d.type == "ACCUSE" and not d.target:
            # "Пхеньянды ... бұзды деп айыптады": the accused stands in the accusative before "деп".
            accused = [a for a in args if a.active and a.case == "Acc" and a.j <= d.trig.start
                       and a.actor not in d.source]
            d.target = [accused[0].actor] if accused else []
    for d in drafts:
        if d.type in SAID_ACTS:
            # A speaker's own accusation or denial is the event itself, not a report of it.
            d.reported_by = [r for r in d.reported_by if r not in d.source]
    _remember_date(state, s, doc, date)
    drafts = [d for d in drafts if not _hoped_for_visit(d, drafts, lex)]
    state.last_drafts = drafts
    subjects = [a for d in drafts if "subj" not in d.slots.inherited for a in d.slots.get("subj")]
    state.recent.extend(subjects + [a for r in reports for a in r.group])
    return drafts


def coreference_mentions(doc: Document, sentences: list[Sentence], mentions: list[Mention], kb: KnowledgeBase,
                         lex: Lexicon) -> tuple[list[Mention], dict[int, str]]:
    """The pronouns and titles the coreference pass resolves to one actor, as mentions that the pattern
    rules place by their case like any name ("Ол ... шақырды": he is the person the pass found); and the
    person each verb whose subject is dropped stands for, by the verb's document offset ("Онда Мирзиёевпен
    кездесті")."""
    from graphbuild.events.passes import passes_through, run_passes
    from graphbuild.events.stage import document_context

    ctx = run_passes(document_context(doc, sentences, mentions, kb, lex), passes_through("coreference"))
    tokens = [t for sc in ctx.sentences for t in sc.tokens]
    found: list[Mention] = []
    # People only: a state or body as a dropped subject is mostly a subject the parse lost, and taking
    # those cost a held-out Kazakh set an event.
    dropped = {link.start: link.actors[0] for link in ctx.coref_links
               if link.kind == "dropped_subject" and len(link.actors) == 1 and link.actors[0] in kb
               and kb.actor(link.actors[0]).kind == "Person"}
    for link in ctx.coref_links:
        if link.kind not in COREF_MENTION_KINDS or len(link.actors) != 1 \
                or any(m.start < link.end and link.start < m.end for m in mentions):
            continue
        actor = link.actors[0]
        head = [t for t in tokens if link.start <= t.start and t.end <= link.end][-1:]
        found.append(Mention(doc.id, link.start, link.end, link.text, kb.actor(actor).kind if actor in kb else "Person",
                             doc.lang, actor=actor, lemma=head[0].lemma if head else None,
                             case=head[0].case if head else None, source="coreference"))
    return found, dropped


def extract_with_patterns(doc: Document, sentences: list[Sentence], mentions: list[Mention],
                          kb: KnowledgeBase) -> ExtractionResult:
    """Events (with canonical ids, modes, attribution, dates, evidence), role facts and warnings, by
    lemma windows (the stage a profile names with events: "patterns")."""
    result = ExtractionResult()
    try:
        lex = load_lexicon(doc.lang)
    except KeyError:
        result.warnings.append(f"no event lexicon for language {doc.lang!r}: no events extracted")
        return result
    drafts: list[Draft] = []
    state = _DocState(roles=result.roles)
    resolved, dropped = coreference_mentions(doc, sentences, mentions, kb, lex)
    ordered = sorted(mentions + resolved, key=lambda m: m.start)
    for s in sentences:
        if not s.tokens:
            continue
        inside = [m for m in ordered if s.start <= m.start and m.end <= s.end]
        inside = with_anaphora(s, inside, [m for m in ordered if m.end <= s.start], lex, doc.id, result.actors, kb)
        drafts.extend(_sentence_drafts(doc, s, inside, lex, state))
    for d in drafts:
        # "Тоқаев Қазақстан ... мойындамайтынын мәлімдеді": the statement is theirs together (coref/offices.py).
        own = speaking_for(d.reported_by, d.source, result.roles, kb, d.date[0] or doc.published) \
            if d.type in SAID_ACTS else []
        d.source = d.source + own
        d.reported_by = [r for r in d.reported_by if r not in own]
    link_across(drafts)
    resolve_parties(drafts, lex, kb, doc.published)
    reciprocal_sides(drafts, lex)
    link_sides(drafts, lex)
    link_anaphora(drafts, lex)
    fold_partial_mentions(drafts, lambda actors, d: event_sides(actors, kb, d.date[0] or doc.published))
    answer_the_attacker(drafts, kb, doc.published, given_offices(result.roles))
    answer_the_teller(drafts, kb, doc.published)
    fill_missing_targets(drafts, ordered, kb, doc.published)
    for d in drafts:
        _dropped_subject(d, dropped)  # last: the stage's own rules (parties, links) go first
    drafts = split_reciprocal(drafts, kb, doc.published)
    drafts = pledged_offers(drafts, kb, doc.published)
    referenced = {id(d.about) for d in drafts if d.about is not None}
    named = {m.actor for m in ordered if m.actor}
    for d in drafts:
        on = d.date[0] or doc.published
        d.source, d.target = event_sides(d.source, kb, on, named), event_sides(d.target, kb, on, named)
        own = within_one_state(d.source, d.target, kb, on, EVENT_TYPES[d.type].symmetric) \
            or _on_itself(d)
        d.event = None if own and id(d) not in referenced else _build_event(d, doc, id(d) in referenced)
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
        if known.date is None and d.event.date is not None:  # a dateless headline, then the dated body
            known.date, known.date_precision = d.event.date, d.event.date_precision
        known.confidence = max(known.confidence, d.event.confidence)
    result.events = list(merged.values())
    unique_roles = {r.id: r for r in result.roles}
    result.roles = list(unique_roles.values())
    return result
