"""A sidecar `<name>.yaml` beside a saved page: the editor's front-matter for it.

A saved page cannot easily take a `---` block at its top, so the same fields
(headline, dek, byline, date, tags, slug, speaker and quote corrections, ...)
can sit in a YAML file of the same name next to it: `story.html` + `story.yaml`.
They are read and applied exactly as front-matter is (`newsgen.frontmatter`),
with errors naming the sidecar file and its line, and they win over everything
the page itself says.
"""

from __future__ import annotations

from pathlib import Path

from newsgen.article import Article, SourceLocation
from newsgen.diagnostics import ContentError, Diagnostic
from newsgen.frontmatter import apply_front_matter, read_front_matter
from newsgen.readers.decoding import UTF8_BOM

SIDECAR_SUFFIXES = (".yaml", ".yml")


def find_sidecar(page: Path) -> Path | None:
    """The sidecar file of `page`, if there is one."""
    for suffix in SIDECAR_SUFFIXES:
        candidate = page.with_suffix(suffix)
        if candidate.is_file():
            return candidate
    return None


def apply_sidecar(article: Article, page: Path) -> tuple[Article, tuple[Diagnostic, ...]]:
    """`article` with its sidecar's fields in place of what the page said."""
    sidecar = find_sidecar(page)
    if sidecar is None:
        return article, ()
    try:
        data = sidecar.read_bytes()
    except OSError as error:
        raise ContentError(SourceLocation(sidecar), f"cannot read: {error.strerror}") from error
    try:
        text = data.removeprefix(UTF8_BOM).decode("utf-8")
    except UnicodeDecodeError as error:
        line = 1 + data[: error.start].count(b"\n")
        raise ContentError(
            SourceLocation(sidecar, line), "the sidecar is not UTF-8 text: save it as UTF-8"
        ) from error
    front = read_front_matter(sidecar, text, first_line=1)
    return apply_front_matter(article, front), front.warnings
