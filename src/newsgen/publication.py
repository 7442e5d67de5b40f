"""Stages 4-5 with the cache: render the pages whose inputs changed, and put them in place.

    page specs -> inputs digest as cached, and the output trusted? keep the file as it is
               -> else render (in workers when many) -> bytes as before? keep the file
               -> else write it into the staging folder -> commit (writer)

The output is trusted when it is the very folder the last build wrote (same folder
and marker file, by inode and mtime); otherwise every page is rendered and the new
site swapped in whole.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import jinja2

from newsgen.article import SourceLocation
from newsgen.cache import BuildCache, PageRow, open_reader
from newsgen.config import SiteConfig
from newsgen.diagnostics import Diagnostic
from newsgen.pages import PageSpec, page_inputs
from newsgen.parallel import map_tasks, worker_state
from newsgen.placement import PlacedArticle
from newsgen.renderer import RenderError, make_environment, render_page
from newsgen.site import Site
from newsgen.writer import (
    MARKER,
    OutputError,
    commit_changes,
    discard_staging,
    finish_full,
    make_staging,
    stage_static,
    write_file,
)

Progress = Callable[[str, int, int], None]


@dataclass(frozen=True, slots=True)
class RenderState:
    """What a worker needs to render any page: the site index and where things are."""

    config: SiteConfig
    site: Site
    cache_file: Path
    staging: Path | None  # None: render only (newsgen check)


@dataclass(frozen=True, slots=True)
class RenderTask:
    spec: PageSpec
    previous: str | None  # the hash of the file now in the output, if it is to be kept


@dataclass(frozen=True, slots=True)
class Rendered:
    path: str
    output: str  # the hash of its bytes
    written: bool


@dataclass(frozen=True, slots=True)
class Published:
    pages: int  # pages on the site
    rendered: int  # rendered this time
    written: int  # files written this time (rendered and different)


def output_identity(output: Path) -> str:
    """The output folder as the last build left it; '' when there is none to trust."""
    output = output.resolve()
    try:
        folder, marker = output.stat(), (output / MARKER).stat()
    except OSError:
        return ""
    return f"{output}|{folder.st_ino}|{marker.st_ino}|{marker.st_mtime_ns}"


def check_unique_paths(specs: Sequence[PageSpec]) -> None:
    seen: dict[str, PageSpec] = {}
    for spec in specs:
        if spec.path in seen:
            first = seen[spec.path].key
            message = f"two pages would be written to {spec.path}: {first!r} and {spec.key!r}"
            raise RenderError(Diagnostic(SourceLocation(Path(spec.path)), message))
        seen[spec.path] = spec


def publish_site(
    specs: Sequence[PageSpec],
    site: Site,
    config: SiteConfig,
    cache: BuildCache,
    *,
    key: str,
    write: bool,
    static_dirs: Sequence[Path],
    jobs: int,
    progress: Progress | None,
    partial: bool = False,
) -> Published:
    """Render what changed and put it in place; `RenderError` leaves the output as it was.

    `partial`: `specs` are only the pages that may have changed, into the output the last
    build wrote (the others are left as they are, not removed)."""
    check_unique_paths(specs)
    output = config.output_dir
    trusted = write and cache.get_meta("output") == output_identity(output) != ""
    if partial and not trusted:
        raise OutputError("a partial build needs the output folder the last build wrote")
    previous = cache.page_rows([s.path for s in specs] if partial else None) if trusted else {}
    digest = page_inputs(site, key)
    inputs = {spec.path: digest(spec) for spec in specs}
    tasks = []
    for spec in specs:
        row = previous.get(spec.path)
        if row is None or row.inputs != inputs[spec.path]:
            tasks.append(RenderTask(spec, row.output if row is not None else None))
    staging = make_staging(output) if write else None
    state = RenderState(config, site, cache.path, staging)
    results: list[Rendered] = []
    try:
        for done, result in enumerate(map_tasks(render_task, tasks, state, jobs), start=1):
            results.append(result)
            if progress is not None:
                progress("pages", done, len(tasks))
    except BaseException:
        if staging is not None:
            discard_staging(staging)
        raise
    finally:
        release_render_state()
    written = [r.path for r in results if r.written]
    if staging is not None:
        if trusted:
            changed, gone = stage_static(staging, output.resolve(), static_dirs)
            removed = [] if partial else sorted(previous.keys() - inputs.keys())
            commit_changes(staging, output, [*written, *changed], [*removed, *gone])
            cache.forget_pages(removed)
        else:
            finish_full(staging, output, static_dirs)
            cache.forget_pages()
        cache.put_pages((r.path, PageRow(inputs[r.path], r.output)) for r in results)
        cache.set_meta("output", output_identity(output))
    return Published(len(specs), len(results), len(written))


# One per process: the environment (its compiled templates) and a cache connection.
_local: tuple[RenderState, jinja2.Environment, BuildCache] | None = None


def _process_local(state: RenderState) -> tuple[jinja2.Environment, BuildCache]:
    global _local
    if _local is None or _local[0] is not state:
        release_render_state()
        _local = (state, make_environment(state.config), open_reader(state.cache_file))
    return _local[1], _local[2]


def release_render_state() -> None:
    global _local
    if _local is not None:
        _local[2].close()
        _local = None


def render_task(task: RenderTask) -> Rendered:
    state = worker_state(RenderState)
    env, reader = _process_local(state)

    def read(slug: str) -> PlacedArticle:
        return reader.read_placed(state.site.article_by_slug[slug].source)

    page = render_page(env, task.spec, state.site, read)
    digest = hashlib.blake2b(page.data, digest_size=16).hexdigest()
    written = state.staging is not None and digest != task.previous
    if written and state.staging is not None:
        write_file(state.staging, page.path, page.data)
    return Rendered(page.path, digest, written)
