"""The loader stage: one content file in, one `Article` out.

A reader per input kind turns a file into an `Article`; `load_article` picks the
reader by suffix. Readers raise `ContentError` for input they cannot use.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from newsgen.article import Article, Paragraph, SourceLocation
from newsgen.diagnostics import ContentError, Diagnostic


@dataclass(frozen=True, slots=True)
class LoaderConfig:
    """What a site can tell the loader (from `newsgen.yaml`)."""

    extra_boilerplate: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class LoadedArticle:
    article: Article
    warnings: tuple[Diagnostic, ...] = ()


Reader = Callable[[Path, bytes, LoaderConfig], LoadedArticle]


def _read_plain_text(path: Path, data: bytes, config: LoaderConfig) -> LoadedArticle:
    text = data.decode("utf-8")
    blocks = [b.strip() for b in re.split(r"\n\s*\n", text) if b.strip()]
    if not blocks:
        raise ContentError(SourceLocation(path, 1), "the file is empty")
    paragraphs = tuple(Paragraph(b) for b in blocks[1:])
    return LoadedArticle(Article(path, blocks[0], path.stem, paragraphs))


READERS: dict[str, Reader] = {".txt": _read_plain_text}


def content_suffixes() -> frozenset[str]:
    return frozenset(READERS)


def find_content_files(content_dir: Path) -> list[Path]:
    """Every file of `content_dir` (recursively) that a reader accepts, in a stable order."""
    suffixes = content_suffixes()
    return sorted(p for p in content_dir.rglob("*") if p.is_file() and p.suffix.lower() in suffixes)


def load_article(path: Path, config: LoaderConfig | None = None) -> LoadedArticle:
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise ContentError(SourceLocation(path), f"no reader for '{path.suffix}' files")
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ContentError(SourceLocation(path), f"cannot read: {error.strerror}") from error
    return reader(path, data, config or LoaderConfig())
