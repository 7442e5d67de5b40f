"""Fixtures of the browser tests: one build, one server and one Chromium per session.

The sample site (the repository's `content/`) is built once into a temporary
folder and served on 127.0.0.1 by a threaded `http.server` that answers a
missing address with the site's 404 page, as a web host would. Chromium is
Debian's (/usr/bin/chromium), driven by Playwright's sync API; no browser is
ever downloaded.

When Chromium, Playwright or the npm tools (axe-core) are missing the tests
skip, saying what is missing, unless NEWSGEN_REQUIRE_BROWSER=1 (tests/run.sh
sets it), where they fail.

`tab` and `phone_tab` are fresh pages that record console errors, failed
requests and requests leaving 127.0.0.1 (see browsing.py); a test fails at its
end if any was seen.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from browsing import (
    CHROMIUM,
    CHROMIUM_ARGS,
    REPO,
    Tab,
    build_folder,
    open_tab,
    serve_folder,
)

from external_tools import require_tool, tools_dir

if TYPE_CHECKING:
    from playwright.sync_api import Browser


@pytest.fixture(scope="session")
def sample_output(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample site from the repository's content/, built once."""
    return build_folder(REPO, tmp_path_factory.mktemp("sample") / "public")


@pytest.fixture(scope="session")
def sample_url(sample_output: Path) -> Iterator[str]:
    with serve_folder(sample_output) as url:
        yield url


# --- the browser ---------------------------------------------------------------------


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    require_tool(os.access(CHROMIUM, os.X_OK), f"Chromium is not installed at {CHROMIUM}")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        require_tool(False, "the Python package playwright is not installed")
        raise
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture(scope="session")
def axe_script() -> str:
    path = tools_dir() / "axe-core" / "axe.min.js"
    require_tool(path.is_file(), f"axe-core is not installed ({path} is missing)")
    return path.read_text(encoding="utf-8")


@pytest.fixture
def tab(browser: Browser, sample_url: str) -> Iterator[Tab]:
    """A fresh desktop-sized page on the sample site."""
    yield from open_tab(browser, sample_url, viewport={"width": 1280, "height": 900})


@pytest.fixture
def phone_tab(browser: Browser, sample_url: str) -> Iterator[Tab]:
    """A fresh phone-sized page (390x844, touch, device scale 3) on the sample site."""
    yield from open_tab(
        browser,
        sample_url,
        viewport={"width": 390, "height": 844},
        device_scale_factor=3,
        is_mobile=True,
        has_touch=True,
    )
