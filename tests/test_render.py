"""Rendering: quotes marked up in the body, the theme overridable by name, strict templates."""

from __future__ import annotations

import datetime as dt
import gc
import shutil
from pathlib import Path

import pytest

from newsgen.article import (
    AnalysedArticle,
    Article,
    ArticleAnalysis,
    BlockKind,
    Paragraph,
    Quote,
    QuoteKind,
)
from newsgen.builder import ArticleStages, build_site
from newsgen.config import load_config
from newsgen.markup import render_body
from newsgen.placement import PlacedArticle, place_article
from newsgen.renderer import Fragments
from newsgen.wording import (
    format_byline,
    format_long_date,
    format_plural,
    format_sourcing_line,
)

Span = tuple[int, int, int]


def body_html(
    paragraphs: list[Paragraph], quotes: list[tuple[str | None, tuple[Span, ...], bool]]
) -> str:
    made = []
    for speaker, parts, anonymous in quotes:
        index, start, end = parts[0]
        text = " ".join(paragraphs[i].text[s:e] for i, s, e in parts if i < len(paragraphs))
        made.append(
            Quote(
                text, speaker, None, "said", index, start, end, QuoteKind.DIRECT, anonymous, parts
            )
        )
    article = Article(Path("a.md"), "H", "a", tuple(paragraphs))
    placed = place_article(AnalysedArticle(article, ArticleAnalysis(tuple(made), ())), dt.UTC)
    return str(render_body(placed, lambda key: f"../../speakers/{key}/" if key else None))


P = Paragraph


@pytest.mark.parametrize(
    ("paragraphs", "quotes", "expected"),
    [
        pytest.param(
            [P("\u201cWe will rebuild,\u201d Marsh said.")],
            [("Elena Marsh", ((0, 1, 16),), False)],
            '<p>\u201c<q id="quote-1" class="quote" data-speaker="elena marsh">'
            'We will rebuild</q>,\u201d <a class="said-by in-text" '
            'href="../../speakers/elena marsh/">Marsh</a> said.</p>',
            id="the speaker's name in the text is linked",
        ),
        pytest.param(
            [P("Tomas Reyes disagreed. \u201cToo late,\u201d he said.")],
            [("Tomas Reyes", ((0, 24, 33),), False)],
            '<p><a class="said-by in-text" href="../../speakers/tomas reyes/">Tomas Reyes</a> '
            'disagreed. \u201c<q id="quote-1" class="quote" data-speaker="tomas reyes">'
            "Too late,</q>\u201d he said.</p>",
            id="full name before the quote",
        ),
        pytest.param(
            [P("\u201cWe will rebuild,\u201d he said.")],
            [("Elena Marsh", ((0, 1, 16),), False)],
            '<p>\u201c<q id="quote-1" class="quote" data-speaker="elena marsh">'
            'We will rebuild</q>,\u201d <a class="said-by" '
            'href="../../speakers/elena marsh/">Elena Marsh</a> he said.</p>',
            id="a pronoun: the speaker is shown after the quote",
        ),
        pytest.param(
            [P('"Later," she said, "is where promises go."')],
            [("Grace Lindqvist", ((0, 1, 7), (0, 20, 41)), False)],
            '<p>&#34;<q id="quote-1" class="quote" '
            'data-speaker="grace lindqvist">Later,</q>&#34; she said, &#34;<q class="quote" '
            'data-speaker="grace lindqvist">is where promises go.</q>&#34; <a class="said-by" '
            'href="../../speakers/grace lindqvist/">Grace Lindqvist</a></p>',
            id="split quote: one id, speaker after the last part",
        ),
        pytest.param(
            [P("\u201cFirst part"), P("\u201cSecond part.\u201d")],
            [("Priya Natarajan", ((0, 1, 11), (1, 1, 13)), False)],
            '<p>\u201c<q id="quote-1" class="quote" data-speaker="priya natarajan">'
            "First part</q></p>\n"
            '<p>\u201c<q class="quote" data-speaker="priya natarajan">'
            'Second part.</q>\u201d <a class="said-by" '
            'href="../../speakers/priya natarajan/">Priya Natarajan</a></p>',
            id="quote running over two paragraphs",
        ),
        pytest.param(
            [P('An official said it was "over".')],
            [("an official", ((0, 25, 29),), True)],
            '<p>An official said it was &#34;<q id="quote-1" class="quote anonymous">over</q>&#34; '
            '<span class="said-by anonymous">an official (anonymous)</span>.</p>',
            id="anonymous source flagged, not linked",
        ),
        pytest.param(
            [P('"No," read a sign.')],
            [(None, ((0, 1, 4),), False)],
            '<p>&#34;<q id="quote-1" class="unattributed">No,</q>&#34; read a sign.</p>',
            id="unattributed quote",
        ),
        pytest.param(
            [P("short")],
            [("X", ((0, 2, 99),), False), ("Y", ((5, 0, 1),), False)],
            "<p>short</p>",
            id="spans out of range are left out",
        ),
        pytest.param(
            [P('"abc def"')],
            [("X", ((0, 1, 8),), False), ("Y", ((0, 5, 8),), False)],
            '<p>&#34;<q id="quote-1" class="quote" data-speaker="x">abc def</q>&#34; '
            '<a class="said-by" href="../../speakers/x/">X</a></p>',
            id="overlapping spans keep the first",
        ),
        pytest.param(
            [
                P("Why it matters", BlockKind.HEADING),
                P("one", BlockKind.LIST_ITEM),
                P("two", BlockKind.LIST_ITEM),
                P("A statement.", BlockKind.BLOCKQUOTE),
            ],
            [],
            "<h2>Why it matters</h2>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n"
            "<blockquote><p>A statement.</p></blockquote>",
            id="block kinds",
        ),
        pytest.param(
            [P("\u201cWe stay.\u201d", BlockKind.BLOCKQUOTE)],
            [("Elena Marsh", ((0, 1, 9),), False)],
            '<blockquote data-speaker="elena marsh"><p>\u201c<q id="quote-1" class="quote" '
            'data-speaker="elena marsh">We stay.</q>\u201d <a class="said-by" '
            'href="../../speakers/elena marsh/">Elena Marsh</a></p></blockquote>',
            id="a blockquote of one speaker names them",
        ),
        pytest.param(
            [P("\u201cYes,\u201d A said. \u201cNo,\u201d B said.", BlockKind.BLOCKQUOTE)],
            [("Ann Lee", ((0, 1, 5),), False), ("Bo Kim", ((0, 16, 19),), False)],
            '<blockquote><p>\u201c<q id="quote-1" class="quote" data-speaker="ann lee">Yes,</q>'
            '\u201d <a class="said-by" href="../../speakers/ann lee/">Ann Lee</a> A said. '
            '\u201c<q id="quote-2" class="quote" data-speaker="bo kim">No,</q>\u201d '
            '<a class="said-by" href="../../speakers/bo kim/">Bo Kim</a> B said.</p></blockquote>',
            id="a blockquote of two speakers names neither",
        ),
        pytest.param(
            [P("The \u201cMeet the Press\u201d host said it.")],
            [(None, ((0, 5, 19),), False)],
            '<p>The \u201c<q id="quote-1" class="unattributed">Meet the Press</q>\u201d host '
            "said it.</p>",
            id="a title credited to no one is plain and names no speaker",
        ),
        pytest.param(
            [P('<b>bold</b> & "<i>"')],
            [("<img src=x onerror=alert(1)>", ((0, 15, 18),), False)],
            '<p>&lt;b&gt;bold&lt;/b&gt; &amp; &#34;<q id="quote-1" class="quote" '
            'data-speaker="&lt;img src=x onerror=alert(1)&gt;">&lt;i&gt;</q>&#34; '
            '<a class="said-by" href="../../speakers/&lt;img src=x '
            'onerror=alert(1)&gt;/">&lt;img src=x onerror=alert(1)&gt;</a></p>',
            id="everything from content is escaped",
        ),
    ],
)
def test_body_markup(
    paragraphs: list[Paragraph],
    quotes: list[tuple[str | None, tuple[Span, ...], bool]],
    expected: str,
) -> None:
    assert body_html(paragraphs, quotes) == expected


def make_site(root: Path, templates: dict[str, str]) -> Path:
    (root / "content").mkdir(parents=True)
    (root / "content" / "council-vote.md").write_text(
        "---\nheadline: Council votes\ndate: 2025-03-04\n---\n\nThe council voted.\n",
        encoding="utf-8",
    )
    if templates:
        (root / "templates").mkdir()
    for name, text in templates.items():
        (root / "templates" / name).write_text(text, encoding="utf-8")
    return root


def test_a_site_template_overrides_the_theme_by_name(
    tmp_path: Path, cast_stages: ArticleStages
) -> None:
    site = make_site(
        tmp_path,
        {"404.html": '{% extends "base.html" %}{% block main %}<h1>Lost at sea</h1>{% endblock %}'},
    )
    report = build_site(load_config(site), stages=cast_stages)
    assert not report.errors
    page = (site / "public" / "404.html").read_text()
    assert "<h1>Lost at sea</h1>" in page
    assert 'class="site-nav"' in page  # still the theme's base.html
    assert "Latest analysis" in (site / "public" / "index.html").read_text()


@pytest.mark.parametrize(
    ("template", "line", "words"),
    [
        ("<p>\n{{ no_such_variable }}\n</p>", 2, "no_such_variable"),
        ("<p>\n\n{% if %}</p>", 3, "template error"),
    ],
)
def test_template_errors_name_the_template_and_line_and_write_nothing(
    tmp_path: Path, cast_stages: ArticleStages, template: str, line: int, words: str
) -> None:
    site = make_site(tmp_path, {"robots.txt": template})
    report = build_site(load_config(site), stages=cast_stages)
    (error,) = report.errors
    assert error.location.path == site / "templates" / "robots.txt"
    assert error.location.line == line
    assert words in error.message
    assert not report.written
    assert not (site / "public").exists()


def test_autoescape_is_on_for_every_template(tmp_path: Path, cast_stages: ArticleStages) -> None:
    site = make_site(tmp_path, {"robots.txt": "{{ '<b>' }}"})
    build_site(load_config(site), stages=cast_stages)
    assert (site / "public" / "robots.txt").read_text() == "&lt;b&gt;"


def placed_with(byline: tuple[str, ...], quotes: list[tuple[str | None, bool]]) -> PlacedArticle:
    """An article by `byline` whose quotes are (speaker, anonymous) pairs."""
    made = tuple(
        Quote("Yes.", speaker, None, "said", 0, 0, 4, QuoteKind.DIRECT, anonymous)
        for speaker, anonymous in quotes
    )
    article = Article(Path("a.md"), "H", "a", (P("Yes. Yes."),), byline=byline)
    return place_article(AnalysedArticle(article, ArticleAnalysis(made, ())), dt.UTC)


@pytest.mark.parametrize(
    ("byline", "quotes", "expected_byline", "expected_line"),
    [
        ((), [], "", "0 sources · 0 quotes"),
        (("Ann Lee",), [("Bo Kim", False)], "By Ann Lee", "1 source · 1 quote"),
        (
            ("Ann Lee", "Bo Kim"),
            [("Bo Kim", False), ("Bo Kim", False)],
            "By Ann Lee and Bo Kim",
            "1 source · 2 quotes",
        ),
        (
            ("Ann Lee", "Bo Kim", "Cy Oh"),
            [(None, True), (None, False)],
            "By Ann Lee, Bo Kim and Cy Oh",
            "0 sources · 1 quote",
        ),
    ],
    ids=["nothing", "one of each", "two names, one source quoted twice", "three names"],
)
def test_card_wording(
    byline: tuple[str, ...],
    quotes: list[tuple[str | None, bool]],
    expected_byline: str,
    expected_line: str,
) -> None:
    """A scare quote or title (no speaker, not anonymous) is no one's quote; an unnamed
    anonymous one is a quote, though no source is listed for it."""
    article = placed_with(byline, quotes)
    assert format_byline(article.analysed.article.byline) == expected_byline
    assert format_sourcing_line(article) == expected_line


@pytest.mark.parametrize(
    ("count", "expected"), [(0, "0 quotes"), (1, "1 quote"), (2, "2 quotes"), (11, "11 quotes")]
)
def test_plural(count: int, expected: str) -> None:
    assert format_plural(count, "quote", "quotes") == expected


def test_a_site_macro_file_replaces_the_theme_cards(
    tmp_path: Path, cast_stages: ArticleStages
) -> None:
    macros = (
        "{% macro article_card(article, heading='h2') %}"
        "<div class=mine>{{ article.headline }}</div>{% endmacro %}"
        "{% macro article_list(articles, heading='h2') %}"
        "{% for a in articles %}{{ article_card(a) }}{% endfor %}{% endmacro %}"
    )
    site = make_site(tmp_path, {"_macros.html": macros})
    report = build_site(load_config(site), stages=cast_stages)
    assert not report.errors
    home = (site / "public" / "index.html").read_text()
    assert "<div class=mine>Council votes</div>" in home
    assert 'class="card"' not in home


def test_a_site_macro_file_missing_a_macro_the_theme_calls_is_named(
    tmp_path: Path, cast_stages: ArticleStages
) -> None:
    macros = "{% macro article_card(article, heading='h2') %}{{ article.headline }}{% endmacro %}"
    site = make_site(tmp_path, {"_macros.html": macros})
    report = build_site(load_config(site), stages=cast_stages)
    (error,) = report.errors
    assert "_macros.html has no macro 'article_list'" in error.message
    assert error.location.path.name in {"home.html", "month.html", "tag.html"}
    assert error.location.line is not None
    assert not (site / "public").exists()


def test_the_theme_wording_macros_still_work_in_a_site_template(
    tmp_path: Path, cast_stages: ArticleStages
) -> None:
    robots = (
        '{% from "_macros.html" import plural, byline, sourcing_line, credited_count %}'
        '{{ plural(2, "vote", "votes") }}|{{ byline(article) }}|{{ sourcing_line(article) }}'
        "|{{ credited_count(article.quotes) }}"
    )
    home = '{% extends "base.html" %}{% block main %}{% set article = articles[0] %}' + (
        robots + "{% endblock %}"
    )
    site = make_site(tmp_path, {"home.html": home})
    report = build_site(load_config(site), stages=cast_stages)
    assert not report.errors
    page = (site / "public" / "index.html").read_text()
    assert "2 votes||0 sources · 0 quotes|0" in page


@pytest.mark.parametrize("month", range(1, 13))
def test_long_date_names_the_month_in_english(month: int) -> None:
    date = dt.datetime(2025, month, 9, 14, 30, tzinfo=dt.UTC)
    assert format_long_date(date) == f"9 {date:%B} 2025"


@pytest.mark.parametrize(
    ("limit", "keys", "renders"),
    [
        (10, ["a", "b", "a", "a", "b"], ["a", "b"]),
        (2, ["a", "b", "c", "a"], ["a", "b", "c", "a"]),  # full: forgotten, rendered again
    ],
    ids=["each key rendered once", "forgotten when full"],
)
def test_fragments_are_rendered_once_per_key(
    limit: int, keys: list[str], renders: list[str]
) -> None:
    rendered: list[str] = []

    def render(key: str) -> str:
        rendered.append(key)
        return f"<p>{key}</p>"

    fragment = Fragments(limit)
    assert [fragment(key, render, key) for key in keys] == [f"<p>{key}</p>" for key in keys]
    assert rendered == renders


def test_an_edited_site_template_is_compiled_again(
    tmp_path: Path, cast_stages: ArticleStages
) -> None:
    """Compiled templates are kept between builds, under the hash of their source."""
    site = make_site(tmp_path, {"robots.txt": "first"})
    build_site(load_config(site), stages=cast_stages)
    assert list((site / ".newsgen-cache").glob("templates-*/*.cache"))
    (site / "templates" / "robots.txt").write_text("second", encoding="utf-8")
    report = build_site(load_config(site), stages=cast_stages)
    assert not report.errors
    assert (site / "public" / "robots.txt").read_text() == "second"


ARTICLE_DATA = {"newsgen.article", "newsgen.placement", "newsgen.summary"}


def test_rendered_pages_leave_no_article_in_reference_cycles(tmp_path: Path) -> None:
    """A page's data is freed when the page is done, not left in reference cycles for
    Python's cycle collector to find (it cost a render worker 15-20% of its time when
    every page made a module of _macros.html; see `renderer.SharedMacros`)."""
    site = tmp_path / "site"
    shutil.copytree(Path(__file__).parent / "articles", site / "content")
    config = load_config(site)
    build_site(config, jobs=1)  # templates compiled, articles cached
    shutil.rmtree(config.output_dir)  # so that every page is rendered again
    gc.collect()
    gc.set_debug(gc.DEBUG_SAVEALL)  # what the collector finds is kept in gc.garbage
    try:
        build_site(config, jobs=1)
        gc.collect()
        left = [type(o) for o in gc.garbage if type(o).__module__ in ARTICLE_DATA]
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
    assert (config.output_dir / "index.html").is_file()
    assert left == []
