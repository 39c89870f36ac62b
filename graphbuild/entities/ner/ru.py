"""Russian named-entity recognition with natasha's news NER model (shipped inside the package).

natasha tags "МИД" and "России", "Совет Безопасности" and "ООН" as separate spans; an organisation
followed directly by a genitive (or indeclinable acronym) name is joined into one mention, since
"МИД России" is the actor.  Names are put in the nominative with pymorphy3 so linking can match them.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from graphbuild.entities.ner.labels import kind_for
from graphbuild.entities.ner.spans import char_mention
from graphbuild.language.base import Sentence, Token
from graphbuild.model import Mention


@lru_cache(maxsize=1)
def _tagger() -> Any:
    # Loading the embeddings takes most of a second: do it once, and only when Russian text comes.
    from natasha import NewsNERTagger

    from graphbuild.language.natasha_models import news_embedding

    return NewsNERTagger(news_embedding())


@lru_cache(maxsize=1)
def _morph() -> Any:
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


@lru_cache(maxsize=1 << 16)
def _parses(word: str) -> tuple[Any, ...]:
    """pymorphy3's readings of ``word`` (immutable records), made once per word: a name's words are
    read several times for each mention, and the same names recur from article to article."""
    return tuple(_morph().parse(word))


def _like(form: str, surface: str) -> str:
    if surface.isupper() and len(surface) > 1:
        return form.upper()
    return form[:1].upper() + form[1:] if surface[:1].isupper() else form


def _inflect(word: str, grammemes: set[str]) -> tuple[str, Any]:
    parse = _parses(word)[0]
    inflected = parse.inflect(grammemes) or parse.inflect({"nomn"})
    return (inflected.word if inflected else word), (inflected or parse).tag


def _person_word(word: str, plural_name: bool = True) -> str:
    """A word of one person's name in the nominative, singular where the text has a plural ("братьев ...
    Сафаровых" names each brother Сафаров).  In a name the text writes in the singular (``plural_name``
    false), a word other than a family name read only as a plural is a foreign name the dictionary does
    not know: it stays as written ("Гуль Хасана Хасана" is Гуль Хасан Хасан, not the plural of Гуля)."""
    parses = _parses(word)
    parse = parses[0]
    if parse.tag.POS not in ("NOUN", "ADJF"):
        return word  # a guess as a verb form ("Моди" as an imperative) would turn it into a participle
    if not plural_name and parse.tag.number == "plur" and "Surn" not in parse.tag:
        singular = [p for p in parses if p.tag.POS in ("NOUN", "ADJF") and p.tag.number != "plur"]
        if not singular:
            return word
        parse = singular[0]
    form = parse.inflect({"nomn"})
    if form is not None and form.tag.number == "plur":
        form = parse.inflect({"nomn", "sing"}) or form
    return form.word if form else word


def _indeclinable(i: int, words: Sequence[str]) -> bool:
    """Word ``i`` of a person's name is a foreign name that does not decline: the dictionary does not
    know it, and every case it guesses for it is one no other word of the name can be in ("Марка Рютте":
    Рютте is no dative of a Рютта)."""
    def cases(word: str, guessed: bool) -> set[str]:
        return {p.tag.case for p in _parses(word) if p.tag.POS in ("NOUN", "ADJF") and p.tag.case
                and (type(p.methods_stack[0][0]).__name__ != "DictionaryAnalyzer") == guessed}

    own = cases(words[i], guessed=True)
    if not own or cases(words[i], guessed=False) or len(words) < 2:
        return False
    others = set().union(*(cases(w, False) | cases(w, True) for j, w in enumerate(words) if j != i))
    return bool(others) and not own & others


def normal_name(words: Sequence[str], kind: str) -> str:
    """Nominative of a name: every word of a person's name; otherwise the head noun and the adjectives
    before it, made to agree with it ("Северной Кореи" -> "Северная Корея"), the dependents after the
    head left as written ("Министерства иностранных дел" -> "Министерство иностранных дел")."""
    if kind == "Person":
        # A name is plural when every word of it reads so first ("братьев Сафаровых"), else singular.
        plural = all(_parses(w)[0].tag.number == "plur" for w in words)
        return " ".join(w if _indeclinable(i, words) else _like(_person_word(w, plural), w)
                        for i, w in enumerate(words))
    parses = [_parses(w)[0] for w in words]
    head = next((i for i, p in enumerate(parses) if p.tag.POS not in {"ADJF", "PRTF", "NUMR"}), 0)
    head_form, head_tag = _inflect(words[head], {"nomn"})
    agree = {"nomn", "plur"} if head_tag.number == "plur" else {"nomn", "sing", head_tag.gender or "masc"}
    out = [_like(_inflect(w, agree)[0], w) for w in words[:head]]
    out.append(_like(head_form, words[head]))
    out.extend(words[head + 1 :])
    return " ".join(out)


def _genitive_dependent(tokens: Sequence[Token]) -> bool:
    first = tokens[0]
    return first.feats.get("Case") == "Gen" or (first.text.isupper() and len(first.text) > 1)


def recognize_ru(sentences: Sequence[Sentence], document: str) -> list[Mention]:
    """PER/LOC/ORG spans found by natasha, as Person/Place/Organization mentions."""
    todo = [s for s in sentences if s.text.strip()]
    if not todo:
        return []
    mentions: list[Mention] = []
    for sent, markup in zip(todo, _tagger().map([s.text for s in todo]), strict=True):
        found: list[tuple[int, int, str]] = []
        for span in markup.spans:
            kind = kind_for("ru", span.type)
            if kind is None:
                continue
            start, end = sent.start + span.start, sent.start + span.stop
            if (
                found
                and found[-1][2] == "Organization"
                and not sent.text[found[-1][1] - sent.start : start - sent.start].strip()
            ):
                toks = [t for t in sent.tokens if t.start >= start and t.end <= end]
                if toks and _genitive_dependent(toks):
                    found[-1] = (found[-1][0], end, "Organization")
                    continue
            found.append((start, end, kind))
        for start, end, kind in found:
            toks = [t for t in sent.tokens if t.start < end and t.end > start]
            m = char_mention(sent, start, end, kind, "ru", document, toks)
            m.lemma = normal_name(m.text.split(), kind)
            mentions.append(m)
    return mentions
