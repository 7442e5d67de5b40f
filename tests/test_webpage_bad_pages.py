"""Pages newsgen cannot use get one clear message naming the file; the rest still load."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from newsgen.cli import main
from newsgen.diagnostics import ContentError
from newsgen.loader import load_article

PAGES = Path(__file__).parent / "pages"
ARTICLE = (PAGES / "drupal_node_article.html").read_bytes()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "the file is empty"),
        (b"  \n\t\n", "the file is empty"),
        (gzip.compress(ARTICLE), "binary data, not a web page"),
        (bytes(range(256)) * 40, "binary data, not a web page"),
        (json.dumps({"headline": "Not a page", "body": ["a", "b"]}).encode(), "JSON data"),
        (b"[1, 2, 3]", "JSON data"),
        (
            b"Council approves tram line\n\nThe council voted on Tuesday to build it.\n",
            "no HTML markup: this looks like plain text saved as .html",
        ),
        ((PAGES / "section_front_no_article.html").read_bytes(), "no article found"),
        ((PAGES / "login_page_no_article.html").read_bytes(), "no article found"),
        (b"<html><head><title>Empty</title></head><body></body></html>", "no article found"),
    ],
    ids=[
        "empty",
        "blank",
        "gzip",
        "binary",
        "json-object",
        "json-list",
        "plain-text",
        "section-front",
        "login-page",
        "empty-body",
    ],
)
def test_bad_page_is_one_clear_error_naming_the_file(
    tmp_path: Path, data: bytes, message: str
) -> None:
    path = tmp_path / "saved.html"
    path.write_bytes(data)
    with pytest.raises(ContentError) as caught:
        load_article(path)
    assert message in str(caught.value)
    assert str(caught.value).startswith(str(path))


MALFORMED = [
    # unclosed paragraphs and inline elements, stray end tags
    b"<html><head><title>Tram vote</title><body><div class=story><p>The council voted 7-2 on "
    b"<b>Tuesday to build a tram line across the river, ending years of debate.<p>The first "
    b"trams will run in 2027, the transport office said in a statement on its website.</i></span>"
    b"<p>Opponents said they would ask the courts to look again at the decision this month.",
    # a page cut off in the middle of a tag
    b"<!doctype html><title>Tram vote</title><article><p>The council voted 7-2 on Tuesday to "
    b"build a tram line across the river, ending years of debate.</p><p>The first trams will run "
    b"in 2027, the transport office said in a statement on its website.</p><p>Opponents said they"
    b' would ask the courts to look again at the decision this month.</p><div class="sha',
    # thousands of unclosed nested elements
    b"<html><title>Tram vote</title><body>" + b"<div><span>" * 5000 + b"<p>The council voted 7-2"
    b" on Tuesday to build a tram line across the river, ending years of debate.</p><p>The first "
    b"trams will run in 2027, the transport office said in a statement on its website.</p><p>"
    b"Opponents said they would ask the courts to look again at the decision this month.</p>",
]


@pytest.mark.parametrize("data", MALFORMED, ids=["unclosed", "truncated", "deeply-nested"])
def test_malformed_markup_is_repaired_like_a_browser_would(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "tram.html"
    path.write_bytes(data)
    article = load_article(path).article
    assert article.headline == "Tram vote"
    assert [p.text.split()[:2] for p in article.paragraphs] == [
        ["The", "council"],
        ["The", "first"],
        ["Opponents", "said"],
    ]


def test_a_20_mb_page_is_refused_quickly_with_a_message(tmp_path: Path) -> None:
    # Generated here, never committed: 20 MB of markup, as a runaway export might produce.
    row = b"<div class='row'><a href='/x'>Link text</a> <span>cell</span></div>\n"
    path = tmp_path / "huge.html"
    path.write_bytes(
        b"<html><head><title>Huge</title></head><body>" + row * (20_000_000 // len(row))
    )
    with pytest.raises(ContentError, match="too large"):
        load_article(path)


def test_a_page_with_20_mb_of_inline_script_still_loads(tmp_path: Path) -> None:
    script = b"<script>window.__STATE__=" + b'"' + b"x" * 20_000_000 + b'";</script>'
    path = tmp_path / "scripted.html"
    path.write_bytes(script + ARTICLE)
    assert load_article(path).article.headline.startswith("Library extends")


def test_other_pages_still_build_when_one_is_bad(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "good.html").write_bytes(ARTICLE)
    (tmp_path / "bad.html").write_bytes(b"\x00\x01\x02 not a page" * 100)
    (tmp_path / "front.htm").write_bytes((PAGES / "section_front_no_article.html").read_bytes())
    code = main(["parse", "--format", "json", *(str(p) for p in sorted(tmp_path.iterdir()))])
    out, err = capsys.readouterr()
    assert code == 1
    assert [json.loads(line)["headline"] for line in out.splitlines()] == [
        "Library extends opening hours after two-year campaign"
    ]
    assert f"{tmp_path / 'bad.html'}: binary data" in err
    assert f"{tmp_path / 'front.htm'}: no article found" in err
