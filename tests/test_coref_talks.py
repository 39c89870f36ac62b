"""Groups across sentences, through the whole tree event stage on sentences of our own: what the sides of
a meeting discussed is that meeting (graphbuild/events/passes/talks.py), and "they" after states named as
one subject is all of them (events/coref/groups.py)."""

from __future__ import annotations

from test_events import events


def _told(lang: str, text: str) -> list[tuple[str, list[str], str, int]]:
    return sorted((e.type, sorted(e.source), e.mode, len(e.evidence)) for e in events(lang, text, "2024-06-01"))


SIDES = ["CHN", "RUS", "person:sergey-lavrov", "person:wang-yi"]


def test_the_sides_discussion_after_a_meeting_is_that_meeting() -> None:
    # One MEET, told by both sentences; no NEGOTIATE of its own.
    assert _told("ru", "Во вторник Лавров встретился с Ван И в Пекине. Стороны обсудили ситуацию на Украине.") == [
        ("MEET", SIDES, "asserted", 2)]
    us = ["CHN", "USA", "person:antony-blinken", "person:wang-yi"]
    assert _told("en", "Blinken met Wang Yi in Beijing on Tuesday. The two sides discussed trade and tariffs.") == [
        ("MEET", us, "asserted", 2)]


def test_a_discussion_they_only_intend_stays_an_act_of_its_own() -> None:
    found = _told("ru", "Лавров встретился с Ван И в Пекине. Стороны договорились обсудить ситуацию на Украине "
                        "в октябре.")
    assert found == [("AGREE", SIDES, "asserted", 1), ("MEET", SIDES, "asserted", 1),
                     ("NEGOTIATE", SIDES, "planned", 1)]


def test_they_after_states_coordinated_as_one_subject_is_all_of_them() -> None:
    # "they" stands for the three states the sentence (or the one before) names as one subject: each acts.
    nordic = ["FIN", "NOR", "SWE"]
    said = events("en", "Finland, Sweden and Norway said on Monday that they had imposed sanctions on Belarus.",
                  "2024-06-01")
    assert [(e.type, sorted(e.source), e.target) for e in said] == [("SANCTION", nordic, ["BLR"])]
    met = events("en", "Finland, Sweden and Norway met in Oslo on Monday. They imposed sanctions on Belarus.",
                 "2024-06-01")
    assert sorted((e.type, sorted(e.source), sorted(e.target)) for e in met) == [
        ("MEET", nordic, nordic), ("SANCTION", nordic, ["BLR"])]
