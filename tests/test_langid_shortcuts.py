"""Language identification's shortcuts: letters and function words decide clear texts without lingua,
and every answer is the one lingua gives."""

from __future__ import annotations

from pathlib import Path

import pytest

from graphbuild.ingest import langid

DATA = Path(__file__).resolve().parent / "data" / "ingest"


def _sentences() -> list[str]:
    rows = (DATA / "langid_sentences.tsv").read_text(encoding="utf-8").splitlines()
    return [line.split("\t")[1] for line in rows if line and not line.startswith("#")]


@pytest.mark.parametrize("sentence", _sentences())
def test_shortcuts_answer_as_lingua(sentence: str) -> None:
    assert langid.detect_language(sentence) == langid.detect_language(sentence, shortcuts=False)


def test_mixed_document_answers_as_lingua() -> None:
    text = (DATA / "mixed_kk_ru.txt").read_text(encoding="utf-8")
    assert langid.analyse_languages(text) == langid.analyse_languages(text, shortcuts=False)


def test_clear_english_and_russian_skip_lingua(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[frozenset[str]] = []
    inner = langid._accurate_ranking
    monkeypatch.setattr(langid, "_accurate_ranking", lambda text, codes: calls.append(codes) or inner(text, codes))
    assert langid.detect_language("The ministry said that the talks with Kazakhstan had been postponed.") == "en"
    assert langid.detect_language("Министр заявил, что переговоры с Казахстаном также были отложены.") == "ru"
    assert calls == []
    # German has no English function words: lingua decides, as before.
    assert langid.detect_language("Die Regierung hat die Gespräche mit Kasachstan verschoben, sagte der Minister.") \
        == "de"
    assert calls


@pytest.mark.parametrize("name", ["kk_xi_astana.txt", "ru_un_veto.txt"])
def test_a_short_line_takes_the_language_the_rest_of_its_article_was_read_in(
        name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # Each article has one short line whose letters fit several languages (a dateline, a caption):
    # lingua's accurate models would load for it alone; the article's other paragraphs decide it.
    text = (Path(__file__).resolve().parents[1] / "examples" / name).read_text(encoding="utf-8")
    asked = langid.analyse_languages(text, shortcuts=False)
    calls: list[frozenset[str]] = []
    inner = langid._accurate_ranking
    monkeypatch.setattr(langid, "_accurate_ranking", lambda text, codes: calls.append(codes) or inner(text, codes))
    assert langid.analyse_languages(text) == asked
    assert calls == []
