"""Kazakh suffix analyser and KazakhAnalyzer: examples, harmony, casing, offsets, UD-KTB accuracy."""

from __future__ import annotations

from pathlib import Path

import pytest

from graphbuild.language.base import Analyzer
from graphbuild.language.kk import KkAnalysis, analyze_word, lemma
from graphbuild.language.kk.analyzer import KazakhAnalyzer
from graphbuild.language.kk.build_lexicon import render
from graphbuild.language.kk.morphology import stem_support
from graphbuild.language.kk.phonology import DATA_DIR
from graphbuild.language.kk.ud_eval import evaluate

SHARED = Path(__file__).resolve().parents[2] / "shared"
UD_TEST = SHARED / "data" / "ud_kk_ktb" / "kk_ktb-ud-test.conllu"

# Floors: measured on kk_ktb-ud-test.conllu (lemma 0.847, NOUN+PROPN 0.848, PROPN 0.909, Case 0.974)
# minus a margin of about three points, so real regressions fail and small rule tweaks do not.
FLOORS = {"lemma_acc": 0.815, "nominal_lemma_acc": 0.815, "propn_lemma_acc": 0.875, "case_acc": 0.945}


def best(word: str) -> KkAnalysis:
    analyses = analyze_word(word)
    assert analyses, word
    return analyses[0]


@pytest.mark.parametrize(
    "word,stem,tags,case",
    [
        ("Кореядан", "Корея", ["N", "ABL"], "Abl"),
        ("Пхеньянға", "Пхеньян", ["N", "DAT"], "Dat"),
        ("Шойгудың", "Шойгу", ["N", "GEN"], "Gen"),
        ("Ресейге", "Ресей", ["N", "DAT"], "Dat"),
        ("Ресеймен", "Ресей", ["N", "INS"], "Ins"),
        ("АҚШ-тың", "АҚШ", ["N", "GEN"], "Gen"),
        ("Мәскеуде", "Мәскеу", ["N", "LOC"], "Loc"),
        ("келіссөздер", "келіссөз", ["N", "PL"], "Nom"),
        ("сапармен", "сапар", ["N", "INS"], "Ins"),
        ("Кирбидің", "Кирби", ["N", "GEN"], "Gen"),
        ("Байденнің", "Байден", ["N", "GEN"], "Gen"),
        ("үйлерден", "үй", ["N", "PL", "ABL"], "Abl"),
        ("министрлеріне", "министр", ["N", "PL", "POSS3", "DAT"], "Dat"),
    ],
)
def test_nominal_examples(word: str, stem: str, tags: list[str], case: str) -> None:
    a = best(word)
    assert (a.lemma, a.tags, a.feats.get("Case")) == (stem, tags, case)


def test_case_feature_values() -> None:
    assert best("Кореядан").feats["Case"] == "Abl"
    assert best("келіссөздер").feats["Number"] == "Plur"
    assert best("министрлеріне").feats["Person[psor]"] == "3"


def test_negated_participle() -> None:
    a = best("жеткізбейтінін")
    assert a.lemma == "жеткіз"
    assert a.tags[:3] == ["V", "NEG", "PTCP"]
    assert a.feats["Polarity"] == "Neg" and a.feats["VerbForm"] == "Part" and a.feats["Case"] == "Acc"


@pytest.mark.parametrize(
    "word,stem,tag",
    [("мәлімдеді", "мәлімде", "PAST"), ("келмеді", "кел", "NEG"), ("айтқан", "айт", "PTCP"),
     ("жүргізіп", "жүргіз", "CONV"), ("қабылданды", "қабылда", "PASS")],
)
def test_verb_forms(word: str, stem: str, tag: str) -> None:
    a = best(word)
    assert a.lemma == stem and a.pos == "V" and tag in a.tags


def test_unknown_proper_nouns_need_no_lexicon() -> None:
    names = {"Шойгудың": "Шойгу", "Кирбидің": "Кирби", "Байденнің": "Байден", "Пхеньянға": "Пхеньян"}
    for form, name in names.items():
        assert (name.lower(), "N") not in stem_support()  # the segmentation comes from the rules alone
        assert best(form).lemma == name


def test_vowel_harmony_selects_allomorph() -> None:
    # Back stems take -дан, front stems -ден; the mismatching allomorph scores worse.
    assert best("қаладан").feats["Case"] == "Abl" and best("қаладан").lemma == "қала"
    assert best("Ресейден").lemma == "Ресей"
    assert best("қаладан").score > best("қаладен").score
    assert best("Ресейден").score > best("Ресейдан").score


def test_consonant_alternation_restores_dictionary_form() -> None:
    assert best("кітабы").lemma == "кітап"
    assert best("кітапқа").lemma == "кітап"


def test_analyses_are_ranked_and_never_empty() -> None:
    analyses = analyze_word("сапармен")
    assert len(analyses) > 1
    assert [a.score for a in analyses] == sorted((a.score for a in analyses), reverse=True)
    assert analyze_word("xyz")[0].lemma == "xyz"
    assert analyze_word("") == []


def test_lemma_casing() -> None:
    assert lemma("Кореядан") == "Корея"
    assert lemma("келіссөздер") == "келіссөз"


def test_kazakh_analyzer_sentences_tokens_and_features() -> None:
    analyzer: Analyzer = KazakhAnalyzer()
    text = (
        "Ақ үйдің өкілі Джон Кирби Ресей Пхеньянмен келіссөз жүргізіп жатыр деп мәлімдеді. "
        "Келіссөздер шілде айында өтті. Корея Ресейге қару жеткізбейтінін айтты."
    )
    sentences = analyzer.analyze(text)
    assert analyzer.lang == "kk"
    assert len(sentences) == 3
    for sentence in sentences:
        assert text[sentence.start : sentence.end] == sentence.text
        for token in sentence.tokens:
            assert text[token.start : token.end] == token.text
    by_text = {t.text: t for s in sentences for t in s.tokens}
    assert by_text["Пхеньянмен"].lemma == "Пхеньян" and by_text["Пхеньянмен"].case == "Ins"
    assert by_text["Ресейге"].case == "Dat" and by_text["Ресейге"].pos == "PROPN"
    assert by_text["мәлімдеді"].lemma == "мәлімде" and by_text["мәлімдеді"].pos == "VERB"
    # A sentence-initial common noun is lower-cased; a sentence-initial name keeps its capital.
    assert by_text["Келіссөздер"].lemma == "келіссөз"
    assert by_text["Корея"].lemma == "Корея" and by_text["Корея"].pos == "PROPN"
    assert by_text["."].pos == "PUNCT"
    # Capitalised common words in a title get lower-case lemmas; names keep theirs.
    title = analyzer.analyze("БҰҰ Қауіпсіздік Кеңесінің отырысы өтті.")[0].tokens
    expected = [("БҰҰ", "PROPN"), ("қауіпсіздік", "NOUN"), ("кеңес", "NOUN")]
    assert [(t.lemma, t.pos) for t in title[:3]] == expected
    assert analyzer.lemma("Шойгудың") == "Шойгу"


def test_ud_ktb_test_accuracy_floor() -> None:
    if not UD_TEST.exists():
        pytest.fail(f"UD Kazakh-KTB test file is absent: {UD_TEST} (expected ../shared/data/ud_kk_ktb)")
    scores = evaluate(UD_TEST)
    assert scores.tokens > 9000
    for name, floor in FLOORS.items():
        assert getattr(scores, name) >= floor, (name, getattr(scores, name))


def test_shipped_stem_lexicon_is_reproducible() -> None:
    corpus = SHARED / "data" / "kaznerd" / "IOB2_valid.txt"
    if not corpus.exists():
        pytest.fail(f"KazNERD corpus is absent: {corpus} (needed to regenerate graphbuild/data/kk/stems.tsv)")
    shipped = (DATA_DIR / "stems.tsv").read_text(encoding="utf-8")
    assert render(corpus) == shipped, "stems.tsv is stale: run python -m graphbuild.language.kk.build_lexicon"


@pytest.mark.parametrize(
    "word,noun",
    [("мәлімдемесін", "мәлімдеме"), ("шешімін", "шешім"), ("келісімін", "келісім"),
     ("ұсынысын", "ұсыныс"), ("талабын", "талап"), ("мәлімдемесі", "мәлімдеме")],
)
def test_deverbal_nouns_with_possessive_and_case_are_nouns(word: str, noun: str) -> None:
    # -ма/-ме followed by a possessive or case ending is the noun-forming suffix, not negation.
    a = best(word)
    assert (a.lemma, a.pos) == (noun, "N")
    assert "NEG" not in a.tags and "Polarity" not in a.feats


def test_negation_still_read_before_verbal_endings() -> None:
    for word, stem in [("келмеді", "кел"), ("жасамайды", "жаса"), ("алмады", "ал")]:
        a = best(word)
        assert (a.lemma, a.pos, a.feats.get("Polarity")) == (stem, "V", "Neg")


def test_negative_future_participle_takes_no_possessive() -> None:
    # мәлімде- + -мес + -і + -н is not offered at all; the noun reading is the only -ме + POSS3 parse.
    parses = analyze_word("мәлімдемесін")
    assert not any(a.pos == "V" and a.tags[-2:] == ["POSS3", "ACC"] for a in parses)


@pytest.mark.parametrize("word,adj", [("негізсіз", "негізсіз"), ("тәуелсіз", "тәуелсіз"), ("үздіксіз", "үздіксіз")])
def test_privative_suffix_makes_an_adjective(word: str, adj: str) -> None:
    a = best(word)
    assert (a.lemma, a.pos) == (adj, "ADJ") and "Person" not in a.feats


def test_privative_adjective_gets_adj_upos_in_the_analyzer() -> None:
    tokens = KazakhAnalyzer().analyze("Бұл айып негізсіз.")[0].tokens
    assert [(t.text, t.pos) for t in tokens][2] == ("негізсіз", "ADJ")


def test_derived_word_lemma_casing_at_sentence_start() -> None:
    # Sentence-initial derived common words are lower-cased through their attested root...
    tokens = KazakhAnalyzer().analyze("Негізсіз айып тағылды. Мәлімдемесін жариялады.")
    assert [s.tokens[0].lemma for s in tokens] == ["негізсіз", "мәлімдеме"]
    a = best("негізсіз")
    assert (a.root, a.root_pos) == ("негіз", "N")
    # ...while mid-sentence a capital keeps the name's lemma capitalised.
    assert KazakhAnalyzer().analyze("Ол Бұқтырманың жағасында.")[0].tokens[1].lemma == "Бұқтырма"


def test_verbal_second_person_formal_is_kept() -> None:
    a = best("барасыз")
    assert a.pos == "V" and a.feats.get("Person") == "2"


def test_short_foreign_name_part_takes_case() -> None:
    # Ван И + мен: a one-letter name syllable listed in name_syllables.txt is a possible stem...
    a = best("Имен")
    assert (a.lemma, a.feats.get("Case")) == ("И", "Ins")
    assert best("Цзиньпинмен").lemma == "Цзиньпин"
    # ...but only when capitalised: the lower-case word is not cut down to one letter.
    assert best("имен").lemma != "и"


def test_linking_vowel_after_final_cluster_of_a_name() -> None:
    for form, case in [("Луганскіні", "Acc"), ("Луганскіде", "Loc"), ("Минскіге", "Dat")]:
        a = best(form)
        assert (a.lemma, a.feats.get("Case")) == (form[: form.index("скі") + 2], case)


def test_place_names_in_the_analyzer() -> None:
    tokens = KazakhAnalyzer().analyze("Еуропалық одақтың өкілі Сеулде Әзербайжан мен Луганскіні атады.")[0].tokens
    got = {t.text: (t.lemma, t.case) for t in tokens}
    assert got["одақтың"] == ("одақ", "Gen")
    assert got["Сеулде"] == ("Сеул", "Loc")
    assert got["Әзербайжан"][0] == "Әзербайжан"
    assert got["Луганскіні"] == ("Луганск", "Acc")


# kk_crf post-processing (the Kazakh NER's place split), exercised on the real CLDR gazetteers.
def test_person_span_starting_with_a_listed_city_becomes_places() -> None:
    from graphbuild.entities.ner.kk_crf import _split_at_places, place_bounds

    starts, ends = place_bounds([w.lower() for w in "Өкіл Сеулде Луганскіні атады .".split()])
    # "Сеул" is a CLDR city (the suffix -де is allowed on its last word); Луганск is not listed.
    assert (starts, ends) == ({1}, {2})
    assert _split_at_places("PERSON", 1, 3, starts, ends) == [("GPE", 1, 2), ("GPE", 2, 3)]
    assert _split_at_places("PERSON", 1, 2, starts, ends) == [("GPE", 1, 2)]
    assert _split_at_places("ORGANISATION", 1, 3, starts, ends) == [("ORGANISATION", 1, 3)]
    # A person's name with no place in it is left alone.
    assert _split_at_places("PERSON", 0, 1, starts, ends) == [("PERSON", 0, 1)]
