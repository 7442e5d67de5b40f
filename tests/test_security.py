"""Content that tries to inject script ends up as inert text in every page, feed and index."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag
from markupsafe import escape

from newsgen.article import (
    Article,
    ArticleAnalysis,
    Quote,
    QuoteKind,
    Speaker,
    SpeakerKind,
)
from newsgen.builder import ArticleStages, build_site
from newsgen.config import load_config
from newsgen.loader import load_article
from newsgen.markup import escape_text

SCRIPT = '</script><script>alert("x")</script>'
IMAGE = '"><img src=x onerror=alert(1)>'
HOSTILE_SPEAKER = f"Dr. {SCRIPT} {IMAGE}"

HOSTILE_MARKDOWN = f"""---
headline: '{SCRIPT} Council {IMAGE}'
kicker: '<b onmouseover=alert(1)>Analysis</b>'
dek: "{SCRIPT.replace('"', "'")}"
byline: ['{SCRIPT}', "Maya <svg onload=alert(1)>"]
tags: ['{SCRIPT}', '<iframe src=javascript:alert(1)>']
date: 2025-05-01T10:00:00
---

<script>alert("body")</script>

A [link](javascript:alert(1)) and <img src=x onerror=alert(2)> in the text.

\u201cWe will {SCRIPT} never {IMAGE} stop,\u201d the speaker said.
"""

HOSTILE_TEXT = f"""{SCRIPT} Raw headline {IMAGE}

By {SCRIPT}

<style>body {{ display: none }}</style>

\u201cAnother {SCRIPT} quote,\u201d someone said.
"""


def analyse_hostile(article: Article) -> ArticleAnalysis:
    """Every curly-quoted span, said by a speaker whose name and role are script."""
    quotes = tuple(
        Quote(
            m.group(1),
            HOSTILE_SPEAKER,
            IMAGE,
            "said",
            i,
            m.start(1),
            m.end(1),
            QuoteKind.DIRECT,
            False,
        )
        for i, p in enumerate(article.paragraphs)
        for m in re.finditer("\u201c([^\u201d]+)\u201d", p.text)
    )
    speaker = Speaker(HOSTILE_SPEAKER, IMAGE, SpeakerKind.PERSON, len(quotes))
    return ArticleAnalysis(quotes, (speaker,) if quotes else ())


@pytest.fixture(scope="module")
def output(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("hostile")
    (site / "content").mkdir()
    (site / "content" / "hostile-markdown.md").write_text(HOSTILE_MARKDOWN, encoding="utf-8")
    (site / "content" / "hostile-raw-text.txt").write_text(HOSTILE_TEXT, encoding="utf-8")
    report = build_site(
        load_config(site), stages=ArticleStages(load=load_article, analyse=analyse_hostile)
    )
    assert report.written, report.diagnostics
    assert report.articles == 2
    return site / "public"


OUR_SCRIPTS = {"search-index.js", "static/search.js"}


def html_files(output: Path) -> list[Path]:
    return sorted(output.rglob("*.html"))


def test_every_script_element_is_ours(output: Path) -> None:
    for page in html_files(output):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for script in soup.find_all("script"):
            if script.get("src"):
                assert str(script["src"]).rsplit("../", 1)[-1] in OUR_SCRIPTS, page
            else:
                assert script.get("type") == "application/ld+json", page
                data = json.loads(script.string or "")
                assert data["@type"] == "NewsArticle"


def test_no_element_from_content_becomes_markup(output: Path) -> None:
    for page in html_files(output):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        assert not soup.find_all(["img", "iframe", "style", "object", "embed"]), page
        assert not [s for s in soup.find_all("svg") if "chart" not in s.get("class", [])], page
        for tag in soup.find_all(True):
            for name, value in tag.attrs.items():
                assert not name.lower().startswith("on"), (page, tag.name, name)
                if name in ("href", "src"):
                    assert not str(value).strip().lower().startswith("javascript:"), page


def test_hostile_text_is_shown_as_text(output: Path) -> None:
    articles = sorted((output / "articles").iterdir())
    assert [a.name for a in articles] == ["hostile-markdown", "hostile-raw-text"]
    page = (output / "articles/hostile-markdown/index.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(page, "html.parser")
    h1 = soup.find("h1")
    assert h1 is not None and h1.get_text() == f"{SCRIPT} Council {IMAGE}"
    speaker = soup.select_one(".story-body .said-by")
    assert speaker is not None and speaker.get_text() == HOSTILE_SPEAKER
    ld = json.loads(soup.select_one('script[type="application/ld+json"]').string or "")  # type: ignore[union-attr]
    assert ld["headline"] == f"{SCRIPT} Council {IMAGE}"


def test_speaker_and_tag_pages_have_safe_addresses(output: Path) -> None:
    speakers = [p.name for p in (output / "speakers").iterdir() if p.is_dir()]
    tags = [p.name for p in (output / "tags").iterdir() if p.is_dir()]
    for name in speakers + tags:
        assert re.fullmatch(r"[a-z0-9-]+", name), name


def test_the_feed_is_xml_with_hostile_text_as_text(output: Path) -> None:
    feed = ET.parse(output / "feed.xml").getroot()
    atom = "{http://www.w3.org/2005/Atom}"
    titles = [e.findtext(f"{atom}title") for e in feed.iter(f"{atom}entry")]
    assert f"{SCRIPT} Council {IMAGE}" in titles
    assert all(el.tag.startswith(atom) for el in feed.iter())
    ET.parse(output / "sitemap.xml")


def test_the_search_index_is_data_only(output: Path) -> None:
    text = (output / "search-index.js").read_text(encoding="utf-8")
    prefix, suffix = "window.NEWSGEN_SEARCH = ", ";\n"
    assert text.startswith(prefix) and text.endswith(suffix)
    assert "<" not in text and ">" not in text
    data = json.loads(text[len(prefix) : -len(suffix)])
    assert HOSTILE_SPEAKER in [s["name"] for s in data["speakers"]]
    assert any(SCRIPT in q for a in data["articles"] for q in a["quotes"])


def text_of(tag: Tag, selector: str) -> str:
    found = tag.select_one(selector)
    assert found is not None, selector
    return found.get_text()


@pytest.mark.parametrize(
    "page", ["index.html", "archive/2025/05/index.html"], ids=["home page", "month page"]
)
def test_article_cards_show_hostile_text_as_text(output: Path, page: str) -> None:
    """Cards are rendered once per build and reused (renderer.Fragments): still escaped."""
    soup = BeautifulSoup((output / page).read_text(encoding="utf-8"), "html.parser")
    card = next(c for c in soup.select("article.card") if "Council" in text_of(c, "a"))
    assert text_of(card, ".card-headline") == f"{SCRIPT} Council {IMAGE}"
    assert text_of(card, ".kicker") == "<b onmouseover=alert(1)>Analysis</b>"
    assert text_of(card, ".byline") == f"By {SCRIPT} and Maya <svg onload=alert(1)>"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "plain words",
        SCRIPT,
        IMAGE,
        HOSTILE_SPEAKER,
        "Tom & Jerry's \u201cshow\u201d <b>",
        "&amp; stays &amp;amp;",
        "'single' and \"double\"",
    ],
)
def test_the_body_escapes_text_as_markupsafe_does(text: str) -> None:
    assert escape_text(text) == str(escape(text))
