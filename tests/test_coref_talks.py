"""What the sides of a meeting discussed is that meeting (graphbuild/events/passes/talks.py), through the
whole tree event stage on sentences of our own."""

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
