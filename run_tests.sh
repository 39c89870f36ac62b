#!/usr/bin/env bash
# The whole test suite on a fresh machine: installs the test tools, then runs pytest, whose
# session fixtures start the real servers (Neo4j built from Maven Central artifacts, Oxigraph
# from PyPI) and stop them at the end.
set -euo pipefail
cd "$(dirname "$0")"
python3 -m pip install --quiet --disable-pip-version-check -e '.[test]'
# Debian packages the tests need: Chromium renders the viz page; a JDK and Maven build the
# embedded Neo4j launcher from Maven Central artifacts; script(1) gives a test a terminal.
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v javac >/dev/null 2>&1 || missing+=(openjdk-17-jdk-headless)
command -v mvn >/dev/null 2>&1 || missing+=(maven)
command -v script >/dev/null 2>&1 || missing+=(bsdutils)
if [ ${#missing[@]} -gt 0 ]; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null) \
    || echo "warning: could not install ${missing[*]}; the tests that need them will fail" >&2
fi
exec python3 -m pytest "$@"
