"""Bad input (issue 2, section 6): one clear error naming the file and line, nothing else."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from newsgen.diagnostics import ContentError
from newsgen.loader import load_article

INPUTS = Path(__file__).parent / "inputs"
GOOD = "Ferry fares rise in May\n\nFares rise by 5 percent, the operator said.\n"


@pytest.mark.parametrize(
    ("name", "data", "line", "message"),
    [
        ("empty.txt", b"", 1, "the file is empty"),
        ("blank.txt", b"\n  \n\t\n", 1, "the file is empty"),
        ("bom-only.md", b"\xef\xbb\xbf\n", 1, "the file is empty"),
        ("binary.txt", b"Headline\n\nBody\x00\x01\x02", 3, "binary, not text (NUL byte at offset"),
        (
            "windows-1252.txt",
            b"Headline\n\nThe mayor\x92s plan, he said.\n",
            3,
            "not UTF-8 text (byte 0x92 at offset 19); it looks like Windows-1252",
        ),
        ("latin-crlf.txt", b"Headline\r\n\r\nCaf\xe9\r\n", 3, "byte 0xe9 at offset 15"),
        ("utf16.txt", "Headline\n".encode("utf-16"), 1, "UTF-16"),
        (
            "long-first-line.txt",
            ("word " * 60 + "\n\nMore.\n").encode(),
            1,
            "no recognisable headline",
        ),
        (
            "front-only.md",
            b"---\ntags: [a]\n---\n\nJust a paragraph.\n",
            5,
            "no recognisable headline",
        ),
    ],
)
def test_bad_bytes_give_one_error_with_file_and_line(
    tmp_path: Path, name: str, data: bytes, line: int, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(ContentError) as caught:
        load_article(path)
    assert caught.value.location.path == path
    assert caught.value.location.line == line
    assert message in caught.value.diagnostic.message
    assert str(caught.value).startswith(f"{path}:{line}: ")


@pytest.mark.parametrize(
    ("name", "line", "message"),
    [
        ("text_without_headline.txt", 1, "no recognisable headline"),
        ("text_only_boilerplate.txt", 1, "no recognisable headline"),
        ("frontmatter_unclosed.md", 1, "never closed"),
        ("frontmatter_invalid_yaml.md", 4, "invalid front-matter YAML"),
        ("frontmatter_python_tag.md", 3, "tag '!!python/object/apply:os.system' is not allowed"),
        ("frontmatter_tags_not_a_list.md", 4, "'tags' must be a list"),
        ("frontmatter_date_not_a_date.md", 3, "'date' must be a date"),
        ("frontmatter_unsafe_slug.md", 3, "'slug' '../../etc/passwd' is not safe"),
    ],
)
def test_bad_fixtures(name: str, line: int | None, message: str) -> None:
    with pytest.raises(ContentError) as caught:
        load_article(INPUTS / name)
    assert caught.value.location == caught.value.diagnostic.location
    assert caught.value.location.path == INPUTS / name
    assert caught.value.location.line == line
    assert message in caught.value.diagnostic.message


def test_python_tag_is_refused_without_running_anything(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    path = tmp_path / "tagged.md"
    path.write_text(
        f"---\nheadline: x\nslug: !!python/object/apply:pathlib.Path.touch [{str(marker)!r}]\n"
        "---\n\nBody.\n",
        encoding="utf-8",
    )
    with pytest.raises(ContentError):
        load_article(path)
    assert not marker.exists()


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("bom.txt", b"\xef\xbb\xbf" + GOOD.encode()),
        ("windows.txt", GOOD.replace("\n", "\r\n").encode()),
        ("old-mac.txt", GOOD.replace("\n", "\r").encode()),
        ("bom-front-matter.txt", b"\xef\xbb\xbf---\r\ntags: [ferries]\r\n---\r\n" + GOOD.encode()),
    ],
)
def test_accepted_encodings_and_line_endings_load_the_same(
    tmp_path: Path, name: str, data: bytes
) -> None:
    reference = tmp_path / "reference.txt"
    reference.write_text(GOOD, encoding="utf-8")
    path = tmp_path / name
    path.write_bytes(data)
    article = load_article(path).article
    expected = load_article(reference).article
    assert article.headline == expected.headline == "Ferry fares rise in May"
    assert article.paragraphs == expected.paragraphs


def test_error_line_counts_crlf_and_front_matter(tmp_path: Path) -> None:
    path = tmp_path / "late-nul.md"
    path.write_bytes(b"---\r\nheadline: x\r\n---\r\n\r\nBody.\r\n\r\nMore\x00.\r\n")
    with pytest.raises(ContentError) as caught:
        load_article(path)
    assert caught.value.location.line == 7


@pytest.mark.parametrize("name", ["missing.txt", "photo.jpg"])
def test_missing_or_unknown_files(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    if name.endswith(".jpg"):
        path.write_bytes(b"\xff\xd8\xff")
    with pytest.raises(ContentError) as caught:
        load_article(path)
    assert caught.value.location.path == path


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("headline-only.txt", "Ferry fares rise in May\n"),
        ("front-matter-only.md", "---\nheadline: Ferry fares rise in May\n---\n"),
    ],
)
def test_an_article_without_body_loads_with_a_warning(tmp_path: Path, name: str, text: str) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    loaded = load_article(path)
    assert loaded.article.headline == "Ferry fares rise in May"
    assert loaded.article.paragraphs == ()
    assert [w.message for w in loaded.warnings] == ["the article has no body"]


@pytest.mark.parametrize(
    ("file_name", "slug"),
    [
        ("Ferry Fares.txt", "ferry-fares"),
        ("..txt", "ferry-fares-rise-in-may"),
        ("статья.txt", "ferry-fares-rise-in-may"),
        ("café-owners.txt", "cafe-owners"),
    ],
)
def test_slug_from_file_name_is_safe(tmp_path: Path, file_name: str, slug: str) -> None:
    path = tmp_path / file_name
    path.write_text(GOOD, encoding="utf-8")
    assert load_article(path).article.slug == slug


SPLICES = [b"---\n", b"\n\n", b"By ", b"\xe2\x80\x9c", b": ", b"[", b"!!python/object ", b"\r"]
SPLICES += [b"# ", b"<script>", b"&", b"\\", b"- ", b"1. ", b"date: 2025-02-30\n", b"? ", b"*a "]


@pytest.mark.parametrize("seed", range(4))
def test_damaged_files_load_or_fail_with_a_content_error(tmp_path: Path, seed: int) -> None:
    """Fixed-seed damage (cuts, inserted syntax, random bytes) never crashes the loader."""
    rng = random.Random(seed)
    sources = sorted(INPUTS.iterdir())
    for case in range(100):
        source = rng.choice(sources)
        data = bytearray(source.read_bytes())
        for _ in range(rng.randint(1, 6)):
            at = rng.randrange(len(data) + 1)
            choice = rng.random()
            if choice < 0.3:
                del data[at : at + rng.randint(1, 40)]
            elif choice < 0.7:
                data[at:at] = rng.choice(SPLICES)
            elif data:
                data[min(at, len(data) - 1)] = rng.randrange(256)
        path = tmp_path / f"case-{case}{source.suffix}"
        path.write_bytes(bytes(data))
        try:
            loaded = load_article(path)
        except ContentError as error:
            assert error.location.path == path
        else:
            assert loaded.article.headline.strip()
