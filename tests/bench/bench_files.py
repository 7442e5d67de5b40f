"""The machine's own cost of writing a site: a folder and a page for each of N articles,
made once, then deleted and made again at once (as a benchmark's second cold build does
after removing the first one's output).

    python tests/bench/bench_files.py [--files 10000] [--work DIR]

Prints the CPU seconds (user and system) of each pass. On this project's machines (ext4)
making files right after deleting as many costs several times more system time than the
first pass: the file system looks past the inodes it freed moments ago. A cold build
that follows the removal of an earlier output pays that too, whatever writes it.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

PAGE = b"<!DOCTYPE html>" + b"x" * 17_000  # about an article page


def make_pages(root: Path, count: int) -> float:
    """CPU seconds to make `count` folders under `root`, each with an index.html."""
    start = time.process_time()
    for number in range(count):
        folder = root / "articles" / f"an-article-slug-of-some-length-{number:06d}"
        folder.mkdir(parents=True)
        (folder / "index.html").write_bytes(PAGE)
    return time.process_time() - start


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=10_000)
    parser.add_argument("--work", type=Path, help="scratch folder (default: a temporary one)")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="newsgen-bench-files-", dir=args.work))
    try:
        first = make_pages(work / "first", args.files)
        shutil.rmtree(work / "first")
        again = make_pages(work / "again", args.files)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"{args.files} folders and pages, CPU seconds (user+system):")
    print(f"  made:                                 {first:6.2f} s")
    print(f"  made again after deleting the first: {again:6.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
