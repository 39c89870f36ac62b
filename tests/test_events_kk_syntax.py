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
    found = events("Ресей Қазақстанның өңірлеріне газ жеткізетінін айтты.")
    assert told(found) == [("SUPPLY", ["RUS"], ["KAZ"], "planned")]


def test_the_two_countries_criticised_are_the_sides_of_the_latest_act() -> None:
    found = events("Армения мен Әзербайжан шекарада қақтығысты. Франция екі елді де бітімді бұзды деп сынады.")
    accuse = [(e.source, e.target) for e in found if e.type == "ACCUSE"]
    assert accuse == [(["FRA"], ["ARM", "AZE"])]


def test_the_sides_accusing_each_other_accuse_each_other() -> None:
    found = events("Армения мен Әзербайжан бітімге келді. Алайда тараптар бірін-бірі бітімді бұзды деп айыптады.")
    assert told(found) == [("ACCUSE", ["ARM", "AZE"], ["ARM", "AZE"], "asserted"),
                           ("AGREE", ["ARM", "AZE"], ["ARM", "AZE"], "asserted")]


def test_both_sides_accusing_the_opposing_side_accuse_each_other() -> None:
    found = events("Ресей де, Украина да қарсы тарапты бітімді бұзды деп айыптады.")
    assert told(found) == [("ACCUSE", ["RUS", "UKR"], ["RUS", "UKR"], "asserted")]


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
