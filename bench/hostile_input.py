"""Time hostile inputs that used to run for many minutes, now bounded by graphbuild/limits.py.

    python bench/hostile_input.py

Builds each input with the real `graphbuild build` in a subprocess (models load in every run, so
a plain one-sentence article is timed too, as the baseline) and prints seconds per input and the
ratio to the baseline.  The reliability tests only assert that these finish and name what was cut;
this is where the time is measured.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ARTICLE = "Russian President Vladimir Putin visited Pyongyang on Tuesday and met Kim Jong Un."
INPUTS: dict[str, Callable[[], str]] = {
    "baseline: one sentence": lambda: ARTICLE,
    "1 MB repetitive text": lambda: "Russia and China signed an agreement in Moscow. Putin met Xi Jinping. " * 15_000,
    "20k-token sentence": lambda: "Russia said " + "1 " * 20_000 + "ok.",
    "5 MB single line": lambda: (ARTICLE + " ") * 60_000,
    "a million &amp; in HTML": lambda: "<html><body><article><p>" + ARTICLE + " &amp;" * 1_000_000
                                       + "</p></article></body></html>",
}


def _seconds(name: str, text: str, folder: Path) -> float:
    path = folder / ("page.html" if "HTML" in name else "article.txt")
    path.write_text(text, encoding="utf-8")
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "graphbuild", "--quiet", "build", str(path), "--out", str(folder / "out")],
                   check=True, capture_output=True, timeout=1800)
    return time.perf_counter() - start


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        times = {name: _seconds(name, make(), Path(tmp)) for name, make in INPUTS.items()}
    baseline = times["baseline: one sentence"]
    for name, seconds in times.items():
        print(f"{name:28s} {seconds:7.1f} s   {seconds / baseline:5.1f} x baseline")


if __name__ == "__main__":
    main()
