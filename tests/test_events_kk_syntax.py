"""Kazakh event constructions of issue #7 (sentences written by us): the noun 'тарап', the verb of
fighting, the two countries as parties, noun retellings of a meeting, visits told by 'болды', reactions
to and labels of an earlier act.  Each test names every event and participant it expects."""

from __future__ import annotations

from test_events import events as events_in

from graphbuild.model import Event


def events(text: str, published: str | None = "2025-05-20") -> list[Event]:
    return events_in("kk", text, published)


def told(found: list[Event]) -> list[tuple[str, list[str], list[str], str]]:
    return sorted((e.type, e.source, e.target, e.mode) for e in found)


def test_the_american_side_is_the_united_states() -> None:
    # "тарап" is the noun 'side', never the converb of тара- 'spread', so the adjective names the state.
    assert told(events("Америкалық тарап Жапониямен ынтымақтастықты кеңейтуге ниетті.")) == [
        ("COOPERATE", ["JPN", "USA"], ["JPN", "USA"], "planned")]


def test_the_countries_of_a_region_carry_the_case_of_the_noun() -> None:
    assert told(events("Жапония Орталық Азия елдерімен ынтымақтастықты кеңейтуге ниетті.")) == [
        ("COOPERATE", ["JPN", "KAZ", "KGZ", "TJK", "TKM", "UZB"], ["JPN", "KAZ", "KGZ", "TJK", "TKM", "UZB"],
         "planned")]


def test_two_states_that_fought_each_other_attacked_each_other() -> None:
    assert told(events("Эфиопия мен Эритрея 1998 жылы шекара үшін соғысқан.")) == [
        ("ASSAULT", ["ERI", "ETH"], ["ERI", "ETH"], "asserted")]


def test_the_two_countries_are_the_parties_of_the_latest_meeting() -> None:
    found = events("Тоқаев пен Мирзиёев Ташкентте кездесті. Екі ел су туралы келісімге қол қойды.")
    assert told(found) == [
        ("AGREE", ["KAZ", "UZB"], ["KAZ", "UZB"], "asserted"),
        ("MEET", ["KAZ", "UZB", "person:kassym-jomart-tokayev", "person:shavkat-mirziyoyev"],
         ["KAZ", "UZB", "person:kassym-jomart-tokayev", "person:shavkat-mirziyoyev"], "asserted")]


def test_the_presidents_of_the_two_countries_are_the_leaders_who_met() -> None:
    found = events("Тоқаев пен Мирзиёев Ташкентте кездесті. Екі елдің президенттері энергетика туралы "
                   "келісімге қол қойды.")
    people = ["KAZ", "UZB", "person:kassym-jomart-tokayev", "person:shavkat-mirziyoyev"]
    assert told(found) == [("AGREE", people, people, "asserted"), ("MEET", people, people, "asserted")]


def test_a_noun_retelling_of_the_meeting_is_that_meeting() -> None:
    # The meeting of Kazakhstan and Uzbekistan is the presidents' meeting, told again by its noun.
    found = events("Тоқаев пен Мирзиёев Ташкентте кездесті. Қазақстан мен Өзбекстан арасындағы кездесу "
                   "екі сағатқа созылды.")
    people = ["KAZ", "UZB", "person:kassym-jomart-tokayev", "person:shavkat-mirziyoyev"]
    assert told(found) == [("MEET", people, people, "asserted")]
    assert len(found[0].evidence) == 2


def test_being_in_a_country_is_a_visit() -> None:
    assert told(events("Макрон 12 мамырда Моңғолияда болды.")) == [
        ("VISIT", ["FRA", "person:emmanuel-macron"], ["MNG"], "asserted")]


def test_condemning_the_strike_accuses_its_doer() -> None:
    found = events("Пәкістан Үндістанға соққы берді. Ауғанстан соққыны айыптады.")
    assert told(found) == [("ACCUSE", ["AFG"], ["PAK"], "asserted"), ("ASSAULT", ["PAK"], ["IND"], "asserted")]
    accuse = next(e for e in found if e.type == "ACCUSE")
    assert accuse.about == next(e for e in found if e.type == "ASSAULT").id


def test_calling_the_strike_terrorism_in_quotes_accuses_its_doer() -> None:
    found = events("Пәкістан Үндістанға соққы берді. Ауғанстан соққыны «ашық агрессия» деп атады.")
    assert told(found) == [("ACCUSE", ["AFG"], ["PAK"], "asserted"), ("ASSAULT", ["PAK"], ["IND"], "asserted")]


def test_a_label_of_no_earlier_act_accuses_no_one() -> None:
    assert told(events("Ауғанстан соққыны «ашық агрессия» деп атады.")) == []


def test_the_office_is_the_ministry_named_before() -> None:
    found = events("Қазақстан Сыртқы істер министрлігі Ресей елшісін шақырды. Ведомство Ресейді әуе кеңістігін "
                   "бұзды деп айыптады.")
    accuse = [e for e in found if e.type == "ACCUSE"]
    assert [(e.source, e.target) for e in accuse] == [(["KAZ", "org:kazakhstan-mfa"], ["RUS"])]


def test_being_on_a_visit_describes_the_leader_named_after_it_alone() -> None:
    found = events("Ресми сапармен Пекинде жүрген Қазақстан Президенті Қасым-Жомарт Тоқаев пен Қытай Төрағасы "
                   "Си Цзиньпин келісімге қол қойды.")
    visits = [(e.source, e.target) for e in found if e.type == "VISIT"]
    assert visits == [(["KAZ", "person:kassym-jomart-tokayev"], ["CHN"])]


def test_calling_a_country_a_reliable_ally_is_support() -> None:
    found = events("Мирзиёев Қазақстанды сенімді одақтас деп атады.")
    assert told(found) == [("SUPPORT", ["UZB", "person:shavkat-mirziyoyev"], ["KAZ"], "asserted")]


def test_inviting_someone_to_a_capital_is_an_offer() -> None:
    assert told(events("Си Цзиньпин Тоқаевты Пекинге шақырды.")) == [
        ("OFFER", ["CHN", "Q15031"], ["KAZ", "person:kassym-jomart-tokayev"], "asserted")]


def test_calling_on_someone_to_act_towards_a_place_is_a_request() -> None:
    found = events("БҰҰ Израильді Газаға көмек жіберуге шақырды.")
    assert [(e.type, e.source, e.target) for e in found if e.type in ("OFFER", "REQUEST")] == [
        ("REQUEST", ["Q1065"], ["ISR"])]


def test_the_genitive_of_a_nominalised_verb_is_its_doer_and_the_teller_reports_it() -> None:
    found = events("Кирби Иранның Ресейге дрондар жеткізгенін айтты.")
    assert told(found) == [("SUPPLY", ["IRN"], ["RUS"], "reported")]
    assert found[0].reported_by == ["person:john-kirby"]


def test_a_genitive_owning_the_noun_after_it_is_no_doer() -> None:
    # Russia telling its own future delivery pledges it: the offer, and the delivery planned.
    found = events("Ресей Қазақстанның өңірлеріне газ жеткізетінін айтты.")
    assert told(found) == [("OFFER", ["RUS"], ["KAZ"], "asserted"), ("SUPPLY", ["RUS"], ["KAZ"], "planned")]


def test_the_two_countries_criticised_are_the_sides_of_the_latest_act() -> None:
    found = events("Армения мен Әзербайжан шекарада қақтығысты. Франция екі елді де бітімді бұзды деп сынады.")
    accuse = [(e.source, e.target) for e in found if e.type == "ACCUSE"]
    assert accuse == [(["FRA"], ["ARM", "AZE"])]


def test_the_sides_accusing_each_other_accuse_each_other() -> None:
    found = events("Армения мен Әзербайжан бітімге келді. Алайда тараптар бірін-бірі бітімді бұзды деп айыптады.")
    # One accusation of each side by the other, as a reciprocal act is told in the gold.
    assert told(found) == [("ACCUSE", ["ARM"], ["AZE"], "asserted"), ("ACCUSE", ["AZE"], ["ARM"], "asserted"),
                           ("AGREE", ["ARM", "AZE"], ["ARM", "AZE"], "asserted")]


def test_both_sides_accusing_the_opposing_side_accuse_each_other() -> None:
    found = events("Ресей де, Украина да қарсы тарапты бітімді бұзды деп айыптады.")
    assert told(found) == [("ACCUSE", ["RUS"], ["UKR"], "asserted"), ("ACCUSE", ["UKR"], ["RUS"], "asserted")]


def test_leaders_taking_part_in_a_summit_met() -> None:
    found = events("Астанада өткен саммитке Тоқаев пен Мирзиёев қатысты.")
    people = ["KAZ", "UZB", "person:kassym-jomart-tokayev", "person:shavkat-mirziyoyev"]
    assert told(found) == [("MEET", people, people, "asserted")]


def test_taking_part_in_drills_is_no_meeting() -> None:
    assert [e.type for e in events("Ресей мен Беларусь жаттығуға қатысты.")] == ["MOBILIZE"]


def test_a_warning_of_retaliation_is_aimed_at_the_attacker() -> None:
    found = events("АҚШ Ресейге санкция салды. Ресей жауап шараларын қабылдайтынын ескертті.")
    assert told(found) == [("SANCTION", ["USA"], ["RUS"], "asserted"), ("THREATEN", ["RUS"], ["USA"], "asserted")]


def test_a_supply_one_is_ready_to_increase_is_planned() -> None:
    # (Without the speaker before the state the supply finds no doer yet: the readiness takes the subject.)
    found = events("Путин Ресей Қазақстанға газ жеткізуді ұлғайтуға дайын екенін айтты.")
    supply = [(e.source, e.target, e.mode) for e in found if e.type == "SUPPLY"]
    assert supply == [(["RUS"], ["KAZ"], "planned")]


def test_a_denial_naming_no_one_answers_the_teller_of_the_act() -> None:
    # The armed forces deny for Iran what the Israeli minister told of Iran.
    found = events("Израиль қорғаныс министрі Исраэль Кац Иран Израильге зымыран атқанын мәлімдеді. "
                   "Иран Қарулы күштері бұл айыптауды теріске шығарды.")
    assert told(found) == [("ASSAULT", ["IRN"], ["ISR"], "denied"),
                           ("DENY", ["IRN", "org:iran-armed-forces"], ["ISR", "person:israel-katz"], "asserted")]


def test_having_nothing_to_do_with_it_is_a_denial_of_the_accuser() -> None:
    found = events("Литва Беларусьті гибридтік шабуыл жасады деп айыптады. "
                   "Минск әуе шарларын ұшыруға ешқандай қатысы жоқ екенін мәлімдеді.")
    # The attack the denial is about stands without a target, as an act another act is about may.
    assert told(found) == [("ACCUSE", ["LTU"], ["BLR"], "asserted"), ("ASSAULT", ["BLR"], [], "denied"),
                           ("DENY", ["BLR"], ["LTU"], "asserted")]


def test_an_attack_labelled_in_a_condemnation_is_the_attackers() -> None:
    found = events("Иран Катардағы америкалық әуе базасына зымыран соққысын жасады. "
                   "Катар шабуылды өз егемендігін өрескел бұзу деп айыптады.")
    assert [(e.type, e.source) for e in sorted(found, key=lambda e: e.type)] == [
        ("ACCUSE", ["QAT"]), ("ASSAULT", ["IRN"])]
    accuse = next(e for e in found if e.type == "ACCUSE")
    assert accuse.target == ["IRN"] and accuse.about == next(e for e in found if e.type == "ASSAULT").id


def test_drones_after_a_name_are_its_forces() -> None:
    assert told(events("Киевті түнде Ресей дрондары атқылады.")) == [("ASSAULT", ["RUS"], ["UKR"], "asserted")]
    assert told(events("Ресей дрондары Киевке шабуыл жасады.")) == [("ASSAULT", ["RUS"], ["UKR"], "asserted")]


def test_adopting_a_decision_or_taking_measures_is_no_reception() -> None:
    assert told(events("ЕО Украинаның мүшелігі туралы шешім қабылдады.")) == []
    assert told(events("БҰҰ Бас Ассамблеясы Ресейдің Украинадағы әрекеттері туралы қарар қабылдады.")) == []


def test_taking_retaliatory_measures_is_a_threat() -> None:
    assert told(events("Ресей НАТО-ға жауап шараларын қабылдайтынын мәлімдеді.")) == [
        ("THREATEN", ["RUS"], ["Q7184"], "asserted")]


def test_a_warning_of_force_against_someone_threatens_them() -> None:
    assert told(events("Қытай Тайваньға қарсы күш қолданатынын ескертті.")) == [
        ("ASSAULT", ["CHN"], ["TWN"], "planned"), ("THREATEN", ["CHN"], ["TWN"], "asserted")]


def test_assessing_an_act_as_a_provocation_accuses_its_doer() -> None:
    assert told(events("Қытай Жапонияның әрекеттерін арандатушылық деп бағалады.")) == [
        ("ACCUSE", ["CHN"], ["JPN"], "asserted")]


def test_calling_a_statement_false_denies_it() -> None:
    assert told(events("Ресей Украинаның мәлімдемесін жалған деп атады.")) == [("DENY", ["RUS"], ["UKR"], "asserted")]


def test_a_harmful_label_the_lexicon_does_not_spell_out_accuses() -> None:
    # "unacceptable" carries its own negation: the condemnation is not negated.
    assert told(events("Қытай Жапонияның мәлімдемесін «қабылданбайтын» деп сипаттады.")) == [
        ("ACCUSE", ["CHN"], ["JPN"], "asserted")]
    assert told(events("Қытай Жапонияның әрекетін бейжауапты деп атады.")) == [("ACCUSE", ["CHN"], ["JPN"], "asserted")]


def test_the_accused_act_keeps_its_goal() -> None:
    assert told(events("Украина Ресейді Киевке шабуыл жасады деп айыптады.")) == [
        ("ACCUSE", ["UKR"], ["RUS"], "asserted"), ("ASSAULT", ["RUS"], ["UKR"], "reported")]


def test_a_genitive_is_the_subject_of_a_nominalised_verb_read_as_a_noun() -> None:
    assert told(events("Пентагон Иранның Израильге 180 баллистикалық зымыран атқанын растады.")) == [
        ("ASSAULT", ["IRN"], ["ISR"], "reported")]


def test_launching_drones_at_a_city_is_an_attack() -> None:
    assert told(events("Зеленскийдің айтуынша, Ресей түнде Киевке 50 дрон ұшырды.")) == [
        ("ASSAULT", ["RUS"], ["UKR"], "reported")]


def test_a_named_group_in_quotes_owns_the_facilities_struck() -> None:
    assert [(e.type, e.source, e.target) for e in events(
        "Израиль армиясы Ливандағы «Хезболла» нысандарына соққы бергенін мәлімдеді.")] == [
        ("ASSAULT", ["ISR"], ["org:hezbollah"])]


def test_an_act_of_one_actor_on_itself_relates_no_one() -> None:
    assert told(events("Ресей әскерлері Покровск маңындағы тағы бір елді мекенді басып алғанын хабарлады.")) == []


def test_an_aid_announced_by_its_giver_is_offered() -> None:
    found = events("Си Цзиньпин саммиттегі сөзінде Қытай Орталық Азия елдеріне тегін көмек беретінін жариялады.")
    five = ["KAZ", "KGZ", "TJK", "TKM", "UZB"]
    assert [(e.type, e.source, e.target, e.mode) for e in sorted(found, key=lambda e: e.type)] == [
        ("OFFER", ["CHN", "Q15031"], five, "asserted"), ("SUPPLY", ["CHN"], five, "planned")]


def test_a_delivery_told_by_another_pledges_nothing() -> None:
    found = events("Кирби Солтүстік Корея Ресейге оқ-дәрі беретінін мәлімдеді.")
    assert told(found) == [("SUPPLY", ["PRK"], ["RUS"], "planned")]


def test_inviting_someone_to_come_on_a_visit_is_an_offer() -> None:
    # The visit is only hoped for by the one inviting: no VISIT (docs/event-types.md, VISIT).
    assert told(events("Путин Тоқаевты Ресейге сапармен келуге шақырды.")) == [
        ("OFFER", ["Q7747", "RUS"], ["KAZ", "person:kassym-jomart-tokayev"], "asserted")]
    assert told(events("Макрон Тоқаевты Парижге келуге шақырды.")) == [
        ("OFFER", ["FRA", "person:emmanuel-macron"], ["KAZ", "person:kassym-jomart-tokayev"], "asserted")]


def test_a_stem_voiced_before_its_suffix_still_matches() -> None:
    # "ризашылық" (gratitude) is "ризашылығын" in the accusative; thanks are praise.
    assert told(events("Тоқаев Мирзиёевке қонақжайлығы үшін ризашылығын білдірді.")) == [
        ("SUPPORT", ["KAZ", "person:kassym-jomart-tokayev"], ["UZB", "person:shavkat-mirziyoyev"], "asserted")]


def test_not_accepting_a_proposal_rejects_its_maker() -> None:
    assert told(events("Ресей АҚШ-тың ұсынысын қабылдамады.")) == [("REJECT", ["RUS"], ["USA"], "asserted")]
    assert told(events("Қазақстан Ресейдің ұсынысын қабылдады.")) == [
        ("AGREE", ["KAZ", "RUS"], ["KAZ", "RUS"], "asserted")]


def test_the_sides_between_belong_to_the_nearer_noun() -> None:
    # "арасындағы" names the sides of the talks, not of the support after them.
    found = events("Тоқаев Ресей мен Украина арасындағы келіссөздерді қолдады.")
    assert told(found) == [("MEET", ["RUS", "UKR"], ["RUS", "UKR"], "asserted"),
                           ("SUPPORT", ["KAZ", "person:kassym-jomart-tokayev"], ["UKR"], "asserted")]


def test_a_phone_conversation_is_a_meeting() -> None:
    assert told(events("Путин мен Трамп арасындағы телефон әңгімесі екі сағатқа созылды.")) == [
        ("MEET", ["Q22686", "Q7747", "RUS", "USA"], ["Q22686", "Q7747", "RUS", "USA"], "asserted")]


def test_criticising_is_an_accusation_and_testing_a_missile_a_show_of_force() -> None:
    assert told(events("Қытай Жапонияның әскери бюджетін ұлғайту шешімін сынады.")) == [
        ("ACCUSE", ["CHN"], ["JPN"], "asserted")]
    assert told(events("КХДР жаңа баллистикалық зымыранды сынады.")) == [("MOBILIZE", ["PRK"], [], "asserted")]


def test_a_warning_of_retaliation_by_an_official_is_aimed_at_the_attacker_not_his_state() -> None:
    # The article itself names the office: Qatar is the warner's side, Israel the one warned.
    found = events("Израиль әскері Катар астанасы Дохада ғимаратқа әуе соққысын жасады. Катар Премьер-министрі "
                   "шейх Мұхаммед бин Әбдірахман Әл Тани соққыны «мемлекеттік терроризм» деп атады. Ол Катар бұл "
                   "бейбастақ әрекетке жауап беру құқығын өзінде қалдыратынын ескертті.")
    threat = [(e.source, e.target) for e in found if e.type == "THREATEN"]
    assert threat == [(["person:muhammed-bin-abdirahman-al-tani"], ["ISR"])]


def test_a_quote_in_the_first_person_is_the_speakers_own_act() -> None:
    found = events("«Біз Украинаға қару жеткізуді жалғастырамыз», – деп мәлімдеді Германия канцлері Фридрих Мерц.")
    assert [(e.type, e.source, e.target) for e in found] == [("SUPPLY", ["DEU", "person:friedrich-merz"], ["UKR"])]


def test_saying_we_are_ready_to_cooperate_offers_it() -> None:
    found = events("«Біз Қазақстанмен ынтымақтастықты кеңейтуге дайынбыз», – деді Си Цзиньпин.")
    assert told(found) == [("COOPERATE", ["CHN", "KAZ", "Q15031"], ["CHN", "KAZ", "Q15031"], "planned"),
                           ("OFFER", ["CHN", "Q15031"], ["KAZ"], "asserted")]


def test_ready_made_goods_offer_nothing() -> None:
    assert told(events("Ресей дайын өнім экспортын арттырды.")) == []


def test_the_one_asked_in_the_ablative_is_to_act() -> None:
    assert told(events("Иран АҚШ-тан санкцияларды алып тастауды талап етті.")) == [
        ("REQUEST", ["IRN"], ["USA"], "asserted"), ("RETREAT", ["USA"], ["IRN"], "planned")]
    assert told(events("ЕО Ресейден Украинадан әскерін шығаруды талап етті.")) == [
        ("REQUEST", ["Q458"], ["RUS"], "asserted"), ("RETREAT", ["RUS"], ["UKR"], "planned")]


def test_a_strike_its_doer_announces_is_a_threat() -> None:
    assert told(events("Иран Израильге соққы беретінін мәлімдеді.")) == [
        ("ASSAULT", ["IRN"], ["ISR"], "planned"), ("THREATEN", ["IRN"], ["ISR"], "asserted")]


def test_praise_thanks_and_recognition_are_support() -> None:
    assert told(events("Тоқаев Қытайдың жаһандық бастамаларын жоғары бағалады.")) == [
        ("SUPPORT", ["KAZ", "person:kassym-jomart-tokayev"], ["CHN"], "asserted")]
    assert told(events("Қазақстан Ресейді маңызды стратегиялық серіктес деп санайды.")) == [
        ("SUPPORT", ["KAZ"], ["RUS"], "asserted")]
    assert told(events("Франция Палестина мемлекетін ресми түрде мойындады.")) == [
        ("SUPPORT", ["FRA"], ["PSE"], "asserted")]
    assert told(events("Қазақстан Косово мемлекетін танымайды.")) == [("REJECT", ["KAZ"], ["XKX"], "asserted")]


def test_conveyed_thanks_are_no_delivery() -> None:
    assert told(events("Путин Тоқаевқа қолдауы үшін алғысын жеткізді.")) == [
        ("SUPPORT", ["Q7747", "RUS"], ["KAZ", "person:kassym-jomart-tokayev"], "asserted")]


def test_a_capitalised_name_after_a_name_is_not_its_possession() -> None:
    # "Сары теңізге" (into the Yellow Sea) is a place, not North Korea's possession: North Korea launches.
    found = events("Оңтүстік Корея әскері Солтүстік Корея Сары теңізге зымыран ұшырғанын хабарлады.")
    assert [(e.type, e.source, e.target, e.reported_by) for e in found] == [
        ("MOBILIZE", ["PRK"], [], ["org:rok-armed-forces"])]


def test_a_prisoner_exchange_is_not_negated_by_the_stem_alma() -> None:
    assert told(events("Ресей мен Украина 300 тұтқынмен алмасты.")) == [
        ("RETREAT", ["RUS", "UKR"], ["RUS", "UKR"], "asserted")]
    assert told(events("Ресей мен Украина тұтқын алмаспады.")) == [
        ("RETREAT", ["RUS", "UKR"], ["RUS", "UKR"], "negated")]


def test_where_a_truce_is_agreed_is_no_side_of_it() -> None:
    assert told(events("Пәкістан мен Ауғанстан Дохада атысты тоқтатуға келісті.")) == [
        ("AGREE", ["AFG", "PAK"], ["AFG", "PAK"], "asserted"), ("RETREAT", ["AFG", "PAK"], ["AFG", "PAK"], "planned")]


def test_an_adjective_after_a_name_is_no_possession_of_it() -> None:
    # "пайдалы" (useful) looks possessed to the analyser; the United States signs with Ukraine.
    assert told(events("Украина мен АҚШ пайдалы қазбалар туралы келісімге қол қойды.")) == [
        ("AGREE", ["UKR", "USA"], ["UKR", "USA"], "asserted")]


def test_summoning_an_ambassador_accuses_the_ambassadors_state() -> None:
    assert told(events("Германия Ресей елшісін СІМ-ге шақырды.")) == [("ACCUSE", ["DEU"], ["RUS"], "asserted")]


def test_a_meeting_that_sets_the_scene_takes_no_names_after_it() -> None:
    # "at a meeting with journalists": Russia and Ukraine are the sides of the war, not of the meeting.
    found = events("Тоқаев журналистермен кездесуде Ресей мен Украина арасындағы соғыс туралы айтты.")
    assert [(e.type, e.source, e.target) for e in found] == [("ASSAULT", ["RUS"], ["UKR"])]
    found = events("Тоқаевтың Мәскеуге сапары кезінде екі ел 10 келісімге қол қойды.")
    assert told(found) == [("AGREE", ["KAZ", "RUS"], ["KAZ", "RUS"], "asserted"),
                           ("VISIT", ["KAZ", "person:kassym-jomart-tokayev"], ["RUS"], "asserted")]


def test_peace_talks_are_negotiations_and_blocking_a_decision_a_rejection() -> None:
    assert told(events("Ресей мен Украина Ыстанбұлда бейбіт келіссөздер жүргізді.")) == [
        ("NEGOTIATE", ["RUS", "UKR"], ["RUS", "UKR"], "asserted")]
    found = events("Венгрия Украинаға әскери көмек беру туралы шешімді бұғаттады.")
    assert [(e.type, e.source, e.target) for e in found if e.type == "REJECT"] == [("REJECT", ["HUN"], ["UKR"])]


def test_a_violation_the_outlet_tells_is_no_ones_accusation() -> None:
    # The subject is the violator, never the accuser; a speaker makes it an accusation.
    assert told(events("Ресей ұшқышсыз ұшақтары Польша әуе кеңістігін бұзды.")) == []
    assert told(events("Киев Мәскеу бітімді бұзды деп мәлімдеді.")) == [("ACCUSE", ["UKR"], ["RUS"], "asserted")]


def test_an_attack_the_clause_follows_is_an_act_of_its_own() -> None:
    # "after Iran's attack on Israel, the US struck Iran": two attacks, each with its own sides.
    assert told(events("Иранның Израильге жасаған шабуылынан кейін АҚШ Иранға соққы берді.")) == [
        ("ASSAULT", ["IRN"], ["ISR"], "asserted"), ("ASSAULT", ["USA"], ["IRN"], "asserted")]
    found = events("Тоқаев Мәскеуге сапары кезінде Путинмен кездесті.")
    assert [e.type for e in sorted(found, key=lambda e: e.type)] == ["MEET", "VISIT"]


def test_plural_bombs_are_a_thing_sent_and_stopping_deliveries_a_sanction() -> None:
    assert told(events("АҚШ Израильге 2000 фунттық бомбалар жіберуді тоқтатты.")) == [
        ("SANCTION", ["USA"], ["ISR"], "asserted")]
    assert told(events("Ресей ұшақтары Алеппоны бомбалады.")) == [("ASSAULT", ["RUS"], ["place:aleppo"], "asserted")]
    assert told(events("Қытай АҚШ-тан Тайваньға қару сатуды тоқтатуды талап етті.")) == [
        ("REQUEST", ["CHN"], ["USA"], "asserted"), ("SANCTION", ["USA"], ["TWN"], "planned")]


def test_a_negator_inside_the_phrase_negates_it() -> None:
    found = events("Лавров Ресей АҚШ-пен келіссөздер жүргізуге дайын емес екенін айтты.")
    assert [(e.type, e.mode) for e in found if e.type == "OFFER"] == [("OFFER", "negated")]


def test_calling_on_someone_to_speed_up_deliveries_is_a_request() -> None:
    # "жеделдетуге" (to speed up) is a verbal noun the analyser reads as a noun: a call, not an invitation.
    found = events("Зеленский Еуропаны Украинаға әуе қорғанысы жүйелерін жеткізуді жеделдетуге шақырды.")
    assert [e.type for e in found if e.type in ("OFFER", "REQUEST")] == ["REQUEST"]


def test_a_truce_two_sides_are_called_to_binds_them_to_each_other() -> None:
    assert told(events("Гутерриш Израиль мен ХАМАС-ты атысты тоқтатуға үндеді.")) == [
        ("REQUEST", ["person:antonio-guterres"], ["ISR", "org:hamas"], "asserted"),
        ("RETREAT", ["ISR", "org:hamas"], ["ISR", "org:hamas"], "planned")]


def test_a_promised_loan_is_offered_and_planned() -> None:
    assert told(events("Қытай Пәкістанға 2 миллиард доллар несие беруге уәде берді.")) == [
        ("OFFER", ["CHN"], ["PAK"], "asserted"), ("SUPPLY", ["CHN"], ["PAK"], "planned")]


def test_a_visit_proposed_to_another_is_only_hoped_for() -> None:
    found = events("Тоқаев Мирзиёевке Астанаға ресми сапармен келуді ұсынды.")
    assert [e.type for e in found] == ["OFFER"]
    assert told(events("Путин Астанаға ресми сапармен келеді.")) == [("VISIT", ["Q7747", "RUS"], ["KAZ"], "planned")]


def test_stopping_diplomatic_ties_and_declaring_persona_non_grata_are_sanctions() -> None:
    assert told(events("Эквадор Мексикамен дипломатиялық байланысты тоқтатты.")) == [
        ("SANCTION", ["ECU"], ["MEX"], "asserted")]
    assert [(e.type, e.source, e.target) for e in events("Литва Ресей елшісін «persona non grata» деп жариялады.")] == [
        ("SANCTION", ["LTU"], ["RUS"])]


def test_not_ruling_out_a_possibility_denies_nothing() -> None:
    assert [e.type for e in events("Песков Путин мен Трамптың кездесу мүмкіндігін жоққа шығармады.")
            if e.type == "DENY"] == []


def test_a_launch_towards_a_sea_is_aimed_at_no_one() -> None:
    assert told(events("Солтүстік Корея Жапония теңізіне қарай баллистикалық зымыран ұшырды.")) == [
        ("MOBILIZE", ["PRK"], [], "asserted")]


def test_a_condemned_launch_is_its_launchers_and_a_known_fact() -> None:
    assert told(events("Сеул Пхеньянның зымыран ұшыруын қатаң айыптады.")) == [
        ("ACCUSE", ["KOR"], ["PRK"], "asserted"), ("MOBILIZE", ["PRK"], [], "asserted")]
