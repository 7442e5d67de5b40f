"""Charts as inline SVG, drawn at build time: no script runs in the reader's browser.

Every text that comes from content is escaped; each chart has a <title> and a
<desc> listing its figures, so a screen reader gets the numbers too.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

from newsgen.sourcing import Anonymity, Part, Share

WIDTH = 400  # narrow, so that text stays readable when a phone scales the chart down
ROW = 40
PAIR_ROW = 62
LABEL_CHARS = 56
MAX_COLUMN_LABELS = 5
SERIES = ("sources", "quotes")  # the two measures of an `Anonymity`, as the legend names them


def _shorten(label: str, limit: int = LABEL_CHARS) -> str:
    """The label, cut at a word boundary with an ellipsis when longer than `limit`."""
    if len(label) <= limit:
        return label
    cut = label[: limit - 1]
    if " " in cut[limit // 2 :]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:\u2013\u2014-") + "\u2026"


def _figure(value: float, percent: bool) -> str:
    return f"{round(value * 100)}%" if percent else f"{value:g}"


def _describe_part(part: Part, things: str) -> str:
    """'25% (1 of 4 sources)', or 'no sources' when there is nothing to measure."""
    if part.share is None:
        return f"no {things}"
    return f"{_figure(part.share, True)} ({part.count} of {part.total} {things})"


@dataclass(frozen=True, slots=True)
class _Bar:
    value: float | None  # of the chart's full length (0 to 1); None: nothing measured
    figure: str  # written beside the bar
    series: int


@dataclass(frozen=True, slots=True)
class _Row:
    """One row (or column group) of a chart: a label and one bar, or a pair of bars."""

    label: str
    url: str | None
    bars: tuple[_Bar, ...]
    description: str  # the row's figures in words, for the chart's <desc>


def _make_rows(shares: Sequence[Share | Anonymity], percent: bool) -> list[_Row]:
    """Rows to draw: a `Share` is one bar, an `Anonymity` a pair (sources, quotes)."""
    top = max((s.value for s in shares if isinstance(s, Share)), default=0.0) or 1.0
    rows = []
    for share in shares:
        if isinstance(share, Share):
            figure = _figure(share.value, percent)
            bar = _Bar(share.value if percent else share.value / top, figure, 0)
            rows.append(_Row(share.label, share.url, (bar,), f"{share.label}: {figure}"))
            continue
        bars = (
            _Bar(share.sources.share, _describe_part(share.sources, "sources"), 0),
            _Bar(share.quotes.share, _describe_part(share.quotes, "quotes"), 1),
        )
        words = f"{share.label}: anonymous {bars[0].figure}, {bars[1].figure}"
        rows.append(_Row(share.label, share.url, bars, words))
    return rows


def _open_svg(chart_id: str, title: str, height: int, rows: Sequence[_Row]) -> str:
    """The <svg> start: an image, or a group when it holds links (an image cannot)."""
    role = "group" if any(r.url for r in rows) else "img"
    figures = "; ".join(r.description for r in rows)
    return (
        f'<svg class="chart" id="{chart_id}" viewBox="0 0 {WIDTH} {height}" role="{role}" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{chart_id}-title">{escape(title)}</title>'
        f'<desc id="{chart_id}-desc">{escape(figures) or "No data yet."}</desc>'
    )


def _draw_legend(rows: Sequence[_Row], y: int) -> str:
    """Which colour is which measure, when rows hold pairs of bars."""
    if not any(len(r.bars) > 1 for r in rows):
        return ""
    parts = []
    for series, things in enumerate(SERIES):
        x = series * 190
        parts.append(
            f'<rect class="chart-series-{series}" x="{x}" y="{y}" width="14" height="14"/>'
            f'<text class="chart-label" x="{x + 20}" y="{y + 12}">anonymous {things}</text>'
        )
    return "".join(parts)


def render_bar_chart(
    chart_id: str,
    title: str,
    shares: Sequence[Share | Anonymity],
    root: str,
    *,
    percent: bool = False,
) -> Markup:
    """Horizontal bars under their labels (linked when a row has a URL).

    A `Share` is one bar; an `Anonymity` is a pair (its sources, its quotes), each
    bar on a grey track of the whole, with its figure beside it.
    """
    rows = _make_rows(shares, percent)
    paired = any(len(r.bars) > 1 for r in rows)
    row_height = PAIR_ROW if paired else ROW
    legend = 24 if paired else 0
    span = WIDTH - (160 if paired else 50)
    height = legend + max(1, len(rows)) * row_height + 4
    parts = [_open_svg(chart_id, title, height, rows), _draw_legend(rows, 0)]
    for index, row in enumerate(rows):
        y = legend + index * row_height
        label = f'<text class="chart-label" x="0" y="{y + 14}">{escape(_shorten(row.label))}</text>'
        if row.url:
            label = f'<a href="{escape(root + row.url)}">{label}</a>'
        parts.append(label)
        for number, bar in enumerate(row.bars):
            top = y + 19 + number * 18
            series = f" chart-series-{bar.series}" if paired else ""
            if paired:
                parts.append(
                    f'<rect class="chart-track" x="0" y="{top}" width="{span}" height="14" rx="2"/>'
                )
            width = max(2.0, span * bar.value) if bar.value else 0.0
            if width:
                parts.append(
                    f'<rect class="chart-bar{series}" x="0" y="{top}" width="{width:.1f}" '
                    'height="14" rx="2"/>'
                )
            x = (span if paired else width) + 6
            parts.append(
                f'<text class="chart-value" x="{x:.1f}" y="{top + 12}">{escape(bar.figure)}</text>'
            )
    if not rows:
        parts.append('<text class="chart-label" x="0" y="24">No data yet.</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


def render_column_chart(chart_id: str, title: str, shares: Sequence[Share | Anonymity]) -> Markup:
    """Vertical columns of shares (0 to 1) over time, oldest on the left.

    An `Anonymity` is a pair of columns (its sources, its quotes); a share that
    cannot be measured (no quotes that month) has no column.
    """
    rows = _make_rows(shares, True)
    paired = any(len(r.bars) > 1 for r in rows)
    legend = 28 if paired else 0
    height, left = 200 + legend, 40
    base, top = height - 30, legend + 10
    step = (WIDTH - left) / max(1, len(rows))
    every = max(1, -(-len(rows) // MAX_COLUMN_LABELS))
    parts = [_open_svg(chart_id, title, height, rows), _draw_legend(rows, 0)]
    for percent in (0, 50, 100):
        y = base - (base - top) * percent / 100
        parts.append(
            f'<line class="chart-grid" x1="{left}" x2="{WIDTH}" y1="{y:.1f}" y2="{y:.1f}"/>'
        )
        parts.append(
            f'<text class="chart-value" x="{left - 4}" y="{y + 4:.1f}" text-anchor="end">'
            f"{percent}%</text>"
        )
    for index, row in enumerate(rows):
        x = left + index * step
        width = step * 0.7 / len(row.bars)
        for number, bar in enumerate(row.bars):
            if bar.value is None:
                continue
            series = f" chart-series-{bar.series}" if paired else ""
            length = max(2.0, (base - top) * bar.value)  # a measured 0% shows as a sliver
            parts.append(
                f'<rect class="chart-bar{series}" x="{x + step * 0.15 + number * width:.1f}" '
                f'y="{base - length:.1f}" width="{width:.1f}" height="{length:.1f}"/>'
            )
        if index % every == 0:
            parts.append(
                f'<text class="chart-value" x="{x + step / 2:.1f}" y="{base + 20}" '
                f'text-anchor="middle">{escape(_shorten(row.label))}</text>'
            )
    if not rows:
        parts.append(
            f'<text class="chart-label" x="{left + 10}" y="{base - 60}">No data yet.</text>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))


def render_split_bar(chart_id: str, title: str, shares: Sequence[Share]) -> Markup:
    """One bar split into the parts of a whole (counts), with a legend line per part."""
    total = sum(s.value for s in shares) or 1.0
    rows = _make_rows(shares, False)
    parts = [_open_svg(chart_id, title, 44 + 24 * len(shares), rows)]
    x = 0.0
    for index, share in enumerate(shares):
        width = WIDTH * share.value / total
        parts.append(
            f'<rect class="chart-part chart-part-{index}" x="{x:.1f}" y="0" '
            f'width="{width:.1f}" height="30"/>'
        )
        x += width
    for index, share in enumerate(shares):
        y = 44 + index * 24
        parts.append(
            f'<rect class="chart-part chart-part-{index}" x="0" y="{y}" width="14" height="14"/>'
            f'<text class="chart-label" x="22" y="{y + 12}">'
            f"{escape(share.label)}: {_figure(share.value, False)} "
            f"({round(100 * share.value / total)}%)</text>"
        )
    parts.append("</svg>")
    return Markup("".join(parts))
