"""The build, top to bottom: load -> analyse -> index the site -> render -> write.

`build_site` is the table of contents of newsgen. Each stage takes and returns
immutable values, and the build cache (`<site>/.newsgen-cache/`) lets each skip
what did not change since the last build:

1-2. `collect_articles`: each content file loaded, analysed and placed on its own
     (in worker processes when there are many), or its cached summary reused;
3.   `index_site`: the archive-wide indexes, from article summaries (no bodies), or
     the last build's when the summaries are the same (`site.IndexMemo`);
4-5. `plan_pages` then `publish_site`: the pages whose inputs changed rendered (in
     workers when many) and put in place; the others left as they are. When the last
     build published the same index, only the changed articles' own pages and the feed
     can have changed, and only they are planned (`plan_whole_article_pages`); when it
     published the same outline (`site.IndexMemo`), only the pages showing the changed
     articles or their speakers (`plan_pages_showing`).

A build where no content file, template or setting changed stops after looking at
the files' signatures. A damaged or outdated cache gives a full build.
"""

from __future__ import annotations

import contextlib
import dataclasses
import enum
import gc
import pickle
import tempfile
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from newsgen.article import SourceLocation
from newsgen.cache import BuildCache, CacheError, cache_path, open_cache, summary_chunk
from newsgen.collection import (
    DEFAULT_STAGES,
    ArticleResult,
    ArticleStages,
    CollectState,
    SummaryMemo,
    collect_articles,
    process_article,
)
from newsgen.config import SiteConfig
from newsgen.diagnostics import Diagnostic, Severity
from newsgen.fingerprint import (
    SourceFile,
    article_key,
    code_key,
    page_key,
    rescan_sources,
    scan_sources,
)
from newsgen.pages import PageSpec, plan_pages, plan_pages_showing, plan_whole_article_pages
from newsgen.parallel import default_jobs
from newsgen.publication import (
    output_identity,
    output_trusted,
    prepare_render_workers,
    publish_site,
)
from newsgen.related import RelatedIndex
from newsgen.renderer import THEME_DIR, RenderError
from newsgen.search import KeptEntries, SearchMemo
from newsgen.site import IndexMemo, Month, Site, SiteTag, index_site
from newsgen.sourcing import SourcingMemo
from newsgen.summary import digest_text
from newsgen.writer import OutputError, check_output_dir, journal_path, recover_output

__all__ = [
    "DEFAULT_STAGES",
    "ArticleResult",
    "ArticleStages",
    "BuildMemo",
    "BuildReport",
    "Progress",
    "SummaryMemo",
    "build_site",
    "process_article",
]

# Told about progress: (stage, done, total).
Progress = Callable[[str, int, int], None]

# How many memos the search entries are kept in (see `_search_memo`).
SEARCH_CHUNKS = 64

# The collector's thresholds during a build (see `_fewer_collections`).
BUILD_GC_THRESHOLDS = (20_000, 1_000, 1_000)


@dataclass
class BuildMemo:
    """What a long-running process (`newsgen serve`) keeps in memory from one build to the
    next, instead of reading it back from the cache or making it again: the summaries, the
    site index's memo (taken while the cache holds the same), every page of the site as
    last planned, under the outline and page key it was planned for (the same outline and
    settings give the same pages: `pages.plan_pages_showing`), and the content files as
    last scanned (a build told which paths changed looks at those alone:
    `fingerprint.rescan_sources`)."""

    summaries: SummaryMemo = field(default_factory=SummaryMemo)
    index: IndexMemo | None = None
    plan: tuple[str, tuple[PageSpec, ...]] = ("", ())
    sources: tuple[Path, list[SourceFile]] | None = None  # the content folder, as last scanned
    sourcing: SourcingMemo = field(default_factory=dict)  # each article's, as last measured

    @property
    def empty(self) -> bool:
        """Nothing kept yet: no build of this process has loaded the summaries."""
        return not self.summaries.summaries


@dataclass(frozen=True, slots=True)
class BuildReport:
    output: Path
    articles: int  # articles on the site
    pages: int  # pages on the site
    written: bool  # the output folder holds the new site
    diagnostics: tuple[Diagnostic, ...]
    rendered: int = 0  # pages rendered by this build (the others had not changed)
    processed: int = 0  # content files loaded and analysed by this build

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
    jobs: int | None = None,
    memo: BuildMemo | None = None,
    changed: Collection[str] | None = None,
) -> BuildReport:
    """Build the site of `config` into its output folder (`write=False`: check only).

    `jobs`: worker processes (default: every core); `memo`: what one long-running process
    (`newsgen serve`) keeps in memory between its builds; `changed`: the paths a file
    watcher saw change since that process's last build (None: every file is looked at).
    """
    with _fewer_collections():
        return _build_site(config, write, progress, stages, jobs, memo, changed)


@contextlib.contextmanager
def _fewer_collections() -> Iterator[None]:
    """The cycle collector run less often during a build. A build makes hundreds of
    thousands of long-lived objects (the summaries and the index, few of them in cycles),
    and the default thresholds make the collector walk them all again and again: 1.1 of
    a 2.8-second one-edit rebuild at 10,000 articles. Young objects are still collected."""
    previous = gc.get_threshold()
    gc.set_threshold(*BUILD_GC_THRESHOLDS)
    try:
        yield
    finally:
        gc.set_threshold(*previous)


def _build_site(
    config: SiteConfig,
    write: bool,
    progress: Progress | None,
    stages: ArticleStages,
    jobs: int | None,
    memo: BuildMemo | None,
    changed: Collection[str] | None,
) -> BuildReport:
    if write:
        try:
            check_output_dir(config.output_dir, protected_paths(config), config.content_dir)
            recover_output(config.output_dir)  # a commit a killed build did not finish
        except (OutputError, OSError) as error:
            return _stopped(config, [], config.output_dir, str(error))
    if not config.content_dir.is_dir():
        return _stopped(config, [], config.content_dir, "no content folder")
    if not write:  # a check leaves the site's cache alone: it works in a scratch one
        with tempfile.TemporaryDirectory(prefix="newsgen-check-") as scratch:
            cache = open_cache(Path(scratch) / "check.sqlite")
            try:
                jobs = jobs or default_jobs()
                return _build(config, cache, False, progress, stages, jobs, None, None)
            finally:
                cache.close()
    cache = open_cache(cache_path(config.site_dir))
    try:
        try:
            return _build(
                config, cache, True, progress, stages, jobs or default_jobs(), memo, changed
            )
        except CacheError:
            cache.close()  # damaged under our feet: start again from nothing
            cache = open_cache(cache_path(config.site_dir), fresh=True)
            return _build(config, cache, True, progress, stages, jobs or default_jobs(), None, None)
    finally:
        cache.close()


def _build(
    config: SiteConfig,
    cache: BuildCache,
    write: bool,
    progress: Progress | None,
    stages: ArticleStages,
    jobs: int,
    memo: BuildMemo | None,
    changed: Collection[str] | None,
) -> BuildReport:
    code = code_key()
    articles_key = article_key(config, code, stages.name)
    pages_key = page_key(config, code)
    sources = _scan(config.content_dir, memo, changed)
    state_key = digest_text(
        repr((articles_key, pages_key, [(s.name, s.signature) for s in sources]))
    )
    # The first build of a long-running process goes through even with nothing changed,
    # to fill its memo: the first edit then finds the summaries, index and plan in memory.
    filling = memo is not None and memo.empty
    if write and not filling and _unchanged(cache, state_key, config.output_dir):
        return _replay(config, cache)

    # 1-2. Load and analyse every article that changed, each on its own.
    if cache.get_meta("articles_key") != articles_key:
        cache.forget_all_articles()
        cache.set_meta("articles_key", articles_key)
    state = CollectState(config, stages, articles_key)
    summaries = memo.summaries if memo is not None else None
    collected = collect_articles(sources, cache, state, jobs, progress, summaries)
    # What the last build published, told apart from what it only loaded: a build stopped
    # after this commit (interrupted, or its pages not written) leaves the changed articles
    # in the cache, no longer fresh, so the next one must not render only around them.
    last_published = cache.get_meta("published")
    if write:
        cache.set_meta("published", "")
    cache.commit()
    if write:
        prepare_render_workers(cache, config, len(collected.summaries), jobs)
    diagnostics = list(collected.diagnostics)

    # 3. Index the site: order, speakers across the archive, tags, months, related.
    kept = _recall_index(cache, memo)
    known = (kept.key, kept.related.key)
    indexed = index_site(collected.summaries, kept, jobs)
    if write and (kept.key, kept.related.key) != known:
        cache.put_memo("index", kept.key, _kept_index(kept))
        # Committed now: the render workers read the cache, and a write still open
        # (large enough to spill to the file, as at 100,000 articles) locks them out.
        cache.commit()
    diagnostics.extend(indexed.diagnostics)
    site = indexed.site
    if write:
        site = dataclasses.replace(site, search=_search_memo(cache, pages_key))
    if memo is not None:
        site = dataclasses.replace(site, sourcing=memo.sourcing)
    published_key = f"{kept.key} {kept.outline} {pages_key}"
    plan_key = f"{kept.outline} {pages_key}"
    del kept  # its speaker rows: not to be inherited by the render workers

    # 4. Plan the pages; 5. render those whose inputs changed, and put them in place.
    # When the last build published this very index with the same templates and settings,
    # only the pages showing the changed articles whole can have changed; when it
    # published the same outline, only the pages showing them at all.
    since = _published_since(last_published, published_key)
    partial = write and since is not Since.OTHER and output_trusted(cache, config.output_dir)
    fresh = [a.slug for a in site.articles if a.source in collected.fresh] if partial else []
    # Every page, as `memo` keeps them for this outline and these settings, or planned now
    # (and kept: a serving process's next headline edit picks from them).
    every = _every_page(site, config, memo, plan_key) if memo is not None else None
    if partial and since is Since.BODIES:
        specs = list(plan_whole_article_pages(site, config, fresh))
    elif partial:
        specs = list(plan_pages_showing(site, config, fresh, every))
    else:
        specs = list(plan_pages(site, config) if every is None else every)
    try:
        published = publish_site(
            specs,
            site,
            config,
            cache,
            key=pages_key,
            write=write,
            static_dirs=static_dirs(config),
            jobs=jobs,
            progress=progress,
            partial=partial,
        )
    except RenderError as error:
        diagnostics.append(error.diagnostic)
        return BuildReport(config.output_dir, len(site.articles), 0, False, tuple(diagnostics))
    except (OutputError, OSError) as error:
        return _stopped(config, diagnostics, config.output_dir, str(error))
    pages = int(cache.get_meta("pages") or 0) if partial else published.pages
    report = BuildReport(
        config.output_dir,
        len(site.articles),
        pages,
        write,
        tuple(diagnostics),
        rendered=published.rendered,
        processed=collected.processed,
    )
    if write:
        cache.set_meta("state", state_key)
        cache.set_meta("report", pickle.dumps(report).hex())
        cache.set_meta("published", published_key)
        cache.set_meta("pages", str(pages))
        cache.commit()
    return report


def _scan(
    content: Path, memo: BuildMemo | None, changed: Collection[str] | None
) -> list[SourceFile]:
    """The content files with their signatures: those `changed` looked at again, when
    `memo` has the folder's last scan, else every one."""
    last = memo.sources if memo is not None else None
    sources = None
    if last is not None and last[0] == content and changed is not None:
        sources = rescan_sources(content, last[1], changed)
    if sources is None:
        sources = scan_sources(content)
    if memo is not None:
        memo.sources = (content, sources)
    return sources


def _every_page(site: Site, config: SiteConfig, memo: BuildMemo, key: str) -> tuple[PageSpec, ...]:
    if memo.plan[0] != key:
        memo.plan = (key, tuple(plan_pages(site, config)))
    return memo.plan[1]


def _recall_index(cache: BuildCache, memo: BuildMemo | None) -> IndexMemo:
    """What the last build's index found (see `site.IndexMemo`): the one `memo` holds
    while the cache has the same, else the cache's (then held by `memo`)."""
    if memo is None:
        return _read_index(cache)
    held = memo.index
    if held is None or not held.key or held.key != cache.memo_key("index"):
        held = memo.index = _read_index(cache)
    return held


def _read_index(cache: BuildCache) -> IndexMemo:
    kept = cache.get_memo("index")
    if kept is None:
        return IndexMemo()
    try:
        memo = IndexMemo(*kept[1])
    except TypeError as error:
        raise CacheError(f"the kept site index is damaged ({error})") from error
    if not (
        isinstance(memo.outline, str)
        and isinstance(memo.speakers, tuple)
        and all(isinstance(t, SiteTag) for t in memo.tags)
        and all(isinstance(m, Month) for m in memo.months)
        and isinstance(memo.related, RelatedIndex)
        and isinstance(memo.related.related, dict)
    ):
        raise CacheError("the kept site index is not one")
    return memo


def _search_memo(cache: BuildCache, key: str) -> SearchMemo:
    """The search entries the last build made with this code and settings, and where the
    new ones are kept: in `SEARCH_CHUNKS` memos (by the slug's chunk), of which an edit
    writes one again. Committed at once, or, when the index is rendered while the render
    workers read the cache, once they are done (`BuildCache.memos_held`)."""

    def recall() -> Iterator[KeptEntries]:
        for number in range(SEARCH_CHUNKS):
            kept = cache.get_memo(f"search {number}")
            if kept is not None and kept[0] == key and isinstance(kept[1], dict):
                yield kept[1]

    def keep(entries: KeptEntries, changed: set[str]) -> None:
        chunks: dict[int, KeptEntries] = {
            summary_chunk(slug) % SEARCH_CHUNKS: {} for slug in changed
        }
        for slug, entry in entries.items():
            chunk = chunks.get(summary_chunk(slug) % SEARCH_CHUNKS)
            if chunk is not None:
                chunk[slug] = entry
        for number, chunk in chunks.items():
            cache.put_memo(f"search {number}", key, chunk)
        cache.commit()

    return SearchMemo(recall, keep)


def _kept_index(memo: IndexMemo) -> tuple[object, ...]:
    return (memo.key, memo.outline, memo.speakers, memo.tags, memo.months, memo.related)


class Since(enum.Enum):
    """What changed since the last build published its pages, besides the articles this
    build loaded: nothing but their bodies (the same index), nothing but what the cards
    show (the same outline), or other things as well (templates, settings, the outline)."""

    BODIES = enum.auto()
    CARDS = enum.auto()
    OTHER = enum.auto()


def _published_since(last: str | None, now: str) -> Since:
    """`last` and `now`: the published keys (index key, outline, page key) of the last
    build and of this one."""
    if last == now:
        return Since.BODIES
    if last is not None and last.split(" ")[1:] == now.split(" ")[1:]:
        return Since.CARDS
    return Since.OTHER


def _unchanged(cache: BuildCache, state_key: str, output: Path) -> bool:
    """Nothing to do: the same files, templates and settings, into the same output."""
    return (
        cache.get_meta("state") == state_key
        and cache.get_meta("output") == output_identity(output) != ""
        and not journal_path(output).exists()
    )


def _replay(config: SiteConfig, cache: BuildCache) -> BuildReport:
    """The last build's report again (its warnings still stand), nothing rendered."""
    text = cache.get_meta("report")
    try:
        last = pickle.loads(bytes.fromhex(text or ""))
    except Exception as error:  # an unreadable report means a damaged cache
        raise CacheError(f"cannot read the last build's report: {error}") from error
    if not isinstance(last, BuildReport):
        raise CacheError("the last build's report is not a report")
    return BuildReport(config.output_dir, last.articles, last.pages, True, last.diagnostics)


def protected_paths(config: SiteConfig) -> tuple[Path, ...]:
    return (config.site_dir, config.content_dir, config.templates_dir, config.static_dir)


def static_dirs(config: SiteConfig) -> tuple[Path, ...]:
    """The theme's static files first, then the site's own `static/`, which wins by name."""
    return (THEME_DIR / "static", config.static_dir)


def _stopped(
    config: SiteConfig, diagnostics: list[Diagnostic], where: Path, message: str
) -> BuildReport:
    diagnostics.append(Diagnostic(SourceLocation(where), message))
    return BuildReport(config.output_dir, 0, 0, False, tuple(diagnostics))
