"""Re-make docs/network.png, the README's picture: the bundled examples built and drawn by the
real view (out/view.html) in headless Chromium.

    python tools/readme_picture.py
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from graphbuild.cli.main import main

REPO = Path(__file__).resolve().parents[1]


def run() -> Path:
    chromium = shutil.which("chromium")
    if chromium is None:
        raise SystemExit("Debian's chromium is needed (apt-get install chromium)")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out"
        if main(["--quiet", "build", str(REPO / "examples"), "--out", str(out)]) != 0:
            raise SystemExit("building the examples failed")
        picture = REPO / "docs" / "network.png"
        subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run",
                        f"--user-data-dir={Path(tmp) / 'profile'}", "--window-size=1400,900",
                        "--virtual-time-budget=5000", f"--screenshot={picture}", (out / "view.html").as_uri()],
                       check=True, capture_output=True, timeout=120)
    return picture


if __name__ == "__main__":
    print(run())
