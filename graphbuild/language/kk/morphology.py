"""Kazakh suffix analyser: peels inflectional suffixes right to left under vowel harmony.

Morphotactics (which suffix may follow which) and every allomorph live in
graphbuild/data/kk/suffixes.json; pronoun irregularities and unsegmentable words in
exceptions.json; stem evidence (how many corpus word types support a stem) in stems.tsv.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from graphbuild.language.kk.phonology import DATA_DIR, Phonology, load_phonology

NOMINAL_STATES = frozenset({"N"})
VERBAL_STATES = frozenset({"V"})
MAX_DEPTH = 7
DEFAULT_COST = 0.6
WHOLE_PRIOR = -0.8
LONG_WORD = 6
LONG_WORD_PENALTY = 0.1
EPENTHESIS_BONUS = 0.2


@dataclass(frozen=True)
class Allomorph:
    form: str
    after: frozenset[str]  # sound classes the preceding material may end in
    harmony: str  # 'back', 'front' or '' when the form carries no harmonising vowel


@dataclass(frozen=True)
class Morpheme:
    tag: str
    feats: tuple[tuple[str, str], ...]
    attaches_to: frozenset[str]
    out: str
    allomorphs: tuple[Allomorph, ...]
    strip_in_lemma: bool
    cost: float
    stem_final_penalty: float
    final_cost: float
    derive: str = ""  # derivational: kept in the lemma, sets the part of speech ("N", "ADJ")


@dataclass
class KkAnalysis:
    stem: str  # the bare root the suffixes were peeled from, original casing
    lemma: str  # dictionary form (proper nouns keep their capital)
    pos: str  # "N" (nominal), "V" (verbal), "PRON", "X" (unanalysed)
    tags: list[str] = field(default_factory=list)
    feats: dict[str, str] = field(default_factory=dict)
    score: float = 0.0
    root: str = ""  # for a derived word (мәлімдеме, негізсіз): the attested root it was built on
    root_pos: str = ""  # the root's state, "N" or "V"


@dataclass(frozen=True)
class _Parse:
    stem: str
    pos: str
    morphs: tuple[tuple[Morpheme, Allomorph], ...]  # left to right
    alternated: bool = False
    harmony_breaks: int = 0


def _front_form(form: str, harmony_map: dict[str, str]) -> str:
    return "".join(harmony_map.get(ch, ch) for ch in form)


@lru_cache(maxsize=1)
def load_morphemes() -> tuple[Morpheme, ...]:
    phon = load_phonology()
    data = json.loads((DATA_DIR / "suffixes.json").read_text(encoding="utf-8"))
    morphemes: list[Morpheme] = []
    for entry in data["morphemes"]:
        allos: list[Allomorph] = []
        for form, after in entry["forms"]:
            classes = frozenset(after.split())
            if entry.get("no_harmony"):
                allos.append(Allomorph(form, classes, ""))
                continue
            front = _front_form(form, phon.harmony_map)
            if front == form:
                allos.append(Allomorph(form, classes, phon.harmony(form)))
            else:
                allos.append(Allomorph(form, classes, "back"))
                allos.append(Allomorph(front, classes, "front"))
        morphemes.append(
            Morpheme(
                tag=entry["tag"],
                feats=tuple(sorted(entry["feats"].items())),
                attaches_to=frozenset(entry["in"]),
                out=entry["out"],
                allomorphs=tuple(allos),
                strip_in_lemma=bool(entry.get("strip_in_lemma", False)),
                cost=float(entry.get("cost", DEFAULT_COST)),
                stem_final_penalty=float(entry.get("stem_final_penalty", 0.0)),
                final_cost=float(entry.get("final_cost", 0.0)),
                derive=str(entry.get("derive", "")),
            )
        )
    return tuple(morphemes)


@lru_cache(maxsize=1)
def _settings() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((DATA_DIR / "suffixes.json").read_text(encoding="utf-8"))
    return data


@lru_cache(maxsize=1)
def _derivation_endings() -> tuple[tuple[str, frozenset[str]], ...]:
    """(surface form, root states) of every derivational suffix, for crediting derived stems."""
    return tuple((a.form, m.attaches_to) for m in load_morphemes() if m.derive for a in m.allomorphs)


@lru_cache(maxsize=1)
def name_syllables() -> frozenset[str]:
    """Short syllables of transcribed foreign (East Asian) names that can be a whole name part
    (Ван И, Ли): such a stem is not penalised for being short when written with a capital."""
    path = DATA_DIR / "name_syllables.txt"
    if not path.exists():
        return frozenset()
    words = path.read_text(encoding="utf-8").split()
    return frozenset(w.lower() for w in words if not w.startswith("#"))


def _root_support(stem_low: str) -> float:
    """Evidence from an attested root for a stem that is a derived word (мәлімдеме <- мәлімде-)."""
    support = stem_support()
    best = 0
    for form, states in _derivation_endings():
        if stem_low.endswith(form) and len(stem_low) - len(form) >= 2:
            root = stem_low[: -len(form)]
            best = max(best, *(support.get((root, st), 0) for st in states))
    return float(_settings().get("root_support_weight", 0.0)) * math.log1p(best)


@lru_cache(maxsize=1)
def _default_feats() -> list[dict[str, Any]]:
    data = json.loads((DATA_DIR / "suffixes.json").read_text(encoding="utf-8"))
    rules: list[dict[str, Any]] = data["default_feats"]
    return rules


@lru_cache(maxsize=1)
def _exceptions() -> tuple[dict[str, tuple[str, str, dict[str, str]]], dict[str, str]]:
    """Irregular forms (form -> lemma, POS, feats) and unsegmentable words (form -> Universal POS)."""
    data = json.loads((DATA_DIR / "exceptions.json").read_text(encoding="utf-8"))
    irregular = {form: (lemma, pos, feats) for form, (lemma, pos, feats) in data["irregular"].items()}
    invariable = {form: upos for upos, forms in data["invariable"].items() for form in forms}
    return irregular, invariable


def _feature_tag(key: str, value: str) -> str:
    """Tag name for a UD feature of an exception entry, in the style of the suffix tags."""
    if key == "Person":
        return value + "P"
    if key.endswith("[psor]"):
        return "POSS" + value if key.startswith("Person") else "PSOR" + value.upper()
    return value.upper()


@lru_cache(maxsize=1)
def _lexicon() -> tuple[dict[tuple[str, str], int], dict[tuple[str, str], float]]:
    path = DATA_DIR / "stems.tsv"
    support: dict[tuple[str, str], int] = {}
    capitalised: dict[tuple[str, str], float] = {}
    if not path.exists():
        return support, capitalised
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        stem, pos, count, cap = line.split("\t")
        support[(stem, pos)] = int(count)
        capitalised[(stem, pos)] = float(cap)
    return support, capitalised


def stem_support() -> dict[tuple[str, str], int]:
    """(stem, 'N'|'V') -> number of corpus word types it explains; empty when stems.tsv is absent."""
    return _lexicon()[0]


def capitalised_share(stem: str, pos: str) -> float:
    """Share of the corpus forms supporting a (lower-case) stem that are written with a capital."""
    return _lexicon()[1].get((stem, pos), 0.0)


def is_common_word(word: str) -> bool:
    """A lower-case word the corpus has whole as a stem (сауда, "trade"), seldom capitalised: a word of
    its own, not a name's stem plus an ending (Сауд + а)."""
    support, capitalised = _lexicon()
    return any(support.get((word, pos), 0) >= 2 and capitalised.get((word, pos), 1.0) < 0.5 for pos in ("N", "V"))


def _parses(word: str, phon: Phonology) -> list[_Parse]:
    """Every segmentation of ``word`` (lower-case) allowed by the morphotactics, stems included."""
    morphemes = load_morphemes()
    results: list[_Parse] = []

    def walk(rest: str, allowed: frozenset[str], suffixes: tuple[tuple[Morpheme, Allomorph], ...],
             breaks: int, depth: int) -> None:
        if suffixes and rest:
            if "N" in allowed:
                results.append(_Parse(rest, "N", suffixes, harmony_breaks=breaks))
            if "V" in allowed:
                results.append(_Parse(rest, "V", suffixes, harmony_breaks=breaks))
        if depth >= MAX_DEPTH:
            return
        for morph in morphemes:
            if morph.out not in allowed:
                continue
            for allo in morph.allomorphs:
                if not rest.endswith(allo.form) or len(rest) <= len(allo.form):
                    continue
                left = rest[: -len(allo.form)]
                if left.endswith("-"):
                    # Suffix written after a hyphen (АҚШ-тың, 55-ші): spelling follows pronunciation
                    # of an abbreviation or numeral we cannot see, so any allomorph is accepted.
                    ok_sound, brk = True, 0
                else:
                    ok_sound = phon.sound_class(left) in allo.after
                    stem_h = phon.harmony(left)
                    brk = int(bool(allo.harmony and stem_h and stem_h != allo.harmony))
                if not ok_sound:
                    continue
                walk(left, morph.attaches_to, ((morph, allo), *suffixes), breaks + brk, depth + 1)

    walk(word, frozenset({"ANY"}) | _all_states(morphemes), (), 0, 0)
    return results


@lru_cache(maxsize=1)
def _all_states_cached() -> frozenset[str]:
    states: set[str] = set()
    for m in load_morphemes():
        states.add(m.out)
        states |= m.attaches_to
    return frozenset(states)


def _all_states(_: tuple[Morpheme, ...]) -> frozenset[str]:
    return _all_states_cached()


def _stem_variants(stem: str, parse: _Parse, phon: Phonology) -> list[tuple[str, bool]]:
    """The surface stem plus dictionary forms undone by sound changes before a vowel-initial suffix:
    voicing of a final к/қ/п (кітабы -> кітап) and loss of a narrow vowel (аузы -> ауыз); and,
    for a capitalised stem, a linking vowel after a final cluster (Луганскіні -> Луганск)."""
    variants = [(stem, False)]
    epen = _settings().get("epenthesis", {})
    low0 = stem.lower()
    if (parse.morphs and stem[:1].isupper() and low0[-1:] in epen.get("vowels", "")
            and any(low0[:-1].endswith(c) for c in epen.get("clusters", ()))):
        variants.append((stem[:-1], False))
    if not (parse.morphs and parse.morphs[0][1].form[0] in phon.vowels):
        return variants
    last = stem[-1:]
    if last.lower() in phon.alternations:
        repl = phon.alternations[last.lower()]
        variants.append((stem[:-1] + (repl.upper() if last.isupper() else repl), True))
    low = stem.lower()
    if len(low) >= 3 and low[-1] not in phon.vowels and low[-2] not in phon.vowels and low[-1] != "-":
        harmony = phon.harmony(low) or "back"
        variants.append((stem[:-1] + phon.vowel_drop[harmony] + stem[-1], True))
    return variants


def _score(stem_low: str, pos: str, parse: _Parse, alternated: bool, capitalised: bool,
           whole_low: str, phon: Phonology) -> float:
    """Ranking score of one segmentation; ``pos`` is the state of the bare stem (a derived noun's
    root is a verb)."""
    support = stem_support()
    n_sup = support.get((stem_low, pos), 0)
    other = support.get((stem_low, "V" if pos == "N" else "N"), 0)
    score = 2.0 * math.log1p(n_sup) + 0.5 * math.log1p(other)
    n = len(parse.morphs)
    score -= sum(morph.cost for morph, _ in parse.morphs)
    if parse.morphs:
        score -= parse.morphs[-1][0].final_cost
    # Loan names often take front suffixes after a back vowel (Йорктің), so names are let off lighter.
    score -= (1.0 if capitalised else 2.5) * parse.harmony_breaks
    derived = any(morph.derive for morph, _ in parse.morphs)
    if capitalised and stem_low in name_syllables() and pos == "N":
        pass  # Ван И-мен: a one-syllable name part is a normal stem
    elif len(stem_low) < 2 or (not phon.has_vowel(stem_low) and not stem_low.isdigit()):
        score -= 6.0
    elif len(stem_low) == 2:
        score -= 2.0
    if not derived and pos == "N" and n_sup:
        score += _root_support(stem_low)  # an attested noun that is also a derived word
    if capitalised and pos == "V" and not derived:
        score -= 4.0  # capitalised words inside text are names far more often than verbs
    last = phon.last_sound(stem_low)
    if alternated:
        # Restored stems (кітап, ауыз) are only trusted when the lexicon has seen them.
        score += 0.3 if n_sup else -1.0
    elif last in phon.alternations and parse.morphs and parse.morphs[0][1].form[0] in phon.vowels:
        score -= 0.8
    if capitalised and n and pos == "N" and any(key == "Case" for key, _ in parse.morphs[-1][0].feats):
        score += 1.0  # unknown names are usually inflected for case in running text
    if "-" in whole_low and "-" not in stem_low:
        score += 3.0  # АҚШ-тың: the hyphen marks the stem boundary
    if not n_sup:
        score -= _looks_inflected(stem_low)
        if last in phon.unlikely_finals and not alternated:
            score -= phon.unlikely_final_penalty
    return score


@lru_cache(maxsize=100_000)
def _looks_inflected(stem: str) -> float:
    """Penalty for an unseen stem that itself parses as a shorter stem plus a suffix marked with
    stem_final_penalty (резиденциясын- is rather резиденция + сы + н)."""
    penalty = 0.0
    for parse in _parses(stem, load_phonology()):
        last = parse.morphs[-1][0]
        if last.stem_final_penalty and len(parse.stem) >= 3 and not parse.harmony_breaks:
            penalty = max(penalty, last.stem_final_penalty)
    return penalty


def _make(stem: str, pos: str, morphs: tuple[tuple[Morpheme, Allomorph], ...], capitalised: bool,
          score: float) -> KkAnalysis:
    # Leading derivational suffixes belong to the lemma (мәлімде + ме -> мәлімдеме) and set its POS.
    root, root_pos = (stem.lower(), pos) if morphs and morphs[0][0].derive else ("", "")
    while morphs and morphs[0][0].derive:
        stem += morphs[0][1].form
        pos = morphs[0][0].derive
        morphs = morphs[1:]
    feats: dict[str, str] = {}
    tags = [pos]
    for morph, _ in morphs:
        tags.append(morph.tag)
        feats.update(dict(morph.feats))
    # Voice suffixes marked strip_in_lemma (passive) were peeled like any other suffix, so the stem
    # is already the dictionary form (UD-KTB lemmatises жоспарланып as жоспарла).
    lemma_stem = stem
    for rule in _default_feats():
        if rule["pos"] == pos and rule["unless"] not in feats and all(
            feats.get(k) == v for k, v in rule.get("when", {}).items()
        ):
            feats.update(rule["add"])
    lemma = lemma_stem if capitalised else lemma_stem.lower()
    return KkAnalysis(stem=stem, lemma=lemma, pos=pos, tags=tags, feats=feats, score=score, root=root,
                      root_pos=root_pos)


@lru_cache(maxsize=200_000)
def analyze_word(word: str) -> list[KkAnalysis]:
    """Ranked analyses of one Kazakh word form, best first (never empty for a non-empty word)."""
    if not word:
        return []
    phon = load_phonology()
    low = word.lower()
    capitalised = word[:1].isupper()
    irregular, invariable = _exceptions()
    if low in irregular:
        lemma, pos, feats = irregular[low]
        tags = [pos, *(_feature_tag(k, v) for k, v in feats.items())]
        return [KkAnalysis(stem=lemma, lemma=lemma, pos=pos, tags=tags, feats=dict(feats), score=100.0)]
    whole = KkAnalysis(stem=word, lemma=word if capitalised else low, pos="X", tags=[], feats={}, score=0.0)
    if low in invariable:
        whole.pos = invariable[low]
        whole.tags = [whole.pos]
        whole.score = 100.0
        return [whole]
    if not any(ch.isalpha() for ch in low):
        whole.score = 100.0
        return [whole]
    support = stem_support()
    n_whole = max(support.get((low, "N"), 0), support.get((low, "V"), 0))
    verbal = support.get((low, "V"), 0) > support.get((low, "N"), 0)
    whole.pos = "V" if verbal and not capitalised else "N"
    whole.tags = [whole.pos]
    whole.feats = {}
    for rule in _default_feats():
        if rule["pos"] == whole.pos and not rule.get("when"):
            whole.feats.update(rule["add"])
    # An unseen word still beats a cut whose stem is unseen too only if it is short.
    # Long unseen words are more likely inflected than bare.
    whole.score = 2.0 * math.log1p(n_whole) + WHOLE_PRIOR + (1.2 if len(low) <= 4 else 0.0)
    whole.score -= LONG_WORD_PENALTY * max(0, len(low) - LONG_WORD)
    candidates: list[KkAnalysis] = [whole]
    for parse in _parses(low, phon):
        surface = word[: len(parse.stem)]
        for variant, alternated in _stem_variants(surface, parse, phon):
            var_low = variant.lower().rstrip("-")
            stem_text = variant.rstrip("-")
            score = _score(var_low, parse.pos, parse, alternated, capitalised, low, phon)
            if len(variant) < len(surface) and not alternated:
                score += EPENTHESIS_BONUS  # the data names this cluster as taking a linking vowel
            if any(m.derive for m, _ in parse.morphs):
                stem_text = surface.rstrip("-")  # the lemma keeps the root's surface shape (соғыс)
            analysis = _make(stem_text, parse.pos, parse.morphs, capitalised, score)
            if parse.pos == "N" and invariable.get(var_low) == "PRON":
                analysis.pos = analysis.tags[0] = "PRON"  # біздің, бізге: declined pronouns
            candidates.append(analysis)
    candidates.sort(key=lambda a: (-a.score, len(a.tags), a.lemma))
    seen: set[tuple[str, tuple[str, ...]]] = set()
    ranked: list[KkAnalysis] = []
    for cand in candidates:
        key = (cand.lemma, tuple(cand.tags))
        if key not in seen:
            seen.add(key)
            ranked.append(cand)
    return ranked


def lemma(word: str) -> str:
    return analyze_word(word)[0].lemma if word else word
