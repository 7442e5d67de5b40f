"""Bytes to text for the text-based readers: UTF-8 only, with messages that say where.

Decision: text that is not valid UTF-8 is refused, not guessed. A silent guess
(Windows-1252, Latin-1, ...) can turn every apostrophe of an article into the
wrong character without anyone noticing; a clear error naming the line and the
byte offset costs the editor one "save as UTF-8". When the bytes read as
Windows-1252 the message says so, which is the usual cause.

Accepted and normalised: a UTF-8 byte-order mark (dropped) and Windows (CRLF)
or old Mac (CR) line endings (turned into LF), so line numbers stay file lines.
"""

from __future__ import annotations

from pathlib import Path

from newsgen.article import SourceLocation
from newsgen.diagnostics import ContentError

UTF8_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def decode_text(path: Path, data: bytes) -> str:
    """The text of a content file, or a `ContentError` naming what is wrong and where."""
    if data.startswith(UTF8_BOM):
        data = data[len(UTF8_BOM) :]
    if data.startswith(_UTF16_BOMS):
        raise ContentError(
            SourceLocation(path, 1), "the file is UTF-16 text: save it as UTF-8 instead"
        )
    nul = data.find(b"\x00")
    if nul >= 0:
        raise ContentError(
            SourceLocation(path, _line_of(data, nul)),
            f"the file is binary, not text (NUL byte at offset {nul})",
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ContentError(
            SourceLocation(path, _line_of(data, error.start)), _describe_bad_utf8(data, error)
        ) from error
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _line_of(data: bytes, offset: int) -> int:
    """The 1-based line of byte `offset`, counting CRLF, LF and CR line endings."""
    before = data[:offset]
    return before.count(b"\n") + before.replace(b"\r\n", b"").count(b"\r") + 1


def _describe_bad_utf8(data: bytes, error: UnicodeDecodeError) -> str:
    byte = data[error.start]
    message = f"the file is not UTF-8 text (byte 0x{byte:02x} at offset {error.start})"
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:
        return message + ": save it as UTF-8"
    return message + "; it looks like Windows-1252: save it as UTF-8"
