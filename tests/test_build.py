"""`graphbuild build` end to end: bad inputs do not stop the run, re-ingesting changes nothing,
and parallel or Dask extraction gives the same graph as one process."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CONTRACT = ("documents.jsonl", "entities.jsonl", "events.jsonl", "roles.jsonl")


def build(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "graphbuild", "--quiet", "build", *args], capture_output=True,
                          text=True, timeout=900)


def same_contract(a: Path, b: Path) -> None:
    for name in CONTRACT:
        assert (a / name).read_bytes() == (b / name).read_bytes(), name


def test_bad_inputs_are_named_and_the_rest_is_built(tmp_path: Path) -> None:
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02\xff" * 64)
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "latin1.txt").write_bytes("Café à Paris, déjà vu \xe9\xe8".encode("latin-1") * 3)
    (tmp_path / "feed.jsonl").write_text('{"title": "no text here"}\n', encoding="utf-8")
    (tmp_path / "german.txt").write_text("Die Bundesregierung hat am Montag neue Sanktionen gegen Russland "
                                         "beschlossen, teilte ein Sprecher in Berlin mit.", encoding="utf-8")
    good = REPO / "examples" / "ru_un_veto.txt"
    out = tmp_path / "out"
    result = build(str(good), *(str(tmp_path / n) for n in ("binary.txt", "empty.txt", "latin1.txt", "feed.jsonl",
                                                            "german.txt")), "--out", str(out))
    assert result.returncode == 1, result.stderr
    for name in ("binary.txt", "empty.txt", "latin1.txt", "feed.jsonl", "german.txt"):
        assert name in result.stderr, f"{name} not named in: {result.stderr}"
    assert "unsupported language" in result.stderr
    assert "Traceback" not in result.stderr
    documents = (out / "documents.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(documents) == 1 and "ru_un_veto.txt" in documents[0]


def test_reingesting_changes_nothing_and_parallel_builds_agree(examples_out: Path, tmp_path: Path) -> None:
    examples = str(REPO / "examples")
    twice = build(examples, examples, "--out", str(tmp_path / "twice"))
    assert twice.returncode == 0, twice.stderr
    same_contract(examples_out, tmp_path / "twice")
    jobs = build(examples, "--jobs", "2", "--out", str(tmp_path / "jobs"))
    assert jobs.returncode == 0, jobs.stderr
    same_contract(examples_out, tmp_path / "jobs")


def test_dask_local_cluster_builds_the_same_graph(examples_out: Path, tmp_path: Path) -> None:
    result = build(str(REPO / "examples"), "--dask", "local", "--jobs", "2", "--out", str(tmp_path / "dask"))
    assert result.returncode == 0, result.stderr
    same_contract(examples_out, tmp_path / "dask")


def test_unreachable_dask_scheduler_is_one_clear_line(tmp_path: Path) -> None:
    result = build(str(REPO / "examples" / "ru_un_veto.txt"), "--dask", "tcp://127.0.0.1:9", "--out",
                   str(tmp_path / "out"))
    assert result.returncode == 1
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()
