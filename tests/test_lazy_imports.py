"""Start-up: a command imports only what it uses (the Neo4j driver only to talk to Neo4j, Dask only
with --dask, nothing heavy for --help), so trying one article does not wait for them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
HEAVY = ("neo4j", "dask", "distributed", "pandas", "rdflib", "pyoxigraph", "spacy", "lingua", "networkx",
         "trafilatura", "natasha")


def _imported_after(argv: list[str], cache: Path | None = None) -> set[str]:
    script = ("import json, sys\n"
              "from graphbuild.cli.main import main\n"
              f"code = main({argv!r})\n"
              f"print(json.dumps([code, [m for m in {HEAVY!r} if m in sys.modules]]))\n")
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    if cache is not None:
        env["GRAPHBUILD_CACHE_DIR"] = str(cache)
    run = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True,
                         timeout=600)
    code, modules = json.loads(run.stdout.strip().splitlines()[-1])
    assert code == 0, run.stderr
    return set(modules)


def test_help_imports_nothing_heavy() -> None:
    assert _imported_after(["--help"]) == set()


def test_building_one_article_imports_no_neo4j_driver_and_no_dask(tmp_path: Path) -> None:
    imported = _imported_after(["--quiet", "build", str(REPO / "examples" / "ru_un_veto.txt"),
                                "--out", str(tmp_path / "out")])
    assert {"neo4j", "dask", "distributed"}.isdisjoint(imported), imported
    assert {"natasha", "pyoxigraph", "pandas"} <= imported  # the check sees what a build does import
    assert "lingua" not in imported  # letters, function words and the article's context decide its lines
    assert (tmp_path / "out" / "neo4j" / "import.sh").exists()  # the bulk-import CSVs are still written


def test_a_text_article_is_read_without_trafilatura_once_its_filter_is_cached(tmp_path: Path) -> None:
    article = str(REPO / "examples" / "kk_xi_astana.txt")
    cache = tmp_path / "cache"
    _imported_after(["--quiet", "build", article, "--out", str(tmp_path / "first")], cache)  # fills the cache
    imported = _imported_after(["--quiet", "build", article, "--out", str(tmp_path / "out")], cache)
    assert "trafilatura" not in imported, imported
    assert "natasha" not in imported  # only the models of the article's language load
    assert "trafilatura" in _imported_after(["--quiet", "build", str(REPO / "examples" / "en_kyiv_strikes.html"),
                                             "--out", str(tmp_path / "html")], cache)  # a page is still parsed
