"""lemminflect with its lookup tables read from graphbuild's load cache.

lemminflect parses its gzipped CSV tables (about 70,000 word forms and 34,000 lemmas) on first
use: about 0.45 CPU s, a tenth of a one-article build. The parsed dictionaries are pickled in the
per-user cache (graphbuild/load_cache.py), keyed by the bytes of lemminflect's data files and code,
and handed to its lemmatizer and inflector before they would load them: the same dictionaries,
so the same answers, in about a fifth of the time.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

from graphbuild.load_cache import cached_from_files, package_dir

# The attributes lemminflect's lemmatizer and inflector keep their parsed tables in, with the
# method that fills each (lemminflect 0.2); with other names the tables load as lemminflect does it.
_TABLES = {"Lemmatizer": (("lemma_dict", "_getLemmaDict"), ("overrides_dict", "_getOverridesDict")),
           "Inflections": (("infl_dict", "_getInflDict"), ("overrides_dict", "_getOverridesDict"))}


def _sources(folder: Path) -> list[Path]:
    """What the tables are made from: lemminflect's data files and its code that parses them."""
    return [p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts
            and (p.suffix == ".py" or p.parent.name == "resources")]


def _parsed(singletons: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {kind: {attr: getattr(obj, loader)() for attr, loader in _TABLES[kind]} for kind, obj in singletons.items()}


@cache
def lemminflect() -> ModuleType:
    """The lemminflect module, its lemma and inflection tables loaded (from the cache when it has them)."""
    import lemminflect as module
    from lemminflect.core.Inflections import Inflections
    from lemminflect.core.Lemmatizer import Lemmatizer

    singletons = {"Lemmatizer": Lemmatizer(), "Inflections": Inflections()}
    folder = package_dir("lemminflect")
    known = all(hasattr(type(singletons[kind]), loader) for kind, pairs in _TABLES.items() for _, loader in pairs)
    if folder is None or not known:
        return module
    tables = cached_from_files("lemminflect", _sources(folder), lambda: _parsed(singletons))
    for kind, obj in singletons.items():
        for attr, _ in _TABLES[kind]:
            if not hasattr(obj, attr):  # what lemminflect's own loader would have set
                setattr(obj, attr, tables[kind][attr])
    return module
