"""`newsgen serve` in the browser: a page open on the served site shows an edit by itself."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from browsing import Tab, open_tab, page_text

from newsgen.server import Server, start_server

if TYPE_CHECKING:
    from playwright.sync_api import Browser

STORY = """---
headline: Harbour board delays the dredging vote
date: 2025-06-03T09:00:00
tags: [harbour]
---

The harbour board put off its vote on dredging the main channel until July.

"We need the survey first," said Ana Ruiz, the board's chair.
"""


@pytest.fixture
def served_site(tmp_path: Path) -> Iterator[Server]:
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "dredging-vote.md").write_text(STORY, encoding="utf-8")
    server = start_server(tmp_path, None, port=0)
    assert server is not None
    try:
        yield server
    finally:
        server.close()


@pytest.fixture
def served_tab(browser: Browser, served_site: Server) -> Iterator[Tab]:
    yield from open_tab(browser, served_site.url)


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("delays the dredging vote", "sets a date for dredging"),  # the headline
        ("We need the survey first", "We have the survey now"),  # a quote
    ],
)
def test_an_open_article_page_reloads_with_the_edit(
    served_site: Server, served_tab: Tab, before: str, after: str
) -> None:
    served_tab.visit("articles/dredging-vote/")
    assert before in (page_text(served_tab.page) or "")
    story = served_site.output.parent / "content" / "dredging-vote.md"
    story.write_text(story.read_text(encoding="utf-8").replace(before, after), encoding="utf-8")
    deadline = time.monotonic() + 30  # the watcher looks four times a second; builds are quick
    while after not in (text := page_text(served_tab.page) or ""):
        assert time.monotonic() < deadline, f"the page does not show the edit:\n{text}"
        time.sleep(0.05)
    assert before not in text
    navigation = served_tab.page.evaluate(
        "() => performance.getEntriesByType('navigation')[0].type"
    )
    assert navigation == "reload"
