#!/usr/bin/env bash
# Install what the tests need, then run the linters and the test suite.
set -euo pipefail
cd "$(dirname "$0")/.."

python -m pip install --quiet --disable-pip-version-check -e '.[test]'

python -m ruff check src tests build.py
python -m ruff format --check src tests build.py
python -m mypy --strict src
python -m pytest "$@"
