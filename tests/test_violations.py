"""What a violation accuses, in both event stages: the accused is the doer of the violating act, never
the law, resolution or body it violates (docs/event-types.md, ACCUSE), and an act with no doer makes no
event unless another act is about it.  Each case lists every event the sentence gives (our own text)."""

from __future__ import annotations

import pytest
from test_events import events

from graphbuild.entities.kb import KnowledgeBase
from graphbuild.events.sides import within_one_state
from graphbuild.language.base import Sentence, Token
from graphbuild.language.tree import Tree

WH = "org:white-house"

CASES = [
    # a naming verb's violation label: the resolution's body is no side
    ("en", "The White House called the sale a violation of the UN Security Council's resolutions.",
     [("ACCUSE", ["USA", WH], [])]),
    ("ru", "Представитель Белого дома назвал продажу снарядов России нарушением резолюций Совета Безопасности ООН.",
     [("ACCUSE", ["USA", WH], [])]),
    # the violation under an accusation is what it accuses of: one event
    ("en", "Kyiv accused Russia of violating the UN Security Council's resolutions.", [("ACCUSE", ["UKR"], ["RUS"])]),
    # a violation said by someone: the speaker accuses the violator
    ("en", "Russia violated the ceasefire, Kyiv said.", [("ACCUSE", ["UKR"], ["RUS"])]),
    ("ru", "Киев заявил, что Россия нарушила перемирие.", [("ACCUSE", ["UKR"], ["RUS"])]),
    # Kazakh: the genitive owning the word after it owns the resolution; the violation's own genitive
    # subject is the accused
    ("kk", "Ақ үй Ресейге оқ-дәрілерді сату БҰҰ Қауіпсіздік кеңесінің қарарын бұзу деп мәлімдеді.",
     [("ACCUSE", ["USA", WH], [])]),
    ("kk", "Украина Ресейдің атысты тоқтату туралы келісімді бұзғанын айтты.", [("ACCUSE", ["UKR"], ["RUS"])]),
    # no doer, nothing about it: no event
    ("en", "Shells were sold to Russia last year.", []),
]


@pytest.mark.parametrize(("lang", "text", "expected"), CASES, ids=[c[1][:50] for c in CASES])
def test_every_event_of_the_sentence(lang: str, text: str, expected: list[tuple[str, list[str], list[str]]]) -> None:
    found = sorted((e.type, sorted(e.source), sorted(e.target)) for e in events(lang, text))
    assert found == sorted((t, sorted(s), sorted(g)) for t, s, g in expected)


def _parsed(rows: list[tuple[str, int, str]]) -> Tree:
    tokens, at = [], 0
    for text, head, rel in rows:
        tokens.append(Token(text, at, at + len(text), text, "PROPN", head=head, deprel=rel))
        at += len(text) + 1
    return Tree(Sentence(" ".join(t.text for t in tokens), 0, at, tokens))


def test_a_name_split_over_two_roles_is_held_by_the_word_heading_more_of_it() -> None:
    # "БҰҰ/nsubj Қауіпсіздік/nmod:poss кеңесінің/nmod:poss қарарын бұзу": the parser hung the first word
    # of the name on the verb; the word that heads the rest of the name carries its role
    tree = _parsed([("БҰҰ", 4, "nsubj"), ("Қауіпсіздік", 2, "nmod:poss"), ("кеңесінің", 3, "nmod:poss"),
                    ("қарарын", 4, "obj"), ("бұзу", -1, "root")])
    assert tree.span_head(0, 3) == 2


# An act aimed at no one named relates no one: no event, unless its type may be one-sided (a show of
# force, a withdrawal, a denial of a claim whose maker is not named) or another act is about it.
ONE_SIDED = [
    ("en", "Georgia rejected the plan.", []),
    ("en", "North Korea fired a ballistic missile.", [("MOBILIZE", ["PRK"], [])]),
    ("en", "Iran denied the reports.", [("DENY", ["IRN"], [])]),
    # a proposal turned down was made to the one refusing it; the receiver of support is its target
    ("ru", "ХАМАС отверг предложение Израиля о перемирии.",
     [("REJECT", ["org:hamas"], ["ISR"]), ("OFFER", ["ISR"], ["org:hamas"])]),
    ("ru", "Сербия заручилась поддержкой России и Китая.", [("SUPPORT", ["CHN", "RUS"], ["SRB"])]),
    # an exchange of fire binds each side to the other
    ("kk", "Әзербайжан мен Армения әскерлері шекарада атысып қалды.", [("ASSAULT", ["ARM", "AZE"], ["ARM", "AZE"])]),
]


@pytest.mark.parametrize(("lang", "text", "expected"), ONE_SIDED, ids=[c[1][:50] for c in ONE_SIDED])
def test_an_act_relates_someone(lang: str, text: str, expected: list[tuple[str, list[str], list[str]]]) -> None:
    test_every_event_of_the_sentence(lang, text, expected)


@pytest.mark.parametrize(("source", "target", "alone"), [
    (["person:kassym-jomart-tokayev"], ["KAZ"], True),  # a president and his own state
    (["UKR", "person:volodymyr-zelenskyy"], ["UKR", "person:volodymyr-zelenskyy"], True),
    (["person:kassym-jomart-tokayev"], ["place:kharkiv"], False),  # a place is a side of its own
    (["RUS"], ["UKR"], False),
    (["Q458"], ["RUS"], False),  # the EU is no state's
])
def test_sides_within_one_state_relate_no_one(source: list[str], target: list[str], alone: bool) -> None:
    assert within_one_state(source, target, KnowledgeBase.load(), "2024-05-01") is alone
