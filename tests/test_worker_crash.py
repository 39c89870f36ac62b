"""A worker process killed in the middle of a `--jobs 2` build (as the kernel's OOM killer would)
costs no document: what it held is run again, and the build completes (issue 12, isolation)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

from graphbuild import pipeline
from graphbuild.ingest import read_inputs
from graphbuild.model import Document

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
_EXTRACT = pipeline.isolated_process_document


def _dies_on_kazakh(doc: Document, kb_files: tuple[str, ...] = ()) -> object:
    """Extraction whose worker process dies on any Kazakh document (as one killed for memory would)."""
    if doc.lang == "kk":
        os._exit(1)
    return _EXTRACT(doc, kb_files)


def _articles(folder: Path) -> Path:
    folder.mkdir()
    for name in ("en_brics_putin.txt", "kk_xi_astana.txt", "ru_kherson_retreat.txt", "en_kyiv_strikes.html"):
        shutil.copy(EXAMPLES / name, folder / name)
    return folder


def test_a_worker_killed_mid_build_costs_no_document(tmp_path: Path) -> None:
    # Enough articles that the warmed-up workers are still busy when one is killed.
    articles = tmp_path / "in"
    shutil.copytree(EXAMPLES, articles, ignore=shutil.ignore_patterns("gold"))
    for f in (EXAMPLES.parent / "tests" / "data" / "dev").glob("*_*.*"):
        shutil.copy(f, articles / f.name)
    expected = sorted(d.source for d in read_inputs([str(articles)]) if isinstance(d, Document))
    out = tmp_path / "out"
    build = subprocess.Popen([sys.executable, "-m", "graphbuild", "-q", "build", str(articles), "--out", str(out),
                              "--jobs", "2"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    parent = psutil.Process(build.pid)
    killed = None
    deadline = time.monotonic() + 180
    while killed is None and time.monotonic() < deadline and build.poll() is None:
        workers = parent.children(recursive=True)
        if len(workers) >= 2:
            time.sleep(2)  # let the workers take their first documents
            try:
                workers[-1].kill()
                killed = workers[-1].pid
            except psutil.NoSuchProcess:
                pass  # that worker had just ended: take the next one
        time.sleep(0.2)
    _, stderr = build.communicate(timeout=900)
    assert killed is not None, "no worker process to kill: the build ended first"
    assert build.returncode == 0, stderr.decode()
    built = [json.loads(line)["source"] for line in (out / "documents.jsonl").read_text().splitlines()]
    assert sorted(built) == expected


def test_a_document_that_kills_every_worker_it_meets_is_one_error_and_the_rest_is_built(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    articles = _articles(tmp_path / "in")
    # Worker processes are forked, so they run the replaced function too.
    monkeypatch.setattr(pipeline, "isolated_process_document", _dies_on_kazakh)
    result = pipeline.build_graph([str(articles)], jobs=2)
    assert [(Path(e.source).name, e.message) for e in result.errors] == [
        ("kk_xi_astana.txt", "extraction failed: its worker process died (killed, or out of memory)")]
    assert sorted(Path(d.source).name for d in result.graph.documents.values()) == [
        "en_brics_putin.txt", "en_kyiv_strikes.html", "ru_kherson_retreat.txt"]
