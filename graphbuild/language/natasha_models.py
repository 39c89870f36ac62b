"""natasha's news embeddings, loaded once per process for every natasha model that reads them.

The Russian parser (language/syntax/natasha_parser.py) and the Russian recognizer
(entities/ner/ru.py) both read the same navec embedding table; loading it takes about 0.3 CPU s,
so they share one instance, as natasha's own examples do.
"""

from __future__ import annotations

from functools import cache
from typing import Any


@cache
def news_embedding() -> Any:
    """natasha's NewsEmbedding (shipped inside the natasha package)."""
    from natasha import NewsEmbedding

    return NewsEmbedding()
