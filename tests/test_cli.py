"""The command line, run as a user runs it: `newsgen parse` and `newsgen import`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from newsgen.cli import main
from newsgen.record import RECORD_KEYS

ROOT = Path(__file__).parent.parent
EXAMPLE = ROOT / "content" / "us-russia-syria-military-talks.txt"
INPUTS = Path(__file__).parent / "inputs"
QUOTE_KEYS = {"text", "speaker", "role", "verb", "paragraph", "start", "end", "kind", "anonymous"}


def test_parse_json_prints_one_record_per_file(capsys: pytest.CaptureFixture[str]) -> None:
    other = INPUTS / "bbc_story_with_outlet_line_under_byline.txt"
    assert main(["parse", "--format", "json", str(EXAMPLE), str(other)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2
    record = json.loads(lines[0])
    assert tuple(record) == RECORD_KEYS
    assert record["source"] == str(EXAMPLE)
    assert record["slug"] == "us-russia-syria-military-talks"
    assert record["kicker"] == "Analysis"
    assert record["contributors"] == ["Jamie McIntyre"]
    assert len(record["paragraphs"]) == 15
    assert "Sign up for our weekly newsletter" in record["boilerplate"]
    assert all(set(q) == QUOTE_KEYS for q in record["quotes"])
    assert all(set(s) == {"name", "role", "kind", "quotes"} for s in record["speakers"])
    assert json.loads(lines[1])["date"] == "2025-02-02T00:00:00"


def test_parse_yaml_prints_one_document_per_file(capsys: pytest.CaptureFixture[str]) -> None:
    other = INPUTS / "bbc_story_with_outlet_line_under_byline.txt"
    assert main(["parse", str(EXAMPLE), str(other)]) == 0
    documents = list(yaml.safe_load_all(capsys.readouterr().out))
    assert [d["slug"] for d in documents] == [
        "us-russia-syria-military-talks",
        "bbc-story-with-outlet-line-under-byline",
    ]
    assert tuple(documents[0]) == RECORD_KEYS
    assert documents[0]["headline"].startswith("US agrees to military talks")


@pytest.mark.parametrize("form", ["json", "yaml"])
def test_parse_reports_bad_files_and_prints_the_others(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], form: str
) -> None:
    missing = tmp_path / "missing.txt"
    unclosed = INPUTS / "frontmatter_unclosed.md"
    assert main(["parse", "--format", form, str(missing), str(unclosed), str(EXAMPLE)]) == 1
    captured = capsys.readouterr()
    assert str(missing) in captured.err
    assert f"{unclosed}:1: " in captured.err
    records = (
        [json.loads(line) for line in captured.out.splitlines()]
        if form == "json"
        else list(yaml.safe_load_all(captured.out))
    )
    assert [r["source"] for r in records] == [str(EXAMPLE)]


def test_parse_prints_warnings_on_stderr(capsys: pytest.CaptureFixture[str]) -> None:
    fixture = INPUTS / "frontmatter_unknown_keys_and_corrections.md"
    assert main(["parse", "--format", "json", str(fixture)]) == 0
    captured = capsys.readouterr()
    assert f"{fixture}:3: warning: unknown front-matter key 'layout'" in captured.err
    assert len(captured.out.splitlines()) == 1


def test_import_writes_markdown_and_refuses_to_overwrite(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "content"
    assert main(["import", str(EXAMPLE), "--to", str(target)]) == 0
    written = target / "us-russia-syria-military-talks.md"
    assert written.read_text("utf-8").startswith("---\n")
    assert f"-> {written}" in capsys.readouterr().out
    written.write_text("edited by hand", "utf-8")
    assert main(["import", str(EXAMPLE), "--to", str(target)]) == 1
    assert "already exists" in capsys.readouterr().err
    assert written.read_text("utf-8") == "edited by hand"
    assert main(["import", "--force", str(EXAMPLE), "--to", str(target)]) == 0
    assert written.read_text("utf-8").startswith("---\n")
    assert sorted(p.name for p in target.iterdir()) == [written.name]


def test_import_goes_on_after_a_bad_file(tmp_path: Path) -> None:
    target = tmp_path / "content"
    bad = INPUTS / "frontmatter_invalid_yaml.md"
    assert main(["import", str(bad), str(EXAMPLE), "--to", str(target)]) == 1
    assert [p.name for p in target.iterdir()] == ["us-russia-syria-military-talks.md"]


def test_parse_never_writes_into_content(tmp_path: Path) -> None:
    content = tmp_path / "content"
    content.mkdir()
    source = content / "story.txt"
    source.write_text(EXAMPLE.read_text("utf-8"), "utf-8")
    assert main(["parse", str(source)]) == 0
    assert [p.name for p in content.iterdir()] == ["story.txt"]


def test_parse_and_import_use_the_site_boilerplate_patterns(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "newsgen.yaml").write_text(
        "boilerplate:\n  - 'listen to the harbor wire podcast.*'\n", "utf-8"
    )
    source = tmp_path / "plug.txt"
    source.write_text(
        "Ferry fares rise\n\nFares rise in May.\n\nListen to the Harbor Wire podcast\n", "utf-8"
    )
    assert main(["parse", "--format", "json", "--site", str(tmp_path), str(source)]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["boilerplate"] == ["Listen to the Harbor Wire podcast"]
    elsewhere = str(tmp_path / "another-site")
    assert main(["parse", "--format", "json", "--site", elsewhere, str(source)]) == 0
    assert json.loads(capsys.readouterr().out)["boilerplate"] == []
