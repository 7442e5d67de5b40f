"""Score newsgen's article extraction on the real pages of ../shared/eval/extraction-dev.

    python tests/bench/eval_extraction.py [--eval DIR] [--out pred.jsonl] [--repeat N]

Runs the saved-page reader on every `html/<id>.html.gz`, writes `{"id", "body"}`
lines (the body paragraphs, subheads included, boilerplate left out) and runs
the set's own scorer (`score_extraction.py`), which prints precision, recall and
F1. Then it prints pages per second for newsgen and, in the same run on the same
pages, for trafilatura (installed only for this benchmark: `pip install
trafilatura`). The evaluation pages belong to their publishers and stay outside
the repository; without them the script says so and exits cleanly.
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


def time_extractor(
    extract: Callable[[str, bytes], str], pages: dict[str, bytes], repeat: int
) -> tuple[dict[str, str], float]:
    """Bodies by page id, and the best pages-per-second figure over `repeat` runs."""
    bodies: dict[str, str] = {}
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        bodies = {page_id: extract(page_id, data) for page_id, data in pages.items()}
        best = min(best, time.perf_counter() - start)
    return bodies, len(pages) / best


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

    with tempfile.TemporaryDirectory() as tmp:
        bodies, newsgen_speed = time_extractor(extract_with_newsgen, pages, args.repeat)
        print("\nnewsgen:")
        score(scorer, bodies, args.out or Path(tmp) / "newsgen.jsonl")

        trafilatura = trafilatura_extractor()
        trafilatura_speed = None
        if trafilatura is None:
            print("\ntrafilatura: not installed (pip install trafilatura), no comparison")
        else:
            other, trafilatura_speed = time_extractor(trafilatura, pages, args.repeat)
            print("\ntrafilatura (default settings):")
            score(scorer, other, Path(tmp) / "trafilatura.jsonl")

    print(f"\nspeed, same pages, same run: newsgen {newsgen_speed:.1f} pages/s", end="")
    if trafilatura_speed is not None:
        ratio = newsgen_speed / trafilatura_speed
        print(f", trafilatura {trafilatura_speed:.1f} pages/s ({ratio:.2f}x)")
    else:
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
