"""--jobs N: the parent loads what the documents' languages need before forking its workers."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def test_warm_up_loads_the_parser_of_each_language_it_is_given() -> None:
    # A fresh interpreter: other tests of this session may have loaded parsers already.
    script = ("from graphbuild import pipeline\n"
              "from graphbuild.language.syntax import get_parser\n"
              "pipeline.warm_up({'en', 'ru'})\n"
              "print(get_parser.cache_info().currsize)\n")
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=600,
                         env={**os.environ, "PYTHONPATH": str(REPO)})
    assert run.stdout.strip().splitlines()[-1] == "2"


def test_every_supported_language_has_a_warm_up_article() -> None:
    from graphbuild.language import SUPPORTED_LANGUAGES

    texts = json.loads((REPO / "graphbuild" / "data" / "warmup.json").read_text(encoding="utf-8"))["texts"]
    assert set(SUPPORTED_LANGUAGES) <= set(texts)
