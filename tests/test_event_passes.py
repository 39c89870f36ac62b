"""Each event pass alone, on sentences whose dependency trees are written out by hand.

Trees are given CoNLL-style (1-based heads, 0 = root) so the passes are tested independently of
any parser; every test names every participant it expects and fails on extra ones.
"""

from __future__ import annotations

import pytest

from graphbuild.entities.kb import KnowledgeBase
from graphbuild.events.context import Candidate, DocContext, SentenceContext
from graphbuild.events.lexicon import load_lexicon
from graphbuild.events.passes import (
    Pass,
    arguments,
    coreference,
    dates,
    default_passes,
    discourse,
    event_coref,
    links,
    mentions,
    modality,
    readiness,
    run_passes,
    speakers,
    triggers,
)
from graphbuild.events.sides import without_own_side
from graphbuild.language.base import Sentence, Token
from graphbuild.language.tree import Tree
from graphbuild.model import Document, Mention

# kind of each actor id used below
KINDS = {"RUS": "Country", "PRK": "Country", "USA": "Country", "UKR": "Country", "IRN": "Country", "ISR": "Country",
         "KGZ": "Country", "TJK": "Country", "BRA": "Country", "IND": "Country",
         "person:john-kirby": "Person", "person:sergei-shoigu": "Person", "Q15031": "Person",
         "person:cyril-ramaphosa": "Person", "person:abbas-araghchi": "Person"}


def parse(rows: str, start: int = 0) -> tuple[Sentence, list[tuple[int, int, str]]]:
    """Rows "word lemma UPOS head deprel [actor] [Feat=V|...]" -> a sentence and its actor spans."""
    tokens: list[Token] = []
    actors: list[tuple[int, int, str]] = []
    pos = start
    for line in rows.strip().splitlines():
        word, lemma, upos, head, rel, *rest = line.split()
        actor = next((r for r in rest if "=" not in r), None)
        feats = dict(f.split("=") for r in rest if "=" in r for f in r.split("|"))
        tokens.append(Token(word, pos, pos + len(word), lemma=lemma, pos=upos, feats=feats,
                            head=int(head) - 1, deprel=rel))
        if actor:
            actors.append((pos, pos + len(word), actor))
        pos += len(word) + 1
    text = " ".join(t.text for t in tokens)
    return Sentence(text, start, start + len(text), tokens), actors


def context(*sentences: str, lang: str = "en", published: str = "2023-09-01") -> DocContext:
    parsed = []
    start = 0
    for rows in sentences:
        s, actors = parse(rows, start)
        parsed.append((s, actors))
        start = s.end + 1
    text = " ".join(s.text for s, _ in parsed)
    doc = Document(id="doc", source="t", lang=lang, text=text, published=published)
    mentions = [Mention("doc", a, b, text[a:b], KINDS[actor], lang, actor=actor)
                for _, spans in parsed for a, b, actor in spans]
    return DocContext(doc, KnowledgeBase.load(), load_lexicon(lang),
                      [SentenceContext(n, s, Tree(s)) for n, (s, _) in enumerate(parsed)], mentions)


def run_until(ctx: DocContext, last: Pass) -> DocContext:
    passes = default_passes()
    return run_passes(ctx, passes[:passes.index(last) + 1])


def firm(ctx: DocContext) -> list[Candidate]:
    """Candidates with the arguments their sense needs (weak ones only re-mention earlier events)."""
    return [c for c in ctx.candidates if not c.weak]


def only(ctx: DocContext) -> Candidate:
    found = firm(ctx)
    assert len(found) == 1, [(c.type, c.source, c.target) for c in found]
    return found[0]


SUPPLY = """
North North PROPN 2 compound PRK
Korea Korea PROPN 3 nsubj PRK
supplied supply VERB 0 root
shells shell NOUN 3 obj
to to ADP 6 case
Russia Russia PROPN 3 obl RUS
"""


def test_arguments_subject_object_and_oblique() -> None:
    c = only(run_until(context(SUPPLY), arguments.PASS))
    assert (c.type, c.source, c.target, c.object) == ("SUPPLY", ["PRK"], ["RUS"], "shells")


def test_arguments_object_control_gives_the_embedded_act_its_doer() -> None:
    ctx = run_until(context("""
Shoigu Shoigu PROPN 2 nsubj person:sergei-shoigu
urged urge VERB 0 root
Pyongyang Pyongyang PROPN 2 obj PRK
to to PART 5 mark
sell sell VERB 2 xcomp
shells shell NOUN 5 obj
to to ADP 8 case
Russia Russia PROPN 5 obl RUS
"""), arguments.PASS)
    found = {(c.type, tuple(c.source), tuple(c.target)) for c in ctx.candidates}
    assert found == {("REQUEST", ("person:sergei-shoigu",), ("PRK",)), ("SUPPLY", ("PRK",), ("RUS",))}


def test_arguments_relative_clause_subject_is_the_modified_noun() -> None:
    ctx = run_until(context("""
Iran Iran PROPN 3 nsubj IRN
is be AUX 3 cop
a a DET 3 det
country country NOUN 0 root
which which PRON 6 nsubj
ships ship VERB 4 acl:relcl
drones drone NOUN 6 obj
to to ADP 9 case
Russia Russia PROPN 6 obl RUS
""".replace("3 nsubj IRN", "4 nsubj IRN").replace("3 cop", "4 cop").replace("3 det", "4 det")), arguments.PASS)
    c = only(ctx)
    assert (c.type, c.source, c.target) == ("SUPPLY", ["IRN"], ["RUS"])  # the predicate noun is Iran


def test_arguments_light_verb_lends_its_subject_and_obliques_to_the_noun() -> None:
    c = only(run_until(context("""
Washington Washington PROPN 2 nsubj USA
imposed impose VERB 0 root
sanctions sanction NOUN 2 obj
on on ADP 5 case
Iran Iran PROPN 2 obl IRN
"""), arguments.PASS))
    assert (c.type, c.source, c.target) == ("SANCTION", ["USA"], ["IRN"])


def test_arguments_country_adjective_of_an_event_noun_is_its_doer() -> None:
    ctx = run_until(context("""
Russian Russian ADJ 2 amod RUS
strikes strike NOUN 3 nsubj
hit hit VERB 0 root
Ukraine Ukraine PROPN 3 obj UKR
"""), arguments.PASS)
    assert [(c.type, c.source, c.target) for c in firm(ctx)] == [("ASSAULT", ["RUS"], ["UKR"])]


def test_coreference_pronoun_takes_the_latest_fitting_subject() -> None:
    ctx = context("""
Kirby Kirby PROPN 2 nsubj person:john-kirby
spoke speak VERB 0 root
""", """
He he PRON 2 nsubj Number=Sing|Person=3
accused accuse VERB 0 root
Russia Russia PROPN 2 obj RUS
""")
    c = only(run_until(ctx, arguments.PASS))
    assert (c.type, c.source, c.target) == ("ACCUSE", ["person:john-kirby"], ["RUS"])


def test_speakers_complement_of_a_report_verb_is_reported_by_its_subject() -> None:
    ctx = run_until(context("""
Kirby Kirby PROPN 2 nsubj person:john-kirby
said say VERB 0 root
Russia Russia PROPN 4 nsubj RUS
attacked attack VERB 2 ccomp
Ukraine Ukraine PROPN 4 obj UKR
"""), speakers.PASS)
    c = only(ctx)
    assert (c.type, c.source, c.target, c.reported_by) == ("ASSAULT", ["RUS"], ["UKR"], ["person:john-kirby"])


def test_speakers_a_speakers_own_accusation_is_not_a_report_of_it() -> None:
    ctx = run_until(context("""
Kirby Kirby PROPN 2 nsubj person:john-kirby
said say VERB 0 root
he he PRON 4 nsubj
condemned condemn VERB 2 ccomp
Russia Russia PROPN 4 obj RUS
"""), speakers.PASS)
    c = only(ctx)
    assert (c.type, c.source, c.target, c.reported_by) == ("ACCUSE", ["person:john-kirby"], ["RUS"], [])


def test_modality_negation_and_plans_take_scope_from_the_tree() -> None:
    ctx = run_until(context("""
Russia Russia PROPN 2 nsubj RUS
plans plan VERB 0 root
to to PART 4 mark
attack attack VERB 2 xcomp
Ukraine Ukraine PROPN 4 obj UKR
""", """
Iran Iran PROPN 4 nsubj IRN
did do AUX 4 aux
not not PART 4 advmod
supply supply VERB 0 root
Russia Russia PROPN 4 obj RUS
"""), modality.PASS)
    by_type = {c.type: c for c in ctx.candidates}
    assert set(by_type) == {"ASSAULT", "SUPPLY"}
    assert (by_type["ASSAULT"].planned, by_type["ASSAULT"].negated) == (True, False)
    assert (by_type["SUPPLY"].planned, by_type["SUPPLY"].negated) == (False, True)


def test_event_coref_a_bare_re_mention_is_the_same_event() -> None:
    ctx = run_until(context(SUPPLY, """
The the DET 2 det
deliveries delivery NOUN 3 nsubj
continued continue VERB 0 root
"""), event_coref.PASS)
    c = only(ctx)
    assert (c.source, c.target, [s.index for s in c.extra_evidence]) == (["PRK"], ["RUS"], [1])


def test_event_coref_a_bare_re_mention_joins_the_act_whose_sides_are_known() -> None:
    # SUPPLY North Korea -> Russia; then "arms were supplied" (no sides); then "the deliveries ...": the
    # re-mention is the act the article named the sides of, not the later side-less telling.
    ctx = run_until(context(SUPPLY, """
Arms arm NOUN 3 nsubj:pass
were be AUX 3 aux:pass
shipped ship VERB 0 root
by by ADP 5 case
sea sea NOUN 3 obl
""", """
The the DET 2 det
deliveries delivery NOUN 3 nsubj
continued continue VERB 0 root
"""), event_coref.PASS)
    delivery = next(c for c in ctx.folded if c.sent.index == 2)
    assert delivery.folded_into is not None and delivery.folded_into.source == ["PRK"]


def test_event_coref_a_re_mention_with_a_determiner_is_a_noun_whatever_its_tag() -> None:
    # "Mexico called the raid a violation" with "raid" tagged VERB: "the" makes it a noun phrase, so
    # it re-mentions the storming, and the accusation is aimed at the stormer.
    ctx = run_until(context("""
Ecuadorian Ecuadorian ADJ 2 amod USA
police police NOUN 3 nsubj
stormed storm VERB 0 root
the the DET 6 det
Mexican Mexican ADJ 6 amod BRA
embassy embassy NOUN 3 obj
""", """
Mexico Mexico PROPN 2 nsubj BRA
called call VERB 0 root
the the DET 4 det
raid raid VERB 2 obj
a a DET 6 det
violation violation NOUN 2 obj
"""), links.PASS)
    assert [(c.type, c.source, c.target) for c in firm(ctx)] == [("ASSAULT", ["USA"], ["BRA"]),
                                                                  ("ACCUSE", ["BRA"], ["USA"])]
    assert [c.folded_into.type for c in ctx.folded if c.folded_into] == ["ASSAULT"]


def test_arguments_what_a_thing_sent_does_its_sender_does_but_not_what_a_target_does() -> None:
    # "sent troops attacking Kyiv": the sender attacks; "struck a ship leaving Ukraine": the ship
    # leaves, not the striker.
    sent = run_until(context("""
Russia Russia PROPN 2 nsubj RUS
sent send VERB 0 root
troops troop NOUN 2 obj
attacking attack VERB 3 acl VerbForm=Ger
Kyiv Kyiv PROPN 4 obj UKR
"""), arguments.PASS)
    hit = next(c for c in sent.candidates if c.sent.tokens[c.head].text == "attacking")
    assert (hit.source, hit.target) == (["RUS"], ["UKR"])
    struck = run_until(context("""
Russia Russia PROPN 2 nsubj RUS
struck strike VERB 0 root
a a DET 4 det
ship ship NOUN 2 obj
leaving leave VERB 4 acl VerbForm=Ger
Ukraine Ukraine PROPN 5 obj UKR
"""), arguments.PASS)
    left = next(c for c in struck.candidates if c.sent.tokens[c.head].text == "leaving")
    assert (left.source, left.target) == ([], ["UKR"])


def test_triggers_a_harmful_label_predicated_of_a_subject_accuses_it() -> None:
    ctx = run_until(context("""
Russia Russia PROPN 2 nsubj RUS
said say VERB 0 root
Ukraine Ukraine PROPN 7 nsubj UKR
was be AUX 7 cop
a a DET 7 det
terrorist terrorist ADJ 7 amod
state state NOUN 2 ccomp
"""), speakers.PASS)
    [c] = [c for c in ctx.candidates if c.type == "ACCUSE"]
    assert (c.source, c.target) == (["RUS"], ["UKR"])


def test_links_denial_of_an_embedded_act_marks_it_denied() -> None:
    ctx = run_until(context("""
Pyongyang Pyongyang PROPN 2 nsubj PRK
denied deny VERB 0 root
supplying supply VERB 2 xcomp VerbForm=Ger
arms arm NOUN 3 obj
to to ADP 6 case
Russia Russia PROPN 3 obl RUS
"""), links.PASS)
    by_type = {c.type: c for c in ctx.candidates}
    assert set(by_type) == {"DENY", "SUPPLY"}
    assert by_type["DENY"].about is by_type["SUPPLY"]
    assert (by_type["SUPPLY"].source, by_type["SUPPLY"].target, by_type["SUPPLY"].denied) == (["PRK"], ["RUS"], True)


def test_the_whole_stage_builds_events_with_ids_and_evidence() -> None:
    ctx = run_passes(context(SUPPLY), default_passes())
    assert [(e.type, e.source, e.target, e.mode, e.object) for e in ctx.events] == [
        ("SUPPLY", ["PRK"], ["RUS"], "asserted", "shells")]
    assert ctx.events[0].evidence[0].quote == "supplied"


def test_a_pass_reading_what_no_earlier_pass_wrote_is_refused() -> None:
    with pytest.raises(ValueError, match="reads"):
        run_passes(context(SUPPLY), [arguments.PASS])


def test_every_pass_is_named_and_declared() -> None:
    names = [p.name for p in default_passes()]
    assert names == ["mentions", "dates", "coreference", "triggers", "arguments", "readiness", "speakers", "modality",
                     "event_coref", "links", "discourse", "talks", "build"]
    assert {mentions.PASS.name, dates.PASS.name, coreference.PASS.name, triggers.PASS.name} <= set(names)


def test_discourse_the_sides_are_the_parties_of_the_latest_meeting() -> None:
    ctx = run_until(context("""
Shoigu Shoigu PROPN 2 nsubj person:sergei-shoigu
met meet VERB 0 root
Kim Kim PROPN 2 obj PRK
""", """
The the DET 3 det
two two NUM 3 nummod
sides side NOUN 4 nsubj
signed sign VERB 0 root
an a DET 6 det
agreement agreement NOUN 4 obj
"""), discourse.PASS)
    found = sorted((c.type, sorted(c.participants)) for c in ctx.candidates)
    assert found == [("AGREE", ["PRK", "person:sergei-shoigu"]), ("MEET", ["PRK", "person:sergei-shoigu"])]


def test_discourse_the_two_governments_are_the_states_the_leaders_hold_office_in() -> None:
    ctx = run_until(context("""
Xi Xi PROPN 2 nsubj Q15031
met meet VERB 0 root
Ramaphosa Ramaphosa PROPN 2 obj person:cyril-ramaphosa
""", """
The the DET 3 det
two two NUM 3 nummod
governments government NOUN 4 nsubj
signed sign VERB 0 root
agreements agreement NOUN 4 obj
"""), discourse.PASS)
    found = sorted((c.type, sorted(c.participants)) for c in ctx.candidates)
    assert found == [("AGREE", ["CHN", "ZAF"]), ("MEET", ["Q15031", "person:cyril-ramaphosa"])]


def test_discourse_a_guessed_target_of_a_hostile_act_is_never_the_doers_own_state() -> None:
    # "Araghchi warned that Iran would respond to X": Iran is the side he speaks for; Israel, the
    # other actor of the clause, is the guess.
    ctx = run_until(context("""
Araghchi Araghchi PROPN 2 nsubj person:abbas-araghchi
warned warn VERB 0 root
that that SCONJ 6 mark
Iran Iran PROPN 6 nsubj IRN
would would AUX 6 aux
respond respond VERB 2 ccomp
to to ADP 8 case
Israel Israel PROPN 6 obl ISR
""", published="2025-06-01"), discourse.PASS)
    c = only(ctx)
    assert (c.type, c.source, c.target, c.guessed) == ("THREATEN", ["person:abbas-araghchi"], ["ISR"], True)


def test_sides_keep_a_named_target_and_other_types() -> None:
    kb = KnowledgeBase.load()
    assert without_own_side("THREATEN", ["org:white-house"], ["USA", "PRK"], kb, "2023-08-30") == ["PRK"]
    assert without_own_side("THREATEN", ["person:abbas-araghchi"], ["IRN"], kb, "2025-06-01") == []
    assert without_own_side("MEET", ["Q7747"], ["RUS"], kb, "2023-08-30") == ["RUS"]
    assert kb.states_of("Q7747", "2023-08-30") == {"RUS"}
    assert kb.states_of("Q1065", "2023-08-30") == set()


def test_discourse_a_joint_verb_that_lost_its_subject_takes_the_actors_named_before_it() -> None:
    # the parser made "met" a parataxis of "Meanwhile" and left it no subject
    ctx = run_until(context("""
Meanwhile meanwhile ADV 0 root
, , PUNCT 1 punct
Kyrgyzstan Kyrgyzstan PROPN 1 appos KGZ
and and CCONJ 5 cc
Tajikistan Tajikistan PROPN 3 conj TJK
met meet VERB 1 parataxis
"""), discourse.PASS)
    c = only(ctx)
    assert (c.type, sorted(c.participants), c.guessed) == ("MEET", ["KGZ", "TJK"], True)


def test_discourse_a_joint_verb_with_a_subject_word_takes_nothing_from_before() -> None:
    # "The bloc, which includes Brazil and India, is to meet": the bloc meets, not its members
    ctx = run_until(context("""
The the DET 2 det
bloc bloc NOUN 10 nsubj
, , PUNCT 5 punct
which which PRON 5 nsubj
includes include VERB 2 acl:relcl
Brazil Brazil PROPN 5 obj BRA
and and CCONJ 8 cc
India India PROPN 6 conj IND
is be AUX 10 aux
meeting meet VERB 0 root
"""), discourse.PASS)
    assert [(c.type, c.participants) for c in ctx.candidates] == [("MEET", set())]


def test_discourse_a_missing_target_is_guessed_from_the_clause_and_marked() -> None:
    ctx = run_until(context("""
Russia Russia PROPN 2 nsubj RUS
threatened threaten VERB 0 root
retaliation retaliation NOUN 2 obj
over over ADP 5 case
Ukraine Ukraine PROPN 2 obl UKR
"""), discourse.PASS)
    c = only(ctx)
    assert (c.type, c.source, c.target, c.guessed) == ("THREATEN", ["RUS"], ["UKR"], True)


def test_discourse_a_second_mention_of_an_actor_another_act_takes_may_be_the_guessed_target() -> None:
    # "India would seek talks with Russia and would refuse aid over Russia": the first
    # "Russia" is the talks' partner; the second, in the rejected thing, is still free for the refusal.
    ctx = run_until(context("""
India India PROPN 3 nsubj IND
would would AUX 3 aux
seek seek VERB 0 root
talks talk NOUN 3 obj
with with ADP 6 case
Russia Russia PROPN 4 nmod RUS
and and CCONJ 9 cc
would would AUX 9 aux
refuse refuse VERB 3 conj
aid aid NOUN 9 obj
over over ADP 12 case
Russia Russia PROPN 9 obl RUS
"""), discourse.PASS)
    sides = sorted((c.type, c.source, c.target) for c in firm(ctx))
    assert sides == [("MEET", ["IND"], ["RUS"]), ("REJECT", ["IND"], ["RUS"])], sides


def test_arguments_a_name_heading_a_chain_of_compounds_owns_the_thing() -> None:
    # "would turn down EU budget grants": the EU owns the grants turned down.
    ctx = run_until(context("""
India India PROPN 2 nsubj IND
rejected reject VERB 0 root
Russia Russia PROPN 4 compound RUS
budget budget NOUN 5 compound
credits credit NOUN 2 obj
"""), arguments.PASS)
    c = only(ctx)
    assert (c.type, c.source, c.target) == ("REJECT", ["IND"], ["RUS"])


def test_arguments_a_request_in_a_clauses_adjunct_is_addressed_to_its_subject() -> None:
    # "At India's request, Russia held consultations": Russia answers India's request.
    ctx = run_until(context("""
At at ADP 3 case
India's India PROPN 3 nmod:poss IND
request request NOUN 6 obl
, , PUNCT 6 punct
Russia Russia PROPN 6 nsubj RUS
held hold VERB 0 root
consultations consultation NOUN 6 obj
"""), arguments.PASS)
    requests = [(c.source, c.target) for c in firm(ctx) if c.type == "REQUEST"]
    assert requests == [(["IND"], ["RUS"])], requests


def test_arguments_a_place_in_the_object_of_an_attack_is_what_is_hit() -> None:
    # "Russia struck military sites in Ukraine": the sites name no actor; the place they are in is hit.
    ctx = run_until(context("""
Russia Russia PROPN 2 nsubj RUS
struck strike VERB 0 root
military military ADJ 4 amod
sites site NOUN 2 obj
in in ADP 6 case
Ukraine Ukraine PROPN 4 nmod UKR
"""), arguments.PASS)
    c = only(ctx)
    assert (c.type, c.source, c.target) == ("ASSAULT", ["RUS"], ["UKR"])


def test_arguments_a_force_owned_by_a_possessive_pronoun_is_the_pronouns_actor() -> None:
    # "Russia said its forces struck Ukraine": "its" stands for Russia, and its forces act for it.
    ctx = run_until(context("""
Russia Russia PROPN 2 nsubj RUS
said say VERB 0 root
its its PRON 4 nmod:poss Poss=Yes
forces force NOUN 5 nsubj
struck strike VERB 2 ccomp
Ukraine Ukraine PROPN 5 obj UKR
"""), arguments.PASS)
    c = only(ctx)
    assert (c.type, c.source, c.target) == ("ASSAULT", ["RUS"], ["UKR"])


def test_readiness_to_meet_is_an_offer_and_readiness_to_strike_a_threat() -> None:
    sentence = """
Russia Russia PROPN 3 nsubj RUS
was be AUX 3 cop
ready ready ADJ 0 root
to to PART 5 mark
{verb} {lemma} VERB 3 xcomp
{obj}
"""
    meet = run_until(context(sentence.format(verb="meet", lemma="meet", obj="Ukraine Ukraine PROPN 5 obj UKR")),
                     modality.PASS)
    strike = run_until(context(sentence.format(verb="strike", lemma="strike", obj="Ukraine Ukraine PROPN 5 obj UKR")),
                       modality.PASS)
    for ctx, said in ((meet, "OFFER"), (strike, "THREATEN")):
        c = only(ctx)
        assert (c.type, c.source, c.target, c.planned) == (said, ["RUS"], ["UKR"], False)


def test_readiness_to_supply_is_an_offer_and_the_planned_supply_each_with_lists_of_its_own() -> None:
    ctx = run_until(context("""
Russia Russia PROPN 3 nsubj RUS
is be AUX 3 cop
ready ready ADJ 0 root
to to PART 5 mark
supply supply VERB 3 xcomp
gas gas NOUN 5 obj
to to ADP 8 case
India India PROPN 5 obl IND
"""), readiness.PASS)
    supply, offer = firm(ctx)
    assert [(c.type, c.source, c.target, c.offered) for c in (supply, offer)] == [
        ("SUPPLY", ["RUS"], ["IND"], False), ("OFFER", ["RUS"], ["IND"], True)]
    offer.reported_by.append("USA")
    assert supply.reported_by == []


def test_arguments_a_demand_with_no_named_addressee_gives_the_demanded_act_no_doer() -> None:
    # "Russia demanded to withdraw from Ukraine" (someone unnamed should withdraw): Russia does not.
    ctx = run_until(context("""
Russia Russia PROPN 2 nsubj RUS
demanded demand VERB 0 root
to to PART 4 mark
withdraw withdraw VERB 2 xcomp
from from ADP 6 case
Ukraine Ukraine PROPN 4 obl UKR
"""), arguments.PASS)
    retreat = next(c for c in ctx.candidates if c.type == "RETREAT")
    assert (retreat.source, retreat.target) == ([], ["UKR"])


def test_readiness_a_pledge_of_things_is_also_their_planned_delivery() -> None:
    # "Russia pledged weapons for India": the OFFER, and the planned SUPPLY it tells.
    ctx = run_until(context("""
Russia Russia PROPN 2 nsubj RUS
pledged pledge VERB 0 root
weapons weapon NOUN 2 obj
for for ADP 5 case
India India PROPN 3 nmod IND
"""), modality.PASS)
    got = sorted((c.type, c.source, c.target, c.planned) for c in firm(ctx))
    assert got == [("OFFER", ["RUS"], ["IND"], False), ("SUPPLY", ["RUS"], ["IND"], True)]


def test_discourse_a_pull_back_with_no_place_leaves_where_the_same_side_went() -> None:
    ctx = run_until(context("""
Russia Russia PROPN 2 nsubj RUS
deployed deploy VERB 0 root
troops troop NOUN 2 obj
to to ADP 5 case
Belarus Belarus PROPN 2 obl BRA
""", """
India India PROPN 2 nsubj IND
demanded demand VERB 0 root
the the DET 4 det
withdrawal withdrawal NOUN 2 obj
of of ADP 7 case
Russian Russian ADJ 7 amod RUS
troops troop NOUN 4 nmod
"""), discourse.PASS)
    retreat = next(c for c in ctx.candidates if c.type == "RETREAT")
    assert (retreat.source, retreat.target, retreat.guessed) == (["RUS"], ["BRA"], True)


# "Russia demanded that India withdraw from Ukraine"
DEMAND = """
Russia Russia PROPN 2 nsubj RUS
demanded demand VERB 0 root
that that SCONJ 5 mark
India India PROPN 5 nsubj IND
withdraw withdraw VERB 2 ccomp
from from ADP 7 case
Ukraine Ukraine PROPN 5 obl UKR
"""


def test_links_a_demand_is_made_to_the_one_asked_to_act() -> None:
    ctx = run_until(context(DEMAND), links.PASS)
    request = next(c for c in ctx.candidates if c.type == "REQUEST")
    assert (request.source, request.target) == (["RUS"], ["IND"])


def test_discourse_a_refusal_answers_the_demand_made_to_the_refuser() -> None:
    ctx = run_until(context(DEMAND, """
India India PROPN 2 nsubj IND
refused refuse VERB 0 root
"""), discourse.PASS)
    refusal = next(c for c in ctx.candidates if c.type == "REJECT")
    assert (refusal.source, refusal.target, refusal.guessed) == (["IND"], ["RUS"], True)


def test_arguments_who_stands_for_the_person_the_noun_it_hangs_on_describes() -> None:
    # "Shoigu, head of the Ministry, who arrived in India": Shoigu arrived, not the ministry.
    ctx = run_until(context("""
Shoigu Shoigu PROPN 0 root person:sergei-shoigu
, , PUNCT 3 punct
head head NOUN 1 appos
of of ADP 6 case
the the DET 6 det
Ministry Ministry PROPN 3 nmod
who who PRON 8 nsubj
arrived arrive VERB 6 acl:relcl
in in ADP 10 case
India India PROPN 8 obl IND
"""), arguments.PASS)
    visit = only(ctx)
    assert (visit.type, visit.source, visit.target) == ("VISIT", ["person:sergei-shoigu"], ["IND"])


def test_modality_an_act_in_a_condition_is_no_event() -> None:
    ctx = run_passes(context("""
Israel Israel PROPN 2 nsubj ISR
threatened threaten VERB 0 root
to to PART 4 mark
strike strike VERB 2 xcomp
if if SCONJ 7 mark
Iran Iran PROPN 7 nsubj IRN
attacked attack VERB 4 advcl
Russia Russia PROPN 7 obj RUS
"""), default_passes())
    assert [(e.type, e.source, e.target, e.mode) for e in ctx.events] == [("THREATEN", ["ISR"], ["IRN"], "asserted")]


def test_arguments_reciprocal_acts_give_one_event_per_side() -> None:
    ctx = run_until(context("""
Russia Russia PROPN 4 nsubj RUS
and and CCONJ 3 cc
Ukraine Ukraine PROPN 1 conj UKR
accused accuse VERB 0 root
each each DET 6 det
other other ADJ 4 obj
"""), arguments.PASS)
    assert sorted((c.type, tuple(c.source), tuple(c.target)) for c in ctx.candidates) == [
        ("ACCUSE", ("RUS",), ("UKR",)), ("ACCUSE", ("UKR",), ("RUS",))]


def test_coreference_an_object_pronoun_is_not_its_clauses_subject() -> None:
    ctx = context("""
Blinken Blinken PROPN 2 nsubj person:john-kirby
called call VERB 0 root
Russia Russia PROPN 2 obj RUS
""", """
He he PRON 2 nsubj Number=Sing|Person=3
urged urge VERB 0 root
it it PRON 2 obj Number=Sing|Person=3
to to PART 5 mark
withdraw withdraw VERB 2 xcomp
""")
    kinds = dict(KINDS)
    c = next(c for c in run_until(ctx, arguments.PASS).candidates if c.type == "REQUEST")
    assert (c.source, c.target) == (["person:john-kirby"], ["RUS"])
    assert kinds["RUS"] == "Country"


def test_triggers_a_naming_verb_with_a_label_is_a_denial_or_an_accusation() -> None:
    ctx = run_until(context("""
Moscow Moscow PROPN 2 nsubj RUS
called call VERB 0 root
Kyiv Kyiv PROPN 5 nmod:poss UKR
's 's PART 3 case
claims claim NOUN 2 obj
lies lie NOUN 2 xcomp
""", """
Kyiv Kyiv PROPN 2 nsubj UKR
called call VERB 0 root
the the DET 5 det
Russian Russian ADJ 5 amod RUS
veto veto NOUN 2 obj
a a DET 7 det
provocation provocation NOUN 2 xcomp
"""), links.PASS)
    found = sorted((c.type, tuple(c.source), tuple(c.target)) for c in ctx.candidates)
    assert found == [("ACCUSE", ("UKR",), ("RUS",)), ("DENY", ("RUS",), ("UKR",)), ("REJECT", ("RUS",), ())]


def test_arguments_a_word_without_the_argument_its_sense_needs_is_weak_and_only_re_mentions() -> None:
    ctx = run_until(context("""
Russia Russia PROPN 2 nsubj RUS
struck strike VERB 0 root
Ukraine Ukraine PROPN 2 obj UKR
""", """
The the DET 2 det
strike strike NOUN 3 nsubj
continued continue VERB 0 root
"""), arguments.PASS)
    assert [(c.type, c.weak) for c in ctx.candidates] == [("ASSAULT", False), ("ASSAULT", True)]
    event_coref.PASS.run(ctx)
    assert [(c.type, c.source, c.target, len(c.extra_evidence)) for c in ctx.candidates] == [
        ("ASSAULT", ["RUS"], ["UKR"], 1)]


def test_discourse_a_meeting_with_one_side_takes_the_other_from_its_clause() -> None:
    ctx = run_until(context("""
Shoigu Shoigu PROPN 2 nsubj person:sergei-shoigu
met meet VERB 0 root
over over ADP 4 case
Pyongyang Pyongyang PROPN 2 obl PRK
"""), discourse.PASS)
    c = only(ctx)
    assert (c.type, sorted(c.participants), c.guessed) == ("MEET", ["PRK", "person:sergei-shoigu"], True)


def test_discourse_a_verb_the_parse_left_without_subject_takes_the_closest_actor_before_it() -> None:
    ctx = run_until(context("""
Iran Iran PROPN 0 root IRN
attacked attack VERB 1 parataxis
Israel Israel PROPN 2 obj ISR
"""), discourse.PASS)
    c = only(ctx)
    assert (c.type, c.source, c.target, c.guessed) == ("ASSAULT", ["IRN"], ["ISR"], True)


def test_arguments_a_time_phrase_fills_no_slot() -> None:
    ctx = run_until(context("""
Putin Putin PROPN 2 nsubj person:sergei-shoigu
held hold VERB 0 root
talks talk NOUN 2 obj
with with ADP 5 case
Kim Kim PROPN 2 obl PRK
on on ADP 7 case
Friday Friday PROPN 2 obl
"""), arguments.PASS)
    c = only(ctx)
    assert (c.type, sorted(c.participants), c.present) == ("MEET", ["PRK", "person:sergei-shoigu"], {"subj", "with"})


def test_arguments_a_truce_agreed_by_two_sides_binds_each_to_the_other() -> None:
    ctx = run_until(context("""
Russia Russia PROPN 4 nsubj RUS
and and CCONJ 3 cc
Ukraine Ukraine PROPN 1 conj UKR
declared declare VERB 0 root
a a DET 6 det
ceasefire ceasefire NOUN 4 obj
"""), arguments.PASS)
    assert [(c.type, c.source, c.target) for c in firm(ctx)] == [("RETREAT", ["RUS", "UKR"], ["RUS", "UKR"])]


def test_modality_a_background_phrase_under_an_agreement_is_no_aim() -> None:
    ctx = run_until(context("""
Russia Russia PROPN 2 nsubj RUS
agreed agree VERB 0 root
to to PART 4 mark
visit visit VERB 2 xcomp
Iran Iran PROPN 4 obj IRN
after after ADP 7 case
talks talk NOUN 2 obl
with with ADP 9 case
Ukraine Ukraine PROPN 7 nmod UKR
"""), modality.PASS)
    planned = {c.type: c.planned for c in ctx.candidates if c.type in ("VISIT", "MEET")}
    assert planned == {"VISIT": True, "MEET": False}


def test_arguments_a_force_sent_in_a_passive_is_its_own_sender_and_its_conjunct_shares_it() -> None:
    ctx = run_until(context("""
Kirby Kirby PROPN 2 nsubj person:john-kirby
said say VERB 0 root
that that SCONJ 8 mark
North North PROPN 5 compound PRK
Korean Korean ADJ 6 amod PRK
troops troop NOUN 8 nsubj:pass
were be AUX 8 aux:pass
sent send VERB 2 ccomp
to to ADP 10 case
Russia Russia PROPN 8 obl RUS
and and CCONJ 12 cc
deployed deploy VERB 8 conj
"""), arguments.PASS)
    got = sorted((c.type, c.source, c.target) for c in firm(ctx))
    assert got == [("MOBILIZE", ["PRK"], []), ("SUPPLY", ["PRK"], ["RUS"])]


def test_event_coref_two_coordinated_verbs_of_one_type_are_two_acts_and_an_act_object_meets_the_need() -> None:
    ctx = run_until(context("""
Iran Iran PROPN 2 nsubj IRN
welcomed welcome VERB 0 root
the the DET 4 det
ceasefire ceasefire NOUN 2 obj
and and CCONJ 6 cc
thanked thank VERB 2 conj
Russia Russia PROPN 6 obj RUS
"""), event_coref.PASS)
    assert sorted((c.type, c.sent.tokens[c.head].text, c.source, c.target) for c in ctx.candidates) == [
        ("RETREAT", "ceasefire", [], []), ("SUPPORT", "thanked", ["IRN"], ["RUS"]),
        ("SUPPORT", "welcomed", ["IRN"], [])]


def test_discourse_a_demand_beside_a_verb_naming_the_one_spoken_to_is_addressed_to_them() -> None:
    ctx = run_until(context("""
Iran Iran PROPN 2 nsubj IRN
summoned summon VERB 0 root
Russia's Russia PROPN 4 nmod:poss RUS
ambassador ambassador NOUN 2 obj
and and CCONJ 6 cc
demanded demand VERB 2 conj
a a DET 8 det
withdrawal withdrawal NOUN 6 obj
"""), discourse.PASS)
    demand = next(c for c in ctx.candidates if c.type == "REQUEST")
    assert (demand.source, demand.target) == (["IRN"], ["RUS"])


def test_arguments_rejecting_a_claim_is_denying_it() -> None:
    ctx = run_until(context("""
Russia Russia PROPN 2 nsubj RUS
accused accuse VERB 0 root
Ukraine Ukraine PROPN 2 obj UKR
of of SCONJ 5 mark
sabotage sabotage NOUN 2 obl
""", """
Ukraine Ukraine PROPN 2 nsubj UKR
rejected reject VERB 0 root
the the DET 4 det
claims claim NOUN 2 obj
"""), links.PASS)
    assert sorted((c.type, c.source, c.target) for c in firm(ctx)) == [("ACCUSE", ["RUS"], ["UKR"]),
                                                                       ("DENY", ["UKR"], ["RUS"])]


def test_a_split_name_is_held_by_the_word_with_the_role() -> None:
    # the parser hung "Xi" loosely (discourse) and "Jinping" as the subject: the name is the subject
    sentence, _ = parse("""
Xi Xi PROPN 3 discourse
Jinping Jinping PROPN 3 nsubj
met meet VERB 0 root
Putin Putin PROPN 3 obj
""")
    tree = Tree(sentence)
    assert tree.span_head(0, 2) == 1
    assert tree.span_head(3, 4) == 3


def test_discourse_the_act_a_guessed_joint_verb_governs_is_the_same_sides() -> None:
    # "... met and agreed to pull back troops": the sides guessed for the agreement pull back
    ctx = run_until(context("""
Meanwhile meanwhile ADV 0 root
, , PUNCT 1 punct
Kyrgyzstan Kyrgyzstan PROPN 1 appos KGZ
and and CCONJ 5 cc
Tajikistan Tajikistan PROPN 3 conj TJK
agreed agree VERB 1 parataxis
to to PART 8 mark
withdraw withdraw VERB 6 xcomp
troops troop NOUN 8 obj
"""), discourse.PASS)
    sides = {c.type: (sorted(c.source), c.guessed) for c in ctx.candidates}
    assert sides["RETREAT"] == (["KGZ", "TJK"], True)
