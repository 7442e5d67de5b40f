"""The reader for saved web pages (`.html`, `.htm`): a page in, the same `Article` out.

    bytes -> decode_page -> parse_page -> read_metadata -> extract_body
          -> clean_body (the readers' shared contributors/boilerplate/dateline stage)
          -> Article -> sidecar `<name>.yaml` (the editor's fields win)

A page that holds no article (a section front, a login page) is an error, not
an empty article.
"""

from __future__ import annotations

import re
from pathlib import Path

from newsgen.article import Article, Paragraph, SourceLocation
from newsgen.body import Body, assemble_article, clean_body
from newsgen.boilerplate import boilerplate_rules
from newsgen.diagnostics import ContentError, Diagnostic, Severity
from newsgen.readers import LoadedArticle, LoaderConfig
from newsgen.webpage.body import MIN_ARTICLE_CHARS, extract_body
from newsgen.webpage.charset import decode_page
from newsgen.webpage.markup import NotAPage, parse_page, paused_collector
from newsgen.webpage.metadata import PageMetadata, read_metadata
from newsgen.webpage.sidecar import apply_sidecar

# Larger files are refused before they are even decoded.
MAX_PAGE_BYTES = 40_000_000
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n|\r\n\s*\r\n")
_SPACE = re.compile(r"\s+")


def read_webpage(
    path: Path, data: bytes, config: LoaderConfig, given_headline: str | None = None
) -> LoadedArticle:
    """The article of a saved page, or a ContentError saying why there is none."""
    where = SourceLocation(path)
    if len(data) > MAX_PAGE_BYTES:
        raise ContentError(
            where, f"the page is too large ({len(data) / 1_000_000:.0f} MB): not an article"
        )
    page = decode_page(data)
    warnings = [Diagnostic(where, problem, Severity.WARNING) for problem in page.problems]
    with paused_collector():  # the page's tree is collected once, after it is read
        try:
            soup = parse_page(page.text)
        except NotAPage as error:
            raise ContentError(where, str(error)) from error
        metadata = read_metadata(soup)
        paragraphs = extract_body(soup, metadata.headline) or body_from_json_ld(metadata)
        del soup  # garbage when the collector resumes: one pass frees it
    warnings.extend(Diagnostic(where, p, Severity.WARNING) for p in metadata.problems)
    if not paragraphs:
        raise ContentError(
            where,
            "no article found: the page has no body of article text "
            "(a section front, an index or a login page?)",
        )
    try:
        rules = boilerplate_rules(config.extra_boilerplate)
    except ValueError as error:
        raise ContentError(where, str(error)) from error
    article = make_article(path, metadata, clean_body(paragraphs, rules))
    article, sidecar_warnings = apply_sidecar(article, path)
    return LoadedArticle(article, (*warnings, *sidecar_warnings))


def make_article(path: Path, metadata: PageMetadata, body: Body) -> Article:
    """The article; its headline is left empty if the page has none (front-matter may)."""
    dek = metadata.dek
    if dek and body.paragraphs and _same_text(body.paragraphs[0].text, dek):
        dek = None  # the page's summary is only its first paragraph again
    return assemble_article(
        path,
        metadata.headline,
        body,
        kicker=metadata.kicker,
        dek=dek,
        byline=metadata.byline,
        photo_credit=metadata.photo_credit,
        date=metadata.date,
        tags=metadata.tags,
    )


def body_from_json_ld(metadata: PageMetadata) -> list[Paragraph]:
    """The JSON-LD articleBody as paragraphs, for pages that render their text by script."""
    text = metadata.article_body or ""
    blocks = [_SPACE.sub(" ", b).strip() for b in _PARAGRAPH_BREAK.split(text)]
    paragraphs = [Paragraph(b) for b in blocks if b]
    if sum(len(p.text) for p in paragraphs) < MIN_ARTICLE_CHARS:
        return []
    return paragraphs


def _same_text(paragraph: str, dek: str) -> bool:
    words_p = re.findall(r"\w+", paragraph.casefold())
    words_d = re.findall(r"\w+", dek.casefold().rstrip(".…"))
    return bool(words_d) and words_p[: len(words_d)] == words_d
