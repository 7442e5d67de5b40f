"""The command line, run as a user runs it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsgen.cli import main

EXAMPLE = Path(__file__).parent.parent / "content" / "us-russia-syria-military-talks.txt"


def test_parse_json_prints_one_record_per_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", "--format", "json", str(EXAMPLE)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 1
    record = json.loads(lines[0])
    assert record["source"] == str(EXAMPLE)
    assert record["slug"] == "us-russia-syria-military-talks"


def test_parse_reports_a_missing_file_and_fails(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "missing.txt"
    assert main(["parse", str(missing), str(EXAMPLE)]) == 1
    captured = capsys.readouterr()
    assert str(missing) in captured.err
    assert len(captured.out.splitlines()) == 1
