"""A reader in Chromium: home to article, quote to speaker and back, search, the 404 page.

The sample site is analysed by the real quote attribution, so these tests find
their way as a reader would (by the links and quotes on the pages) instead of
naming speakers or quotes that better heuristics might change.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from browsing import Tab
from bs4 import BeautifulSoup

pytestmark = pytest.mark.browser

# Every quote with an id in the story body whose paragraph links to one speaker only
# (the quote's speaker, named beside it or in the text): its id, words and link.
QUOTES_WITH_SPEAKERS = """() => {
  const chips = [...document.querySelectorAll('.story-body a.said-by')];
  return [...document.querySelectorAll('.story-body q[id]')].map(q => {
    const block = q.closest('p, li, blockquote');
    const mine = chips.filter(a => block.contains(a));
    const hrefs = new Set(mine.map(a => a.getAttribute('href')));
    const chip = hrefs.size === 1 ? mine[0] : null;
    return {id: q.id, text: q.textContent, speaker: chip && chip.textContent,
            href: chip && chip.getAttribute('href'), chip: chips.indexOf(chip)};
  }).filter(q => q.href);
}"""

# Every quotation in the story body: its id (the later parts of a split quote have
# none), its kind ('quote', 'anonymous' or 'unattributed'), the speaker slug it names.
QUOTE_MARKS = """() => [...document.querySelectorAll('.story-body q')].map(q => ({
  id: q.id, text: q.textContent, speaker: q.dataset.speaker || null,
  kind: q.classList.contains('anonymous') ? 'anonymous' : q.className}))"""

# Every link's address, resolved (SVG links too, whose `href` is not a string).
RESOLVED_HREFS = "links => links.map(a => new URL(a.getAttribute('href'), document.baseURI).href)"


def squash(text: str) -> str:
    return " ".join(text.split())


def test_home_page_leads_to_every_article(tab: Tab) -> None:
    tab.visit("")
    headlines = tab.page.locator(".cards .card-headline a")
    titles = headlines.all_inner_texts()
    assert len(titles) >= 5, titles
    for index, title in enumerate(titles):
        tab.visit("")
        card = tab.page.locator(".cards .card").nth(index)
        sourcing = card.locator(".sourcing").inner_text()
        assert re.fullmatch(r"\d+ sources? · \d+ quotes?", sourcing), sourcing
        card.get_by_role("link", name=title, exact=True).click()
        tab.page.wait_for_load_state()
        assert re.fullmatch(r"articles/[a-z0-9-]+/", tab.site_path()), tab.page.url
        assert squash(tab.page.locator("h1").inner_text()) == squash(title)
        assert tab.page.locator(".story-body p").count() >= 3
        assert tab.page.title().startswith(title)


def test_a_quote_leads_to_its_speaker_who_lists_it(tab: Tab) -> None:
    tab.visit("")
    tab.page.locator(".cards .card-headline a").first.click()
    tab.page.wait_for_load_state()
    article = tab.site_path()
    quotes = tab.page.evaluate(QUOTES_WITH_SPEAKERS)
    assert quotes, f"no quote with a speaker link on {article}"
    first = quotes[0]

    tab.page.locator(".story-body a.said-by").nth(first["chip"]).click()
    tab.page.wait_for_load_state()
    assert re.fullmatch(r"speakers/[a-z0-9-]+/", tab.site_path()), tab.page.url
    # The link is the speaker's name as the text gives it: in full, or a surname.
    heading = squash(tab.page.locator("h1").inner_text())
    assert first["speaker"].split()[-1].lower() in heading.lower(), (heading, first["speaker"])

    link = tab.page.locator(f'a[href$="{article}#{first["id"]}"]')
    card = tab.page.locator(".quote-card").filter(has=link)
    assert card.count() == 1, f"{tab.page.url} does not list {article}#{first['id']}"
    back = card.locator(link)
    said = squash(card.locator("blockquote").inner_text())
    assert said.startswith(squash(first["text"]).rstrip(",.")), (said, first["text"])

    back.click()
    tab.page.wait_for_load_state()
    assert tab.site_path() == f"{article}#{first['id']}"
    assert tab.page.evaluate("() => document.querySelector(':target')?.id") == first["id"]


def test_every_quote_names_a_speaker_whose_page_lists_it(tab: Tab, sample_output: Path) -> None:
    """`data-speaker` ties each attributed quote to the speaker page that lists it."""
    articles = sorted(p.parent.name for p in (sample_output / "articles").glob("*/index.html"))
    checked = 0
    problems = []
    for slug in articles:
        tab.visit(f"articles/{slug}/")
        chips = {q["id"]: q["href"] for q in tab.page.evaluate(QUOTES_WITH_SPEAKERS)}
        quoted: set[str] = set()  # the speakers of the quotes so far, which later parts continue
        for quote in tab.page.evaluate(QUOTE_MARKS):
            where = f"articles/{slug}/ {quote['id'] or 'a later part'} {quote['text'][:30]!r}"
            speaker, kind = quote["speaker"], quote["kind"]
            if kind != "quote":  # an anonymous source's words, or words credited to no one
                if speaker:
                    problems.append(f"{where}: a {kind!r} quote names speaker {speaker!r}")
                continue
            if not speaker:
                problems.append(f"{where}: an attributed quote with no data-speaker")
                continue
            if not quote["id"]:
                if speaker not in quoted:
                    problems.append(f"{where}: a later part names another speaker {speaker!r}")
                continue
            quoted.add(speaker)
            page = sample_output / "speakers" / speaker / "index.html"
            if not page.is_file():
                problems.append(f"{where}: no page for speaker {speaker!r}")
                continue
            cards = BeautifulSoup(page.read_text(encoding="utf-8"), "lxml").select(".quote-card")
            listed = f"articles/{slug}/#{quote['id']}"
            mine = [c for c in cards if any(a["href"].endswith(listed) for a in c.select("a"))]
            if len(mine) != 1 or mine[0].blockquote.get("data-speaker") != speaker:
                problems.append(f"{where}: speakers/{speaker}/ does not list {listed} once")
            chip = chips.get(quote["id"])
            if chip and not chip.endswith(f"speakers/{speaker}/"):
                problems.append(f"{where}: the speaker shown beside it links to {chip}")
            checked += 1
    assert not problems, "\n".join(problems)
    assert checked >= 10, f"only {checked} attributed quotes in the sample site"


def most_quoted_speaker(tab: Tab) -> tuple[str, str]:
    """The name and address of the first speaker in the speakers index."""
    tab.visit("speakers/")
    link = tab.page.locator(".index-table tbody th a").first
    return link.inner_text(), urljoin(tab.page.url, link.get_attribute("href") or "")


def first_quote(tab: Tab) -> tuple[str, str]:
    """The longest quote of the newest article, and that article's address."""
    tab.visit("")
    tab.page.locator(".cards .card-headline a").first.click()
    tab.page.wait_for_load_state()
    texts = tab.page.locator(".story-body q").all_inner_texts()
    assert texts, tab.page.url
    return max(texts, key=len), tab.page.url


def phrase_of(quote: str) -> str:
    """Four words from the middle of a quote, without trailing punctuation."""
    words = quote.split()
    middle = max(0, len(words) // 2 - 2)
    return " ".join(words[middle : middle + 4]).strip(",.;:!?")


MakeQuery = Callable[[str, str], str]
SEARCHES: list[tuple[str, MakeQuery, str, str]] = [
    # (name, how the query is made from (speaker name, quote), kind of hit, which hit)
    ("speaker name", lambda name, quote: name, "Speaker", "speaker"),
    ("speaker name in lower case", lambda name, quote: name.lower(), "Speaker", "speaker"),
    ("speaker surname", lambda name, quote: name.split()[-1], "Speaker", "speaker"),
    ("quoted phrase", lambda name, quote: f'"{phrase_of(quote)}"', "Article", "article"),
    (
        "quoted phrase in curly marks",
        lambda name, quote: f"\u201c{phrase_of(quote)}\u201d",
        "Article",
        "article",
    ),
    ("words of a quote", lambda name, quote: phrase_of(quote), "Article", "article"),
]


@pytest.mark.parametrize(
    ("make_query", "kind", "target"),
    [pytest.param(make, kind, target, id=name) for name, make, kind, target in SEARCHES],
)
def test_search_finds(tab: Tab, make_query: MakeQuery, kind: str, target: str) -> None:
    name, speaker_url = most_quoted_speaker(tab)
    quote, article_url = first_quote(tab)
    query = make_query(name, quote)
    expected = speaker_url if target == "speaker" else article_url

    tab.visit("search/")
    tab.page.get_by_label("Headline, speaker or quoted words").fill(query)
    hits = tab.page.locator("#search-results li")
    hits.first.wait_for()
    found = [
        ((hit.locator(".hit-kind").text_content() or "").strip(), hit.locator("a"))
        for hit in hits.all()
    ]
    urls = [(k, link.evaluate("a => a.href")) for k, link in found]
    assert (kind, expected) in urls, f"{query!r} found {urls}"
    assert re.match(r"\d+ results? for", tab.page.locator("#search-status").inner_text())
    link = found[urls.index((kind, expected))][1]
    if target == "article":
        detail = link.locator("xpath=following-sibling::*[@class='hit-detail']").inner_text()
        assert phrase_of(quote).lower() in detail.lower(), detail

    link.click()
    tab.page.wait_for_load_state()
    assert tab.page.url == expected


def test_search_address_with_a_query_shows_results(tab: Tab) -> None:
    name, speaker_url = most_quoted_speaker(tab)
    tab.page.goto(urljoin(tab.base_url, "search/?q=" + name.replace(" ", "+")))
    tab.page.locator("#search-results li").first.wait_for()
    assert tab.page.get_by_label("Headline, speaker or quoted words").input_value() == name
    links = tab.page.locator("#search-results a").evaluate_all(RESOLVED_HREFS)
    assert speaker_url in links


def test_search_for_nothing_known_says_so(tab: Tab) -> None:
    tab.visit("search/")
    tab.page.get_by_label("Headline, speaker or quoted words").fill("zzyzx quuxwibble")
    status = tab.page.locator("#search-status")
    status.filter(has_text="Nothing found").wait_for()
    assert tab.page.locator("#search-results li").count() == 0


@pytest.mark.parametrize("missing", ["no-such-page", "articles/no-such-article/", "a/b/c.html"])
def test_missing_address_gets_the_404_page(tab: Tab, missing: str) -> None:
    tab.visit(missing, status=404)
    assert tab.page.locator("h1").inner_text() == "Page not found"
    assert tab.page.title().startswith("Page not found")
    # The stylesheet loaded from a nested address too (a 404 for it would be recorded).
    rules = tab.page.evaluate("() => [...document.styleSheets].map(s => s.cssRules.length)")
    assert rules and min(rules) > 10, rules
    tab.page.locator("main").get_by_role("link", name="search").click()
    tab.page.wait_for_load_state()
    assert tab.site_path() == "search/"


def test_every_page_loads_without_errors_and_its_links_resolve(
    tab: Tab, sample_output: Path
) -> None:
    pages = sorted(p.relative_to(sample_output).as_posix() for p in sample_output.rglob("*.html"))
    assert len(pages) >= 30, pages
    broken = []
    for page in pages:
        address = "" if page == "index.html" else page.removesuffix("index.html")
        tab.visit(address)
        links = tab.page.locator("a[href]").evaluate_all(RESOLVED_HREFS)
        for link in links:
            parts = urlsplit(link)
            if not link.startswith(tab.base_url):
                broken.append(f"{page}: link leaves the site: {link}")
                continue
            path = sample_output / unquote(parts.path).lstrip("/")
            if not (path.is_file() or (path / "index.html").is_file()):
                broken.append(f"{page}: broken link {link}")
    assert not broken, "\n".join(broken)


def test_search_works_from_the_files_on_disk(tab: Tab, sample_output: Path) -> None:
    """The index is a script beside the page, so the search works opened from a folder."""
    name, speaker_url = most_quoted_speaker(tab)
    page = sample_output / "search" / "index.html"
    tab.page.goto(page.as_uri() + "?q=" + name.replace(" ", "+"))
    tab.page.locator("#search-results li").first.wait_for()
    links = tab.page.locator("#search-results a").evaluate_all(RESOLVED_HREFS)
    speaker_page = speaker_url.removeprefix(tab.base_url)
    assert f"{sample_output.as_uri()}/{speaker_page}" in links, links


@pytest.mark.parametrize("address", ["", "search/"])
def test_keyboard_reaches_the_content_first_through_the_skip_link(tab: Tab, address: str) -> None:
    tab.visit(address)
    tab.page.keyboard.press("Tab")
    focused = tab.page.evaluate("() => document.activeElement.className")
    assert focused == "skip-link", focused
    assert tab.page.locator(".skip-link").is_visible()
    box = tab.page.locator(".skip-link").bounding_box()
    assert box is not None and box["y"] >= 0 and box["x"] >= 0, box
    tab.page.keyboard.press("Enter")
    assert tab.page.url.endswith("#main")
    tab.page.keyboard.press("Tab")
    inside = tab.page.evaluate("() => !!document.activeElement.closest('main')")
    assert inside, tab.page.evaluate("() => document.activeElement.outerHTML")
