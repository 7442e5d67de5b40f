"""Readers: one per input kind, each turning a file's bytes into an `Article`.

This module is the readers' whole contract; `newsgen.loader.READERS` maps a file
suffix to its reader. A reader gets the file's bytes (any front-matter block
already blanked out line for line, so its line numbers stay file lines) and
returns a `LoadedArticle`; it raises `ContentError` for input it cannot use. It
leaves `headline` empty when it finds none: front-matter may still supply one,
and the loader reports the article if neither does.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from newsgen.article import Article
from newsgen.diagnostics import Diagnostic


@dataclass(frozen=True, slots=True)
class LoaderConfig:
    """What a site can tell the loader (from `newsgen.yaml`).

    `extra_boilerplate`: regular expressions, each matched against a WHOLE
    paragraph (case-insensitive), removed like the built-in boilerplate rules.
    """

    extra_boilerplate: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class LoadedArticle:
    article: Article
    warnings: tuple[Diagnostic, ...] = ()


class Reader(Protocol):
    """`given_headline`: the headline the file's front-matter gives, if any (a raw-text
    reader then takes no body line for the headline unless the line repeats it)."""

    def __call__(
        self, path: Path, data: bytes, config: LoaderConfig, given_headline: str | None = None
    ) -> LoadedArticle: ...
