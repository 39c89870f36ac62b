"""The command line as a user meets it: help with examples, exit codes, one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from graphbuild import __version__
from graphbuild.cli.main import cli


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "graphbuild", *args], capture_output=True, text=True,
                          input=stdin, timeout=600)


@pytest.mark.parametrize("command", sorted(cli.commands))
def test_every_subcommand_has_help_with_an_example(command: str) -> None:
    result = run(command, "--help")
    assert result.returncode == 0, result.stderr
    assert "Example" in result.stdout
    assert f"graphbuild {command}" in result.stdout


def test_bad_usage_exits_2() -> None:
    result = run("build")
    assert result.returncode == 2
    assert "Missing argument" in result.stderr
    assert run("no-such-command").returncode == 2


def test_load_then_stats(records_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run("--quiet", "load", str(records_dir), "--out", str(out))
    assert result.returncode == 0, result.stderr
    for name in ("documents.jsonl", "entities.jsonl", "events.jsonl", "graph.ttl", "graph.trig", "graph.jsonld",
                 "graph.graphml", "view.html", "tables/events.parquet"):
        assert (out / name).exists(), name
    assert list((out / "neo4j").glob("*.csv"))
    stats = run("stats", str(out), "--json")
    assert stats.returncode == 0, stats.stderr
    summary = json.loads(stats.stdout)
    assert summary["events"] == 18 and summary["documents"] == 3
    assert summary["events_by_mode"]["contested"] == 1  # the attack one article tells and another denies


def test_bad_record_line_writes_nothing_and_names_file_and_line(records_dir: Path, tmp_path: Path) -> None:
    records = tmp_path / "records"
    records.mkdir()
    for path in records_dir.iterdir():
        (records / path.name).write_bytes(path.read_bytes())
    with (records / "entities.jsonl").open("a", encoding="utf-8") as handle:
        handle.write('{"id": "X", "label": "X", "kind": "Planet"}\n')
    out = tmp_path / "out"
    result = run("load", str(records), "--out", str(out))
    assert result.returncode == 1
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr  # one line, no traceback
    bad_line = len((records / "entities.jsonl").read_text(encoding="utf-8").splitlines())
    assert f"{records / 'entities.jsonl'}:{bad_line}" in lines[0] and "Planet" in lines[0]
    assert not out.exists()


def test_verbose_shows_the_trace(tmp_path: Path) -> None:
    bad = tmp_path / "records"
    bad.mkdir()
    (bad / "events.jsonl").write_text("{oops\n", encoding="utf-8")
    result = run("--verbose", "load", str(bad), "--out", str(tmp_path / "out"))
    assert result.returncode == 1
    assert "Traceback" in result.stderr and "invalid JSON" in result.stderr


def test_progress_bar_only_on_a_terminal(tmp_path: Path) -> None:
    import shlex
    import shutil

    article = str(Path(__file__).resolve().parents[1] / "examples" / "ru_un_veto.txt")
    command = [sys.executable, "-m", "graphbuild", "build", article, "--out", str(tmp_path / "out")]
    piped = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert piped.returncode == 0 and "articles/s" not in piped.stderr
    assert "documents" in piped.stderr  # the summary table is still printed
    script = shutil.which("script")
    assert script, "util-linux's script(1) gives the test a terminal"
    on_tty = subprocess.run([script, "-qec", shlex.join(command), "/dev/null"], capture_output=True, text=True,
                            timeout=600)
    assert on_tty.returncode == 0, on_tty.stdout
    assert "articles/s" in on_tty.stdout and "1/1" in on_tty.stdout
    quiet = subprocess.run([script, "-qec", shlex.join([*command[:3], "--quiet", *command[3:]]), "/dev/null"],
                           capture_output=True, text=True, timeout=600)
    assert quiet.returncode == 0 and "articles/s" not in quiet.stdout


def test_the_command_ends_without_teardown_yet_runs_exit_handlers_and_flushes_its_output(tmp_path: Path) -> None:
    # console_main leaves by os._exit after the exit handlers: what they and the command print
    # must still arrive, with the command's exit code.
    script = ("import atexit, sys\n"
              "atexit.register(lambda: print('exit handler ran', flush=False))\n"
              "sys.argv = ['graphbuild', *sys.argv[1:]]\n"
              "from graphbuild.cli.main import console_main\n"
              "console_main()\n")
    ok = subprocess.run([sys.executable, "-c", script, "--version"], capture_output=True, text=True, timeout=600)
    assert ok.returncode == 0
    assert ok.stdout.splitlines() == [f"graphbuild, version {__version__}", "exit handler ran"]
    bad = subprocess.run([sys.executable, "-c", script, "stats", str(tmp_path / "missing")], capture_output=True,
                         text=True, timeout=600)
    assert bad.returncode == 2
    assert bad.stdout.strip() == "exit handler ran"


def test_a_profiled_command_still_gets_its_report_written(tmp_path: Path) -> None:
    # Under a profiler the command exits the usual way, so cProfile can write its report afterwards.
    report = tmp_path / "version.prof"
    run_ = subprocess.run([sys.executable, "-m", "cProfile", "-o", str(report), "-m", "graphbuild", "--version"],
                          capture_output=True, text=True, timeout=600)
    assert run_.returncode == 0, run_.stderr
    assert report.stat().st_size > 0
