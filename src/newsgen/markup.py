"""An article body as HTML, with every quote marked up and linked to its speaker.

The body is plain text (the loader's paragraphs) plus the analysis's quote spans,
so everything from the content is escaped here; only the tags this module writes
are markup.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from markupsafe import Markup, escape

from newsgen.article import BlockKind
from newsgen.placement import PlacedArticle, PlacedQuote

CLOSING_MARKS = "\"'\u201d\u2019\u00bb\u203a"
TRAILING_PUNCTUATION = ",.;:!?\u2026"


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    number: int  # the quote's position in the article, for its id
    quote: PlacedQuote
    first: bool  # the quote's first part: it carries the quote's id
    last: bool  # the quote's last part: the speaker is shown after it


def render_body(article: PlacedArticle, speaker_url: Callable[[str | None], str | None]) -> Markup:
    """The body's HTML; `speaker_url(key)` is the link to a speaker's page, if any."""
    spans = _spans_by_paragraph(article)
    html: list[str] = []
    open_list = False
    for index, paragraph in enumerate(article.analysed.article.paragraphs):
        inner = _render_text(paragraph.text, spans.get(index, []), speaker_url)
        if paragraph.kind is BlockKind.LIST_ITEM:
            html.append(("" if open_list else "<ul>\n") + f"<li>{inner}</li>")
            open_list = True
            continue
        if open_list:
            html.append("</ul>")
            open_list = False
        if paragraph.kind is BlockKind.HEADING:
            html.append(f"<h2>{inner}</h2>")
        elif paragraph.kind is BlockKind.BLOCKQUOTE:
            html.append(f"<blockquote><p>{inner}</p></blockquote>")
        else:
            html.append(f"<p>{inner}</p>")
    if open_list:
        html.append("</ul>")
    return Markup("\n".join(html))


def _spans_by_paragraph(article: PlacedArticle) -> dict[int, list[Span]]:
    """Each paragraph's quote spans in order; spans out of range or overlapping are left out."""
    paragraphs = article.analysed.article.paragraphs
    found: dict[int, list[Span]] = {}
    for number, placed in enumerate(article.quotes, start=1):
        quote = placed.quote
        parts = quote.parts or ((quote.paragraph, quote.start, quote.end),)
        for position, (index, start, end) in enumerate(parts):
            if 0 <= index < len(paragraphs) and 0 <= start < end <= len(paragraphs[index].text):
                span = Span(start, end, number, placed, position == 0, position == len(parts) - 1)
                found.setdefault(index, []).append(span)
    for index, spans in found.items():
        spans.sort(key=lambda s: (s.start, s.end))
        kept: list[Span] = []
        for span in spans:
            if not kept or span.start >= kept[-1].end:
                kept.append(span)
        found[index] = kept
    return found


def _render_text(
    text: str, spans: list[Span], speaker_url: Callable[[str | None], str | None]
) -> str:
    return "".join(_render_pieces(text, spans, speaker_url))


def _render_pieces(
    text: str, spans: list[Span], speaker_url: Callable[[str | None], str | None]
) -> Iterator[str]:
    position = 0
    for span in spans:
        if span.start < position:
            continue
        yield str(escape(text[position : span.start]))
        id_attr = f' id="quote-{span.number}"' if span.first else ""
        yield f'<q{id_attr} class="quote">{escape(text[span.start : span.end])}</q>'
        position = span.end
        if span.last:
            after = _after_closing_mark(text, position)
            yield str(escape(text[position:after]))
            position = after
            yield _render_speaker(span.quote, speaker_url)
    yield str(escape(text[position:]))


def _after_closing_mark(text: str, end: int) -> int:
    """Where the speaker goes: after the quote's closing mark (and punctuation before it)."""
    at = end
    while at < len(text) and at - end < 2 and text[at] in TRAILING_PUNCTUATION:
        at += 1
    if at >= len(text) or text[at] not in CLOSING_MARKS:
        return end
    marks = at
    while marks < len(text) and marks - at < 2 and text[marks] in CLOSING_MARKS:
        marks += 1
    return marks


def _render_speaker(quote: PlacedQuote, speaker_url: Callable[[str | None], str | None]) -> str:
    if quote.anonymous:
        label = quote.speaker_name or "anonymous source"
        return f' <span class="said-by anonymous">{escape(label)} (anonymous)</span>'
    if not quote.speaker_name:
        return ""
    url = speaker_url(quote.speaker_key)
    if url is None:
        return f' <span class="said-by">{escape(quote.speaker_name)}</span>'
    return f' <a class="said-by" href="{escape(url)}">{escape(quote.speaker_name)}</a>'
