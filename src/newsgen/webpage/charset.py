"""The character set of a saved page: what it declares, else what its bytes say.

The order follows what browsers do: a byte-order mark wins, then a declaration
near the top of the page (`<meta charset>`, the `http-equiv` form, an XML
declaration), then a sniff of the bytes (UTF-8 if they are valid UTF-8, else
windows-1252, the web's legacy default). Labels are mapped as browsers map them:
"iso-8859-1" and "ascii" mean windows-1252, "shift_jis" means its Windows
superset, and so on.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

# How far into the page a declaration is looked for. Browsers look at 1024 bytes;
# saved pages often carry long comments or inline styles first, so look further.
DECLARATION_WINDOW = 8192

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_META_CHARSET = re.compile(rb"<meta\b[^>]*?\bcharset\s*=\s*[\"']?\s*([a-zA-Z0-9_.:-]+)", re.I)
_XML_DECLARATION = re.compile(rb"^\s*<\?xml\b[^>]*?\bencoding\s*=\s*[\"']([a-zA-Z0-9_.:-]+)", re.I)

# Labels whose browser meaning differs from Python's codec of the same name.
_BROWSER_LABELS: dict[str, str] = {
    "iso-8859-1": "cp1252",
    "iso8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "l1": "cp1252",
    "ascii": "cp1252",
    "us-ascii": "cp1252",
    "iso-8859-9": "cp1254",
    "latin5": "cp1254",
    "tis-620": "cp874",
    "iso-8859-11": "cp874",
    "shift_jis": "cp932",
    "shift-jis": "cp932",
    "sjis": "cp932",
    "x-sjis": "cp932",
    "ms_kanji": "cp932",
    "windows-31j": "cp932",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "euc-kr": "cp949",
    "ks_c_5601-1987": "cp949",
    "big5": "big5hkscs",
    "x-user-defined": "cp1252",
}


@dataclass(frozen=True, slots=True)
class DecodedPage:
    """A page's text and how it was read. `problems` are notes for the editor."""

    text: str
    encoding: str
    problems: tuple[str, ...] = ()


def codec_for_label(label: str) -> str | None:
    """The Python codec a browser would use for a charset label, or None if unknown."""
    name = label.strip().strip("\"'").lower()
    if name in _BROWSER_LABELS:
        return _BROWSER_LABELS[name]
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        return None
    # A page read as bytes cannot declare itself UTF-16: its declaration was readable
    # as ASCII, so browsers treat the label as UTF-8.
    return "utf-8" if codec.startswith("utf-16") or codec.startswith("utf-32") else codec


def find_declared_charset(data: bytes) -> str | None:
    """The label the page declares in its first bytes, if any."""
    head = data[:DECLARATION_WINDOW]
    xml = _XML_DECLARATION.match(head)
    if xml:
        return xml.group(1).decode("ascii")
    meta = _META_CHARSET.search(head)
    if meta:
        return meta.group(1).decode("ascii")
    return None


def looks_like_utf16(data: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when ASCII markup is interleaved with NUL bytes."""
    sample = data[:512]
    if len(sample) < 8:
        return None
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = len(sample) // 2
    if odd_nuls > 0.8 * half and even_nuls < 0.1 * half:
        return "utf-16-le"
    if even_nuls > 0.8 * half and odd_nuls < 0.1 * half:
        return "utf-16-be"
    return None


def decode_page(data: bytes) -> DecodedPage:
    """Decode a saved page the way a browser would, noting any guess or bad byte."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _decode(data[len(bom) :], codec, ())
    utf16 = looks_like_utf16(data)
    if utf16:
        return _decode(data, utf16, ())
    label = find_declared_charset(data)
    if label is not None:
        declared = codec_for_label(label)
        if declared is not None:
            return _decode(data, declared, ())
        problem = f"unknown charset {label!r} declared; "
    else:
        problem = ""
    try:
        return DecodedPage(
            data.decode("utf-8"), "utf-8", (problem + "read as UTF-8",) if problem else ()
        )
    except UnicodeDecodeError:
        return _decode(data, "cp1252", (problem + "no valid charset: read as windows-1252",))


def _decode(data: bytes, codec: str, problems: tuple[str, ...]) -> DecodedPage:
    try:
        return DecodedPage(data.decode(codec), codec, problems)
    except UnicodeDecodeError as error:
        note = (
            f"bytes not valid in the page's charset {codec} "
            f"(first at byte {error.start}); replaced with U+FFFD"
        )
        return DecodedPage(data.decode(codec, errors="replace"), codec, (*problems, note))
