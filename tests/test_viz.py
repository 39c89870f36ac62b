"""The HTML network view renders in a real headless Chromium, offline, with its nodes drawn."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import tempfile
from html import unescape as html_unescape
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


PWNED = "document.documentElement.setAttribute('data-pwned', 'yes')"
HOSTILE_LABELS = ["<!--<script>", f'</script><img src=x onerror="{PWNED}">', "__DATA__", "line\u2028separator & co"]


def _hostile_records(records_dir: Path, target: Path) -> Path:
    """The test records with actor names and evidence an attacker chose."""
    target.mkdir()
    for path in records_dir.iterdir():
        target.joinpath(path.name).write_bytes(path.read_bytes())
    entities = [json.loads(line) for line in (target / "entities.jsonl").read_text(encoding="utf-8").splitlines()]
    for entity, label in zip(entities, HOSTILE_LABELS, strict=False):
        entity["label"] = label
        entity["names"] = {"en": [label]}
    (target / "entities.jsonl").write_text("".join(json.dumps(e) + "\n" for e in entities), encoding="utf-8")
    events = [json.loads(line) for line in (target / "events.jsonl").read_text(encoding="utf-8").splitlines()]
    for evidence in events[0]["evidence"]:
        evidence["sentence"] = f'<img src=x onerror="{PWNED}"> <!--<script>'
    (target / "events.jsonl").write_text("".join(json.dumps(e) + "\n" for e in events), encoding="utf-8")
    return target


def test_hostile_names_and_titles_are_shown_as_text_and_run_nothing(records_dir: Path, tmp_path: Path) -> None:
    records = _hostile_records(records_dir, tmp_path / "records")
    graph = read_records(records)
    connected = {end for e in graph.events.values() for pair in graph.edge_pairs(e) for end in pair}
    title = f'__DATA__ </title><img src=x onerror="{PWNED}">'
    page = tmp_path / "view.html"
    assert main(["--quiet", "viz", str(records), "--out", str(page), "--title", title]) == 0
    out = tmp_path / "__DATA__"  # build and load title the page with the output folder's name
    assert main(["--quiet", "load", str(records), "--out", str(out)]) == 0
    for built, expected_title in ((page, title), (out / "view.html", "graphbuild: __DATA__")):
        html = built.read_text(encoding="utf-8")
        script_data = html.split('<script id="graph-data" type="application/json">', 1)[1].split("</script>", 1)[0]
        assert not set("<>&\u2028\u2029") & set(script_data)  # nothing the HTML parser could act on
        dom = _render(built, "--dump-dom").stdout
        assert 'data-pwned="yes"' not in dom  # the handler would have set it on <html>
        assert set(re.findall(r'<g class="node"[^>]*data-id="([^"]+)"', dom)) == connected
        assert html_unescape(re.search(r"<title>(.*?)</title>", dom, flags=re.S).group(1)) == expected_title
        assert "&lt;!--&lt;script&gt;" in dom  # the name drawn as text


def test_the_view_script_never_writes_markup() -> None:
    script = (Path(__file__).resolve().parents[1] / "graphbuild" / "data" / "viz" / "view.js").read_text()
    assert "innerHTML" not in script and "outerHTML" not in script and "insertAdjacentHTML" not in script


def test_the_map_view_draws_the_world_every_located_actor_and_every_event_at_its_place(
        examples_out: Path, tmp_path: Path) -> None:
    """view.html#view=map opens on the map, offline: the shipped outline, actors with coordinates, events."""
    from PIL import Image

    graph = read_records(examples_out)
    located = {a.id for a in graph.actors.values() if a.lat is not None}
    placed = {e.id: e.place for e in graph.events.values() if e.place in located}
    assert located and placed
    page = examples_out / "view.html"
    map_page = page.resolve().as_uri() + "#view=map"
    with tempfile.TemporaryDirectory() as profile:
        dom = subprocess.run([_chromium(), *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "--window-size=1300,850",
                              "--virtual-time-budget=5000", "--dump-dom", map_page],
                             capture_output=True, text=True, timeout=120).stdout
        shot = tmp_path / "map.png"
        subprocess.run([_chromium(), *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "--window-size=1300,850",
                        "--virtual-time-budget=5000", f"--screenshot={shot}", map_page],
                       capture_output=True, text=True, timeout=120)
    world = json.loads((Path(__file__).resolve().parents[1] / "graphbuild" / "data" / "viz" / "world.json")
                       .read_text(encoding="utf-8"))
    assert len(re.findall(r'<path d="M[^"]+" class="land"', dom)) == len(world["countries"])
    assert set(re.findall(r'<g class="place"[^>]*data-place="([^"]+)"', dom)) == located
    marks = dict(re.findall(r'class="event-mark \w+" data-event="([^"]+)" data-at="([^"]+)"', dom))
    assert marks == placed
    assert not re.findall(r'<g class="node"', dom)  # the network is not drawn behind the map
    colours = Image.open(shot).convert("RGB").crop((0, 150, 900, 840)).getcolors(maxcolors=1 << 20) or []
    assert len(colours) > 20, "the map area of the screenshot is flat"
