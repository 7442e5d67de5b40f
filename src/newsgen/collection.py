"""Stages 1-2 with the cache: every content file loaded and analysed, or its cached result.

    find files -> stat signature as cached? reuse
               -> else content hash as cached? reuse (a touched file)
               -> else load, analyse, place, summarise (in workers when many) -> cache row

Removed and renamed files lose their rows. What comes out is the summary of every
article (for the site index) and every file's diagnostics, in file order. The reused
summaries are read back from the cache's chunks of summaries (a few dozen reads, not
one per file), and the chunks whose files changed are written again.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from newsgen.article import AnalysedArticle, Article, ArticleAnalysis, SourceLocation
from newsgen.cache import (
    ArticleRow,
    BuildCache,
    CacheError,
    StoredSummary,
    pack,
    pack_summary,
    plain_summary,
    summary_chunk,
    summary_from_plain,
    unpack_diagnostics,
    unpack_summary,
)
from newsgen.config import SiteConfig
from newsgen.diagnostics import ContentError, Diagnostic
from newsgen.fingerprint import SourceFile, hash_source, read_source
from newsgen.parallel import map_batches, worker_state
from newsgen.placement import PlacedArticle, place_article
from newsgen.readers import LoadedArticle, LoaderConfig
from newsgen.summary import ArticleSummary, digest_text, summarise_article

# Told about progress: (stage, done, total).
Progress = Callable[[str, int, int], None]


def load_file(path: Path, config: LoaderConfig, data: bytes | None = None) -> LoadedArticle:
    """The loader, imported on first use: a build with nothing to load never pays for
    compiling its (and the analysis's) patterns. `data`: the file's bytes, if read."""
    from newsgen.loader import load_article

    return load_article(path, config, data)


def analyse_text(article: Article) -> ArticleAnalysis:
    """The quote analysis, imported on first use (see `load_file`)."""
    from newsgen.analysis import analyse_article

    return analyse_article(article)


@dataclass(frozen=True, slots=True)
class ArticleStages:
    """The per-article stages; tests put their own in (they are part of the cache key)."""

    load: Callable[[Path, LoaderConfig, bytes | None], LoadedArticle] = load_file
    analyse: Callable[[Article], ArticleAnalysis] = analyse_text

    @property
    def name(self) -> str:
        return " ".join(f"{f.__module__}.{f.__qualname__}" for f in (self.load, self.analyse))


DEFAULT_STAGES = ArticleStages()


@dataclass(frozen=True, slots=True)
class ArticleResult:
    """What one content file gave: the placed article (None if it failed) and messages."""

    source: Path
    placed: PlacedArticle | None
    diagnostics: tuple[Diagnostic, ...] = ()


def process_article(
    path: Path,
    config: SiteConfig,
    stages: ArticleStages = DEFAULT_STAGES,
    data: bytes | None = None,
) -> ArticleResult:
    """Load, analyse and place one content file (`data`: its bytes, if they were read); a
    bad file gives its error, not an exception."""
    return process_articles([(path, data)], config, stages)[0]


def process_articles(
    files: Sequence[tuple[Path, bytes | None]],
    config: SiteConfig,
    stages: ArticleStages = DEFAULT_STAGES,
) -> list[ArticleResult]:
    """`process_article` for several files (each with its bytes, if read), a stage at a
    time: every file loaded, then every article analysed, then placed. The same work in
    ~9% less time than file by file (each stage's code stays warm in the processor's
    caches). A file that fails at a stage gives its result there and skips the others."""
    paths = [path for path, _ in files]
    loaded = [_load(path, data, config, stages) for path, data in files]
    analysed = [_analyse(path, found, stages) for path, found in zip(paths, loaded, strict=True)]
    return [
        found if isinstance(found, ArticleResult) else found.placed(path, config)
        for path, found in zip(paths, analysed, strict=True)
    ]


@dataclass(frozen=True, slots=True)
class _Analysed:
    article: AnalysedArticle
    warnings: tuple[Diagnostic, ...]  # the loader's

    def placed(self, path: Path, config: SiteConfig) -> ArticleResult:
        return ArticleResult(path, place_article(self.article, config.zone), self.warnings)


def _load(
    path: Path, data: bytes | None, config: SiteConfig, stages: ArticleStages
) -> LoadedArticle | ArticleResult:
    try:
        return stages.load(path, config.loader, data)
    except ContentError as error:
        return ArticleResult(path, None, (error.diagnostic,))


def _analyse(
    path: Path, loaded: LoadedArticle | ArticleResult, stages: ArticleStages
) -> _Analysed | ArticleResult:
    if isinstance(loaded, ArticleResult):
        return loaded
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
    return _Analysed(AnalysedArticle(loaded.article, analysis), loaded.warnings)


@dataclass(frozen=True, slots=True)
class Collected:
    summaries: tuple[ArticleSummary, ...]
    diagnostics: tuple[Diagnostic, ...]
    processed: int  # files loaded and analysed this time (the others came from the cache)
    fresh: frozenset[str] = frozenset()  # their paths


# What is known of a content file: its summary (None: it failed) and its packed messages.
Found = tuple[ArticleSummary | None, bytes]


@dataclass(slots=True)
class SummaryMemo:
    """Summaries kept from one build to the next by a long-running `newsgen serve`, so
    that a rebuild does not read every summary back from the cache. Keyed by file and
    content hash, for one article key (a new key empties it)."""

    key: str = ""
    summaries: dict[tuple[str, str], Found] = field(default_factory=dict)

    def recall(self, key: str, path: str, content: str) -> Found | None:
        return self.summaries.get((path, content)) if key == self.key else None

    def keep(self, key: str, kept: dict[tuple[str, str], Found]) -> None:
        self.key, self.summaries = key, kept


@dataclass(frozen=True, slots=True)
class CollectState:
    """What a worker needs to process a file."""

    config: SiteConfig
    stages: ArticleStages
    key: str  # the article key (see `fingerprint.article_key`)


def collect_articles(
    sources: list[SourceFile],
    cache: BuildCache,
    state: CollectState,
    jobs: int,
    progress: Progress | None,
    memo: SummaryMemo | None = None,
) -> Collected:
    known = cache.article_states()
    hashes: dict[str, str] = {}  # the content hash of every file on the site
    todo: list[SourceFile] = []
    for source in sources:
        path = source.name
        signature, content = known.get(path, ("", ""))
        if signature and signature != source.signature:
            if hash_source(source.path) == content:  # touched, not changed
                cache.put_article_signature(path, source.signature)
            else:
                signature = ""
        if signature:
            hashes[path] = content
        else:
            todo.append(source)
    gone = known.keys() - {s.name for s in sources}
    cache.forget_articles(gone)
    del known
    found: dict[str, Found] = {}
    if memo is not None:
        for path, content in hashes.items():
            recalled = memo.recall(state.key, path, content)
            if recalled is not None:
                found[path] = recalled
    # The chunks of stored summaries that no longer match the files: rewritten below.
    stale = {summary_chunk(path) for path in gone}
    if len(found) < len(hashes):
        stale |= _read_stored(cache, hashes, found)
    for done, row in enumerate(map_batches(process_files, todo, state, jobs), start=1):
        cache.put_article(row)
        hashes[row.path] = row.hash
        summary = None if row.summary is None else unpack_summary(row.summary, row.path)
        found[row.path] = (summary, row.diagnostics)
        stale.add(summary_chunk(row.path))
        if progress is not None:
            progress("articles", done, len(todo))
    _store_chunks(cache, stale, hashes, found)
    summaries: list[ArticleSummary] = []
    diagnostics: list[Diagnostic] = []
    for source in sources:
        summary, said = found[source.name]
        if said != NO_DIAGNOSTICS:
            diagnostics.extend(unpack_diagnostics(said))
        if summary is not None:
            summaries.append(summary)
    if memo is not None:
        memo.keep(state.key, {(path, hashes[path]): value for path, value in found.items()})
    fresh = frozenset(source.name for source in todo)
    return Collected(tuple(summaries), tuple(diagnostics), len(todo), fresh)


def _read_stored(cache: BuildCache, hashes: dict[str, str], found: dict[str, Found]) -> set[int]:
    """The stored summaries of the files in `hashes` not yet `found`, read into it a chunk
    at a time; what no chunk has (or has for other bytes) is read from the file's row.
    Returns the chunks that no longer match the files."""
    stale: set[int] = set()
    wanted = {path for path in hashes if path not in found}
    for number, entries in cache.summary_chunks():
        try:
            for path, content, plain, said in entries:
                if hashes.get(path) != content:  # a file gone or changed since
                    stale.add(number)
                elif path in wanted:
                    wanted.discard(path)
                    summary = (
                        None if plain is None else summary_from_plain(path, plain, fresh=False)
                    )
                    found[path] = (summary, said)
        except (TypeError, ValueError) as error:
            raise CacheError(f"chunk {number} of the summaries is damaged ({error})") from error
    for path, data, said in cache.some_article_values(sorted(wanted)):
        found[path] = (None if data is None else unpack_summary(data, path), said)
        stale.add(summary_chunk(path))
    return stale


def _store_chunks(
    cache: BuildCache, stale: set[int], hashes: dict[str, str], found: dict[str, Found]
) -> None:
    """The chunks in `stale` written again from what was found for their files, one at a
    time (the plain values of a whole archive would sit in memory through the build)."""
    if not stale:
        return
    paths: dict[int, list[str]] = {number: [] for number in stale}
    for path in sorted(found):
        chunk = paths.get(summary_chunk(path))
        if chunk is not None:
            chunk.append(path)
    for number, chunk in sorted(paths.items()):
        entries: list[StoredSummary] = []
        for path in chunk:
            summary, said = found[path]
            plain = None if summary is None else plain_summary(summary)
            entries.append((path, hashes[path], plain, said))
        cache.put_summary_chunk(number, entries)


NO_DIAGNOSTICS = pack(())


def process_files(sources: list[SourceFile]) -> list[ArticleRow]:
    """The files' cache rows; each hashed before loading, so that an edit made meanwhile
    is seen as a changed file by the next build."""
    state = worker_state(CollectState)
    paths = [source.path for source in sources]
    read = [read_source(path) for path in paths]
    results = process_articles(
        [(path, data) for path, (_, data) in zip(paths, read, strict=True)],
        state.config,
        state.stages,
    )
    return [
        _row(source, content, result, state.key)
        for source, (content, _), result in zip(sources, read, results, strict=True)
    ]


def _row(source: SourceFile, content: str, result: ArticleResult, key: str) -> ArticleRow:
    diagnostics = pack(result.diagnostics)
    if result.placed is None:
        return ArticleRow(source.name, source.signature, content, None, None, None, diagnostics)
    # The file's bytes and the article key determine the placed article: their digest
    # is the placed article's (cheaper than digesting its repr).
    summary = summarise_article(result.placed, digest_text(repr((source.name, content, key))))
    return ArticleRow(
        source.name,
        source.signature,
        content,
        summary.slug,
        pack_summary(summary),
        pack(result.placed),
        diagnostics,
    )
