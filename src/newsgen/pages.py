"""Which pages the site has, and what each one shows.

`plan_pages` turns the site index into `PageSpec`s. A spec names its inputs
explicitly (the articles, speakers and tags whose data it shows), and
`page_context` builds a page's template variables from those inputs only, so a
worker can render any page alone, and `page_inputs` (beside the context builders,
and kept in step with them) is the digest of exactly those inputs: a page whose
digest did not change since the last build is not rendered again.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from newsgen.config import SiteConfig
from newsgen.placement import PlacedArticle
from newsgen.search import index_entries, index_json
from newsgen.site import Site
from newsgen.sourcing import measure_sourcing
from newsgen.summary import ArticleSummary, digest_text, source_keys, speaker_keys


class PageKind(StrEnum):
    HOME = "home"
    ARTICLE = "article"
    SPEAKER = "speaker"
    SPEAKERS = "speakers"
    TAG = "tag"
    TAGS = "tags"
    ARCHIVE = "archive"
    MONTH = "month"
    SOURCING = "sourcing"
    SEARCH = "search"
    SEARCH_INDEX = "search_index"
    NOT_FOUND = "not_found"
    FEED = "feed"
    SITEMAP = "sitemap"
    ROBOTS = "robots"


TEMPLATES: dict[PageKind, str] = {
    PageKind.HOME: "home.html",
    PageKind.ARTICLE: "article.html",
    PageKind.SPEAKER: "speaker.html",
    PageKind.SPEAKERS: "speakers.html",
    PageKind.TAG: "tag.html",
    PageKind.TAGS: "tags.html",
    PageKind.ARCHIVE: "archive.html",
    PageKind.MONTH: "month.html",
    PageKind.SOURCING: "sourcing.html",
    PageKind.SEARCH: "search.html",
    PageKind.SEARCH_INDEX: "search-index.js",
    PageKind.NOT_FOUND: "404.html",
    PageKind.FEED: "feed.xml",
    PageKind.SITEMAP: "sitemap.xml",
    PageKind.ROBOTS: "robots.txt",
}


@dataclass(frozen=True, slots=True)
class PageSpec:
    """One output file and everything it is made from."""

    path: str  # relative to the output folder, e.g. "articles/<slug>/index.html"
    kind: PageKind
    articles: tuple[str, ...] = ()  # article slugs, in the order the page shows them
    speakers: tuple[str, ...] = ()  # speaker keys
    tags: tuple[str, ...] = ()  # tag slugs
    key: str = ""  # the article slug, speaker key, tag slug or month this page is about
    number: int = 1  # for paginated lists: this page's number, and how many there are
    count: int = 1

    @property
    def template(self) -> str:
        return TEMPLATES[self.kind]

    @property
    def url(self) -> str:
        """The page's URL relative to the site root ('' for the home page)."""
        return self.path.removesuffix("index.html")


def plan_pages(site: Site, config: SiteConfig) -> Iterator[PageSpec]:
    """Every page of the site, in a stable order."""
    every_article = tuple(a.slug for a in site.articles)
    every_speaker = tuple(s.key for s in site.speakers)
    every_tag = tuple(t.slug for t in site.tags)
    yield from _plan_home(every_article, config.page_size)
    for article in site.articles:
        yield _plan_article(site, article)
    yield PageSpec("speakers/index.html", PageKind.SPEAKERS, speakers=every_speaker)
    for speaker in site.speakers:
        path = f"{speaker.url}index.html"
        yield PageSpec(path, PageKind.SPEAKER, speaker.articles, (speaker.key,), key=speaker.key)
    yield PageSpec("tags/index.html", PageKind.TAGS, tags=every_tag)
    for tag in site.tags:
        path = f"{tag.url}index.html"
        yield PageSpec(path, PageKind.TAG, tag.articles, tags=(tag.slug,), key=tag.slug)
    months = tuple(m.url for m in site.months)
    # The archive shows the months (each with its articles' slugs), no article's summary.
    yield PageSpec("archive/index.html", PageKind.ARCHIVE, key=",".join(months))
    for month in site.months:
        yield PageSpec(f"{month.url}index.html", PageKind.MONTH, month.articles, key=month.url)
    yield PageSpec("sourcing/index.html", PageKind.SOURCING, every_article, every_speaker)
    yield PageSpec("search/index.html", PageKind.SEARCH)
    yield PageSpec("search-index.js", PageKind.SEARCH_INDEX, every_article, every_speaker)
    yield PageSpec("404.html", PageKind.NOT_FOUND)
    yield _plan_feed(site, config)
    yield PageSpec(
        "sitemap.xml",
        PageKind.SITEMAP,
        every_article,
        every_speaker,
        every_tag,
        key=",".join(months),
    )
    yield PageSpec("robots.txt", PageKind.ROBOTS)


def plan_whole_article_pages(
    site: Site, config: SiteConfig, slugs: Iterable[str]
) -> Iterator[PageSpec]:
    """The pages that show these articles whole (their bodies): their own pages and the
    feed. When nothing but the bodies of some articles changed since the last build (the
    same summaries, so the same index), these are the only pages whose inputs changed:
    every other page shows summaries only (see `page_inputs`, kept in step)."""
    for slug in slugs:
        yield _plan_article(site, site.article_by_slug[slug])
    yield _plan_feed(site, config)


def plan_pages_showing(
    site: Site,
    config: SiteConfig,
    slugs: Iterable[str],
    planned: Iterable[PageSpec] | None = None,
) -> Iterator[PageSpec]:
    """The pages showing these articles, or a speaker quoting one of them. When nothing
    but what these articles' cards and bodies show changed since the last build (the same
    outline: `site.IndexMemo`), the site has the same pages as then, listing the same
    articles, speakers and tags, and these are the only pages whose inputs can have
    changed: their cards, and the digests of their speakers (see `page_inputs`, kept in
    step). `planned`: the pages `plan_pages` gave for that outline and settings, if kept."""
    changed = set(slugs)
    speakers = {s.key for s in site.speakers if not changed.isdisjoint(s.articles)}
    for spec in plan_pages(site, config) if planned is None else planned:
        if not changed.isdisjoint(spec.articles) or (
            spec.kind not in LINKED_SPEAKERS and not speakers.isdisjoint(spec.speakers)
        ):
            yield spec


def _plan_article(site: Site, article: ArticleSummary) -> PageSpec:
    slug = article.slug
    return PageSpec(
        path=f"{article.url}index.html",
        kind=PageKind.ARTICLE,
        articles=(slug, site.newer.get(slug, ""), site.older.get(slug, ""), *site.related[slug]),
        speakers=_linked_speakers(site, (slug,)),
        tags=tuple(t.slug for t in article.tags),
        key=slug,
    )


def _plan_feed(site: Site, config: SiteConfig) -> PageSpec:
    newest = tuple(a.slug for a in site.articles[: config.feed_size])
    return PageSpec("feed.xml", PageKind.FEED, newest, _linked_speakers(site, newest))


def _linked_speakers(site: Site, slugs: Iterable[str]) -> tuple[str, ...]:
    """The speakers whose pages the bodies of these articles link to."""
    speakers = site.speaker_by_key
    keys: dict[str, None] = {}
    for slug in slugs:
        article = site.article_by_slug[slug]
        for key in (*source_keys(article.sources), *speaker_keys(article.quotes)):
            if key is not None and key in speakers:
                keys[key] = None
    return tuple(keys)


def _plan_home(slugs: tuple[str, ...], size: int) -> Iterator[PageSpec]:
    count = max(1, math.ceil(len(slugs) / size))
    for number in range(1, count + 1):
        path = "index.html" if number == 1 else f"page/{number}/index.html"
        chunk = slugs[(number - 1) * size : number * size]
        yield PageSpec(path, PageKind.HOME, chunk, number=number, count=count)


def home_page_url(number: int) -> str:
    return "" if number == 1 else f"page/{number}/"


# A whole article (body included), read back from the cache by slug.
ReadArticle = Callable[[str], PlacedArticle]

# What a template of each kind gets, built from the spec's inputs only.
ContextBuilder = Callable[[PageSpec, Site, ReadArticle], dict[str, Any]]


def _articles(spec: PageSpec, site: Site) -> list[Any]:
    return [site.article_by_slug[slug] for slug in spec.articles if slug]


def _home(spec: PageSpec, site: Site, read: ReadArticle) -> dict[str, Any]:
    newer = home_page_url(spec.number - 1) if spec.number > 1 else None
    older = home_page_url(spec.number + 1) if spec.number < spec.count else None
    return {"articles": _articles(spec, site), "newer_url": newer, "older_url": older}


def _article(spec: PageSpec, site: Site, read: ReadArticle) -> dict[str, Any]:
    newer, older = spec.articles[1], spec.articles[2]
    return {
        "article": read(spec.key),
        "newer": site.article_by_slug[newer] if newer else None,
        "older": site.article_by_slug[older] if older else None,
        "related": [site.article_by_slug[slug] for slug in spec.articles[3:]],
        "speakers": {key: site.speaker_by_key[key].link for key in spec.speakers},
    }


def _speaker(spec: PageSpec, site: Site, read: ReadArticle) -> dict[str, Any]:
    articles = {slug: site.article_by_slug[slug] for slug in spec.articles}
    return {"speaker": site.speaker_by_key[spec.key], "articles": articles}


def _speakers(spec: PageSpec, site: Site, read: ReadArticle) -> dict[str, Any]:
    return {"speakers": [site.speaker_by_key[key] for key in spec.speakers]}


def _tag(spec: PageSpec, site: Site, read: ReadArticle) -> dict[str, Any]:
    return {"tag": site.tag_by_slug[spec.key], "articles": _articles(spec, site)}


def _tags(spec: PageSpec, site: Site, read: ReadArticle) -> dict[str, Any]:
    return {"tags": [site.tag_by_slug[slug] for slug in spec.tags]}


def _archive(spec: PageSpec, site: Site, read: ReadArticle) -> dict[str, Any]:
    return {"months": site.months}


def _month(spec: PageSpec, site: Site, read: ReadArticle) -> dict[str, Any]:
    month = next(m for m in site.months if m.url == spec.key)
    return {"month": month, "articles": _articles(spec, site)}


def _everything(spec: PageSpec, site: Site, read: ReadArticle) -> dict[str, Any]:
    return {
        "articles": _articles(spec, site),
        "speakers": [site.speaker_by_key[key] for key in spec.speakers],
        "tags": [site.tag_by_slug[slug] for slug in spec.tags],
        "months": site.months,
        "newest_date": _newest_date(site),
    }


def _sourcing(spec: PageSpec, site: Site, read: ReadArticle) -> dict[str, Any]:
    """As `_everything`, and the template's `measure_sourcing` reuses what the last build
    of this process measured of the summaries that did not change (`sourcing.SourcingMemo`)."""
    context = _everything(spec, site, read)
    if site.sourcing is not None:
        context["measure_sourcing"] = functools.partial(measure_sourcing, memo=site.sourcing)
    return context


def _search_index(spec: PageSpec, site: Site, read: ReadArticle) -> dict[str, Any]:
    """As `_everything`, and the template's `search_json` (or `search_entries`) reuses the
    entries the last build made of the summaries that did not change (`search.SearchMemo`)."""
    context = _everything(spec, site, read)
    if site.search is not None:
        context["search_entries"] = functools.partial(index_entries, memo=site.search)
        context["search_json"] = functools.partial(index_json, memo=site.search)
    return context


def _feed(spec: PageSpec, site: Site, read: ReadArticle) -> dict[str, Any]:
    return {
        **_everything(spec, site, read),
        "articles": [read(slug) for slug in spec.articles],
        "speakers": [site.speaker_by_key[key].link for key in spec.speakers],
    }


def _nothing(spec: PageSpec, site: Site, read: ReadArticle) -> dict[str, Any]:
    return {}


def _newest_date(site: Site) -> Any:
    return site.articles[0].date if site.articles and site.articles[0].date else None


CONTEXTS: dict[PageKind, ContextBuilder] = {
    PageKind.HOME: _home,
    PageKind.ARTICLE: _article,
    PageKind.SPEAKER: _speaker,
    PageKind.SPEAKERS: _speakers,
    PageKind.TAG: _tag,
    PageKind.TAGS: _tags,
    PageKind.ARCHIVE: _archive,
    PageKind.MONTH: _month,
    PageKind.SOURCING: _sourcing,
    PageKind.SEARCH: _nothing,
    PageKind.SEARCH_INDEX: _search_index,
    PageKind.NOT_FOUND: _nothing,
    PageKind.FEED: _feed,
    PageKind.SITEMAP: _everything,
    PageKind.ROBOTS: _nothing,
}


def page_context(spec: PageSpec, site: Site, read: ReadArticle) -> dict[str, Any]:
    return CONTEXTS[spec.kind](spec, site, read)


# The pages that show whole articles (bodies), and the speakers only as links.
WHOLE_ARTICLES = frozenset({PageKind.FEED})
LINKED_SPEAKERS = frozenset({PageKind.ARTICLE, PageKind.FEED})
# The pages whose context has the months, or the newest article's date (`_everything`).
SITE_WIDE = frozenset({PageKind.SOURCING, PageKind.SEARCH_INDEX, PageKind.FEED, PageKind.SITEMAP})


def page_inputs(site: Site, key: str) -> Callable[[PageSpec], str]:
    """The digest of everything a page is made from (`key`: config and templates).

    What the whole site shares (speaker links, tags, months) is digested once here.
    """
    links = {k: digest_text(repr(s.link)) for k, s in site.speaker_by_key.items()}
    tags = {slug: tag.digest for slug, tag in site.tag_by_slug.items()}
    months = digest_text(repr(site.months))
    newest = repr(_newest_date(site))

    wholes = {a.slug: a.digest for a in site.articles}
    cards = {a.slug: a.summary_digest for a in site.articles}
    speakers = {k: s.digest for k, s in site.speaker_by_key.items()}

    def inputs(spec: PageSpec) -> str:
        kind, articles = spec.kind, spec.articles
        if kind is PageKind.ARTICLE:  # its own article whole, the others' cards, speaker links
            parts = [key, _describe(spec), wholes[articles[0]]]
            parts += [cards[slug] for slug in articles[1:] if slug]
            parts += [links[k] for k in spec.speakers]
            return digest_text("\n".join(parts))
        parts = [key, _describe(spec)]
        shown = wholes if kind in WHOLE_ARTICLES else cards
        parts += [shown[slug] for slug in articles if slug]
        parts += [(links if kind in LINKED_SPEAKERS else speakers)[k] for k in spec.speakers]
        parts += [tags[slug] for slug in spec.tags]
        if kind in SITE_WIDE or kind is PageKind.ARCHIVE:
            parts.append(months)
        if kind in SITE_WIDE:
            parts.append(newest)
        return digest_text("\n".join(parts))

    return inputs


def _describe(spec: PageSpec) -> str:
    fields = (spec.path, spec.kind, *spec.articles, "", *spec.speakers, "", *spec.tags, "")
    return "\x1f".join((*fields, spec.key, str(spec.number), str(spec.count)))
