"""Kazakh event extraction on our own news-style sentences (Kazinform, Tengrinews, Egemen, Khabar style,
written by us), through the real analyzer, NER, KB linking and event stage.  Each case is the event a
careful analyst would draw from the sentence."""

from __future__ import annotations

import pytest
from test_events import PUBLISHED, find
from test_events import events as events_in

from graphbuild.model import Event

TOKAYEV = "person:kassym-jomart-tokayev"
PUTIN = "Q7747"
ZELENSKY = "person:volodymyr-zelenskyy"
ZAKHAROVA = "person:maria-zakharova"


def events(text: str, published: str | None = PUBLISHED) -> list[Event]:
    return events_in("kk", text, published)


# (sentence, type, source, target, mode)
LIGHT_VERBS = [
    ("Қасым-Жомарт Тоқаев Германияға ресми сапармен барды.", "VISIT", {TOKAYEV}, {"DEU"}, "asserted"),
    ("Франция Президенті Эммануэль Макрон Қазақстанға ресми сапармен келді.", "VISIT",
     {"person:emmanuel-macron"}, {"KAZ"}, "asserted"),
    ("Тоқаев Астанада Өзбекстан Президенті Шавкат Мирзиёевпен кездесу өткізді.", "MEET",
     {TOKAYEV}, {"person:shavkat-mirziyoyev"}, "asserted"),
    ("Ресей мен Украина Стамбулда келіссөз жүргізді.", "MEET", {"RUS"}, {"UKR"}, "asserted"),
    ("Қазақстан мен Өзбекстан су ресурстары жөнінде келісімге қол қойды.", "AGREE", {"KAZ"}, {"UZB"},
     "asserted"),
    ("Қырғызстан мен Тәжікстан шекара мәселесі бойынша келісімге келді.", "AGREE", {"KGZ"}, {"TJK"},
     "asserted"),
    ("Еуропалық одақ Ресейге қарсы жаңа санкциялар салды.", "SANCTION", {"Q458"}, {"RUS"}, "asserted"),
    ("Сейсенбі күні Еуропалық одақ Беларуське қарсы санкцияларды ұзартты.", "SANCTION", {"Q458"}, {"BLR"},
     "asserted"),
    ("Жапония Украинаға гуманитарлық көмек көрсетті.", "SUPPLY", {"JPN"}, {"UKR"}, "asserted"),
    ("Біріккен Ұлттар Ұйымы Ауғанстанға гуманитарлық көмек жіберді.", "SUPPLY", {"Q1065"}, {"AFG"},
     "asserted"),
    ("Ресей Украинаның энергетикалық инфрақұрылымына зымыран шабуылын жасады.", "ASSAULT", {"RUS"},
     {"UKR"}, "asserted"),
    ("Ресей Украинаның Запорожье облысындағы энергетикалық нысандарға соққы берді.", "ASSAULT", {"RUS"},
     {"UKR"}, "asserted"),
    ("Қытай Тайвань маңында әскери жаттығу өткізді.", "MOBILIZE", {"CHN"}, set(), "asserted"),
    ("Ресей Беларуське тактикалық ядролық қару орналастырды.", "MOBILIZE", {"RUS"}, {"BLR"}, "asserted"),
    ("Израиль әскерлері Газадан шегінді.", "RETREAT", {"ISR"}, {"place:gaza"}, "asserted"),
    ("Қытай Жапонияға наразылық білдірді.", "ACCUSE", {"CHN"}, {"JPN"}, "asserted"),
    ("Путин Қытай басшысы Си Цзиньпинге алғыс айтты.", "SUPPORT", {PUTIN}, {"Q15031"}, "asserted"),
    ("Ресей БҰҰ Қауіпсіздік Кеңесінде қарар жобасына вето қойды.", "REJECT", {"RUS"}, set(), "asserted"),
    ("Ресей Қазақстанға бидай экспорттауды тоқтатты.", "SANCTION", {"RUS"}, {"KAZ"}, "asserted"),
    ("Ресей Финляндиядағы елшісін кері шақырып алды.", "SANCTION", {"RUS"}, {"FIN"}, "asserted"),
    ("Солтүстік Корея Оңтүстік Кореяға қарсы әскери шаралар қолданатынын мәлімдеді.", "THREATEN",
     {"PRK"}, {"KOR"}, "asserted"),
]


@pytest.mark.parametrize(("text", "etype", "source", "target", "mode"), LIGHT_VERBS)
def test_light_verb_constructions(text: str, etype: str, source: set[str], target: set[str], mode: str) -> None:
    assert find(events(text), etype, source, target).mode == mode


NEGATED = [
    ("Ресей Украинаға шабуыл жасамады.", "ASSAULT", {"RUS"}, {"UKR"}),
    ("Еуропалық одақ Қазақстанға санкция салмайды.", "SANCTION", {"Q458"}, {"KAZ"}),
    ("Қытай Ресейге әскери көмек көрсетпейді.", "SUPPLY", {"CHN"}, {"RUS"}),
    ("Жапония Қытаймен келіссөз жүргізбеді.", "MEET", {"JPN"}, {"CHN"}),
    ("Ресей Украинадан әскерін шығармайды.", "RETREAT", {"RUS"}, {"UKR"}),
]


@pytest.mark.parametrize(("text", "etype", "source", "target"), NEGATED)
def test_negation_on_the_verb_or_its_light_verb(text: str, etype: str, source: set[str], target: set[str]) -> None:
    assert find(events(text), etype, source, target).mode == "negated"


PLANNED = [
    ("Ресей Қазақстанмен әскери жаттығу өткізбек.", "MOBILIZE", {"RUS"}, {"KAZ"}),
    ("Тоқаев Қытайға сапармен бармақ.", "VISIT", {TOKAYEV}, {"CHN"}),
    ("Тоқаев Қытайға мемлекеттік сапармен барады.", "VISIT", {TOKAYEV}, {"CHN"}),
    ("Путин келесі айда Қазақстанға сапармен баруды жоспарлап отыр.", "VISIT", {PUTIN}, {"KAZ"}),
    ("Үндістан Ресейден мұнай сатып алуды жоспарлап отыр.", "SUPPLY", {"RUS"}, {"IND"}),
    ("Түркия Швецияның НАТО-ға кіруін қолдауға ниетті.", "SUPPORT", {"TUR"}, set()),
    ("Моңғолия Қытаймен жаңа келісімге қол қоюды көздеп отыр.", "AGREE", {"MNG"}, {"CHN"}),
    ("Ресей мен Қытай әскери жаттығу өткізуге ниетті.", "MOBILIZE", {"RUS", "CHN"}, set()),
    ("Украина Президенті Владимир Зеленский Ресейге қарсы санкцияларды күшейтуге шақырды.", "SANCTION",
     set(), {"RUS"}),
    ("Ердоған Путин мен Зеленскийді келіссөзге шақырды.", "MEET", {PUTIN}, {ZELENSKY}),
]


@pytest.mark.parametrize(("text", "etype", "source", "target"), PLANNED)
def test_planned_intention_and_future(text: str, etype: str, source: set[str], target: set[str]) -> None:
    assert find(events(text), etype, source, target).mode == "planned"


def test_a_genitive_owning_another_noun_is_not_the_actor() -> None:
    found = events("Түркия Швецияның НАТО-ға кіруін қолдауға ниетті.")
    assert "SWE" not in find(found, "SUPPORT", {"TUR"}, set()).source
    found = events("Украина Ресейдің Қырымдағы әскери нысандарына шабуыл жасады.")
    assert find(found, "ASSAULT", {"UKR"}, set()).source == ["UKR"]


def test_case_on_the_last_conjunct_covers_the_list() -> None:
    found = events("Қазақстан Ресей мен Украинаны келіссөз үстеліне отыруға шақырды.")
    assert find(found, "REQUEST", {"KAZ"}, {"RUS", "UKR"}).mode == "asserted"
    assert find(found, "NEGOTIATE", {"RUS"}, {"UKR"}).mode == "planned"


def test_joint_act_of_coordinated_owners() -> None:
    found = events("Екі мемлекет басшысы Қазақстан мен Қытайдың бірлескен декларациясына қол қойды.")
    find(found, "AGREE", {"KAZ"}, {"CHN"})


REPORTED = [
    ("Кремльдің хабарлауынша, Путин мен Тоқаев телефон арқылы сөйлесті.", "MEET", {PUTIN}, {TOKAYEV},
     "org:kremlin"),
    ("Захарованың сөзінше, Вашингтон Мәскеуге қауіп төндіріп отыр.", "THREATEN", {"USA"}, {"RUS"}, ZAKHAROVA),
    ("Ақ үй өкілі Джон Кирбидің айтуынша, Ресей Иранмен дрондар сатып алу туралы келіссөз жүргізіп жатыр.",
     "NEGOTIATE", {"RUS"}, {"IRN"}, "person:john-kirby"),
    ("Ресей Қорғаныс министрлігінің мәліметінше, Украина әскерлері Белгород облысына шабуыл жасаған.",
     "ASSAULT", {"UKR"}, set(), "org:russian-mod"),
    ("Ресей Сыртқы істер министрлігінің ресми өкілі Мария Захарова Вашингтонды Киевке қару жеткізді деп "
     "айыптады.", "SUPPLY", {"USA"}, {"UKR"}, ZAKHAROVA),
]


@pytest.mark.parametrize(("text", "etype", "source", "target", "speaker"), REPORTED)
def test_attribution(text: str, etype: str, source: set[str], target: set[str], speaker: str) -> None:
    e = find(events(text), etype, source, target)
    assert e.mode == "reported"
    assert speaker in e.reported_by


DENIALS = [
    ("Пхеньян Вашингтонның айыптауларын жоққа шығарды.", {"PRK"}, {"USA"}),
    ("Захарова АҚШ-тың мәлімдемелерін жоққа шығарды.", {ZAKHAROVA}, {"USA"}),
    ("Ресей АҚШ-тың бұл айыптауын негізсіз деп атады.", {"RUS"}, {"USA"}),
    ("Пекин Вашингтонның айыптауларын негізсіз деп мәлімдеді.", {"CHN"}, {"USA"}),
]


@pytest.mark.parametrize(("text", "source", "target"), DENIALS)
def test_denials_and_baseless_claims(text: str, source: set[str], target: set[str]) -> None:
    e = find(events(text), "DENY", source, target)
    assert e.mode == "asserted" and not e.reported_by


def test_accusation_with_its_denial_in_one_sentence() -> None:
    found = events("Вашингтон Пхеньянды Мәскеуге қару жеткізді деп айыптады, алайда КХДР бұл айыптауды "
                   "теріске шығарды.")
    find(found, "ACCUSE", {"USA"}, {"PRK"})
    find(found, "DENY", {"PRK"}, {"USA"})
    assert find(found, "SUPPLY", {"PRK"}, {"RUS"}).mode == "denied"


def test_refusing_to_recognise_is_a_rejection_not_a_negation() -> None:
    found = events("Тоқаев Қазақстан Донецк және Луганск республикаларын мойындамайтынын мәлімдеді.")
    assert find(found, "REJECT", {"KAZ"}, set()).mode != "negated"


def test_threat_aimed_at_the_target_of_the_threatened_act() -> None:
    found = events("Иран Израильге жауап соққы беретінін ескертті.")
    find(found, "THREATEN", {"IRN"}, {"ISR"})
    assert find(found, "ASSAULT", {"IRN"}, {"ISR"}).mode == "planned"


def test_persuading_is_a_request_and_the_persuaded_act_is_planned() -> None:
    found = events("Ақ үй өкілінің сөзінше, Шойгу Пхеньянды Ресейге оқ-дәрі сатуға көндіруге тырысқан.")
    find(found, "REQUEST", {"person:sergei-shoigu"}, {"PRK"})
    supply = find(found, "SUPPLY", {"PRK"}, {"RUS"})
    assert supply.mode == "planned" and supply.object == "ammunition"


DATES = [
    ("Қасым-Жомарт Тоқаев 2023 жылғы 13 қыркүйекте Германияға ресми сапармен барды.", "VISIT", "2023-09-13"),
    ("Бейсенбі күні Тоқаев Ресей Президенті Владимир Путинмен кездесті.", "MEET", "2023-09-14"),
    ("Кеше Путин Қытай басшысы Си Цзиньпинмен телефон арқылы сөйлесті.", "MEET", "2023-09-13"),
    ("2022 жылғы 24 ақпанда Ресей Украинаға басып кірді.", "ASSAULT", "2022-02-24"),
    ("Қазақстан мен Қытай шілде айында бірнеше келісімге қол қойды.", "AGREE", "2023-07"),
]


@pytest.mark.parametrize(("text", "etype", "date"), DATES)
def test_dates(text: str, etype: str, date: str) -> None:
    found = [e for e in events(text) if e.type == etype]
    assert found and found[0].date == date


def test_an_undated_retelling_is_the_dated_event() -> None:
    found = events("Ресей мен Солтүстік Корея сәрсенбі күні Пхеньянда келіссөз жүргізді. Кремльдің "
                   "хабарлауынша, Ресей мен Солтүстік Корея келіссөз жүргізді.")
    talks = [e for e in found if e.type == "MEET"]
    assert len(talks) == 1 and len(talks[0].evidence) == 2


def test_the_topic_of_talks_is_no_event_of_its_own() -> None:
    found = events("Тоқаев Ресей Президенті Владимир Путинмен телефон арқылы сөйлесіп, екіжақты ынтымақтастық "
                   "мәселелерін талқылады.")
    find(found, "MEET", {TOKAYEV}, {PUTIN})
    assert not [e for e in found if e.type == "COOPERATE"]


def test_a_past_act_given_as_a_reason_stays_a_fact() -> None:
    found = events("Пекин Вашингтонды Тайваньға қару сатқаны үшін сынға алды.")
    find(found, "ACCUSE", {"CHN"}, {"USA"})
    assert find(found, "SUPPLY", {"USA"}, {"TWN"}).mode != "planned"


@pytest.mark.parametrize(("text", "source", "target"), [
    ("Израиль премьер-министрі Биньямин Нетаньяху ХАМАС-ты бітімгершілік келісімін бұзды деп айыптады.",
     {"person:benjamin-netanyahu"}, {"org:hamas"}),
    ("Пхеньян Вашингтонды аймақтағы шиеленісті ушықтырды деп айыптады.", {"PRK"}, {"USA"}),
])
def test_accuser_first_when_the_complement_names_no_event(text: str, source: set[str], target: set[str]) -> None:
    find(events(text), "ACCUSE", source, target)


def test_accusative_subject_inside_a_reported_clause() -> None:
    found = events("НАТО Бас хатшысы Йенс Столтенберг Ресейді Еуропаға қауіп төндіреді деп мәлімдеді.")
    e = find(found, "THREATEN", {"RUS"}, set())
    assert "person:jens-stoltenberg" in e.reported_by


def test_not_refusing_talks_does_not_negate_them() -> None:
    found = events("Ресей СІМ-нің мәлімдемесінше, Мәскеу Киевпен келіссөзден бас тартпайды.")
    assert find(found, "MEET", {"RUS"}, {"UKR"}).mode != "negated"


@pytest.mark.parametrize(("text", "source", "target"), [
    ("Қазақстан Украинаға гуманитарлық көмектің жаңа легін жөнелтті.", {"KAZ"}, {"UKR"}),
    ("Блинкен Қытайды Ресейге әскери көмек көрсетті деп айыптады.", {"CHN"}, {"RUS"}),
])
def test_supply_verbs(text: str, source: set[str], target: set[str]) -> None:
    find(events(text), "SUPPLY", source, target)


def test_passive_with_its_agent_and_the_owner_of_the_aim() -> None:
    found = events("Ресей тарапынан Украинаның энергетикалық нысандарына соққы жасалды.")
    find(found, "ASSAULT", {"RUS"}, {"UKR"})


def test_the_condemned_act_keeps_its_own_target() -> None:
    found = events("Америка Құрама Штаттары Ресейдің Украинаға басып кіруін қатаң айыптады.")
    assert find(found, "ACCUSE", {"USA"}, {"RUS"}).target == ["RUS"]
    find(found, "ASSAULT", {"RUS"}, {"UKR"})


def test_the_sides_are_the_parties_of_the_meeting() -> None:
    found = events("Тоқаев Ақордада Қытай Төрағасы Си Цзиньпинмен кездесті. Тараптар екі ел арасындағы "
                   "ынтымақтастықты кеңейтуге уағдаласты.")
    assert find(found, "AGREE", {TOKAYEV}, {"Q15031"}).mode == "asserted"
    assert find(found, "COOPERATE", {TOKAYEV}, {"Q15031"}).mode == "planned"


@pytest.mark.parametrize(("text", "etype", "source", "target"), [
    ("Жапония Ресейден мұнай импорттауға тыйым салды.", "SANCTION", {"JPN"}, {"RUS"}),
    ("АҚШ Ресейге қарсы экспорттық шектеулер енгізді.", "SANCTION", {"USA"}, {"RUS"}),
    ("Мәскеу Вашингтонның бұл қадамын ашық арандатушылық деп атады.", "ACCUSE", {"RUS"}, {"USA"}),
    ("Венгрия Еуропалық одақтың Ресейге қарсы жаңа санкцияларын бұғаттады.", "REJECT", {"HUN"}, set()),
])
def test_bans_labels_and_blocks(text: str, etype: str, source: set[str], target: set[str]) -> None:
    find(events(text), etype, source, target)


def test_the_rejected_proposal_is_not_the_rejecters_offer() -> None:
    found = events("Ресей АҚШ-тың бұл ұсынысына қарсы болды.")
    find(found, "REJECT", {"RUS"}, {"USA"})
    assert not [e for e in found if e.type == "OFFER" and "RUS" in e.source]


def test_an_attributive_participle_takes_the_noun_after_it_as_subject() -> None:
    found = events("Астанаға ресми сапармен келген Түркия Президенті Режеп Тайып Ердоған Ақордада "
                   "Қасым-Жомарт Тоқаевпен келіссөз жүргізді.")
    find(found, "VISIT", {"person:recep-tayyip-erdogan"}, {"KAZ"})
    found = events("Сеул бұл әрекетті аймақтағы бейбітшілікке қатер төндіретін арандатушылық деп айыптады.")
    assert not [e for e in found if e.type == "THREATEN" and "KOR" in e.source]


def test_a_coordinated_genitive_list_owns_the_noun() -> None:
    found = events("Пхеньян АҚШ пен Оңтүстік Кореяның бірлескен әскери жаттығуларын басқыншылыққа дайындық "
                   "деп атады.")
    assert find(found, "MOBILIZE", {"USA", "KOR"}, set()).source == ["KOR", "USA"]
    find(found, "ACCUSE", {"PRK"}, {"USA"})


def test_the_head_of_state_is_the_president_named_before() -> None:
    found = events("Тоқаев Ақордада Си Цзиньпинмен кездесті. Мемлекет басшысы Қытай басшысын Қазақстанға "
                   "қайта келуге шақырды.")
    find(found, "OFFER", {TOKAYEV}, {"CHN"})  # an invitation to come (docs/event-types.md, REQUEST)
    found = events("Мемлекет басшысы Қасым-Жомарт Тоқаев Германияға ресми сапармен барды.")
    find(found, "VISIT", {TOKAYEV}, {"DEU"})


def test_a_warning_needs_someone_warned() -> None:
    assert not [e for e in events("Министр су тапшылығы мәселесін шешу қажет екенін ескертті.")
                if e.type == "THREATEN"]
    find(events("Кремль Вашингтонды ықтимал салдары туралы ескертті."), "THREATEN", {"org:kremlin"}, {"USA"})


def test_the_headline_is_the_dated_event_told_after_it() -> None:
    found = events("КХДР жаңа құрлықаралық зымыранды сынады.\n\nСолтүстік Корея 12 шілдеде «Хвасон-18» "
                   "құрлықаралық баллистикалық зымыранын ұшырды.", "2023-07-13")
    tests = [e for e in found if e.type == "MOBILIZE"]
    assert len(tests) == 1 and tests[0].date == "2023-07-12" and len(tests[0].evidence) == 2


def test_an_office_holder_speaks_for_the_state() -> None:
    found = events("Қазақстан Президенті Қасым-Жомарт Тоқаев Санкт-Петербургке барды. Тоқаев Қазақстан Донецк "
                   "және Луганск республикаларын мойындамайтынын мәлімдеді.")
    e = find(found, "REJECT", {"KAZ", TOKAYEV}, set())
    assert e.mode == "asserted" and not e.reported_by


@pytest.mark.parametrize(("text", "etype", "source", "target"), [
    ("Солтүстік Корея Ресейге 10 мыңнан астам әскер жіберді.", "MOBILIZE", {"PRK"}, {"RUS"}),
    ("Ресей Қырымды 2014 жылы басып алды.", "ASSAULT", {"RUS"}, {"place:crimea"}),
    ("Қытай Жапонияның шешіміне қарсылық білдірді.", "REJECT", {"CHN"}, {"JPN"}),
    ("Мәскеу Вашингтонға бұл қадамды жауапсыз қалдырмайтынын ескертті.", "THREATEN", {"RUS"}, {"USA"}),
])
def test_more_news_verbs(text: str, etype: str, source: set[str], target: set[str]) -> None:
    e = find(events(text), etype, source, target)
    assert e.mode == "asserted"


def test_a_contrast_word_closes_the_clause_for_reports_and_subjects() -> None:
    found = events("АҚШ Украинаға жаңа әскери көмек пакетін жариялады, алайда Ресей бұл қадамды айыптады.")
    supply = find(found, "SUPPLY", {"USA"}, {"UKR"})
    assert supply.mode == "asserted" and not supply.reported_by
    find(found, "ACCUSE", {"RUS"}, set())
    found = events("Жапония Оңтүстік Кореямен келіссөз жүргізді, ал Қытай бұған наразылық білдірді.")
    talks = find(found, "MEET", {"JPN"}, {"KOR"})
    assert talks.mode == "asserted" and not talks.reported_by


def test_numbered_packages_and_approved_sales() -> None:
    found = events("Еуропалық одақ Ресейге қарсы 14-санкциялар пакетін қабылдады.")
    find(found, "SANCTION", {"Q458"}, {"RUS"})
    found = events("АҚШ Мемлекеттік департаменті Польшаға Patriot әуе қорғаныс жүйелерін сатуды мақұлдады.")
    assert find(found, "SUPPLY", set(), {"POL"}).mode == "planned"


def test_launchers_are_weapons_not_a_launch() -> None:
    found = events("Вашингтон Варшаваға 48 зымыран ұшыру қондырғысын жеткізеді.")
    assert not [e for e in found if e.type == "MOBILIZE"]
    find(found, "SUPPLY", {"USA"}, {"POL"})


def test_a_bare_noun_in_a_report_is_not_the_speakers_act() -> None:
    found = events("Кремль баспасөз хатшысы Дмитрий Песковтың айтуынша, санкциялар Ресей экономикасына "
                   "айтарлықтай әсер етпейді.")
    assert not [e for e in found if e.type == "SANCTION" and "person:dmitry-peskov" in e.source]


def test_a_relative_clause_keeps_its_own_subject() -> None:
    found = events("Шойгу Пхеньянға барған сапарында Ким Чен Ынмен кездесті.")
    find(found, "VISIT", {"person:sergei-shoigu"}, {"PRK"})
    find(found, "MEET", {"person:sergei-shoigu"}, {"Q56226"})


def test_asking_a_giver_for_supplies() -> None:
    found = events("Украина АҚШ-тан қосымша әуе қорғанысы жүйелерін жеткізуді сұрады.")
    find(found, "REQUEST", {"UKR"}, {"USA"})
    assert find(found, "SUPPLY", {"USA"}, {"UKR"}).mode == "planned"


@pytest.mark.parametrize(("text", "date"), [
    ("Путин 2023 жылдың қыркүйегінде Қазақстанға сапармен келді.", "2023-09"),
    ("Путин өткен жылы Қазақстанға сапармен келді.", "2022"),
    ("Путин осы айдың басында Қазақстанға сапармен келді.", "2023-09"),
])
def test_more_date_phrases(text: str, date: str) -> None:
    assert find(events(text), "VISIT", {PUTIN}, {"KAZ"}).date == date


def test_a_plural_strike_noun_with_genitive_and_dative() -> None:
    found = events("Израильдің Газаға соққылары үшінші күн қатарынан жалғасып жатыр.")
    find(found, "ASSAULT", {"ISR"}, {"place:gaza"})


def test_a_blow_to_the_economy_is_no_attack() -> None:
    found = events("Сарапшылардың пікірінше, жаңа баждар экономикаға ауыр соққы болды.")
    assert not [e for e in found if e.type == "ASSAULT"]


def test_conveying_a_position_is_no_supply() -> None:
    found = events("Лавров Блинкенге Мәскеудің ұстанымын жеткізді.")
    assert not [e for e in found if e.type == "SUPPLY"]
    find(events("Ресей Қазақстанға бидай жеткізді."), "SUPPLY", {"RUS"}, {"KAZ"})


def test_any_such_deal_is_no_event_but_its_violation_accuses_the_parties() -> None:
    found = events("Кирби Ресей мен Солтүстік Корея арасындағы кез келген қару-жарақ мәмілесі "
                   "БҰҰ Қауіпсіздік Кеңесінің қарарларын бұзатынын атап өтті.")
    assert not [e for e in found if e.type in ("SUPPLY", "AGREE")]
    accusation = find(found, "ACCUSE", {"person:john-kirby"}, set())
    assert {"RUS", "PRK"} <= set(accusation.target)


@pytest.mark.parametrize("cue", ["Бұл туралы", "Осы жөнінде"])
def test_about_this_attributes_the_previous_sentence(cue: str) -> None:
    found = events(f"Ресей Украинаның оңтүстігіне зымыран соққысын жасады. {cue} Украина Қорғаныс министрлігі "
                   "хабарлады.")
    strike = find(found, "ASSAULT", {"RUS"}, {"UKR"})
    assert strike.reported_by == ["org:ukraine-mod"]


NEW_TOPICS = [
    ("Иран Израильге жүздеген дрон мен зымыран ұшырды.", "ASSAULT", {"IRN"}, {"ISR"}),
    ("Ресейлік хакерлер Польшаның энергетикалық жүйесіне кибершабуыл жасады.", "ASSAULT", {"RUS"}, {"POL"}),
    ("Ресей Сыртқы істер министрлігі Эстония елшісін елден шығарып жіберді.", "SANCTION",
     {"org:russian-mfa"}, {"EST"}),
    ("Тәжік шекарашылары қырғыз әскерилеріне оқ атты.", "ASSAULT", {"TJK"}, {"KGZ"}),
    ("Ресей Молдоваға газ жеткізуді тоқтатты.", "SANCTION", {"RUS"}, {"MDA"}),
    ("Түркия Израильмен сауданы толық тоқтатты.", "SANCTION", {"TUR"}, {"ISR"}),
]


@pytest.mark.parametrize("text", ["Ресей газы Қазақстан аумағы арқылы Өзбекстанға жеткізіледі.",
                                  "Ресей қаруы Қазақстан аумағы арқылы Өзбекстанға жеткізілді."])
def test_a_route_is_no_participant_and_what_is_sent_goes_from_its_owner(text: str) -> None:
    # "арқылы" (through) names the way, not a side; a name standing for "аумағы" takes that postposition.
    # In the passive, the owner of what is sent ("Ресей газы") sends it.
    found = events(text)
    assert [(e.type, e.source, e.target) for e in found] == [("SUPPLY", ["RUS"], ["UZB"])]


@pytest.mark.parametrize(("text", "etype", "source", "target"), NEW_TOPICS)
def test_strikes_cyberattacks_expulsions_and_cutoffs(text: str, etype: str, source: set[str],
                                                      target: set[str]) -> None:
    assert find(events(text), etype, source, target).mode == "asserted"


def test_a_launch_into_the_sea_is_no_attack() -> None:
    found = events("Солтүстік Корея Жапон теңізіне баллистикалық зымыран ұшырды.")
    assert not [e for e in found if e.type == "ASSAULT"]
    find(found, "MOBILIZE", {"PRK"}, set())


def test_a_border_exchange_of_fire_names_both_sides() -> None:
    found = events("Әзербайжан мен Армения әскерлері шекарада атысып қалды.")
    clash = find(found, "ASSAULT", set(), set())
    assert {"AZE", "ARM"} <= set(clash.source) | set(clash.target)


@pytest.mark.parametrize("text", [
    "«Ресей Украинаға шабуылын тоқтатуы тиіс», – деп жеткізді Эммануэль Макрон.",
    "Эммануэль Макрон Ресей Украинаға шабуылын тоқтатуы керек екенін жеткізді.",
])
def test_conveyed_that_is_a_report_not_a_delivery(text: str) -> None:
    found = events(text)
    assert not [e for e in found if e.type == "SUPPLY"]
    assert "person:emmanuel-macron" in find(found, "ASSAULT", {"RUS"}, {"UKR"}).reported_by


@pytest.mark.parametrize(("text", "source", "target"), [
    ("Украина Ресеймен шекараны жапты.", {"UKR"}, {"RUS"}),
    ("Қырғызстан Қазақстанмен шекарасын уақытша жауып тастады.", {"KGZ"}, {"KAZ"}),
])
def test_closing_the_border_is_a_sanction(text: str, source: set[str], target: set[str]) -> None:
    find(events(text), "SANCTION", source, target)


def test_a_pronoun_subject_then_a_country_adjective() -> None:
    found = events("Сергей Лавров Вашингтонды арандатушылық үшін айыптады. Ол американдық әскери "
                   "кемелер Қара теңізге кіруді тоқтатпаса, жауап шаралары болатынын ескерткен.")
    find(found, "THREATEN", {"person:sergey-lavrov"}, {"USA"})


def _exactly(found: list[Event], etype: str) -> list[tuple[list[str], list[str], str, list[str]]]:
    return [(e.source, e.target, e.mode, e.reported_by) for e in found if e.type == etype]


def test_a_time_clause_keeps_its_own_subject_and_is_not_what_was_said() -> None:
    # The speaker follows the closed "since ..." clause; the invasion is background, not the claim.
    found = events("2014 жылы Ресей Қырымды басып алғаннан кейін Еуропалық одақ Мәскеуге қарсы санкциялар "
                   "енгізгенін мәлімдеді.")
    assert _exactly(found, "ASSAULT") == [(["RUS"], ["place:crimea"], "asserted", [])]
    # The union says it of its own act: told on its own word (as "Iran said it does not supply drones").
    assert _exactly(found, "SANCTION") == [(["Q458"], ["RUS"], "reported", ["Q458"])]


def test_the_speaker_after_a_closed_time_clause() -> None:
    found = events("Израиль Газаға шабуыл жасағалы бері бірқатар Араб елдері Катар мен Египеттің делдалдығы "
                   "жөнінде мәлімдеді.")
    assert _exactly(found, "ASSAULT") == [(["ISR"], ["place:gaza"], "asserted", [])]


def test_a_bare_name_before_a_possessed_noun_owns_that_noun() -> None:
    # "Мәскеу ескертуіне қарамастан": whose warning, not who supplied.
    found = events("Мәскеу ескертуіне қарамастан Германия Украинаға танктер жеткізді.")
    assert _exactly(found, "SUPPLY") == [(["DEU"], ["UKR"], "asserted", [])]


def test_a_noun_standing_for_its_owner_lends_it_its_case() -> None:
    found = events("Иран Ресей армиясына дрондар жеткізді.")
    assert _exactly(found, "SUPPLY") == [(["IRN"], ["RUS"], "asserted", [])]


def test_the_noun_a_participle_describes_is_its_subject_in_any_case() -> None:
    found = events("Батыс елдері Ресейге зымырандар жеткізетін Иранға санкция салды.")
    assert _exactly(found, "SUPPLY") == [(["IRN"], ["RUS"], "planned", [])]
    assert _exactly(found, "SANCTION") == [(["org:the-west"], ["IRN"], "asserted", [])]


@pytest.mark.parametrize("text", [
    "Ресей бұл әрекетке жол бермейтінін айтты.",
    "Санкциялар Мәскеуге қарсы нәтиже бермеді.",
])
def test_idioms_with_give_are_no_supply(text: str) -> None:
    assert _exactly(events(text), "SUPPLY") == []


def test_a_participle_takes_the_nominative_nearest_it() -> None:
    # The representatives of Iran discussed; France made the offer.
    found = events("Иран өкілдері Франция Тегеранға ұсынған бітім жоспарын талқылады.")
    assert _exactly(found, "OFFER") == [(["FRA"], ["IRN"], "asserted", [])]


def test_the_sides_named_between_are_the_parties_not_the_clause_subject() -> None:
    found = events("Ресей делегациясы Армения мен Әзербайжан арасындағы қақтығыс жөніндегі кеңеске қатысты.")
    assert [(e.type, e.source, e.target) for e in found] == [("ASSAULT", ["ARM"], ["AZE"])]


def test_in_particular_goes_on_with_the_previous_speakers_account() -> None:
    found = events("Еуропалық одақ Тегеран мен Мәскеудің әскери әріптестігі туралы мәлімдеді. Атап айтқанда, "
                   "Иран Ресейге дрондар жеткізіп жатқанын айтты.")
    assert [(e.source, e.target, e.reported_by) for e in found if e.type == "SUPPLY"] == [
        (["IRN"], ["RUS"], ["Q458"])]


def test_sides_named_between_belong_to_their_own_trigger() -> None:
    found = events("Лавров Ресей мен Қытай арасында әскери ынтымақтастықты нығайту үшін Пекинге барды.")
    assert sorted((e.type, e.source, e.target, e.mode) for e in found) == [
        ("COOPERATE", ["CHN", "RUS"], ["CHN", "RUS"], "planned"),
        ("VISIT", ["RUS", "person:sergey-lavrov"], ["CHN"], "asserted")]


def test_a_headline_opening_on_a_name_and_a_colon_is_that_actors_word() -> None:
    found = events("Кремль: Мәскеу Анкарамен газ хабы бойынша келісім жасауға тырысып жатыр.")
    assert [(e.type, e.source, e.mode, e.reported_by) for e in found] == [
        ("AGREE", ["RUS", "TUR"], "planned", ["org:kremlin"])]


def test_the_genitive_owner_of_a_noun_with_its_postposition_acts() -> None:
    found = events("Макрон Ресейдің Украинаға қарсы соғысы Еуропаға қауіп төндіретінін айтты.")
    assert [(e.source, e.target, e.reported_by) for e in found if e.type == "ASSAULT"] == [
        (["RUS"], ["UKR"], ["person:emmanuel-macron"])]


def test_apology_and_condolences() -> None:
    found = events("Путин Әлиевтен кешірім сұрады. Тоқаев Ердоғанмен телефон арқылы сөйлесіп, зардап шеккендердің "
                   "отбасыларына көңіл айтты.")
    assert sorted((e.type, e.source, e.target, e.reported_by) for e in found) == [
        ("MEET", ["KAZ", "TUR", "person:kassym-jomart-tokayev", "person:recep-tayyip-erdogan"],
         ["KAZ", "TUR", "person:kassym-jomart-tokayev", "person:recep-tayyip-erdogan"], []),
        ("SUPPORT", ["Q7747", "RUS"], ["AZE", "Q57371"], [])]


def test_a_territory_stands_for_its_state() -> None:
    found = events("Украина әскерлері Ресей аумағына шабуыл жасады.")
    assert [(e.type, e.source, e.target) for e in found] == [("ASSAULT", ["UKR"], ["RUS"])]


def test_before_doing_is_no_negation() -> None:
    found = events("Макрон Қытайға бармас бұрын Жапония премьер-министрімен кездесті.")
    assert sorted((e.type, e.source, e.target, e.mode) for e in found) == [
        ("MEET", ["FRA", "JPN", "person:emmanuel-macron"], ["FRA", "JPN", "person:emmanuel-macron"], "asserted"),
        ("VISIT", ["FRA", "person:emmanuel-macron"], ["CHN"], "asserted")]


def test_a_demonym_before_a_side_takes_its_case() -> None:
    found = events("Зеленский ресейлік тарапты келісімді бұзды деп айыптады.")
    assert [(e.source, e.target) for e in found if e.type == "ACCUSE"] == [
        (["UKR", "person:volodymyr-zelenskyy"], ["RUS"])]


def test_a_chain_of_nouns_standing_for_the_owner_keeps_it_the_owner() -> None:
    # The meeting is Hamas's own (its leaders'), not the striking army's.
    found = events("Израиль әскері ХАМАС қозғалысы басшыларының кездесуі өтіп жатқан ғимаратқа соққы жасады.")
    assert [(e.type, e.source, e.target) for e in found] == [("ASSAULT", ["ISR"], ["org:hamas"])]


def test_talks_with_an_adjectival_topic_are_negotiations() -> None:
    found = events("Ресей мен Украина арасындағы астық жөніндегі келіссөздер Стамбулда өтті.")
    assert [(e.type, e.source) for e in found] == [("NEGOTIATE", ["RUS", "UKR"])]


def test_suspended_partnership_is_a_sanction_on_the_partner() -> None:
    find(events("АҚШ Грузиямен стратегиялық серіктестікті тоқтатты."), "SANCTION", {"USA"}, {"GEO"})


def test_a_region_as_a_side_is_its_member_states() -> None:
    offer = find(events("Қытай Орталық Азия елдеріне несие ұсынды."), "OFFER", {"CHN"}, {"KAZ"})
    assert (offer.source, offer.target) == (["CHN"], ["KAZ", "KGZ", "TJK", "TKM", "UZB"])


def test_lifting_a_ban_is_a_retreat_towards_the_banned() -> None:
    retreat = find(events("Қазақстан Талибан қозғалысын тыйым салынған ұйымдар тізімінен шығарды."), "RETREAT",
                   {"KAZ"}, {"org:taliban"})
    assert (retreat.source, retreat.target) == (["KAZ"], ["org:taliban"])


def test_initialling_a_text_is_an_agreement() -> None:
    agree = find(events("Әзербайжан мен Арменияның сыртқы істер министрлері Джейхун Байрамов пен Арарат Мирзоян "
                        "бейбітшілік келісімінің мәтінін парафтады."), "AGREE",
                 {"person:jeyhun-bayramov", "person:ararat-mirzoyan"}, set())
    assert set(agree.source) == {"person:jeyhun-bayramov", "person:ararat-mirzoyan", "AZE", "ARM"}


def test_a_ground_operation_is_an_assault() -> None:
    assault = find(events("Израиль Ливанның оңтүстігінде құрлықтағы операция бастады."), "ASSAULT", {"ISR"}, {"LBN"})
    assert assault.source == ["ISR"]


def test_a_title_the_coreference_pass_resolves_is_the_actor_of_a_kazakh_event() -> None:
    """An undated article: its dateline dates "Мемлекет басшысы", which Kazakh news uses for Kazakhstan's
    president; the pattern stage places the title the coreference pass resolved like a name."""
    found = events("ТАШКЕНТ. 2022 жылғы 22 желтоқсан. Қазақстан Президенті Қасым-Жомарт Тоқаев пен Өзбекстан "
                   "Президенті Шавкат Мирзиёев Ташкентте кездесті. Мемлекет басшысы өзбек тарабын шекара "
                   "мәселесін шешуге шақырды.", published=None)
    request = find(found, "REQUEST", {"person:kassym-jomart-tokayev", "KAZ"}, {"UZB"})
    assert set(request.source) == {"person:kassym-jomart-tokayev", "KAZ"} and request.target == ["UZB"]
    assert sorted(e.type for e in found) == ["MEET", "REQUEST"]


def test_an_undated_text_is_read_on_the_day_its_dateline_gives() -> None:
    """No published date: "бүгін" (today) is the dateline's day."""
    [visit] = events("ТАШКЕНТ. 2022 жылғы 22 желтоқсан. Қазақстан Президенті Қасым-Жомарт Тоқаев бүгін "
                     "Өзбекстанға келді.", published=None)
    assert (visit.type, set(visit.source), visit.target, visit.date) == (
        "VISIT", {"KAZ", "person:kassym-jomart-tokayev"}, ["UZB"], "2022-12-22")
