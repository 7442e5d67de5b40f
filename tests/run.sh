#!/usr/bin/env bash
# Install what the tests need, then run the linters and the whole test suite.
#
# Besides the Python packages (the project's `test` extra), the browser and
# validator tests need Debian's Chromium, a Java runtime for the Nu HTML
# validator, and two packages from the npm registry (vnu-jar and axe-core),
# which go into .tools/ (ignored by git). Where we are root and a tool is
# missing, this script installs it; the tests then refuse to skip.
set -euo pipefail
cd "$(dirname "$0")/.."

# The install compiles some modules next to their source (see README); what an earlier
# install compiled goes first, so that no module left off the list stays compiled.
find src -name '*.so' -delete
python -m pip install --quiet --disable-pip-version-check -e '.[test]'

if [ "$(id -u)" = 0 ]; then
  missing=()
  command -v chromium >/dev/null || missing+=(chromium)
  command -v java >/dev/null || missing+=(default-jre-headless)
  command -v npm >/dev/null || missing+=(npm)
  if [ "${#missing[@]}" -gt 0 ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
fi
if [ ! -f .tools/node_modules/vnu-jar/build/dist/vnu.jar ] \
  || [ ! -f .tools/node_modules/axe-core/axe.min.js ]; then
  npm install --silent --no-audit --no-fund --prefix .tools vnu-jar@26.9.27 axe-core@4.14.1 >/dev/null
fi
export NEWSGEN_TOOLS="$PWD/.tools/node_modules"
export NEWSGEN_REQUIRE_BROWSER=1

python -m ruff check src tests build.py
python -m ruff format --check src tests build.py
python -m mypy --strict src
python -m pytest "$@"
