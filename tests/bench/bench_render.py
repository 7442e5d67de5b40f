"""Render benchmark: CPU milliseconds per page, by kind of page, rendering only.

    python tests/bench/bench_render.py [--articles 1000] [--repeat 3] [--work DIR]
                                       [--profile FILE]

Generates the synthetic corpus (`tests/bench/corpus.py`), builds it once in this
process with one job, and keeps every page's spec, the site index and the whole
articles the pages read. Then renders every page again `--repeat` times with
`render_page` (articles already in memory: no cache reads) and prints, per kind of
page, the pages, the CPU milliseconds per page (process time, the best of the
repeats) and the share of the total. `--profile FILE` writes a cProfile of one more
pass over every page.
"""

from __future__ import annotations

import argparse
import cProfile
import dataclasses
import shutil
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus  # the corpus generator beside this script
import newsgen.page_tasks
from newsgen.builder import build_site
from newsgen.config import load_config
from newsgen.pages import PageSpec, ReadArticle
from newsgen.placement import PlacedArticle
from newsgen.renderer import make_environment, render_page
from newsgen.site import Site

SITE_CONFIG = Path(__file__).resolve().parent / "peers" / "newsgen" / "newsgen.yaml"


Captured = list[tuple[PageSpec, Site]]


def capture_pages(site_dir: Path, output: Path) -> tuple[Captured, dict[str, Any]]:
    """Build the site with one job, keeping each rendered spec with the site it was
    rendered with (an article page's knows only the articles it shows) and each article
    read."""
    specs: Captured = []
    articles: dict[str, PlacedArticle] = {}
    render = newsgen.page_tasks.render_page

    def keep(env: Any, spec: PageSpec, site: Site, read: ReadArticle) -> Any:
        def remember(slug: str) -> PlacedArticle:
            if slug not in articles:
                articles[slug] = read(slug)
            return articles[slug]

        # Without the search memo: it reads the build's cache, closed after the build.
        specs.append((spec, dataclasses.replace(site, search=None)))
        return render(env, spec, site, remember)

    newsgen.page_tasks.render_page = keep  # type: ignore[assignment]
    try:
        report = build_site(load_config(site_dir, output), jobs=1)
    finally:
        newsgen.page_tasks.render_page = render
    if report.failed():
        raise SystemExit("\n".join(str(d) for d in report.errors))
    return specs, articles


def time_pages(
    site_dir: Path, output: Path, specs: Captured, articles: dict[str, Any]
) -> dict[str, float]:
    """CPU seconds spent rendering each kind of page, one pass over every page."""
    env = make_environment(load_config(site_dir, output))
    spent: dict[str, float] = defaultdict(float)
    for spec, site in specs:
        start = time.process_time()
        data = render_page(env, spec, site, articles.__getitem__).data
        if not isinstance(data, bytes):  # a page given in pieces renders as they are read
            b"".join(data)
        spent[spec.kind.value] += time.process_time() - start
    return spent


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--work", type=Path, help="scratch folder (default: a temporary one)")
    parser.add_argument("--profile", type=Path, help="write a cProfile of one pass here")
    args = parser.parse_args(argv)
    work = args.work or Path(tempfile.mkdtemp(prefix="newsgen-bench-render-"))
    root = work / "corpus"
    site_dir = root / "newsgen"
    output = work / "out"
    content = site_dir / "content"
    if not content.is_dir() or len(list(content.iterdir())) != args.articles:
        shutil.rmtree(root, ignore_errors=True)
        corpus.write_corpus(root, args.articles, formats=["newsgen"])
    shutil.copy(SITE_CONFIG, site_dir / "newsgen.yaml")
    shutil.rmtree(output, ignore_errors=True)
    shutil.rmtree(site_dir / ".newsgen-cache", ignore_errors=True)
    specs, articles = capture_pages(site_dir, output)

    counts: dict[str, int] = defaultdict(int)
    for spec, _ in specs:
        counts[spec.kind.value] += 1
    best: dict[str, float] = {}
    for _ in range(args.repeat):
        for kind, seconds in time_pages(site_dir, output, specs, articles).items():
            best[kind] = min(best.get(kind, seconds), seconds)
    if args.profile:
        profiler = cProfile.Profile()
        profiler.runcall(time_pages, site_dir, output, specs, articles)
        profiler.dump_stats(args.profile)

    total = sum(best.values())
    print(f"{args.articles} articles, {len(specs)} pages, best of {args.repeat} passes (CPU)")
    print(f"{'kind':<14}{'pages':>7}{'ms/page':>10}{'total s':>9}{'share':>7}")
    for kind, seconds in sorted(best.items(), key=lambda item: -item[1]):
        share = seconds / total if total else 0.0
        per_page = seconds / counts[kind] * 1000
        print(f"{kind:<14}{counts[kind]:>7}{per_page:>10.3f}{seconds:>9.3f}{share:>7.1%}")
    print(f"{'all':<14}{len(specs):>7}{total / len(specs) * 1000:>10.3f}{total:>9.3f}")
    if not args.work:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
