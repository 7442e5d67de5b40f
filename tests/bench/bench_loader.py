"""Time the loader alone, and check on real news that segmentation never drops quoted text.

    python tests/bench/bench_loader.py [--runs N] [--eval ../shared/eval/quotes-dev.jsonl]

Prints the median time of `load_article` (read, decode, front-matter, segment,
boilerplate) per file on the project's own articles. When the annotated eval set
is present it also loads each of its articles and prints how many gold quotes
are still whole in the loaded headline and paragraphs (a loader that eats a body
paragraph as a dek, byline or boilerplate loses them) and how often each head
field was found. The eval texts are read from `../shared/eval`, never copied;
without them that part is skipped.
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from collections import Counter
from pathlib import Path

from newsgen.loader import find_content_files, load_article

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_EVAL = ROOT.parent / "shared" / "eval" / "quotes-dev.jsonl"


def time_loading(paths: list[Path], runs: int) -> list[float]:
    """The median seconds of `load_article` for each of `paths`."""
    medians = []
    for path in paths:
        samples = []
        for _ in range(runs):
            start = time.perf_counter()
            load_article(path)
            samples.append(time.perf_counter() - start)
        medians.append(statistics.median(samples))
    return medians


def check_eval(eval_path: Path, runs: int) -> None:
    records = [json.loads(line) for line in eval_path.read_text("utf-8").splitlines() if line]
    kept = total = 0
    fields: Counter[str] = Counter()
    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for number, record in enumerate(records):
            path = Path(folder) / f"article-{number}.txt"
            path.write_text(record["text"], "utf-8")
            paths.append(path)
            article = load_article(path).article
            text = "\n".join([article.headline, *(p.text for p in article.paragraphs)])
            for quote in record["quotes"]:
                pieces = [p.strip(' "\u201c\u201d.,') for p in quote["text"].split("\u2026")]
                total += 1
                kept += all(p in text for p in pieces if len(p) > 3)
            for field in ("kicker", "dek", "byline", "contributors", "dateline", "date"):
                fields[field] += bool(getattr(article, field))
            fields["boilerplate lines"] += len(article.boilerplate)
        medians = time_loading(paths, runs)
    print(f"eval: {len(records)} articles, gold quotes kept whole {kept}/{total}")
    print("eval: head fields found: " + ", ".join(f"{k} {v}" for k, v in fields.items()))
    print(f"eval: load_article median {statistics.median(medians) * 1e3:.3f} ms per article")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--eval", type=Path, default=DEFAULT_EVAL)
    args = parser.parse_args()
    own = find_content_files(ROOT / "content") + find_content_files(ROOT / "tests" / "articles")
    medians = time_loading(own, args.runs)
    print(
        f"own articles: {len(own)} files, load_article median "
        f"{statistics.median(medians) * 1e3:.3f} ms, slowest {max(medians) * 1e3:.3f} ms"
    )
    if args.eval.exists():
        check_eval(args.eval, max(1, args.runs // 4))
    else:
        print(f"eval: {args.eval} not found, skipped")


if __name__ == "__main__":
    main()
