"""Event stage on our own kk/ru/en sentences, through the real analyzers, NER and KB linking."""

from __future__ import annotations

from functools import cache

import pytest

from graphbuild.entities.kb import KnowledgeBase
from graphbuild.entities.linking import link_mentions
from graphbuild.entities.ner import recognize
from graphbuild.events import ExtractionResult, extract_events
from graphbuild.graph.knowledge_graph import KnowledgeGraph, canonical_event_id
from graphbuild.ids import document_id
from graphbuild.language import analyze
from graphbuild.language.base import Sentence, Token
from graphbuild.model import EVENT_TYPES, Document, Event, Mention

PUBLISHED = "2023-09-14"
KIRBY = "person:john-kirby"
SHOIGU = "person:sergei-shoigu"


@cache
def _kb() -> KnowledgeBase:
    return KnowledgeBase.load()


def run(lang: str, text: str, published: str | None = PUBLISHED) -> ExtractionResult:
    doc = Document(id=document_id(text), source="<test>", lang=lang, text=text, published=published)
    sentences = analyze(text, lang)
    linked = link_mentions(doc, sentences, recognize(sentences, lang, doc.id), _kb())
    return extract_events(doc, sentences, linked.mentions, _kb())


def events(lang: str, text: str, published: str | None = PUBLISHED) -> list[Event]:
    return run(lang, text, published).events


def find(found: list[Event], etype: str, source: set[str], target: set[str]) -> Event:
    for e in found:
        if e.type != etype:
            continue
        if EVENT_TYPES[etype].symmetric:
            if (source | target) <= set(e.source) | set(e.target):
                return e
        elif source <= set(e.source) and target <= set(e.target):
            return e
    described = [(e.type, e.source, e.target, e.mode) for e in found]
    raise AssertionError(f"no {etype} {sorted(source)} -> {sorted(target)} among {described}")


# (lang, sentence, type, source, target, mode) -- one natural sentence per type and language.
TYPE_CASES = [
    ("kk", "Путин кеше Пекинге сапармен барды.", "VISIT", {"Q7747"}, {"CHN"}, "asserted"),
    ("ru", "Путин вчера посетил Пекин.", "VISIT", {"Q7747"}, {"CHN"}, "asserted"),
    ("en", "Putin visited Beijing yesterday.", "VISIT", {"Q7747"}, {"CHN"}, "asserted"),
    ("kk", "Қазақстан президенті Францияның президентімен Парижде кездесті.", "MEET", {"KAZ"}, {"FRA"},
     "asserted"),
    ("ru", "Казахстан встретился с Францией в Париже.", "MEET", {"KAZ"}, {"FRA"}, "asserted"),
    ("en", "Kazakhstan met France in Paris.", "MEET", {"KAZ"}, {"FRA"}, "asserted"),
    ("kk", "Қазақстан мен Қытай Астанада транзит туралы келіссөз жүргізді.", "NEGOTIATE", {"KAZ"}, {"CHN"}, "asserted"),
    ("ru", "Казахстан и Китай провели в Астане переговоры о транзите.", "NEGOTIATE", {"KAZ"}, {"CHN"}, "asserted"),
    ("en", "Kazakhstan and China held talks on transit in Astana.", "NEGOTIATE", {"KAZ"}, {"CHN"}, "asserted"),
    ("kk", "Ресей мен Қытай газ жеткізу туралы келісімге қол қойды.", "AGREE", {"RUS"}, {"CHN"}, "asserted"),
    ("ru", "Россия и Китай подписали соглашение о поставках газа.", "AGREE", {"RUS"}, {"CHN"}, "asserted"),
    ("en", "Russia and China signed an agreement on gas supplies.", "AGREE", {"RUS"}, {"CHN"}, "asserted"),
    ("kk", "Қазақстан Өзбекстанмен ынтымақтастықты нығайтады.", "COOPERATE", {"KAZ"}, {"UZB"}, "asserted"),
    ("ru", "Казахстан сотрудничает с Узбекистаном.", "COOPERATE", {"KAZ"}, {"UZB"}, "asserted"),
    ("en", "Kazakhstan cooperates with Uzbekistan.", "COOPERATE", {"KAZ"}, {"UZB"}, "asserted"),
    ("kk", "АҚШ Украинаға оқ-дәрі жеткізді.", "SUPPLY", {"USA"}, {"UKR"}, "asserted"),
    ("ru", "США поставили Украине боеприпасы.", "SUPPLY", {"USA"}, {"UKR"}, "asserted"),
    ("en", "The United States supplied ammunition to Ukraine.", "SUPPLY", {"USA"}, {"UKR"}, "asserted"),
    ("kk", "Қытай Ресейге дрондар сатуды ұсынды.", "OFFER", {"CHN"}, {"RUS"}, "asserted"),
    ("ru", "Китай предложил России беспилотники.", "OFFER", {"CHN"}, {"RUS"}, "asserted"),
    ("en", "China offered drones to Russia.", "OFFER", {"CHN"}, {"RUS"}, "asserted"),
    ("kk", "Украина Германиядан қару-жарақ сұрады.", "REQUEST", {"UKR"}, {"DEU"}, "asserted"),
    ("ru", "Украина попросила у Германии оружие.", "REQUEST", {"UKR"}, {"DEU"}, "asserted"),
    ("en", "Ukraine asked Germany for weapons.", "REQUEST", {"UKR"}, {"DEU"}, "asserted"),
    ("kk", "Франция Украинаны қолдады.", "SUPPORT", {"FRA"}, {"UKR"}, "asserted"),
    ("ru", "Франция поддержала Украину.", "SUPPORT", {"FRA"}, {"UKR"}, "asserted"),
    ("en", "France supported Ukraine.", "SUPPORT", {"FRA"}, {"UKR"}, "asserted"),
    ("kk", "АҚШ Ресейді Украинаға шабуыл жасады деп айыптады.", "ACCUSE", {"USA"}, {"RUS"}, "asserted"),
    ("ru", "США обвинили Россию в нападении на Украину.", "ACCUSE", {"USA"}, {"RUS"}, "asserted"),
    ("en", "The United States accused Russia of attacking Ukraine.", "ACCUSE", {"USA"}, {"RUS"}, "asserted"),
    ("kk", "Иран Ресейге дрон жеткізгенін жоққа шығарды.", "DENY", {"IRN"}, set(), "asserted"),
    ("ru", "Иран опроверг поставки беспилотников России.", "DENY", {"IRN"}, set(), "asserted"),
    ("en", "Iran denied supplying drones to Russia.", "DENY", {"IRN"}, set(), "asserted"),
    ("kk", "Ресей АҚШ-тың ұсынысынан бас тартты.", "REJECT", {"RUS"}, {"USA"}, "asserted"),
    ("ru", "Россия отвергла предложение США.", "REJECT", {"RUS"}, {"USA"}, "asserted"),
    ("en", "Russia rejected the US proposal.", "REJECT", {"RUS"}, {"USA"}, "asserted"),
    ("kk", "Солтүстік Корея АҚШ-ты ядролық соққымен қорқытты.", "THREATEN", {"PRK"}, {"USA"}, "asserted"),
    ("ru", "КНДР пригрозила США ядерным ударом.", "THREATEN", {"PRK"}, {"USA"}, "asserted"),
    ("en", "North Korea threatened the United States with a nuclear strike.", "THREATEN", {"PRK"}, {"USA"},
     "asserted"),
    ("kk", "Жапония Иранға санкция енгізді.", "SANCTION", {"JPN"}, {"IRN"}, "asserted"),
    ("ru", "Япония ввела санкции против Ирана.", "SANCTION", {"JPN"}, {"IRN"}, "asserted"),
    ("en", "Japan imposed sanctions on Iran.", "SANCTION", {"JPN"}, {"IRN"}, "asserted"),
    ("kk", "Солтүстік Корея 2022 жылы зымыран сынағын өткізді.", "MOBILIZE", {"PRK"}, set(), "asserted"),
    ("ru", "КНДР провела испытание баллистической ракеты в 2022 году.", "MOBILIZE", {"PRK"}, set(), "asserted"),
    ("en", "North Korea tested a ballistic missile in 2022.", "MOBILIZE", {"PRK"}, set(), "asserted"),
    ("kk", "Ресей Украинаға шабуыл жасады.", "ASSAULT", {"RUS"}, {"UKR"}, "asserted"),
    ("ru", "Россия атаковала Украину.", "ASSAULT", {"RUS"}, {"UKR"}, "asserted"),
    ("en", "Russia attacked Ukraine.", "ASSAULT", {"RUS"}, {"UKR"}, "asserted"),
    ("kk", "Ресей Сириядан әскерін шығарды.", "RETREAT", {"RUS"}, {"SYR"}, "asserted"),
    ("ru", "Россия вывела войска из Сирии.", "RETREAT", {"RUS"}, {"SYR"}, "asserted"),
    ("en", "Russia withdrew its troops from Syria.", "RETREAT", {"RUS"}, {"SYR"}, "asserted"),
]


@pytest.mark.parametrize(("lang", "text", "etype", "source", "target", "mode"), TYPE_CASES,
                         ids=[f"{c[0]}-{c[2]}" for c in TYPE_CASES])
def test_every_type_in_every_language(lang: str, text: str, etype: str, source: set[str], target: set[str],
                                      mode: str) -> None:
    event = find(events(lang, text), etype, source, target)
    assert event.mode == mode
    assert event.cameo.isdigit() and len(event.cameo) == 3 and isinstance(event.cameo, str)
    assert event.plover == EVENT_TYPES[etype].plover
    assert event.goldstein is not None and -10.0 <= event.goldstein <= 10.0
    assert 0.0 < event.confidence <= 1.0
    assert event.id == canonical_event_id(event)


def test_all_types_are_covered_in_all_languages() -> None:
    for lang in ("kk", "ru", "en"):
        assert {c[2] for c in TYPE_CASES if c[0] == lang} == set(EVENT_TYPES)


@pytest.mark.parametrize(("lang", "to_text", "from_text"), [
    ("kk", "Қытай Ресейге қару жеткізді.", "Қытай Ресейден қару сатып алды."),
    ("ru", "Китай поставил оружие России.", "Китай купил оружие у России."),
    ("en", "China sold weapons to Russia.", "China bought weapons from Russia."),
])
def test_case_and_preposition_give_direction(lang: str, to_text: str, from_text: str) -> None:
    sold = find(events(lang, to_text), "SUPPLY", {"CHN"}, {"RUS"})
    bought = find(events(lang, from_text), "SUPPLY", {"RUS"}, {"CHN"})
    assert sold.object == bought.object == "weapons"
    assert sold.cameo == "072"  # arms: military aid


@pytest.mark.parametrize(("lang", "text", "speaker"), [
    ("kk", "Блинкеннің сөзінше, Ресей Иранмен келіссөз жүргізіп жатыр.", "person:antony-blinken"),
    ("kk", "Путиннің айтуынша, Ресей Иранмен келіссөз жүргізіп жатыр.", "Q7747"),
    ("kk", "Блинкен Ресей Иранмен келіссөз жүргізіп жатқанын мәлімдеді.", "person:antony-blinken"),
    ("ru", "По словам Блинкена, Россия ведет переговоры с Ираном.", "person:antony-blinken"),
    ("ru", "Блинкен заявил, что Россия ведет переговоры с Ираном.", "person:antony-blinken"),
    ("en", "According to Blinken, Russia is negotiating with Iran.", "person:antony-blinken"),
    ("en", "Russia is negotiating with Iran, Blinken said.", "person:antony-blinken"),
])
def test_reported_speech_gives_reported_by(lang: str, text: str, speaker: str) -> None:
    found = events(lang, text)
    talks = find(found, "NEGOTIATE", {"RUS"}, {"IRN"})
    assert talks.mode == "reported"
    assert talks.reported_by == [speaker]
    assert speaker not in talks.source + talks.target  # the speaker is not a participant
    assert len(found) == 1  # the statement itself is no event


def test_pronoun_speaker_continues_the_previous_report() -> None:
    found = events("en", "Blinken said Russia is negotiating with Iran. He added that Iran supplied drones to Russia.")
    supply = find(found, "SUPPLY", {"IRN"}, {"RUS"})
    assert supply.reported_by == ["person:antony-blinken"]


@pytest.mark.parametrize(("lang", "text"), [
    ("kk", "Иран Ресейге дрон жеткізгенін жоққа шығарды."),
    ("kk", "Иран Ресейге дрон жеткізуді теріске шығарды."),
    ("ru", "Иран опроверг поставки беспилотников России."),
    ("ru", "Иран отрицает, что поставлял России беспилотники."),
    ("en", "Iran denied supplying drones to Russia."),
    ("en", "Iran rejected claims that it supplied drones to Russia."),
])
def test_denial_links_to_the_denied_event(lang: str, text: str) -> None:
    found = events(lang, text)
    supply = find(found, "SUPPLY", {"IRN"}, {"RUS"})
    deny = find(found, "DENY", {"IRN"}, set())
    assert supply.mode == "denied"
    assert supply.object == "drones"
    assert deny.about == supply.id == canonical_event_id(supply)
    assert deny.mode == "asserted"
    assert deny.cameo == "016"


@pytest.mark.parametrize(("lang", "text"), [
    ("kk", "Зеленский Ресейді Украинаға шабуыл жасады деп айыптады. Ресей бұл айыптауды теріске шығарды."),
    ("ru", "Зеленский обвинил Россию в нападении на Украину. Москва отвергла обвинения."),
    ("en", "Zelensky accused Russia of attacking Ukraine. Moscow denied the accusations."),
])
def test_accusation_and_its_denial_across_sentences(lang: str, text: str) -> None:
    found = events(lang, text)
    zelensky = "person:volodymyr-zelenskyy"
    attack = find(found, "ASSAULT", {"RUS"}, {"UKR"})
    accuse = find(found, "ACCUSE", {zelensky}, {"RUS"})
    deny = find(found, "DENY", {"RUS"}, {zelensky})
    assert accuse.about == attack.id
    assert deny.about == attack.id
    assert attack.mode == "denied"
    assert attack.reported_by == [zelensky]
    assert not [e for e in found if e.type == "ACCUSE" and e.source == ["RUS"]]  # "the accusations" is no new act


@pytest.mark.parametrize(("lang", "text"), [
    ("kk", "Путин Пекинге бармады."),
    ("kk", "Путин Пекинге барған жоқ."),
    ("ru", "Путин не посетил Пекин."),
    ("en", "Putin did not visit Beijing."),
    ("en", "Putin never visited Beijing."),
])
def test_negation_on_the_trigger(lang: str, text: str) -> None:
    assert find(events(lang, text), "VISIT", {"Q7747"}, {"CHN"}).mode == "negated"


@pytest.mark.parametrize(("lang", "text"), [
    ("kk", "Путин Пекинге баруды жоспарлап отыр."),
    ("kk", "Путин Пекинге бару ниетінде."),
    ("ru", "Путин намерен посетить Пекин."),
    ("ru", "Путин планирует посетить Пекин."),
    ("en", "Putin plans to visit Beijing."),
    ("en", "Putin will visit Beijing."),
    ("en", "Putin intends to visit Beijing."),
])
def test_planned(lang: str, text: str) -> None:
    assert find(events(lang, text), "VISIT", {"Q7747"}, {"CHN"}).mode == "planned"


@pytest.mark.parametrize(("lang", "text"), [
    ("kk", "Ресей Иранмен дрон сатып алу туралы келіссөз жүргізіп жатыр."),
    ("ru", "Россия ведет переговоры с Ираном о покупке беспилотников."),
    ("en", "Russia is negotiating with Iran to buy drones."),
])
def test_negotiating_to_buy_is_a_planned_supply_from_the_partner(lang: str, text: str) -> None:
    found = events(lang, text)
    supply = find(found, "SUPPLY", {"IRN"}, {"RUS"})
    assert supply.mode == "planned"
    assert supply.object == "drones"
    assert find(found, "NEGOTIATE", {"RUS"}, {"IRN"}).mode == "asserted"


STORY = {
    "kk": ("Ақ үй өкілі Джон Кирби Ресей Пхеньянмен оқ-дәрі сатып алу туралы келіссөз жүргізіп жатқанын "
           "мәлімдеді. Ресей қорғаныс министрі Сергей Шойгу шілде айында Пхеньянға сапармен барды. "
           "Солтүстік Корея Ресейге қару жеткізуді жоққа шығарды."),
    "ru": ("Официальный представитель Белого дома Джон Кирби заявил, что Россия ведет переговоры с КНДР о "
           "покупке боеприпасов. В июле министр обороны России Сергей Шойгу посетил Пхеньян. "
           "КНДР опровергла поставки оружия России."),
    "en": ("White House spokesperson John Kirby said Russia is negotiating with Pyongyang to buy ammunition. "
           "Russian Defence Minister Sergei Shoigu visited Pyongyang in July. "
           "North Korea denied supplying arms to Russia."),
}


@pytest.mark.parametrize("lang", sorted(STORY))
def test_the_story(lang: str) -> None:
    result = run(lang, STORY[lang])
    found = result.events
    talks = find(found, "NEGOTIATE", {"RUS"}, {"PRK"})
    assert talks.mode == "reported" and talks.reported_by == [KIRBY]
    purchase = find(found, "SUPPLY", {"PRK"}, {"RUS"})
    assert purchase.object == "ammunition"
    visit = find(found, "VISIT", {SHOIGU}, {"PRK"})
    assert (visit.date, visit.date_precision) == ("2023-07", "month")
    # the minister and the state he holds office of (docs/event-types.md, "Both the person and the state")
    assert visit.source == ["RUS", SHOIGU]
    denied = [e for e in found if e.type == "SUPPLY" and e.mode == "denied"]
    assert len(denied) == 1 and denied[0].source == ["PRK"] and denied[0].target == ["RUS"]
    deny = find(found, "DENY", {"PRK"}, set())
    assert deny.about == denied[0].id
    assert deny.target == ["USA", KIRBY]  # the one who claimed a supply from North Korea, and his state
    roles = {(r.person, r.role, r.of) for r in result.roles}
    assert (SHOIGU, "Minister of Defence", "RUS") in roles
    assert (KIRBY, "Spokesperson", "org:white-house") in roles


def test_the_story_gives_the_same_events_in_every_language() -> None:
    ids = {}
    for lang, text in STORY.items():
        ids[lang] = {(e.type, e.id) for e in events(lang, text)}
    visits = {lang: {i for t, i in pairs if t == "VISIT"} for lang, pairs in ids.items()}
    assert visits["kk"] == visits["ru"] == visits["en"] and len(visits["kk"]) == 1
    denied = {lang: {i for t, i in pairs if t == "DENY"} for lang, pairs in ids.items()}
    assert denied["kk"] == denied["ru"] == denied["en"]


def test_violation_is_an_accusation_about_the_act() -> None:
    found = events("en", "Selling ammunition to Russia would violate UN Security Council resolutions, Kirby said.")
    # the sale names no seller: no event (docs/event-types.md, "An event needs a doer"); the accusation
    # about it is kept, with no one to accuse
    accuse = find(found, "ACCUSE", {KIRBY}, set())
    assert [(e.type, e.source, e.target) for e in found] == [("ACCUSE", ["USA", KIRBY], [])]
    assert accuse.reported_by == []  # his own accusation is the event, not a report of it
    # with a seller named, the sale is the accusation's act and the seller the accused
    found = events("en", "North Korea's sale of ammunition to Russia would violate UN Security Council "
                         "resolutions, Kirby said.")
    sale = find(found, "SUPPLY", {"PRK"}, {"RUS"})
    assert find(found, "ACCUSE", {KIRBY}, {"PRK"}).about == sale.id
    assert sale.reported_by == [KIRBY] and len(found) == 2


def test_same_event_twice_in_one_article_is_one_event_with_two_evidences() -> None:
    text = "Russia attacked Ukraine. Later that day Russia attacked Ukraine again."
    found = [e for e in events("en", text) if e.type == "ASSAULT"]
    assert len(found) == 1
    assert len(found[0].evidence) == 2


def test_evidence_points_into_the_document() -> None:
    text = "Preamble line without events.\n\nРесей Украинаға шабуыл жасады."
    doc_id = document_id(text)
    event = find(events("kk", text), "ASSAULT", {"RUS"}, {"UKR"})
    evidence = event.evidence[0]
    assert evidence.document == doc_id and event.documents == [doc_id]
    assert text[evidence.start:evidence.end] == evidence.sentence == "Ресей Украинаға шабуыл жасады."
    assert evidence.quote in evidence.sentence and "шабуыл" in evidence.quote
    assert evidence.lang == "kk"


def test_date_of_the_sentence_is_the_date_of_its_events() -> None:
    found = events("ru", "13 сентября 2023 года Россия атаковала Украину. "
                         "На прошлой неделе Франция поддержала Украину.")
    assert find(found, "ASSAULT", {"RUS"}, {"UKR"}).date == "2023-09-13"
    support = find(found, "SUPPORT", {"FRA"}, {"UKR"})
    assert (support.date, support.date_precision) == ("2023-09", "month")


def test_passive_voice_swaps_roles() -> None:
    assert find(events("en", "Ukraine was attacked by Russia."), "ASSAULT", {"RUS"}, {"UKR"})


def test_events_merge_in_the_graph() -> None:
    graph = KnowledgeGraph()
    for lang, text in STORY.items():
        for event in events(lang, text):
            graph.add_event(event)
    visits = [e for e in graph.events.values() if e.type == "VISIT"]
    assert len(visits) == 1 and len(visits[0].evidence) == 3
    assert {e.lang for e in visits[0].evidence} == {"kk", "ru", "en"}


def test_unsupported_language_is_a_warning() -> None:
    doc = Document(id="doc:x", source="x", lang="de", text="Russland griff die Ukraine an.")
    result = extract_events(doc, [], [])
    assert result.events == [] and "de" in result.warnings[0]


def _tok(text: str, start: int, lemma: str, pos: str, **feats: str) -> Token:
    return Token(text, start, start + len(text), lemma, pos, dict(feats))


def test_kazakh_case_roles_from_features_alone() -> None:
    """Built by hand, independent of the analyzer and the KB: roles come from Case features."""
    text = "Қытай Ресейден қару сатып алды"
    tokens = [
        _tok("Қытай", 0, "Қытай", "PROPN", Case="Nom"),
        _tok("Ресейден", 6, "Ресей", "PROPN", Case="Abl"),
        _tok("қару", 15, "қару", "NOUN", Case="Nom"),
        _tok("сатып", 20, "сат", "VERB", VerbForm="Conv"),
        _tok("алды", 26, "ал", "VERB", VerbForm="Fin"),
    ]
    sentence = Sentence(text, 0, len(text), tokens)
    mentions = [Mention("d", 0, 5, "Қытай", "Country", "kk", actor="CHN"),
                Mention("d", 6, 14, "Ресейден", "Country", "kk", actor="RUS")]
    doc = Document(id="d", source="d", lang="kk", text=text)
    found = extract_events(doc, [sentence], mentions).events
    assert [(e.type, e.source, e.target, e.object) for e in found] == [("SUPPLY", ["RUS"], ["CHN"], "weapons")]
    tokens[1] = _tok("Ресейге", 6, "Ресей", "PROPN", Case="Dat")
    tokens[3:] = [_tok("жеткізді", 20, "жеткіз", "VERB", VerbForm="Fin")]
    mentions[1] = Mention("d", 6, 13, "Ресейге", "Country", "kk", actor="RUS")
    text2 = "Қытай Ресейге қару жеткізді"
    found = extract_events(doc, [Sentence(text2, 0, len(text2), tokens)], mentions).events
    assert [(e.type, e.source, e.target) for e in found] == [("SUPPLY", ["CHN"], ["RUS"])]


def test_co_speakers_report_together() -> None:
    found = events("en", "Blinken and Cameron said Russia attacked Ukraine.")
    attack = find(found, "ASSAULT", {"RUS"}, {"UKR"})
    assert attack.reported_by == sorted(["person:antony-blinken", "person:david-cameron"])


def test_preposition_carries_over_a_list() -> None:
    # the receiver of the support is what it is aimed at ("won support from")
    support = find(events("en", "Ukraine won support from Poland and Lithuania."), "SUPPORT", {"POL", "LTU"}, {"UKR"})
    assert (set(support.source), set(support.target)) == ({"POL", "LTU"}, {"UKR"})


@pytest.mark.parametrize(("lang", "text"), [
    ("ru", "В Кремле опровергли эту информацию."),
    ("en", "The Kremlin denied the report."),
    ("kk", "Кремль бұл ақпаратты жоққа шығарды."),
])
def test_institutions_deny(lang: str, text: str) -> None:
    assert find(events(lang, text), "DENY", {"org:kremlin"}, set())


@pytest.mark.parametrize(("lang", "text"), [
    ("ru", "Путин прибыл в Пекин с официальным визитом."),
    ("en", "Putin arrived in Beijing on an official visit."),
])
def test_a_noun_echoing_its_verb_is_the_same_event(lang: str, text: str) -> None:
    visits = [e for e in events(lang, text) if e.type == "VISIT"]
    assert len(visits) == 1 and visits[0].source == ["Q7747", "RUS"] and visits[0].target == ["CHN"]


@pytest.mark.parametrize(("lang", "text"), [
    ("kk", "Түркия Швецияның НАТО-ға кіруін қолдады."),
    ("ru", "Турция поддержала вступление Швеции в НАТО."),
    ("en", "Turkey backed Sweden's bid to join NATO."),
])
def test_the_owner_of_the_object_is_a_target(lang: str, text: str) -> None:
    assert find(events(lang, text), "SUPPORT", {"TUR"}, {"SWE"})


def test_intent_gets_the_cameo_intent_code_and_future_keeps_the_act() -> None:
    assert find(events("en", "Putin plans to visit Beijing."), "VISIT", {"Q7747"}, {"CHN"}).cameo == "036"
    will = find(events("en", "Putin will visit Beijing."), "VISIT", {"Q7747"}, {"CHN"})
    assert (will.cameo, will.mode) == ("042", "planned")


@pytest.mark.parametrize(("lang", "text"), [
    ("kk", "Жапония Иранға қарсы санкцияларды алып тастады."),
    ("ru", "Япония сняла санкции с Ирана."),
    ("en", "Japan lifted sanctions on Iran."),
])
def test_easing_sanctions_is_a_retreat(lang: str, text: str) -> None:
    event = find(events(lang, text), "RETREAT", {"JPN"}, {"IRN"})
    assert event.cameo == "081"


@pytest.mark.parametrize(("lang", "text"), [
    ("kk", "Тоқаев Путинмен телефон арқылы сөйлесті."),
    ("ru", "Токаев провел телефонный разговор с Путиным."),
    ("en", "Tokayev held a phone call with Putin."),
])
def test_phone_calls_are_meetings(lang: str, text: str) -> None:
    assert find(events(lang, text), "MEET", {"person:kassym-jomart-tokayev"}, {"Q7747"})


def test_relative_clause_is_closed_to_the_main_verb() -> None:
    found = events("en", "The European Union, which includes France and Germany, imposed sanctions on Iran.")
    sanction = find(found, "SANCTION", {"Q458"}, {"IRN"})
    assert sanction.source == ["Q458"]


def test_partial_retelling_folds_into_the_event() -> None:
    visits = [e for e in events("en", "Putin visited Beijing on Monday. Putin's visit lasted two days.")
              if e.type == "VISIT"]
    assert len(visits) == 1 and len(visits[0].evidence) == 2


def test_the_paragraph_date_holds_but_not_across_paragraphs() -> None:
    text = "Russia attacked Ukraine on Monday. Later Russia attacked Poland.\n\nFrance supported Ukraine."
    found = events("en", text)
    assert find(found, "ASSAULT", {"RUS"}, {"POL"}).date == "2023-09-11"
    assert find(found, "SUPPORT", {"FRA"}, {"UKR"}).date is None


def test_kazakh_speaker_after_the_verb() -> None:
    found = events("kk", "Ресей Украинаға шабуыл жасады, деп хабарлады Зеленский.")
    assert find(found, "ASSAULT", {"RUS"}, {"UKR"}).reported_by == ["person:volodymyr-zelenskyy"]


def test_only_claims_are_denied_across_sentences() -> None:
    found = events("en", "Russia attacked Ukraine. Russia denied the reports.")
    assert find(found, "ASSAULT", {"RUS"}, {"UKR"}).mode == "asserted"
    assert find(found, "DENY", {"RUS"}, set()).about is None


@pytest.mark.parametrize(("lang", "text"), [
    ("kk", "АҚШ Ресейді Сириядан әскерін шығаруға шақырды."),
    ("ru", "США призвали Россию вывести войска из Сирии."),
    ("en", "The United States urged Russia to withdraw its troops from Syria."),
])
def test_the_addressee_of_a_request_does_the_requested_act(lang: str, text: str) -> None:
    found = events(lang, text)
    assert find(found, "REQUEST", {"USA"}, {"RUS"})
    assert find(found, "RETREAT", {"RUS"}, {"SYR"})


def test_pronoun_and_name_share_the_act() -> None:
    agree = find(events("en", "Putin said he and Xi Jinping had agreed to cooperate."), "AGREE", {"Q7747"}, {"Q15031"})
    assert agree.reported_by == ["Q7747"]


def test_kazakh_passive_has_no_actor_from_the_possessor() -> None:
    found = events("kk", "Ресейдің Украинаға басып кіруі айыпталды.")
    assert find(found, "ASSAULT", {"RUS"}, {"UKR"})
    assert not [e for e in found if e.type == "ACCUSE" and "RUS" in e.source]


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Blinken spoke by phone with Aliyev and urged him to halt the offensive."),
    ("ru", "Блинкен поговорил по телефону с Алиевым и призвал его прекратить наступление."),
])
def test_object_pronoun_and_coordinated_verb(lang: str, text: str) -> None:
    found = events(lang, text)
    assert find(found, "MEET", {"person:antony-blinken"}, {"Q57371"})
    assert find(found, "REQUEST", {"person:antony-blinken"}, {"Q57371"})


def test_coordinated_demand_is_no_part_of_the_accusation() -> None:
    found = events("en", "Azerbaijan accused Armenia of attacking its troops, "
                         "and demanded that Armenia withdraw from Karabakh.")
    request = find(found, "REQUEST", {"AZE"}, {"ARM"})
    assert request.reported_by == [] and request.mode == "asserted"
    accuse = find(found, "ACCUSE", {"AZE"}, {"ARM"})
    assert accuse.about == find(found, "ASSAULT", {"ARM"}, set()).id


def test_described_partner_is_still_coordinated_and_institutions_deny() -> None:
    found = events("ru", "Израиль и палестинское движение ХАМАС договорились о паузе. "
                         "Ранее Израиль обвинил ХАМАС в нападении на Израиль. В ХАМАС эти обвинения отвергли.")
    assert find(found, "AGREE", {"ISR"}, {"org:hamas"})
    deny = find(found, "DENY", {"org:hamas"}, {"ISR"})
    assert deny.about == find(found, "ASSAULT", {"org:hamas"}, {"ISR"}).id


def test_kazakh_accusation_across_dep_and_protest() -> None:
    found = events("kk", "Оңтүстік Корея ұшырылымды арандатушылық деп атап, Пхеньянды БҰҰ Қауіпсіздік Кеңесінің "
                         "қарарларын бұзды деп айыптады. Жапония Пхеньянға наразылық білдірді.")
    assert find(found, "ACCUSE", {"KOR"}, {"PRK"}).reported_by == []
    assert find(found, "ACCUSE", {"JPN"}, {"PRK"})
    assert not [e for e in found if e.type == "ACCUSE" and "PRK" in e.source]


def test_fronted_noun_and_impersonal_denial_in_russian() -> None:
    found = events("ru", "По словам американской стороны, Пхеньян передал России ракеты. "
                         "В Москве эти утверждения отрицали. Санкции против Пхеньяна Совбез ввёл в 2006 году.")
    supply = find(found, "SUPPLY", {"PRK"}, {"RUS"})
    deny = find(found, "DENY", {"RUS"}, {"USA"})
    assert deny.about == supply.id and supply.mode == "denied"
    sanction = find(found, "SANCTION", {"Q37470"}, {"PRK"})
    assert (sanction.date, sanction.date_precision) == ("2006", "year")


def test_fire_reads_as_attack_or_test_and_both_sides_of_talks_count() -> None:
    assert find(events("en", "North Korea fired two ballistic missiles into the sea."), "MOBILIZE", {"PRK"}, set())
    assert find(events("en", "Russia fired missiles at Kyiv."), "ASSAULT", {"RUS"}, {"UKR"})
    found = events("en", "The White House said that negotiations between Moscow and Pyongyang were advancing, "
                         "under which North Korea would supply Russia with ammunition.")
    talks = find(found, "NEGOTIATE", {"RUS"}, {"PRK"})
    assert talks.source == talks.target == ["PRK", "RUS"] and talks.reported_by == ["org:white-house"]
    assert find(found, "SUPPLY", {"PRK"}, {"RUS"}).object == "ammunition"


def test_reaction_to_an_earlier_event_and_negated_subject() -> None:
    found = events("en", "North Korea fired a missile on Monday. Kishida and Yoon condemned the launch.")
    launch = find(found, "MOBILIZE", {"PRK"}, set())
    condemn = find(found, "ACCUSE", {"person:fumio-kishida", "person:yoon-suk-yeol"}, {"PRK"})
    assert condemn.about == launch.id
    visit = find(events("en", "No Russian leader has visited Japan since 2011."), "VISIT", {"RUS"}, {"JPN"})
    assert visit.mode == "negated"


@pytest.mark.parametrize(("lang", "text"), [
    ("kk", "Путин Зеленскиймен кездесуден бас тартты."),
    ("ru", "Путин отказался от встречи с Зеленским."),
    ("en", "Putin refused to meet Zelensky."),
])
def test_a_refused_act_is_negated(lang: str, text: str) -> None:
    found = events(lang, text)
    assert find(found, "MEET", {"Q7747"}, {"person:volodymyr-zelenskyy"}).mode == "negated"
    assert find(found, "REJECT", {"Q7747"}, set())


@pytest.mark.parametrize(("lang", "text"), [
    ("ru", "США объявили о новых санкциях против Китая."),
    ("en", "The United States announced new sanctions against China."),
])
def test_announced_act_is_the_speakers_own(lang: str, text: str) -> None:
    sanction = find(events(lang, text), "SANCTION", {"USA"}, {"CHN"})
    assert sanction.reported_by == [] and sanction.mode == "asserted"


@pytest.mark.parametrize(("lang", "text"), [
    ("ru", "Япония осудила запуск ракеты Северной Кореей."),
    ("en", "Japan condemned North Korea's missile launch."),
])
def test_condemned_act_is_a_fact_of_its_own_actor(lang: str, text: str) -> None:
    launch = find(events(lang, text), "MOBILIZE", {"PRK"}, set())
    assert launch.mode == "asserted" and launch.reported_by == []


def test_kazakh_argument_inside_a_multiword_trigger() -> None:
    assert find(events("kk", "Си Цзиньпин ресми сапармен Астанаға келді."), "VISIT", {"Q15031"}, {"KAZ"})
