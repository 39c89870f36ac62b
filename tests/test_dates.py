"""Dates resolved against the publication date, with their precision, in kk, ru and en."""

from __future__ import annotations

import pytest

from graphbuild.events.dates import resolve_date
from graphbuild.language import get_analyzer

PUBLISHED = "2023-09-14"  # a Thursday


@pytest.mark.parametrize(("lang", "text", "expected"), [
    # absolute days
    ("kk", "2023 жылғы 13 қыркүйекте Путин Ким Чен Ынмен кездесті.", ("2023-09-13", "day")),
    ("ru", "13 сентября 2023 года Путин встретился с Ким Чен Ыном.", ("2023-09-13", "day")),
    ("en", "On September 13, 2023, Putin met Kim Jong Un.", ("2023-09-13", "day")),
    ("en", "Putin met Kim Jong Un on 13 September 2023.", ("2023-09-13", "day")),
    ("ru", "Документ подписан 05.03.2021.", ("2021-03-05", "day")),
    # a day and month without a year: the latest one not after publication
    ("ru", "Встреча прошла 20 сентября.", ("2022-09-20", "day")),
    ("en", "The meeting took place on September 10.", ("2023-09-10", "day")),
    # months
    ("kk", "Шойгу шілде айында Пхеньянға барды.", ("2023-07", "month")),
    ("kk", "Шойгу шілдеде Пхеньянға барды.", ("2023-07", "month")),
    ("ru", "Шойгу посетил Пхеньян в июле.", ("2023-07", "month")),
    ("en", "Shoigu visited Pyongyang in July.", ("2023-07", "month")),
    ("en", "The talks began in October.", ("2022-10", "month")),  # October 2023 is still ahead
    ("ru", "В мае 2021 г. стороны договорились.", ("2021-05", "month")),
    ("en", "They agreed in May 2021.", ("2021-05", "month")),
    # years
    ("kk", "Солтүстік Корея 2022 жылы зымыран сынағын өткізді.", ("2022", "year")),
    ("ru", "КНДР провела испытание в 2022 году.", ("2022", "year")),
    ("en", "North Korea tested a missile in 2022.", ("2022", "year")),
    # relative
    ("kk", "Путин кеше Пекинге барды.", ("2023-09-13", "day")),
    ("kk", "Путин бүгін Пекинге барды.", ("2023-09-14", "day")),
    ("ru", "Путин вчера посетил Пекин.", ("2023-09-13", "day")),
    ("en", "Putin visited Beijing yesterday.", ("2023-09-13", "day")),
    ("kk", "Путин өткен аптада Пекинге барды.", ("2023-09", "month")),
    ("ru", "Путин посетил Пекин на прошлой неделе.", ("2023-09", "month")),
    ("en", "Putin visited Beijing last week.", ("2023-09", "month")),
    ("en", "Putin visited Beijing last month.", ("2023-08", "month")),
    ("ru", "Путин посетил Пекин в прошлом году.", ("2022", "year")),
    ("kk", "Путин былтыр Пекинге барды.", ("2022", "year")),
    ("en", "Putin visited Beijing on Monday.", ("2023-09-11", "day")),
    ("ru", "Путин посетил Пекин в понедельник.", ("2023-09-11", "day")),
    ("kk", "Путин дүйсенбіде Пекинге барды.", ("2023-09-11", "day")),
])
def test_resolve_date(lang: str, text: str, expected: tuple[str, str]) -> None:
    assert resolve_date(text, lang, PUBLISHED) == expected


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "He may visit Beijing."),  # the modal, not the month
    ("kk", "Путин Қазан қаласына барды."),  # Kazan the city, not October
    ("ru", "Путин посетил Пекин."),
    ("en", "The 1000 soldiers left."),
])
def test_no_date(lang: str, text: str) -> None:
    assert resolve_date(text, lang, PUBLISHED) == (None, None)


def test_relative_dates_need_a_publication_date() -> None:
    assert resolve_date("Putin visited Beijing yesterday.", "en", None) == (None, None)
    assert resolve_date("Putin visited Beijing in 2022.", "en", None) == ("2022", "year")
    assert resolve_date("Putin visited Beijing on September 13, 2023.", "en", None) == ("2023-09-13", "day")


def test_accepts_sentences_and_tokens() -> None:
    sentence = get_analyzer("ru").analyze("Шойгу посетил Пхеньян в июле.")[0]
    assert resolve_date(sentence, "ru", PUBLISHED) == ("2023-07", "month")
    assert resolve_date(sentence.tokens, "ru", PUBLISHED) == ("2023-07", "month")


def test_publication_datetime_and_unknown_language() -> None:
    assert resolve_date("Putin visited Beijing yesterday.", "en", "2023-09-14T08:00:00Z") == ("2023-09-13", "day")
    assert resolve_date("Gestern", "de", PUBLISHED) == (None, None)
