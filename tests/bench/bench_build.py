"""Build benchmark: newsgen against Pelican and Hugo on the same synthetic corpus.

    python tests/bench/bench_build.py [--articles 10000] [--peers pelican,hugo]
                                      [--install-peers] [--work DIR] [--repeat N]
                                      [--newsgen-at REV] [--profile] [--json FILE]

Generates the corpus (`tests/bench/corpus.py`) into a scratch folder (a file already
holding its article is kept as it is), then measures for each generator, the generators
taking turns at each step (a change in the host's speed weighs on them alike; a fixed
Python loop timed before and after the runs shows how much it moved):

- cold build: output and caches set aside first (renamed; deleted once every build is
  timed, since making files just after deleting as many is slow here: `SetAside`);
- no-op rebuild: the same command again, nothing changed;
- one-edit rebuild: the newest article gets a corrected sentence, then the command again;
- for newsgen only, the rebuilds after the other changes editors make (`CHANGES`): a
  corrected headline, a corrected quote (a speaker's words), an added article (newer
  than all, so every home page changes) and that article deleted again;
- peak memory: the largest of the build's own peak RSS (`wait4` rusage, which covers
  every descendant it waited for) and the sampled sum of PSS over its live process tree
  (so that a build with worker processes is counted whole).

and prints a table with the ratios newsgen/peer (below 1 means newsgen is faster or
smaller), and what each generator wrote (article, home, tag pages, feed entries) so that
one can see the sites are the same. The peers are not newsgen dependencies:
`--install-peers` puts Pelican in a virtualenv and Hugo (Debian's package, unpacked
with `dpkg -x`, nothing installed system-wide) into `WORK/peers/`. Their settings
and themes are in `tests/bench/peers/`. `--newsgen-at HEAD` measures newsgen as
committed rather than the (shared, possibly half-edited) work tree.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import platform
import pstats
import re
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from peers.generators import (
    INSTALLERS,
    PEERS,
    REPO_DIR,
    Generator,
    make_newsgen,
    make_peer,
)

import corpus  # the corpus generator beside this script

PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


# --- measuring one command ----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Run:
    """One timed command: wall and CPU seconds, peak memory, how it ended."""

    seconds: float
    cpu_seconds: float
    peak_mb: float
    exit_code: int
    log: str


def _children_of() -> dict[int, list[int]]:
    """Every live process's children, from /proc (the kernel here has no `children` file)."""
    children: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry.name}/stat").read_bytes()
        except OSError:  # the process ended while we looked: it has no children to count
            continue
        parent = int(stat.rsplit(b")", 1)[1].split()[1])
        children.setdefault(parent, []).append(int(entry.name))
    return children


def _own_cpu_seconds(pid: int) -> float:
    """User and system CPU seconds of `pid` itself (not its children), 0 if it ended."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_bytes()
    except OSError:
        return 0.0
    fields = stat.rsplit(b")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS


def _pss_bytes(pid: int) -> int:
    """Proportional set size of `pid` (shared pages split between sharers), 0 if it ended."""
    try:
        rollup = Path(f"/proc/{pid}/smaps_rollup").read_bytes()
    except OSError:  # ended, or a kernel without smaps_rollup: fall back to RSS
        try:
            return int(Path(f"/proc/{pid}/statm").read_bytes().split()[1]) * PAGE_SIZE
        except OSError:
            return 0
    found = re.search(rb"^Pss:\s+(\d+) kB", rollup, flags=re.M)
    return int(found[1]) * 1024 if found else 0


@dataclass(slots=True)
class _TreeSampler:
    """Samples the summed PSS of a process and its descendants until stopped.

    Light on purpose (it shares the cores with the build): PSS every `interval`
    seconds, the list of descendants looked up again every `rescan` samples.

    It also keeps the CPU seconds of the processes below the root's children, as last
    sampled: their parent is not the build (newsgen's render workers are started by a
    fork server), so the build's `wait4` rusage does not count them. The time each ran
    after its last sample is missed (a fraction of a second).
    """

    root: int
    interval: float = 0.1
    rescan: int = 5
    peak: int = 0
    stop: threading.Event = field(default_factory=threading.Event)
    deep: list[int] = field(default_factory=list)  # below the root's children
    unreaped_cpu: dict[int, float] = field(default_factory=dict)

    def tree(self) -> list[int]:
        found, todo = [], [self.root]
        children = _children_of()
        while todo:
            pid = todo.pop()
            found.append(pid)
            todo.extend(children.get(pid, ()))
        near = {self.root, *children.get(self.root, ())}
        self.deep = [pid for pid in found if pid not in near]
        return found

    def sample(self) -> None:
        tree, count, pause = [self.root], 0, self.interval
        while not self.stop.wait(pause):
            started = time.perf_counter()
            if count % self.rescan == 0:
                tree = self.tree()
            count += 1
            self.peak = max(self.peak, sum(_pss_bytes(pid) for pid in tree))
            for pid in self.deep:
                self.unreaped_cpu[pid] = max(self.unreaped_cpu.get(pid, 0.0), _own_cpu_seconds(pid))
            # Reading PSS walks the page tables: for gigabyte processes a sample takes tens
            # of milliseconds, so wait at least four times that (at most a fifth of a core).
            pause = max(self.interval, 4 * (time.perf_counter() - started))


def run_measured(command: Sequence[str], log_path: Path, env: dict[str, str] | None = None) -> Run:
    """Run `command` in a fresh process and measure it; its output goes to `log_path`."""
    with log_path.open("wb") as log:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=env)
        sampler = _TreeSampler(process.pid)
        thread = threading.Thread(target=sampler.sample, daemon=True)
        thread.start()
        # wait4 instead of Popen.wait: its rusage covers the child and what it waited for.
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        sampler.stop.set()
        thread.join()
    process.returncode = os.waitstatus_to_exitcode(status)
    peak = max(usage.ru_maxrss * 1024, sampler.peak)
    text = log_path.read_text("utf-8", errors="replace")
    return Run(
        seconds=seconds,
        cpu_seconds=usage.ru_utime + usage.ru_stime + sum(sampler.unreaped_cpu.values()),
        peak_mb=peak / 1e6,
        exit_code=process.returncode,
        log=text[-2000:],
    )


# --- the benchmark --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SiteShape:
    """What a build wrote, to check that every generator made the same site."""

    article_pages: int
    home_pages: int
    tag_pages: int
    feed_entries: int
    files: int
    megabytes: float


def measure_site(output: Path) -> SiteShape:
    files = [p for p in output.rglob("*") if p.is_file()] if output.exists() else []
    feed = output / "feed.xml"
    return SiteShape(
        article_pages=len(list(output.glob("articles/*/index.html"))),
        # page/1/ is only a redirect to the home page (Hugo writes one).
        home_pages=int((output / "index.html").exists())
        + len([p for p in output.glob("page/*/index.html") if p.parent.name not in ("1",)]),
        tag_pages=len(list(output.glob("tags/*/index.html"))),
        feed_entries=feed.read_text("utf-8").count("<entry") if feed.exists() else 0,
        files=len(files),
        megabytes=sum(p.stat().st_size for p in files) / 1e6,
    )


@dataclass(frozen=True, slots=True)
class Result:
    name: str
    version: str
    cold: Run
    noop: Run
    edit: Run
    site: SiteShape
    changes: tuple[tuple[str, Run], ...] = ()  # newsgen: (change, median run) of `CHANGES`


def _median_run(runs: Sequence[Run]) -> Run:
    """The run with the median time (its memory with it); a failed run wins, to be seen."""
    failed = [r for r in runs if r.exit_code != 0]
    if failed:
        return failed[0]
    ordered = sorted(runs, key=lambda r: r.seconds)
    return ordered[(len(ordered) - 1) // 2]


class SetAside:
    """Where the outputs and caches of earlier builds go before a cold build: renamed into
    a folder of the scratch folder, deleted once every build is timed. This machine's
    file system (ext4 without a journal) skips the inodes freed in the last minute or
    more when it makes a file, so a build that follows the deletion of a site spends
    seconds of system time on it (`bench_files.py`: making 10,000 folders and pages took
    ~1 s fresh and ~5 s right after deleting as many). Renaming frees no inode."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._count = 0

    def put(self, paths: Sequence[Path]) -> None:
        for path in paths:
            if path.exists() or path.is_symlink():
                self.folder.mkdir(parents=True, exist_ok=True)
                self._count += 1
                path.rename(self.folder / f"{self._count}-{path.name}")

    def empty(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


# The rebuilds after an editor's change that show in the second table (newsgen only), each
# measured like the one-edit rebuild: the change and its undoing alternate, the median kept.
CHANGES = ("headline corrected", "quote corrected", "article added", "article deleted")


def bench_changes(
    run: Callable[[str, int], Run],
    work: Path,
    original: corpus.SyntheticArticle,
    added: corpus.SyntheticArticle,
    repeat: int,
) -> tuple[tuple[str, Run], ...]:
    """The rebuild after each of `CHANGES`, `repeat` times (the median run of each)."""
    root = work / "corpus"
    runs: dict[str, list[Run]] = {name: [] for name in CHANGES}
    for name, corrected in (
        ("headline corrected", corpus.correct_headline(original)),
        ("quote corrected", corpus.correct_quote(original)),
    ):
        for index in range(repeat):
            corpus.write_article(root, corrected if index % 2 == 0 else original, ["newsgen"])
            runs[name].append(run(name.split()[0], index))
        corpus.write_article(root, original, ["newsgen"])
        if repeat % 2:  # back to the original, unmeasured
            run(f"{name.split()[0]}-undo", repeat)
    new_file = corpus.article_path(root, "newsgen", added)
    for index in range(repeat):
        corpus.write_article(root, added, ["newsgen"])
        runs["article added"].append(run("add", index))
        new_file.unlink()
        runs["article deleted"].append(run("delete", index))
    return tuple((name, _median_run(runs[name])) for name in CHANGES)


def bench_generators(
    generators: Sequence[Generator],
    work: Path,
    original: corpus.SyntheticArticle,
    repeat: int,
    aside: SetAside,
    added: corpus.SyntheticArticle | None = None,
) -> list[Result]:
    """Cold, no-op and one-edit builds of every generator, each `repeat` times; the
    generators take turns at each step (newsgen, the peers, newsgen again...), so that a
    change in the host's speed during the run weighs on all of them alike."""
    logs = work / "logs"
    logs.mkdir(exist_ok=True)
    edited = corpus.edit_article(original)

    def run(generator: Generator, step: str, index: int) -> Run:
        result = run_measured(
            generator.command, logs / f"{generator.name}-{step}-{index}.log", generator.env
        )
        mark = "" if result.exit_code == 0 else f" (exit {result.exit_code})"
        print(
            f"  {generator.name:8} {step:13} {result.seconds:7.2f} s "
            f"({result.cpu_seconds:6.2f} s CPU) {result.peak_mb:6.0f} MB{mark}",
            flush=True,
        )
        return result

    colds: dict[str, list[Run]] = {g.name: [] for g in generators}
    noops: dict[str, list[Run]] = {g.name: [] for g in generators}
    edits: dict[str, list[Run]] = {g.name: [] for g in generators}
    for index in range(repeat):
        for generator in generators:
            aside.put(generator.stale())
            colds[generator.name].append(run(generator, "cold", index))
    sites = {g.name: measure_site(g.output) for g in generators}
    for index in range(repeat):
        for generator in generators:
            noops[generator.name].append(run(generator, "no-op", index))
    for index in range(repeat):
        # Alternate the corrected and the original text so that every run sees an edit.
        version = edited if index % 2 == 0 else original
        for generator in generators:
            corpus.write_article(work / "corpus", version, [generator.name])
            edits[generator.name].append(run(generator, "edit", index))
    results = []
    for generator in generators:
        corpus.write_article(work / "corpus", original, [generator.name])
        if repeat % 2:  # the corrected text is in the site: build the original, unmeasured
            run(generator, "edit-undo", repeat)
        changes: tuple[tuple[str, Run], ...] = ()
        if generator.name == "newsgen" and added is not None:
            changes = bench_changes(
                functools.partial(run, generator), work, original, added, repeat
            )
        results.append(
            Result(
                name=generator.name,
                version=generator.version,
                cold=_median_run(colds[generator.name]),
                noop=_median_run(noops[generator.name]),
                edit=_median_run(edits[generator.name]),
                site=sites[generator.name],
                changes=changes,
            )
        )
    return results


def host_probe() -> float:
    """CPU seconds a fixed Python loop takes (the best of three): compared before and
    after the runs, it shows how much the host's speed moved meanwhile."""
    best = float("inf")
    for _ in range(3):
        started = time.process_time()
        total = 0
        for number in range(2_000_000):
            total += number % 7
        best = min(best, time.process_time() - started)
    return best


# --- the report -----------------------------------------------------------------------------


def _peak(result: Result) -> float:
    return max(result.cold.peak_mb, result.noop.peak_mb, result.edit.peak_mb)


def _aligned(rows: Sequence[Sequence[str]]) -> str:
    """Rows as a plain-text table: the first column left-aligned, the others right."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return "\n".join(
        "  ".join(
            cell.ljust(w) if i == 0 else cell.rjust(w)
            for i, (cell, w) in enumerate(zip(row, widths, strict=True))
        ).rstrip()
        for row in rows
    )


def _ratio(a: float, b: float) -> str:
    return f"{a / b:.2f}x" if b > 0 else "-"


def _time_rows(results: Sequence[Result], cpu: bool) -> list[tuple[str, ...]]:
    """A row per generator and a row of ratios per peer, in wall or CPU seconds."""

    def seconds(run: Run) -> float:
        return run.cpu_seconds if cpu else run.seconds

    def cell(run: Run) -> str:
        return f"{seconds(run):.2f} s" if run.exit_code == 0 else f"failed ({run.exit_code})"

    rows: list[tuple[str, ...]] = []
    for r in results:
        memory = "" if cpu else f"{_peak(r):.0f} MB"
        rows.append((f"{r.name} {r.version}", cell(r.cold), cell(r.noop), cell(r.edit), memory))
    base = next((r for r in results if r.name == "newsgen"), None)
    for peer in results:
        if base is None or peer is base:
            continue
        pairs = ((base.cold, peer.cold), (base.noop, peer.noop), (base.edit, peer.edit))
        cells = [
            _ratio(seconds(n), seconds(p)) if n.exit_code == 0 and p.exit_code == 0 else "-"
            for n, p in pairs
        ]
        memory = "" if cpu else _ratio(_peak(base), _peak(peer))
        rows.append((f"newsgen / {peer.name}", *cells, memory))
    return rows


def format_table(results: Sequence[Result]) -> str:
    """Wall time and memory, CPU time, and what each generator built, with the ratios."""
    rows: list[tuple[str, ...]] = [
        ("wall time", "cold build", "no-op rebuild", "one-edit rebuild", "peak memory"),
        *_time_rows(results, cpu=False),
        ("",) * 5,
        ("CPU time (user+sys)", "cold build", "no-op rebuild", "one-edit rebuild", ""),
        *_time_rows(results, cpu=True),
        ("",) * 5,
        ("what was built", "article pages", "home pages", "tag pages", "feed entries"),
    ]
    for r in results:
        site = r.site
        rows.append(
            (
                f"{r.name} ({site.files} files, {site.megabytes:.0f} MB)",
                str(site.article_pages),
                str(site.home_pages),
                str(site.tag_pages),
                str(site.feed_entries),
            )
        )
    return _aligned(rows)


def format_changes(result: Result) -> str:
    """The second table: newsgen's rebuild after each of `CHANGES`, wall and CPU."""
    rows = [("rebuild after", "wall time", "CPU time (user+sys)", "peak memory")]
    for name, run in result.changes:
        if run.exit_code:
            rows.append((name, f"failed ({run.exit_code})", "", ""))
        else:
            cells = (f"{run.seconds:.2f} s", f"{run.cpu_seconds:.2f} s", f"{run.peak_mb:.0f} MB")
            rows.append((name, *cells))
    return _aligned(rows)


@dataclass(frozen=True, slots=True)
class Target:
    """What issue 5 asks of newsgen at a corpus size (seconds, megabytes)."""

    cold: float
    edit: float | None
    noop: float | None
    memory: float


TARGETS = {10_000: Target(15, 1, 0.5, 300), 100_000: Target(180, None, None, 1000)}


def format_targets(result: Result, target: Target) -> str:
    peak = max(result.cold.peak_mb, result.noop.peak_mb, result.edit.peak_mb)
    checks = [
        ("cold build", result.cold.seconds, target.cold, "s"),
        ("one-edit rebuild", result.edit.seconds, target.edit, "s"),
        ("no-op rebuild", result.noop.seconds, target.noop, "s"),
        ("peak memory", peak, target.memory, "MB"),
    ]
    lines = []
    for name, got, wanted, unit in checks:
        if wanted is None:
            continue
        verdict = "met" if got <= wanted else "MISSED"
        lines.append(f"  {name:17} at most {wanted:g} {unit}: {got:.2f} {unit} ({verdict})")
    return "\n".join(lines)


def profile_newsgen(
    generator: Generator, work: Path, newest: corpus.SyntheticArticle, aside: SetAside
) -> None:
    """cProfile of a cold build and of a one-edit rebuild, the top functions of each.

    With `--jobs 1` where newsgen has it, so that the work done in worker processes
    shows in the profile instead of the main process waiting for them.
    """
    command = list(generator.command)
    build = command[command.index("build") :]
    help_text = subprocess.run(
        [sys.executable, "-m", "newsgen.cli", "build", "--help"],
        capture_output=True,
        text=True,
        env=generator.env,
        check=False,
    ).stdout
    if "--jobs" in help_text:
        build += ["--jobs", "1"]
    for step in ("cold", "edit"):
        if step == "cold":
            aside.put(generator.stale())
        else:
            corpus.write_article(work / "corpus", corpus.edit_article(newest), ["newsgen"])
        profile = work / "logs" / f"newsgen-{step}.prof"
        profiled = [sys.executable, "-m", "cProfile", "-o", str(profile), "-m", "newsgen.cli"]
        log = profile.with_suffix(".log")
        run = run_measured([*profiled, *build], log, generator.env)
        print(
            f"\nprofile of newsgen's {step} build ({' '.join(build[-2:])}; "
            f"{run.seconds:.1f} s under cProfile, exit {run.exit_code}), saved in {profile}:"
        )
        stats = pstats.Stats(str(profile))
        stats.sort_stats("cumulative").print_stats(r"/newsgen/", 30)
        stats.sort_stats("tottime").print_stats(15)
    corpus.write_article(work / "corpus", newest, ["newsgen"])


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--peers", default=",".join(PEERS), help="comma-separated: pelican,hugo (or none)"
    )
    parser.add_argument(
        "--install-peers", action="store_true", help="install missing peers into WORK/peers/"
    )
    parser.add_argument(
        "--work", type=Path, default=Path("/tmp/newsgen-bench"), help="scratch folder"
    )
    parser.add_argument("--repeat", type=int, default=1, help="runs of each step; the median")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument(
        "--newsgen-at",
        metavar="REV",
        help="measure newsgen as committed at REV (e.g. HEAD), not the work tree as it is",
    )
    parser.add_argument(
        "--profile", action="store_true", help="then profile newsgen's cold and one-edit builds"
    )
    args = parser.parse_args(argv)
    peers = [p for p in args.peers.split(",") if p and p != "none"]
    unknown = [p for p in peers if p not in PEERS]
    if unknown:
        parser.error(f"unknown peer(s) {', '.join(unknown)}; known: {', '.join(PEERS)}")
    work: Path = args.work.resolve()
    if REPO_DIR in (work, *work.parents):
        parser.error(f"--work {work} is inside the repository; use a scratch folder")
    work.mkdir(parents=True, exist_ok=True)

    if args.install_peers:
        for name in peers:
            INSTALLERS[name](work / "peers")

    aside = SetAside(work / "set-aside")
    aside.empty()  # (left by a run that was stopped)
    aside.put([work / "out", work / "cache"])
    formats = ["newsgen", *peers]
    summary = corpus.write_corpus(work / "corpus", args.articles, args.seed, formats, reuse=True)
    print(
        f"corpus: {summary.articles} articles, {summary.words / max(summary.articles, 1):.0f} "
        f"words and {summary.quotes / max(summary.articles, 1):.1f} quotes each on average, "
        f"ready in {summary.seconds:.1f} s (written, or found as written) in {work / 'corpus'}",
        flush=True,
    )
    newest = corpus.make_article(args.articles - 1, args.seed)
    added = corpus.make_article(args.articles, args.seed)  # newer than every article

    generators = [make_newsgen(work, args.newsgen_at)]
    for name in peers:
        peer = make_peer(name, work)
        if peer is None:
            print(f"{name}: not found (pass --install-peers to put it in {work / 'peers'})")
        else:
            generators.append(peer)

    probe_before = host_probe()
    results = bench_generators(generators, work, newest, max(args.repeat, 1), aside, added)
    probe_after = host_probe()
    for result in results:
        runs = (result.cold, result.noop, result.edit, *(run for _, run in result.changes))
        failed = [run for run in runs if run.exit_code]
        if failed:
            print(f"{result.name} failed; the end of its output:\n{failed[0].log}")

    print()
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(
        f"{args.articles} articles, seed {args.seed}, {os.cpu_count()} cores "
        f"(load average now {load}: other work on the machine slows the wall times), "
        f"Python {platform.python_version()}, newsgen at {generators[0].version}; "
        f"median of {max(args.repeat, 1)} run(s), the generators taking turns; "
        f"ratio < 1: newsgen is faster or smaller; host probe (a fixed Python loop) "
        f"{probe_before:.3f} s before the runs and {probe_after:.3f} s after"
    )
    print(format_table(results))
    if results[0].changes:
        print(f"\nnewsgen, the other changes editors make (median of {max(args.repeat, 1)}):")
        print(format_changes(results[0]))
    target = TARGETS.get(args.articles)
    if target is not None and results[0].name == "newsgen":
        print(f"\nissue 5's targets for newsgen at {args.articles} articles:")
        print(format_targets(results[0], target))
    if args.profile:
        profile_newsgen(generators[0], work, newest, aside)
    aside.empty()  # every build timed: the set-aside outputs can go
    if args.json:
        args.json.write_text(json.dumps([asdict(r) for r in results], indent=2), "utf-8")
    every_run = [r for x in results for r in (x.cold, x.noop, x.edit, *(c for _, c in x.changes))]
    return 1 if any(run.exit_code for run in every_run) else 0


if __name__ == "__main__":
    sys.exit(main())
