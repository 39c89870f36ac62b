"""Russian event extraction on our own news-style sentences (TASS/Interfax/RIA/Kommersant/RBC style,
written by us), through the real analyzer, NER, KB linking and event stage.  Each case is the event a
careful analyst would draw from the sentence."""

from __future__ import annotations

import pytest
from test_events import PUBLISHED, find
from test_events import events as events_in

from graphbuild.model import Event

PESKOV = "person:dmitry-peskov"


def events(text: str, published: str | None = PUBLISHED) -> list[Event]:
    return events_in("ru", text, published)


# (sentence, type, source, target, mode)
CASES = [
    # light-verb and nominal constructions
    ("Турция оказала поддержку Азербайджану.", "SUPPORT", {"TUR"}, {"AZE"}, "asserted"),
    ("Германия оказывает Украине гуманитарную помощь.", "SUPPLY", {"DEU"}, {"UKR"}, "asserted"),
    ("Евросоюз ввел санкции против Ирана.", "SANCTION", {"Q458"}, {"IRN"}, "asserted"),
    ("Великобритания ввела санкции в отношении российских банков.", "SANCTION", {"GBR"}, {"RUS"},
     "asserted"),
    ("Япония присоединилась к санкциям против России.", "SANCTION", {"JPN"}, {"RUS"}, "asserted"),
    ("Канада ввела запрет на ввоз российского алюминия.", "SANCTION", {"CAN"}, {"RUS"}, "asserted"),
    ("Россия наложила вето на резолюцию Совета Безопасности ООН.", "REJECT", {"RUS"}, {"Q37470"},
     "asserted"),
    # "у российских войск": an army named by its country's adjective is that country (it meets "need")
    ("Украинская армия отбила у российских войск несколько сёл.", "ASSAULT", {"UKR"}, {"RUS"}, "asserted"),
    ("Израиль нанес авиаудар по сектору Газа.", "ASSAULT", {"ISR"}, {"place:gaza"}, "asserted"),
    ("Вашингтон выдвинул обвинения против Пекина в кибератаках.", "ACCUSE", {"USA"}, {"CHN"}, "asserted"),
    ("США объявили о новом пакете военной помощи Украине.", "SUPPLY", {"USA"}, {"UKR"}, "asserted"),
    ("Вашингтон выделил Киеву кредит на 500 миллионов долларов.", "SUPPLY", {"USA"}, {"UKR"}, "asserted"),
    # visits: the arrival and the visit noun are one act
    ("Премьер-министр Индии Нарендра Моди прибыл с официальным визитом в Казахстан.", "VISIT",
     {"person:narendra-modi"}, {"KAZ"}, "asserted"),
    ("Министр обороны Китая Ли Шанфу прибыл в Минск с официальным визитом.", "VISIT",
     {"person:li-shangfu"}, {"BLR"}, "asserted"),
    # denials: calling a claim a lie or baseless denies it; the claimant is the target
    ("В МИД России назвали ложью заявления Вашингтона о поставках оружия из КНДР.", "DENY",
     {"org:russian-mfa"}, {"USA"}, "asserted"),
    ("Пресс-секретарь Кремля Дмитрий Песков назвал беспочвенными обвинения Лондона.", "DENY",
     {PESKOV}, {"GBR"}, "asserted"),
    ("Москва отвергла обвинения Киева в обстреле Запорожской АЭС.", "DENY", {"RUS"}, {"UKR"}, "asserted"),
    # opposition and refusals
    ("Россия выступает против расширения НАТО.", "REJECT", {"RUS"}, {"Q7184"}, "asserted"),
    ("Германия отказалась поставлять Украине ракеты Taurus.", "SUPPLY", {"DEU"}, {"UKR"}, "negated"),
    ("Турция не поддержала Украину.", "SUPPORT", {"TUR"}, {"UKR"}, "negated"),
    # free word order: a fronted accusative is the object, the subject follows the verb
    ("Санкции против Пхеньяна Совбез ООН ввёл после ядерного испытания КНДР.", "SANCTION", {"Q37470"},
     {"PRK"}, "asserted"),
    ("Украину атаковали российские беспилотники.", "ASSAULT", {"RUS"}, {"UKR"}, "asserted"),
    # passives and fronted prepositional phrases
    ("Украина была атакована российскими ракетами.", "ASSAULT", {"RUS"}, {"UKR"}, "asserted"),
    ("Против России были введены новые санкции Евросоюзом.", "SANCTION", {"Q458"}, {"RUS"}, "asserted"),
    ("Вчера в Анкару с визитом прибыл глава МИД Венгрии Петер Сийярто.", "VISIT",
     {"person:peter-szijjarto"}, {"TUR"}, "asserted"),
    # breaking relations, condemned acts accuse their actor, coordinated negated subjects
    ("Мали разорвала дипломатические отношения с Украиной.", "SANCTION", {"MLI"}, {"UKR"}, "asserted"),
    ("КНДР осудила совместные учения США и Южной Кореи.", "ACCUSE", {"PRK"}, {"USA"}, "asserted"),
    ("Ни Китай, ни Индия не поддержали Украину.", "SUPPORT", {"CHN", "IND"}, {"UKR"}, "negated"),
    ("Венгрия заблокировала выделение помощи Украине.", "SUPPLY", {"HUN"}, {"UKR"}, "negated"),
    # quotes with the speaker after the verb; continued acts; arrival before a purpose noun
    ("«Россия не будет поставлять оружие КНДР», — заявил журналистам глава МИД России Сергей Лавров.",
     "SUPPLY", {"RUS"}, {"PRK"}, "negated"),
    ("Министр обороны Великобритании Грант Шаппс указал, что Лондон продолжит поставки снарядов Украине.",
     "SUPPLY", {"GBR"}, {"UKR"}, "reported"),
    ("Делегация ХАМАС прибыла в Москву для консультаций.", "VISIT", {"org:hamas"}, {"RUS"}, "asserted"),
    ("Азербайджан начал военную операцию в Карабахе.", "ASSAULT", {"AZE"}, {"place:karabakh"}, "asserted"),
    ("Литва закрыла границу с Белоруссией.", "SANCTION", {"LTU"}, {"BLR"}, "asserted"),
    ("Токаев пригласил Си Цзиньпина посетить Казахстан с государственным визитом.", "VISIT", {"Q15031"},
     {"KAZ"}, "planned"),
    ("Сербия никогда не введет санкции против России.", "SANCTION", {"SRB"}, {"RUS"}, "negated"),
    # The ministry is its own actor (part of Poland), as SPEC.md wants for ministries in the KB.
    ("МИД Польши вызвал посла России в связи с ракетным ударом.", "ACCUSE", {"org:poland-mfa"}, {"RUS"},
     "asserted"),
    ("Лондон внес в черный список десять российских компаний.", "SANCTION", {"GBR"}, {"RUS"}, "asserted"),
    ("Путин поздравил Токаева с победой на выборах.", "SUPPORT", {"Q7747"}, {"person:kassym-jomart-tokayev"},
     "asserted"),
    ("Северная Корея провела ядерное испытание.", "MOBILIZE", {"PRK"}, set(), "asserted"),
    ("США будут снабжать Украину боеприпасами.", "SUPPLY", {"USA"}, {"UKR"}, "planned"),
    ("Лавров отправится в Пекин на следующей неделе.", "VISIT", {"person:sergey-lavrov"}, {"CHN"}, "planned"),
    # relative pronouns take their antecedent; "во главе с" is no office
    ("Министр обороны КНДР Кан Сун Нам, с которым Шойгу затем провёл переговоры, встретил гостей.", "MEET",
     {"person:sergei-shoigu"}, {"person:kang-sun-nam"}, "asserted"),
    ("Глава МИД Ирана, который прибыл в Москву во вторник, встретился с Лавровым.", "VISIT", {"IRN"}, {"RUS"},
     "asserted"),
    ("Делегация Китая во главе с Ван И прибыла в Астану.", "VISIT", {"CHN"}, {"KAZ"}, "asserted"),
    ("Украина получила от Германии систему ПВО.", "SUPPLY", {"DEU"}, {"UKR"}, "asserted"),
    ("Армения приостановила участие в ОДКБ, заявил премьер-министр Никол Пашинян.", "RETREAT", {"ARM"},
     {"org:csto"}, "reported"),
    ("Азербайджанские военные открыли огонь по армянским позициям.", "ASSAULT", {"AZE"}, {"ARM"}, "asserted"),
    ("Россия прекратила поставки газа в Польшу.", "SANCTION", {"RUS"}, {"POL"}, "asserted"),
    ("Китай предостерег США от вмешательства.", "THREATEN", {"CHN"}, {"USA"}, "asserted"),
    ("В аэропорту Шойгу встречал министр обороны КНДР Кан Сун Нам.", "MEET", {"person:sergei-shoigu"},
     {"person:kang-sun-nam"}, "asserted"),
    # headline "Speaker: statement"; "по сведениям X, ..." never takes a name past the comma
    ("Песков: Россия не будет поставлять оружие Израилю.", "SUPPLY", {"RUS"}, {"ISR"}, "negated"),
    ("По сведениям газеты, Пекин рассматривает возможность поставок оружия России.", "SUPPLY", {"CHN"},
     {"RUS"}, "planned"),
    ("США пообещали поставки ракет Украине.", "SUPPLY", {"USA"}, {"UKR"}, "planned"),
    ("Киев обвиняет Москву в ударах по энергетической инфраструктуре, Москва эти обвинения отвергает.",
     "DENY", {"RUS"}, {"UKR"}, "asserted"),
    ("В Пекине состоялась встреча Си Цзиньпина и Владимира Путина.", "MEET", {"Q15031"}, {"Q7747"}, "asserted"),
    ("Соглашение было подписано Казахстаном и Китаем в мае.", "AGREE", {"KAZ"}, {"CHN"}, "asserted"),
    ("Между Россией и Китаем было подписано соглашение о поставках газа.", "AGREE", {"RUS"}, {"CHN"},
     "asserted"),
    ("Тегеран опроверг сообщения о поставках ракет России.", "SUPPLY", {"IRN"}, {"RUS"}, "denied"),
    ("Кремль отверг причастность к атаке на Украину.", "ASSAULT", {"org:kremlin"}, {"UKR"}, "denied"),
    ("Эрдоган заявил о намерении посетить Россию.", "VISIT", {"person:recep-tayyip-erdogan"}, {"RUS"}, "planned"),
    ("Белоруссия разместила на своей территории российское ядерное оружие.", "MOBILIZE", {"BLR"}, set(),
     "asserted"),
    ("Украинские дроны атаковали российские корабли.", "ASSAULT", {"UKR"}, {"RUS"}, "asserted"),
    # set adjunct phrases name no participant
    ("Президент Ирана Эбрахим Раиси прибыл в Москву по приглашению Путина.", "VISIT",
     {"person:ebrahim-raisi"}, {"RUS"}, "asserted"),
    ("Япония выделит Украине 4,5 миллиарда долларов.", "SUPPLY", {"JPN"}, {"UKR"}, "planned"),
    # modality
    ("Индия ведет переговоры о поставках нефти из России.", "SUPPLY", {"RUS"}, {"IND"}, "planned"),
    ("Россия собирается закупить у Ирана беспилотники.", "SUPPLY", {"IRN"}, {"RUS"}, "planned"),
    # readiness to give is an offer made now (docs/event-types.md, OFFER)
    ("Иран готов поставлять России беспилотники.", "OFFER", {"IRN"}, {"RUS"}, "asserted"),
    ("Пхеньян опроверг информацию о поставках снарядов в Россию.", "SUPPLY", {"PRK"}, {"RUS"}, "denied"),
    # speech acts with their targets
    ("Китай призвал США прекратить поставки оружия Тайваню.", "REQUEST", {"CHN"}, {"USA"}, "asserted"),
    ("КНДР пригрозила Южной Корее ответными мерами.", "THREATEN", {"PRK"}, {"KOR"}, "asserted"),
    ("Польша обвинила Белоруссию в провокациях на границе.", "ACCUSE", {"POL"}, {"BLR"}, "asserted"),
    ("Постпред России при ООН Василий Небензя обвинил Запад в эскалации конфликта.", "ACCUSE",
     {"person:vasily-nebenzya"}, {"org:the-west"}, "asserted"),
    # officials with titles, symmetric meetings
    ("Глава МИД Турции Хакан Фидан в среду провел телефонный разговор с Сергеем Лавровым.", "MEET",
     {"person:hakan-fidan"}, {"person:sergey-lavrov"}, "asserted"),
    ("Министр иностранных дел России Сергей Лавров провел переговоры с главой МИД Китая Ван И в Москве.",
     "MEET", {"person:sergey-lavrov"}, {"person:wang-yi"}, "asserted"),
    ("Казахстан и Узбекистан подписали соглашение о сотрудничестве в июле.", "AGREE", {"KAZ"}, {"UZB"},
     "asserted"),
    # halting trade is a sanction; a lawsuit against a state accuses it
    ("Турция полностью прекратила торговлю с Израилем.", "SANCTION", {"TUR"}, {"ISR"}, "asserted"),
    ("ЮАР подала иск против Израиля в Международный суд ООН.", "ACCUSE", {"ZAF"}, {"ISR"}, "asserted"),
    # a relative clause with a light verb names the doer and the target of its noun
    ("Ограничения, которые Анкара ввела против Израиля, вступили в силу.", "SANCTION", {"TUR"}, {"ISR"},
     "asserted"),
]


@pytest.mark.parametrize(("text", "etype", "source", "target", "mode"), CASES)
def test_ru_news_sentence(text: str, etype: str, source: set[str], target: set[str], mode: str) -> None:
    event = find(events(text), etype, source, target)
    assert event.mode == mode


def test_attribution_as_said_by_an_official_after_the_verb() -> None:
    """"Как заявил журналистам пресс-секретарь Кремля Песков, ...": Peskov reports, the Kremlin
    (his office) is no speaker and no actor, and the refusal negates the withdrawal."""
    found = events("Как заявил журналистам пресс-секретарь Кремля Дмитрий Песков, "
                   "Россия не намерена выводить войска из Херсона.")
    retreat = find(found, "RETREAT", {"RUS"}, {"place:kherson"})
    assert retreat.mode == "negated"
    assert retreat.reported_by == [PESKOV]
    assert PESKOV not in retreat.source


def test_according_to_ministry_with_a_weekday() -> None:
    found = events("По словам Зеленского, российские войска обстреляли Херсон в понедельник.")
    assault = find(found, "ASSAULT", {"RUS"}, {"place:kherson"})
    assert assault.mode == "reported"
    assert assault.reported_by == ["person:volodymyr-zelenskyy"]
    assert assault.date == "2023-09-11"


def test_full_date_and_relative_week() -> None:
    visit = find(events("Президент Казахстана Касым-Жомарт Токаев 13 сентября 2023 года совершил визит "
                        "в Германию."), "VISIT", {"person:kassym-jomart-tokayev"}, {"DEU"})
    assert visit.date == "2023-09-13"
    talks = find(events("Министр обороны России Сергей Шойгу на прошлой неделе провел переговоры "
                        "с министром обороны Ирана."), "MEET", {"person:sergei-shoigu"}, {"IRN"})
    assert talks.date == "2023-09"


def test_ministry_speaker_in_place_phrase() -> None:
    """The ministry speaks in its own state's name: the support is made by saying it, by both."""
    support = find(events("Как сообщили в МИД Китая, Пекин поддерживает Россию."), "SUPPORT", {"CHN"}, {"RUS"})
    assert (set(support.source), support.reported_by, support.mode) == ({"CHN", "org:chinese-mfa"}, [], "asserted")
    # a body of another state only reports it
    told = find(events("Как сообщили в МИД Франции, Пекин поддерживает Россию."), "SUPPORT", {"CHN"}, {"RUS"})
    assert (told.source, told.mode) == (["CHN"], "reported")


def test_claim_after_a_reporting_verb_is_reported() -> None:
    assault = find(events("Киев утверждает, что Россия атаковала порт Одессы."), "ASSAULT", {"RUS"},
                   {"place:odesa"})
    assert (assault.mode, assault.reported_by) == ("reported", ["UKR"])


def test_refused_act_is_negated_and_not_a_new_actor() -> None:
    found = events("Венгрия отказалась поддержать санкции против России.")
    assert not any(e.type == "SANCTION" and e.mode == "asserted" for e in found)
    assert find(events("Венгрия отказалась поддержать Киев."), "SUPPORT", {"HUN"}, {"UKR"}).mode == "negated"


ARTICLE = (
    "Президент России Владимир Путин в четверг провел в Кремле переговоры с президентом Узбекистана "
    "Шавкатом Мирзиёевым. Стороны подписали соглашение о строительстве атомной электростанции.\n\n"
    "Как сообщили в пресс-службе Кремля, лидеры также обсудили поставки российского газа в Узбекистан. "
    "По словам Мирзиёева, Ташкент заинтересован в расширении сотрудничества с Москвой.\n\n"
    "Министр обороны Китая прибыл в Пхеньян с визитом. Министр иностранных дел Японии осудил визит."
)
PUTIN, MIRZIYOYEV = "Q7747", "person:shavkat-mirziyoyev"


def test_article_sides_and_bare_noun_anaphora() -> None:
    found = events(ARTICLE, published="2024-03-15")
    talks = find(found, "NEGOTIATE", {PUTIN}, {MIRZIYOYEV})
    assert talks.date == "2024-03-14"
    # "Стороны", "лидеры": the sides of the talks just reported, not the Kremlin that reports them
    agree = find(found, "AGREE", {PUTIN}, {MIRZIYOYEV})
    assert agree.mode == "asserted"
    talks_events = [e for e in found if e.type == "NEGOTIATE"]
    assert all("org:kremlin" not in e.source + e.target for e in talks_events)
    assert len(talks_events) == 1 and len(talks.evidence) == 2  # "лидеры также обсудили": the same talks
    cooperation = find(found, "COOPERATE", {"UZB"}, {"RUS"})
    assert cooperation.mode == "planned" and cooperation.reported_by == [MIRZIYOYEV]
    # "осудил визит": the bare event noun refers back to the visit, aimed at its actor
    find(found, "ACCUSE", {"JPN"}, {"CHN"})


def test_quote_speaker_and_denied_violation() -> None:
    found = events("«Россия не будет поставлять оружие КНДР», — заявил журналистам глава МИД России Сергей Лавров.")
    assert find(found, "SUPPLY", {"RUS"}, {"PRK"}).reported_by == ["person:sergey-lavrov"]
    denied = events("Анкара отвергла обвинения Афин в нарушении воздушного пространства.")
    find(denied, "DENY", {"TUR"}, {"GRC"})
    assert not any(e.type == "ACCUSE" for e in denied)  # the violation is what is denied


def test_a_new_clause_after_comma_keeps_its_own_names() -> None:
    """", а Шойгу передал письмо Путина": names of the next clause are no sides of the talks."""
    found = events("Стороны обсудили вопросы обороны, а Шойгу передал лидеру КНДР письмо президента России.")
    assert not any(e.type == "NEGOTIATE" for e in found)


def test_about_this_said_attributes_the_previous_sentence() -> None:
    found = events("Россия не намерена поставлять оружие КНДР. "
                   "Об этом в среду заявил журналистам пресс-секретарь Кремля Дмитрий Песков.")
    supply = find(found, "SUPPLY", {"RUS"}, {"PRK"})
    assert (supply.mode, supply.reported_by) == ("negated", [PESKOV])


def test_mediator_is_no_party_and_joint_owners_are() -> None:
    talks = find(events("Турция готова выступить посредником в переговорах между Россией и Украиной."),
                 "MEET", {"RUS"}, {"UKR"})
    assert "TUR" not in talks.source + talks.target
    find(events("Во вторник в Минске состоялись переговоры президентов России и Белоруссии."),
         "MEET", {"RUS"}, {"BLR"})


def test_reaction_to_bare_noun_and_promised_response() -> None:
    found = events("Китай провел крупные военные учения у берегов Тайваня. Власти Тайваня осудили маневры.")
    find(found, "ACCUSE", {"TWN"}, {"CHN"})
    assert find(events("Тегеран пообещал дать ответ Израилю."), "THREATEN", {"IRN"}, {"ISR"}).mode == "asserted"


@pytest.mark.parametrize(("text", "etype", "source", "target", "date"), [
    ("Лавров отправится в Пекин на следующей неделе.", "VISIT", {"person:sergey-lavrov"}, {"CHN"}, "2023-09"),
    ("В конце прошлого года ЕС ввел санкции против Ирана.", "SANCTION", {"Q458"}, {"IRN"}, "2022"),
    ("В следующем месяце США поставят Украине танки.", "SUPPLY", {"USA"}, {"UKR"}, "2023-10"),
    ("Накануне Путин встретился с Си Цзиньпином.", "MEET", {"Q7747"}, {"Q15031"}, "2023-09-13"),
    ("В июле Россия и Белоруссия провели совместные учения.", "MOBILIZE", {"RUS", "BLR"}, set(), "2023-07"),
])
def test_relative_and_partial_dates(text: str, etype: str, source: set[str], target: set[str], date: str) -> None:
    assert find(events(text), etype, source, target).date == date


def test_next_month_in_december_rolls_the_year() -> None:
    supply = find(events("В следующем месяце США поставят Украине танки.", published="2023-12-20"), "SUPPLY",
                  {"USA"}, {"UKR"})
    assert supply.date == "2024-01"


@pytest.mark.parametrize("text", [
    "Россия получила рекордный урожай зерна.",
    "Президент Казахстана принял участие в саммите ШОС в Астане.",
    "Москва находится в 700 километрах от границы с Украиной.",
    "Визит завершился в пятницу.",
    "Эксперты выразили обеспокоенность ростом напряженности.",
])
def test_no_event_in_plain_news(text: str) -> None:
    assert events(text) == []


def test_said_that_names_no_speaker_after_the_complementizer() -> None:
    """"В Белом доме заявили, что США ... готовы ввести ограничения": no speaker is read after "что";
    readiness to sanction is a threat (docs/event-types.md, OFFER)."""
    threat = find(events("В Белом доме заявили, что США совместно с союзниками готовы ввести ограничения "
                         "против иранских компаний."), "THREATEN", {"USA"}, {"IRN"})
    # the White House speaks in its own state's name: the threat is made by saying it
    assert (threat.mode, set(threat.source)) == ("asserted", {"USA", "org:white-house"})


def test_conditional_supply_is_not_asserted() -> None:
    found = events("Вашингтон пригрозил Тегерану новыми санкциями в случае поставок ракет Москве.")
    find(found, "THREATEN", {"USA"}, {"IRN"})
    assert all(e.mode != "asserted" for e in found if e.type == "SUPPLY")


def test_headline_colon_names_the_speaker() -> None:
    supply = find(events("Песков: Россия не будет поставлять оружие Израилю."), "SUPPLY", {"RUS"}, {"ISR"})
    assert supply.reported_by == [PESKOV]


def test_mediator_after_adjunct_phrase_is_no_party() -> None:
    talks = find(events("Баку и Ереван продолжают переговоры о мирном договоре при посредничестве ЕС."),
                 "NEGOTIATE", {"AZE"}, {"ARM"})
    assert "Q458" not in talks.source + talks.target
    visit = find(events("Президент Ирана Эбрахим Раиси прибыл в Москву по приглашению Путина."), "VISIT",
                 {"person:ebrahim-raisi"}, {"RUS"})
    assert "Q7747" not in visit.target


def test_origin_of_weapons_is_no_target() -> None:
    found = events("Белоруссия разместила на своей территории российское ядерное оружие.")
    assert all("RUS" not in e.target for e in found)


def test_partner_named_through_title_and_agency_speaker() -> None:
    """"с лидером КНДР Ким Чен Ыном": the preposition before the title governs the person;
    ", сообщило Центральное телеграфное агентство Кореи": the agency reports."""
    meet = find(events("В среду Шойгу встретился с лидером КНДР Ким Чен Ыном, сообщило Центральное "
                       "телеграфное агентство Кореи (ЦТАК).", published="2023-07-27"),
                "MEET", {"person:sergei-shoigu"}, {"Q56226"})
    assert (meet.mode, meet.reported_by, meet.date) == ("reported", ["org:kcna"], "2023-07-26")
    visit = find(events("Военная делегация во главе с министром обороны России Сергеем Шойгу прибыла в Пхеньян."),
                 "VISIT", {"person:sergei-shoigu"}, {"PRK"})
    assert visit.mode == "asserted"


def test_dateless_headline_takes_the_body_date() -> None:
    found = events("Путин встретился с Си Цзиньпином.\n\nВо вторник Путин встретился с Си Цзиньпином в Пекине.")
    assert find(found, "MEET", {"Q7747"}, {"Q15031"}).date == "2023-09-12"


def test_demonym_speaker_after_a_closing_report_verb() -> None:
    # "украинские власти": the adjective is nominative although "власти" also reads as a genitive
    found = events("Россия нанесла удар по энергетической инфраструктуре Харькова, сообщили украинские власти.")
    assault = find(found, "ASSAULT", {"RUS"}, {"place:kharkiv"})
    assert (assault.mode, assault.reported_by) == ("reported", ["UKR"])


@pytest.mark.parametrize("text, etype, source, target, mode", [
    # "не исключил": a negated ruling-out leaves the act open, it does not negate it
    ("Президент Франции Эммануэль Макрон не исключил отправку войск на Украину.", "MOBILIZE",
     {"person:emmanuel-macron"}, {"UKR"}, "planned"),
    ("Китай ввел запрет на экспорт галлия в США.", "SANCTION", {"CHN"}, {"USA"}, "asserted"),
    ("Генассамблея ООН приняла резолюцию, осуждающую Россию.", "ACCUSE", {"org:un-general-assembly"},
     {"RUS"}, "asserted"),
    ("Газпром возобновил поставки газа в Китай.", "SUPPLY", {"org:gazprom"}, {"CHN"}, "asserted"),
    # trade bans by verb + goods flow
    ("Турция запретила экспорт стали в Израиль.", "SANCTION", {"TUR"}, {"ISR"}, "asserted"),
    ("Болгария запретила импорт украинского зерна.", "SANCTION", {"BGR"}, {"UKR"}, "asserted"),
    ("Китай заблокировал импорт японских морепродуктов.", "SANCTION", {"CHN"}, {"JPN"}, "asserted"),
])
def test_ru_second_round(text: str, etype: str, source: set[str], target: set[str], mode: str) -> None:
    assert find(events(text), etype, source, target).mode == mode


def test_agentless_accusation_names_no_accuser() -> None:
    # "был обвинён": nobody is said to accuse, so there is no ACCUSE to draw; the charged act remains
    found = events("Иран был обвинен в поставках беспилотников России.")
    assert not [e for e in found if e.type == "ACCUSE"]
    find(found, "SUPPLY", {"IRN"}, {"RUS"})


def test_broken_sanctions_are_no_new_sanction() -> None:
    found = events("Группа экспертов ООН по КНДР обвинила Пхеньян в нарушении санкций.")
    assert find(found, "ACCUSE", {"Q1065"}, {"PRK"}).mode == "asserted"
    assert not [e for e in found if e.type == "SANCTION"]


def test_institution_after_a_closing_report_verb_speaks() -> None:
    # "сообщили в ГКНБ": the body in which it was said is the source, not the demonym of the quoted clause
    found = events("Пограничники Таджикистана обстреляли киргизское село, сообщили в ГКНБ Киргизии.")
    assault = find(found, "ASSAULT", {"TJK"}, {"KGZ"})
    assert (assault.mode, assault.reported_by) == ("reported", ["org:kyrgyzstan-gknb"])


def test_relative_clause_of_a_predicate_noun_speaks_of_the_copula_subject() -> None:
    # "Херсон был ... городом, который атаковали": "который" is the city, i.e. Kherson
    found = events("Херсон был единственным городом, который атаковали российские войска.")
    find(found, "ASSAULT", {"RUS"}, {"place:kherson"})


@pytest.mark.parametrize("text", [
    "Херсон был единственным городом, который захватили российские войска.",
    "Херсон, который российские войска захватили в марте, освобожден.",
])
def test_nominative_looking_relativizer_is_the_object_when_the_clause_has_a_subject(text: str) -> None:
    find(events(text), "ASSAULT", {"RUS"}, {"place:kherson"})


def test_the_namer_of_an_act_does_not_do_it() -> None:
    # "назвал атаку нарушением": the attack is labelled, not announced; its doer is not Pakistan
    found = events("Пакистан назвал атаку нарушением своего суверенитета.")
    find(found, "ACCUSE", {"PAK"}, set())
    assert not [e for e in found if e.type == "ASSAULT"]


def test_both_sides_addressed_are_the_sides_at_odds() -> None:
    # "призвал обе стороны": the two states of the last act told between two of them
    found = events("Пакистан нанес удар по Ирану. Представитель МИД Китая призвал обе стороны к сдержанности.")
    find(found, "ASSAULT", {"PAK"}, {"IRN"})
    request = find(found, "REQUEST", {"org:chinese-mfa"}, {"IRN", "PAK"})
    assert set(request.target) == {"IRN", "PAK"}


def test_suspended_partnership_is_a_sanction_on_the_partner() -> None:
    find(events("США приостановили стратегическое партнерство с Грузией."), "SANCTION", {"USA"}, {"GEO"})


def test_a_region_as_a_side_is_its_member_states() -> None:
    sanction = find(events("Страны Балтии ввели санкции против Белоруссии."), "SANCTION", {"EST"}, {"BLR"})
    assert (sanction.source, sanction.target) == (["EST", "LTU", "LVA"], ["BLR"])


@pytest.mark.parametrize("text", ["Казахстан исключил движение Талибан из перечня запрещённых организаций.",
                                  "Казахстан приостановил запрет на деятельность движения Талибан."])
def test_lifting_a_ban_is_a_retreat_towards_the_banned(text: str) -> None:
    retreat = find(events(text), "RETREAT", {"KAZ"}, {"org:taliban"})
    assert (retreat.source, retreat.target) == (["KAZ"], ["org:taliban"])


def test_an_invitation_is_an_offer_to_the_invited_and_a_city_meets_nobody() -> None:
    found = events("Путин пригласил Хурэлсуха принять участие в саммите БРИКС, который пройдёт в октябре в Казани.")
    offer = find(found, "OFFER", {"Q7747"}, {"person:ukhnaagiin-khurelsukh"})
    assert (offer.source, offer.target) == (["Q7747", "RUS"], ["MNG", "person:ukhnaagiin-khurelsukh"])
    assert not [e for e in found if "place:kazan" in e.source + e.target]


def test_talks_named_as_background_of_a_signing_are_the_talks_held() -> None:
    # "По итогам переговоров": the talks held, not an aim of the signing: a re-mention of the meeting
    found = events("Президент России Владимир Путин провёл во вторник переговоры с президентом страны Ухнагийном "
                   "Хурэлсухом. По итогам переговоров стороны подписали ряд документов, в том числе соглашение о "
                   "поставках в Монголию авиатоплива и нефтепродуктов.")
    meetings = [e for e in found if e.type == "MEET"]
    assert [(m.mode, len(m.evidence)) for m in meetings] == [("asserted", 2)]


def test_a_denied_accusation_that_named_no_accused_was_aimed_at_the_denier() -> None:
    found = events("В Баку назвали гибель двух братьев убийством. В Кремле эти обвинения отвергли: пресс-секретарь "
                   "президента Дмитрий Песков заявил, что действия полиции были законными.")
    accuse = find(found, "ACCUSE", {"AZE"}, {"RUS"})
    deny = find(found, "DENY", {PESKOV}, {"AZE"})
    assert (accuse.target, deny.target) == (["RUS"], ["AZE"])


def test_initialling_a_text_is_an_agreement() -> None:
    agree = find(events("Армения и Азербайджан парафировали текст мирного соглашения."), "AGREE", {"ARM", "AZE"}, set())
    assert set(agree.source) == {"ARM", "AZE"}


@pytest.mark.parametrize(("text", "target"), [
    ("1 октября Израиль начал наземную операцию на юге Ливана.", "LBN"),
    ("Израильский удар по пригороду Бейрута унёс жизнь Хасана Насраллы.", "person:hassan-nasrallah"),
])
def test_ground_operation_and_a_strike_that_took_a_life(text: str, target: str) -> None:
    assault = find(events(text), "ASSAULT", {"ISR"}, {target})
    assert assault.source == ["ISR"] and target in assault.target


def test_support_as_a_clause_motive_is_its_subjects() -> None:
    found = events("«Хезболлах» начала обстреливать север Израиля в знак солидарности с ХАМАС.")
    support = find(found, "SUPPORT", {"org:hezbollah"}, {"org:hamas"})
    assert (support.source, support.target) == (["org:hezbollah"], ["org:hamas"])


def test_the_accused_holds_the_unwillingness_not_the_accuser() -> None:
    found = events("Путин обвинил Киев в нежелании отказаться от идеи вести войну до победного конца.")
    find(found, "ACCUSE", {PUTIN}, {"UKR"})
    assert all(PUTIN not in e.source for e in found if e.type == "REJECT")
