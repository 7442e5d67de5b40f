"""`newsgen serve`: serves the built site, rebuilds on a change, tells the page to reload."""

from __future__ import annotations

import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsgen.server import BUILD_ID_PATH, Server, snapshot_sources, start_server


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Server]:
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "ferry-strike.md").write_text(
        "---\nheadline: Ferry crews walk out\ndate: 2025-04-02\n---\n\nThe ferries stopped.\n",
        encoding="utf-8",
    )
    started = start_server(tmp_path, None, port=0)
    assert started is not None
    yield started
    started.close()


def test_pages_are_served_with_the_reload_script(server: Server) -> None:
    status, page = fetch(server.url)
    assert status == 200
    assert "Ferry crews walk out" in page
    assert BUILD_ID_PATH in page
    assert BUILD_ID_PATH not in (server.output / "index.html").read_text(encoding="utf-8")
    assert server.url.startswith("http://127.0.0.1:")


def test_a_missing_page_gets_the_404_page(server: Server) -> None:
    status, page = fetch(server.url + "articles/no-such-story/")
    assert status == 404
    assert "Page not found" in page


def test_an_edit_rebuilds_the_site_and_changes_the_build_id(server: Server) -> None:
    _, before = fetch(server.url + BUILD_ID_PATH.lstrip("/"))
    site = server.output.parent
    (site / "content" / "bridge-closure.md").write_text(
        "---\nheadline: Bridge closes for repairs\ndate: 2025-04-03\n---\n\nTraffic diverted.\n",
        encoding="utf-8",
    )
    rebuilt = threading.Event()
    for _ in range(100):  # the watcher polls twice a second; give it up to 20 s
        if fetch(server.url + BUILD_ID_PATH.lstrip("/"))[1] != before:
            rebuilt.set()
            break
        server.stop.wait(0.2)
    assert rebuilt.is_set()
    status, page = fetch(server.url + "articles/bridge-closure/")
    assert status == 200 and "Bridge closes for repairs" in page


def test_the_watcher_sees_every_source_once_and_follows_no_linked_folder(tmp_path: Path) -> None:
    (tmp_path / "content" / "2025").mkdir(parents=True)
    story = tmp_path / "content" / "2025" / "ferry-strike.md"
    story.write_text("---\nheadline: Ferry crews walk out\n---\n\nStopped.\n", encoding="utf-8")
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "base.html").write_text("<html></html>", encoding="utf-8")
    (tmp_path / "content" / "loop").symlink_to(tmp_path / "content")  # a folder in itself
    seen = snapshot_sources(tmp_path)
    assert {Path(path) for path, _, _ in seen} == {story, tmp_path / "templates" / "base.html"}
    story.write_text("---\nheadline: Ferry crews return\n---\n\nStopped.\n", encoding="utf-8")
    assert snapshot_sources(tmp_path) != seen
