"""A saved page is read in the character set it declares, or that its bytes show."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgen.loader import load_article
from newsgen.webpage.charset import codec_for_label, decode_page

BODY = (
    "<p>{text} The mayor said the café on the quay would reopen next week after repairs.</p>"
    "<p>Its owner said she was grateful to the neighbours who had helped clear the mud.</p>"
    "<p>The council will pay for part of the work from its flood fund, officials said.</p>"
)


def page(head: str, text: str, body: str = BODY) -> str:
    title = "<title>Flood café reopens</title>"
    return f"<html><head>{head}{title}</head><body>{body.format(text=text)}</body></html>"


JAPANESE = (
    "<p>{text}は来週から営業を再開すると市長が述べた。"
    "店主は泥の片付けを手伝った近所の人たちに感謝していると話した。</p>"
)


@pytest.mark.parametrize(
    ("label", "codec"),
    [
        ("utf-8", "utf-8"),
        ("UTF8", "utf-8"),
        ("iso-8859-1", "cp1252"),  # browsers read Latin-1 labels as windows-1252
        ("latin1", "cp1252"),
        ("us-ascii", "cp1252"),
        ("windows-1252", "cp1252"),
        ("Shift_JIS", "cp932"),
        ("euc-jp", "euc_jp"),
        ("gb2312", "gb18030"),
        ("koi8-r", "koi8-r"),
        ("utf-16", "utf-8"),  # a declaration readable as ASCII cannot mean UTF-16
        ("no-such-charset", None),
    ],
)
def test_charset_labels_map_as_browsers_map_them(label: str, codec: str | None) -> None:
    assert codec_for_label(label) == codec


@pytest.mark.parametrize(
    ("data", "encoding", "text"),
    [
        (
            page('<meta charset="windows-1252">', "Caf\u00e9 \u2014 \u201cok\u201d").encode(
                "cp1252"
            ),
            "cp1252",
            "Café — “ok”",
        ),
        (
            page(
                '<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">',
                "Caf\u00e9",
            ).encode("cp1252"),
            "cp1252",
            "Café",
        ),
        (
            ('<?xml version="1.0" encoding="iso-8859-15"?>' + page("", "\u20ac5")).encode(
                "iso-8859-15"
            ),
            "iso8859-15",
            "€5",
        ),
        (
            page('<meta charset="shift_jis">', "東京のカフェ", JAPANESE)
            .replace("café", "cafe")
            .encode("cp932"),
            "cp932",
            "東京のカフェ",
        ),
        (b"\xef\xbb\xbf" + page("", "Caf\u00e9").encode("utf-8"), "utf-8", "Café"),
        (b"\xff\xfe" + page("", "Caf\u00e9").encode("utf-16-le"), "utf-16-le", "Café"),
        (page("", "Caf\u00e9").encode("utf-16-be"), "utf-16-be", "Café"),  # no BOM
        (page("", "Caf\u00e9 \u2014").encode("utf-8"), "utf-8", "Café —"),  # no declaration
        (page("", "Caf\u00e9").encode("cp1252"), "cp1252", "Café"),  # no declaration, not UTF-8
    ],
    ids=[
        "meta-charset-windows-1252",
        "http-equiv-latin1",
        "xml-declaration",
        "meta-charset-shift-jis",
        "utf8-bom",
        "utf16le-bom",
        "utf16be-sniffed",
        "sniffed-utf8",
        "sniffed-legacy",
    ],
)
def test_pages_decode_in_their_charset(data: bytes, encoding: str, text: str) -> None:
    decoded = decode_page(data)
    assert decoded.encoding == encoding
    assert text in decoded.text


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (page('<meta charset="utf-8">', "Caf\u00e9").encode("cp1252"), "first at byte"),
        (page('<meta charset="x-klingon">', "plain"), "unknown charset 'x-klingon'"),
    ],
    ids=["declared-utf8-but-latin1", "unknown-label"],
)
def test_charset_guesses_are_reported(data: bytes | str, problem: str) -> None:
    raw = data.encode("utf-8") if isinstance(data, str) else data
    decoded = decode_page(raw)
    assert any(problem in note for note in decoded.problems), decoded.problems


def test_legacy_encoded_page_loads_with_its_accents(tmp_path: Path) -> None:
    path = tmp_path / "cafe.html"
    path.write_bytes(
        page('<meta charset="windows-1252">', "\u201cWe are back,\u201d she said.").encode("cp1252")
    )
    loaded = load_article(path)
    assert loaded.article.headline == "Flood café reopens"
    assert loaded.article.paragraphs[0].text.startswith("“We are back,” she said. The mayor")
    assert "café on the quay" in loaded.article.paragraphs[0].text
    assert loaded.warnings == ()
