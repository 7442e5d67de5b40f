"""Work spread over processes: results in order, errors passed on, and article pages
rendered in workers from their own inputs exactly as from the whole site index."""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import overload

import pytest

from newsgen.builder import ArticleStages, build_site
from newsgen.cache import cache_path, open_cache
from newsgen.collection import CollectState, collect_articles
from newsgen.config import load_config
from newsgen.fingerprint import article_key, code_key, scan_sources
from newsgen.page_tasks import (
    RenderState,
    RenderTask,
    WorkerTasks,
    release_render_state,
    render_tasks,
    render_with_index,
)
from newsgen.pages import PageKind, plan_pages
from newsgen.parallel import (
    ITEMS_PER_WORKER,
    MAX_CHUNK,
    map_batches,
    map_tasks,
    started_batches,
    worker_state,
)
from newsgen.publication import IN_WORKERS
from newsgen.site import Site, index_site

GOLDEN_SITE = Path(__file__).parent / "golden" / "site"


@dataclass(frozen=True, slots=True)
class Offset:
    """The state a test task reads in whichever process runs it."""

    value: int


def add_offset(number: int) -> int:
    if number < 0:
        raise ValueError(f"negative: {number}")
    return number + worker_state(Offset).value


@pytest.mark.parametrize(
    ("jobs", "count", "inherit"),
    [
        (1, 3 * ITEMS_PER_WORKER, True),  # one job: in this process
        (2, ITEMS_PER_WORKER, True),  # too few items for two workers: in this process
        (2, 3 * ITEMS_PER_WORKER, True),  # forked workers
        (2, 3 * ITEMS_PER_WORKER, False),  # workers started apart (forkserver)
    ],
)
def test_results_come_back_in_the_items_order(jobs: int, count: int, inherit: bool) -> None:
    items = list(range(count))
    results = list(map_tasks(add_offset, items, Offset(1000), jobs, inherit=inherit))
    assert results == [n + 1000 for n in items]


def add_offsets(numbers: list[int]) -> list[int]:
    """`add_offset` over a batch; fails if given more than a batch's worth."""
    if not 1 <= len(numbers) <= MAX_CHUNK:
        raise ValueError(f"a batch of {len(numbers)}")
    return [add_offset(number) for number in numbers]


@pytest.mark.parametrize(
    ("jobs", "count", "inherit"),
    [
        (1, 3 * ITEMS_PER_WORKER + 5, True),  # one job: in this process, a batch at a time
        (2, ITEMS_PER_WORKER, True),  # too few items for two workers: in this process
        (2, 3 * ITEMS_PER_WORKER + 5, True),  # forked workers
        (2, 3 * ITEMS_PER_WORKER + 5, False),  # workers started apart (forkserver)
    ],
)
def test_batches_come_back_as_their_items_in_order(jobs: int, count: int, inherit: bool) -> None:
    items = list(range(count))
    results = list(map_batches(add_offsets, items, Offset(1000), jobs, inherit=inherit))
    assert results == [n + 1000 for n in items]


@pytest.mark.parametrize("inherit", [True, False])
def test_this_process_works_while_the_workers_do(inherit: bool) -> None:
    items = list(range(3 * ITEMS_PER_WORKER))
    with started_batches(add_offsets, items, Offset(7), 2, inherit=inherit) as results:
        here = [n * 2 for n in items]  # this process's own share of the work
        away = list(results)
    assert (here, away) == ([n * 2 for n in items], [n + 7 for n in items])


@pytest.mark.parametrize(("jobs", "inherit"), [(1, True), (2, True), (2, False)])
def test_a_failed_task_raises_its_error_in_the_caller(jobs: int, inherit: bool) -> None:
    items = [*range(3 * ITEMS_PER_WORKER), -1, *range(3 * ITEMS_PER_WORKER)]
    with pytest.raises(ValueError, match="negative: -1"):
        list(map_tasks(add_offset, items, Offset(0), jobs, inherit=inherit))


class MadeOnAccess(Sequence[int]):
    """Items made when read (as the render tasks are); reading `broken` fails."""

    def __init__(self, count: int, broken: int = -1) -> None:
        self.size, self.broken = count, broken

    @overload
    def __getitem__(self, index: int) -> int: ...
    @overload
    def __getitem__(self, index: slice) -> list[int]: ...
    def __getitem__(self, index: int | slice) -> int | list[int]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(self.size))]
        if index == self.broken:
            raise LookupError(f"item {index} cannot be made")
        return index

    def __len__(self) -> int:
        return self.size


@pytest.mark.parametrize(("jobs", "inherit"), [(1, True), (2, True), (2, False)])
def test_an_item_that_cannot_be_made_raises_its_error_in_the_caller(
    jobs: int, inherit: bool
) -> None:
    items = MadeOnAccess(40 * ITEMS_PER_WORKER, broken=30 * ITEMS_PER_WORKER)
    with pytest.raises(LookupError, match="item 1200 cannot be made"):
        list(map_tasks(add_offset, items, Offset(0), jobs, inherit=inherit))


@pytest.mark.parametrize("inherit", [True, False])
def test_an_error_in_the_block_stops_the_workers_and_is_raised(inherit: bool) -> None:
    items = MadeOnAccess(40 * ITEMS_PER_WORKER)
    with (
        pytest.raises(KeyError, match="the block failed"),
        started_batches(add_offsets, items, Offset(0), 2, inherit=inherit) as results,
    ):
        assert next(results) == 0
        raise KeyError("the block failed")


def indexed_golden_site(tmp_path: Path, stages: ArticleStages) -> tuple[Path, Site]:
    """The golden site built once (its cache holds every article), and its site index."""
    site_dir = tmp_path / "site"
    shutil.copytree(GOLDEN_SITE, site_dir)
    build_site(load_config(site_dir), stages=stages, jobs=1)
    config = load_config(site_dir)
    cache = open_cache(cache_path(site_dir))
    try:
        state = CollectState(config, stages, article_key(config, code_key(), stages.name))
        collected = collect_articles(scan_sources(config.content_dir), cache, state, 1, None)
    finally:
        cache.close()
    return site_dir, index_site(collected.summaries).site


def test_article_pages_from_their_own_inputs_equal_those_from_the_whole_index(
    tmp_path: Path, cast_stages: ArticleStages
) -> None:
    site_dir, site = indexed_golden_site(tmp_path, cast_stages)
    config = load_config(site_dir)
    specs = [spec for spec in plan_pages(site, config) if spec.kind in IN_WORKERS]
    assert {spec.kind for spec in specs} == {PageKind.ARTICLE}
    assert len(specs) == len(site.articles)
    state = RenderState(config, cache_path(site_dir), staging=None)
    tasks = WorkerTasks(site)
    for spec in specs:
        tasks.add(spec, None)
    try:
        apart = list(map_batches(render_tasks, tasks, state, jobs=1))
        whole = [render_with_index(RenderTask(spec, None), site, state) for spec in specs]
    finally:
        release_render_state()
    assert [r.path for r in apart] == [spec.path for spec in specs]
    assert apart == whole
