"""`newsgen build` and `newsgen check` as a user runs them: messages, progress, exit code."""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import TextIO

from newsgen.builder import BuildReport, Progress, build_site
from newsgen.config import ConfigError, SiteConfig, load_config

PROGRESS_AFTER_SECONDS = 1.0


def run_build(
    site: Path, output: Path | None, *, strict: bool, quiet: bool, jobs: int | None = None
) -> int:
    config = _read_config(site, output)
    if config is None:
        return 1
    report = build_site(config, progress=_terminal_progress(quiet), jobs=jobs)
    return _finish(report, strict=strict, quiet=quiet, verb="built")


def run_check(site: Path, *, strict: bool, quiet: bool) -> int:
    config = _read_config(site, None)
    if config is None:
        return 1
    report = build_site(config, write=False, progress=_terminal_progress(quiet))
    return _finish(report, strict=strict, quiet=quiet, verb="checked")


def _read_config(site: Path, output: Path | None) -> SiteConfig | None:
    try:
        return load_config(site, output)
    except ConfigError as error:
        for diagnostic in error.diagnostics:
            print(diagnostic, file=sys.stderr)
        print(
            f"{len(error.diagnostics)} problem(s) in the site config; nothing built",
            file=sys.stderr,
        )
        return None


def _finish(report: BuildReport, *, strict: bool, quiet: bool, verb: str) -> int:
    for diagnostic in report.diagnostics:
        print(diagnostic, file=sys.stderr)
    failed = report.failed(strict)
    if not quiet or failed:
        where = f" into {report.output}" if report.written else ""
        summary = (
            f"{verb} {report.articles} articles, {report.pages} pages{where}; "
            f"{len(report.errors)} errors, {len(report.warnings)} warnings"
        )
        print(summary, file=sys.stderr if failed else sys.stdout)
    return 1 if failed else 0


def _terminal_progress(quiet: bool, stream: TextIO = sys.stderr) -> Progress | None:
    """A one-line progress display on a terminal, shown once a build takes a moment."""
    if quiet or not stream.isatty():
        return None
    started = time.monotonic()
    last = [0.0]

    def show(stage: str, done: int, total: int) -> None:
        now = time.monotonic()
        if now - started < PROGRESS_AFTER_SECONDS or (now - last[0] < 0.1 and done != total):
            return
        last[0] = now
        end = "\n" if done == total and stage == "pages" else ""
        stream.write(f"\r\x1b[K{stage}: {done}/{total}{end}")
        stream.flush()

    return show
