"""An article body as HTML, with every quote marked up and linked to its speaker.

The body is plain text (the loader's paragraphs) plus the analysis's quote spans,
so everything from the content is escaped here; only the tags this module writes
are markup. Each quotation is a `<q>` whose class says who said it:

- `quote`: a named speaker's words, with `data-speaker="<speaker slug>"` when the
  speaker has a page (the slug is the last segment of that page's URL);
- `quote anonymous`: an anonymous source's words;
- `unattributed`: words credited to no one (a scare quote, a title), shown plainly.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from markupsafe import Markup

from newsgen.article import BlockKind
from newsgen.placement import PlacedArticle, PlacedQuote

CLOSING_MARKS = "\"'\u201d\u2019\u00bb\u203a"
TRAILING_PUNCTUATION = ",.;:!?\u2026"


@dataclass(frozen=True, slots=True)
class Mention:
    """A speaker's name in the text outside the quotes: linked instead of repeated."""

    start: int
    end: int
    quote: PlacedQuote


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    number: int  # the quote's position in the article, for its id
    quote: PlacedQuote
    first: bool  # the quote's first part: it carries the quote's id
    last: bool  # the quote's last part: the speaker is shown after it


def escape_text(text: str) -> str:
    """`text` with markupsafe's escapes (the same entities), as a plain string: the body
    is marked safe once, whole. (markupsafe's `escape` makes a `Markup` of each piece
    through two Python calls: a fifth of the body's time, some 50 pieces an article.)"""
    return (
        text.replace("&", "&amp;")
        .replace(">", "&gt;")
        .replace("<", "&lt;")
        .replace("'", "&#39;")
        .replace('"', "&#34;")
    )


def render_body(article: PlacedArticle, speaker_url: Callable[[str | None], str | None]) -> Markup:
    """The body's HTML; `speaker_url(key)` is the link to a speaker's page, if any."""
    spans = _spans_by_paragraph(article)
    # Each speaker's link looked up once per article, not once per quote and mention.
    urls = {key: speaker_url(key) for key in {q.speaker_key for q in article.quotes}}
    html: list[str] = []
    open_list = False
    for index, paragraph in enumerate(article.analysed.article.paragraphs):
        found = spans.get(index)
        inner = (
            _render_text(paragraph.text, found, urls.get) if found else escape_text(paragraph.text)
        )
        kind = paragraph.kind
        if kind is BlockKind.LIST_ITEM:
            html.append(("" if open_list else "<ul>\n") + f"<li>{inner}</li>")
            open_list = True
            continue
        if open_list:
            html.append("</ul>")
            open_list = False
        if kind is BlockKind.HEADING:
            html.append(f"<h2>{inner}</h2>")
        elif kind is BlockKind.BLOCKQUOTE:
            said_by = _speaker_attribute(found or [], urls.get)
            html.append(f"<blockquote{said_by}><p>{inner}</p></blockquote>")
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
    mentions = _find_mentions(text, spans, speaker_url)
    marks: list[Span | Mention] = [*spans]
    if mentions:  # the spans are in order already
        marks.extend(mentions)
        marks.sort(key=lambda m: m.start)
    named = {m.quote.speaker_key for m in mentions}
    html: list[str] = []
    position = 0
    for mark in marks:
        if mark.start < position:
            continue
        html.append(escape_text(text[position : mark.start]))
        position = mark.end
        words = escape_text(text[mark.start : position])
        if isinstance(mark, Mention):
            url = speaker_url(mark.quote.speaker_key) or ""
            html.append(f'<a class="said-by in-text" href="{escape_text(url)}">{words}</a>')
            continue
        quote = mark.quote
        id_attr = f' id="quote-{mark.number}"' if mark.first else ""
        said_by = _speaker_attribute((mark,), speaker_url)
        html.append(f'<q{id_attr} class="{_quote_class(quote)}"{said_by}>{words}</q>')
        if mark.last and (quote.anonymous or quote.speaker_key not in named):
            after = _after_closing_mark(text, position)
            if after > position:
                html.append(escape_text(text[position:after]))
                position = after
            html.append(_render_speaker(quote, speaker_url))
    html.append(escape_text(text[position:]))
    return "".join(html)


def _quote_class(quote: PlacedQuote) -> str:
    if quote.anonymous:
        return "quote anonymous"
    return "quote" if quote.speaker_name else "unattributed"


def _speaker_slug(url: str | None) -> str | None:
    """The slug of the speaker whose page is at `url` (its last path segment)."""
    return url.rstrip("/").rsplit("/", 1)[-1] or None if url else None


def _speaker_attribute(
    spans: Sequence[Span], speaker_url: Callable[[str | None], str | None]
) -> str:
    """` data-speaker="<slug>"` when these spans are all one named speaker's, else ''."""
    if not spans or any(s.quote.anonymous for s in spans):
        return ""
    slugs = {_speaker_slug(speaker_url(s.quote.speaker_key)) for s in spans}
    slug = slugs.pop() if len(slugs) == 1 else None
    return f' data-speaker="{escape_text(slug)}"' if slug else ""


def _find_mentions(
    text: str, spans: list[Span], speaker_url: Callable[[str | None], str | None]
) -> list[Mention]:
    """Each named speaker's first mention outside the quotes, by full name or else surname."""
    mentions: list[Mention] = []
    for span in spans:
        quote = span.quote
        if quote.anonymous or not quote.speaker_name or speaker_url(quote.speaker_key) is None:
            continue
        if any(m.quote.speaker_key == quote.speaker_key for m in mentions):
            continue
        for name in dict.fromkeys((quote.speaker_name, quote.speaker_name.split()[-1])):
            found = _find_free(text, name, span, [*spans, *mentions])
            if found is not None:
                mentions.append(Mention(found, found + len(name), quote))
                break
    return mentions


def _find_free(text: str, name: str, span: Span, taken: Sequence[Span | Mention]) -> int | None:
    """The start of the mention of `name` nearest the quote, outside every quote and link."""
    if len(name) < 3 or name not in text:
        return None
    free = [
        match.start()
        for match in _name_pattern(name).finditer(text)
        if all(match.end() <= t.start or match.start() >= t.end for t in taken)
    ]
    return min(free, key=lambda at: min(abs(at - span.end), abs(at - span.start)), default=None)


@functools.lru_cache(maxsize=4096)
def _name_pattern(name: str) -> re.Pattern[str]:
    """`name` as a whole word (kept: a site has more names than `re`'s own cache holds)."""
    return re.compile(rf"(?<!\w){re.escape(name)}(?!\w)")


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
        flag = "" if "anonym" in label.lower() else " (anonymous)"
        return f' <span class="said-by anonymous">{escape_text(label)}{flag}</span>'
    if not quote.speaker_name:
        return ""
    url = speaker_url(quote.speaker_key)
    if url is None:
        return f' <span class="said-by">{escape_text(quote.speaker_name)}</span>'
    return f' <a class="said-by" href="{escape_text(url)}">{escape_text(quote.speaker_name)}</a>'
