"""Charts as inline SVG, drawn at build time: no script runs in the reader's browser.

Every text that comes from content is escaped; each chart has a <title> and a
<desc> listing its figures, so a screen reader gets the numbers too.
"""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup, escape

from newsgen.sourcing import Share

WIDTH = 400  # narrow, so that text stays readable when a phone scales the chart down
ROW = 40
LABEL_CHARS = 56
MAX_COLUMN_LABELS = 5


def _shorten(label: str) -> str:
    return label if len(label) <= LABEL_CHARS else label[: LABEL_CHARS - 1].rstrip() + "\u2026"


def _figure(value: float, percent: bool) -> str:
    return f"{round(value * 100)}%" if percent else f"{value:g}"


def _open_svg(
    chart_id: str, title: str, height: int, shares: Sequence[Share], percent: bool
) -> str:
    """The <svg> start: an image, or a group when it holds links (an image cannot)."""
    role = "group" if any(s.url for s in shares) else "img"
    figures = "; ".join(f"{s.label}: {_figure(s.value, percent)}" for s in shares)
    return (
        f'<svg class="chart" id="{chart_id}" viewBox="0 0 {WIDTH} {height}" role="{role}" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{chart_id}-title">{escape(title)}</title>'
        f'<desc id="{chart_id}-desc">{escape(figures) or "No data yet."}</desc>'
    )


def render_bar_chart(
    chart_id: str, title: str, shares: Sequence[Share], root: str, *, percent: bool = False
) -> Markup:
    """Horizontal bars, each under its label (linked when a share has a URL)."""
    height = max(1, len(shares)) * ROW + 4
    top = max((s.value for s in shares), default=0.0) or 1.0
    scale = 1.0 if percent else top
    span = WIDTH - 50
    parts = [_open_svg(chart_id, title, height, shares, percent)]
    for row, share in enumerate(shares):
        y = row * ROW
        width = max(2.0, span * share.value / scale) if share.value else 0.0
        label = (
            f'<text class="chart-label" x="0" y="{y + 14}">{escape(_shorten(share.label))}</text>'
        )
        if share.url:
            label = f'<a href="{escape(root + share.url)}">{label}</a>'
        parts.append(label)
        parts.append(
            f'<rect class="chart-bar" x="0" y="{y + 19}" width="{width:.1f}" height="14" rx="2"/>'
        )
        parts.append(
            f'<text class="chart-value" x="{width + 6:.1f}" y="{y + 31}">'
            f"{_figure(share.value, percent)}</text>"
        )
    if not shares:
        parts.append('<text class="chart-label" x="0" y="24">No data yet.</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


def render_column_chart(chart_id: str, title: str, shares: Sequence[Share]) -> Markup:
    """Vertical columns of shares (0 to 1) over time, oldest on the left."""
    height, base, top, left = 200, 170, 10, 40
    step = (WIDTH - left) / max(1, len(shares))
    every = max(1, -(-len(shares) // MAX_COLUMN_LABELS))
    parts = [_open_svg(chart_id, title, height, shares, True)]
    for percent in (0, 50, 100):
        y = base - (base - top) * percent / 100
        parts.append(
            f'<line class="chart-grid" x1="{left}" x2="{WIDTH}" y1="{y:.1f}" y2="{y:.1f}"/>'
        )
        parts.append(
            f'<text class="chart-value" x="{left - 4}" y="{y + 4:.1f}" text-anchor="end">'
            f"{percent}%</text>"
        )
    for index, share in enumerate(shares):
        x = left + index * step
        bar = (base - top) * share.value
        parts.append(
            f'<rect class="chart-bar" x="{x + step * 0.15:.1f}" y="{base - bar:.1f}" '
            f'width="{step * 0.7:.1f}" height="{bar:.1f}"/>'
        )
        if index % every == 0:
            parts.append(
                f'<text class="chart-value" x="{x + step / 2:.1f}" y="{base + 20}" '
                f'text-anchor="middle">{escape(_shorten(share.label))}</text>'
            )
    if not shares:
        parts.append(
            f'<text class="chart-label" x="{left + 10}" y="{base - 60}">No data yet.</text>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))


def render_split_bar(chart_id: str, title: str, shares: Sequence[Share]) -> Markup:
    """One bar split into the parts of a whole (counts), with a legend line per part."""
    total = sum(s.value for s in shares) or 1.0
    parts = [_open_svg(chart_id, title, 44 + 24 * len(shares), shares, False)]
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
