#!/usr/bin/env bash
# The whole test suite on a fresh machine: installs the test tools, then runs pytest, whose
# session fixtures start the real servers (Neo4j built from Maven Central artifacts, Oxigraph
# from PyPI) and stop them at the end.
set -euo pipefail
cd "$(dirname "$0")"
python3 -m pip install --quiet --disable-pip-version-check -e '.[test]'
if ! command -v chromium >/dev/null 2>&1; then
  # Headless Chromium renders the viz page in the tests (Debian's package).
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
    || echo "warning: could not install chromium; the viz rendering test will fail" >&2
fi
exec python3 -m pytest "$@"
