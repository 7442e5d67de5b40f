"""At phone width (390x844) every kind of page fits the screen and its text is readable."""

from __future__ import annotations

import pytest
from browsing import Tab

pytestmark = pytest.mark.browser

PHONE_WIDTH = 390
SMALLEST_TEXT_PX = 12  # captions, table heads and chart labels may be small, not tiny
BODY_TEXT_PX = 16  # running text: paragraphs of stories, cards and quotes

# (kind of page, the address to open, the link on that page that leads to it or None)
PAGES = [
    ("home", "", None),
    ("article", "", ".cards .card-headline a"),
    ("speaker", "speakers/", ".index-table tbody th a"),
    ("speakers index", "speakers/", None),
    ("tag", "tags/", "main a[href*='tags/']"),
    ("archive", "archive/", None),
    ("sourcing", "sourcing/", None),
    ("search", "search/", None),
    ("404", "no/such/page/", None),
]

# Elements sticking out to the right of the screen, unless a scrolling box holds them.
OVERFLOWING = """(width) => [...document.querySelectorAll('body *')].filter(el => {
  const box = el.getBoundingClientRect();
  if (box.width === 0 || box.right <= width + 1) { return false; }
  for (let up = el.parentElement; up; up = up.parentElement) {
    const style = getComputedStyle(up);
    if (['auto', 'scroll', 'hidden'].includes(style.overflowX) && up !== document.body
        && up !== document.documentElement) { return false; }
  }
  return true;
}).map(el => el.tagName.toLowerCase() + (el.className && typeof el.className === 'string'
  ? '.' + el.className.trim().split(/\\s+/).join('.') : '') + ' right=' +
  Math.round(el.getBoundingClientRect().right))"""

# Font sizes as shown of the visible elements that hold text of their own (text in an
# SVG chart is scaled with the chart).
TEXT_SIZES = """() => {
const scaleOf = el => el instanceof SVGElement && el.getScreenCTM() ? el.getScreenCTM().a : 1;
return [...document.querySelectorAll('body *')].filter(el => {
  const own = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
  const box = el.getBoundingClientRect();
  return own && box.width > 0 && box.height > 0 && !el.closest('.skip-link');
}).map(el => ({tag: el.tagName.toLowerCase(), text: el.textContent.trim().slice(0, 40),
               px: parseFloat(getComputedStyle(el).fontSize) * scaleOf(el),
               body: !!el.closest('.story-body p, .quote-card blockquote, .card .dek')}));
}"""


def open_page(tab: Tab, address: str, follow: str | None) -> None:
    tab.visit(address, status=404 if address.startswith("no/") else 200)
    if follow:
        tab.page.locator(follow).first.click()
        tab.page.wait_for_load_state()


@pytest.mark.parametrize(
    ("address", "follow"), [pytest.param(a, f, id=kind) for kind, a, f in PAGES]
)
def test_page_fits_a_phone_screen(phone_tab: Tab, address: str, follow: str | None) -> None:
    open_page(phone_tab, address, follow)
    page = phone_tab.page
    assert page.evaluate("() => window.innerWidth") == PHONE_WIDTH
    scroll = page.evaluate("() => document.documentElement.scrollWidth")
    sticking_out = page.evaluate(OVERFLOWING, PHONE_WIDTH)
    assert scroll <= PHONE_WIDTH and not sticking_out, (
        f"{page.url} scrolls sideways ({scroll}px wide): {sticking_out[:10]}"
    )


@pytest.mark.parametrize(
    ("address", "follow"), [pytest.param(a, f, id=kind) for kind, a, f in PAGES]
)
def test_text_is_readable_on_a_phone(phone_tab: Tab, address: str, follow: str | None) -> None:
    open_page(phone_tab, address, follow)
    sizes = phone_tab.page.evaluate(TEXT_SIZES)
    assert sizes, phone_tab.page.url
    tiny = [s for s in sizes if s["px"] < SMALLEST_TEXT_PX]
    small_body = [s for s in sizes if s["body"] and s["px"] < BODY_TEXT_PX]
    assert not tiny, f"text under {SMALLEST_TEXT_PX}px on {phone_tab.page.url}: {tiny[:5]}"
    assert not small_body, f"running text under {BODY_TEXT_PX}px: {small_body[:5]}"


def test_article_text_column_uses_the_phone_screen(phone_tab: Tab) -> None:
    open_page(phone_tab, "", ".cards .card-headline a")
    box = phone_tab.page.locator(".story-body p").first.bounding_box()
    assert box is not None
    # Not squeezed into a column (margins at most ~10% a side) and not touching the edges.
    assert box["width"] >= PHONE_WIDTH * 0.8, box
    assert box["x"] >= 8 and box["x"] + box["width"] <= PHONE_WIDTH - 8, box
