"""`newsgen.yaml`: optional, checked, every problem reported at once with its line."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgen.config import ConfigError, load_config


def write_config(site: Path, text: str) -> None:
    (site / "newsgen.yaml").write_text(text, encoding="utf-8")


def test_a_site_without_config_builds_with_defaults(tmp_path: Path) -> None:
    config = load_config(tmp_path)
    assert config.output_dir == tmp_path / "public"
    assert config.content_dir == tmp_path / "content"
    assert config.base_url.endswith("/")
    assert config.page_size >= 1
    assert config.loader.extra_boilerplate == ()


@pytest.mark.parametrize(
    ("text", "field", "expected"),
    [
        ("title: Harbor Wire\n", "title", "Harbor Wire"),
        ("base_url: https://news.example.org/wire\n", "base_url", "https://news.example.org/wire/"),
        ("language: en-GB\n", "language", "en-GB"),
        ("time_zone: Europe/Lisbon\n", "time_zone", "Europe/Lisbon"),
        ("page_size: 25\n", "page_size", 25),
        ("feed_size: 5\n", "feed_size", 5),
        ("title: Harbor Wire\n", "publisher", "Harbor Wire"),
        ("title: A\npublisher: Harbor Media Group\n", "publisher", "Harbor Media Group"),
    ],
)
def test_config_values_are_read(tmp_path: Path, text: str, field: str, expected: object) -> None:
    write_config(tmp_path, text)
    assert getattr(load_config(tmp_path), field) == expected


def test_output_and_boilerplate_are_resolved(tmp_path: Path) -> None:
    write_config(tmp_path, "output: site-out\nboilerplate:\n  - Sign up for The Ledger\n")
    config = load_config(tmp_path)
    assert config.output_dir == tmp_path / "site-out"
    assert config.loader.extra_boilerplate == ("Sign up for The Ledger",)
    assert load_config(tmp_path, tmp_path / "elsewhere").output_dir == tmp_path / "elsewhere"


def test_every_problem_is_reported_together_with_its_line(tmp_path: Path) -> None:
    write_config(
        tmp_path,
        "title: Harbor Wire\n"
        "base_url: ftp://files.example.org/\n"
        "page_size: 0\n"
        "titel: typo\n"
        "time_zone: Mars/Olympus\n",
    )
    with pytest.raises(ConfigError) as caught:
        load_config(tmp_path)
    found = {(d.location.line, d.message.split(":")[0]) for d in caught.value.diagnostics}
    assert {line for line, _ in found} == {2, 3, 4, 5}
    assert all(d.location.path == tmp_path / "newsgen.yaml" for d in caught.value.diagnostics)
    assert "did you mean 'title'" in str(caught.value)


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("title: [unclosed\n", 2, "bad YAML"),
        ("title: ok\n  base_url: : x\n", 2, "bad YAML"),
        ("- just\n- a list\n", 1, "mapping"),
        ("title: !!python/object:os.system ls\n", 1, "bad YAML"),
        ("title: ok\nboilerplate:\n  - 'Read more: ('\n", 2, "not a regular expression"),
    ],
)
def test_unusable_files_are_reported_with_a_line(
    tmp_path: Path, text: str, line: int, words: str
) -> None:
    write_config(tmp_path, text)
    with pytest.raises(ConfigError) as caught:
        load_config(tmp_path)
    (diagnostic,) = caught.value.diagnostics
    assert diagnostic.location.line == line
    assert words in diagnostic.message


def test_an_empty_config_file_means_defaults(tmp_path: Path) -> None:
    write_config(tmp_path, "# nothing set yet\n")
    assert load_config(tmp_path).title == load_config(tmp_path / "none").title
