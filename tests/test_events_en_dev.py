"""English event extraction on our own wire-style sentences (Reuters/AP/AFP register): datelines,
attribution cues, passives, nominal events, phrasal verbs, titles before names, coordination and
modality.  Each case states what a careful analyst would draw from the sentence."""

from __future__ import annotations

import pytest
from test_events import events, find

from graphbuild.entities.ner import recognize
from graphbuild.language import analyze

# (sentence, type, source, target, mode)
CASES = [
    # datelines and "said in a statement"; a time word after the target does not hide it
    ("KYIV, June 5 (Reuters) - Russia launched a wave of drones at Kyiv overnight, Ukraine's air force "
     "said in a statement.", "ASSAULT", {"RUS"}, {"UKR"}, "reported"),
    ("Ukraine's military said Russian forces shelled the city of Kharkiv on Tuesday.",
     "ASSAULT", {"RUS"}, {"place:kharkiv"}, "reported"),
    # passives
    ("New sanctions were imposed on Iran by the European Union on Thursday.",
     "SANCTION", {"Q458"}, {"IRN"}, "asserted"),
    ("A Ukrainian port was attacked by Russia on Monday, the governor said.",
     "ASSAULT", {"RUS"}, {"UKR"}, "asserted"),
    # titles before names
    ("U.S. Secretary of State Antony Blinken met Chinese Foreign Minister Wang Yi in Beijing on Sunday.",
     "MEET", {"person:antony-blinken"}, {"person:wang-yi"}, "asserted"),
    # nominal events
    ("Talks between Russia and Ukraine resumed in Istanbul on Friday.", "MEET", {"RUS"}, {"UKR"},
     "asserted"),
    ("Putin's visit to Beijing was his first trip abroad since the election.", "VISIT", {"Q7747"}, {"CHN"},
     "asserted"),
    ("Germany denounced Russia's annexation of Crimea.", "ACCUSE", {"DEU"}, {"RUS"}, "asserted"),
    ("Germany denounced Russia's annexation of Crimea.", "ASSAULT", {"RUS"}, {"place:crimea"}, "asserted"),
    ("Israeli troops killed three Palestinians in a raid on Jenin, the Palestinian health ministry said.",
     "ASSAULT", {"ISR"}, {"PSE"}, "reported"),
    # phrasal verbs and light verbs
    ("Israel carried out air strikes on targets in Syria, the Syrian defence ministry said.",
     "ASSAULT", {"ISR"}, {"SYR"}, "reported"),
    ("China called on the United States to stop arms sales to Taiwan.", "REQUEST", {"CHN"}, {"USA"},
     "asserted"),
    ("Russian forces pulled out of Kherson, the Ukrainian military told reporters.",
     "RETREAT", {"RUS"}, {"place:kherson"}, "reported"),
    ("Kazakhstan stepped up cooperation with China on energy.", "COOPERATE", {"KAZ"}, {"CHN"}, "asserted"),
    # coordination
    ("France and Germany signed a defence agreement in Paris.", "AGREE", {"FRA"}, {"DEU"}, "asserted"),
    ("Iran and Saudi Arabia agreed to restore diplomatic relations.", "AGREE", {"IRN"}, {"SAU"}, "asserted"),
    # modality: plans, expectations, "would", negation
    ("Iran plans to hold talks with the European Union next week.", "MEET", {"IRN"}, {"Q458"}, "planned"),
    ("Russia is expected to withdraw its troops from the border, officials said.",
     "RETREAT", {"RUS"}, set(), "planned"),
    ("The United States would not lift sanctions on Russia, a spokesperson for the State Department said.",
     "RETREAT", {"USA"}, {"RUS"}, "negated"),
    ("A spokesperson for the German government said Berlin would send tanks to Ukraine.",
     "SUPPLY", {"DEU"}, {"UKR"}, "planned"),
    ("Russia vowed to retaliate against Britain.", "THREATEN", {"RUS"}, {"GBR"}, "asserted"),
    # wire vocabulary: reducing relations, yielding, criticism, contacts
    ("Poland expelled Russian diplomats on Wednesday.", "SANCTION", {"POL"}, {"RUS"}, "asserted"),
    ("The European Union froze the assets of Russia's central bank.", "SANCTION", {"Q458"}, {"RUS"},
     "asserted"),
    ("Russia released a U.S. journalist on Thursday.", "RETREAT", {"RUS"}, {"USA"}, "asserted"),
    ("Russia freed two American citizens on Thursday.", "RETREAT", {"RUS"}, {"USA"}, "asserted"),
    ("Beijing slammed Washington over its latest arms sale to Taiwan.", "ACCUSE", {"CHN"}, {"USA"},
     "asserted"),
    ("Ukraine summoned the Hungarian ambassador on Tuesday.", "ACCUSE", {"UKR"}, {"HUN"}, "asserted"),
    ("Moscow rebuffed the Turkish offer of mediation.", "REJECT", {"RUS"}, {"TUR"}, "asserted"),
    ("Kazakh President Kassym-Jomart Tokayev received Chinese Foreign Minister Wang Yi in Astana.",
     "MEET", {"person:kassym-jomart-tokayev"}, {"person:wang-yi"}, "asserted"),
    ("Erdogan talked with Putin by telephone on Friday.", "MEET", {"person:recep-tayyip-erdogan"},
     {"Q7747"}, "asserted"),
    ("Egypt hailed Qatar for its role in the negotiations.", "SUPPORT", {"EGY"}, {"QAT"}, "asserted"),
    ("Russian troops stormed Avdiivka after months of fighting.", "ASSAULT", {"RUS"}, {"place:avdiivka"},
     "asserted"),
    ("Armenia and Azerbaijan ratified the peace treaty.", "AGREE", {"ARM"}, {"AZE"}, "asserted"),
    # the accused does the alleged act; the one warned is whoever is to act; conditions are no facts
    ("Lukashenko accused Ukraine of preparing an attack on Belarusian territory.",
     "ASSAULT", {"UKR"}, {"BLR"}, "planned"),
    ("Jake Sullivan warned that North Korea would pay a price if it delivered weapons to Russia.",
     "THREATEN", {"person:jake-sullivan"}, {"PRK"}, "asserted"),
    ("Jake Sullivan warned that North Korea would pay a price if it delivered weapons to Russia.",
     "SUPPLY", {"PRK"}, {"RUS"}, "planned"),
    # a nationality adjective before an event noun names its actor
    ("Turkey condemned Israeli strikes on Gaza.", "ASSAULT", {"ISR"}, {"place:gaza"}, "asserted"),
    ("Britain condemned Russian attacks on Ukrainian ports.", "ASSAULT", {"RUS"}, {"UKR"}, "asserted"),
    # a possessor stands for its official; a nationality before an office or a force is the state
    ("Iraq's national security adviser met with Syrian President Bashar Assad on Tuesday.",
     "MEET", {"IRQ"}, {"person:bashar-al-assad"}, "asserted"),
    ("Russia's interior minister met his Kazakh counterpart in Astana.", "MEET", {"RUS"}, {"KAZ"}, "asserted"),
    ("Iran's foreign ministry spokesman condemned the U.S. strikes on Iraq.", "ASSAULT", {"USA"}, {"IRQ"},
     "asserted"),
    ("Azerbaijan launched a military operation against Armenian separatists in Nagorno-Karabakh.",
     "ASSAULT", {"AZE"}, {"ARM"}, "asserted"),
    ("Xi is set to visit Moscow next week, the Chinese foreign ministry said.", "VISIT", {"Q15031"}, {"RUS"},
     "planned"),
    ("Hamas rejected Israel's offer of a ceasefire.", "OFFER", {"ISR"}, {"org:hamas"}, "asserted"),
    ("Iran did not attack Israel, the foreign minister said.", "ASSAULT", {"IRN"}, {"ISR"}, "negated"),
    # blocking negates the blocked act; considering and preparing make it planned
    ("Hungary held up the EU's sanctions package against Russia.", "REJECT", {"HUN"}, {"Q458"}, "asserted"),
    ("Hungary held up the EU's sanctions package against Russia.", "SANCTION", {"Q458"}, {"RUS"}, "negated"),
    ("Poland is considering sending troops to Ukraine.", "SUPPLY", {"POL"}, {"UKR"}, "planned"),
    ("The EU is preparing new sanctions against Russia.", "SANCTION", {"Q458"}, {"RUS"}, "planned"),
    ("Ukraine struck back at Russia with drones.", "ASSAULT", {"UKR"}, {"RUS"}, "asserted"),
    ("KYIV, Oct 14 (Reuters) - Russia launched a massive missile and drone attack on Ukraine's energy "
     "infrastructure overnight, Ukrainian officials said.", "ASSAULT", {"RUS"}, {"UKR"}, "reported"),
    # "the invasion of X": the "of" phrase of an attack noun is its target; a light verb's subject acts
    ("Israel mounted an invasion of Lebanon.", "ASSAULT", {"ISR"}, {"LBN"}, "asserted"),
    ("The bombing of Gaza by Israel continued.", "ASSAULT", {"ISR"}, {"place:gaza"}, "asserted"),
    ("The withdrawal of Russian troops from Kherson was completed.", "RETREAT", {"RUS"}, {"place:kherson"},
     "asserted"),
    ("Russian troops opened fire on Ukrainian positions.", "ASSAULT", {"RUS"}, {"UKR"}, "asserted"),
    ("Qatar launched a mediation effort between the Emirates and Saudi Arabia.", "NEGOTIATE", {"QAT"},
     {"SAU"}, "asserted"),
    ("The ICC issued a warrant for Putin in March 2023.", "ACCUSE", {"Q47488"}, {"Q7747"}, "asserted"),
    ("The U.N. General Assembly voted to suspend Russia from the Human Rights Council.", "SANCTION",
     {"org:un-general-assembly"}, {"RUS"}, "asserted"),
    ("Iran could strike Israel within days, U.S. officials warned.", "ASSAULT", {"IRN"}, {"ISR"}, "planned"),
    ("Russia is unlikely to attack NATO, the report said.", "ASSAULT", {"RUS"}, {"Q7184"}, "planned"),
    # light verbs of wire prose and the firms a sanction names
    ("The United States slapped sanctions on Chinese firms.", "SANCTION", {"USA"}, {"CHN"}, "asserted"),
    ("Britain rolled out new sanctions against Iran.", "SANCTION", {"GBR"}, {"IRN"}, "asserted"),
    ("Turkey expressed solidarity with Azerbaijan.", "SUPPORT", {"TUR"}, {"AZE"}, "asserted"),
    ("Russia banned imports of Polish apples.", "SANCTION", {"RUS"}, {"POL"}, "asserted"),
    ("Russia launched a cyberattack on Ukraine's banks.", "ASSAULT", {"RUS"}, {"UKR"}, "asserted"),
    # the addressee of a request or warning is who would do the act
    ("The EU called on Russia to withdraw its troops from Ukraine.", "RETREAT", {"RUS"}, {"UKR"}, "planned"),
    ("Moscow warned Washington against sending long-range missiles to Kyiv.", "SUPPLY", {"USA"}, {"UKR"},
     "planned"),
    ("Iran threatened to attack Israel.", "ASSAULT", {"IRN"}, {"ISR"}, "planned"),
    # relations restored, intelligence shared, asylum granted, apologies
    ("Saudi Arabia and Iran restored diplomatic ties in March.", "COOPERATE", {"SAU"}, {"IRN"}, "asserted"),
    ("The Netherlands shares intelligence with Ukraine.", "COOPERATE", {"NLD"}, {"UKR"}, "asserted"),
    ("Moldova has apologised to Romania for the incident.", "SUPPORT", {"MDA"}, {"ROU"}, "asserted"),
    ("Kim promised that North Korea would always stand behind Russia.", "SUPPORT", {"PRK"}, {"RUS"}, "planned"),
    # border clashes: two sides as the subject; unattributed belief is hearsay; trade bans by light verbs
    ("Armenian and Azerbaijani troops clashed on the border overnight.", "ASSAULT", {"ARM", "AZE"}, {"ARM", "AZE"},
     "asserted"),
    ("Russia is believed to have supplied drones to Iran.", "SUPPLY", {"RUS"}, {"IRN"}, "reported"),
    ("North Korea reportedly shipped artillery shells to Russia.", "SUPPLY", {"PRK"}, {"RUS"}, "reported"),
    ("North Korea shipped artillery shells to Russia.", "SUPPLY", {"PRK"}, {"RUS"}, "asserted"),
    ("Russian artillery shelled Kharkiv.", "ASSAULT", {"RUS"}, {"place:kharkiv"}, "asserted"),
    ("Russia and Ukraine swapped 95 prisoners of war on Friday.", "RETREAT", {"RUS", "UKR"}, set(),
     "asserted"),
    ("Ukraine returned 230 prisoners of war to Russia.", "RETREAT", {"UKR"}, {"RUS"}, "asserted"),
    ("Kazakhstan and Russia inked a deal on nuclear power.", "AGREE", {"KAZ"}, {"RUS"}, "asserted"),
    ("Uzbekistan struck a deal with China on copper.", "AGREE", {"UZB"}, {"CHN"}, "asserted"),
    ("India halted imports of Russian oil.", "SANCTION", {"IND"}, {"RUS"}, "asserted"),
    ("Washington imposed a ban on Chinese drones.", "SANCTION", {"USA"}, {"CHN"}, "asserted"),
    ("Azerbaijan accused Armenia of shelling its positions.", "ACCUSE", {"AZE"}, {"ARM"}, "asserted"),
    # an embassy or mission speaks for its state, not for the body it is accredited to
    ("Iran's mission to the United Nations said the dispute \"can be considered settled\", but warned that Tehran "
     "would answer harder if Israel retaliated.", "THREATEN", {"IRN"}, {"ISR"}, "asserted"),
    ("The sanctions that Washington imposed on Moscow last year hurt the economy.", "SANCTION", {"USA"}, {"RUS"},
     "asserted"),
    ("Turkey halted all trade with Israel.", "SANCTION", {"TUR"}, {"ISR"}, "asserted"),
    # the harm word an accusation names is what the accused did, no second accusation
    ("Japan accused China of provocations near the islands.", "ACCUSE", {"JPN"}, {"CHN"}, "asserted"),
    ("Ecuadorian police forced their way into the Mexican embassy.", "ASSAULT", {"ECU"}, {"MEX"}, "asserted"),
    # a person the KB does not know acts for the state the article's title makes them an official of
    ("China's Vice Foreign Minister Sun Weidong summoned Japan's ambassador Kenji Kanasugi.", "ACCUSE",
     {"person:sun-weidong", "CHN"}, {"person:kenji-kanasugi", "JPN"}, "asserted"),
    # rejecting someone's account of events denies it
    ("Venezuela rejected Washington's account of the strike.", "DENY", {"VEN"}, {"USA"}, "asserted"),
    # a harm label, alone or coordinated with another, makes a naming verb an accusation
    ("Biden called Xi a dictator.", "ACCUSE", {"Q6279"}, {"Q15031"}, "asserted"),
    ("Russia launched missiles at Kyiv. Germany called the strikes cruel and irresponsible.", "ACCUSE",
     {"DEU"}, {"RUS"}, "asserted"),
    # a harmful label said of its subject is an accusation by whoever says it
    ("Lavrov said Ukraine was a terrorist state.", "ACCUSE", {"person:sergey-lavrov"}, {"UKR"}, "asserted"),
    # "the measures" re-mentions the sanctions; calling them unjustified accuses their doer, and does not
    # make the sanctions a claim of the accuser
    ("Russia imposed new tariffs on Georgia. Tbilisi said the measures were unjustified.", "SANCTION",
     {"RUS"}, {"GEO"}, "asserted"),
    ("Russia imposed new tariffs on Georgia. Tbilisi said the measures were unjustified.", "ACCUSE",
     {"GEO"}, {"RUS"}, "asserted"),
    # a clause the parse hangs on "statement" is still what was said; a harmful act said of someone
    # is an accusation of them, each conjoined one its own
    ("Ecuador said in a statement that Glas was a criminal and that Mexico had abused its diplomatic "
     "immunity.", "ACCUSE", {"ECU"}, {"MEX"}, "asserted"),
    # the owner of a thing inside a multiword trigger is what the act concerns, not its doer
    ("Britain froze the assets of two Russian oligarchs.", "SANCTION", {"GBR"}, {"RUS"}, "asserted"),
    # a joint act named in the adjunct of a clause has the clause's subject as its other side
    ("Lavrov spoke in English during the talks with Rubio.", "MEET", {"person:sergey-lavrov"},
     {"person:marco-rubio"}, "asserted"),
    ("Sudan's defence minister called the UAE an aggressor state.", "ACCUSE", {"SDN"}, {"ARE"}, "asserted"),
    # experts of a body speak for it; denying what they say answers them
    ("U.N. experts say Rwanda backs the M23 rebels. Kigali has long denied supporting the group.", "DENY",
     {"RWA"}, {"Q1065"}, "asserted"),
]


# (sentence, type, speaker): who the outlet says told it
ATTRIBUTED = [
    ("Russian forces attacked Kharkiv overnight, a spokesperson for the Ukrainian military said.", "ASSAULT",
     "UKR"),
    ("Russia has deployed troops to the border, a senior official at NATO told reporters.", "MOBILIZE",
     "Q7184"),
    ("Russian forces attacked Kharkiv overnight, Zelenskiy wrote on Telegram.", "ASSAULT",
     "person:volodymyr-zelenskyy"),
    ("Ukraine's defence ministry said in a statement that Russian forces attacked Kharkiv overnight.",
     "ASSAULT", "UKR"),
    ("Kirby, the White House spokesman, said Russia attacked Ukraine.", "ASSAULT", "person:john-kirby"),
    ("Russia attacked Ukraine, said Kirby.", "ASSAULT", "person:john-kirby"),
]


@pytest.mark.parametrize(("text", "etype", "speaker"), ATTRIBUTED)
def test_wire_attribution(text: str, etype: str, speaker: str) -> None:
    found = [e for e in events("en", text) if e.type == etype]
    assert found and speaker in found[0].reported_by and found[0].mode == "reported"


@pytest.mark.parametrize(("text", "etype", "source", "target", "mode"), CASES)
def test_wire_sentence(text: str, etype: str, source: set[str], target: set[str], mode: str) -> None:
    found = find(events("en", text), etype, source, target)
    assert found.mode == mode


# Sentences that name an event word but report no event between actors.
QUIET = [
    ("Ukraine's central bank released its quarterly inflation report on Monday.", "RETREAT"),
    ("Grain exports from Ukraine rose in May, the ministry said.", "SUPPLY"),
    ("According to the ministry, Russia is negotiating with Iran.", "AGREE"),
    ("The White House released a statement on the talks.", "RETREAT"),
    ("Officials deported civilians from occupied areas of Ukraine.", "ASSAULT"),
    ("Russia launched a massive missile and drone attack on Ukraine overnight.", "MOBILIZE"),
    ("Ukraine's air force said it had shot down 30 of the 45 drones.", "ASSAULT"),
    ("Asked by reporters whether Moscow would help Pyongyang, Putin said Russia would.", "REQUEST"),
    ("Lukashenko accused Ukraine of preparing an attack, a claim for which he offered no evidence.", "OFFER"),
    ("Opposition activists in Georgia began a hunger strike against the government.", "ASSAULT"),
    ("Russia sent attack helicopters to Syria.", "ASSAULT"),
    # a news agency reporting carries the invitation; it does not make it
    ("North Korea's state news agency KCNA reported that Putin had accepted an invitation to visit Pyongyang.",
     "OFFER"),
]


@pytest.mark.parametrize(("text", "etype"), QUIET)
def test_no_spurious_event(text: str, etype: str) -> None:
    assert [e for e in events("en", text) if e.type == etype] == []


def test_modifier_before_time_word_is_an_actor() -> None:
    """"at Kyiv overnight": a time word the tagger calls an adjective does not turn Kyiv into a modifier."""
    found = find(events("en", "Russia launched missiles at Kyiv overnight."), "ASSAULT", {"RUS"}, {"UKR"})
    assert found.cameo.startswith("19")


@pytest.mark.parametrize(("text", "victim"), [
    ("Putin and Xi condemned the sanctions against Russia.", "RUS"),
    ("Russia condemned the attack on its embassy in Kyiv.", "UKR"),
])
def test_victim_of_condemned_act_is_not_accused(text: str, victim: str) -> None:
    """The one an unnamed party struck or sanctioned is no guess for who is condemned."""
    accusations = [e for e in events("en", text) if e.type == "ACCUSE"]
    assert accusations and all(victim not in e.target for e in accusations)


@pytest.mark.parametrize(("text", "name", "kind"), [
    ("Kim Jong Un travelled to Russia's Far East. Kim toured a cosmodrome there.", "Far East", "Place"),
    ("Kim Jong Un travelled to Russia's Far East. Kim toured a cosmodrome there.", "Kim", "Person"),
    ("Fighting spread across the Middle East in October.", "Middle East", "Place"),
])
def test_name_kinds(text: str, name: str, kind: str) -> None:
    """Family names come first in Korean and Chinese names; "Far/Middle ..." opens a region's name."""
    sentences = analyze(text, "en")
    kinds = {m.text: m.kind for m in recognize(sentences, "en", "doc:dev")}
    assert kinds.get(name) == kind


def test_subject_of_reported_clause_is_no_guessed_target() -> None:
    """"promised that North Korea would ...": North Korea does the promised act; it is not promised to."""
    found = events("en", "Kim Jong Un arrived in Russia. Kim promised that North Korea would always stand "
                         "behind Russia.")
    assert not [e for e in found if e.type == "OFFER" and "PRK" in e.target]
    assert find(found, "SUPPORT", {"PRK"}, {"RUS"}).mode == "planned"


def test_the_sides_of_a_meeting_act_together() -> None:
    """"The two leaders condemned ...": the sides of the latest meeting are the accusers."""
    found = events("en", "Putin met Xi in Beijing on Tuesday. The two leaders condemned NATO expansion in Asia.")
    assert find(found, "ACCUSE", {"Q7747", "Q15031"}, {"Q7184"}).mode == "asserted"


def test_both_sides_addressed_are_the_sides_at_odds() -> None:
    found = events("en", "Pakistan struck targets in Iran on Thursday. China urged both sides to show restraint.")
    request = find(found, "REQUEST", {"CHN"}, {"IRN", "PAK"})
    assert set(request.target) == {"IRN", "PAK"}


@pytest.mark.parametrize("text", ["The State Department suspended its strategic partnership with Georgia.",
                                  "Lithuania froze cooperation with Georgia."])
def test_suspended_partnership_is_a_sanction_on_the_partner(text: str) -> None:
    find(events("en", text), "SANCTION", set(), {"GEO"})


def test_a_region_as_a_side_is_its_member_states() -> None:
    found = events("en", "The EU offered Central Asia new investment.")
    offer = find(found, "OFFER", {"Q458"}, {"KAZ"})
    assert (offer.source, offer.target) == (["Q458"], ["KAZ", "KGZ", "TJK", "TKM", "UZB"])


def test_lifting_a_ban_is_a_retreat_towards_the_banned() -> None:
    retreat = find(events("en", "Kazakhstan removed the Taliban from its list of banned groups."), "RETREAT", {"KAZ"},
                   {"org:taliban"})
    assert (retreat.source, retreat.target) == (["KAZ"], ["org:taliban"])


def test_a_bare_re_mention_is_the_event_told_with_the_same_word() -> None:
    # "the attack" is Iran's attack (told with "attack"), not the strike told last
    found = events("en", "Iran launched a large attack on Israel on Saturday. Earlier, an Israeli strike in Damascus "
                         "killed seven Iranian officers. Israel's ambassador Gilad Erdan called the attack a grave "
                         "threat to world peace.")
    accuse = find(found, "ACCUSE", {"person:gilad-erdan"}, {"IRN"})
    assert accuse.target == ["IRN"]


def test_an_invitation_is_an_offer_to_the_invited() -> None:
    offer = find(events("en", "Putin invited Erdogan to attend the BRICS summit in Kazan."), "OFFER", {"Q7747"},
                 {"person:recep-tayyip-erdogan"})
    assert (offer.source, offer.target) == (["Q7747", "RUS"], ["TUR", "person:recep-tayyip-erdogan"])


def test_a_state_body_comes_with_its_state() -> None:
    accuse = find(events("en", "Russia's Foreign Ministry accused Ukraine of shelling the plant."), "ACCUSE",
                  {"org:russian-mfa"}, {"UKR"})
    assert (accuse.source, accuse.target) == (["RUS", "org:russian-mfa"], ["UKR"])


def test_the_one_called_on_does_the_act_asked_for() -> None:
    found = events("en", "The United States on Friday called on Serbia to withdraw its troops from the border.")
    find(found, "REQUEST", {"USA"}, {"SRB"})
    retreat = find(found, "RETREAT", {"SRB"}, set())
    assert retreat.source == ["SRB"] and retreat.mode == "planned"


def test_a_leader_rejecting_the_accusation_against_his_state_answers_the_accuser() -> None:
    found = events("en", "Kosovo Prime Minister Albin Kurti accused Belgrade of organising the attack. Serbian "
                         "President Aleksandar Vucic has rejected the accusation.")
    deny = find(found, "DENY", {"person:aleksandar-vucic"}, {"person:albin-kurti"})
    # the accuser comes with the state his title in the article makes him an official of
    assert set(deny.target) == {"person:albin-kurti", "XKX"}


def test_a_denied_accusation_that_named_no_accused_was_aimed_at_the_denier() -> None:
    found = events("en", "Baku called the deaths a murder. The Kremlin rejected the accusations.")
    accuse = find(found, "ACCUSE", {"AZE"}, {"RUS"})
    deny = find(found, "DENY", {"org:kremlin"}, {"AZE"})
    assert (accuse.target, deny.target) == (["RUS"], ["AZE"])


def test_initialling_a_text_is_an_agreement() -> None:
    found = events("en", "Armenia and Azerbaijan initialled the text of the peace agreement.")
    assert set(find(found, "AGREE", {"ARM", "AZE"}, set()).source) == {"ARM", "AZE"}
    adjective = events("en", "The initial talks between Armenia and Azerbaijan failed.")
    assert not [e for e in adjective if e.type == "AGREE"]


def test_a_ground_operation_is_an_assault() -> None:
    assault = find(events("en", "On October 1 Israel launched a ground operation in southern Lebanon."), "ASSAULT",
                   {"ISR"}, {"LBN"})
    assert (assault.source, assault.target) == (["ISR"], ["LBN"])


def test_support_as_a_clause_motive_is_its_subjects() -> None:
    found = events("en", "Hezbollah began firing at northern Israel on October 8 in solidarity with Hamas.")
    support = find(found, "SUPPORT", {"org:hezbollah"}, {"org:hamas"})
    assert (support.source, support.target) == (["org:hezbollah"], ["org:hamas"])


def test_the_two_are_the_two_named_before_when_no_joint_act_came_first() -> None:
    meet = find(events("en", "Putin thanked Xi on Thursday, as the two met for the first time."), "MEET",
                {"Q7747", "Q15031"}, set())
    assert set(meet.source) == {"Q7747", "Q15031", "RUS", "CHN"}


def test_plural_description_stands_for_the_people_named_before() -> None:
    """"the three leaders met": whom the coreference pass linked the words to (every participant named)."""
    found = events("en", "Macron and Scholz flew to Warsaw to join Tusk on Friday, where the three leaders met "
                         "and agreed on a joint plan.", published="2024-03-15")
    leaders = {"person:emmanuel-macron", "person:olaf-scholz", "person:donald-tusk"}
    for etype in ("MEET", "AGREE"):
        event = find(found, etype, leaders, leaders)
        assert {a for a in event.source if a.startswith("person:")} == leaders
        assert set(event.source) == set(event.target) == leaders | {"FRA", "DEU", "POL"}


@pytest.mark.parametrize(("text", "etype", "source", "target"), [
    ("The United States raised tariffs on Chinese goods in April.", "SANCTION", ["USA"], ["CHN"]),
    ("Beijing will lower the extra duties on American goods next week.", "RETREAT", ["CHN"], ["USA"]),
    ("Nicaragua announced that it was breaking ties with Ecuador.", "SANCTION", ["NIC"], ["ECU"]),
])
def test_tariffs_and_broken_ties(text: str, etype: str, source: list[str], target: list[str]) -> None:
    event = find(events("en", text), etype, set(source), set(target))
    assert (event.source, event.target) == (source, target)


def test_a_singular_pronoun_is_no_member_of_a_coordination() -> None:
    """A singular pronoun does not stand for one of two coordinated countries ("Brazil and Colombia ... it");
    an act in one conjunct guesses no side from the other conjunct's clause."""
    found = events("en", "Brazil and Colombia said the raid violated the convention, and Nicaragua announced "
                         "that it was breaking ties with Ecuador.")
    sanction = find(found, "SANCTION", {"NIC"}, {"ECU"})
    assert (sanction.source, sanction.target) == (["NIC"], ["ECU"])
    assert not [e for e in found if e.type == "ACCUSE" and "NIC" in e.target]


def test_a_border_closed_to_a_neighbour_and_a_label_on_it() -> None:
    """Closing a border to a country is a sanction on it; calling the closure destructive accuses its doer."""
    found = events("en", "Latvia closed its border with Russia on Monday. The Kremlin spokesman called the border "
                         "closure destructive.")
    sanction = find(found, "SANCTION", {"LVA"}, {"RUS"})
    assert (sanction.source, sanction.target) == (["LVA"], ["RUS"])
    accuse = find(found, "ACCUSE", {"org:kremlin"}, {"LVA"})
    assert accuse.target == ["LVA"]


def test_manoeuvres_re_mention_the_exercises() -> None:
    found = events("en", "China and Russia held joint exercises near Japan. Tokyo called the manoeuvres aggressive.")
    accuse = find(found, "ACCUSE", {"JPN"}, {"CHN", "RUS"})
    assert (accuse.source, sorted(accuse.target)) == (["JPN"], ["CHN", "RUS"])


def test_an_agent_hung_on_an_active_verb_belongs_to_its_event_noun() -> None:
    visit = find(events("en", "The talks followed a visit to Minsk last week by the Polish foreign minister, "
                              "Radoslaw Sikorski."), "VISIT", {"person:radoslaw-sikorski"}, {"BLR"})
    assert visit.target == ["BLR"] and "person:radoslaw-sikorski" in visit.source


def test_the_agent_of_a_condemning_label_is_the_accused() -> None:
    accuse = find(events("en", "Kyiv condemned the strike as a reckless escalation by Moscow."), "ACCUSE", {"UKR"},
                  {"RUS"})
    assert (accuse.source, accuse.target) == (["UKR"], ["RUS"])


@pytest.mark.parametrize("text", [
    "Japan, South Korea and the United States agreed to share intelligence on missile launches.",
    "Japan, South Korea and the United States agreed to consult one another in a crisis.",
])
def test_listed_states_agree_to_cooperate(text: str) -> None:
    found = events("en", text)
    for etype, mode in (("AGREE", "asserted"), ("COOPERATE", "planned")):
        event = find(found, etype, {"JPN", "KOR", "USA"}, {"JPN", "KOR", "USA"})
        assert set(event.source) == set(event.target) == {"JPN", "KOR", "USA"} and event.mode == mode


def test_a_struck_place_comes_with_its_country_when_the_article_names_it() -> None:
    found = events("en", "Ukraine said Russia struck Kharkiv with a new missile.")
    strike = find(found, "ASSAULT", {"RUS"}, {"UKR"})
    assert set(strike.target) == {"UKR", "place:kharkiv"}
    # no country the article does not name becomes a side
    strike = find(events("en", "Russian missiles struck Kharkiv overnight."), "ASSAULT", {"RUS"}, set())
    assert "UKR" not in strike.target


def test_the_place_of_a_visit_is_no_party_of_a_later_meeting() -> None:
    found = events("en", "Xi travelled to California for the summit, and the two men met on its sidelines.")
    assert not [e for e in found if e.type == "MEET" and any(a.startswith("place:") for a in e.source + e.target)]
    visit = find(found, "VISIT", {"Q15031"}, {"place:california"})
    assert visit.target == ["place:california"]


def test_a_verb_names_no_title() -> None:
    """"a team headed by X": "headed" is no office "head" of Ukraine; Ukraine stays a side."""
    meet = find(events("en", "The U.S. delegation, led by Marco Rubio and Mike Waltz, met a Ukrainian team headed by "
                             "Andriy Yermak."), "MEET", {"USA"}, {"UKR"})
    assert {"USA", "UKR"} <= set(meet.source) | set(meet.target)


def test_a_presidential_retreat_is_a_place_not_a_withdrawal() -> None:
    found = events("en", "Biden hosted Kishida at the presidential retreat on Friday.")
    assert not [e for e in found if e.type == "RETREAT"]


def test_concern_is_aimed_at_the_owner_of_what_it_is_about() -> None:
    accuse = find(events("en", "Japan and the Philippines expressed serious concern over China's coercive actions."),
                  "ACCUSE", {"JPN", "PHL"}, {"CHN"})
    assert (sorted(accuse.source), accuse.target) == (["JPN", "PHL"], ["CHN"])


@pytest.mark.parametrize(("text", "mode"), [
    ("Putin will travel to Beijing to sign a gas deal with Xi.", "planned"),
    ("Putin flew to Beijing and signed a gas deal with Xi.", "asserted"),
])
def test_a_purpose_clause_is_as_future_as_its_verb(text: str, mode: str) -> None:
    assert find(events("en", text), "AGREE", {"Q7747"}, {"Q15031"}).mode == mode


def test_the_owner_of_a_compound_trigger_is_its_doer() -> None:
    sanction = find(events("en", "Xi said U.S. export controls had harmed China's interests."), "SANCTION", {"USA"},
                    set())
    assert sanction.source == ["USA"]


def test_a_date_in_a_clause_describing_a_noun_does_not_date_the_act() -> None:
    found = events("en", "Biden and Xi agreed on Wednesday to resume military communications, cut off by Beijing "
                         "in August 2022.", published="2023-11-16")
    agree = find(found, "AGREE", {"Q6279"}, {"Q15031"})
    assert agree.date == "2023-11-15"


def test_congo_after_the_full_name_is_the_democratic_republic() -> None:
    found = events("en", "The Democratic Republic of the Congo and Rwanda signed a peace deal. Congo will conduct "
                         "operations to neutralise the FDLR.")
    strike = find(found, "ASSAULT", {"COD"}, {"org:fdlr"})
    assert (strike.source, strike.target, strike.mode) == (["COD"], ["org:fdlr"], "planned")


def test_cancelling_a_contract_with_a_state_is_a_withdrawal_from_it() -> None:
    retreat = find(events("en", "Australia cancelled a submarine contract with France in 2021."), "RETREAT", {"AUS"},
                   {"FRA"})
    assert (retreat.source, retreat.target) == (["AUS"], ["FRA"])
