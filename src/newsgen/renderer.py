"""The render stage: a `PageSpec` and the site index in, the page's bytes out.

One Jinja environment per build (kept for the next one by a long-running process while
the settings and templates stay the same): autoescaping on for every template, undefined
variables are errors, and the site's own `templates/` folder overrides any
template of the packaged theme by name.

Where the time goes, and what keeps it down: an article's body is marked up in
Python (`markup.py`); wording that every card repeats (counts, bylines, dates) is
done by plain functions (`wording.py`), not nested macros; a card is rendered once and
reused on every page that lists it, and by the next builds of `newsgen serve`
(`Fragments`); the theme's templates call the macros of `_macros.html` without
importing it on every page, so that a rendered page leaves no reference cycles for the
cycle collector (`SharedMacros`); the compiled templates are kept in the build cache
folder (`TemplateCodeCache`).
`tests/bench/bench_render.py` prints the CPU time per page of each kind. A page too
big to hold whole (the search index) is rendered a piece at a time (`STREAMED`).
"""

from __future__ import annotations

import functools
import hashlib
import traceback
from collections.abc import Callable, Hashable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import jinja2

from newsgen.article import SourceLocation
from newsgen.charts import render_bar_chart, render_column_chart, render_split_bar
from newsgen.config import SiteConfig
from newsgen.diagnostics import Diagnostic
from newsgen.markup import render_body
from newsgen.pages import PageKind, PageSpec, ReadArticle, page_context
from newsgen.placement import PlacedArticle
from newsgen.search import index_entries, index_json
from newsgen.site import Site
from newsgen.sourcing import Share, measure_sourcing
from newsgen.wording import (
    count_credited,
    describe_news_article,
    format_byline,
    format_iso_date,
    format_long_date,
    format_plural,
    format_quote_excerpt,
    format_sourcing_line,
)

THEME_DIR = Path(__file__).parent / "theme"


@dataclass(frozen=True, slots=True)
class RenderedPage:
    path: str
    # The page's bytes; or, for a page too big to hold whole (`STREAMED`), its bytes in
    # pieces as the template makes them (rendering goes on as they are read).
    data: bytes | Iterator[bytes]


# Pages rendered a piece at a time: the search index (see `search.index_json`).
STREAMED = frozenset({PageKind.SEARCH_INDEX})
STREAM_PIECE_BYTES = 256 * 1024


class RenderError(Exception):
    """A template failed; `diagnostic` names the template file and line."""

    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(diagnostic)  # the args, so that it crosses from a worker process whole
        self.diagnostic = diagnostic

    def __str__(self) -> str:
        return str(self.diagnostic)


# Fragments kept per process before they are forgotten and rendered again: an article
# card takes about 0.8 kB, so some 16 MB at most.
FRAGMENTS_KEPT = 20_000


class Fragments:
    """Markup that depends on its key alone (and the settings and templates), rendered
    once and then reused, in each process that renders pages, for as long as it keeps
    its environment: one build, or under `newsgen serve` every build with the same
    settings and templates (`page_tasks`). A key must name all the markup shows.

    A template calls `fragment(key, macro, *args)`: the first time with that key it is
    `macro(*args)`, afterwards the same markup. The theme's article cards use it (key:
    the digest of the article's summary, the heading and the root): a card shows on
    several pages of a build (the home page, its tags' pages, its neighbours' related
    articles), and a rebuild after an edit renders the tag pages of the edited article,
    every other card on them as it was.
    """

    def __init__(self, limit: int = FRAGMENTS_KEPT) -> None:
        self._kept: dict[Hashable, Any] = {}
        self._limit = limit

    def __call__(self, key: Hashable, render: Callable[..., Any], *args: Any) -> Any:
        kept = self._kept.get(key)
        if kept is None:
            if len(self._kept) >= self._limit:
                self._kept.clear()
            kept = self._kept[key] = render(*args)
        return kept


class SharedMacros:
    """`_macros.html`'s macros as functions templates call without importing them
    (`article_card`, `article_list` and `quote_excerpt`; the theme's call the first two),
    each from a module of `_macros.html` made once per build for each page depth
    (`root`, the only page variable a card may show).

    Imported `with context` instead, the file would be made into a module on every
    page, and that module's macros and the page's data (the whole article) would form
    reference cycles that only Python's cycle collector frees: 15-20% of a render
    worker's time went to that. A site template may still import them itself."""

    NAMES = ("article_card", "article_list", "quote_excerpt")

    def __init__(self, env: jinja2.Environment) -> None:
        self._env = env
        self._modules: dict[str, Any] = {}

    def install(self) -> None:
        self._env.globals.update({name: self._caller(name) for name in self.NAMES})

    def _caller(self, name: str) -> Callable[..., Any]:
        @jinja2.pass_context
        def call(context: jinja2.runtime.Context, *args: Any, **kwargs: Any) -> Any:
            macro = getattr(self._module(context["root"]), name, None)
            if macro is None:  # a site's own _macros.html without it
                raise jinja2.TemplateRuntimeError(f"_macros.html has no macro {name!r}")
            return macro(*args, **kwargs)

        return call

    def _module(self, root: str) -> Any:
        module = self._modules.get(root)
        if module is None:
            template = self._env.get_template("_macros.html")
            module = self._modules[root] = template.make_module({"root": root})
        return module


# How templates are compiled (their compiled code is kept under a name made from these).
TEMPLATE_OPTIONS: dict[str, Any] = {
    "autoescape": True,
    "undefined": jinja2.StrictUndefined,
    "trim_blocks": True,
    "lstrip_blocks": True,
    "keep_trailing_newline": True,
}


class TemplateCodeCache(jinja2.FileSystemBytecodeCache):
    """Compiled templates kept between builds and shared by the render workers, each
    under its name and the hash of its source (an edited template is compiled again).
    Compiling the theme took 60 ms in every process that rendered pages, a one-edit
    rebuild included."""

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            super().dump_bytecode(bucket)
        except OSError:  # not kept (a full disk...): compiled again next time, no harm
            return


def open_code_cache(cache_dir: Path) -> TemplateCodeCache | None:
    """The compiled templates' folder in the build cache folder; None if it cannot be made."""
    options = repr(sorted((k, repr(v)) for k, v in TEMPLATE_OPTIONS.items()))
    version = hashlib.blake2b(f"{jinja2.__version__}{options}".encode(), digest_size=6)
    folder = cache_dir / f"templates-{version.hexdigest()}"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:  # a read-only site folder: templates are compiled in each process
        return None
    return TemplateCodeCache(str(folder))


def make_environment(config: SiteConfig, code_cache: Path | None = None) -> jinja2.Environment:
    """The build's Jinja environment (fragments are kept in it: see `Fragments`);
    `code_cache`: the build cache's folder, where compiled templates are kept (None:
    compiled in memory only)."""
    loaders: list[jinja2.BaseLoader] = []
    if config.templates_dir.is_dir():
        loaders.append(jinja2.FileSystemLoader(config.templates_dir))
    loaders.append(jinja2.FileSystemLoader(THEME_DIR / "templates"))
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        **TEMPLATE_OPTIONS,
        # One environment per build: no template changes under it, so no looking at
        # the template files' times again on every page.
        auto_reload=False,
        bytecode_cache=open_code_cache(code_cache) if code_cache is not None else None,
    )
    env.filters.update(
        long_date=format_long_date,
        iso_date=format_iso_date,
        percent=lambda value: f"{round(float(value) * 100)}%",
    )
    env.globals.update(
        config=config,
        bar_chart=render_bar_chart,
        column_chart=render_column_chart,
        split_bar=render_split_bar,
        measure_sourcing=measure_sourcing,
        search_entries=index_entries,
        search_json=index_json,
        news_article_data=functools.partial(describe_news_article, config),
        Share=Share,
        fragment=Fragments(),
        # The wording of counts and bylines, and the speaker page's quotes, as
        # _macros.html's plural, byline, credited_count, sourcing_line and quote_excerpt
        # macros give them, without a macro call each.
        format_plural=format_plural,
        format_byline=format_byline,
        count_credited=count_credited,
        format_sourcing_line=format_sourcing_line,
        format_quote_excerpt=format_quote_excerpt,
    )
    SharedMacros(env).install()
    return env


def page_root(spec: PageSpec, config: SiteConfig) -> str:
    """The relative way back to the site root from this page ('../../' and so on).

    The 404 page is served at any depth, so it uses the base URL's absolute path.
    """
    if spec.kind is PageKind.NOT_FOUND:
        return urlsplit(config.base_url).path or "/"
    return "../" * spec.path.count("/")


def render_page(
    env: jinja2.Environment, spec: PageSpec, site: Site, read: ReadArticle
) -> RenderedPage:
    """The page of `spec`; `read(slug)` gives a whole article (for article pages and the feed)."""
    template, context = prepare_page(env, spec, site, read)
    return finish_page(template, context, spec)


def finish_page(template: jinja2.Template, context: dict[str, Any], spec: PageSpec) -> RenderedPage:
    """The page of `spec` from what `prepare_page` gave (the template rendered)."""
    if spec.kind in STREAMED:
        return RenderedPage(spec.path, _pieces(template, context, spec))
    try:
        text = template.render(context)
    except jinja2.TemplateError as error:
        raise RenderError(_describe_template_error(error, spec)) from error
    return RenderedPage(spec.path, text.encode("utf-8"))


def _pieces(template: jinja2.Template, context: dict[str, Any], spec: PageSpec) -> Iterator[bytes]:
    """The page's bytes in pieces of at least `STREAM_PIECE_BYTES` (but the last)."""
    pieces: list[bytes] = []
    size = 0
    try:
        for text in template.generate(context):
            data = text.encode("utf-8")
            pieces.append(data)
            size += len(data)
            if size >= STREAM_PIECE_BYTES:
                yield b"".join(pieces)
                pieces, size = [], 0
    except jinja2.TemplateError as error:
        raise RenderError(_describe_template_error(error, spec)) from error
    yield b"".join(pieces)


def prepare_page(
    env: jinja2.Environment, spec: PageSpec, site: Site, read: ReadArticle
) -> tuple[jinja2.Template, dict[str, Any]]:
    """The template of `spec` and everything it is rendered with (the articles it shows
    read, as far as the page's context reads them ahead)."""
    config: SiteConfig = env.globals["config"]  # type: ignore[assignment]
    root = page_root(spec, config)

    def speaker_url(key: str | None) -> str | None:
        url = site.speaker_url(key)
        return root + url if url else None

    def body(article: PlacedArticle) -> Any:
        return render_body(article, speaker_url)

    context = page_context(spec, site, read)
    context.update(
        page=spec,
        root=root,
        home=root or "./",
        canonical=config.base_url + spec.url,
        speaker_url=speaker_url,
        body=body,
    )
    try:
        return env.get_template(spec.template), context
    except jinja2.TemplateError as error:
        raise RenderError(_describe_template_error(error, spec)) from error


def _describe_template_error(error: jinja2.TemplateError, spec: PageSpec) -> Diagnostic:
    if isinstance(error, jinja2.TemplateSyntaxError):
        location = SourceLocation(Path(error.filename or error.name or spec.template), error.lineno)
        return Diagnostic(location, f"template error: {error.message}")
    frames = [
        frame
        for frame in traceback.extract_tb(error.__traceback__)
        if frame.filename.endswith((".html", ".xml", ".js", ".txt"))
    ]
    if frames:
        location = SourceLocation(Path(frames[-1].filename), frames[-1].lineno)
    else:
        location = SourceLocation(Path(spec.template))
    return Diagnostic(location, f"template error while rendering {spec.path}: {error}")
