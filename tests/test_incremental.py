"""Incremental updates: `build --into` adds articles to an output folder and `retract` takes them out,
each giving the files a full build of the same articles gives."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from graphbuild.cli.main import main

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
# Chosen so that the new articles tell events the old ones told (Shoigu's visit, the ammunition deal),
# add actors of their own (BRICS) and the old ones hold an event whose id is the dated form.
OLD = ["ru_un_veto.txt", "kk_kirby_shoigu.html", "en_kim_putin_vostochny.jsonl"]
NEW = ["ru_shoigu_pyongyang.html", "en_brics_putin.txt"]


def _build(folder: Path, names: list[str], *flag: str) -> int:
    return main(["--quiet", "build", *(str(EXAMPLES / n) for n in names), *flag, str(folder)])


def folder_bytes(folder: Path) -> dict[str, bytes]:
    """Every file of an output folder by its relative path (the store `serve` keeps there excepted)."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and not p.relative_to(folder).parts[0].startswith(".oxigraph")}


def assert_same_files(folder: Path, expected: Path) -> None:
    got, want = folder_bytes(folder), folder_bytes(expected)
    assert sorted(got) == sorted(want)
    assert [name for name in want if got[name] != want[name]] == []


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The old articles alone, then the new ones added --into, and a full build of both (each in a
    folder named "out": view.html carries the folder's name in its title)."""
    root = tmp_path_factory.mktemp("incremental")
    old, grown, full = root / "old" / "out", root / "grown" / "out", root / "full" / "out"
    assert _build(old, OLD, "--out") == 0
    shutil.copytree(old, grown)
    assert _build(grown, NEW, "--into") == 0
    assert _build(full, OLD + NEW, "--out") == 0
    return {"old": old, "grown": grown, "full": full}


def test_adding_into_an_output_gives_the_bytes_of_a_full_build(built: dict[str, Path]) -> None:
    assert_same_files(built["grown"], built["full"])
    assert folder_bytes(built["grown"]) != folder_bytes(built["old"])


def test_a_document_already_in_the_output_is_not_added_again(built: dict[str, Path], tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "out"
    shutil.copytree(built["grown"], folder)
    capsys.readouterr()
    assert main(["build", str(EXAMPLES / NEW[0]), "--into", str(folder)]) == 0
    assert "already in" in capsys.readouterr().err
    assert_same_files(folder, built["full"])


def test_into_a_missing_or_foreign_folder_is_one_clear_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]
                                                            ) -> None:
    missing = tmp_path / "nowhere"
    assert _build(missing, NEW[:1], "--into") == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and str(missing) in err[0] and "does not exist" in err[0]
    empty = tmp_path / "empty"
    empty.mkdir()
    assert _build(empty, NEW[:1], "--into") == 1
    assert "not a graphbuild output" in capsys.readouterr().err
    assert main(["build", str(EXAMPLES / NEW[0])]) == 2  # neither --out nor --into


def test_into_a_corrupt_output_names_the_file_and_line(built: dict[str, Path], tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "out"
    shutil.copytree(built["old"], folder)
    with (folder / "events.jsonl").open("a", encoding="utf-8") as handle:
        handle.write("{not json\n")
    lines = (folder / "events.jsonl").read_text(encoding="utf-8").count("\n")
    before = folder_bytes(folder)
    assert _build(folder, NEW[:1], "--into") == 1
    assert f"events.jsonl:{lines}: invalid JSON" in capsys.readouterr().err
    assert folder_bytes(folder) == before
