"""Stage 5 for one page: a page rendered and put in the staging folder (`RenderTask`).

Two ways, both ending in `_put_page` (written only when its bytes differ from the
output's file):

- `render_with_index`: in the process that holds the site index (every list page);
- `render_tasks`: in a worker, article pages each from its own inputs, which are small:
  the summaries of the articles it shows, read back from the cache as the template uses
  them (`StoredArticles`), and its speakers' links (`page_site`).

Each process keeps one environment, one cache reader and its last summaries
(`_process_local`), let go by `release_render_state`. `publication` decides which pages
are rendered where.
"""

from __future__ import annotations

import functools
import hashlib
import pickle
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, overload

import jinja2

from newsgen.article import SpeakerKind
from newsgen.cache import BuildCache, CacheError, open_reader, summary_from_plain
from newsgen.config import SiteConfig
from newsgen.pages import PageKind, PageSpec
from newsgen.parallel import in_worker, worker_state
from newsgen.placement import PlacedArticle
from newsgen.renderer import (
    RenderedPage,
    finish_page,
    make_environment,
    prepare_page,
    render_page,
)
from newsgen.site import Site, SiteSpeaker, SpeakerLink
from newsgen.summary import ArticleSummary
from newsgen.writer import new_file_path, write_file

SUMMARIES_KEPT = 2048  # per worker: a page's neighbours and related articles recur


@dataclass(frozen=True, slots=True)
class RenderState:
    """What a worker needs to render its pages: where things are (not the site index)."""

    config: SiteConfig
    cache_file: Path
    staging: Path | None  # None: render only (newsgen check)
    key: str = ""  # the page key (`fingerprint.page_key`: settings, templates, code)


@dataclass(frozen=True, slots=True)
class RenderTask:
    spec: PageSpec
    previous: str | None  # the hash of the file now in the output, if it is to be kept
    # For a page rendered in a worker: the content file of each of `spec.articles`
    # ('' for ''), and the link of each of `spec.speakers`.
    sources: tuple[str, ...] = ()
    links: tuple[SpeakerLink, ...] = ()

    def __reduce__(self) -> tuple[Any, ...]:
        """Sent to a worker as plain values: a tenth of the dataclasses' pickling time."""
        s = self.spec
        spec = (s.path, s.kind.value, s.articles, s.speakers, s.tags, s.key, s.number, s.count)
        links = tuple((k.key, k.name, k.slug, k.kind.value) for k in self.links)
        return (_rebuild_task, (spec, self.previous, self.sources, links))


def _rebuild_task(
    spec: tuple[Any, ...],
    previous: str | None,
    sources: tuple[str, ...],
    links: tuple[tuple[str, str, str, str], ...],
) -> RenderTask:
    path, kind, *rest = spec
    return RenderTask(
        PageSpec(path, PageKind(kind), *rest),
        previous,
        sources,
        tuple(SpeakerLink(key, name, slug, SpeakerKind(k)) for key, name, slug, k in links),
    )


@dataclass(frozen=True, slots=True)
class Rendered:
    path: str
    output: str  # the hash of its bytes
    written: bool


def task_for_worker(
    spec: PageSpec, previous: str | None, site: Site, links: Mapping[str, SpeakerLink]
) -> RenderTask:
    """What a worker needs to render `spec` (`links`: every speaker's, by key)."""
    by_slug = site.article_by_slug
    sources = tuple(str(by_slug[slug].source) if slug else "" for slug in spec.articles)
    return RenderTask(spec, previous, sources, tuple(links[key] for key in spec.speakers))


class WorkerTasks(Sequence[RenderTask]):
    """The tasks of the pages rendered in workers, each made as it is sent to one (made
    all at once, they would take ~40 MB of this process at 100,000 articles)."""

    def __init__(self, site: Site) -> None:
        self._site = site
        self._links = {key: speaker.link for key, speaker in site.speaker_by_key.items()}
        self._pages: list[tuple[PageSpec, str | None]] = []

    def add(self, spec: PageSpec, previous: str | None) -> None:
        self._pages.append((spec, previous))

    @overload
    def __getitem__(self, index: int) -> RenderTask: ...
    @overload
    def __getitem__(self, index: slice) -> list[RenderTask]: ...
    def __getitem__(self, index: int | slice) -> RenderTask | list[RenderTask]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        spec, previous = self._pages[index]
        return task_for_worker(spec, previous, self._site, self._links)

    def __len__(self) -> int:
        return len(self._pages)


# One per process: the environment (its compiled templates), a cache connection, and
# the summaries it read last.
Local = tuple[RenderState, jinja2.Environment, BuildCache, Callable[[str], ArticleSummary]]


_local: Local | None = None
# The last environment made, and the page key and cache it was made for: the next build
# of a long-running process (`newsgen serve`) with the same takes it as it is, with its
# templates loaded and the card fragments it rendered (`renderer.Fragments`).
_kept_environment: tuple[tuple[str, Path], jinja2.Environment] | None = None


def _process_local(
    state: RenderState,
) -> tuple[jinja2.Environment, BuildCache, Callable[[str], ArticleSummary]]:
    global _local
    if _local is None or _local[0] is not state:
        release_render_state()
        # A worker reads in one transaction: the build writes the cache only once the
        # workers are gone (this process's own reads may be mixed with its writes).
        reader = open_reader(state.cache_file, snapshot=in_worker())

        def summary(path: str) -> ArticleSummary:
            for _, data, _ in reader.some_article_values((path,)):
                if data is not None:
                    return read_summary(data, path)
            raise CacheError(f"no cached summary for {path}")

        kept = functools.lru_cache(maxsize=SUMMARIES_KEPT)(summary)
        _local = (state, _environment(state), reader, kept)
    return _local[1], _local[2], _local[3]


def _environment(state: RenderState) -> jinja2.Environment:
    global _kept_environment
    made_for = (state.key, state.cache_file)
    if state.key and _kept_environment is not None and _kept_environment[0] == made_for:
        return _kept_environment[1]
    _kept_environment = None
    # Compiled templates beside the cache: the site's for a build, a scratch one for
    # `newsgen check`, which leaves the site folder as it is.
    environment = make_environment(state.config, code_cache=state.cache_file.parent)
    if state.key:
        _kept_environment = (made_for, environment)
    return environment


def read_summary(data: bytes, path: str) -> ArticleSummary:
    """A summary as stored, for a worker: its quotes and sources left as rows until a page
    reads them (a card is rendered once per worker and reused, so most reads need neither)
    and nothing interned (a worker keeps few summaries at a time)."""
    try:
        fields = pickle.loads(data)
    except Exception as error:  # any unpickling failure means a damaged cache
        raise CacheError(f"cannot read the cached summary of {path}: {error}") from error
    if not isinstance(fields, tuple):
        raise CacheError(f"the cached summary of {path} is a {type(fields).__name__}")
    return summary_from_plain(path, fields, fresh=False)


def release_render_state() -> None:
    global _local
    if _local is not None:
        _local[2].close()
        _local = None


def render_with_index(task: RenderTask, site: Site, state: RenderState) -> Rendered:
    """A page rendered from the whole site index (in the process that holds it)."""
    env, reader, _ = _process_local(state)

    def read(slug: str) -> PlacedArticle:
        return reader.read_placed(site.article_by_slug[slug].source)

    return _put_page(render_page(env, task.spec, site, read), task, state)


def render_tasks(tasks: list[RenderTask]) -> list[Rendered]:
    """Pages rendered in a worker, each from its own inputs: the articles' summaries read
    back from the cache as the templates use them, and its speakers' links. A stage at a
    time: every page's context read, then every template rendered, then every page put
    in place (each stage's code stays warm in the processor's caches)."""
    state = worker_state(RenderState)
    env, reader, summary = _process_local(state)

    def prepared(task: RenderTask) -> tuple[jinja2.Template, dict[str, Any]]:
        sources = dict(zip(task.spec.articles, task.sources, strict=True))
        sources.pop("", None)

        def read(slug: str) -> PlacedArticle:
            return reader.read_placed(sources[slug])

        return prepare_page(env, task.spec, page_site(sources, task.links, summary), read)

    contexts = [prepared(task) for task in tasks]
    pages = [finish_page(*made, task.spec) for made, task in zip(contexts, tasks, strict=True)]
    return [_put_page(page, task, state) for page, task in zip(pages, tasks, strict=True)]


def page_site(
    sources: Mapping[str, str],
    links: Sequence[SpeakerLink],
    summary: Callable[[str], ArticleSummary],
) -> Site:
    """The part of the site index a page rendered in a worker may use: its articles (read
    when used) and its speakers as links (the only part of them its inputs digest covers)."""
    speakers = {link.key: _linked_speaker(link) for link in links}
    return Site(
        articles=(),
        article_by_slug=StoredArticles(sources, summary),
        speakers=(),
        speaker_by_key=speakers,
        tags=(),
        tag_by_slug={},
        months=(),
        newer={},
        older={},
        related={},
    )


@functools.lru_cache(maxsize=SUMMARIES_KEPT)
def _linked_speaker(link: SpeakerLink) -> SiteSpeaker:
    """A speaker known by their link only; made once per worker, as a speaker is on many
    pages (`page_site` for 8 speakers: 17 us making them, 7 us keeping them)."""
    return SiteSpeaker(link.key, link.name, link.slug, link.kind, (), (), ())


class StoredArticles(Mapping[str, ArticleSummary]):
    """Summaries by slug, each read (`summary(source)`) when a template uses it."""

    def __init__(
        self, sources: Mapping[str, str], summary: Callable[[str], ArticleSummary]
    ) -> None:
        self._sources = sources
        self._summary = summary

    def __getitem__(self, slug: str) -> ArticleSummary:
        return self._summary(self._sources[slug])

    def __iter__(self) -> Iterator[str]:
        return iter(self._sources)

    def __len__(self) -> int:
        return len(self._sources)


def _put_page(page: RenderedPage, task: RenderTask, state: RenderState) -> Rendered:
    """The page in the staging folder, unless its bytes are those of the output's file.
    A page given in pieces is written as they come, and let go if it turns out the same."""
    if not isinstance(page.data, bytes):
        return _put_pieces(page.path, page.data, task, state)
    digest = hashlib.blake2b(page.data, digest_size=16).hexdigest()
    written = state.staging is not None and digest != task.previous
    if written and state.staging is not None:
        write_file(state.staging, page.path, page.data)
    return Rendered(page.path, digest, written)


def _put_pieces(
    path: str, pieces: Iterator[bytes], task: RenderTask, state: RenderState
) -> Rendered:
    digest = hashlib.blake2b(digest_size=16)
    if state.staging is None:
        for piece in pieces:
            digest.update(piece)
        return Rendered(path, digest.hexdigest(), False)
    target = new_file_path(state.staging, path)
    with target.open("wb") as file:
        for piece in pieces:
            digest.update(piece)
            file.write(piece)
    output = digest.hexdigest()
    unchanged = output == task.previous
    if unchanged:
        target.unlink()
    return Rendered(path, output, not unchanged)
