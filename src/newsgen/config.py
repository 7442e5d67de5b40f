"""The site configuration: `newsgen.yaml` in the site folder (optional).

    title: Wire Watch
    base_url: https://news.example.org/
    description: Who gets quoted, and how.
    language: en
    time_zone: Europe/London
    output: public
    page_size: 10
    feed_size: 20
    boilerplate:          # regular expressions, each matching a whole paragraph
      - "Sign up for our morning briefing.*"

Every problem in the file is collected and reported together, each with its line.
"""

from __future__ import annotations

import difflib
import re
import zoneinfo
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from newsgen.article import SourceLocation
from newsgen.diagnostics import Diagnostic
from newsgen.readers import LoaderConfig

CONFIG_NAME = "newsgen.yaml"


@dataclass(frozen=True, slots=True)
class SiteConfig:
    """Everything a build needs to know about a site, with sensible defaults."""

    site_dir: Path
    output_dir: Path
    title: str = "newsgen"
    description: str = "News analysis: who is quoted, and how."
    base_url: str = "http://127.0.0.1:8000/"
    language: str = "en"
    time_zone: str = "UTC"
    publisher: str = "newsgen"
    page_size: int = 10
    feed_size: int = 20
    loader: LoaderConfig = field(default_factory=LoaderConfig)

    @property
    def content_dir(self) -> Path:
        return self.site_dir / "content"

    @property
    def templates_dir(self) -> Path:
        return self.site_dir / "templates"

    @property
    def static_dir(self) -> Path:
        return self.site_dir / "static"

    @property
    def config_path(self) -> Path:
        return self.site_dir / CONFIG_NAME

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.time_zone)


class ConfigError(Exception):
    """`newsgen.yaml` has problems; `diagnostics` lists every one of them."""

    def __init__(self, diagnostics: tuple[Diagnostic, ...]) -> None:
        super().__init__("\n".join(str(d) for d in diagnostics))
        self.diagnostics = diagnostics


# Each field: a check that returns the value to use, or raises ValueError with a message.
FieldCheck = Callable[[Any], Any]


def _text(value: Any) -> str:
    if not isinstance(value, str | int | float) or isinstance(value, bool) or str(value) == "":
        raise ValueError("must be a non-empty text")
    return str(value).strip()


def _base_url(value: Any) -> str:
    url = _text(value)
    if not re.match(r"^https?://[^/\s]+(/\S*)?$", url):
        raise ValueError(f"must be an absolute http(s) URL, not {url!r}")
    return url if url.endswith("/") else url + "/"


def _language(value: Any) -> str:
    tag = _text(value)
    if not re.fullmatch(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*", tag):
        raise ValueError(f"must be a language tag like 'en' or 'en-GB', not {tag!r}")
    return tag


def _time_zone(value: Any) -> str:
    name = _text(value)
    try:
        zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError) as error:
        raise ValueError(f"unknown time zone {name!r}") from error
    return name


def _positive_int(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise ValueError(f"must be a whole number of at least 1, not {value!r}")
    return value


def _path(value: Any) -> str:
    return _text(value)


def _patterns(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise ValueError("must be a list of regular expressions")
    for pattern in value:
        try:
            re.compile(pattern)
        except re.error as error:
            raise ValueError(f"{pattern!r} is not a regular expression: {error}") from error
    return tuple(value)


FIELDS: dict[str, FieldCheck] = {
    "title": _text,
    "description": _text,
    "base_url": _base_url,
    "language": _language,
    "time_zone": _time_zone,
    "publisher": _text,
    "output": _path,
    "page_size": _positive_int,
    "feed_size": _positive_int,
    "boilerplate": _patterns,
}


def load_config(site_dir: Path, output: Path | None = None) -> SiteConfig:
    """Read `site_dir/newsgen.yaml` (if any); `output` overrides the file's `output`."""
    path = site_dir / CONFIG_NAME
    values: dict[str, Any] = {}
    if path.is_file():
        values = parse_config(path, path.read_text(encoding="utf-8"))
    output_dir = output if output is not None else site_dir / values.pop("output", "public")
    values.pop("output", None)
    patterns = values.pop("boilerplate", ())
    if "publisher" not in values and "title" in values:
        values["publisher"] = values["title"]
    return SiteConfig(
        site_dir=site_dir,
        output_dir=output_dir,
        loader=LoaderConfig(extra_boilerplate=patterns),
        **values,
    )


def parse_config(path: Path, text: str) -> dict[str, Any]:
    """The checked values of a config file's text; `ConfigError` lists every problem."""
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        problem = getattr(error, "problem", None) or str(error)
        raise ConfigError(
            (Diagnostic(SourceLocation(path, line), f"bad YAML: {problem}"),)
        ) from error
    if data is None:
        return {}
    if not isinstance(data, dict) or not isinstance(node, yaml.MappingNode):
        location = SourceLocation(path, 1)
        raise ConfigError((Diagnostic(location, "must be a mapping of `key: value` lines"),))
    lines = _key_lines(node)
    values: dict[str, Any] = {}
    problems: list[Diagnostic] = []
    for key, raw in data.items():
        location = SourceLocation(path, lines.get(str(key)))
        check = FIELDS.get(str(key))
        if check is None:
            problems.append(Diagnostic(location, _unknown_key_message(str(key))))
            continue
        try:
            values[str(key)] = check(raw)
        except ValueError as error:
            problems.append(Diagnostic(location, f"{key}: {error}"))
    if problems:
        raise ConfigError(tuple(problems))
    return values


def _key_lines(node: yaml.MappingNode) -> Mapping[str, int]:
    return {str(key.value): key.start_mark.line + 1 for key, _ in node.value}


def _unknown_key_message(key: str) -> str:
    close = difflib.get_close_matches(key, FIELDS, n=1)
    hint = f" (did you mean '{close[0]}'?)" if close else ""
    return f"unknown key '{key}'{hint}; known keys: {', '.join(sorted(FIELDS))}"
