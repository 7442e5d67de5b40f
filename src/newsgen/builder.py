"""The build, top to bottom: load -> analyse -> index the site -> render -> write.

`build_site` is the table of contents of newsgen. Each stage takes and returns
immutable values: `process_article` depends on one file and the config only, and
each `PageSpec` names the articles, speakers and tags it is made from, so a cache
or a pool of workers can slot in at either step without changing the others.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import jinja2

from newsgen.analysis import analyse_article
from newsgen.article import AnalysedArticle, Article, ArticleAnalysis, SourceLocation
from newsgen.config import SiteConfig
from newsgen.diagnostics import ContentError, Diagnostic, Severity
from newsgen.loader import LoadedArticle, LoaderConfig, find_content_files, load_article
from newsgen.pages import PageSpec, plan_pages
from newsgen.placement import PlacedArticle, place_article
from newsgen.renderer import THEME_DIR, RenderedPage, RenderError, make_environment, render_page
from newsgen.site import Site, index_site
from newsgen.writer import OutputError, check_output_dir, write_site

T = TypeVar("T")

# Told about progress: (stage, done, total).
Progress = Callable[[str, int, int], None]


@dataclass(frozen=True, slots=True)
class ArticleStages:
    """The per-article stages; tests and a future cache can put their own in."""

    load: Callable[[Path, LoaderConfig], LoadedArticle] = load_article
    analyse: Callable[[Article], ArticleAnalysis] = analyse_article


DEFAULT_STAGES = ArticleStages()


@dataclass(frozen=True, slots=True)
class ArticleResult:
    """What one content file gave: the placed article (None if it failed) and messages."""

    source: Path
    placed: PlacedArticle | None
    diagnostics: tuple[Diagnostic, ...] = ()


@dataclass(frozen=True, slots=True)
class BuildReport:
    output: Path
    articles: int  # articles on the site
    pages: int  # files rendered
    written: bool  # the output folder was replaced with the new site
    diagnostics: tuple[Diagnostic, ...]

    @property
    def errors(self) -> tuple[Diagnostic, ...]:
        return tuple(d for d in self.diagnostics if d.severity is Severity.ERROR)

    @property
    def warnings(self) -> tuple[Diagnostic, ...]:
        return tuple(d for d in self.diagnostics if d.severity is Severity.WARNING)

    def failed(self, strict: bool = False) -> bool:
        return bool(self.errors or (strict and self.warnings))


def build_site(
    config: SiteConfig,
    *,
    write: bool = True,
    progress: Progress | None = None,
    stages: ArticleStages = DEFAULT_STAGES,
) -> BuildReport:
    """Build the site of `config` into its output folder (`write=False`: check only)."""
    diagnostics: list[Diagnostic] = []
    if write:
        try:
            check_output_dir(config.output_dir, protected_paths(config), config.content_dir)
        except OutputError as error:
            return _stopped(config, diagnostics, config.output_dir, str(error))
    if not config.content_dir.is_dir():
        return _stopped(config, diagnostics, config.content_dir, "no content folder")

    # 1-2. Load and analyse every article, each on its own.
    files = find_content_files(config.content_dir)
    results = [
        _tell(progress, "articles", i, len(files), process_article(path, config, stages))
        for i, path in enumerate(files, start=1)
    ]
    for result in results:
        diagnostics.extend(result.diagnostics)

    # 3. Index the site: order, speakers across the archive, tags, months, related.
    indexed = index_site(r.placed for r in results if r.placed is not None)
    diagnostics.extend(indexed.diagnostics)
    site = indexed.site

    # 4. Plan and render the pages; 5. write them, swapped into place at the end.
    specs = list(plan_pages(site, config))
    try:
        env = make_environment(config)
        pages = render_pages(env, specs, site, progress)
        count = (
            write_site(config.output_dir, pages, static_dirs(config)) if write else _count(pages)
        )
    except RenderError as error:
        diagnostics.append(error.diagnostic)
        return BuildReport(config.output_dir, len(site.articles), 0, False, tuple(diagnostics))
    except (OutputError, OSError) as error:
        return _stopped(config, diagnostics, config.output_dir, str(error))
    return BuildReport(config.output_dir, len(site.articles), count, write, tuple(diagnostics))


def process_article(
    path: Path, config: SiteConfig, stages: ArticleStages = DEFAULT_STAGES
) -> ArticleResult:
    """Load, analyse and place one content file; a bad file gives its error, not an exception."""
    try:
        loaded = stages.load(path, config.loader)
    except ContentError as error:
        return ArticleResult(path, None, (error.diagnostic,))
    try:
        analysis = stages.analyse(loaded.article)
    except Exception as error:  # a bug in the analysis must not stop the whole build
        where = traceback.extract_tb(error.__traceback__)[-1]
        message = (
            f"the analysis failed ({type(error).__name__}: {error}"
            f" at {where.filename}:{where.lineno})"
        )
        return ArticleResult(
            path, None, (*loaded.warnings, Diagnostic(SourceLocation(path), message))
        )
    placed = place_article(AnalysedArticle(loaded.article, analysis), config.zone)
    return ArticleResult(path, placed, loaded.warnings)


def render_pages(
    env: jinja2.Environment, specs: Sequence[PageSpec], site: Site, progress: Progress | None
) -> Iterator[RenderedPage]:
    seen: dict[str, PageSpec] = {}
    for number, spec in enumerate(specs, start=1):
        if spec.path in seen:
            first = seen[spec.path].key
            message = f"two pages would be written to {spec.path}: {first!r} and {spec.key!r}"
            raise RenderError(Diagnostic(SourceLocation(Path(spec.path)), message))
        seen[spec.path] = spec
        yield _tell(progress, "pages", number, len(specs), render_page(env, spec, site))


def protected_paths(config: SiteConfig) -> tuple[Path, ...]:
    return (config.site_dir, config.content_dir, config.templates_dir, config.static_dir)


def static_dirs(config: SiteConfig) -> tuple[Path, ...]:
    """The theme's static files first, then the site's own `static/`, which wins by name."""
    return (THEME_DIR / "static", config.static_dir)


def _tell(progress: Progress | None, stage: str, done: int, total: int, value: T) -> T:
    if progress is not None:
        progress(stage, done, total)
    return value


def _count(pages: Iterable[RenderedPage]) -> int:
    return sum(1 for _ in pages)


def _stopped(
    config: SiteConfig, diagnostics: list[Diagnostic], where: Path, message: str
) -> BuildReport:
    diagnostics.append(Diagnostic(SourceLocation(where), message))
    return BuildReport(config.output_dir, 0, 0, False, tuple(diagnostics))
