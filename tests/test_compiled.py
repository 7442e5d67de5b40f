"""The modules the install compiles (mypyc, see pyproject.toml) behave as their Python
source: the same articles build the same site, byte for byte, either way."""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from compiled import PACKAGE, compiled_modules

TESTS = Path(__file__).parent

# Runs `newsgen` with every module of the package imported from its `.py` file, the
# compiled one beside it ignored.
FROM_SOURCE = textwrap.dedent(
    """
    import importlib.machinery as machinery
    import sys
    from pathlib import Path

    package = Path(sys.argv[1]).resolve()

    def sources_only(folder):
        if not Path(folder).resolve().is_relative_to(package):
            raise ImportError(folder)  # (other folders: the usual finder)
        return machinery.FileFinder(
            folder, (machinery.SourceFileLoader, machinery.SOURCE_SUFFIXES)
        )

    sys.path_hooks.insert(0, sources_only)
    sys.path_importer_cache.clear()
    import newsgen.quotes.cast
    assert newsgen.quotes.cast.__file__.endswith(".py"), newsgen.quotes.cast.__file__
    from newsgen.cli import main
    sys.exit(main(sys.argv[2:]))
    """
)


def make_site(root: Path) -> Path:
    """Every wire-style test article (raw text and Markdown) and the golden site's."""
    content = root / "content"
    content.mkdir(parents=True)
    for article in sorted(TESTS.glob("articles/*")):
        if article.suffix in (".txt", ".md"):
            shutil.copy(article, content)
    for article in sorted((TESTS / "golden" / "site" / "content").iterdir()):
        shutil.copy(article, content)
    (root / "newsgen.yaml").write_text("title: Wire Desk\npage_size: 5\n", encoding="utf-8")
    return root


def tree(root: Path) -> dict[str, bytes]:
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


@pytest.mark.skipif(not compiled_modules(), reason="newsgen is installed as plain Python")
def test_compiled_and_source_modules_build_the_same_site(tmp_path: Path) -> None:
    compiled_site = make_site(tmp_path / "compiled")
    source_site = make_site(tmp_path / "source")
    build = ["build", "--quiet", "--site"]
    subprocess.run([sys.executable, "-m", "newsgen.cli", *build, str(compiled_site)], check=True)
    subprocess.run(
        [sys.executable, "-c", FROM_SOURCE, str(PACKAGE), *build, str(source_site)],
        check=True,
    )
    compiled, source = tree(compiled_site / "public"), tree(source_site / "public")
    assert len(compiled) > 40  # every article's page, its speakers', the lists
    assert compiled.keys() == source.keys()
    differing = [name for name in compiled if compiled[name] != source[name]]
    assert differing == []
