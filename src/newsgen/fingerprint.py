"""Fingerprints of what a build depends on: content files, sidecars, code, templates, config.

A content file is first compared by its stat signature (size, mtime, inode, and its
sidecar's); only a file whose signature changed is read and hashed. The keys say
which cached results are still valid: `article_key` for loaded and analysed
articles, `page_key` for rendered pages.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from pathlib import Path
from stat import S_ISREG

from newsgen.config import SiteConfig
from newsgen.webpage.sidecar import SIDECAR_SUFFIXES

PACKAGE_DIR = Path(__file__).parent
SIDECAR_READERS = (".html", ".htm")  # the readers that take a `<name>.yaml` beside the file
# The suffixes of `loader.READERS` (a test keeps them equal): scanning the content folder
# must not import the loader, or a build with nothing to do would wait for its imports.
CONTENT_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".html", ".htm"})


@dataclass(frozen=True, slots=True)
class SourceFile:
    """A content file as found on disk: where, and its (and its sidecar's) stat signature.

    Kept as a string (`name`): a build that finds nothing changed never makes the 10,000
    `Path`s (a fifth of its time)."""

    name: str
    signature: str

    @property
    def path(self) -> Path:
        return Path(self.name)


def sidecars_of(path: Path) -> tuple[Path, ...]:
    if path.suffix.lower() not in SIDECAR_READERS:
        return ()
    return tuple(path.with_suffix(suffix) for suffix in SIDECAR_SUFFIXES)


def _stat_part(path: Path) -> str:
    try:
        stat = path.stat()
    except FileNotFoundError:
        return "-"
    return f"{stat.st_size}:{stat.st_mtime_ns}:{stat.st_ino}"


def stat_source(path: Path) -> SourceFile:
    parts = [_stat_part(path), *(_stat_part(s) for s in sidecars_of(path))]
    return SourceFile(str(path), "|".join(parts))


def scan_sources(content_dir: Path) -> list[SourceFile]:
    """Every content file (as `loader.find_content_files` finds them) with its signature."""
    found: list[tuple[tuple[str, ...], os.DirEntry[str]]] = []
    folders: list[tuple[tuple[str, ...], str]] = [((), str(content_dir))]
    while folders:
        parts, folder = folders.pop()
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.name.startswith("."):
                    continue
                if entry.is_dir(follow_symlinks=False):  # (as rglob: a linked folder may loop)
                    folders.append(((*parts, entry.name), entry.path))
                elif _suffix(entry.name) in CONTENT_SUFFIXES and entry.is_file():
                    found.append(((*parts, entry.name), entry))
    found.sort(key=lambda item: item[0])  # the order of sorted Paths: part by part
    return [SourceFile(entry.path, _signature(entry.path, entry.stat())) for _, entry in found]


# More changed paths than this, and scanning the folder again is the quicker way.
RESCAN_LIMIT = 50


def rescan_sources(
    content_dir: Path, last: list[SourceFile], changed: Collection[str]
) -> list[SourceFile] | None:
    """What `scan_sources(content_dir)` would find now, from `last` (what it found
    before) and the paths changed since, as a file watcher told of them: only those
    looked at again. None when that cannot tell, and the folder must be scanned: a folder
    made, moved or gone (its files are not each told of), a sidecar, a path named other
    than through `content_dir` (through a link), or too many paths."""
    if len(changed) > RESCAN_LIMIT:
        return None
    root = content_dir.absolute()
    sources = {source.name: source for source in last}
    added = False
    for path in changed:
        try:
            parts = Path(path).absolute().relative_to(root).parts
        except ValueError:
            return None  # outside the folder as named (through a link?)
        if not parts:
            return None  # the folder itself
        if any(part.startswith(".") for part in parts) or _in_a_linked_folder(root, parts):
            continue  # a file the scan does not read
        name = str(content_dir.joinpath(*parts))  # as the scan names it
        suffix = _suffix(parts[-1])
        if suffix in SIDECAR_SUFFIXES or Path(name).is_dir():
            return None
        try:
            found = Path(name).stat()
        except OSError:  # gone (or moved away)
            if any(known.startswith(name + os.sep) for known in sources):
                return None  # a folder gone
            sources.pop(name, None)
            continue
        if suffix in CONTENT_SUFFIXES and S_ISREG(found.st_mode):
            added = added or name not in sources
            sources[name] = SourceFile(name, _signature(name, found))
    rescanned = list(sources.values())
    if added:
        rescanned.sort(key=lambda source: Path(source.name).parts)  # the scan's order
    return rescanned


def _in_a_linked_folder(root: Path, parts: tuple[str, ...]) -> bool:
    return any(root.joinpath(*parts[:end]).is_symlink() for end in range(1, len(parts)))


def _suffix(name: str) -> str:
    return name[name.rfind(".") :].lower()


def _signature(path: str, stat: os.stat_result) -> str:
    if _suffix(path) in SIDECAR_READERS:
        return stat_source(Path(path)).signature
    return f"{stat.st_size}:{stat.st_mtime_ns}:{stat.st_ino}"


def hash_source(path: Path) -> str:
    """The hash of a content file's bytes and its sidecar's (which may not exist)."""
    return read_source(path)[0]


def read_source(path: Path) -> tuple[str, bytes | None]:
    """`hash_source(path)`, and the bytes of the file (None: it is gone), so that the
    loader need not read them again."""
    digest = hashlib.blake2b(digest_size=16)
    first: bytes | None = None
    for number, part in enumerate((path, *sidecars_of(path))):
        try:
            data = part.read_bytes()
        except FileNotFoundError:
            digest.update(b"\0absent\0")
            continue
        digest.update(len(data).to_bytes(8, "little"))
        digest.update(data)
        if number == 0:
            first = data
    return digest.hexdigest(), first


def hash_tree(folders: Iterable[Path], suffixes: tuple[str, ...] = ()) -> str:
    """The hash of every file under `folders` (names and bytes), optionally only some suffixes."""
    digest = hashlib.blake2b(digest_size=16)
    for folder in folders:
        if not folder.is_dir():
            digest.update(b"\0none\0")
            continue
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            if suffixes and path.suffix not in suffixes:
                continue
            if "__pycache__" in path.parts:
                continue
            digest.update(path.relative_to(folder).as_posix().encode() + b"\0")
            digest.update(path.read_bytes())
    return digest.hexdigest()


def code_key() -> str:
    """newsgen itself: its version and the hash of its code and theme (a changed heuristic
    or template invalidates the cache even without a new version number)."""
    from newsgen import __version__

    return (
        f"{__version__}:{hash_tree([PACKAGE_DIR], ('.py', '.html', '.xml', '.js', '.txt', '.css'))}"
    )


def article_key(config: SiteConfig, code: str, stages: str) -> str:
    """What every cached article result depends on besides its own file."""
    return hashlib.blake2b(
        repr((code, config.loader, config.time_zone, stages)).encode(), digest_size=16
    ).hexdigest()


def page_key(config: SiteConfig, code: str) -> str:
    """What every page depends on besides its inputs: the config, the site's own templates
    and static files (the theme's are part of `code`)."""
    site_files = hash_tree([config.templates_dir, config.static_dir])
    return hashlib.blake2b(repr((code, config, site_files)).encode(), digest_size=16).hexdigest()
