"""The tools outside Python that some tests need, and what a test does when one is absent.

`tests/run.sh` installs Chromium and Java (as root, when missing) and the npm
packages vnu-jar and axe-core into `.tools/node_modules` (or `$NEWSGEN_TOOLS`).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def tools_dir() -> Path:
    """Where tests/run.sh put the npm tools (vnu-jar, axe-core)."""
    return Path(os.environ.get("NEWSGEN_TOOLS") or REPO / ".tools" / "node_modules")


def require_tool(present: bool, missing: str) -> None:
    """Skip (or, with NEWSGEN_REQUIRE_BROWSER=1, fail) when a tool the test needs is absent."""
    if present:
        return
    message = f"{missing}; `bash tests/run.sh` installs it"
    if os.environ.get("NEWSGEN_REQUIRE_BROWSER") == "1":
        pytest.fail(f"NEWSGEN_REQUIRE_BROWSER=1 but {message}", pytrace=False)
    pytest.skip(message)
