"""Actors without junk: scraped pages with their furniture in, exactly the story's actors out.

Each page below is an article as a scraper hands it over (JSONL ``text`` or a .txt file), with a
byline, timestamp, photo credit, share widget, related-articles list and a reporting credit around
the body.  The built entities must be exactly the actors of the story: no reporter, no agency
cited only as the channel, no UI string; every dropped line is listed in warnings.jsonl.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from graphbuild.cli.main import main
from graphbuild.entities.actor_policy import news_outlets
from graphbuild.entities.kb import KnowledgeBase
from graphbuild.ids import document_id
from graphbuild.model import Document
from graphbuild.pipeline import process_document

EN_PAGE = """By Aigul Nurlanova and Peter Holm

Updated 14:05 GMT

Photo: Reuters

MOSCOW, March 3 - Russian President Vladimir Putin met Kazakh President Kassym-Jomart Tokayev in \
Moscow on Tuesday, TASS reported. The two leaders signed an agreement on gas supplies.

Photo: Putin and Tokayev shake hands. (AP Photo/Ivan Petrov)

Share this article

Join the discussion

Read more:

Kazakhstan and Uzbekistan Sign Water Deal

(Reporting by Aigul Nurlanova; editing by Peter Holm)
"""

KK_PAGE = """Жарияланды: 03.03.2025 14:05

Сурет: Ақорда баспасөз қызметі

АСТАНА. Қазақстан Президенті Қасым-Жомарт Тоқаев Астанада Өзбекстан Президенті Шавкат Мирзиёевпен \
кездесті, деп хабарлайды Kazinform агенттігі.

Оқи отырыңыз: Тоқаев Мәскеуге барды

Бөлісу: Facebook · Telegram · WhatsApp
"""

RU_PAGE = """Обновлено 16:20 МСК

Фото: РИА Новости

МОСКВА, 3 марта. Президент России Владимир Путин провёл переговоры с президентом Казахстана \
Касым-Жомартом Токаевым, сообщает ТАСС.

Автор: Иван Петров

Читайте также: Путин провёл совещание
"""

EXPECTED = {
    "en": {"RUS", "KAZ", "person:vladimir-putin", "person:kassym-jomart-tokayev"},
    "kk": {"KAZ", "UZB", "person:kassym-jomart-tokayev", "person:shavkat-mirziyoyev"},
    "ru": {"RUS", "KAZ", "person:vladimir-putin", "person:kassym-jomart-tokayev"},
}


def _kb_id(label: str) -> str:
    """The KB id of a person by English label, so the test does not hard-code slugs it cannot see."""
    kb = KnowledgeBase.load()
    hits = [h.actor_id for h in kb.lookup(label, "en") if h.actor_id]
    assert hits, label
    return hits[0]


def _actors_of(text: str, lang: str) -> set[str]:
    """The actor ids a one-sentence document in ``lang`` keeps."""
    doc = Document(id=document_id(text), source="<test>", lang=lang, text=text)
    return set(process_document(doc).graph.actors)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("scraped")
    (folder / "en_page.jsonl").write_text(json.dumps({"text": EN_PAGE, "outlet": "Steppe Wire"}) + "\n",
                                          encoding="utf-8")
    (folder / "kk_page.txt").write_text(KK_PAGE, encoding="utf-8")
    (folder / "ru_page.jsonl").write_text(json.dumps({"text": RU_PAGE}, ensure_ascii=False) + "\n",
                                          encoding="utf-8")
    out = folder / "out"
    assert main(["--quiet", "build", str(folder), "--out", str(out)]) == 0
    return out


def _actors_by_lang(out: Path) -> dict[str, set[str]]:
    docs = {d["id"]: d["lang"] for d in map(json.loads, (out / "documents.jsonl").read_text().splitlines())}
    found: dict[str, set[str]] = {lang: set() for lang in docs.values()}
    for entity in map(json.loads, (out / "entities.jsonl").read_text(encoding="utf-8").splitlines()):
        if entity.get("outlet"):
            continue  # a channel of a report, no actor of the story
        for doc in entity["documents"]:
            found[docs[doc]].add(entity["id"])
    return found


def test_scraped_pages_give_exactly_the_story_actors(built: Path) -> None:
    people = {"person:vladimir-putin": _kb_id("Vladimir Putin"),
              "person:kassym-jomart-tokayev": _kb_id("Kassym-Jomart Tokayev"),
              "person:shavkat-mirziyoyev": _kb_id("Shavkat Mirziyoyev")}
    found = _actors_by_lang(built)
    for lang, expected in EXPECTED.items():
        assert found[lang] == {people.get(a, a) for a in expected}, lang


def test_no_furniture_string_and_no_channel_agency_survives(built: Path) -> None:
    entities = [json.loads(line) for line in (built / "entities.jsonl").read_text(encoding="utf-8").splitlines()]
    outlets = {e["id"] for e in entities if e.get("outlet")}
    assert {e["id"] for e in entities} & news_outlets() == outlets  # agencies only as outlets
    events = [json.loads(line) for line in (built / "events.jsonl").read_text(encoding="utf-8").splitlines()]
    via = {a for e in events for t in e["tellings"] for a in t["via"]}
    actors = {a for e in events for a in e["source"] + e["target"] + e["reported_by"]}
    actors |= {a for e in events for t in e["tellings"] for a in t["reported_by"]}
    assert outlets == via and "org:tass" in via  # "..., TASS reported": the channel of a telling
    assert not outlets & actors
    labels = " ".join(e["label"] for e in entities if not e.get("outlet")).lower()
    for junk in ("nurlanova", "holm", "petrov", "reuters", "tass", "kazinform", "updated", "obnovleno",
                 "discussion", "water deal"):
        assert junk not in labels, junk


def test_dropped_lines_are_listed_with_their_reason(built: Path) -> None:
    warnings = [json.loads(line)["warning"] for line in (built / "warnings.jsonl").read_text().splitlines()]
    dropped = "\n".join(w for w in warnings if "boilerplate dropped" in w)
    for reason, text in (("byline", "By Aigul Nurlanova and Peter Holm"), ("timestamp", "Updated 14:05 GMT"),
                         ("photo credit", "Photo: Reuters"), ("interface string", "Join the discussion"),
                         ("related-article headline", "Kazakhstan and Uzbekistan Sign Water Deal"),
                         ("timestamp", "Жарияланды: 03.03.2025 14:05"), ("byline", "Автор: Иван Петров"),
                         ("photo credit cut", "(AP Photo/Ivan Petrov)")):
        assert f"({reason}): {text!r}" in dropped or (reason.endswith("cut") and text in dropped), (reason, text)
    assert any("cited only as a channel" in w for w in warnings)


def test_a_region_is_no_actor_its_member_states_are() -> None:
    from graphbuild.model import Document
    from graphbuild.pipeline import process_document

    kb = KnowledgeBase.load()
    assert kb.members("place:central-asia") == ["KAZ", "KGZ", "TJK", "TKM", "UZB"]
    assert kb.members("KAZ") == []
    doc = Document(id="doc:region", source="t", lang="en", text="The EU offered Central Asia new investment.")
    actors = set(process_document(doc).graph.actors)
    assert "place:central-asia" not in actors
    assert {"Q458", "KAZ", "KGZ", "TJK", "TKM", "UZB"} <= actors


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # A town the gazetteer knows, named for itself, is an actor even when no event is read there (the
    # leaders' states are sides of their meeting: docs/event-types.md, "Both the person and the state").
    ("Xi Jinping met Kassym-Jomart Tokayev in Chengdu on Friday.", "en",
     {"Q15031", "CHN", "person:kassym-jomart-tokayev", "KAZ", "place:chengdu"}),
    ("Путин и Токаев встретились в Екатеринбурге в пятницу.", "ru",
     {"Q7747", "RUS", "person:kassym-jomart-tokayev", "KAZ", "place:yekaterinburg"}),
    # A town that only modifies another noun is scenery.
    ("Japan protested after China's consul general in Osaka wrote a post online.", "en", {"JPN", "CHN"}),
])
def test_a_known_town_named_for_itself_is_an_actor(text: str, lang: str, expected: set[str]) -> None:
    assert _actors_of(text, lang) == expected


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # A medium named by its web address and cited as the report's channel is no actor.
    ("Қазақстан мен Өзбекстан жаңа келісімге қол қойды, деп хабарлайды Zakon.kz.", "kk", {"KAZ", "UZB"}),
    ("Как передаёт корреспондент Tengrinews.kz, Казахстан и Китай подписали соглашение.", "ru", {"KAZ", "CHN"}),
    # Blocked, it takes part in the event: an actor, named whole.
    ("Russia blocked Meduza.io on Monday.", "en", {"RUS", "org:meduza-io"}),
])
def test_a_medium_named_by_its_web_address_is_a_channel_unless_it_takes_part(text: str, lang: str,
                                                                            expected: set[str]) -> None:
    assert _actors_of(text, lang) == expected


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # The capital only says where the talks were: Russia is no actor of them.
    ("Armenian and Azerbaijani diplomats held a new round of talks in Moscow on Tuesday.", "en", {"ARM", "AZE"}),
    # A capital that acts stands for its country.
    ("Moscow warned Kyiv against new strikes.", "en", {"RUS", "UKR"}),
])
def test_a_country_named_only_by_its_capital_as_a_setting_is_no_actor(text: str, lang: str,
                                                                      expected: set[str]) -> None:
    assert _actors_of(text, lang) == expected


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # An undated text means the person's current office: Rutte speaks for NATO, not for the
    # Netherlands he once led; Kallas for the EU, not Estonia.
    ("NATO Secretary General Mark Rutte urged the allies to strengthen Ukraine's air defence.", "en",
     {"Q7184", "person:mark-rutte", "UKR"}),
    ("Ермек Көшербаев Кая Калласпен кездесті.", "kk",
     {"KAZ", "person:yermek-kosherbayev", "person:kaja-kallas"}),
])
def test_an_undated_text_gives_a_person_the_state_of_their_current_office(text: str, lang: str,
                                                                        expected: set[str]) -> None:
    assert _actors_of(text, lang) == expected


def test_states_of_a_person_follow_the_date_and_else_the_current_office() -> None:
    kb = KnowledgeBase.load()
    assert kb.states_of("person:mark-rutte", "2020-05-01") == {"NLD"}
    assert kb.states_of("person:mark-rutte", None) == set()  # Secretary-General of NATO, no state


KK_CREDITED_PAGE = """Сурет: ҚР СІМ баспасөз қызметі

Қазақстан Президенті Қасым-Жомарт Тоқаев Астанада Өзбекстан Президенті Шавкат Мирзиёевпен кездесті.

Тақырыптас жаңалықтар:
Тоқаев Қытай Төрағасымен телефон арқылы сөйлесті
"""


def test_a_press_service_credit_and_related_headlines_give_no_actor(tmp_path: Path) -> None:
    # "Сурет: ҚР СІМ баспасөз қызметі" credits the ministry's press service for the photo (the ministry is
    # no actor of the story); the related headline under "Тақырыптас жаңалықтар:" is another story (China).
    (tmp_path / "kk_page.txt").write_text(KK_CREDITED_PAGE, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["--quiet", "build", str(tmp_path / "kk_page.txt"), "--out", str(out)]) == 0
    assert _actors_by_lang(out)["kk"] == {"KAZ", "UZB", _kb_id("Kassym-Jomart Tokayev"), _kb_id("Shavkat Mirziyoyev")}
    warnings = (out / "warnings.jsonl").read_text(encoding="utf-8")
    assert "(photo credit): 'Сурет: ҚР СІМ баспасөз қызметі'" in warnings
    assert "(related-articles heading): 'Тақырыптас жаңалықтар:'" in warnings


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # A name whose own last word is a thing's noun (a route, accords) is no actor, though NER typed it a
    # person; a person's name before such a noun stays (it may be the owner: the Trump initiative).
    ("Tokayev and Aliyev discussed the Trans-Caspian International Transport Route.", "en",
     {"KAZ", "AZE", "person:kassym-jomart-tokayev", "Q57371"}),
    # A name NER typed a person, with attributes between it and a route's noun, names the route.
    ("Тараптар Транскаспий халықаралық көлік маршрутын дамыту мәселесін талқылады. Тоқаев Әлиевті қабылдады.",
     "kk", {"KAZ", "AZE", "person:kassym-jomart-tokayev", "Q57371"}),
    # An oil or gas field's name, before a classifier of two words.
    ("Тараптар Галкыныш кен орнын игеру жобасын талқылады.", "kk", set()),
    ("Tokayev and Aliyev discussed the Kashagan oil field.", "en",
     {"KAZ", "AZE", "person:kassym-jomart-tokayev", "Q57371"}),
    ("Стороны обсудили разработку месторождения Галкыныш.", "ru", set()),
    # A person's full name stays a person's whatever noun follows.
    ("Ержан Сәденов жаңа бастамасын ұсынды.", "kk", {"person:erjan-sadenov"}),
    # Right before the noun, a person may be the owner: Trump's initiative.
    ("Трамп бастамасын Тоқаев қолдады.", "kk", {"KAZ", "USA", "Q22686", "person:kassym-jomart-tokayev"}),
])
def test_a_name_ending_in_a_thing_noun_is_no_actor(text: str, lang: str, expected: set[str]) -> None:
    assert _actors_of(text, lang) == expected


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # Someone else with a KB person's family name is a person of their own, not the KB's.
    ("Hunter Biden met reporters on Monday.", "en", {"person:hunter-biden"}),
    ("Лара Трамп встретилась с журналистами.", "ru", {"person:lara-tramp"}),
    ("Болат Назарбаев журналистермен кездесті.", "kk", {"person:bolat-nazarbaev"}),
    # The KB person named with a given name in another spelling, a middle name or an initial is theirs.
    ("Tayyip Erdogan met reporters on Monday.", "en", {"person:recep-tayyip-erdogan"}),
    ("В. Путин встретился с журналистами.", "ru", {"person:vladimir-putin"}),
    ("Ілхам Әлиев журналистермен кездесті.", "kk", {"person:ilham-aliyev"}),
])
def test_another_bearer_of_a_kb_persons_family_name_is_not_that_person(text: str, lang: str,
                                                                       expected: set[str]) -> None:
    kb_ids = {"person:vladimir-putin": _kb_id("Vladimir Putin"), "person:ilham-aliyev": _kb_id("Ilham Aliyev")}
    assert _actors_of(text, lang) == {kb_ids.get(a, a) for a in expected}


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # A group named by a common noun is an actor when an event involves it ...
    ("Премьер-министр Ираклий Кобахидзе оппозицияны төңкеріс жасамақ болды деп айыптады.", "kk",
     {"GEO", "person:irakli-kobakhidze", "group:opposition"}),
    # ... and none when it is only mentioned.
    ("Тбилисиде оппозиция жиналды.", "kk", set()),
])
def test_a_group_named_by_a_common_noun_is_an_actor_only_in_an_event(text: str, lang: str,
                                                                    expected: set[str]) -> None:
    assert _actors_of(text, lang) == expected


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # A forum or summit is an event, not an actor, though named like a body.
    ("Tokayev met Aliyev at the Astana International Forum on Thursday.", "en",
     {"KAZ", "AZE", "person:kassym-jomart-tokayev", "Q57371"}),
    ("Астана халықаралық форумы аясында Қазақстан Президенті Қасым-Жомарт Тоқаев Біріккен Араб "
     "Әмірліктерінің Президенті Мұхаммед бин Заид Әл Нахаянмен кездесті.", "kk",
     {"KAZ", "ARE", "person:kassym-jomart-tokayev", "person:muhammed-bin-zaid-al-nahaian"}),
])
def test_a_forum_is_no_actor(text: str, lang: str, expected: set[str]) -> None:
    assert _actors_of(text, lang) == expected


def test_a_kazakh_name_in_quotes_before_its_noun_keeps_its_own_form() -> None:
    # «Самұрық-Қазына» қоры: the fund's noun takes the possessive; the quoted name is not cut to a stem.
    text = "«Самұрық-Қазына» қоры Abu Dhabi Investment Authority компаниясымен келісімге қол қойды."
    doc = Document(id=document_id(text), source="<test>", lang="kk", text=text)
    actors = process_document(doc).graph.actors
    assert "org:samuryq-qazyna" in actors and actors["org:samuryq-qazyna"].names["kk"] == ["Самұрық-Қазына"]


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # A medium named beside its noun and cited as where someone spoke is a channel, no actor.
    ("Сарапшы Досым Сәтпаев «Азаттық» радиосына берген сұхбатында Мәскеудің ықпалы әлсірегенін айтты.", "kk",
     {"RUS", "person:dosym-satpaev"}),
    # A KB newspaper cited so is one too.
    ("Сенат депутаттары «Егемен Қазақстан» газетіне берген сұхбатында заң жобасын қолдады.", "kk",
     {"org:kazakhstan-senate"}),
])
def test_a_medium_named_beside_its_noun_is_a_channel(text: str, lang: str, expected: set[str]) -> None:
    assert _actors_of(text, lang) == expected


def test_a_list_of_adjectives_shares_its_head_noun() -> None:
    # "Донецкой, Луганской, Запорожской и Херсонской областей": four oblasts, not the cities of Donetsk
    # and Luhansk.
    text = "Он вновь потребовал вывести украинские войска из Донецкой, Луганской, Запорожской и Херсонской областей."
    doc = Document(id=document_id(text), source="<test>", lang="ru", text=text)
    assert set(process_document(doc).graph.actors) == {
        "UKR", "place:donetsk-oblast", "place:luhansk-oblast", "place:zaporizhzhia-oblast", "place:kherson-oblast"}


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # An agency's credit opening the story after the dateline is no participant of the meeting.
    ("АСТАНА. KAZINFORM – Мемлекет басшысы Қасым-Жомарт Тоқаев Өзбекстан Президенті Шавкат Мирзиёевпен кездесті.",
     "kk", {"KAZ", "UZB", "person:kassym-jomart-tokayev", "person:shavkat-mirziyoyev"}),
    # Named in the story, an agency that takes part is an actor.
    ("Russia blocked Reuters on Monday.", "en", {"RUS", "org:reuters"}),
])
def test_an_agency_credit_line_is_no_actor(text: str, lang: str, expected: set[str]) -> None:
    people = {"person:shavkat-mirziyoyev": _kb_id("Shavkat Mirziyoyev")}
    assert _actors_of(text, lang) == {people.get(a, a) for a in expected}


def test_a_kazakh_honorific_inside_a_name_joins_it() -> None:
    # "қажы" (hajji) between the given name and the patronymic is part of one person's name.
    text = "Діни басқарманың төрағасы Наурызбай қажы Тағанұлы жамағатты тыныштыққа шақырды."
    doc = Document(id=document_id(text), source="<test>", lang="kk", text=text)
    people = [a for a in process_document(doc).graph.actors.values() if a.kind == "Person"]
    assert len(people) == 1 and people[0].names["kk"][0].startswith("Наурызбай қажы Таған")


@pytest.mark.parametrize(("text", "expected"), [
    # News style writes a body's name in lower case after its country: still the KB's body.
    ("China's foreign ministry condemned the visit.", {"CHN", "org:chinese-mfa"}),
    ("China's Foreign Ministry condemned the visit.", {"CHN", "org:chinese-mfa"}),
    # the country word keeps its capital: "china's foreign ministry" names no one
    ("china's foreign ministry condemned the visit.", set()),
])
def test_a_bodys_name_in_lower_case_after_its_country_is_the_body(text: str, expected: set[str]) -> None:
    assert _actors_of(text, "en") == expected


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # The platform a post was written on is a thing's name, also when the tokeniser glued the full stop
    # to it as to an initial ("X. По").
    ("Президент Турции Реджеп Тайип Эрдоган раскритиковал Израиль, написав в соцсети X. По его словам, "
     "Турция найдёт других поставщиков.", "ru", {"ISR", "TUR", "person:recep-tayyip-erdogan"}),
    # A platform named alone, in any case or with a hyphenated tail, is where a post was written, whatever
    # NER typed it.
    ("Trump wrote on Truth Social that Russia must stop.", "en", {"Q22686", "RUS"}),
    ("Захарова заявила в своём Telegram-канале, что Лондон лжёт.", "ru", {"GBR", "person:maria-zakharova"}),
    ("Зеленский написал в Telegram, что Россия атаковала Киев.", "ru",
     {"RUS", "UKR", "person:volodymyr-zelenskyy"}),
    ("Трамп бұл туралы Truth Social желісінде жазды.", "kk", {"Q22686"}),
])
def test_a_platform_named_beside_its_noun_is_no_actor(text: str, lang: str, expected: set[str]) -> None:
    assert _actors_of(text, lang) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # "the military" of a country is its armed forces, an actor beside the country ...
    ("Pakistan's military said it had killed 200 fighters.", {"PAK", "org:pakistan-armed-forces"}),
    ("The Israeli military said most drones were shot down.", {"ISR", "org:idf"}),
    # ... not when it only modifies a noun, and troops stand for the state.
    ("Israeli military aircraft struck targets in Lebanon.", {"ISR", "LBN"}),
    ("Tajik forces fired on Kyrgyz border posts.", {"TJK", "KGZ"}),
])
def test_a_countrys_military_is_its_armed_forces(text: str, expected: set[str]) -> None:
    assert _actors_of(text, "en") == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Kazakh news writes a body's name with its later words in lower case: still the KB's body, and no
    # group of its first word.
    ("Еуропалық одақтың арнайы өкілі Терхи Хакала Астанаға келді. Біріккен ұлттар ұйымы бұл шешімді құптады.",
     {"KAZ", "Q458", "Q1065", "person:terhi-hakala"}),
])
def test_a_kazakh_bodys_name_with_lower_case_words_is_the_body(text: str, expected: set[str]) -> None:
    assert _actors_of(text, "kk") == expected


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # A body under a ministry is found under any name of the ministry's country, like the ministry.
    ("Ukraine's military intelligence said the first units had reached the front.", "en", {"org:hur"}),
])
def test_a_sub_body_is_found_under_any_name_of_its_country(text: str, lang: str, expected: set[str]) -> None:
    assert _actors_of(text, lang) == expected


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # An office named after its building, in the locative as where something happens, is the setting ...
    ("Ақордада өткен жиында Тоқаев жаңа заң туралы айтты.", "kk", {"person:kassym-jomart-tokayev"}),
    ("Переговоры Путина и Орбана прошли в Кремле.", "ru", {"Q7747", "RUS", "person:viktor-orban", "HUN"}),
    # ... but with a plural verb and no subject its people speak: "в Кремле заявили" is the Kremlin.
    ("Песков заявил, что в Кремле не испытывают беспокойства.", "ru", {"org:kremlin", "person:dmitry-peskov"}),
])
def test_an_office_named_by_its_building_as_a_setting_is_no_actor(text: str, lang: str, expected: set[str]) -> None:
    assert _actors_of(text, lang) == expected



@pytest.mark.parametrize(("text", "expected"), [
    # "and" after a title with its person's name starts the next person: two people, not one name.
    ("Trade Representative Jamieson Greer and Vice Premier He Lifeng met on Sunday.",
     {"person:jamieson-greer", "person:he-lifeng"}),
    ("Foreign Minister Ahmed Salim and Defence Minister Omar Haddad met reporters.",
     {"person:ahmed-salim", "person:omar-haddad"}),
    # A title's own "and" joins its portfolios: nobody is named.
    ("The Minister of Trade and Industry met reporters.", set()),
])
def test_titled_people_joined_by_and_are_two_people(text: str, expected: set[str]) -> None:
    assert _actors_of(text, "en") == expected


def test_a_room_where_leaders_meet_is_no_actor() -> None:
    assert _actors_of("President Donald Trump received the two ministers in the Oval Office on Friday.", "en") == {
        "Q22686"}


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # A capital that names a treaty names no country.
    ("Brazil said the raid violated the Vienna Convention on diplomatic relations.", "en", {"BRA"}),
    ("Ресей Минск келісімдерін бұзды деп айыптады.", "kk", {"RUS"}),
    # An English country name is also written without "the" inside ("Democratic Republic of Congo").
    ("The Democratic Republic of Congo and Rwanda signed a peace deal.", "en", {"COD", "RWA"}),
])
def test_a_capital_naming_a_treaty_is_no_country(text: str, lang: str, expected: set[str]) -> None:
    assert _actors_of(text, lang) == expected



@pytest.mark.parametrize(("text", "expected"), [
    # A body named only as the owner of a summit is its setting ...
    ("Modi met Trudeau at the G20 summit in New Delhi.",
     {"IND", "CAN", "person:narendra-modi", "person:justin-trudeau"}),
    # ... and an actor when the text names it otherwise.
    ("Leaders met at the NATO summit on Tuesday. NATO pledged more aid to Ukraine.", {"Q7184", "UKR"}),
])
def test_a_body_named_only_as_a_summits_owner_is_no_actor(text: str, expected: set[str]) -> None:
    assert _actors_of(text, "en") == expected


@pytest.mark.parametrize(("text", "expected"), [
    # A country's police or air force named by a common noun is a body of its own beside the country ...
    ("Mexico cut ties after Ecuadorian police stormed its embassy.", {"MEX", "ECU", "org:ecuadorian-police"}),
    ("Ukraine's air force said it shot down 60 drones.", {"UKR", "org:ukrainian-air-force"}),
    # ... not when the noun only modifies another one.
    ("A Kosovo police patrol was ambushed.", {"XKX"}),
])
def test_a_countrys_service_named_by_a_common_noun_is_a_body(text: str, expected: set[str]) -> None:
    assert _actors_of(text, "en") == expected


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # Two people's names NER ran together are two people: the one the KB knows and the one before it ...
    ("Литва премьер-министрі Инга Ругинене Александр Лукашенко режимін айыптады.", "kk",
     {"LTU", "BLR", "Q2866", "person:inga-ruginene"}),
    # ... but a title before a KB person is no person.
    ("Chief Cabinet Secretary Minoru Kihara called the post extremely inappropriate.", "en", {"person:minoru-kihara"}),
])
def test_two_names_run_together_are_two_people(text: str, lang: str, expected: set[str]) -> None:
    assert _actors_of(text, lang) == expected


@pytest.mark.parametrize(("name", "page", "expected", "dropped"), [
    # A wire trailer naming the writers who contributed is a credit, not people of the story.
    ("en_page.txt", "BRUSSELS, May 5 - NATO Secretary-General Mark Rutte met Kassym-Jomart Tokayev on Monday.\n\n"
     "Associated Press writers Anna Kowalska in Warsaw and Tom Reed in Brussels contributed to this report.\n",
     {"Q7184", "KAZ", "Mark Rutte", "Kassym-Jomart Tokayev"}, "(byline): 'Associated Press writers Anna Kowalska"),
    # "More from <outlet>: <headline>" links another story: its places are none of this one's.
    ("en_page.txt", "NATO leaders met in Brussels on Monday.\n\n"
     "More from Atlantic Courier: Allies agree spending goal at The Hague\n",
     {"Q7184"}, "(widget): 'More from Atlantic Courier:"),
    # "Ақпарат көзі:" (source) credits the press service the story came from: no actor of the story.
    ("kk_page.txt", "Қасым-Жомарт Тоқаев Шавкат Мирзиёевпен телефон арқылы сөйлесті.\n\n"
     "Ақпарат көзі: Ақорданың баспасөз қызметі\n", {"KAZ", "UZB", "Kassym-Jomart Tokayev", "Shavkat Mirziyoyev"},
     "'Ақпарат көзі: Ақорданың баспасөз қызметі'"),
])
def test_a_credit_or_widget_line_gives_no_actor(tmp_path: Path, name: str, page: str, expected: set[str],
                                               dropped: str) -> None:
    # Expected actors are KB ids, or the labels of KB people (their ids are looked up).
    (tmp_path / name).write_text(page, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["--quiet", "build", str(tmp_path / name), "--out", str(out)]) == 0
    assert _actors_by_lang(out)[name[:2]] == {_kb_id(a) if " " in a else a for a in expected}
    assert dropped in (out / "warnings.jsonl").read_text(encoding="utf-8")


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # A dateline in title case opening the text says where the story was filed: Brussels is no actor.
    ("ЕО шешім қабылдады\n\nБрюссель, 2023 жылғы 14 желтоқсан. Еуропалық Одақ Украинамен келіссөздер бастады.",
     "kk", {"Q458", "UKR"}),
    ("США и Китай снизят пошлины\n\nЖенева, 12 мая 2025 года. США и Китай договорились снизить пошлины.",
     "ru", {"USA", "CHN"}),
    # Not at the start of a line, a comma after a name is no dateline: Belgium is named.
    ("Еуропалық Одақ Бельгиямен келісті. Бельгия, 2023 жылғы 14 желтоқсан.", "kk", {"Q458", "BEL"}),
])
def test_a_title_case_dateline_names_no_actor(text: str, lang: str, expected: set[str]) -> None:
    assert _actors_of(text, lang) == expected


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # A name beside a noun for a medium's reporter, not a person's name, is the medium they work for: no
    # actor of the story; the reporters are people.
    ("Из колоний освобождены журналист The Wall Street Journal Эван Гершкович и журналистка «Радио Свобода» "
     "Алсу Курмашева.", "ru", {"person:evan-gershkovich", "person:alsu-kurmasheva"}),
    ("Азаттық радиосының тілшісі Алсу Құрмашева Мәскеуден оралды.", "kk", {"RUS", "person:alsu-qurmaseva"}),
])
def test_a_medium_named_by_its_reporters_title_is_no_actor(text: str, lang: str, expected: set[str]) -> None:
    doc = Document(id=document_id(text), source="<test>", lang=lang, text=text)
    assert {a.id for a in process_document(doc).graph.actors.values() if not a.outlet} == expected


@pytest.mark.parametrize(("text", "expected"), [
    # A place after another place and a comma is the first one's address: no place of the story by itself ...
    ("Canada accused India of a role in the killing of a Sikh leader in Surrey, British Columbia, last June.",
     {"CAN", "IND"}),
    # ... but in a list (a comma and another place follow) it is one of the places.
    ("Ukraine said Russian drones struck Kharkiv, Kherson Oblast, Odesa and Lviv overnight.",
     {"UKR", "RUS", "place:kharkiv", "place:kherson-oblast", "place:odesa", "place:lviv"}),
])
def test_a_place_named_as_the_address_of_another_is_no_actor(text: str, expected: set[str]) -> None:
    assert _actors_of(text, "en") == expected


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # A residence named as where a meeting happened is its setting, not a side: the meeting is placed in
    # the residence's country.
    ("Мемлекет басшысы Қасым-Жомарт Тоқаев Ақордада Италия Премьер-министрі Джорджа Мелонимен кездесті.", "kk",
     {"KAZ", "ITA", "person:kassym-jomart-tokayev", "person:giorgia-meloni"}),
    ("Владимир Путин провёл переговоры с Нарендрой Моди в Кремле.", "ru",
     {"RUS", "IND", "Q7747", "person:narendra-modi"}),
])
def test_a_residence_where_a_meeting_happened_is_no_actor(text: str, lang: str, expected: set[str]) -> None:
    doc = Document(id=document_id(text), source="<test>", lang=lang, text=text)
    graph = process_document(doc).graph
    assert set(graph.actors) == expected
    assert all(e.place in expected for e in graph.events.values() if e.place)


def test_a_quoted_name_after_a_facility_noun_keeps_its_form() -> None:
    # «Охматдет» after "больницу" is not declined: its name is as written, not an adjective's lemma.
    text = "Киев заявил, что российская ракета попала в детскую больницу «Охматдет» в столице."
    doc = Document(id=document_id(text), source="<test>", lang="ru", text=text)
    actors = process_document(doc).graph.actors
    assert set(actors) == {"RUS", "UKR", "org:okhmatdet"}
    assert actors["org:okhmatdet"].names["ru"] == ["Охматдет"]


@pytest.mark.parametrize(("text", "expected"), [
    # A name right before a weapon's noun is the weapon's; a demonym compound opens no name.
    ("Russia launched dozens of Iranian-made Shahed drones overnight.", {"RUS"}),
    ("Kyiv received German Leopard tanks and British Storm Shadow missiles.", {"UKR", "DEU", "GBR"}),
    # A language named by its own word is no place.
    ("Lavrov spoke in English during the talks with Rubio.",
     {"RUS", "USA", "person:sergey-lavrov", "person:marco-rubio"}),
])
def test_english_products_and_languages_are_no_actors(text: str, expected: set[str]) -> None:
    assert _actors_of(text, "en") == expected


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # A capital naming a time zone names no country.
    ("The talks began at 10 a.m. Moscow time on Monday.", "en", set()),
    ("Кездесу Астана уақытымен сағат 15:00-де басталды.", "kk", set()),
    ("Переговоры начались в 10:00 по времени Астаны.", "ru", set()),
    # "во время" before a visit's noun is no time zone: Moscow is Russia.
    ("Во время визита в Москву Моди встретился с Путиным.", "ru", {"IND", "RUS", "Q7747", "person:narendra-modi"}),
])
def test_a_capital_naming_a_time_zone_is_no_country(text: str, lang: str, expected: set[str]) -> None:
    assert _actors_of(text, lang) == expected


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # A place's name in quotes names a thing called so: no region (nor its member states), no country.
    ("Тоқаев өзбек тарабын «Орталық Азия» халықаралық өнеркәсіптік кооперация орталығының құрылысын "
     "жеделдетуге шақырды.", "kk", {"KAZ", "UZB", "person:kassym-jomart-tokayev"}),
    ("Клуб «Астана» обыграл соперника из Сербии.", "ru", {"SRB"}),
])
def test_a_place_name_in_quotes_names_a_thing(text: str, lang: str, expected: set[str]) -> None:
    assert _actors_of(text, lang) == expected


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # A person's name before an institution named after them names the institution, not the person.
    ("Форум Назарбаев университетінде өтті.", "kk", set()),
    ("Ұшақ Нұрсұлтан Назарбаев халықаралық әуежайына қонды.", "kk", set()),
    ("Кездесу Л.Н. Гумилев атындағы Еуразия ұлттық университетінде өтті.", "kk", set()),
    ("Встреча прошла в университете имени Гумилёва.", "ru", set()),
    ("The forum opened at Nazarbayev University on Monday.", "en", set()),
    # Named for himself, the person is one.
    ("Назарбаев Путинмен кездесті.", "kk", {"KAZ", "RUS", "Q39993", "Q7747"}),
])
def test_a_person_named_by_an_institution_after_them_is_no_actor(text: str, lang: str, expected: set[str]) -> None:
    assert _actors_of(text, lang) == expected


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # A country's name in an amount of its money names the currency, not the country ...
    ("Екі ел арасындағы тауар айналымы 5 млрд АҚШ долларына жетті.", "kk", set()),
    ("Товарооборот достиг 5 млрд долларов США.", "ru", set()),
    ("Trade reached 5 billion U.S. dollars last year.", "en", set()),
    # ... not when no amount comes first: "pounds" is the verb here.
    ("Israel pounds Gaza with airstrikes.", "en", {"ISR", "place:gaza"}),
])
def test_a_country_naming_its_money_is_no_actor(text: str, lang: str, expected: set[str]) -> None:
    assert _actors_of(text, lang) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # A pipeline's and a plane's names are things; a hill is a place (here only scenery).
    ("The Nord Stream pipelines were blown up in 2022.", set()),
    ("Trump spoke to reporters aboard Air Force One on Sunday.", {"Q22686"}),
    ("Officials on Capitol Hill criticised the deal.", set()),
])
def test_english_things_and_hills_are_no_people(text: str, expected: set[str]) -> None:
    assert _actors_of(text, "en") == expected


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # A town's name before a region noun names the region around it, not the town.
    ("Мемлекет басшысы Түркістан облысының әкімі Дархан Сатыбалдымен кездесті.", "kk", {"person:darhan-satybaldy"}),
    ("Russia fired a missile from the Astrakhan region at Dnipro.", "en",
     {"RUS", "place:astrakhan-region", "place:dnipro"}),
    # Named for itself, the town is one.
    ("Тоқаев Түркістанға барды.", "kk", {"KAZ", "person:kassym-jomart-tokayev", "place:turkistan"}),
])
def test_a_town_before_a_region_noun_names_the_region(text: str, lang: str, expected: set[str]) -> None:
    assert _actors_of(text, lang) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # A town whose name holds a country's name is the town, not the country.
    ("Drones struck Port Sudan on Tuesday.", {"place:port-sudan"}),
    ("Sudan said it would respond.", {"SDN"}),
])
def test_a_town_named_with_a_countrys_name_is_the_town(text: str, expected: set[str]) -> None:
    assert _actors_of(text, "en") == expected


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # A continent or world region is scenery, even where an event is placed in it.
    ("It is the first such agreement Japan has signed in Asia.", "en", {"JPN"}),
    ("Ситуация на Ближнем Востоке обострилась.", "ru", set()),
])
def test_a_world_region_is_no_actor(text: str, lang: str, expected: set[str]) -> None:
    assert _actors_of(text, lang) == expected


def test_a_photographers_credit_ending_a_caption_gives_no_actor(tmp_path: Path) -> None:
    # A caption that says something keeps its text; the photographer's credit after it is cut.
    page = ("TBILISI, Nov 29 - Georgia suspended talks with the European Union, Prime Minister Irakli Kobakhidze "
            "said.\n\nProtesters wave flags outside parliament in Tbilisi. (AP Photo/Shakh Aivazov)\n\n"
            "Kobakhidze accused the EU of blackmail. (Photo by Vano Shlamov/AFP via Getty Images)\n\n"
            "Kobakhidze spoke to reporters. REUTERS/Irakli Gedenidze\n\n"
            "Tbilisi at night. Photograph: Zurab Tsertsvadze/AP\n")
    (tmp_path / "en_page.txt").write_text(page, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["--quiet", "build", str(tmp_path / "en_page.txt"), "--out", str(out)]) == 0
    assert _actors_by_lang(out)["en"] == {"GEO", "Q458", _kb_id("Irakli Kobakhidze")}
    assert "(photo credit cut): 'Protesters wave flags" in (out / "warnings.jsonl").read_text(encoding="utf-8")


@pytest.mark.parametrize(("text", "expected"), [
    # A ministry the KB lacks, named by its portfolio beside its country, is a body beside the country ...
    ("China's commerce ministry said the agreement was an important step.", {"CHN", "org:chinese-commerce-ministry"}),
    # ... and one the KB has is the KB's.
    ("China's foreign ministry said the agreement was an important step.", {"org:chinese-mfa"}),
])
def test_a_ministry_named_by_its_portfolio_is_a_body(text: str, expected: set[str]) -> None:
    assert _actors_of(text, "en") == expected


def test_a_bracketed_abbreviation_is_no_part_of_a_new_name() -> None:
    text = "Эксперты Института изучения войны (ISW) считают, что наступление продолжится."
    doc = Document(id=document_id(text), source="<test>", lang="ru", text=text)
    actors = process_document(doc).graph.actors
    assert set(actors) == {"org:institut-izucheniya-voyny"}
    assert actors["org:institut-izucheniya-voyny"].names["ru"] == ["Институт изучения войны"]
