"""The golden site: a small content folder built and compared with committed output."""

from __future__ import annotations

import difflib
import shutil
from pathlib import Path

from newsgen.builder import ArticleStages, build_site
from newsgen.config import load_config

GOLDEN = Path(__file__).parent / "golden"
IGNORED = ("static/",)  # theme assets: checked for presence only, not content


def normalize(text: str) -> list[str]:
    """Lines without trailing spaces, blank lines dropped: layout noise is not a change."""
    return [line.rstrip() for line in text.splitlines() if line.strip()]


def read_tree(root: Path) -> dict[str, list[str]]:
    return {
        path.relative_to(root).as_posix(): normalize(path.read_text(encoding="utf-8"))
        for path in sorted(root.rglob("*"))
        if path.is_file() and not path.relative_to(root).as_posix().startswith(IGNORED)
    }


def describe_differences(expected: dict[str, list[str]], actual: dict[str, list[str]]) -> str:
    lines: list[str] = []
    for name in sorted(expected.keys() - actual.keys()):
        lines.append(f"missing from the build: {name}")
    for name in sorted(actual.keys() - expected.keys()):
        lines.append(f"new in the build: {name}")
    for name in sorted(expected.keys() & actual.keys()):
        lines.extend(
            difflib.unified_diff(
                expected[name], actual[name], f"expected/{name}", f"built/{name}", lineterm=""
            )
        )
    return "\n".join(lines)


def test_golden_site(tmp_path: Path, cast_stages: ArticleStages, regen_golden: bool) -> None:
    site = tmp_path / "site"
    shutil.copytree(GOLDEN / "site", site)
    report = build_site(load_config(site), stages=cast_stages)
    assert report.diagnostics == ()
    built = site / "public"
    assert (built / "static" / "style.css").is_file()
    expected_dir = GOLDEN / "expected"
    if regen_golden:
        shutil.rmtree(expected_dir, ignore_errors=True)
        shutil.copytree(built, expected_dir, ignore=shutil.ignore_patterns("static"))
    differences = describe_differences(read_tree(expected_dir), read_tree(built))
    assert not differences, (
        "the built site differs from tests/golden/expected "
        "(if intended: pytest tests/test_build_golden.py --regen-golden)\n" + differences
    )
