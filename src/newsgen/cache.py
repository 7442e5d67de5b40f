"""The build cache: `<site>/.newsgen-cache/build.sqlite`, what the last build learned.

Why SQLite (standard library) rather than one pickle file: a commit is atomic (a
build killed while writing leaves the previous cache), each article's body is a
row the renderer reads on its own (the build never holds every body at once), and
a damaged file is detected by SQLite itself. The values in the rows are pickles of
newsgen's own frozen dataclasses; the cache is only ever written by newsgen, inside
the site folder.

Tables:
- `meta`: format, keys (see `fingerprint`), the identity of the output folder;
- `articles`: per content file its stat signature, content hash, summary, whole
  placed article and diagnostics (`summary` NULL when the file failed);
- `pages`: per output file the digest of its inputs and the hash of its bytes;
- `memos`: archive-wide results worth keeping (the related articles), with the digest
  of what each was computed from.

Anything unexpected (a truncated file, another format, a failed unpickling) makes
`open_cache` start from an empty cache: a full build, never wrong output.
"""

from __future__ import annotations

import pickle
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsgen.diagnostics import Diagnostic
from newsgen.placement import PlacedArticle
from newsgen.summary import ArticleSummary

CACHE_DIR = ".newsgen-cache"
CACHE_FILE = "build.sqlite"
FORMAT = "newsgen-cache-4"

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
    path TEXT PRIMARY KEY, signature TEXT NOT NULL, hash TEXT NOT NULL,
    slug TEXT, summary BLOB, placed BLOB, diagnostics BLOB NOT NULL);
CREATE INDEX IF NOT EXISTS articles_slug ON articles (slug);
CREATE TABLE IF NOT EXISTS pages (
    path TEXT PRIMARY KEY, inputs TEXT NOT NULL, output TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS memos (name TEXT PRIMARY KEY, key TEXT NOT NULL, value BLOB NOT NULL);
"""


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


def pack_summary(summary: ArticleSummary) -> bytes:
    """A summary without its source path (the row has it): building 10,000 `Path`s back
    would be a tenth of the time a rebuild spends reading the summaries."""
    return pack(tuple(getattr(summary, name) for name in ArticleSummary.__slots__[1:]))


def unpack_summary(data: bytes, source: Path) -> ArticleSummary:
    """The summary of the content file `source`, as `pack_summary` stored it."""
    fields = _unpack(data)
    if not isinstance(fields, tuple) or len(fields) != len(ArticleSummary.__slots__) - 1:
        raise CacheError(f"the cached summary of {source} is a {type(fields).__name__}")
    return ArticleSummary(source, *fields)


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

    # --- meta ---------------------------------------------------------------------------
    def get_meta(self, key: str) -> str | None:
        row = self._query("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def set_meta(self, key: str, value: str) -> None:
        self._query("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))

    # --- articles -----------------------------------------------------------------------
    def article_rows(self) -> Iterator[ArticleRow]:
        """Every content file's row without its stored values (summary, body, messages)."""
        query = "SELECT path, signature, hash, slug, NULL, NULL, x'' FROM articles"
        for row in self._query(query, ()):
            yield ArticleRow(*row)

    def article_values(self) -> Iterator[tuple[str, bytes | None, bytes]]:
        """(path, summary, diagnostics) of every content file, read one row at a time."""
        rows = self._query("SELECT path, summary, diagnostics FROM articles", ())
        try:
            for path, summary, diagnostics in rows:
                yield str(path), summary, bytes(diagnostics)
        except sqlite3.Error as error:
            raise CacheError(f"{self.path}: {error}") from error

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

    def forget_articles(self, paths: Iterable[str]) -> None:
        self._many("DELETE FROM articles WHERE path = ?", [(p,) for p in paths])

    def read_placed(self, path: Path) -> PlacedArticle:
        """The whole placed article of a content file (for its page and the feed)."""
        row = self._query("SELECT placed FROM articles WHERE path = ?", (str(path),)).fetchone()
        if row is None or row[0] is None:
            raise CacheError(f"no cached article for {path}")
        value = _unpack(row[0])
        if not isinstance(value, PlacedArticle):
            raise CacheError(f"the cached article of {path} is a {type(value).__name__}")
        return value

    # --- pages --------------------------------------------------------------------------
    def page_rows(self) -> dict[str, PageRow]:
        rows = self._query("SELECT path, inputs, output FROM pages", ()).fetchall()
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

    def put_memo(self, name: str, key: str, value: object) -> None:
        self._query("INSERT OR REPLACE INTO memos VALUES (?, ?, ?)", (name, key, pack(value)))

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


def open_reader(path: Path) -> BuildCache:
    """A second connection, for a worker process that only reads."""
    return BuildCache(path, sqlite3.connect(f"file:{path}?mode=ro", uri=True))


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
