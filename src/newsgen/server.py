"""`newsgen serve`: the built site on 127.0.0.1, rebuilt and reloaded when its sources change.

A thread watches content/, templates/ and static/ through the system's file change
notices (inotify on Linux, by `watchfiles`), and looks at newsgen.yaml and at which of
those folders exist four times a second; after a rebuild (incremental, with what the
last build made kept in memory: `builder.BuildMemo`) it bumps a build id. Pages are
served with a tiny script (added only here, never to the built files) that polls the
build id and reloads the page when it changes.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import http.server
import os
import sys
import threading
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from pathlib import Path

import watchfiles

from newsgen.builder import BuildMemo, build_site
from newsgen.config import CONFIG_NAME, ConfigError, SiteConfig, load_config

BUILD_ID_PATH = "/__newsgen__/build-id"
POLL_SECONDS = 0.25  # between two looks at newsgen.yaml and the watched folders
WATCHED_FOLDERS = ("content", "templates", "static")
# How long the watcher waits for more changes after one before it rebuilds: an editor
# saving a file may write it in several steps.
SETTLE_MS = 30
QUIET_LOOKS = 2  # looks with nothing changed after a build before its garbage is collected
# How often a page asks for the build id: a request takes the server about a millisecond,
# and a longer wait would add to every edit's way to the browser. (A request held open
# until the next build would answer at once, but would hold one of the six connections
# a browser opens to a server for each tab: a seventh tab would not load.)
PAGE_POLL_MS = 100
RELOAD_SCRIPT = (
    "<script>(function(){var id=null;function poll(){fetch('" + BUILD_ID_PATH + "',"
    "{cache:'no-store'}).then(function(r){return r.text();}).then(function(t){"
    "if(id!==null&&t!==id){location.reload();}id=t;}).catch(function(){})"
    f".finally(function(){{setTimeout(poll,{PAGE_POLL_MS});}});}}poll();}}());</script>"
).encode()


class BuildState:
    """The id of the newest finished build, shared between the watcher and the handlers."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._id = 0

    def bump(self) -> None:
        with self._lock:
            self._id += 1

    @property
    def id(self) -> int:
        with self._lock:
            return self._id


def snapshot_sources(site: Path) -> frozenset[tuple[str, int, int]]:
    """What the watcher compares: every watched file (newsgen.yaml and whatever is in
    content/, templates/ and static/) with its mtime and size. Read with `os.scandir`:
    at 10,000 articles 0.05 s a look, where `Path.rglob` and a `stat` per path took 0.15 s."""
    found: set[tuple[str, int, int]] = set()
    config = site / CONFIG_NAME
    with contextlib.suppress(FileNotFoundError):
        stat = config.stat()
        found.add((str(config), stat.st_mtime_ns, stat.st_size))
    for folder in ("content", "templates", "static"):
        _snapshot_folder(str(site / folder), found)
    return frozenset(found)


def _snapshot_folder(folder: str, found: set[tuple[str, int, int]]) -> None:
    try:
        entries = os.scandir(folder)
    except OSError:  # not there, or not readable: nothing to watch in it
        return
    with entries:
        for entry in entries:
            try:
                if entry.is_dir(follow_symlinks=False):  # (a linked folder may loop)
                    _snapshot_folder(entry.path, found)
                elif entry.is_file():
                    stat = entry.stat()
                    found.add((entry.path, stat.st_mtime_ns, stat.st_size))
            except OSError:  # gone since the folder was listed
                continue


def rebuild(
    site: Path,
    output: Path | None,
    memo: BuildMemo | None = None,
    changed: Collection[str] | None = None,
) -> SiteConfig | None:
    try:
        config = load_config(site, output)
    except ConfigError as error:
        for diagnostic in error.diagnostics:
            print(diagnostic, file=sys.stderr)
        return None
    report = build_site(config, memo=memo, changed=changed)
    for diagnostic in report.diagnostics:
        print(diagnostic, file=sys.stderr)
    print(f"built {report.articles} articles, {report.pages} pages", file=sys.stderr)
    return config


def make_handler(directory: Path, state: BuildState) -> type[http.server.SimpleHTTPRequestHandler]:
    class Handler(http.server.SimpleHTTPRequestHandler):
        def do_GET(self) -> None:
            if self.path.split("?")[0] == BUILD_ID_PATH:
                self._send(200, "text/plain", str(state.id).encode())
                return
            target = Path(self.translate_path(self.path))
            if target.is_dir():
                if not self.path.split("?")[0].endswith("/"):
                    super().do_GET()  # redirects to the folder's URL with a slash
                    return
                target = target / "index.html"
            if not target.is_file():
                missing = directory / "404.html"
                body = missing.read_bytes() if missing.is_file() else b"Not found"
                self._send(404, "text/html; charset=utf-8", _with_reload(body))
                return
            if target.suffix == ".html":
                self._send(200, "text/html; charset=utf-8", _with_reload(target.read_bytes()))
                return
            super().do_GET()

        def _send(self, status: int, kind: str, body: bytes) -> None:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            return  # one line per request would drown the build messages

    return functools.partial(Handler, directory=str(directory))  # type: ignore[return-value]


def _with_reload(page: bytes) -> bytes:
    at = page.rfind(b"</body>")
    return page + RELOAD_SCRIPT if at < 0 else page[:at] + RELOAD_SCRIPT + page[at:]


def watch_sources(
    site: Path,
    output: Path | None,
    state: BuildState,
    stop: threading.Event,
    memo: BuildMemo | None = None,
    seen: frozenset[tuple[str, int, int]] | None = None,
) -> None:
    """Rebuild whenever a source changes; `seen`: the sources as the last build saw them
    (compared once the watch has started, for an edit made while that build ran).

    The folders are watched by the system, which tells of a change within milliseconds
    and costs nothing in between (looking at every file's time, as the watcher once did,
    took 0.05 s at 10,000 articles, four times a second). newsgen.yaml, and which folders
    there are to watch, are looked at every `POLL_SECONDS`; when the folders change, the
    watch starts again on those there are now. Where the system will not watch them (too
    many watches already), every file's time and size is looked at instead, as often.
    (watchfiles' own polling compares times to the second: an edit saved within the
    second of the one before would go unseen.)"""
    untidy, quiet = True, 0  # the last build's garbage not yet collected; looks since
    for changed in _changes(site, stop, seen):
        if changed is None or changed:
            rebuild(site, output, memo, changed)
            state.bump()
            untidy, quiet = True, 0
        elif untidy and (quiet := quiet + 1) >= QUIET_LOOKS:
            # The objects a build leaves are young: left to the cycle collector's young
            # generations, the next build would walk them again (0.3 s at 10,000
            # articles). Collected once the page has reloaded, while nothing happens.
            gc.collect()
            untidy = False


def _changes(
    site: Path, stop: threading.Event, seen: frozenset[tuple[str, int, int]] | None
) -> Iterator[set[str] | None]:
    """What changed at each look, until `stop`: the paths (none: nothing), or None when
    something did but not where (an edit before the watch was on, newsgen.yaml, the
    watched folders). When the folders change, the watch starts again on those there
    are now, and the sources as the build about to run sees them are compared with the
    files once it is on."""
    polling = False
    while not stop.is_set():
        top = _top_level(site)
        try:
            for paths in _looks(site, stop, polling):
                if seen is not None:  # the watch is on: was anything edited before it was?
                    edited = snapshot_sources(site) != seen
                    seen = None
                    if edited:
                        yield None
                        continue
                if _top_level(site) != top:
                    seen = snapshot_sources(site)
                    yield None
                    break  # watch the folders there are now
                yield paths
        except FileNotFoundError:  # a folder went as the watch started: watch again
            continue
        except (OSError, RuntimeError) as error:  # (raised by the watch, not by a build)
            if polling:
                raise
            print(f"newsgen serve: the system will not watch {site} ({error}); "
                  "looking at the files instead", file=sys.stderr)  # fmt: skip
            polling = True


def _looks(site: Path, stop: threading.Event, polling: bool) -> Iterator[set[str]]:
    """The paths changed since the last look, at least every `POLL_SECONDS`, until `stop`:
    told by the system, or (`polling`, or no folder to watch) from the files' times and
    sizes."""
    folders = [site / name for name in WATCHED_FOLDERS if (site / name).is_dir()]
    if polling or not folders:
        last = snapshot_sources(site)
        while not stop.wait(POLL_SECONDS):
            now = snapshot_sources(site)
            yield {path for path, _, _ in now ^ last}
            last = now
        return
    for changes in watchfiles.watch(
        *folders,
        watch_filter=None,  # every file: a build decides what is a source
        step=SETTLE_MS,
        rust_timeout=int(POLL_SECONDS * 1000),
        yield_on_timeout=True,
        stop_event=stop,
        raise_interrupt=False,
    ):
        yield {path for _, path in changes}


def _top_level(site: Path) -> tuple[object, ...]:
    """What is looked at rather than watched: newsgen.yaml's time and size, and which of
    the watched folders there are (by inode: a folder made again is another folder)."""
    looked: list[object] = []
    for path in (site / CONFIG_NAME, *(site / name for name in WATCHED_FOLDERS)):
        try:
            stat = path.stat()
        except OSError:
            looked.append(None)
            continue
        looked.append((stat.st_ino, stat.st_mtime_ns if path.is_file() else 0, stat.st_size))
    return tuple(looked)


@dataclass
class Server:
    """A running `newsgen serve`: the HTTP server, its build state and its watcher."""

    http: http.server.ThreadingHTTPServer
    output: Path
    state: BuildState
    stop: threading.Event
    watcher: threading.Thread

    @property
    def url(self) -> str:
        host, port = self.http.server_address[:2]
        return f"http://{host!s}:{port}/"

    def close(self) -> None:
        self.stop.set()
        self.http.shutdown()
        self.http.server_close()
        self.watcher.join()


def start_server(site: Path, output: Path | None, port: int) -> Server | None:
    """Build once, then serve on 127.0.0.1 (port 0: any free port) and watch for changes."""
    memo = BuildMemo()
    seen = snapshot_sources(site)  # before the build: an edit made during it is not missed
    config = rebuild(site, output, memo)
    if config is None:
        return None
    state = BuildState()
    stop = threading.Event()
    watcher = threading.Thread(
        target=watch_sources, args=(site, output, state, stop, memo, seen), daemon=True
    )
    handler = make_handler(config.output_dir.resolve(), state)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    watcher.start()
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return Server(server, config.output_dir, state, stop, watcher)


def serve_site(site: Path, output: Path | None, *, port: int = 8000) -> int:
    server = start_server(site, output, port)
    if server is None:
        return 1
    print(f"serving {server.output} on {server.url} (Ctrl-C stops)")
    try:
        server.stop.wait()
    except KeyboardInterrupt:
        print("stopped", file=sys.stderr)
    finally:
        server.close()
    return 0
