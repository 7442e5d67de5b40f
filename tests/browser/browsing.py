"""What the browser tests share: tools that may be missing, a site server, a recording tab.

`serve_folder` serves a built site on 127.0.0.1 with a threaded `http.server`
that answers a missing address with the site's 404 page, as a web host would.
`Tab` is a page in its own browser context that records every console error,
uncaught exception, dialog, failed request and request leaving 127.0.0.1
(refused); `open_tab` fails the test at its end if any was recorded.
"""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin, urlsplit

from newsgen.builder import build_site
from newsgen.config import load_config

if TYPE_CHECKING:
    from playwright.sync_api import (
        Browser,
        ConsoleMessage,
        Dialog,
        Page,
        Request,
        Response,
        Route,
    )

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
LOCAL_HOST = "127.0.0.1"


# --- serving a built site ------------------------------------------------------------


class SiteRequestHandler(http.server.SimpleHTTPRequestHandler):
    """Static files from the output folder; a missing address gets 404.html with status 404."""

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: the browser-side checks report what went wrong."""


@contextmanager
def serve_folder(folder: Path) -> Iterator[str]:
    """Serve `folder` on 127.0.0.1 (a free port) in a thread; yields the base URL."""
    handler = functools.partial(SiteRequestHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer((LOCAL_HOST, 0), handler)
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    try:
        yield f"http://{LOCAL_HOST}:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def build_folder(site: Path, output: Path) -> Path:
    """Build the site folder `site` into `output` with the real pipeline."""
    report = build_site(load_config(site, output))
    assert report.written and not report.errors, "\n".join(map(str, report.diagnostics))
    return output


@dataclass
class Tab:
    """A page whose console errors, failed requests and outside requests are recorded."""

    page: Page
    base_url: str
    problems: list[str] = field(default_factory=list)
    expected_statuses: dict[str, int] = field(default_factory=dict)

    def visit(self, path: str, *, status: int = 200) -> Response:
        """Open `path` (relative to the site root) and check the HTTP status of the page."""
        url = urljoin(self.base_url, path)
        self.expected_statuses[url] = status
        response = self.page.goto(url, wait_until="load")
        assert response is not None, url
        assert response.status == status, f"{url}: HTTP {response.status}, expected {status}"
        return response

    def site_path(self) -> str:
        """The current page's address relative to the site root."""
        return self.page.url.removeprefix(self.base_url)

    # Listeners.
    def on_console(self, message: ConsoleMessage) -> None:
        if message.type == "error" and not self.is_expected_status(message):
            self.problems.append(f"console error on {self.page.url}: {message.text}")

    def is_expected_status(self, message: ConsoleMessage) -> bool:
        """Chromium's console line for a page we asked for with a 4xx status."""
        expected = self.expected_statuses.get(message.location.get("url", ""), 200)
        return expected >= 400 and f"status of {expected}" in message.text

    def on_page_error(self, error: Exception) -> None:
        self.problems.append(f"uncaught exception on {self.page.url}: {error}")

    def on_request_failed(self, request: Request) -> None:
        self.problems.append(f"request failed: {request.url} ({request.failure})")

    def on_response(self, response: Response) -> None:
        expected = self.expected_statuses.get(response.url, 200)
        if response.status >= 400 and response.status != expected:
            self.problems.append(f"HTTP {response.status} for {response.url}")

    def on_dialog(self, dialog: Dialog) -> None:
        self.problems.append(f"a {dialog.type} dialog opened on {self.page.url}: {dialog.message}")
        dialog.dismiss()

    def on_route(self, route: Route) -> None:
        """Let requests to the test server (or the files of a site) through; refuse others."""
        url = route.request.url
        if urlsplit(url).hostname == LOCAL_HOST or url.startswith("file:"):
            route.continue_()
            return
        self.problems.append(f"request leaving {LOCAL_HOST}: {url}")
        route.abort("blockedbyclient")


def open_tab(browser: Browser, base_url: str, **context_options: Any) -> Iterator[Tab]:
    context = browser.new_context(**context_options)
    context.set_default_timeout(5000)
    page = context.new_page()
    tab = Tab(page, base_url)
    page.on("console", tab.on_console)
    page.on("pageerror", tab.on_page_error)
    page.on("requestfailed", tab.on_request_failed)
    page.on("response", tab.on_response)
    page.on("dialog", tab.on_dialog)
    context.route("**/*", tab.on_route)
    try:
        yield tab
    finally:
        context.close()
    assert not tab.problems, "problems in the browser:\n" + "\n".join(tab.problems)


def page_text(page: Page) -> str | None:
    """The text of the page's body, or None while it reloads (between two documents)."""
    from playwright.sync_api import Error

    try:
        text = page.evaluate("() => document.body ? document.body.textContent : null")
    except Error:  # the old document went away mid-call
        return None
    return text if isinstance(text, str) else None
