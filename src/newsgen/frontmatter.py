"""The `---` YAML block that may open any content file, and how it overrides the reader.

    ---
    headline: US agrees to military talks with Russia on Syria
    tags: [syria, russia]
    speakers:
      - {name: Trenin, rename: Dmitri Trenin, role: analyst}
    quotes:
      - {phrase: "likely believes", speaker: Dmitri Trenin}
    ---

The block is split off before the reader runs and replaced by as many blank
lines, so readers' line numbers stay file lines. YAML is loaded with a
SafeLoader subclass: a tag that would construct an object (`!!python/object`)
is refused with the file and line. Each key of `FIELDS` converts its value to
an `Article` field (wrong types are errors naming the key's line); other keys
are kept in `Article.extra` and named in a warning. The keys `newsgen import`
writes beside the corrections (`quotes` counts on speakers; `text`, `kind`,
`verb`, ... on quotes) are accepted silently.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from newsgen.article import (
    Article,
    QuoteCorrection,
    SourceLocation,
    SpeakerCorrection,
    SpeakerKind,
)
from newsgen.dates import find_date_line
from newsgen.diagnostics import ContentError, Diagnostic, Severity
from newsgen.readers.decoding import UTF8_BOM
from newsgen.slug import is_safe_slug


@dataclass(frozen=True, slots=True)
class FrontMatter:
    """The converted block: `Article` field overrides, unknown keys and their warnings."""

    overrides: tuple[tuple[str, Any], ...]
    extra: tuple[tuple[str, Any], ...] = ()
    warnings: tuple[Diagnostic, ...] = ()

    @property
    def headline(self) -> str | None:
        """The headline the block gives, if it gives one."""
        return next((value for name, value in self.overrides if name == "headline"), None)


# libyaml's parser when PyYAML was built with it (several times faster), else PyYAML's own.
_SafeBase: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _FrontMatterLoader(_SafeBase):  # type: ignore[valid-type,misc]
    """Plain YAML values only: the safe loader refuses tags that construct objects."""

    def construct_checked_timestamp(self, node: yaml.ScalarNode) -> Any:
        """A date such as 2025-01-78 is an error at its line, not a crash."""
        try:
            return self.construct_yaml_timestamp(node)
        except ValueError as error:
            raise yaml.constructor.ConstructorError(
                None, None, f"{node.value!r} is not a real date ({error})", node.start_mark
            ) from error


_FrontMatterLoader.add_constructor(
    "tag:yaml.org,2002:timestamp", _FrontMatterLoader.construct_checked_timestamp
)


def split_front_matter(path: Path, data: bytes) -> tuple[FrontMatter | None, bytes]:
    """The front-matter of `data` (None if it has none) and the rest, blanked line for line."""
    start = len(UTF8_BOM) if data.startswith(UTF8_BOM) else 0
    lines = data[start:].splitlines(keepends=True)
    if not lines or lines[0].rstrip() != b"---":
        return None, data
    closing = next(
        (n for n, raw in enumerate(lines[1:], start=2) if raw.rstrip() in (b"---", b"...")), None
    )
    if closing is None:
        raise ContentError(
            SourceLocation(path, 1),
            "the front-matter block opened by '---' is never closed: add a '---' line after it",
        )
    block = b"".join(lines[1 : closing - 1])
    try:
        text = block.decode("utf-8")
    except UnicodeDecodeError as error:
        line = 2 + block[: error.start].count(b"\n")
        raise ContentError(
            SourceLocation(path, line), "the front-matter is not UTF-8 text: save it as UTF-8"
        ) from error
    rest = b"\n" * closing + b"".join(lines[closing:])
    return read_front_matter(path, text), rest


def read_front_matter(path: Path, text: str, first_line: int = 2) -> FrontMatter:
    """Convert a YAML block whose first line is line `first_line` of `path`."""
    mapping, key_lines = _load_yaml(path, text, first_line)
    overrides: list[tuple[str, Any]] = []
    extra: list[tuple[str, Any]] = []
    warnings: list[Diagnostic] = []
    for key, value in mapping.items():
        where = SourceLocation(path, key_lines.get(str(key), first_line))
        field = FIELDS.get(key) if isinstance(key, str) else None
        if field is None:
            extra.append((str(key), value))
            warnings.append(
                Diagnostic(
                    where,
                    f"unknown front-matter key '{key}' (kept, but newsgen does not use it)",
                    Severity.WARNING,
                )
            )
            continue
        name, convert = field
        converted, notes = convert(value, where, key)
        overrides.append((name, converted))
        warnings.extend(Diagnostic(where, note, Severity.WARNING) for note in notes)
    return FrontMatter(tuple(overrides), tuple(extra), tuple(warnings))


def apply_front_matter(article: Article, front: FrontMatter) -> Article:
    """`article` with the front-matter's fields in place of what the reader found."""
    changes = dict(front.overrides)
    if "boilerplate" in changes:
        # What an earlier import removed, then whatever this body still had.
        changes["boilerplate"] = changes["boilerplate"] + article.boilerplate
    return dataclasses.replace(article, **changes, extra=article.extra + front.extra)


def _load_yaml(path: Path, text: str, first_line: int) -> tuple[dict[Any, Any], dict[Any, int]]:
    loader = _FrontMatterLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return {}, {}
        if not isinstance(node, yaml.MappingNode):
            raise ContentError(
                SourceLocation(path, first_line + node.start_mark.line),
                "the front-matter must be 'key: value' lines",
            )
        key_lines: dict[Any, int] = {}
        for key_node, _ in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise ContentError(
                    SourceLocation(path, first_line + key_node.start_mark.line),
                    "front-matter keys must be plain words",
                )
            if key_node.value in key_lines:
                raise ContentError(
                    SourceLocation(path, first_line + key_node.start_mark.line),
                    f"front-matter key '{key_node.value}' appears twice "
                    f"(first on line {key_lines[key_node.value]})",
                )
            key_lines[key_node.value] = first_line + key_node.start_mark.line
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = first_line + mark.line if mark else first_line
        message = _describe_yaml_error(error)
        if error.context_mark and mark and error.context_mark.line != mark.line:
            message += f" (it began on line {first_line + error.context_mark.line})"
        raise ContentError(SourceLocation(path, line), message) from error
    except yaml.YAMLError as error:  # a character YAML does not accept
        position = getattr(error, "position", 0)
        line = first_line + text[:position].count("\n")
        reason = str(error).splitlines()[0]
        raise ContentError(SourceLocation(path, line), f"invalid front-matter: {reason}") from error
    finally:
        loader.dispose()
    return data, {str(key): line for key, line in key_lines.items()}


def _describe_yaml_error(error: yaml.MarkedYAMLError) -> str:
    problem = error.problem or "invalid YAML"
    if problem.startswith("could not determine a constructor for the tag"):
        tag = problem.rsplit(" ", 1)[-1].strip("'").replace("tag:yaml.org,2002:", "!!")
        return f"front-matter YAML tag '{tag}' is not allowed (only plain values, lists and maps)"
    context = f"{error.context}, " if error.context else ""
    return f"invalid front-matter YAML: {context}{problem}"


Converted = tuple[Any, tuple[str, ...]]
Converter = Callable[[Any, SourceLocation, str], Converted]


def _to_text(value: Any, where: SourceLocation, key: str) -> Converted:
    if value is None:
        return None, ()
    if isinstance(value, str):
        return value.strip() or None, ()
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value), ()
    raise ContentError(where, f"'{key}' must be text, not {_kind_of(value)}")


def _to_headline(value: Any, where: SourceLocation, key: str) -> Converted:
    text, notes = _to_text(value, where, key)
    if text is None:
        raise ContentError(where, "'headline' must not be empty")
    return text, notes


def _to_names(value: Any, where: SourceLocation, key: str) -> Converted:
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not all(isinstance(item, str) for item in items):
        raise ContentError(where, f"'{key}' must be a name or a list of names")
    return tuple(item.strip() for item in items if item.strip()), ()


def _to_text_list(value: Any, where: SourceLocation, key: str) -> Converted:
    if value is None:
        return (), ()
    if not isinstance(value, list) or not all(isinstance(i, str | int) for i in value):
        raise ContentError(where, f"'{key}' must be a list like [one, two], not {_kind_of(value)}")
    return tuple(str(item).strip() for item in value if str(item).strip()), ()


def _to_date(value: Any, where: SourceLocation, key: str) -> Converted:
    if value is None or isinstance(value, dt.datetime):
        return value, ()
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day), ()
    found = find_date_line(value) if isinstance(value, str) else None
    if found is None:
        raise ContentError(
            where, f"'{key}' must be a date, like 2015-09-18 or 2015-09-18T15:15:00Z"
        )
    return found.date, ()


def _to_slug(value: Any, where: SourceLocation, key: str) -> Converted:
    if not isinstance(value, str) or not is_safe_slug(value):
        raise ContentError(
            where,
            f"'slug' {value!r} is not safe: use lowercase letters, digits and single hyphens",
        )
    return value, ()


def _to_bool(value: Any, where: SourceLocation, key: str) -> Converted:
    if not isinstance(value, bool):
        raise ContentError(where, f"'{key}' must be true or false")
    return value, ()


_SPEAKER_KEYS = frozenset({"name", "rename", "role", "kind", "quotes"})
_QUOTE_KEYS = frozenset(
    {"phrase", "text", "speaker", "role", "kind", "verb", "anonymous", "paragraph", "start", "end"}
)


def _entries(value: Any, where: SourceLocation, key: str) -> list[Mapping[Any, Any]]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        raise ContentError(where, f"'{key}' must be a list of entries like '- name: ...'")
    return value


def _entry_text(entry: Mapping[Any, Any], name: str, where: SourceLocation, label: str) -> Any:
    value = entry.get(name)
    if value is not None and not isinstance(value, str):
        raise ContentError(where, f"{label}: '{name}' must be text, not {_kind_of(value)}")
    return value.strip() if isinstance(value, str) else None


def _unknown_keys(entry: Mapping[Any, Any], known: frozenset[str], label: str) -> tuple[str, ...]:
    unknown = sorted(str(k) for k in entry if k not in known)
    return (f"{label}: unknown keys {', '.join(unknown)} (ignored)",) if unknown else ()


def _to_speaker_corrections(value: Any, where: SourceLocation, key: str) -> Converted:
    corrections: list[SpeakerCorrection] = []
    notes: list[str] = []
    for number, entry in enumerate(_entries(value, where, key), 1):
        label = f"speakers entry {number}"
        name = _entry_text(entry, "name", where, label)
        if not name:
            raise ContentError(where, f"{label} needs a 'name'")
        kind = _entry_text(entry, "kind", where, label)
        if kind is not None and kind not in set(SpeakerKind):
            kinds = ", ".join(SpeakerKind)
            raise ContentError(where, f"{label}: 'kind' must be one of {kinds}, not {kind!r}")
        corrections.append(
            SpeakerCorrection(
                name=name,
                rename=_entry_text(entry, "rename", where, label),
                role=_entry_text(entry, "role", where, label),
                kind=SpeakerKind(kind) if kind else None,
            )
        )
        notes.extend(_unknown_keys(entry, _SPEAKER_KEYS, label))
    return tuple(corrections), tuple(notes)


def _to_quote_corrections(value: Any, where: SourceLocation, key: str) -> Converted:
    corrections: list[QuoteCorrection] = []
    notes: list[str] = []
    for number, entry in enumerate(_entries(value, where, key), 1):
        label = f"quotes entry {number}"
        phrase = _entry_text(entry, "phrase", where, label) or _entry_text(
            entry, "text", where, label
        )
        if not phrase:
            raise ContentError(where, f"{label} needs a 'phrase' (words of the quote to reassign)")
        if "speaker" not in entry:
            raise ContentError(where, f"{label} needs a 'speaker' (a name, or null for nobody)")
        corrections.append(
            QuoteCorrection(
                phrase=phrase,
                speaker=_entry_text(entry, "speaker", where, label),
                role=_entry_text(entry, "role", where, label),
            )
        )
        notes.extend(_unknown_keys(entry, _QUOTE_KEYS, label))
    return tuple(corrections), tuple(notes)


def _kind_of(value: Any) -> str:
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, dt.date):
        return "a date"
    return type(value).__name__


# Front-matter key -> (Article field, converter), in the order an editor writes them.
FIELDS: dict[str, tuple[str, Converter]] = {
    "headline": ("headline", _to_headline),
    "kicker": ("kicker", _to_text),
    "dek": ("dek", _to_text),
    "byline": ("byline", _to_names),
    "contributors": ("contributors", _to_names),
    "photo_credit": ("photo_credit", _to_text),
    "dateline": ("dateline", _to_text),
    "date": ("date", _to_date),
    "tags": ("tags", _to_text_list),
    "slug": ("slug", _to_slug),
    "sample": ("is_sample", _to_bool),
    "boilerplate": ("boilerplate", _to_text_list),
    "speakers": ("speaker_corrections", _to_speaker_corrections),
    "quotes": ("quote_corrections", _to_quote_corrections),
}
