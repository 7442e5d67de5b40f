"""Which of newsgen's modules the install compiled (mypyc, see pyproject.toml), and
whether they still match their source: Python imports an extension module in place of
the `.py` beside it, so a stale one would be tested instead of the code."""

from __future__ import annotations

import tomllib
from pathlib import Path

import newsgen

PACKAGE = Path(newsgen.__file__).parent
PROJECT = PACKAGE.parents[1]  # (in an editable install: the repository)


def compiled_modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.so"))


def listed_sources() -> set[Path] | None:
    """The modules pyproject.toml lists for mypyc (None: not an editable install's tree)."""
    pyproject = PROJECT / "pyproject.toml"
    if not pyproject.is_file():
        return None
    build = tomllib.loads(pyproject.read_text(encoding="utf-8"))["tool"]["hatch"]["build"]
    settings = build["targets"]["wheel"]["hooks"]["mypyc"]
    listed: set[Path] = set()
    for entry in settings["include"]:
        path = PROJECT / entry
        listed.update(path.rglob("*.py") if path.is_dir() else [path])
    excluded = settings.get("exclude", [])
    return {
        path
        for path in listed
        if path.name not in excluded and path.relative_to(PROJECT).as_posix() not in excluded
    }


def stale_compiled_modules() -> list[Path]:
    """The sources edited since the extension module beside them was built, or no
    longer listed to be compiled."""
    listed = listed_sources()
    stale = []
    for compiled in compiled_modules():
        source = compiled.with_name(compiled.name.split(".")[0] + ".py")
        if not source.exists():
            continue
        if source.stat().st_mtime > compiled.stat().st_mtime or (
            listed is not None and source not in listed
        ):
            stale.append(source)
    return stale
