"""bench/corpus.py: the generated articles are reproducible, distinct and in every language asked for."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))  # bench/ is not a package

import corpus


def test_same_seed_same_articles_other_seed_other_articles() -> None:
    first = list(corpus.articles(12, seed=3))
    assert first == list(corpus.articles(12, seed=3))
    assert [a.text for a in first] != [a.text for a in corpus.articles(12, seed=4)]


def test_articles_are_distinct_and_cover_the_languages() -> None:
    made = list(corpus.articles(90, seed=1))
    assert len({a.text for a in made}) == len(made) == 90
    assert {a.lang for a in made} == {"kk", "ru", "en"}
    assert len({a.name for a in made}) == 90
    assert all(a.text.count("\n\n") >= 1 for a in made)  # several paragraphs, not one sentence


def test_generated_documents_are_identified_in_their_language(tmp_path: Path) -> None:
    docs = list(corpus.documents(6, seed=2))
    assert [d.lang for d in docs] == ["kk", "ru", "en"] * 2
    assert corpus.write(tmp_path, corpus.articles(4, seed=2), "jsonl") == 4
    assert len((tmp_path / "corpus.jsonl").read_text(encoding="utf-8").splitlines()) == 4
