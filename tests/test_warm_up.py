"""--jobs N: the parent loads what the documents' languages need before forking its workers."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

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


def _calls(monkeypatch: pytest.MonkeyPatch, name: str) -> list[object]:
    """Record each call of pipeline.``name`` (still calling it)."""
    from graphbuild import pipeline

    calls: list[object] = []
    inner = getattr(pipeline, name)
    monkeypatch.setattr(pipeline, name, lambda *args, **kwargs: calls.append(args) or inner(*args, **kwargs))
    return calls


def test_a_one_document_build_neither_warms_up_nor_collects(monkeypatch: pytest.MonkeyPatch) -> None:
    # freeze_loaded pays a full collection, warming up an extra article: work for the documents that follow.
    from graphbuild import pipeline

    warmed, frozen = _calls(monkeypatch, "warm_up"), _calls(monkeypatch, "freeze_loaded")
    for jobs in (1, 2):
        result = pipeline.build_graph([str(REPO / "examples" / "ru_un_veto.txt")], jobs=jobs)
        assert len(result.graph.documents) == 1 and result.graph.events and not result.errors
    assert warmed == [] and frozen == []


def test_a_one_job_build_freezes_the_models_once_a_further_document_comes(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from graphbuild import pipeline

    for name in ("ru_un_veto.txt", "kk_xi_astana.txt", "en_brics_putin.txt"):
        (tmp_path / name).write_text((REPO / "examples" / name).read_text(encoding="utf-8"), encoding="utf-8")
    frozen = _calls(monkeypatch, "freeze_loaded")
    result = pipeline.build_graph([str(tmp_path)], jobs=1)
    assert len(result.graph.documents) == 3
    # Three articles in three languages: frozen before the second and before the third, each time
    # after a document whose language loaded its models (not after the last).
    assert len(frozen) == 2
