"""Whom a speaker speaks for (graphbuild/events/coref/offices.py), the one rule both event stages ask:
on the real knowledge base, and through the Kazakh pattern stage and the Russian tree passes."""

from __future__ import annotations

from test_events import events

from graphbuild.entities.kb import KnowledgeBase
from graphbuild.events.coref.offices import offices_of, speaking_for
from graphbuild.model import Role


def test_a_holder_of_the_doers_office_speaks_for_it() -> None:
    kb = KnowledgeBase.load()
    # Lavrov is Russia's foreign minister in 2024 (the KB's term): his "Russia rejects" is Russia's act and his.
    assert speaking_for(["person:sergey-lavrov"], ["RUS"], [], kb, "2024-06-01") == ["person:sergey-lavrov"]
    # Not for another state, and never when a doer is a person.
    assert speaking_for(["person:sergey-lavrov"], ["TUR"], [], kb, "2024-06-01") == []
    assert speaking_for(["person:sergey-lavrov"], ["RUS", "person:vladimir-putin"], [], kb, "2024-06-01") == []


def test_the_articles_office_comes_before_the_knowledge_base() -> None:
    kb = KnowledgeBase.load()
    # A person the KB does not know, given an office of Kazakhstan's foreign ministry by the article.
    roles = [Role(id="r1", person="person:aibek-test", role="spokesperson", of="KAZ")]
    assert offices_of("person:aibek-test", roles, kb, "2024-06-01") == ["KAZ"]
    assert speaking_for(["person:aibek-test"], ["KAZ"], roles, kb, "2024-06-01") == ["person:aibek-test"]
    assert speaking_for(["person:aibek-test"], ["UZB"], roles, kb, "2024-06-01") == []


def test_kazakh_statement_of_a_minister_the_kb_knows_is_his_states_act_and_his() -> None:
    # No title in the text: the KB's term makes Lavrov speak for Russia, in the pattern stage as in the tree passes.
    found = [(e.type, sorted(e.source), sorted(e.target), e.reported_by)
             for e in events("kk", "Сергей Лавров Ресей Еуроодақтың талаптарын қабылдамайтынын мәлімдеді.",
                             "2024-06-01")]
    assert found == [("REJECT", ["RUS", "person:sergey-lavrov"], ["Q458"], [])]


def test_a_secretary_general_speaks_for_his_alliance() -> None:
    found = [(e.type, sorted(e.source), sorted(e.target), e.reported_by)
             for e in events("kk", "Йенс Столтенберг НАТО Ресейдің талаптарын қабылдамайтынын мәлімдеді.",
                             "2022-06-01")]
    assert found == [("REJECT", ["Q7184", "person:jens-stoltenberg"], ["RUS"], [])]


def _told(lang: str, text: str, published: str) -> list[tuple[str, list[str], list[str]]]:
    return sorted((e.type, sorted(e.source), sorted(e.target)) for e in events(lang, text, published))


def test_kazakh_act_with_a_dropped_subject_is_the_earlier_persons() -> None:
    # The second verb has no subject: the coreference pass's dropped subject (the person who came) meets.
    xi = ["CHN", "KAZ", "Q15031", "person:kassym-jomart-tokayev"]
    assert _told("kk", "Си Цзиньпин Астанаға келді. Ертеңінде Тоқаевпен келіссөз жүргізді.", "2024-06-01") == [
        ("MEET", xi, xi), ("VISIT", ["CHN", "Q15031"], ["KAZ"])]
    assert _told("kk", "Ердоған Анкарада сөз сөйледі. Кейін Израильді Газадағы шабуылдары үшін айыптады.",
                 "2024-06-01") == [("ACCUSE", ["TUR", "person:recep-tayyip-erdogan"], ["ISR"]),
                                   ("ASSAULT", ["ISR"], ["place:gaza"])]
