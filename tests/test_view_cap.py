"""view.html of a large graph shows its busiest actors and latest edges, and says so."""

from __future__ import annotations

from pathlib import Path

import pytest

from graphbuild.export import html_view
from graphbuild.graph.records import read_records


def test_a_small_graph_is_shown_whole(records_dir: Path) -> None:
    data = html_view.view_data(read_records(records_dir))
    assert "shown" not in data


def test_a_large_graph_is_capped(records_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    graph = read_records(records_dir)
    whole = html_view.view_data(graph)
    monkeypatch.setattr(html_view, "VIEW_ACTORS", 5)
    monkeypatch.setattr(html_view, "VIEW_EDGES", 4)
    monkeypatch.setattr(html_view, "MAP_EVENTS", 2)
    data = html_view.view_data(graph)
    busiest = sorted(whole["nodes"], key=lambda n: (-n["degree"], n["id"]))[:5]
    assert {n["id"] for n in data["nodes"]} == {n["id"] for n in busiest}
    assert len(data["edges"]) <= 4 and len(data["map_events"]) <= 2
    shown = {n["id"] for n in data["nodes"]}
    assert all(e["source"] in shown and e["target"] in shown for e in data["edges"])
    # The latest edges among the busiest actors, in the whole view's order.
    among = [e for e in whole["edges"] if e["source"] in shown and e["target"] in shown]
    latest = sorted(among, key=lambda e: (e["date"] or e["first_reported_on"] or "", e["event"]))[-4:]
    assert {(e["event"], e["source"], e["target"]) for e in data["edges"]} == \
        {(e["event"], e["source"], e["target"]) for e in latest}
    assert data["shown"]["of_actors"] == len(whole["nodes"]) and data["shown"]["actors"] == 5
    assert "busiest of" in html_view.render_html(graph, "t")


def test_the_layout_of_a_large_view_takes_fewer_iterations() -> None:
    # Full iterations while a layout is cheap (the dev set's 142 actors and the hidden hub), fewer
    # as actors squared grow, never below the floor.
    assert html_view.layout_iterations(143) == html_view.LAYOUT_ITERATIONS
    large = html_view.layout_iterations(html_view.VIEW_ACTORS + 1)
    assert html_view.LAYOUT_MIN_ITERATIONS <= large < html_view.LAYOUT_ITERATIONS
    assert large * (html_view.VIEW_ACTORS + 1) ** 2 <= html_view.LAYOUT_WORK
    assert html_view.layout_iterations(10_000) == html_view.LAYOUT_MIN_ITERATIONS
