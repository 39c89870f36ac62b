"""Tables kept in the load cache (graphbuild/load_cache.py) give the same answers as the library
building them itself, are written once and reused, and a bad cache file is rebuilt."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
# Words of our English examples (and their lower-case forms), asked of lemminflect three ways.
WORDS = sorted({w for path in (REPO / "examples").glob("en_*") for w in re.findall(r"[A-Za-z']+",
                                                                                    path.read_text("utf-8"))})

_ANSWERS = """
import json, sys
words = json.loads(sys.argv[1])
if sys.argv[2] == "cached":
    from graphbuild.language.lemminflect_tables import lemminflect
    module = lemminflect()
else:
    import lemminflect as module
out = {}
for w in words:
    lemmas = module.getAllLemmas(w.lower())
    out[w] = [lemmas, {pos: module.getAllInflections(forms[0], upos=pos) for pos, forms in lemmas.items()},
              module.getLemma(w.lower(), upos="NOUN", lemmatize_oov=True)]
print(json.dumps(out, sort_keys=True))
"""


def _answers(how: str, cache: Path) -> dict:
    env = {**os.environ, "PYTHONPATH": str(REPO), "GRAPHBUILD_CACHE_DIR": str(cache)}
    run = subprocess.run([sys.executable, "-c", _ANSWERS, json.dumps(WORDS), how], env=env, capture_output=True,
                         text=True, check=True, timeout=600)
    return json.loads(run.stdout)


def test_lemminflect_tables_from_the_cache_answer_as_lemminflect_does(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    own = _answers("own", cache)
    assert not cache.exists()  # lemminflect alone touches no cache
    built = _answers("cached", cache)  # a fresh cache: parsed by lemminflect, then stored
    files = list(cache.glob("lemminflect-*.pickle"))
    assert len(files) == 1
    stamp = files[0].stat().st_mtime_ns
    read = _answers("cached", cache)  # read back from the file
    assert files[0].stat().st_mtime_ns == stamp
    assert len(WORDS) > 300
    assert own == built == read


def test_a_corrupt_cache_file_is_rebuilt(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    own = _answers("own", cache)
    _answers("cached", cache)
    [path] = cache.glob("lemminflect-*.pickle")
    path.write_bytes(path.read_bytes()[:1000])  # a file cut short (a full disk, a killed writer)
    assert _answers("cached", cache) == own
    assert path.stat().st_size > 1000


def test_the_key_follows_the_bytes_of_the_files(tmp_path: Path) -> None:
    from graphbuild.load_cache import files_key

    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("one", encoding="utf-8")
    b.write_text("two", encoding="utf-8")
    key = files_key([a, b])
    assert files_key([b, a]) == key  # order of listing does not matter
    b.write_text("three", encoding="utf-8")
    assert files_key([a, b]) != key
