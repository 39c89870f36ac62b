"""The words an event's date was read from, as the article wrote them ("в июле", "26 July 2023").

The event stage resolves a sentence's date to an ISO value and keeps no span; a telling keeps the
date as written beside its resolution, so this module finds the shortest run of words that
resolves to the same value: in the event's own sentences first, then in the sentences before them
in the same paragraph (a sentence without a date takes its paragraph's last one).
"""

from __future__ import annotations

from collections.abc import Sequence

from graphbuild.events.dates import could_date, resolve_date
from graphbuild.language.base import Sentence

# A date phrase is a few words ("on 26 July 2023", "2022 жылғы қыркүйекте"); longer runs only
# repeat a shorter one's value.
_LONGEST_PHRASE = 5


def _phrase(sentence: Sentence, value: str, lang: str, published: str | None) -> str | None:
    tokens = sentence.tokens
    # Only runs with a word that could state a date can resolve to one (and resolving is costly).
    cues = [could_date(t.text, lang) for t in tokens]
    for size in range(1, min(_LONGEST_PHRASE, len(tokens)) + 1):
        for first in range(len(tokens) - size + 1):
            if not any(cues[first:first + size]):
                continue
            run = tokens[first:first + size]
            if resolve_date(run, lang, published)[0] == value:
                return sentence.text[run[0].start - sentence.start:run[-1].end - sentence.start]
    return None


def date_as_written(sentences: Sequence[Sentence], text: str, evidence_starts: Sequence[int], value: str | None,
                    lang: str, published: str | None) -> str | None:
    """The words of ``sentences`` (one document, in order; ``text`` its text) that state ``value``
    for an event told in the sentences starting at ``evidence_starts``; None when none does."""
    if not value:
        return None
    index = {s.start: i for i, s in enumerate(sentences)}
    for start in sorted(evidence_starts):
        i = index.get(start)
        while i is not None and i >= 0:
            found = _phrase(sentences[i], value, lang, published)
            if found:
                return found
            if i == 0 or "\n" in text[sentences[i - 1].end:sentences[i].start]:
                break  # the paragraph began here: its date cannot come from before
            i -= 1
    return None
