"""Charts drawn at build time: figures in words, honest empty and unmeasured values."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from newsgen.charts import render_bar_chart, render_column_chart, render_split_bar
from newsgen.sourcing import Anonymity, Part, Share

BUDGET = Anonymity("Budget talks stall", Part(1, 4), Part(0, 3), "articles/budget/")
NO_QUOTES = Anonymity("Officials weigh a levy", Part(2, 2), Part(0, 0), "articles/levy/")


def texts(svg: str, selector: str) -> list[str]:
    return [t.get_text() for t in BeautifulSoup(svg, "html.parser").select(selector)]


@pytest.mark.parametrize(
    ("shares", "percent", "values"),
    [
        pytest.param([Share("Ann Lee", 4), Share("Bo Kim", 1)], False, ["4", "1"], id="counts"),
        pytest.param([Share("May 2025", 0.25)], True, ["25%"], id="shares"),
        pytest.param(
            [BUDGET, NO_QUOTES],
            True,
            ["25% (1 of 4 sources)", "0% (0 of 3 quotes)", "100% (2 of 2 sources)", "no quotes"],
            id="pairs of sources and quotes",
        ),
    ],
)
def test_bar_chart_writes_each_figure_beside_its_bar(
    shares: list[Share | Anonymity], percent: bool, values: list[str]
) -> None:
    svg = str(render_bar_chart("c", "Title", shares, "../", percent=percent))
    assert texts(svg, ".chart-value") == values


def test_paired_bars_have_a_legend_a_track_and_the_figures_in_words() -> None:
    svg = str(render_bar_chart("c", "Anonymous sourcing", [BUDGET, NO_QUOTES], "../"))
    soup = BeautifulSoup(svg, "html.parser")
    assert texts(svg, "rect + text.chart-label") == ["anonymous sources", "anonymous quotes"]
    assert len(soup.select(".chart-track")) == 4
    # An unmeasured share (no quotes) and a 0% draw no bar; the others do, in their colour.
    assert [r["class"] for r in soup.select(".chart-bar")] == [
        ["chart-bar", "chart-series-0"],
        ["chart-bar", "chart-series-0"],
    ]
    assert soup.desc.get_text() == (
        "Budget talks stall: anonymous 25% (1 of 4 sources), 0% (0 of 3 quotes); "
        "Officials weigh a levy: anonymous 100% (2 of 2 sources), no quotes"
    )
    assert [a["href"] for a in soup.select("a")] == ["../articles/budget/", "../articles/levy/"]
    assert soup.svg["role"] == "group"


@pytest.mark.parametrize(
    ("label", "shown"),
    [
        ("Tram line survives", "Tram line survives"),
        (
            "Who wins and who loses in Port Aldwin's tightest budget in a decade",
            "Who wins and who loses in Port Aldwin's tightest\u2026",
        ),
        ("A" * 70, "A" * 55 + "\u2026"),
    ],
)
def test_long_labels_are_cut_at_a_word(label: str, shown: str) -> None:
    svg = str(render_bar_chart("c", "T", [Share(label, 1)], ""))
    assert texts(svg, ".chart-label") == [shown]


def test_column_chart_shows_a_measured_zero_and_skips_what_was_not_measured() -> None:
    months = [
        Anonymity("Mar 2025", Part(1, 4), Part(1, 5)),
        Anonymity("Apr 2025", Part(0, 3), Part(0, 0)),
    ]
    svg = str(render_column_chart("m", "By month", months))
    heights = [
        (r["class"][-1], float(r["height"]))
        for r in BeautifulSoup(svg, "html.parser").select(".chart-bar")
    ]
    # March: two columns; April: a sliver for 0 of 3 sources, nothing for no quotes.
    assert [series for series, _ in heights] == [
        "chart-series-0",
        "chart-series-1",
        "chart-series-0",
    ]
    assert heights[2][1] == 2.0 and heights[0][1] > heights[1][1] > 2.0


@pytest.mark.parametrize(
    "svg",
    [
        pytest.param(str(render_bar_chart("e", "Empty", [], "")), id="bars"),
        pytest.param(str(render_column_chart("e", "Empty", [])), id="columns"),
    ],
)
def test_an_empty_chart_says_so(svg: str) -> None:
    assert "No data yet." in texts(svg, ".chart-label")
    assert BeautifulSoup(svg, "html.parser").desc.get_text() == "No data yet."


def test_split_bar_gives_each_part_its_count_and_share() -> None:
    svg = str(render_split_bar("s", "Sources", [Share("Named", 3), Share("Anonymous", 1)]))
    assert texts(svg, ".chart-label") == ["Named: 3 (75%)", "Anonymous: 1 (25%)"]


def test_text_from_content_is_escaped() -> None:
    svg = str(render_bar_chart("c", "<b>", [Share("<script>x</script>", 1, "a/<i>/")], ""))
    assert "<script>" not in svg and "<b>" not in svg and "<i>" not in svg
    assert re.search(r"&lt;script&gt;x&lt;/script&gt;", svg)
