"""`newsgen serve`: serves the built site, rebuilds on a change, tells the page to reload."""

from __future__ import annotations

import contextlib
import errno
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import watchfiles

from newsgen.server import (
    BUILD_ID_PATH,
    POLL_SECONDS,
    BuildState,
    Server,
    snapshot_sources,
    start_server,
    watch_sources,
)


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


def watched_site(tmp_path: Path) -> Path:
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "ferry-strike.md").write_text(
        "---\nheadline: Ferry crews walk out\ndate: 2025-04-02\n---\n\nStopped.\n",
        encoding="utf-8",
    )
    return tmp_path


def rebuilt(state: BuildState, since: int, timeout: float = 10.0) -> bool:
    """Whether the watcher rebuilt the site (bumped the build id past `since`) in time."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if state.id > since:
            return True
        time.sleep(0.02)
    return False


@contextlib.contextmanager
def watching(
    site: Path, seen: frozenset[tuple[str, int, int]] | None = None
) -> Iterator[BuildState]:
    state, stop = BuildState(), threading.Event()
    watcher = threading.Thread(target=watch_sources, args=(site, None, state, stop, None, seen))
    watcher.start()
    try:
        time.sleep(POLL_SECONDS * 2)  # the watch on
        yield state
    finally:
        stop.set()
        watcher.join(timeout=10)
    assert not watcher.is_alive()


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda site: (site / "content" / "ferry-strike.md").write_text(
            "---\nheadline: Ferry crews return\n---\n\nBack.\n", encoding="utf-8"),
            id="an article edited"),
        pytest.param(lambda site: (site / "content" / "2025").mkdir() or (
            site / "content" / "2025" / "bridge.md").write_text("Bridge shut.\n", encoding="utf-8"),
            id="an article added in a new folder"),
        pytest.param(lambda site: (site / "content" / "ferry-strike.md").unlink(),
            id="an article deleted"),
        pytest.param(lambda site: (site / "newsgen.yaml").write_text(
            "title: Harbour Wire\n", encoding="utf-8"), id="the settings written"),
        pytest.param(lambda site: (site / "templates").mkdir(), id="a templates folder made"),
    ],
)  # fmt: skip
def test_the_watcher_rebuilds_on_each_kind_of_change(tmp_path: Path, change: Any) -> None:
    site = watched_site(tmp_path)
    with watching(site) as state:
        change(site)
        assert rebuilt(state, 0)


def test_a_folder_made_while_serving_is_watched_too(tmp_path: Path) -> None:
    site = watched_site(tmp_path)
    with watching(site) as state:
        (site / "templates").mkdir()
        assert rebuilt(state, 0)
        time.sleep(POLL_SECONDS * 2)  # the watch on again, with templates/ in it
        since = state.id
        (site / "templates" / "robots.txt").write_text("User-agent: *\n", encoding="utf-8")
        assert rebuilt(state, since)


def test_an_edit_made_during_the_first_build_is_not_missed(tmp_path: Path) -> None:
    site = watched_site(tmp_path)
    seen = snapshot_sources(site)  # as start_server takes it, before its first build
    (site / "content" / "ferry-strike.md").write_text("Edited meanwhile.\n", encoding="utf-8")
    with watching(site, seen) as state:
        assert rebuilt(state, 0)


def test_the_watcher_is_quiet_when_nothing_changes(tmp_path: Path) -> None:
    site = watched_site(tmp_path)
    with watching(site, snapshot_sources(site)) as state:
        time.sleep(POLL_SECONDS * 4)
        assert state.id == 0


def test_a_watched_folder_removed_while_serving(tmp_path: Path) -> None:
    site = watched_site(tmp_path)
    (site / "templates").mkdir()
    with watching(site) as state:
        (site / "templates").rmdir()
        assert rebuilt(state, 0)
        time.sleep(POLL_SECONDS * 2)  # the watch on again, on content/ alone
        since = state.id
        (site / "content" / "ferry-strike.md").write_text("Back.\n", encoding="utf-8")
        assert rebuilt(state, since)


def test_where_the_system_will_not_watch_the_files_are_looked_at(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """As when a user has used up their inotify instances."""

    def watch(*paths: Any, **options: Any) -> Any:
        raise OSError(errno.EMFILE, "Too many open files")

    monkeypatch.setattr(watchfiles, "watch", watch)
    site = watched_site(tmp_path)
    with watching(site) as state:
        (site / "content" / "ferry-strike.md").write_text("Back.\n", encoding="utf-8")
        assert rebuilt(state, 0)
    assert "will not watch" in capsys.readouterr().err
