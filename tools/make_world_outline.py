"""Regenerate graphbuild/data/viz/world.json, the world outline of view.html's map.

The outline is Natural Earth's 1:110m Admin 0 countries (public domain), as shipped inside the
geopandas 0.14.4 wheel, simplified to 0.1 degree (points stored as integer tenths of a degree,
repeated points dropped). The wheel is fetched with pip, so the run needs the package index once;
the build never does. Run from the repository root:

    pip install pyshp && python tools/make_world_outline.py
"""

from __future__ import annotations

import itertools
import json
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import shapefile

OUT = Path(__file__).resolve().parent.parent / "graphbuild" / "data" / "viz" / "world.json"
WHEEL = "geopandas==0.14.4"
SHAPES = "geopandas/datasets/naturalearth_lowres/naturalearth_lowres"
ATTRIBUTION = "Natural Earth 1:110m Admin 0 countries (public domain), via geopandas 0.14.4"


def _ring(points: list[tuple[float, float]]) -> list[int]:
    """A ring as flat [lon, lat, lon, lat, ...] in tenths of a degree, without repeated points."""
    flat: list[int] = []
    for lon, lat in points:
        point = [round(lon * 10), round(lat * 10)]
        if flat[-2:] != point:
            flat += point
    return flat


def _countries(shp: Path) -> list[dict[str, object]]:
    encoding = shp.with_suffix(".cpg").read_text(encoding="ascii").strip()  # the .dbf's text encoding
    reader = shapefile.Reader(str(shp), encoding=encoding)
    countries = []
    for record, shape in zip(reader.records(), reader.shapes(), strict=True):
        bounds = [*shape.parts, len(shape.points)]
        rings = [_ring(shape.points[a:b]) for a, b in itertools.pairwise(bounds)]
        rings = [r for r in rings if len(r) >= 6]  # a ring of fewer than three points is not drawn
        if rings:
            countries.append({"iso3": record["iso_a3"], "name": record["name"], "rings": rings})
    return sorted(countries, key=lambda c: (str(c["iso3"]), str(c["name"])))


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, "-m", "pip", "download", WHEEL, "--no-deps", "--quiet", "-d", tmp],
                       check=True)
        wheel = next(Path(tmp).glob("geopandas-*.whl"))
        with zipfile.ZipFile(wheel) as archive:
            for suffix in (".shp", ".shx", ".dbf", ".cpg"):
                archive.extract(SHAPES + suffix, tmp)
        countries = _countries(Path(tmp) / (SHAPES + ".shp"))
    data = {"attribution": ATTRIBUTION, "scale": 10, "countries": countries}
    OUT.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    points = sum(len(r) // 2 for c in countries for r in c["rings"])  # type: ignore[attr-defined]
    print(f"{len(countries)} countries, {points} points, {OUT.stat().st_size} bytes -> {OUT}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
