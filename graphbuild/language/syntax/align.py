"""UD sentences re-cut into graphbuild's own tokens.

Our tokenizer keeps "Russia's", "don't", "well-known" and Kazakh copula clitics in one token,
while UD splits them.  At run time the parser sees our tokens, so training adds copies of the UD
sentences cut our way, and the benches score both cuts.  Merging words keeps the tree: the merged
token takes the attachment of the one word whose head lies outside the group.
"""

from __future__ import annotations

from graphbuild.language.segment import tokenize
from graphbuild.language.syntax.conllu import UdSentence, UdWord


def our_groups(sentence: UdSentence, lang: str) -> list[list[int]] | None:
    """Word indices per token of our tokenizer; None when a UD word straddles two of our tokens."""
    text, spans = sentence.surface()
    ours = tokenize(text, 0, len(text), lang=lang)
    groups: list[list[int]] = [[] for _ in ours]
    k = 0
    for i, (ws, we) in enumerate(spans):
        while k < len(ours) and ours[k][1] <= ws:
            k += 1
        if k == len(ours) or not (ours[k][0] <= ws and we <= ours[k][1]):
            return None
        groups[k].append(i)
    if any(not g for g in groups):
        return None
    return groups


def retokenize(sentence: UdSentence, lang: str) -> UdSentence | None:
    """The sentence with our tokens (a new object), or None when it cannot be cut our way.

    Returns the sentence itself when both cuts agree.
    """
    groups = our_groups(sentence, lang)
    if groups is None:
        return None
    if all(len(g) == 1 for g in groups) and not sentence.multiword:
        return sentence
    text, spans = sentence.surface()
    owner = {w: gi for gi, g in enumerate(groups) for w in g}
    words: list[UdWord] = []
    for gi, group in enumerate(groups):
        members = set(group)
        tops = [w for w in group if sentence.words[w].head not in members]
        # "I'm", "it's": two subtrees in one token.  The root keeps the tree rooted; otherwise the
        # first word (the pronoun, the verb of "don't") carries the token's attachment.
        top = sentence.words[next((w for w in tops if sentence.words[w].head < 0), tops[0])]
        start, end = spans[group[0]][0], spans[group[-1]][1]
        form = text[start:end]
        nxt = spans[groups[gi + 1][0]][0] if gi + 1 < len(groups) else end
        head = owner[top.head] if top.head >= 0 else -1
        words.append(UdWord(
            cols=top.cols, form=form, lemma=top.lemma if len(group) == 1 else form, upos=top.upos,
            xpos=top.xpos, feats=dict(top.feats), head=head, deprel=top.deprel, space_after=nxt > end,
        ))
    if _has_cycle([w.head for w in words]):
        return None
    return UdSentence(sentence.sent_id, sentence.text, words, [], sentence.doc_id)


def _has_cycle(heads: list[int]) -> bool:
    for start in range(len(heads)):
        seen = {start}
        node = heads[start]
        while node >= 0:
            if node in seen:
                return True
            seen.add(node)
            node = heads[node]
    return False
