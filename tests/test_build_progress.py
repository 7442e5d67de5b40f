"""Progress on a terminal: one line rewritten in place, only for builds that take a moment."""

from __future__ import annotations

import io

import pytest

from newsgen import commands


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(
    ("stream", "quiet", "shown"),
    [(Terminal(), False, True), (Terminal(), True, False), (io.StringIO(), False, False)],
)
def test_progress_is_shown_only_on_a_terminal_and_not_when_quiet(
    monkeypatch: pytest.MonkeyPatch, stream: io.StringIO, quiet: bool, shown: bool
) -> None:
    monkeypatch.setattr(commands, "PROGRESS_AFTER_SECONDS", 0.0)
    progress = commands._terminal_progress(quiet, stream)
    assert (progress is not None) == shown
    if progress is not None:
        for done in range(1, 4):
            progress("articles", done, 3)
        progress("pages", 7, 7)
        text = stream.getvalue()
        assert "\r\x1b[Karticles: 3/3" in text
        assert text.endswith("pages: 7/7\n")


def test_a_quick_build_shows_no_progress(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(commands, "PROGRESS_AFTER_SECONDS", 1e9)
    stream = Terminal()
    progress = commands._terminal_progress(False, stream)
    assert progress is not None
    progress("pages", 1, 1)
    assert stream.getvalue() == ""
