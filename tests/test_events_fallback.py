"""The nearest-actor fallback for events whose rules found a source but no target."""

from __future__ import annotations

from graphbuild.pipeline import extract_text


def test_guessed_target_is_the_nearest_remaining_actor_with_lower_confidence() -> None:
    events = extract_text("Japan tightened export controls on semiconductor materials, a step that angered "
                          "South Korea.", "en", "2019-07-04")
    sanction = next(e for e in events if e["type"] == "SANCTION")
    assert sanction["source"] == ["JPN"] and sanction["target"] == ["KOR"]
    assert sanction["confidence"] < 0.8


def test_no_guess_for_a_denial_without_an_accuser() -> None:
    events = extract_text("North Korea denied the reports about arms deliveries to Russia.", "en", "2023-09-01")
    denial = next(e for e in events if e["type"] == "DENY")
    assert denial["target"] == []  # Russia is in the denied claim, not the one who accused
    supply = next(e for e in events if e["type"] == "SUPPLY")
    assert supply["mode"] == "denied" and denial["about"] == supply["id"]
