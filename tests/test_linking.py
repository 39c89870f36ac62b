"""Linking mentions to canonical actors through the whole pipeline of one document."""

from __future__ import annotations

from graphbuild.ids import document_id
from graphbuild.model import Document
from graphbuild.pipeline import process_document


def actors_of(text: str, lang: str, **meta: str) -> dict[str, str]:
    doc = Document(id=document_id(text), source="<test>", lang=lang, text=text, **meta)
    return {a.id: a.label for a in process_document(doc).graph.actors.values()}


def test_dateline_month_and_outlet_are_not_actors() -> None:
    found = actors_of("WASHINGTON, Nov. 18 (Capitol Newswire) - The United States imposed new sanctions on Iran "
                      "on Friday, Capitol Newswire has learned.", "en", outlet="Capitol Newswire")
    assert {"USA", "IRN"} <= set(found)
    assert not any("nov" in i or "capitol" in i for i in found), found


def test_inflected_names_reach_their_canonical_actor() -> None:
    found = actors_of("Ресей қорғаныс министрі Сергей Шойгу Пхеньянға барып, Ким Чен Ынмен кездесті.", "kk")
    assert {"RUS", "PRK", "person:sergei-shoigu"} <= set(found)
    assert "Kim Jong Un" in found.values()
    assert not any(i.startswith("person:kim-chen") for i in found), found


def test_capital_acts_for_its_country_and_the_white_house_keeps_its_node() -> None:
    found = actors_of("Вашингтон и Москва обменялись заявлениями, а Белый дом пригрозил санкциями.", "ru")
    assert {"USA", "RUS", "org:white-house"} <= set(found)


def test_unknown_name_becomes_a_new_actor_with_latin_transliteration() -> None:
    text = "Посол Иван Петрович Сидоренко-Залужный встретился с президентом Казахстана."
    doc = Document(id=document_id(text), source="<test>", lang="ru", text=text)
    graph = process_document(doc).graph
    new = [a for a in graph.actors.values() if a.kind == "Person" and a.id.startswith("person:")
           and "Сидоренко" in " ".join(a.names.get("ru", []))]
    assert new, [a.id for a in graph.actors.values()]
    assert new[0].latin and new[0].latin.isascii() and "Sidorenko" in new[0].latin
