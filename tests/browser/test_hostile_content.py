"""Content that tries to run script stays inert in Chromium, on every page and in the search.

A small site is built with the real pipeline from articles whose text, Markdown,
front-matter fields, speaker names (given by front-matter corrections, as an
editor would), roles and tags carry payloads: `<script>`, `<img onerror>`,
`<svg onload>`, `javascript:` links, `</script>` meant to close the JSON-LD,
quotes meant to close an attribute or a string of the search index. Every
payload would set `window.__pwned` (to a number saying which one ran) or open a
dialog; the tab records dialogs, errors and stray requests (an `<img src=x>`
that became an element would ask for /x).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from browsing import Tab, build_folder, open_tab, serve_folder

if TYPE_CHECKING:
    from playwright.sync_api import Browser

pytestmark = pytest.mark.browser

CLOSE_SCRIPT = "</script><script>window.__pwned=1</script>"
IMAGE = "\"><img src=x onerror='window.__pwned=2'>"
SINGLE_QUOTE_ATTRIBUTE = "' autofocus onfocus='window.__pwned=3' x='"
JS_STRING = '"};window.__pwned=4;alert(4);//'
HOSTILE_SPEAKER = f"Dr. Mallory {CLOSE_SCRIPT}"
HOSTILE_ROLE = IMAGE
HOSTILE_HEADLINE = f"{CLOSE_SCRIPT} Harbour vote {IMAGE}"
HOSTILE_TAGS = ("<script>window.__pwned=5</script>", '" onmouseover="window.__pwned=6', JS_STRING)


def yaml_text(text: str) -> str:
    """A YAML double-quoted scalar."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


HOSTILE_MARKDOWN = f"""---
headline: {yaml_text(HOSTILE_HEADLINE)}
kicker: {yaml_text('<b onmouseover="window.__pwned=7">Analysis</b>')}
dek: {yaml_text(SINGLE_QUOTE_ATTRIBUTE + JS_STRING)}
byline: [{yaml_text('<svg onload="window.__pwned=8">')}, {yaml_text("Jo " + IMAGE)}]
contributors: [{yaml_text(CLOSE_SCRIPT)}]
photo_credit: {yaml_text('<iframe src="javascript:window.__pwned=9"></iframe>')}
tags: [{", ".join(yaml_text(tag) for tag in HOSTILE_TAGS)}]
date: 2025-05-01T10:00:00
quotes:
  - phrase: never stop
    speaker: {yaml_text(HOSTILE_SPEAKER)}
    role: {yaml_text(HOSTILE_ROLE)}
---

<script>window.__pwned=10</script>

A [harmless-looking link](javascript:window.__pwned=11) and
<img src=x onerror="window.__pwned=12"> in the text, and
[another](JaVaScRiPt:window.__pwned=13 "a title"), and
<a href="javascript:window.__pwned=14">a raw anchor</a>.

<details open ontoggle="window.__pwned=15">toggle</details>

\u201cWe will never stop, {CLOSE_SCRIPT} whatever {IMAGE} they say,\u201d Mallory said.

<style>body {{ display: none }}</style>
"""

HOSTILE_RAW_TEXT = f"""Ferry fares rise again {CLOSE_SCRIPT}

By Sam Pike {IMAGE}

PORT ALDWIN \u2014 Ferry fares will rise by 8% in June, the operator said on Tuesday.

\u201cNobody likes a fare rise {JS_STRING},\u201d said Harbour Master Ines Castell{CLOSE_SCRIPT}.

<img src=x onerror=window.__pwned=16> Passengers said the rise was the third in two years.
"""

OUR_SCRIPTS = ("search-index.js", "static/search.js")

# What a page holds that could run: inline handlers, script URLs, scripts that are not ours.
RUNNABLE = """(ours) => {
  const found = [];
  for (const el of document.querySelectorAll('*')) {
    for (const attr of el.attributes) {
      const value = attr.value.replace(/[\\s\\u0000-\\u001f]/g, '').toLowerCase();
      if (attr.name.startsWith('on')) { found.push(`${el.tagName} ${attr.name}`); }
      if (value.startsWith('javascript:')) { found.push(`${el.tagName} ${attr.name}=${value}`); }
    }
  }
  for (const s of document.querySelectorAll('script')) {
    const src = s.getAttribute('src');
    if (src ? !ours.some(o => src.endsWith(o)) : s.type !== 'application/ld+json') {
      found.push('script ' + (src || s.textContent.slice(0, 60)));
    }
  }
  for (const tag of ['img', 'iframe', 'svg:not(.chart)', 'style', 'object', 'embed', 'details']) {
    for (const el of document.querySelectorAll(tag)) { found.push(el.outerHTML.slice(0, 80)); }
  }
  return found;
}"""

# Give every inline handler that might exist its chance: hover, focus and toggle all.
PROVOKE = """() => {
  for (const el of document.querySelectorAll('body *')) {
    for (const type of ['mouseover', 'mouseenter', 'focus', 'toggle']) {
      el.dispatchEvent(new Event(type, {bubbles: true}));
    }
    if (typeof el.focus === 'function') { el.focus(); }
  }
}"""


@pytest.fixture(scope="module")
def hostile_output(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("hostile-site")
    (site / "content").mkdir()
    (site / "content" / "hostile-markdown.md").write_text(HOSTILE_MARKDOWN, encoding="utf-8")
    (site / "content" / "hostile-raw-text.txt").write_text(HOSTILE_RAW_TEXT, encoding="utf-8")
    return build_folder(site, site / "public")


@pytest.fixture(scope="module")
def hostile_url(hostile_output: Path) -> Iterator[str]:
    with serve_folder(hostile_output) as url:
        yield url


@pytest.fixture
def hostile_tab(browser: Browser, hostile_url: str) -> Iterator[Tab]:
    yield from open_tab(browser, hostile_url)


def pwned(tab: Tab) -> object:
    return tab.page.evaluate("() => window.__pwned")


def test_the_payloads_reach_the_site(hostile_output: Path) -> None:
    """Both articles, the hostile speaker and the three hostile tags have pages (no no-op)."""
    assert len(list((hostile_output / "articles").glob("*/index.html"))) == 2
    assert len(list((hostile_output / "tags").glob("*/index.html"))) == len(HOSTILE_TAGS)
    speakers = (hostile_output / "speakers" / "index.html").read_text(encoding="utf-8")
    assert "Dr. Mallory &lt;/script&gt;" in speakers


def test_no_page_runs_injected_script(hostile_tab: Tab, hostile_output: Path) -> None:
    pages = sorted(p.relative_to(hostile_output).as_posix() for p in hostile_output.rglob("*"))
    pages = [p for p in pages if p.endswith((".html", ".xml"))]
    assert len(pages) >= 10, pages
    for page in pages:
        hostile_tab.visit("" if page == "index.html" else page.removesuffix("index.html"))
        if page.endswith(".html"):
            assert hostile_tab.page.evaluate(RUNNABLE, list(OUR_SCRIPTS)) == [], page
            hostile_tab.page.evaluate(PROVOKE)
        assert pwned(hostile_tab) is None, f"a payload ran on {page}: {pwned(hostile_tab)}"


@pytest.mark.parametrize(
    ("selector", "shown"),
    [
        ("h1", HOSTILE_HEADLINE),
        (".story-body .said-by", HOSTILE_SPEAKER),
        (".who-quoted th a", HOSTILE_SPEAKER),
        (".tags li:first-child a", HOSTILE_TAGS[0]),
        (".dek", SINGLE_QUOTE_ATTRIBUTE + JS_STRING),
    ],
)
def test_payloads_are_shown_as_text(hostile_tab: Tab, selector: str, shown: str) -> None:
    hostile_tab.visit("")
    hostile_tab.page.get_by_role("link", name=HOSTILE_HEADLINE).first.click()
    hostile_tab.page.wait_for_load_state()
    texts = [" ".join(t.split()) for t in hostile_tab.page.locator(selector).all_text_contents()]
    assert " ".join(shown.split()) in texts, texts
    data = hostile_tab.page.evaluate(
        "() => JSON.parse(document.querySelector('script[type=\"application/ld+json\"]').text)"
    )
    assert data["headline"] == HOSTILE_HEADLINE
    assert pwned(hostile_tab) is None


@pytest.mark.parametrize(
    ("query", "shown"),
    [
        ("pwned", HOSTILE_HEADLINE),
        ("script", CLOSE_SCRIPT),
        ("Mallory", HOSTILE_SPEAKER),
        ("never stop", "never stop"),
        ('"};window', JS_STRING),
        ("harbour vote", HOSTILE_HEADLINE),
    ],
)
def test_search_shows_hostile_text_inert(hostile_tab: Tab, query: str, shown: str) -> None:
    hostile_tab.visit("search/")
    index = hostile_tab.page.evaluate("() => window.NEWSGEN_SEARCH")
    headlines = {article["headline"] for article in index["articles"]}
    assert HOSTILE_HEADLINE in headlines, headlines
    assert HOSTILE_SPEAKER in {speaker["name"] for speaker in index["speakers"]}
    hostile_tab.page.get_by_label("Headline, speaker or quoted words").fill(query)
    results = hostile_tab.page.locator("#search-results li")
    results.first.wait_for()
    assert hostile_tab.page.evaluate(RUNNABLE, list(OUR_SCRIPTS)) == []
    hostile_tab.page.evaluate(PROVOKE)
    assert pwned(hostile_tab) is None
    text = " ".join(" ".join(t.split()) for t in results.all_text_contents())
    assert " ".join(shown.split()) in text, text
