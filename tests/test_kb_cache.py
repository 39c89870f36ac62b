"""The per-user cache of the built KB index: built on first use, reused, rebuilt when corrupt or stale."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from graphbuild.entities.kb import KnowledgeBase
from graphbuild.entities.kb_cache import CACHE_ENV
from graphbuild.language.base import Token

REPO = Path(__file__).resolve().parent.parent
TEXT = "Сергей Шойгу Пхеньянға барды , АҚШ пен Ресей келіссөз жүргізді"


def _tokens(text: str) -> list[Token]:
    out, pos = [], 0
    for word in text.split():
        start = text.index(word, pos)
        out.append(Token(word, start, start + len(word), word))
        pos = start + len(word)
    return out


def _user_kb(tmp_path: Path, label: str) -> Path:
    path = tmp_path / f"{label}.jsonl"
    record = {"id": f"org:{label.lower()}", "kind": "Organization", "label": label, "names": {"kk": [label]},
              "source": None, "checked": None}
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    return path


def _matches(kb: KnowledgeBase) -> list[tuple[int, int, str | None]]:
    return [(m.start, m.end, m.hit.actor_id) for m in kb.match(_tokens(TEXT), "kk")]


@pytest.fixture()
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv(CACHE_ENV, str(folder))
    return folder


def test_first_load_writes_the_cache_and_the_second_reads_the_same_index(cache: Path, tmp_path: Path) -> None:
    user = _user_kb(tmp_path, "Acme")
    built = KnowledgeBase.load([user])
    files = list(cache.glob("kb-*.pickle"))
    assert len(files) == 1
    stamp = files[0].stat().st_mtime_ns
    again = KnowledgeBase.load([user])
    assert files[0].stat().st_mtime_ns == stamp  # read, not rewritten
    assert again is not built and len(again) == len(built)
    assert _matches(again) == _matches(built)
    assert [h.actor_id for h in again.lookup("Acme")] == ["org:acme"]


def test_changed_kb_content_gets_its_own_cache_entry(cache: Path, tmp_path: Path) -> None:
    user = _user_kb(tmp_path, "Acme")
    KnowledgeBase.load([user])
    user.write_text(json.dumps({"id": "org:zeta", "kind": "Organization", "label": "Zeta", "source": None,
                                "checked": None}) + "\n", encoding="utf-8")
    kb = KnowledgeBase.load([user])
    assert kb.lookup("Acme") == [] and [h.actor_id for h in kb.lookup("Zeta")] == ["org:zeta"]
    assert len(list(cache.glob("kb-*.pickle"))) == 2


@pytest.mark.parametrize("garbage", [b"", b"not a pickle at all", b"\x80\x05\x95truncated"])
def test_a_corrupt_cache_file_is_rebuilt(cache: Path, tmp_path: Path, garbage: bytes) -> None:
    user = _user_kb(tmp_path, "Acme")
    expected = _matches(KnowledgeBase.load([user]))
    (path,) = cache.glob("kb-*.pickle")
    path.write_bytes(garbage)
    kb = KnowledgeBase.load([user])
    assert _matches(kb) == expected
    assert path.stat().st_size > 1000  # a good index was written back
    assert _matches(KnowledgeBase.load([user])) == expected


def test_an_unwritable_cache_directory_only_costs_the_rebuild(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache directory should be", encoding="utf-8")
    monkeypatch.setenv(CACHE_ENV, str(blocker / "cache"))
    assert [h.actor_id for h in KnowledgeBase.load([_user_kb(tmp_path, "Acme")]).lookup("Acme")] == ["org:acme"]


def test_the_shipped_kb_is_cached_across_processes(cache: Path) -> None:
    env = {**os.environ, CACHE_ENV: str(cache), "PYTHONPATH": str(REPO)}
    script = "from graphbuild.entities.kb import KnowledgeBase; print(len(KnowledgeBase.load()))"
    first = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True)
    (path,) = cache.glob("kb-*.pickle")
    stamp = path.stat().st_mtime_ns
    second = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True)
    assert first.stdout == second.stdout and int(first.stdout) > 1000
    assert path.stat().st_mtime_ns == stamp


def test_a_user_file_copied_elsewhere_is_named_where_this_run_read_it(cache: Path, tmp_path: Path) -> None:
    folders = [tmp_path / "first", tmp_path / "second"]
    for folder in folders:
        folder.mkdir()
    first, second = (_user_kb(folder, "Acme") for folder in folders)  # same file name and bytes
    assert KnowledgeBase.load([first]).provenance("org:acme")[2] == f"{first}:1"
    assert KnowledgeBase.load([second]).provenance("org:acme")[2] == f"{second}:1"
    assert len(list(cache.glob("kb-*.pickle"))) == 1  # the second load read the index the first one built


def test_a_cache_built_from_one_checkout_names_the_files_of_the_checkout_that_reads_it(
        cache: Path, tmp_path: Path) -> None:
    # Two checkouts with identical code and data share one cache entry (the key hashes content, not folders):
    # what a finding or a provenance names must still be the reading checkout's own file.
    script = ("import json, sys; from datetime import date; from pathlib import Path; "
              "from graphbuild.entities.kb import KnowledgeBase; from graphbuild.entities.kb_check import check_kb; "
              "kb = KnowledgeBase.load([Path(sys.argv[1])]); "
              "print(json.dumps([kb.provenance('place:astana')[2], "
              "[f.detail for f in check_kb(kb, date(2026, 12, 7)) if f.subject == 'org:acme']]))")
    seen = []
    for name in ("first", "second"):
        checkout = tmp_path / name
        shutil.copytree(REPO / "graphbuild", checkout / "graphbuild",
                        ignore=shutil.ignore_patterns("models", "__pycache__"))
        user = _user_kb(checkout, "Acme")  # an unsourced record: the check names its file
        env = {**os.environ, CACHE_ENV: str(cache), "PYTHONPATH": str(checkout)}
        run = subprocess.run([sys.executable, "-c", script, str(user)], env=env, cwd=checkout, capture_output=True,
                             text=True, check=True)
        seen.append((checkout, user, *json.loads(run.stdout)))
    assert len(list(cache.glob("kb-*.pickle"))) == 1  # the second checkout read the index the first one built
    for checkout, user, astana, acme in seen:
        assert astana.startswith(f"{checkout / 'graphbuild' / 'data' / 'kb' / 'capitals.tsv'}:")
        assert f"Acme ({user}:1)" in acme
    assert str(tmp_path / "first") not in json.dumps(seen[1][2:])
