"""The reader of raw article text (`.txt`), as an editor copies it from a news page.

    bytes -> text (decoding) -> head (segmenter) -> paragraphs -> body stage (body)

Paragraphs are separated by blank lines. Inside a block, a line break ends a
paragraph when the line is long (over `WRAP_WIDTH` characters: a paragraph
pasted on one line) or ends a sentence; otherwise the line was wrapped by hand
and is joined to the next with a space. So text pasted one paragraph per line
and text wrapped at 72 columns both come out as whole paragraphs. Spacing inside
a line is kept as written (two spaces after a full stop, no-break spaces).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from newsgen.article import Paragraph
from newsgen.body import assemble_article, clean_body
from newsgen.boilerplate import boilerplate_rules
from newsgen.readers import LoadedArticle, LoaderConfig
from newsgen.readers.decoding import decode_text
from newsgen.segmenter import segment_head

WRAP_WIDTH = 100
_SENTENCE_END = re.compile(r"[.!?…:][\"'”\u2019)\]]*$")


def read_text_article(
    path: Path, data: bytes, config: LoaderConfig, given_headline: str | None = None
) -> LoadedArticle:
    lines = decode_text(path, data).split("\n")
    rules = boilerplate_rules(config.extra_boilerplate)
    head = segment_head(lines, rules, headline=given_headline)
    body = clean_body(
        [Paragraph(text) for text in split_paragraphs(lines[head.body_start :])], rules
    )
    article = assemble_article(
        path,
        head.headline,
        body,
        kicker=head.kicker,
        dek=head.dek,
        byline=head.byline,
        photo_credit=head.photo_credit,
        dateline=head.dateline,
        date=head.date,
        removed_from_head=head.removed,
    )
    return LoadedArticle(article)


def split_paragraphs(lines: Sequence[str]) -> list[str]:
    """The paragraphs of body lines (see the module's note on line breaks)."""
    paragraphs: list[str] = []
    current: list[str] = []
    for raw in lines:
        line = raw.strip()
        if current and (not line or _ends_paragraph(current[-1])):
            paragraphs.append(" ".join(current))
            current = []
        if line:
            current.append(line)
    if current:
        paragraphs.append(" ".join(current))
    return paragraphs


def _ends_paragraph(line: str) -> bool:
    return len(line) > WRAP_WIDTH or _SENTENCE_END.search(line) is not None
