"""The HTML network view renders in a real headless Chromium, offline, with its nodes drawn."""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from graphbuild.cli.main import main
from graphbuild.graph.records import read_records

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"]


def _chromium() -> str:
    binary = shutil.which("chromium") or shutil.which("chromium-browser")
    if binary is None:
        pytest.fail("Debian's chromium renders the view; run_tests.sh installs it (apt-get install chromium)")
    return binary


def _render(page: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    with tempfile.TemporaryDirectory() as profile:
        return subprocess.run([_chromium(), *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "--window-size=1300,850",
                               "--virtual-time-budget=5000", *extra, page.resolve().as_uri()],
                              capture_output=True, text=True, timeout=120)


def test_viz_page_is_self_contained_and_draws_every_connected_actor(records_dir: Path, tmp_path: Path) -> None:
    page = tmp_path / "view.html"
    assert main(["--quiet", "viz", str(records_dir), "--out", str(page)]) == 0
    html = page.read_text(encoding="utf-8")
    assert not re.search(r"<script[^>]+src=|<link[^>]+href=|https?://[^\"']+\.(js|css)", html)
    graph = read_records(records_dir)
    connected = {end for e in graph.events.values() for pair in graph.edge_pairs(e) for end in pair}
    dom = _render(page, "--dump-dom").stdout
    drawn = set(re.findall(r'<g class="node"[^>]*data-id="([^"]+)"', dom))
    assert drawn == connected
    edges = re.findall(r'<path d="M[^"]*"[^>]*class="edge (\w+)"', dom)
    assert len(edges) == sum(len(graph.edge_pairs(e)) for e in graph.events.values())
    assert "denied" in edges
    assert "Сергей Шойгу" in dom  # names in the original script reach the page


def test_viz_screenshot_is_not_blank(records_dir: Path, tmp_path: Path) -> None:
    from PIL import Image

    page = tmp_path / "view.html"
    assert main(["--quiet", "viz", str(records_dir), "--out", str(page)]) == 0
    shot = tmp_path / "shot.png"
    _render(page, f"--screenshot={shot}")
    image = Image.open(shot).convert("RGB")
    network_area = image.crop((0, 130, 900, 840))
    colours = network_area.getcolors(maxcolors=1 << 20) or []
    non_white = sum(count for count, rgb in colours if rgb != (255, 255, 255))
    assert non_white > 2000, "the network area of the screenshot is blank"
