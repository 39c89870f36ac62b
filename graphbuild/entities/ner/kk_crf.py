"""Kazakh named-entity recognition: a linear-chain CRF (python-crfsuite) trained on KazNERD.

Features are surface shape, affixes, Kazakh case endings (from kk_suffixes.json), country and city
gazetteers built from CLDR's Kazakh names, the analyzer's lemma and case when the token
carries them, and a +-2 word window.  The model predicts all 25 KazNERD classes; recognize()
keeps only the classes labels.json maps to actor kinds.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from functools import lru_cache
from itertools import pairwise
from pathlib import Path

import pycrfsuite

from graphbuild.entities.ner.spans import iob_chunks, make_mention
from graphbuild.language.base import Sentence, Token
from graphbuild.model import Mention

MODEL_PATH = Path(__file__).resolve().parents[2] / "models" / "kk_ner.crfsuite"
_SUFFIXES = Path(__file__).with_name("kk_suffixes.json")
_WINDOW = 2

# (word, sentence_initial) -> (lemma, UD features)
WordAnalyzer = Callable[[str, bool], tuple[str, dict[str, str]]]


@lru_cache(maxsize=1)
def _suffix_table() -> tuple[int, list[tuple[str, str]], frozenset[str]]:
    data = json.loads(_SUFFIXES.read_text(encoding="utf-8"))
    pairs = [(end, case) for case, ends in data["endings"].items() for end in ends]
    pairs.sort(key=lambda p: -len(p[0]))  # longest ending first
    return int(data["min_stem"]), pairs, frozenset(data["feature_cases"])


@lru_cache(maxsize=1 << 16)  # a pure function of the word, asked again for the words of every sentence
def split_ending(word: str) -> tuple[str, str, str] | None:
    """(stem, ending, case) for the longest known ending of a lowercased word, else None."""
    min_stem, pairs, _ = _suffix_table()
    for end, case in pairs:
        if word.endswith(end) and len(word) - len(end) >= min_stem:
            return word[: -len(end)], end, case
    return None


Gazetteer = dict[str, list[tuple[str, ...]]]


def _index(names: list[str]) -> Gazetteer:
    index: Gazetteer = {}
    for name in names:
        words = tuple(re.findall(r"\w+", name.lower()))
        if words:
            index.setdefault(words[0], []).append(words)
    return index


@lru_cache(maxsize=1)
def _gazetteers() -> dict[str, Gazetteer]:
    """Lowercased Kazakh names from CLDR (via babel): territories, and cities that name time zones."""
    from babel import Locale

    kk = Locale("kk")
    cities = [z["city"] for z in kk.time_zones.values() if z.get("city")]
    return {"gaz": _index(list(kk.territories.values())), "city": _index(cities)}


def _gaz_tags(lowers: Sequence[str], gaz: Gazetteer) -> list[str | None]:
    """B/I marks for tokens that spell a listed name (its last word may carry an ending)."""
    marks: list[str | None] = [None] * len(lowers)
    for i, w in enumerate(lowers):
        first = w if w in gaz else (split_ending(w) or (w,))[0]
        for name in gaz.get(first, ()):
            n = len(name)
            if i + n > len(lowers) or list(lowers[i : i + n - 1]) != list(name[:-1]):
                continue
            last = lowers[i + n - 1]
            if last == name[-1] or (last.startswith(name[-1]) and split_ending(last)):
                marks[i] = "B"
                for j in range(i + 1, i + n):
                    marks[j] = "I"
                break
    return marks


def _shape(word: str) -> str:
    s = re.sub(r"[^\W\d_]", lambda m: "X" if m.group().isupper() else "x", word)
    return re.sub(r"\d", "d", s)


def _short_shape(word: str) -> str:
    return re.sub(r"(.)\1+", r"\1", _shape(word))


def _token_atoms(tok: Token) -> dict[str, str]:
    """The per-word facts that the window features are built from."""
    w = tok.text
    low = w.lower()
    split = split_ending(low)
    atoms = {
        "w": low,
        "sh": _short_shape(w),
        "t": "1" if w[:1].isupper() else "0",
        "case": split[2] if split else "-",
        "end": split[1] if split else "-",
        "stem": split[0] if split else low,
    }
    # Always present, so a model trained on analysed text generalises from "Ресей" to "Ресейге".
    atoms["lemma"] = (tok.lemma or w).lower()
    if tok.feats.get("Case"):
        atoms["fcase"] = tok.feats["Case"]
    return atoms


def sentence_features(tokens: Sequence[Token]) -> list[list[str]]:
    """CRF attribute lists, one per token."""
    atoms = [_token_atoms(t) for t in tokens]
    lowers = [a["w"] for a in atoms]
    gaz = {kind: _gaz_tags(lowers, names) for kind, names in _gazetteers().items()}
    feats: list[list[str]] = []
    n = len(tokens)
    for i, tok in enumerate(tokens):
        w = tok.text
        a = atoms[i]
        f = [
            "bias",
            "w=" + a["w"],
            "shape=" + _shape(w)[:8],
            "sh=" + a["sh"],
            "title=" + a["t"],
            "upper=" + ("1" if w.isupper() and len(w) > 1 else "0"),
            "digit=" + ("1" if any(c.isdigit() for c in w) else "0"),
            "len=" + str(min(len(w), 8)),
            "stem=" + a["stem"],
            "case=" + a["case"],
            "end=" + a["end"],
        ]
        f += [f"{kind}={marks[i] or '-'}" for kind, marks in gaz.items()]
        f += [f"p{k}={a['w'][:k]}" for k in (1, 2, 3, 4) if len(a["w"]) >= k]
        f += [f"s{k}={a['w'][-k:]}" for k in (1, 2, 3, 4) if len(a["w"]) >= k]
        f.append("lemma=" + a["lemma"])
        if "fcase" in a:
            f.append("fcase=" + a["fcase"])
        if i == 0:
            f.append("BOS")
        if i == n - 1:
            f.append("EOS")
        for d in range(-_WINDOW, _WINDOW + 1):
            j = i + d
            if d == 0 or not 0 <= j < n:
                continue
            b = atoms[j]
            f += [
                f"{d}:w={b['w']}",
                f"{d}:sh={b['sh']}",
                f"{d}:t={b['t']}",
                f"{d}:case={b['case']}",
            ]
            f += [f"{d}:{kind}={marks[j] or '-'}" for kind, marks in gaz.items()]
            if abs(d) == 1:
                f += [f"{d}:stem={b['stem']}", f"{d}:s3={b['w'][-3:]}", f"{d}:t|t={b['t']}|{a['t']}"]
                f += [f"{d}:lemma={b['lemma']}", f"{d}:fcase={b.get('fcase', '-')}"]
        if 0 < i < n - 1:
            f.append(f"ttt={atoms[i - 1]['t']}{a['t']}{atoms[i + 1]['t']}")
        if i > 0:
            f.append("bi-=" + atoms[i - 1]["w"] + "|" + a["w"])
        if i < n - 1:
            f.append("bi+=" + a["w"] + "|" + atoms[i + 1]["w"])
        feats.append(f)
    return feats


def words_to_tokens(words: Sequence[str], analyze: WordAnalyzer | None = None) -> list[Token]:
    """Tokens for a pre-tokenised sentence (training data), offsets as if joined by spaces.

    `analyze(word, sentence_initial)` gives (lemma, feats) as the language analyzer would at run
    time, so that training sees the same lemma and case features as recognition.
    """
    toks: list[Token] = []
    pos = 0
    initial = True
    for w in words:
        lemma, feats = w, {}
        if analyze is not None and any(c.isalnum() for c in w):
            lemma, feats = analyze(w, initial)
            initial = False
        toks.append(Token(text=w, start=pos, end=pos + len(w), lemma=lemma, feats=dict(feats)))
        pos += len(w) + 1
    return toks


@lru_cache(maxsize=4)
def load_tagger(path: Path = MODEL_PATH) -> pycrfsuite.Tagger:
    """Open a trained model once per process."""
    if not path.is_file():
        raise FileNotFoundError(
            f"Kazakh NER model not found: {path}; build it with `graphbuild train kk-ner`"
        )
    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    return tagger


def tag_tokens(tokens: Sequence[Token], model: Path = MODEL_PATH) -> list[str]:
    """IOB2 KazNERD tags for one sentence."""
    if not tokens:
        return []
    return list(load_tagger(model).tag(sentence_features(tokens)))


def _split_at_places(label: str, first: int, last: int, starts: set[int],
                     ends: set[int] | None = None) -> list[tuple[str, int, int]]:
    """Cut a person's name where a listed country or city begins or ends ("Тоқаев Қазақстан" ->
    PERSON + GPE; "Сеулде Луганскіні" -> GPE + GPE).

    The CRF sometimes runs a name on into the next capitalised word, or starts one on a place; a
    person's name never contains a territory or city name, so such a word is a place, and what
    follows it inside the span is kept apart from it.
    """
    if label != "PERSON":
        return [(label, first, last)]
    cuts = sorted({i for i in starts if first <= i < last} | {i for i in ends or () if first < i < last})
    if not cuts:
        return [(label, first, last)]
    out = [(label, first, cuts[0])] if cuts[0] > first else []
    bounds = [*cuts, last]
    out += [("GPE", a, b) for a, b in pairwise(bounds)]
    return out


def place_bounds(lowers: Sequence[str]) -> tuple[set[int], set[int]]:
    """Token indices where a listed country or city starts, and where one ends (exclusive)."""
    marks = [_gaz_tags(lowers, names) for names in _gazetteers().values()]
    starts = {i for m in marks for i, tag in enumerate(m) if tag == "B"}
    # A place ends where its marks stop: before a token that does not continue it.
    ends = {i for m in marks for i in range(1, len(m) + 1) if m[i - 1] and (i == len(m) or m[i] != "I")}
    return starts, ends


def _adjective_norp(label: str, tokens: Sequence[Token]) -> bool:
    """A lowercase derived adjective tagged NORP ("қытайлық" = Chinese) is no actor, unlike a people."""
    if label != "NORP" or len(tokens) != 1 or not tokens[0].text[:1].islower():
        return False
    split = split_ending(tokens[0].text.lower())
    return split is not None and split[2] == "Deriv"


# Labels whose names are not built of dictionary words (unlike an organisation's "Сыртқы істер министрлігі").
_PROPER_ONLY = frozenset({"PERSON", "GPE", "LOCATION"})


def _without_sentence_opener(label: str, tokens: Sequence[Token], first: int, last: int) -> int:
    """Where a person's or place's name starts when the CRF ran it on from the sentence's capitalised
    first word: a word the analyser reads as a common noun, verb or adverb ("Тараптар Транскаспий ...",
    the sides) is no part of the name.  A first name the analyser knows as a name (Болат) stays."""
    opener = next((i for i, t in enumerate(tokens) if any(c.isalnum() for c in t.text)), None)
    if label in _PROPER_ONLY and first == opener and last - first >= 2 and tokens[first].pos not in ("PROPN", "X"):
        return first + 1
    return first


def recognize_kk(sentences: Sequence[Sentence], document: str, model: Path = MODEL_PATH) -> list[Mention]:
    """Mentions of actors in analysed Kazakh sentences."""
    mentions: list[Mention] = []
    for sent in sentences:
        tags = tag_tokens(sent.tokens, model)
        lowers = [t.text.lower() for t in sent.tokens]
        starts, ends = place_bounds(lowers)
        for chunk in iob_chunks(tags):
            for label, first, last in _split_at_places(*chunk, starts, ends):
                first = _without_sentence_opener(label, sent.tokens, first, last)
                if _adjective_norp(label, sent.tokens[first:last]):
                    continue
                m = make_mention(sent, first, last, label, "kk", document)
                if m is not None:
                    mentions.append(m)
    return mentions
