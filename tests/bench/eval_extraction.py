"""Score newsgen's article extraction on the real pages of ../shared/eval/extraction-dev.

    python tests/bench/eval_extraction.py [--eval DIR] [--out pred.jsonl] [--repeat N]

Runs the saved-page reader on every `html/<id>.html.gz`, writes `{"id", "body"}`
lines (the body paragraphs, subheads included, boilerplate left out) and runs
the set's own scorer (`score_extraction.py`), which prints precision, recall and
F1. Then it prints pages per second for newsgen and, in the same run on the same
pages, for trafilatura (installed only for this benchmark: `pip install
trafilatura`), by the wall clock and by this process's CPU time. The evaluation
pages belong to their publishers and stay outside the repository; without them
the script says so and exits cleanly.
"""

from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from newsgen.diagnostics import ContentError
from newsgen.readers import LoaderConfig
from newsgen.webpage.reader import read_webpage

DEFAULT_EVAL = Path(__file__).resolve().parents[3] / "shared" / "eval"


def load_pages(html_dir: Path) -> dict[str, bytes]:
    return {
        path.name.removesuffix(".html.gz"): gzip.decompress(path.read_bytes())
        for path in sorted(html_dir.glob("*.html.gz"))
    }


def extract_with_newsgen(page_id: str, data: bytes) -> str:
    try:
        loaded = read_webpage(Path(f"{page_id}.html"), data, LoaderConfig())
    except ContentError as error:
        print(f"  newsgen: {error}", file=sys.stderr)
        return ""
    return "\n\n".join(p.text for p in loaded.article.paragraphs)


def time_extractors(
    extractors: dict[str, Callable[[str, bytes], str]], pages: dict[str, bytes], repeat: int
) -> tuple[dict[str, dict[str, str]], dict[str, tuple[float, float]]]:
    """Bodies by extractor and page id, and each extractor's pages per second.

    Speeds are (wall clock, CPU time of this process): on a machine busy with
    other work the CPU figure moves less. The extractors take turns page by page
    (in alternating order), so a busy machine slows them alike; the best of
    `repeat` rounds is kept.
    """
    bodies: dict[str, dict[str, str]] = {name: {} for name in extractors}
    best_wall = dict.fromkeys(extractors, float("inf"))
    best_cpu = dict.fromkeys(extractors, float("inf"))
    names = list(extractors)
    for round_number in range(repeat):
        wall = dict.fromkeys(extractors, 0.0)
        cpu = dict.fromkeys(extractors, 0.0)
        for index, (page_id, data) in enumerate(pages.items()):
            order = names if (index + round_number) % 2 == 0 else names[::-1]
            for name in order:
                start_wall, start_cpu = time.perf_counter(), time.process_time()
                bodies[name][page_id] = extractors[name](page_id, data)
                cpu[name] += time.process_time() - start_cpu
                wall[name] += time.perf_counter() - start_wall
        best_wall = {name: min(best_wall[name], wall[name]) for name in names}
        best_cpu = {name: min(best_cpu[name], cpu[name]) for name in names}
    return bodies, {
        name: (len(pages) / best_wall[name], len(pages) / best_cpu[name]) for name in names
    }


def score(scorer: Path, bodies: dict[str, str], out: Path) -> None:
    with out.open("w", encoding="utf-8") as file:
        for page_id, body in bodies.items():
            file.write(json.dumps({"id": page_id, "body": body}, ensure_ascii=False) + "\n")
    subprocess.run([sys.executable, str(scorer), "--pred", str(out)], check=True)


def trafilatura_extractor() -> Callable[[str, bytes], str] | None:
    try:
        import trafilatura  # type: ignore[import-not-found, unused-ignore]
    except ImportError:
        return None

    def extract(page_id: str, data: bytes) -> str:
        return str(trafilatura.extract(data) or "")

    return extract


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval", type=Path, default=DEFAULT_EVAL, help="the eval folder")
    parser.add_argument("--out", type=Path, help="keep newsgen's predictions here")
    parser.add_argument("--repeat", type=int, default=1, help="timed runs (best is kept)")
    args = parser.parse_args(argv)

    html_dir = args.eval / "extraction-dev" / "html"
    scorer = args.eval / "score_extraction.py"
    if not html_dir.is_dir() or not scorer.is_file():
        print(f"skipped: no evaluation pages at {html_dir} (they are not part of the repository)")
        return 0
    pages = load_pages(html_dir)
    print(f"{len(pages)} pages from {html_dir}")

    extractors: dict[str, Callable[[str, bytes], str]] = {"newsgen": extract_with_newsgen}
    trafilatura = trafilatura_extractor()
    if trafilatura is None:
        print("trafilatura: not installed (pip install trafilatura), no comparison")
    else:
        extractors["trafilatura"] = trafilatura
    bodies, speeds = time_extractors(extractors, pages, args.repeat)
    with tempfile.TemporaryDirectory() as tmp:
        for name, found in bodies.items():
            print(f"\n{name}{' (default settings)' if name == 'trafilatura' else ''}:")
            out = args.out if name == "newsgen" and args.out else Path(tmp) / f"{name}.jsonl"
            score(scorer, found, out)
    print("\nspeed, same pages, same run, taking turns page by page (best round):")
    for name, (wall, cpu) in speeds.items():
        print(
            f"  {name:12} {wall:6.1f} pages/s ({1000 / wall:.1f} ms a page); "
            f"CPU time {cpu:6.1f} pages/s ({1000 / cpu:.1f} ms a page)"
        )
    if "trafilatura" in speeds:
        wall_ratio = speeds["newsgen"][0] / speeds["trafilatura"][0]
        cpu_ratio = speeds["newsgen"][1] / speeds["trafilatura"][1]
        print(f"  newsgen is {wall_ratio:.2f}x trafilatura's speed ({cpu_ratio:.2f}x in CPU time)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
