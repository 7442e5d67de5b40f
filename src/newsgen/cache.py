"""The build cache: `<site>/.newsgen-cache/build.sqlite`, what the last build learned.

Why SQLite (standard library) rather than one pickle file: a commit is atomic (a
build killed while writing leaves the previous cache), each article's body is a
row the renderer reads on its own (the build never holds every body at once), and
a damaged file is detected by SQLite itself. The values in the rows are pickles of
newsgen's own frozen dataclasses; the cache is only ever written by newsgen, inside
the site folder.

Tables:
- `meta`: format, keys (see `fingerprint`), the identity of the output folder, what
  the last finished build published (its index and page keys, its page count);
- `articles`: per content file its stat signature, content hash, summary, whole
  placed article and diagnostics (`summary` NULL when the file failed);
- `pages`: per output file the digest of its inputs and the hash of its bytes;
- `memos`: archive-wide results worth keeping (the site index: speakers, tags, months,
  related articles), with the digest of what each was computed from;
- `summaries`: every article's summary and diagnostics again, as plain tuples in a few
  dozen chunks (by a hash of the file's path), so that a rebuild reads them back in one
  go per chunk instead of one row at a time, and an edit rewrites one chunk.

Anything unexpected (a truncated file, another format, a failed unpickling) makes
`open_cache` start from an empty cache: a full build, never wrong output.
"""

from __future__ import annotations

import contextlib
import pickle
import sqlite3
import sys
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsgen.diagnostics import Diagnostic
from newsgen.placement import PlacedArticle, TagRef
from newsgen.summary import (
    ArticleSummary,
    quote_rows,
    quotes_of_rows,
    source_rows,
    sources_of_rows,
)

CACHE_DIR = ".newsgen-cache"
CACHE_FILE = "build.sqlite"
FORMAT = "newsgen-cache-6"

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
    path TEXT PRIMARY KEY, signature TEXT NOT NULL, hash TEXT NOT NULL,
    slug TEXT, summary BLOB, placed BLOB, diagnostics BLOB NOT NULL);
CREATE INDEX IF NOT EXISTS articles_slug ON articles (slug);
CREATE TABLE IF NOT EXISTS pages (
    path TEXT PRIMARY KEY, inputs TEXT NOT NULL, output TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS memos (name TEXT PRIMARY KEY, key TEXT NOT NULL, value BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS summaries (chunk INTEGER PRIMARY KEY, value BLOB NOT NULL);
"""

# How many chunks the summaries are stored in: an edit rewrites one (a 64th of them).
SUMMARY_CHUNKS = 64


class CacheError(Exception):
    """The cache cannot be used (damaged, another format); the build starts afresh."""


@dataclass(frozen=True, slots=True)
class ArticleRow:
    """One content file's cached result, as stored."""

    path: str
    signature: str
    hash: str
    slug: str | None
    summary: bytes | None
    placed: bytes | None
    diagnostics: bytes


@dataclass(frozen=True, slots=True)
class PageRow:
    inputs: str
    output: str


def cache_path(site_dir: Path) -> Path:
    return site_dir / CACHE_DIR / CACHE_FILE


def pack(value: object) -> bytes:
    return pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)


# A summary as plain values (tuples, strings, numbers, its date, enum members) without
# its source path (the row or the chunk entry has it): no dataclass goes through pickle's
# object protocol, and reading one back makes the summary and its tags only (its quotes
# and sources stay rows until a page reads them, see `summary.StoredRows`).
PlainSummary = tuple[Any, ...]
# One article in a chunk of `summaries`: its path, content hash, plain summary (None:
# the file failed) and its packed diagnostics.
StoredSummary = tuple[str, str, PlainSummary | None, bytes]


def plain_summary(summary: ArticleSummary) -> PlainSummary:
    return (
        summary.slug,
        summary.headline,
        summary.kicker,
        summary.dek,
        summary.byline,
        summary.date,
        summary.reading_minutes,
        tuple([(t.name, t.slug) for t in summary.tags]),
        quote_rows(summary.quotes),
        source_rows(summary.sources),
        summary.digest,
        summary.summary_digest,
        summary.outline_digest,
    )


def summary_from_plain(source: str, fields: PlainSummary, fresh: bool) -> ArticleSummary:
    """The summary of `source` stored as `fields`.

    Read back from a chunk, its quotes and sources are kept as rows, made into objects
    when a page reads them (a rebuild after an edit reads a few). `fresh` (made by this
    build's workers, or read from a row): they are made at once, and names, keys, roles
    and tags each become one string for the whole build (a chunk shares them already:
    pickle stored each string once). A build that loaded its articles renders most pages
    too, and the list pages rendered in this process (the sourcing page and the search
    index read every quote) would make them anyway: the objects alone take less memory
    than the rows and the objects."""
    try:
        slug, headline, kicker, dek, byline, date, minutes, tags, quotes, sources, *digests = fields
        if fresh:
            tags, quotes, sources = _interned(tags, quotes, sources)
        return ArticleSummary(
            source,
            slug,
            headline,
            kicker,
            dek,
            byline,
            date,
            minutes,
            tuple([TagRef(name, tag) for name, tag in tags]),
            quotes_of_rows(quotes, fresh),
            sources_of_rows(sources, fresh),
            *digests,
        )
    except (TypeError, ValueError) as error:
        raise CacheError(f"the cached summary of {source} is damaged ({error})") from error


def _interned(tags: Any, quotes: Any, sources: Any) -> tuple[Any, Any, Any]:
    def one(text: str | None) -> str | None:
        return text and sys.intern(text)

    return (
        tuple([(one(name), one(slug)) for name, slug in tags]),
        tuple(
            [
                ((text, one(who), one(role), one(verb), *rest), one(name), one(key), one(r), *more)
                for (text, who, role, verb, *rest), name, key, r, *more in quotes
            ]
        ),
        tuple([(one(name), one(key), one(role), *rest) for name, key, role, *rest in sources]),
    )


def pack_summary(summary: ArticleSummary) -> bytes:
    return pack(plain_summary(summary))


def unpack_summary(data: bytes, source: str) -> ArticleSummary:
    """The summary of the content file `source`, as `pack_summary` stored it."""
    fields = _unpack(data)
    if not isinstance(fields, tuple):
        raise CacheError(f"the cached summary of {source} is a {type(fields).__name__}")
    return summary_from_plain(source, fields, fresh=True)


def summary_chunk(path: str) -> int:
    """Which chunk of `summaries` holds the content file `path` (stable across runs)."""
    return zlib.crc32(path.encode("utf-8", "surrogatepass")) % SUMMARY_CHUNKS


def unpack_diagnostics(data: bytes) -> tuple[Diagnostic, ...]:
    value = _unpack(data)
    if not isinstance(value, tuple) or not all(isinstance(d, Diagnostic) for d in value):
        raise CacheError("cached diagnostics are not diagnostics")
    return value


def _unpack(data: bytes) -> Any:
    try:
        return pickle.loads(data)
    except Exception as error:  # any unpickling failure means a damaged cache
        raise CacheError(f"cannot read a cached value ({type(error).__name__}: {error})") from error


class BuildCache:
    """An open cache; every method raises `CacheError` when SQLite finds it damaged."""

    def __init__(self, path: Path, connection: sqlite3.Connection) -> None:
        self.path = path
        self._db = connection
        self._held: list[tuple[str, str, bytes]] | None = None  # see `memos_held`

    # --- meta ---------------------------------------------------------------------------
    def get_meta(self, key: str) -> str | None:
        row = self._query("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def set_meta(self, key: str, value: str) -> None:
        self._query("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))

    # --- articles -----------------------------------------------------------------------
    def article_states(self) -> dict[str, tuple[str, str]]:
        """Every content file's stat signature and content hash, by path."""
        rows = self._query("SELECT path, signature, hash FROM articles", ()).fetchall()
        return {path: (signature, content) for path, signature, content in rows}

    def some_article_values(
        self, paths: Iterable[str]
    ) -> Iterator[tuple[str, bytes | None, bytes]]:
        """(path, summary, diagnostics) of these content files."""
        for path in paths:
            row = self._query(
                "SELECT summary, diagnostics FROM articles WHERE path = ?", (path,)
            ).fetchone()
            if row is None:
                raise CacheError(f"{self.path}: no row for {path}")
            yield path, row[0], bytes(row[1])

    def summary_chunks(self) -> Iterator[tuple[int, list[StoredSummary]]]:
        """Every stored chunk of summaries, read one at a time (at 100,000 articles their
        bytes together would be a sixth of a gigabyte)."""
        rows = self._query("SELECT chunk, value FROM summaries", ())
        try:
            for number, value in rows:
                entries = _unpack(value)
                if not isinstance(entries, list):
                    raise CacheError(f"chunk {number} of the summaries is not a list")
                yield int(number), entries
        except sqlite3.Error as error:
            raise CacheError(f"{self.path}: {error}") from error

    def put_summary_chunk(self, number: int, entries: list[StoredSummary]) -> None:
        if entries:
            self._query("INSERT OR REPLACE INTO summaries VALUES (?, ?)", (number, pack(entries)))
        else:
            self._query("DELETE FROM summaries WHERE chunk = ?", (number,))

    def signatures(self) -> dict[str, str]:
        return dict(self._query("SELECT path, signature FROM articles", ()).fetchall())

    def put_article(self, row: ArticleRow) -> None:
        self._query(
            "INSERT OR REPLACE INTO articles VALUES (?, ?, ?, ?, ?, ?, ?)",
            (row.path, row.signature, row.hash, row.slug, row.summary, row.placed, row.diagnostics),
        )

    def put_article_signature(self, path: str, signature: str) -> None:
        self._query("UPDATE articles SET signature = ? WHERE path = ?", (signature, path))

    def forget_all_articles(self) -> None:
        self._query("DELETE FROM articles", ())
        self._query("DELETE FROM summaries", ())

    def forget_articles(self, paths: Iterable[str]) -> None:
        self._many("DELETE FROM articles WHERE path = ?", [(p,) for p in paths])

    def read_placed(self, path: str | Path) -> PlacedArticle:
        """The whole placed article of a content file (for its page and the feed)."""
        row = self._query("SELECT placed FROM articles WHERE path = ?", (str(path),)).fetchone()
        if row is None or row[0] is None:
            raise CacheError(f"no cached article for {path}")
        value = _unpack(row[0])
        if not isinstance(value, PlacedArticle):
            raise CacheError(f"the cached article of {path} is a {type(value).__name__}")
        return value

    # --- pages --------------------------------------------------------------------------
    def page_rows(self, paths: Iterable[str] | None = None) -> dict[str, PageRow]:
        """The rows of these pages (None: of every page)."""
        if paths is None:
            rows = self._query("SELECT path, inputs, output FROM pages", ()).fetchall()
        else:
            query = "SELECT path, inputs, output FROM pages WHERE path = ?"
            rows = [row for path in paths for row in self._query(query, (path,)).fetchall()]
        return {path: PageRow(inputs, output) for path, inputs, output in rows}

    def put_pages(self, rows: Iterable[tuple[str, PageRow]]) -> None:
        self._many(
            "INSERT OR REPLACE INTO pages VALUES (?, ?, ?)",
            [(path, row.inputs, row.output) for path, row in rows],
        )

    def forget_pages(self, paths: Iterable[str] | None = None) -> None:
        if paths is None:
            self._query("DELETE FROM pages", ())
        else:
            self._many("DELETE FROM pages WHERE path = ?", [(p,) for p in paths])

    # --- memos --------------------------------------------------------------------------
    def get_memo(self, name: str) -> tuple[str, Any] | None:
        """The kept result `name` and the digest of its inputs, if any."""
        row = self._query("SELECT key, value FROM memos WHERE name = ?", (name,)).fetchone()
        return None if row is None else (str(row[0]), _unpack(row[1]))

    def memo_key(self, name: str) -> str | None:
        """The digest of the inputs of the kept result `name`, if any (the result unread)."""
        row = self._query("SELECT key FROM memos WHERE name = ?", (name,)).fetchone()
        return None if row is None else str(row[0])

    def put_memo(self, name: str, key: str, value: object) -> None:
        if self._held is not None:
            self._held.append((name, key, pack(value)))
        else:
            self._query("INSERT OR REPLACE INTO memos VALUES (?, ?, ?)", (name, key, pack(value)))

    @contextlib.contextmanager
    def memos_held(self) -> Iterator[None]:
        """Memos put during the block are kept (packed) and written when it ends without
        error: for while worker processes read the cache, each in one read transaction
        (`open_reader`), which a commit, or a write large enough to reach the file, would
        wait for. Nothing else may be written meanwhile."""
        held: list[tuple[str, str, bytes]] = []
        self._held = held
        try:
            yield
        finally:
            self._held = None
        self._many("INSERT OR REPLACE INTO memos VALUES (?, ?, ?)", held)

    # --- transactions -------------------------------------------------------------------
    @property
    def writing(self) -> bool:
        """A write is open: until it is committed, it may lock out the workers' readers."""
        return self._db.in_transaction

    def commit(self) -> None:
        try:
            self._db.commit()
        except sqlite3.Error as error:
            raise CacheError(f"cannot write the cache: {error}") from error

    def close(self) -> None:
        self._db.close()

    def _query(self, sql: str, args: tuple[Any, ...]) -> sqlite3.Cursor:
        try:
            return self._db.execute(sql, args)
        except sqlite3.Error as error:
            raise CacheError(f"{self.path}: {error}") from error

    def _many(self, sql: str, rows: list[tuple[Any, ...]]) -> None:
        try:
            self._db.executemany(sql, rows)
        except sqlite3.Error as error:
            raise CacheError(f"{self.path}: {error}") from error


def open_cache(path: Path, *, fresh: bool = False) -> BuildCache:
    """Open (creating) the cache at `path`; a damaged or foreign one is replaced by an empty one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if not fresh:
        try:
            return _open_checked(path)
        except (CacheError, sqlite3.Error):
            pass  # damaged or another format: start afresh below (a full build)
    for leftover in (path, path.with_name(path.name + "-journal")):
        leftover.unlink(missing_ok=True)
    return _open_checked(path)


def open_reader(path: Path, snapshot: bool = False) -> BuildCache:
    """A second connection, for a worker process that only reads. `snapshot`: all its
    reads in one read transaction, until it is closed (a third of the time of a read
    each in its own; at 100,000 articles 9 instead of 16-27 us a row). Nothing may then
    write the cache: for a worker of a stage during which the build writes nothing."""
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    if snapshot:
        connection.execute("BEGIN")
    return BuildCache(path, connection)


def _open_checked(path: Path) -> BuildCache:
    connection = sqlite3.connect(path)
    try:
        connection.executescript(SCHEMA)
        cache = BuildCache(path, connection)
        found = cache.get_meta("format")
        if found is None:
            cache.set_meta("format", FORMAT)
            cache.commit()
        elif found != FORMAT:
            raise CacheError(f"{path}: cache format {found!r}, not {FORMAT!r}")
    except BaseException:
        connection.close()
        raise
    return cache
