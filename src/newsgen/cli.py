"""The `newsgen` command line."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from newsgen.analysis import analyse_article
from newsgen.article import AnalysedArticle
from newsgen.diagnostics import ContentError
from newsgen.loader import find_content_files, load_article
from newsgen.record import article_record


def _parse(args: argparse.Namespace) -> int:
    failed = False
    for path in args.paths:
        try:
            loaded = load_article(path)
        except ContentError as error:
            print(error, file=sys.stderr)
            failed = True
            continue
        for warning in loaded.warnings:
            print(warning, file=sys.stderr)
        analysed = AnalysedArticle(loaded.article, analyse_article(loaded.article))
        print(json.dumps(article_record(analysed), ensure_ascii=False))
    return 1 if failed else 0


def _build(args: argparse.Namespace) -> int:
    content = args.site / "content"
    failed = 0
    files = find_content_files(content)
    for path in files:
        try:
            loaded = load_article(path)
        except ContentError as error:
            print(error, file=sys.stderr)
            failed += 1
            continue
        print(f"{path}: {loaded.article.headline}")
    print(f"{len(files) - failed} articles loaded, {failed} failed")
    return 1 if failed else 0


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newsgen", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    parse = commands.add_parser("parse", help="print the structured article of each file")
    parse.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    parse.add_argument("--format", choices=("yaml", "json"), default="yaml")
    parse.set_defaults(run=_parse)

    build = commands.add_parser("build", help="build the site")
    build.add_argument("--site", type=Path, default=Path())
    build.set_defaults(run=_build)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = make_parser().parse_args(argv)
    code: int = args.run(args)
    return code


if __name__ == "__main__":
    sys.exit(main())
