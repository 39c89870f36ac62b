"""Definite descriptions resolved to earlier actors of the document (our own dev sentences)."""

from __future__ import annotations

import pytest

from graphbuild.model import Document
from graphbuild.pipeline import extract_text, process_document


def _events(text: str, lang: str) -> set[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    return {(e["type"], tuple(e["source"]), tuple(e["target"])) for e in extract_text(text, lang)}


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("en", "NATO foreign ministers gathered in Brussels on Monday. The alliance accused Russia of "
           "violating the treaty.", ("ACCUSE", ("Q7184",), ("RUS",))),
    ("en", "The European Union discussed Iran's nuclear programme. The bloc imposed sanctions on Tehran.",
     ("SANCTION", ("Q458",), ("IRN",))),
    ("ru", "В Брюсселе прошла встреча министров НАТО. Альянс обвинил Россию в нарушении договора.",
     ("ACCUSE", ("Q7184",), ("RUS",))),
    ("ru", "Евросоюз обсудил ядерную программу Ирана. Блок ввёл санкции против Тегерана.",
     ("SANCTION", ("Q458",), ("IRN",))),
    ("kk", "НАТО Брюссельде кеңес өткізді. Альянс Ресейді сынға алды.", ("ACCUSE", ("Q7184",), ("RUS",))),
    ("kk", "Еуропалық одақ Иранның ядролық бағдарламасын талқылады. Блок Иранға санкция салды.",
     ("SANCTION", ("Q458",), ("IRN",))),
])
def test_description_takes_the_earlier_actor(lang: str, text: str, expected: tuple) -> None:
    assert expected in _events(text, lang)


@pytest.mark.parametrize(("lang", "text"), [
    # The only earlier organisation is no alliance: the description stays unresolved.
    ("en", "The United Nations discussed the war on Monday. The alliance accused Russia of aggression."),
    ("ru", "ООН обсудила ситуацию. Альянс обвинил Россию в агрессии."),
])
def test_description_needs_a_fitting_antecedent(lang: str, text: str) -> None:
    assert not any(e[0] == "ACCUSE" and "Q1065" in e[1] for e in _events(text, lang))


@pytest.mark.parametrize(("lang", "text"), [
    # A numeral before the noun names several countries, not the one just mentioned.
    ("ru", "Китай выступил с заявлением. Две страны обвинили Японию в провокациях."),
    ("kk", "Қытай мәлімдеме жасады. Екі ел Жапонияны арандатушылық жасады деп айыптады."),
    # "of" after the noun opens a new name.
    ("en", "China issued a statement. The ministry of defence of Japan accused Beijing of provocations."),
])
def test_quantified_or_described_nouns_stay_unresolved(lang: str, text: str) -> None:
    assert not any("CHN" in e[1] and e[0] == "ACCUSE" for e in _events(text, lang))


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Karabakh separatists shelled Azerbaijani positions overnight."),
    ("ru", "Сепаратисты Карабаха обстреляли позиции Азербайджана."),
    ("kk", "Қарабақ сепаратистері Әзербайжан позицияларын атқылады."),
])
def test_region_scoped_collective_is_a_group(lang: str, text: str) -> None:
    assert any(e[0] == "ASSAULT" and e[1] == ("group:separatists-aze",) for e in _events(text, lang))


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Protesters blocked the road to the parliament and clashed with police."),
    ("ru", "Демонстранты напали на полицию у здания парламента."),
])
def test_unscoped_collective_makes_no_actor(lang: str, text: str) -> None:
    assert not any(a.startswith("group:") for e in _events(text, lang) for a in e[1] + e[2])


def test_group_actor_enters_the_graph() -> None:
    text = "Karabakh separatists shelled Azerbaijani positions overnight."
    graph = process_document(Document(id="doc-sep", source="<text>", lang="en", text=text)).graph
    actor = graph.actors["group:separatists-aze"]
    assert actor.kind == "Group" and "doc-sep" in actor.documents


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("en", "Saudi Arabia hosted the talks in Jeddah. The kingdom also pledged aid to Sudan.",
     ("OFFER", ("SAU",), ("SDN",))),
    ("en", "Hamas released a statement on Sunday. The group accused Israel of violating the truce.",
     ("ACCUSE", ("org:hamas",), ("ISR",))),
    ("ru", "Саудовская Аравия приняла переговоры в Джидде. Королевство пообещало помощь Судану.",
     ("OFFER", ("SAU",), ("SDN",))),
    ("ru", "ХАМАС распространил заявление. Группировка обвинила Израиль в нарушении перемирия.",
     ("ACCUSE", ("org:hamas",), ("ISR",))),
    ("kk", "ХАМАС мәлімдеме таратты. Топ Израильді бітімді бұзды деп айыптады.",
     ("ACCUSE", ("org:hamas",), ("ISR",))),
])
def test_kingdom_and_group_descriptions(lang: str, text: str, expected: tuple) -> None:
    assert expected in _events(text, lang)


def test_two_leaders_are_the_parties_of_the_meeting() -> None:
    text = "Xi Jinping met Vladimir Putin in Moscow. The two leaders signed an agreement on energy."
    assert any(e[0] == "AGREE" and set(e[1]) == {"Q15031", "Q7747", "CHN", "RUS"} for e in _events(text, "en"))


def test_head_of_state_is_no_country_description() -> None:
    # "Ел басшысы" is the president, so "ел" here refers to no actor of its own.
    text = "Қазақстан Қытаймен келіссөз жүргізді. Ел басшысы Ресейді сынға алды."
    assert not any(e[0] == "ACCUSE" and e[1] == ("CHN",) for e in _events(text, "kk"))


@pytest.mark.parametrize(("lang", "text"), [
    # Plural or owned by the name after it: several countries, not the one named before.
    ("ru", "Китай провёл учения. Страны ЕС обвинили Японию в провокациях."),
    ("ru", "Китай провёл учения. Страны «Большой семёрки» обвинили Японию в провокациях."),
    ("kk", "Қытай мәлімдеме жасады. Елдер Жапонияны арандатушылық жасады деп айыптады."),
])
def test_plural_or_owned_nouns_stay_unresolved(lang: str, text: str) -> None:
    assert not any("CHN" in e[1] and e[0] == "ACCUSE" for e in _events(text, lang))


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Iran tested a new missile on Monday. The country accused Israel of provocations."),
    ("ru", "Иран испытал новую ракету. Эта страна обвинила Израиль в провокациях."),
    ("kk", "Иран жаңа зымыранды сынады. Ел Израильді қауіпсіздікті бұзды деп айыптады."),
])
def test_the_country_is_the_latest_country(lang: str, text: str) -> None:
    assert ("ACCUSE", ("IRN",), ("ISR",)) in _events(text, lang)
