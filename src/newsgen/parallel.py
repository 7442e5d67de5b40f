"""Work spread over processes: `map_tasks` runs a task on every item, in order;
`map_batches` a task that takes several items at once (the articles are loaded so).

Each stage hands its workers one read-only state (the config, where the cache is...)
through the pool's initializer. Two ways to start workers:

- forked from this process (`inherit=True`, the default): the state is inherited,
  not copied, and starting is cheap. Right when this process is small, as when the
  articles are loaded (before any summary exists).
- from a small server process (`inherit=False`, the `forkserver` method): the state
  is pickled once per worker and the workers share none of this process's memory.
  Right when this process holds much (the site index, when pages are rendered):
  forked workers would end up copying it page by page, since reading an object
  writes its reference count (at 100,000 articles, the index three times over).

From a process that runs threads (`newsgen serve`), `forkserver` is always used. Like
`spawn`, `forkserver` imports the program's main module again in each worker: a script
that calls the build keeps its own work under `if __name__ == "__main__":`.
Results come back in the items' order, so the output does not depend on the
number of workers. A small batch stays in this process: starting workers costs
about a tenth of a second.

`started_batches` starts the work and lets this process do something else
meanwhile (render the pages that need the whole index) before it takes the
results.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import itertools
import multiprocessing
import multiprocessing.forkserver
import os
import queue
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Generic, TypeVar

S = TypeVar("S")
T = TypeVar("T")
R = TypeVar("R")

ITEMS_PER_WORKER = 40  # fewer items than this per worker: not worth a process
WORKER_GC_THRESHOLD = 20_000  # allocations between two young-generation collections
MAX_CHUNK = 32  # items sent to a worker at a time (fewer when there are few items)
CHUNKS_AHEAD = 4  # chunks sent per worker and not yet done: enough to keep it busy

_state: object = None
_in_worker = False  # this process is a pool's worker


def default_jobs() -> int:
    """Every core this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def workers_for(items: int, jobs: int) -> int:
    """How many worker processes `items` items get (0 or 1: they stay in this process)."""
    return min(jobs, items // ITEMS_PER_WORKER)


def worker_state(kind: type[S]) -> S:
    """The state installed for the running task (in a worker, or in this process)."""
    if not isinstance(_state, kind):
        raise RuntimeError(f"no {kind.__name__} installed for this task")
    return _state


def in_worker() -> bool:
    """This process is a worker started by `map_tasks` (a task may be run here too)."""
    return _in_worker


def _install(state: object) -> None:
    global _state, _in_worker
    _state, _in_worker = state, True
    # A worker's objects are short-lived (one article or page at a time): collecting
    # cycles less often saves several per cent of its time at a few megabytes' cost.
    gc.set_threshold(WORKER_GC_THRESHOLD, 50, 100)


def start_forkserver(module: str) -> None:
    """Start now the server that workers started with `inherit=False` are forked from,
    with `module` imported, rather than when they are first needed: it takes 0.2-0.3 s, which
    a caller that knows such workers are coming spends on other work meanwhile."""
    multiprocessing.get_context("forkserver").set_forkserver_preload([module])
    multiprocessing.forkserver.ensure_running()


def map_tasks(
    task: Callable[[T], R], items: Sequence[T], state: object, jobs: int, *, inherit: bool = True
) -> Iterator[R]:
    """`task(item)` for every item, in order, on up to `jobs` processes."""
    run = functools.partial(_run_chunk, task)
    with _started(run, task.__module__, 1, items, state, jobs, inherit) as results:
        yield from results


def map_batches(
    task: Callable[[list[T]], list[R]],
    items: Sequence[T],
    state: object,
    jobs: int,
    *,
    inherit: bool = True,
) -> Iterator[R]:
    """Like `map_tasks`, for a task that takes up to `MAX_CHUNK` items at once (those sent
    to a worker together) and gives their results in order: it can run each of its stages
    over all of them, which keeps each stage's code and data warm in the processor's
    caches."""
    with started_batches(task, items, state, jobs, inherit=inherit) as results:
        yield from results


@contextlib.contextmanager
def started_batches(
    task: Callable[[list[T]], list[R]],
    items: Sequence[T],
    state: object,
    jobs: int,
    *,
    inherit: bool = True,
) -> Iterator[Iterator[R]]:
    """`task(batch)` for batches of the items (see `map_batches`) started on up to `jobs`
    worker processes; the block runs meanwhile and reads the results, in order, from the
    iterator it is given.

    Leaving the block early (an error) cancels the tasks not yet started. Items too few
    for workers are done in this process, as the block reads their results.
    """
    with _started(task, task.__module__, MAX_CHUNK, items, state, jobs, inherit) as results:
        yield results


@contextlib.contextmanager
def _started(
    run: Callable[[list[T]], list[R]],
    module: str,
    batch: int,
    items: Sequence[T],
    state: object,
    jobs: int,
    inherit: bool,
) -> Iterator[Iterator[R]]:
    """`run(chunk)` for chunks of the items (of `batch` items in this process); `module`:
    where `run` is, imported once by the fork server."""
    workers = workers_for(len(items), jobs)
    if workers <= 1:
        yield _map_here(run, batch, items, state)
        return
    method = "fork" if inherit and threading.active_count() == 1 else "forkserver"
    context = multiprocessing.get_context(method)
    if method == "forkserver":
        # The server imports the task's module once; every worker forked from it has it.
        context.set_forkserver_preload([module])
    chunk = max(1, min(MAX_CHUNK, len(items) // (workers * 8)))
    # What forked workers inherit is set aside from the cycle collector before forking:
    # their collections neither walk it nor write to its pages, which would copy those
    # pages into every worker.
    if method == "fork":
        gc.freeze()
    pool = ProcessPoolExecutor(workers, mp_context=context, initializer=_install, initargs=(state,))
    feeder = _Feeder(pool, run, items, chunk, workers * CHUNKS_AHEAD)
    try:
        yield feeder.results()
    except BaseException:
        feeder.stop()
        pool.shutdown(wait=True, cancel_futures=True)
        raise
    else:
        feeder.stop()
        pool.shutdown(wait=True)
    finally:
        feeder.stop()
        if method == "fork":
            gc.unfreeze()


def _run_chunk(task: Callable[[T], R], chunk: list[T]) -> list[R]:
    return [task(item) for item in chunk]


class _Feeder(Generic[T, R]):
    """Sends the items to the pool chunk by chunk, at most `window` chunks not yet done,
    so that each item is made (when `items` makes them on access) and held only shortly
    before a worker needs it. The first chunks are sent from the calling thread (forked
    workers are started then, before any other thread exists), the others from a thread
    of this process, so the workers stay busy while the caller does something else."""

    def __init__(
        self,
        pool: ProcessPoolExecutor,
        run: Callable[[list[T]], list[R]],
        items: Sequence[T],
        chunk: int,
        window: int,
    ) -> None:
        self._pool, self._run, self._items, self._chunk = pool, run, items, chunk
        self._slots = threading.Semaphore(window)
        self._sent: queue.SimpleQueue[Future[list[R]] | None] = queue.SimpleQueue()
        self._stopping = threading.Event()
        starts = iter(range(0, len(items), chunk))
        for start in itertools.islice(starts, window):
            self._send(start)
        self._thread = threading.Thread(target=self._feed, args=(starts,), daemon=True)
        self._thread.start()

    def _send(self, start: int) -> None:
        self._slots.acquire()
        if self._stopping.is_set():
            return
        items = self._items
        chunk = [items[i] for i in range(start, min(start + self._chunk, len(items)))]
        future = self._pool.submit(self._run, chunk)
        future.add_done_callback(lambda _: self._slots.release())
        self._sent.put(future)

    def _feed(self, starts: Iterator[int]) -> None:
        try:
            for start in starts:
                self._send(start)
                if self._stopping.is_set():
                    break
        except BaseException as error:  # making an item or sending it failed: the reader
            failed: Future[list[R]] = Future()  # raises it in its turn
            failed.set_exception(error)
            self._sent.put(failed)
        finally:
            self._sent.put(None)

    def results(self) -> Iterator[R]:
        while (future := self._sent.get()) is not None:
            yield from future.result()

    def stop(self) -> None:
        self._stopping.set()
        self._slots.release()  # wakes the thread if it waits for a chunk to finish
        self._thread.join()


def _map_here(
    run: Callable[[list[T]], list[R]], batch: int, items: Sequence[T], state: object
) -> Iterator[R]:
    global _state
    previous, _state = _state, state
    try:
        for start in range(0, len(items), batch):
            yield from run([items[i] for i in range(start, min(start + batch, len(items)))])
    finally:
        _state = previous
