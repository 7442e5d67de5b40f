"""Which files of `content/` the loader reads."""

from __future__ import annotations

from pathlib import Path

from newsgen.loader import READERS, find_content_files


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
