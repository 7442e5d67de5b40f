"""The `newsgen` command line."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from newsgen.config import ConfigError, load_config
from newsgen.diagnostics import ContentError
from newsgen.readers import LoaderConfig

# The loader, the analysis and the importer are imported by the commands that use them:
# `newsgen build` with nothing to rebuild must not wait for their patterns to compile.


def _loader_config(site: Path) -> LoaderConfig | None:
    """The loader settings of `site/newsgen.yaml` (defaults without one); None if it is bad."""
    try:
        return load_config(site).loader
    except ConfigError as error:
        for diagnostic in error.diagnostics:
            print(diagnostic, file=sys.stderr)
        return None


def _parse(args: argparse.Namespace) -> int:
    from newsgen.analysis import analyse_article
    from newsgen.article import AnalysedArticle
    from newsgen.loader import load_article
    from newsgen.record import article_record, format_record

    config = _loader_config(args.site)
    if config is None:
        return 1
    failed = False
    for path in args.paths:
        try:
            loaded = load_article(path, config)
        except ContentError as error:
            print(error, file=sys.stderr)
            failed = True
            continue
        for warning in loaded.warnings:
            print(warning, file=sys.stderr)
        analysed = AnalysedArticle(loaded.article, analyse_article(loaded.article))
        print(format_record(article_record(analysed), args.format))
    return 1 if failed else 0


def _import(args: argparse.Namespace) -> int:
    from newsgen.importer import import_article

    config = _loader_config(args.site)
    if config is None:
        return 1
    failed = False
    written: set[Path] = set()
    for path in args.paths:
        try:
            target, warnings = import_article(
                path, args.to, force=args.force, config=config, written=written
            )
        except ContentError as error:
            print(error, file=sys.stderr)
            failed = True
            continue
        for warning in warnings:
            print(warning, file=sys.stderr)
        print(f"{path} -> {target}")
    return 1 if failed else 0


def _build(args: argparse.Namespace) -> int:
    from newsgen.commands import run_build

    return run_build(args.site, args.output, strict=args.strict, quiet=args.quiet, jobs=args.jobs)


def _check(args: argparse.Namespace) -> int:
    from newsgen.commands import run_check

    return run_check(args.site, strict=args.strict, quiet=args.quiet)


def _serve(args: argparse.Namespace) -> int:
    from newsgen.server import serve_site

    return serve_site(args.site, args.output, port=args.port)


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newsgen", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    parse = commands.add_parser("parse", help="print the structured article of each file")
    parse.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    parse.add_argument("--format", choices=("yaml", "json"), default="yaml")
    parse.set_defaults(run=_parse)

    imports = commands.add_parser(
        "import", help="write each article as Markdown with front-matter, for review"
    )
    imports.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    imports.add_argument("--to", type=Path, default=Path("content"), help="default: content/")
    imports.add_argument("--force", action="store_true", help="replace existing files")
    imports.set_defaults(run=_import)
    for command in (parse, imports):
        command.add_argument(
            "--site", type=Path, default=Path(), help="whose newsgen.yaml to use (default: .)"
        )

    build = commands.add_parser("build", help="build the site into its output folder")
    check = commands.add_parser("check", help="validate the content, write nothing")
    serve = commands.add_parser("serve", help="serve the site on 127.0.0.1, rebuild on changes")
    for command in (build, check, serve):
        command.add_argument("--site", type=Path, default=Path(), help="default: this folder")
    for command in (build, serve):
        command.add_argument("--output", type=Path, help="default: <site>/public")
    for command in (build, check):
        command.add_argument("--strict", action="store_true", help="warnings fail too")
        command.add_argument("--quiet", action="store_true", help="print problems only")
    build.add_argument(
        "--jobs", type=int, metavar="N", help="worker processes (default: every core)"
    )
    serve.add_argument("--port", type=int, default=8000)
    build.set_defaults(run=_build)
    check.set_defaults(run=_check)
    serve.set_defaults(run=_serve)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = make_parser().parse_args(argv)
    code: int = args.run(args)
    return code


if __name__ == "__main__":
    sys.exit(main())
