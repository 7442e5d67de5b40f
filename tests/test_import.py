"""`newsgen import`: the Markdown it writes loads back to the same article and analysis."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from newsgen.analysis import analyse_article
from newsgen.article import Article, BlockKind, Paragraph
from newsgen.diagnostics import ContentError
from newsgen.importer import escape_markdown, import_article, markdown_of, write_file_atomically
from newsgen.loader import load_article
from newsgen.readers.markdown import markdown_blocks

ROOT = Path(__file__).parent.parent
INPUTS = Path(__file__).parent / "inputs"
# Where the article came from, and the corrections import adds, are meant to differ.
NOT_COMPARED = {"source", "speaker_corrections", "quote_corrections"}
SOURCES = [
    ROOT / "content" / "us-russia-syria-military-talks.txt",
    INPUTS / "reuters_wire_with_dateline_and_editing_credits.txt",
    INPUTS / "ap_story_with_photo_caption_and_contributor.txt",
    INPUTS / "bbc_story_with_outlet_line_under_byline.txt",
    INPUTS / "guardian_story_with_bare_name_byline.txt",
    INPUTS / "text_hard_wrapped_at_72_columns.txt",
    INPUTS / "frontmatter_overrides_text.txt",
    INPUTS / "markdown_blocks_and_raw_html.md",
]


def comparable(article: Article) -> dict[str, object]:
    return {
        f.name: getattr(article, f.name)
        for f in dataclasses.fields(article)
        if f.name not in NOT_COMPARED
    }


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: getattr(p, "name", None))
def test_import_then_load_gives_the_same_article_and_analysis(tmp_path: Path, source: Path) -> None:
    original = load_article(source).article
    target, _ = import_article(source, tmp_path)
    assert target == tmp_path / f"{original.slug}.md"
    reloaded = load_article(target)
    assert reloaded.warnings == ()
    assert comparable(reloaded.article) == comparable(original)
    assert analyse_article(reloaded.article) == analyse_article(original)


def test_imported_front_matter_lists_what_an_editor_reviews(tmp_path: Path) -> None:
    target, _ = import_article(ROOT / "content" / "us-russia-syria-military-talks.txt", tmp_path)
    text = target.read_text("utf-8")
    front = text.split("\n---\n", 1)[0]
    for key in (
        "headline:", "kicker:", "dek:", "byline:", "contributors:", "photo_credit:",
        "dateline:", "date:", "tags:", "slug:", "boilerplate:", "speakers:", "quotes:",
    ):  # fmt: skip
        assert f"\n{key}" in front
    assert "- Find Al Jazeera America on your TV" in front
    assert "Sign up for our weekly newsletter" not in text.split("\n---\n", 1)[1]


TRICKY = [
    "Plain text stays plain.",
    "Two spaces after a full stop.  Kept as written.",
    "Stars *like this* and __underscores__ and `ticks`.",
    "Brackets [1] and a fake [link](http://example.org).",
    "A <b>tag</b>, an entity &amp; and AT&T.",
    "1984. That was the year.",
    "3) A list marker.",
    "# Not a heading",
    "> Not a quote",
    "- Not a list",
    "+ Not a list either",
    "--- dashes",
    "A back\\slash and a trailing one\\",
    "\u201cCurly,\u201d she said \u2014 and\u00a0no-break spaces.",
    "Emphasis_in_words and snake_case",
    "<!-- not a comment -->",
    "<script>alert(1)</script>",
]


@pytest.mark.parametrize("text", TRICKY)
@pytest.mark.parametrize("kind", list(BlockKind))
def test_markdown_escaping_round_trips(text: str, kind: BlockKind) -> None:
    blocks = markdown_blocks(markdown_of(Paragraph(text, kind)))
    assert [p for _, p in blocks] == [Paragraph(text, kind)]


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("Plain.", "Plain."),
        ("*a*", "\\*a\\*"),
        ("1984. Then", "1984\\. Then"),
        ("# x", "\\# x"),
        ("a < b & c", "a &lt; b &amp; c"),
    ],
)
def test_escape_markdown(text: str, escaped: str) -> None:
    assert escape_markdown(text) == escaped


def test_write_refuses_an_existing_file_and_leaves_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "story.md"
    write_file_atomically(target, "first", force=False)
    with pytest.raises(ContentError, match="already exists"):
        write_file_atomically(target, "second", force=False)
    write_file_atomically(target, "third", force=True)
    assert target.read_text("utf-8") == "third"
    assert [p.name for p in tmp_path.iterdir()] == ["story.md"]


def test_two_sources_with_one_slug_never_overwrite_each_other(tmp_path: Path) -> None:
    sources = tmp_path / "in"
    sources.mkdir()
    for folder in ("a", "b"):
        (sources / folder).mkdir()
        (sources / folder / "same-name.txt").write_text(
            f"Headline {folder}\n\nBody {folder}.\n", "utf-8"
        )
    written: set[Path] = set()
    out = tmp_path / "out"
    import_article(sources / "a" / "same-name.txt", out, force=True, written=written)
    with pytest.raises(ContentError, match="same slug"):
        import_article(sources / "b" / "same-name.txt", out, force=True, written=written)
    assert "Headline a" in (out / "same-name.md").read_text("utf-8")
