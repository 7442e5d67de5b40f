"""Screenshots of the sample site at phone and desktop widths, for a person to look at.

    python tests/browser/take_screenshots.py [OUTPUT_DIR]   (default /tmp/newsgen-screenshots)

Builds content/ into a temporary folder, serves it on 127.0.0.1 and saves a
full-page PNG of the home, article, speaker, speakers, tag, sourcing and search
pages at 390px and 1280px wide with Debian's Chromium. The images are not committed.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from browsing import CHROMIUM, CHROMIUM_ARGS, REPO, build_folder, serve_folder
from playwright.sync_api import sync_playwright

WIDTHS = {"phone": (390, 844), "desktop": (1280, 900)}
# (name, address, the link on that page to follow or None)
PAGES = [
    ("home", "", None),
    ("article", "", ".cards .card-headline a"),
    ("speaker", "speakers/", ".index-table tbody th a"),
    ("speakers", "speakers/", None),
    ("tag", "tags/", "main a[href*='tags/']"),
    ("sourcing", "sourcing/", None),
    ("search", "search/?q=water", None),
]


def take_screenshots(output: Path) -> list[Path]:
    output.mkdir(parents=True, exist_ok=True)
    taken = []
    with (
        tempfile.TemporaryDirectory() as folder,
        serve_folder(build_folder(REPO, Path(folder) / "public")) as url,
        sync_playwright() as playwright,
    ):
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        for device, (width, height) in WIDTHS.items():
            page = browser.new_page(viewport={"width": width, "height": height})
            for name, address, follow in PAGES:
                page.goto(url + address)
                if follow:
                    page.locator(follow).first.click()
                    page.wait_for_load_state()
                if "?q=" in address:
                    page.locator("#search-results li").first.wait_for()
                path = output / f"{name}-{device}.png"
                page.screenshot(path=str(path), full_page=True)
                taken.append(path)
            page.close()
        browser.close()
    return taken


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/tmp/newsgen-screenshots")
    for shot in take_screenshots(target):
        print(shot)
