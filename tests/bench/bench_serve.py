"""`newsgen serve` benchmark: how long an edit takes to show in the browser.

    python tests/bench/bench_serve.py [--articles 10000] [--edits 6] [--work DIR]

Generates the synthetic corpus (`tests/bench/corpus.py`, newsgen's files only) into a
scratch folder, starts `newsgen serve` on it (the command itself, in its own process;
its first build is a cold one unless the folder holds an earlier run's cache), and
opens the newest article's page in headless Chromium (Debian's, driven by Playwright,
as the browser tests do). Then, for each kind of edit (`EDITS`: a sentence added to the
body, as in `bench_build.py`'s one-edit rebuild; the headline corrected, which changes
the article's card on the home, tag, month and related pages too), `--edits` times, a
second apart: edits that article (and undoes the edit, in turn) and times, from the
moment the file is written,

- until `newsgen serve` says it rebuilt the site (the watcher saw the change and
  the incremental rebuild finished);
- until the page in the browser shows the change (its reload script saw the new
  build and reloaded the page).

Prints each edit's times, and per kind their median and the largest, against issue 5's
target (an edit shown within a second at 10,000 articles).
"""

from __future__ import annotations

import argparse
import contextlib
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "browser"))

from browsing import CHROMIUM, CHROMIUM_ARGS, page_text  # as the browser tests use them

import corpus  # the corpus generator beside this script
from newsgen.server import BUILD_ID_PATH

if TYPE_CHECKING:
    from playwright.sync_api import Page

# Each kind of edit: how to make it, and a text the page shows only once it is made.
EDITS: dict[str, tuple[Callable[[corpus.SyntheticArticle], corpus.SyntheticArticle], str]] = {
    "sentence added": (corpus.edit_article, "updated with a correction to the cost figures"),
    "headline corrected": (corpus.correct_headline, ", officials now say"),
}
TARGET_SECONDS = 1.0
READY_SECONDS = 900  # for the first build (a cold one: a minute or more on a busy host)
SHOWN_SECONDS = 30  # for an edit to show before the run gives up


class ServeProcess:
    """`newsgen serve` in its own process; each "built ..." line it prints, timed."""

    def __init__(self, site: Path, output: Path) -> None:
        with socket.socket() as probe:  # a free port for it
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        command = [sys.executable, "-m", "newsgen.cli", "serve", "--site", str(site)]
        command += ["--output", str(output), "--port", str(self.port)]
        self.process = subprocess.Popen(
            command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
        )
        self.builds: list[float] = []  # when each "built ..." line came (perf_counter)
        self.errors: list[str] = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    def _read(self) -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            if line.startswith("built "):
                self.builds.append(time.perf_counter())
            elif line.strip():
                self.errors.append(line.rstrip())

    def wait_ready(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit("newsgen serve stopped:\n" + "\n".join(self.errors[-20:]))
            try:
                with urllib.request.urlopen(self.url + BUILD_ID_PATH.lstrip("/"), timeout=5):
                    return
            except (urllib.error.URLError, OSError):
                time.sleep(0.5)
        raise SystemExit(f"newsgen serve did not answer within {timeout:.0f} s")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


@contextlib.contextmanager
def served(site: Path, output: Path) -> Iterator[ServeProcess]:
    server = ServeProcess(site, output)
    try:
        server.wait_ready(READY_SECONDS)
        yield server
    finally:
        server.stop()


def time_edits(
    server: ServeProcess, page: Page, root: Path, original: corpus.SyntheticArticle, edits: int
) -> dict[str, list[tuple[float, float]]]:
    """Per kind of edit, (seconds until rebuilt, seconds until shown) for each edit."""
    timings: dict[str, list[tuple[float, float]]] = {kind: [] for kind in EDITS}
    for kind, (edit, marker) in EDITS.items():
        for number in range(edits):
            edited = number % 2 == 0
            time.sleep(1.0)  # the page settled, the watcher between two looks
            builds_before = len(server.builds)
            written = time.perf_counter()
            corpus.write_article(root, edit(original) if edited else original, ["newsgen"])
            while (text := page_text(page)) is None or (marker in text) != edited:
                if time.perf_counter() - written > SHOWN_SECONDS:
                    raise SystemExit(f"{kind}: edit {number + 1} not shown after {SHOWN_SECONDS} s")
                time.sleep(0.005)
            shown = time.perf_counter()
            rebuilt = next(iter(server.builds[builds_before:]), float("nan"))
            timings[kind].append((rebuilt - written, shown - written))
            print(
                f"{kind}, {'edit' if edited else 'undo'} {number + 1}: rebuilt after "
                f"{rebuilt - written:.2f} s, shown after {shown - written:.2f} s",
                flush=True,
            )
    return timings


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--edits", type=int, default=6)
    parser.add_argument(
        "--work", type=Path, default=Path("/tmp/newsgen-bench-serve"), help="scratch folder"
    )
    args = parser.parse_args(argv)
    if not CHROMIUM.is_file():
        parser.error(f"no Chromium at {CHROMIUM} (apt install chromium)")
    from playwright.sync_api import sync_playwright

    work: Path = args.work.resolve()
    summary = corpus.write_corpus(work / "corpus", args.articles, args.seed, ["newsgen"], True)
    print(f"corpus: {summary.articles} articles in {work / 'corpus'}", flush=True)
    newest = corpus.make_article(args.articles - 1, args.seed)
    corpus.write_article(work / "corpus", newest, ["newsgen"])  # (as a stopped run left it)
    site = work / "corpus" / "newsgen"
    started = time.perf_counter()
    with served(site, work / "out") as server, sync_playwright() as playwright:
        print(f"newsgen serve answered after {time.perf_counter() - started:.1f} s", flush=True)
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            page.goto(f"{server.url}articles/{newest.slug}/", wait_until="load")
            if newest.headline not in (page_text(page) or ""):
                raise SystemExit(f"the page of {newest.slug} does not show its headline")
            timings = time_edits(server, page, work / "corpus", newest, args.edits)
        finally:
            browser.close()
            corpus.write_article(work / "corpus", newest, ["newsgen"])
    print(f"\n{args.articles} articles, {args.edits} edits of each kind (median; largest):")
    verdicts = []
    for kind, times in timings.items():
        rebuilt, shown = [r for r, _ in times], [s for _, s in times]
        verdicts.append(f"{kind} {'met' if max(shown) <= TARGET_SECONDS else 'MISSED'}")
        print(
            f"  {kind:<20} rebuilt after {statistics.median(rebuilt):.2f} s "
            f"({max(rebuilt):.2f} s), shown in the browser after "
            f"{statistics.median(shown):.2f} s ({max(shown):.2f} s)"
        )
    print(
        f"issue 5's target, every edit shown within {TARGET_SECONDS:.0f} s: {', '.join(verdicts)}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
