"""Which files of `content/` the loader reads."""

from __future__ import annotations

from pathlib import Path

from newsgen.fingerprint import hash_source, read_source
from newsgen.loader import READERS, find_content_files, load_article
from newsgen.readers import LoaderConfig


def test_find_content_files_by_suffix_skipping_hidden(tmp_path: Path) -> None:
    names = [
        "b.txt",
        "a.md",
        "sub/c.TXT",
        "notes.docx",
        ".#a.md",
        ".drafts/d.md",
        "sub/.hidden.txt",
        "image.jpg",
    ]
    for name in names:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x", "utf-8")
    found = [p.relative_to(tmp_path).as_posix() for p in find_content_files(tmp_path)]
    assert found == ["a.md", "b.txt", "sub/c.TXT"]


def test_every_text_suffix_has_a_reader() -> None:
    assert {".txt", ".md", ".markdown"} <= set(READERS)


def test_a_build_loads_the_very_bytes_it_hashed(tmp_path: Path) -> None:
    """The collection reads a file once: the bytes whose hash is cached are those loaded
    (an edit made after the read is a change the next build sees)."""
    path = tmp_path / "ferry.md"
    path.write_text("# Ferry fares rise\n\nThe fares rise in May.\n", "utf-8")
    digest, data = read_source(path)
    path.write_text("# Ferry fares fall\n\nThe fares fall in May.\n", "utf-8")
    assert digest != hash_source(path)
    assert data is not None
    assert load_article(path, LoaderConfig(), data).article.headline == "Ferry fares rise"
    assert load_article(path, LoaderConfig()).article.headline == "Ferry fares fall"


def test_a_file_gone_before_it_is_read_has_no_bytes(tmp_path: Path) -> None:
    assert read_source(tmp_path / "gone.md") == (hash_source(tmp_path / "gone.md"), None)
