"""The news-style name augmentation of the English parser's training data (augment.py)."""

from __future__ import annotations

import random
from pathlib import Path

from graphbuild.language.syntax.augment import Part, augment_names, lexicon, name_spans, phrase, replace_span
from graphbuild.language.syntax.conllu import UdSentence, read_ud

# GUM-style annotation of a made-up sentence: title nmod:desc, name parts flat, entity types in MISC.
ROWS = [
    ("President", "PROPN", 2, "nmod:desc", "Entity=(1-person-new"),
    ("Anna", "PROPN", 4, "nsubj", "_"),
    ("Berg", "PROPN", 2, "flat", "Entity=1)"),
    ("visited", "VERB", 0, "root", "_"),
    ("Norway", "PROPN", 4, "obj", "Entity=(2-place-new-2)"),
    ("with", "ADP", 8, "case", "_"),
    ("WTO", "PROPN", 8, "compound", "Entity=(3-organization-new-3)"),
    ("staff", "NOUN", 4, "obl", "_"),
    ("in", "ADP", 10, "case", "_"),
    ("Oslo", "PROPN", 8, "nmod", "Entity=(4-place-new-4)|SpaceAfter=No"),
    (".", "PUNCT", 4, "punct", "_"),
]


def _sentence(tmp_path: Path) -> UdSentence:
    lines = ["# sent_id = t-1", "# text = " + " ".join(r[0] for r in ROWS)]
    for i, (form, upos, head, deprel, misc) in enumerate(ROWS, 1):
        lines.append("\t".join([str(i), form, form, upos, "_", "_", str(head), deprel, "_", misc]))
    path = tmp_path / "t.conllu"
    path.write_text("\n".join(lines) + "\n\n", encoding="utf-8")
    [sent] = read_ud(path)
    return sent


def _valid_tree(sent: UdSentence) -> bool:
    n = len(sent.words)
    roots = [i for i, w in enumerate(sent.words) if w.head < 0]
    if len(roots) != 1 or any(not -1 <= w.head < n for w in sent.words):
        return False
    for i in range(n):  # every word reaches the root without a cycle
        seen, k = set(), i
        while k >= 0:
            if k in seen:
                return False
            seen.add(k)
            k = sent.words[k].head
    return True


def test_name_spans_take_the_kind_from_gum_entities(tmp_path: Path) -> None:
    sent = _sentence(tmp_path)
    # "WTO" is a compound of "staff": a part of a longer noun phrase, left alone.
    assert name_spans(sent) == [(0, 3, "person"), (4, 5, "place"), (9, 10, "place")]


def test_replace_span_keeps_the_tree_around_the_new_name(tmp_path: Path) -> None:
    sent = _sentence(tmp_path)
    parts = [Part("Kim", "PROPN", -1, ""), Part("Jong", "PROPN", 0, "flat"), Part("Un", "PROPN", 0, "flat")]
    new = replace_span(sent, 4, 5, parts)
    assert [w.form for w in new.words][3:8] == ["visited", "Kim", "Jong", "Un", "with"]
    assert (new.words[4].head, new.words[4].deprel) == (3, "obj")
    assert [w.head for w in new.words[5:7]] == [4, 4]
    assert new.words[9].head == 3 and new.words[11].head == 9  # "staff" -> visited, "Oslo" -> staff
    assert new.text.startswith("President Anna Berg visited Kim Jong Un with") and _valid_tree(new)


def test_person_phrases_have_gum_structure() -> None:
    rng = random.Random(3)
    for _ in range(200):
        parts = phrase("person", rng)
        heads = [i for i, p in enumerate(parts) if p.head == -1]
        assert len(heads) == 1
        name_head = heads[0]
        assert all(p.deprel == "flat" and p.head == name_head for p in parts[name_head + 1:])
        if name_head:  # a title before the name
            assert parts[name_head - 1].deprel == "nmod:desc" and parts[name_head - 1].head == name_head
    assert all(phrase("org", rng)[0].form.isupper() for _ in range(20))


def test_augmentation_is_seeded_and_gives_valid_trees(tmp_path: Path) -> None:
    sent = _sentence(tmp_path)
    first = augment_names([sent] * 30, seed=5)
    again = augment_names([sent] * 30, seed=5)
    assert [s.text for s in first] == [s.text for s in again]
    assert first and all(_valid_tree(s) for s in first)
    assert len({s.text for s in first}) > 10
    assert all(s.words[-1].form == "." and s.words[-1].deprel == "punct" for s in first)
    assert augment_names([sent], copies=0) == []


def test_lexicon_reads_the_kb() -> None:
    lex = lexicon()
    assert "Lithuania" in lex["country"] and "Georgian" in lex["demonym"]
    assert len(lex["city"]) > 50 and len(lex["person"]) > 50
