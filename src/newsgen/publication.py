"""Stages 4-5 with the cache: render the pages whose inputs changed, and put them in place.

    page specs -> inputs digest as cached, and the output trusted? keep the file as it is
               -> else render -> bytes as before? keep the file
               -> else write it into the staging folder -> commit (writer)

Where pages are rendered (how: `page_tasks`): article pages in workers (when many),
each from its own inputs; every other page in this process, from the site index, while
the workers render (in a large site the search index first, before they start). See
`IN_WORKERS`.

The output is trusted when it is the very folder the last build wrote (same folder
and marker file, by inode and mtime); otherwise every page is rendered and the new
site swapped in whole.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from newsgen.article import SourceLocation
from newsgen.cache import BuildCache, PageRow
from newsgen.config import SiteConfig
from newsgen.diagnostics import Diagnostic
from newsgen.page_tasks import (
    Rendered,
    RenderState,
    RenderTask,
    WorkerTasks,
    release_render_state,
    render_tasks,
    render_with_index,
)
from newsgen.pages import PageKind, PageSpec, page_inputs
from newsgen.parallel import start_forkserver, started_batches, workers_for
from newsgen.renderer import RenderError
from newsgen.site import Site
from newsgen.writer import (
    MARKER,
    OutputError,
    commit_changes,
    discard_staging,
    finish_full,
    make_staging,
    stage_static,
)

Progress = Callable[[str, int, int], None]


# The pages rendered in worker processes: each shows one article whole and a few
# others' cards, so what it needs (those summaries, read back from the cache, and its
# speakers' links) is small. The other pages show many articles or every speaker: they
# are rendered in this process, from the site index it holds, while the workers render
# the articles. The workers start apart from this process (see `parallel`), so they
# never copy the index.
IN_WORKERS = frozenset({PageKind.ARTICLE})
# In a site of more than `LARGE_SITE` articles, rendered before the workers start: the
# search index's entries hold every article's headline and quotes (at 100,000 articles
# ~80 MB of JSON text in this process, though it is written a piece at a time), so it
# is rendered while no worker holds memory beside it. In a smaller site,
# while the workers render (at 10,000 articles the second core then idles ~0.35 s less),
# and the entries it keeps in the cache are written once they are done
# (`BuildCache.memos_held`).
BEFORE_WORKERS = frozenset({PageKind.SEARCH_INDEX})
LARGE_SITE = 30_000


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


def output_trusted(cache: BuildCache, output: Path) -> bool:
    """The output is the folder the last build wrote, as it left it."""
    return cache.get_meta("output") == output_identity(output) != ""


def prepare_render_workers(cache: BuildCache, config: SiteConfig, articles: int, jobs: int) -> None:
    """When every article page is to be rendered in workers (a first build, or one into
    a new output folder, with enough articles), start the server they are forked from
    now: it takes 0.2-0.3 s, which the build spends indexing the site meanwhile."""
    if workers_for(articles, jobs) > 1 and not output_trusted(cache, config.output_dir):
        start_forkserver(render_tasks.__module__)


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
    trusted = write and output_trusted(cache, output)
    if partial and not trusted:
        raise OutputError("a partial build needs the output folder the last build wrote")
    previous = cache.page_rows([s.path for s in specs] if partial else None) if trusted else {}
    digest = page_inputs(site, key)
    # The digests of the pages' inputs: of those the last build made, to compare, now;
    # of the others (every page of a first build), while the workers render.
    inputs = {spec.path: digest(spec) for spec in specs if spec.path in previous}
    first: list[RenderTask] = []  # rendered in this process before the workers start
    before_workers = BEFORE_WORKERS if len(site.articles) > LARGE_SITE else frozenset()
    here: list[RenderTask] = []  # in this process, while the workers render
    away = WorkerTasks(site)  # in workers
    for spec in specs:
        row = previous.get(spec.path)
        if row is not None and row.inputs == inputs[spec.path]:
            continue
        before = row.output if row is not None else None
        if spec.kind in IN_WORKERS:
            away.add(spec, before)
        else:
            (first if spec.kind in before_workers else here).append(RenderTask(spec, before))
    staging = make_staging(output) if write else None
    state = RenderState(config, cache.path, staging, key)
    results: list[Rendered] = []
    total = len(first) + len(here) + len(away)

    def done(result: Rendered) -> None:
        results.append(result)
        if progress is not None:
            progress("pages", len(results), total)

    try:
        for task in first:
            done(render_with_index(task, site, state))
        with (
            cache.memos_held(),
            started_batches(render_tasks, away, state, jobs, inherit=False) as rendered,
        ):
            for task in here:
                done(render_with_index(task, site, state))
            for spec in specs:
                if spec.path not in inputs:
                    inputs[spec.path] = digest(spec)
            for result in rendered:
                done(result)
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
