"""Time loading and attributing a typical article: 800 words, five quotes.

    python tests/bench/bench_analysis.py [--runs N] [--warm]
    python tests/bench/bench_analysis.py --corpus FOLDER

Prints the median, best and 90th-percentile time of `load_article` +
`analyse_article` on one core, and the median CPU time (steadier on a busy
machine); the article is written by this script. The quote engine's caches are
emptied before each run unless `--warm` is given: the same article read 500
times would otherwise find every name already read.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

from newsgen.analysis import analyse_article
from newsgen.loader import load_article
from newsgen.quotes import forget_readings

_FILLER = (
    "The harbour board met for three hours on Tuesday evening in the old customs hall, "
    "where residents, fishermen and shop owners filled every seat and lined the walls. "
    "Members reviewed engineering reports, insurance estimates and a survey of the "
    "breakwater that was damaged in the February storms, and they heard from the "
    "contractors who had inspected the pilings over the winter."
)

_QUOTES = [
    "“We cannot keep patching a wall that the sea has already beaten twice,” "
    "harbour master Tom Greer said after the vote.",
    "Greer said the repairs would be “the largest public works project in the town\u2019s "
    "history,” and that crews would start in April.",
    "“The question is not whether we pay, but how,” said Ada Moreno, an economist with "
    "the Coastal Policy Institute.",
    "“Every year of delay adds to the bill,” Moreno added.",
    "Council member Susan Hale was less certain. “I have not seen a cost estimate I "
    "believe,” she said.",
    "A spokesman for the regional ministry said the government would review the request.",
]


def build_article() -> str:
    """A plain-text article of about 800 words with five quotations."""
    paragraphs = ["Harbour board votes to rebuild storm-damaged breakwater", "By Jane Porter"]
    for i in range(12):
        paragraphs.append(_FILLER)
        if i < len(_QUOTES):
            paragraphs.append(_QUOTES[i])
    return "\n\n".join(paragraphs) + "\n"


def time_corpus(folder: Path) -> int:
    """CPU time of `load_article` and of `analyse_article` per file of `folder`."""
    paths = sorted(path for path in folder.iterdir() if path.is_file())
    if not paths:
        print(f"no files in {folder}")
        return 1
    load = analyse = 0.0
    for path in paths:
        begin = time.process_time()
        article = load_article(path).article
        middle = time.process_time()
        analyse_article(article)
        load, analyse = load + middle - begin, analyse + time.process_time() - middle
    count = len(paths)
    print(
        f"{count} files of {folder}: CPU load {load:.2f} s + analyse {analyse:.2f} s "
        f"= {load + analyse:.2f} s; per article {load / count * 1000:.3f} + "
        f"{analyse / count * 1000:.3f} = {(load + analyse) / count * 1000:.3f} ms"
    )
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=500)
    parser.add_argument(
        "--warm",
        action="store_true",
        help="keep the quote engine's caches of names and speaker phrases between runs "
        "(by default they are emptied, so every run reads the article as if it were new)",
    )
    parser.add_argument(
        "--corpus",
        type=Path,
        help="instead, load and analyse every file of this folder once, in name order, "
        "as a build does (caches kept), and print the CPU time per article of each stage "
        "(e.g. the content folder of `tests/bench/corpus.py OUT --formats newsgen`)",
    )
    args = parser.parse_args(argv)
    if args.corpus is not None:
        return time_corpus(args.corpus)
    text = build_article()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "harbour.txt"
        path.write_text(text, encoding="utf-8")
        article = load_article(path).article
        analysis = analyse_article(article)
        timings, cpu = [], []
        for _ in range(args.runs):
            if not args.warm:
                forget_readings()
            begin, begin_cpu = time.perf_counter(), time.process_time()
            analyse_article(load_article(path).article)
            timings.append(time.perf_counter() - begin)
            cpu.append(time.process_time() - begin_cpu)
    timings.sort()
    words = len(text.split())
    shape = f"{len(article.paragraphs)} paragraphs, {len(analysis.quotes)} quotes"
    print(f"article: {words} words, {shape}")
    caches = "warm caches" if args.warm else "caches emptied before each run"
    print(
        f"load_article + analyse_article over {args.runs} runs ({caches}): "
        f"median {statistics.median(timings) * 1000:.3f} ms, best {timings[0] * 1000:.3f} ms, "
        f"p90 {timings[int(len(timings) * 0.9)] * 1000:.3f} ms; "
        f"CPU median {statistics.median(cpu) * 1000:.3f} ms"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
