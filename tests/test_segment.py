"""Sentence splitting and tokenisation: spans index the original text exactly."""

from __future__ import annotations

import random

import pytest

from graphbuild.language.segment import split_sentences, tokenize

KK_TEXT = (
    "Ақ үйдің өкілі Джон Кирби «Ресей Пхеньянмен келіссөз жүргізіп жатыр» деді. "
    "Қару-жарақ, оқ-дәрі т.б. Келесі сөйлем 3,5 млн. доллар туралы.\n"
    "В. Путин 2023 ж. шілдеде келді... Сосын кетті!\n\nЖаңалықтар\nМәтін мұнда."
)
EN_TEXT = (
    "Mr. Smith met U.S. officials on Monday. Prices rose 2.5 percent. Don't panic! O'Brien's plan failed."
)


def _sentences(text: str, lang: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text, lang)]


def _tokens(text: str, lang: str | None = None) -> list[str]:
    return [text[s:e] for s, e in tokenize(text, 0, len(text), lang)]


def test_kazakh_sentences() -> None:
    assert _sentences(KK_TEXT, "kk") == [
        "Ақ үйдің өкілі Джон Кирби «Ресей Пхеньянмен келіссөз жүргізіп жатыр» деді.",
        "Қару-жарақ, оқ-дәрі т.б.",
        "Келесі сөйлем 3,5 млн. доллар туралы.",
        "В. Путин 2023 ж. шілдеде келді...",
        "Сосын кетті!",
        "Жаңалықтар",
        "Мәтін мұнда.",
    ]


def test_english_abbreviations_and_decimals() -> None:
    assert _sentences(EN_TEXT, "en") == [
        "Mr. Smith met U.S. officials on Monday.",
        "Prices rose 2.5 percent.",
        "Don't panic!",
        "O'Brien's plan failed.",
    ]


def test_quote_closing_a_sentence_stays_with_it() -> None:
    text = "Ол: «Біз келістік.» Сосын кетті."
    assert _sentences(text, "kk") == ["Ол: «Біз келістік.»", "Сосын кетті."]


def test_tokens_keep_hyphens_apostrophes_decimals_and_abbreviations() -> None:
    text = "АҚШ-тың 55-ші қару-жарақ т.с.с. 3,5 млн. U.S. Mr. В. Путин O'Brien’s «Кирби»."
    assert _tokens(text, "kk") == [
        "АҚШ-тың", "55-ші", "қару-жарақ", "т.с.с.", "3,5", "млн.", "U.S.", "Mr.", "В.", "Путин",
        "O'Brien’s", "«", "Кирби", "»", ".",
    ]


def test_dash_after_quoted_speech_continues_the_sentence() -> None:
    text = "Ол: «Бала бере гөр!» – деді. – Жоқ, – деді ол."
    assert _sentences(text, "kk") == ["Ол: «Бала бере гөр!» – деді.", "– Жоқ, – деді ол."]


def test_sentence_final_period_is_its_own_token() -> None:
    assert _tokens("Ресей келісті.") == ["Ресей", "келісті", "."]


@pytest.mark.parametrize("text,lang", [(KK_TEXT, "kk"), (EN_TEXT, "en"), ("  \n  Бір.  Екі?! Үш…  ", "kk")])
def test_offsets_round_trip(text: str, lang: str) -> None:
    sentences = split_sentences(text, lang)
    previous_end = 0
    for s, e in sentences:
        assert s >= previous_end and text[s:e] == text[s:e].strip() and text[s:e]
        # Nothing but whitespace is left out between sentences.
        assert text[previous_end:s].strip() == ""
        previous_end = e
        tokens = tokenize(text, s, e, lang)
        for ts, te in tokens:
            assert s <= ts < te <= e
        # Tokens cover every non-space character of the sentence, in order and without overlap.
        covered = "".join(text[ts:te] for ts, te in tokens)
        assert covered == "".join(text[s:e].split())
    assert text[previous_end:].strip() == ""


def test_empty_and_blank_text() -> None:
    assert split_sentences("", "kk") == []
    assert split_sentences(" \n\t ", "kk") == []
    assert tokenize("   ", 0, 3) == []


def test_random_text_never_loses_or_shifts_characters() -> None:
    rng = random.Random(7)
    alphabet = "абвгдежзийклмнопрстуфхцчшыэюяәғқңөұүһіАБҒҚӘ-'’.!?«» \n0123456789,:;()—–…abcXYZ"
    for _ in range(500):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 120)))
        previous_end = 0
        for s, e in split_sentences(text, "kk"):
            assert previous_end <= s < e <= len(text)
            assert text[previous_end:s].strip() == ""
            tokens = tokenize(text, s, e, "kk")
            assert "".join(text[a:b] for a, b in tokens) == "".join(text[s:e].split())
            previous_end = e
        assert text[previous_end:].strip() == ""


def test_a_final_abbreviation_before_a_name_word_does_not_end_the_sentence() -> None:
    text = ("Israel asked for a meeting of the U.N. Security Council. The U.S. Central Command agreed. "
            "He lives in the U.S. The president said so.")
    assert [text[a:b] for a, b in split_sentences(text, "en")] == [
        "Israel asked for a meeting of the U.N. Security Council.", "The U.S. Central Command agreed.",
        "He lives in the U.S.", "The president said so."]


@pytest.mark.parametrize(("text", "dateline"), [
    ("DOHA, Oct 19, 2025 - Pakistan and Afghanistan agreed.", "DOHA, Oct 19, 2025 -"),
    ("SAMARKAND, Uzbekistan, Sept 16, 2022 - Putin thanked Xi.", "SAMARKAND, Uzbekistan, Sept 16, 2022 -"),
    ("BRUSSELS/SEOUL, Oct 28 - NATO said so.", "BRUSSELS/SEOUL, Oct 28 -"),
    ("WASHINGTON (Reuters) - The U.S. said so.", "WASHINGTON (Reuters) -"),
    ("Lead.\nМОСКВА, 5 марта – Россия заявила.", "МОСКВА, 5 марта –"),
])
def test_a_wire_dateline_is_its_own_sentence(text: str, dateline: str) -> None:
    sentences = [text[a:b] for a, b in split_sentences(text, "en")]
    assert dateline in sentences
    following = sentences[sentences.index(dateline) + 1]
    assert text.endswith(following)


@pytest.mark.parametrize("text", ["NATO and the EU - a new era.", "The U.S. - not China - said so.",
                                  "US, EU - a test."])
def test_a_dash_inside_an_ordinary_sentence_is_no_dateline(text: str) -> None:
    assert [text[a:b] for a, b in split_sentences(text, "en")] == [text]
