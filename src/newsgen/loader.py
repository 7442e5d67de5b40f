"""The loader stage: one content file in, one `Article` out.

    bytes -> front-matter split (frontmatter) -> reader by suffix (READERS)
          -> front-matter overrides -> checks (headline, slug) -> LoadedArticle

A reader per input kind turns a file into an `Article` (the contract is in
`newsgen.readers`); `load_article` picks the reader by suffix. Any file may open
with a `---` YAML block whose fields override what the reader found. Bad input
raises `ContentError` naming the file and line; the caller reports it and goes
on with the other files.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from newsgen.article import SourceLocation
from newsgen.diagnostics import ContentError, Diagnostic, Severity
from newsgen.frontmatter import apply_front_matter, split_front_matter
from newsgen.readers import LoadedArticle, LoaderConfig, Reader
from newsgen.readers.decoding import UTF8_BOM
from newsgen.readers.markdown import read_markdown_article
from newsgen.readers.text import read_text_article
from newsgen.slug import is_safe_slug, slugify

__all__ = [
    "READERS",
    "LoadedArticle",
    "LoaderConfig",
    "Reader",
    "content_suffixes",
    "find_content_files",
    "load_article",
]


def read_webpage(
    path: Path, data: bytes, config: LoaderConfig, given_headline: str | None = None
) -> LoadedArticle:
    """The saved-page reader (`newsgen.webpage`), imported on first use: its HTML parser
    takes longer to import than a rebuild after one Markdown edit spends loading it."""
    from newsgen.webpage.reader import read_webpage as read

    return read(path, data, config, given_headline)


READERS: dict[str, Reader] = {
    ".txt": read_text_article,
    ".md": read_markdown_article,
    ".markdown": read_markdown_article,
    ".html": read_webpage,
    ".htm": read_webpage,
}


def content_suffixes() -> frozenset[str]:
    return frozenset(READERS)


def find_content_files(content_dir: Path) -> list[Path]:
    """Every file of `content_dir` (recursively) that a reader accepts, in a stable order.

    Hidden files and folders (an editor's `.#story.md` lock, `.git/`) are skipped, and so
    are folders that are symbolic links (`rglob` does not follow them: one may loop).
    """
    suffixes = content_suffixes()
    return sorted(
        p
        for p in content_dir.rglob("*")
        if p.is_file()
        and p.suffix.lower() in suffixes
        and not any(part.startswith(".") for part in p.relative_to(content_dir).parts)
    )


def load_article(
    path: Path, config: LoaderConfig | None = None, data: bytes | None = None
) -> LoadedArticle:
    """The article in the file `path`; `data`: its bytes, when they were read already."""
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise ContentError(SourceLocation(path), f"no reader for '{path.suffix}' files")
    try:
        data = path.read_bytes() if data is None else data
    except OSError as error:
        raise ContentError(SourceLocation(path), f"cannot read: {error.strerror}") from error
    if not data.removeprefix(UTF8_BOM).strip():
        raise ContentError(SourceLocation(path, 1), "the file is empty")
    front, body = split_front_matter(path, data)
    given_headline = front.headline if front is not None else None
    loaded = reader(path, body, config or LoaderConfig(), given_headline)
    article, warnings = loaded.article, loaded.warnings
    if front is not None:
        article = apply_front_matter(article, front)
        warnings += front.warnings
    if not article.headline.strip():
        raise ContentError(
            SourceLocation(path, _first_text_line(body)),
            "no recognisable headline: start the file with the headline on its own line "
            "(at most 200 characters), or give 'headline:' in front-matter",
        )
    if not is_safe_slug(article.slug):
        slug = slugify(article.slug) or slugify(article.headline)
        if not slug:
            raise ContentError(
                SourceLocation(path), "cannot make a slug from the file name: give 'slug:'"
            )
        article = dataclasses.replace(article, slug=slug)
    if not article.paragraphs:
        warnings += (Diagnostic(SourceLocation(path), "the article has no body", Severity.WARNING),)
    return LoadedArticle(article, warnings)


def _first_text_line(data: bytes) -> int | None:
    for number, line in enumerate(data.splitlines(), 1):
        if line.strip():
            return number
    return None
