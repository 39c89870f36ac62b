"""Each language's test for a word that is a dictionary word as written, not a name.

Kazakh: the corpus lexicon holds the word whole as a seldom-capitalised stem (сауда, "trade"), so it is
no name's stem plus an ending (Сауд + а).  Russian: the dictionary knows the word and gives it no
proper-noun reading (Совет, вето, СМИ, ТЭЦ-3).  Languages without such a test have none.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from functools import cache

# lang -> (module, function) of a ``str -> bool`` test; imported on first use (the analysers are heavy).
_TESTS = {
    "kk": ("graphbuild.language.kk.morphology", "is_common_word"),
    "ru": ("graphbuild.language.ru", "is_common_word"),
}


def _never(word: str) -> bool:
    return False


@cache
def common_word_test(lang: str) -> Callable[[str], bool]:
    """The language's dictionary-word test, or one that is never true."""
    if lang not in _TESTS:
        return _never
    module, name = _TESTS[lang]
    return getattr(importlib.import_module(module), name)
