"""Work spread over processes: `map_tasks` runs a task on every item, in order.

Each stage hands its workers one read-only state (the config, the site index...)
through the pool's initializer: with the `fork` start method it is inherited, not
copied; from a process that runs threads (`newsgen serve`), `forkserver` is used
and the state is pickled once per worker. Results come back in the items' order,
so the output does not depend on the number of workers. A small batch stays in
this process: starting workers costs about a tenth of a second.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import TypeVar

S = TypeVar("S")
T = TypeVar("T")
R = TypeVar("R")

ITEMS_PER_WORKER = 40  # fewer items than this per worker: not worth a process
WORKER_GC_THRESHOLD = 20_000  # allocations between two young-generation collections

_state: object = None


def default_jobs() -> int:
    """Every core this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def worker_state(kind: type[S]) -> S:
    """The state installed for the running task (in a worker, or in this process)."""
    if not isinstance(_state, kind):
        raise RuntimeError(f"no {kind.__name__} installed for this task")
    return _state


def _install(state: object) -> None:
    global _state
    _state = state
    # A worker's objects are short-lived (one article or page at a time): collecting
    # cycles less often saves several per cent of its time at a few megabytes' cost.
    gc.set_threshold(WORKER_GC_THRESHOLD, 50, 100)


def map_tasks(task: Callable[[T], R], items: Sequence[T], state: object, jobs: int) -> Iterator[R]:
    """`task(item)` for every item, in order, on up to `jobs` processes."""
    workers = min(jobs, len(items) // ITEMS_PER_WORKER)
    if workers <= 1:
        yield from _map_here(task, items, state)
        return
    method = "fork" if threading.active_count() == 1 else "forkserver"
    chunk = max(1, min(32, len(items) // (workers * 8)))
    # What the workers inherit (the site index...) is set aside from the cycle collector
    # before forking: their collections neither walk it nor write to its pages, which
    # would copy those pages into every worker.
    gc.freeze()
    try:
        with ProcessPoolExecutor(
            workers,
            mp_context=multiprocessing.get_context(method),
            initializer=_install,
            initargs=(state,),
        ) as pool:
            yield from pool.map(task, items, chunksize=chunk)
    finally:
        gc.unfreeze()


def _map_here(task: Callable[[T], R], items: Sequence[T], state: object) -> Iterator[R]:
    global _state
    previous, _state = _state, state
    try:
        for item in items:
            yield task(item)
    finally:
        _state = previous
