"""The output folder is replaced as a whole: kill -9, a full disk or a second run into the same
--out leave the complete old build or the complete new one, never a mix (issue 12, part 1)."""

from __future__ import annotations

import hashlib
import json
import os
import resource
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from graphbuild.export.output_folder import OutputFolder

# The view's layout breaks ties by set order, which follows Python's string hashing.
ENV = {**os.environ, "PYTHONHASHSEED": "0"}

# Runs `graphbuild load` with every step of the write phase announced on stdout and followed by a
# pause, so the test can kill -9 the process at a chosen step.  argv: records, out, exchange (1/0).
STEPPED_LOAD = """
import sys, time
import graphbuild.export.graphml, graphbuild.export.html_view, graphbuild.export.jsonl
import graphbuild.export.neo4j_csv, graphbuild.export.output_folder as folder, graphbuild.export.rdf
import graphbuild.export.tables
from graphbuild.cli.main import main

def announced(module, name):
    original = getattr(module, name)
    def step(*args, **kwargs):
        print("before", name, flush=True); time.sleep(0.1)
        result = original(*args, **kwargs)
        print("after", name, flush=True); time.sleep(0.1)
        return result
    setattr(module, name, step)

for module, name in [(graphbuild.export.jsonl, "write_contract"), (graphbuild.export.rdf, "write_rdf"),
                     (graphbuild.export.graphml, "write_graphml"), (graphbuild.export.neo4j_csv, "write_neo4j_csv"),
                     (graphbuild.export.tables, "write_parquet"), (graphbuild.export.html_view, "write_view"),
                     (folder, "_swap"), (folder, "_exchange")]:
    announced(module, name)
if sys.argv[3] == "0":
    original_rename = folder.os.rename
    def slow_rename(*args):
        original_rename(*args); print("renamed", flush=True); time.sleep(0.1)
    folder.os.rename = slow_rename
    folder._exchange = lambda first, second: False
sys.exit(main(["--quiet", "load", sys.argv[1], "--out", sys.argv[2]]))
"""


def tree(folder: Path) -> dict[str, str]:
    """Relative path -> sha256 of every file under ``folder`` (hidden files included)."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def load(records: Path, out: Path, **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "graphbuild", "--quiet", "load", str(records), "--out", str(out)],
                          capture_output=True, text=True, timeout=300, env=ENV, **kwargs)  # type: ignore[call-overload]


@pytest.fixture(scope="module")
def builds(records_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """Two different record sets and the complete output each gives in a folder named `out`."""
    base = tmp_path_factory.mktemp("builds")
    old_records = base / "old_records"
    old_records.mkdir()
    for path in records_dir.iterdir():
        (old_records / path.name).write_bytes(path.read_bytes())
    rows = [json.loads(line) for line in (old_records / "documents.jsonl").read_text(encoding="utf-8").splitlines()]
    rows[0]["title"] = "the previous build"
    (old_records / "documents.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    expected: dict[str, object] = {"old_dir": base / "old" / "out"}
    for name, records in (("old", old_records), ("new", records_dir)):
        out = base / name / "out"
        result = load(records, out)
        assert result.returncode == 0, result.stderr
        expected[name] = tree(out)
    assert expected["old"] != expected["new"]
    return {"old_records": old_records, "new_records": records_dir, **expected}


def fresh_old_output(builds: dict[str, object], tmp_path: Path) -> Path:
    out = tmp_path / "out"
    shutil.copytree(builds["old_dir"], out)  # type: ignore[arg-type]
    assert tree(out) == builds["old"]
    return out


def leftovers(out: Path) -> list[str]:
    return sorted(p.name for p in out.parent.iterdir() if p.name.startswith(f".{out.name}.") and
                  not p.name.endswith(".lock"))


@pytest.mark.parametrize(("exchange", "kill_after"), [
    ("1", "before write_contract"), ("1", "after write_rdf"), ("1", "before write_view"),
    ("1", "before _exchange"), ("1", "after _swap"), ("0", "renamed"),
])
def test_kill_during_the_write_phase_leaves_the_old_or_the_new_build(
        builds: dict[str, object], tmp_path: Path, exchange: str, kill_after: str) -> None:
    out = fresh_old_output(builds, tmp_path)
    process = subprocess.Popen([sys.executable, "-c", STEPPED_LOAD, str(builds["new_records"]), str(out), exchange],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=ENV)
    seen = []
    assert process.stdout is not None
    for line in process.stdout:
        seen.append(line.strip())
        if line.strip() == kill_after:
            process.send_signal(signal.SIGKILL)
            break
    process.wait(timeout=60)
    assert process.returncode == -signal.SIGKILL, (seen, process.stderr.read() if process.stderr else "")
    if exchange == "0":  # the two-rename swap can be cut between its renames: the next run repairs it
        with OutputFolder(out):
            pass
    assert tree(out) in (builds["old"], builds["new"]), seen
    with OutputFolder(out):  # the next run starts by cleaning what the killed one left
        assert leftovers(out) == []
    assert tree(out) in (builds["old"], builds["new"]), seen


def test_a_second_run_into_the_same_folder_fails_with_one_line(builds: dict[str, object], tmp_path: Path) -> None:
    out = fresh_old_output(builds, tmp_path)
    with OutputFolder(out):  # another run holds the folder
        result = load(builds["new_records"], out)
    assert result.returncode == 1
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "another graphbuild is writing" in lines[0] and str(out) in lines[0], result.stderr
    assert tree(out) == builds["old"]


def test_stale_temporary_folders_and_files_are_removed(builds: dict[str, object], tmp_path: Path) -> None:
    out = fresh_old_output(builds, tmp_path)
    (out.parent / f".{out.name}.new-stale").mkdir()
    (out.parent / f".{out.name}.new-stale" / "events.jsonl").write_text("half", encoding="utf-8")
    (out / ".graph.trig.abc.tmp").write_text("half", encoding="utf-8")
    assert load(builds["new_records"], out).returncode == 0
    assert leftovers(out) == []
    assert tree(out) == builds["new"]


def _small_files_only() -> None:
    """A disk that fills up: no file may grow past 20 kB (Python ignores SIGXFSZ, so writes fail)."""
    resource.setrlimit(resource.RLIMIT_FSIZE, (20_000, 20_000))


def test_a_full_disk_names_the_path_and_keeps_the_old_output(builds: dict[str, object], tmp_path: Path) -> None:
    out = fresh_old_output(builds, tmp_path)
    result = load(builds["new_records"], out, preexec_fn=_small_files_only)
    assert result.returncode == 1
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "cannot write" in lines[0] and str(out.parent) in lines[0], result.stderr
    # the file named is the output file the user knows, not the temporary one it was written as
    named = Path(lines[0].split(": cannot write")[0].split()[-1])
    assert named.parent == out and not named.name.startswith("."), lines[0]
    assert tree(out) == builds["old"]
    assert leftovers(out) == []


def test_a_folder_holding_other_files_is_refused_not_wiped(builds: dict[str, object], tmp_path: Path) -> None:
    project = tmp_path / "project"
    project.mkdir()
    (project / "notes.md").write_text("mine", encoding="utf-8")
    result = load(builds["new_records"], project)  # type: ignore[arg-type]
    assert result.returncode == 1
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "holds files a build does not write (notes.md)" in lines[0], result.stderr
    assert sorted(p.name for p in project.iterdir()) == ["notes.md"]


def test_every_file_a_build_writes_counts_as_output(builds: dict[str, object]) -> None:
    from graphbuild.export import is_output_entry

    written = {name.split("/", 1)[0] for name in builds["new"]}  # type: ignore[union-attr]
    assert written and all(is_output_entry(name) for name in written), written


def test_two_runs_racing_for_one_folder_give_one_complete_build(builds: dict[str, object], tmp_path: Path) -> None:
    out = fresh_old_output(builds, tmp_path)
    first = subprocess.Popen([sys.executable, "-c", STEPPED_LOAD, str(builds["new_records"]), str(out), "1"],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=ENV)
    assert first.stdout is not None
    assert first.stdout.readline().strip() == "before write_contract"  # the first run is writing now
    second = load(builds["old_records"], out)  # type: ignore[arg-type]
    first.stdout.read()
    assert first.wait(timeout=120) == 0
    assert second.returncode == 1 and "another graphbuild is writing" in second.stderr, second.stderr
    assert tree(out) == builds["new"]
