"""Front-matter: the `---` YAML block on any file, its fields, corrections and warnings."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from newsgen.article import QuoteCorrection, SpeakerCorrection, SpeakerKind
from newsgen.diagnostics import ContentError, Severity
from newsgen.frontmatter import FIELDS, read_front_matter, split_front_matter
from newsgen.loader import load_article

INPUTS = Path(__file__).parent / "inputs"
BODY = "Ferry fares rise in May\n\nFares rise by 5 percent, the operator said.\n"


def load_with(tmp_path: Path, front: str, body: str = BODY, suffix: str = ".txt") -> Any:
    path = tmp_path / f"article{suffix}"
    path.write_text(f"---\n{front}\n---\n{body}", encoding="utf-8")
    return load_article(path)


@pytest.mark.parametrize(
    ("front", "field", "value"),
    [
        ("headline: A better headline", "headline", "A better headline"),
        ("headline: 1984", "headline", "1984"),
        ("kicker: Explainer", "kicker", "Explainer"),
        ("kicker: null", "kicker", None),
        ("dek: What the fare rise means", "dek", "What the fare rise means"),
        ("byline: Jane Doe", "byline", ("Jane Doe",)),
        ("byline: [Jane Doe, John Roe]", "byline", ("Jane Doe", "John Roe")),
        ("contributors: [Ann Lee]", "contributors", ("Ann Lee",)),
        ("photo_credit: Jane Doe/Harbor Wire", "photo_credit", "Jane Doe/Harbor Wire"),
        ("dateline: PORT ALDWIN", "dateline", "PORT ALDWIN"),
        ("date: 2025-02-20", "date", dt.datetime(2025, 2, 20)),
        ("date: 2025-02-20 08:30:00", "date", dt.datetime(2025, 2, 20, 8, 30)),
        (
            'date: "2025-02-20T08:30:00+01:00"',
            "date",
            dt.datetime.fromisoformat("2025-02-20T08:30:00+01:00"),
        ),
        ("date: Sept. 18, 2015", "date", dt.datetime(2015, 9, 18)),
        ("tags: [ferries, fares]", "tags", ("ferries", "fares")),
        ("tags: []", "tags", ()),
        ("slug: ferry-fares-2025", "slug", "ferry-fares-2025"),
        ("sample: true", "is_sample", True),
        ("boilerplate: [Advertisement]", "boilerplate", ("Advertisement",)),
    ],
)
def test_field_overrides(tmp_path: Path, front: str, field: str, value: Any) -> None:
    loaded = load_with(tmp_path, front)
    assert getattr(loaded.article, field) == value
    assert loaded.warnings == ()


@pytest.mark.parametrize(
    ("front", "line", "message"),
    [
        ("tags: politics", 2, "'tags' must be a list like [one, two], not str"),
        ("headline: [a, b]", 2, "'headline' must be text, not a list"),
        ("headline:", 2, "'headline' must not be empty"),
        ("date: tomorrow", 2, "'date' must be a date"),
        ("tags: [a]\ndate: 2025-01-78", 3, "'2025-01-78' is not a real date"),
        ("date: [2025]", 2, "'date' must be a date"),
        ("sample: yes please", 2, "'sample' must be true or false"),
        ("slug: Ferry Fares", 2, "is not safe"),
        ("slug: ../escape", 2, "is not safe"),
        ("byline: {name: x}", 2, "'byline' must be a name or a list of names"),
        ("kicker: x\nkicker: y", 3, "'kicker' appears twice (first on line 2)"),
        ("speakers: [{role: mayor}]", 2, "speakers entry 1 needs a 'name'"),
        ("speakers: [{name: X, kind: robot}]", 2, "'kind' must be one of person"),
        ("speakers: {name: X}", 2, "'speakers' must be a list of entries"),
        ("quotes: [{speaker: X}]", 2, "quotes entry 1 needs a 'phrase'"),
        ("quotes: [{phrase: abc}]", 2, "quotes entry 1 needs a 'speaker'"),
        ("- just\n- a list", 2, "must be 'key: value' lines"),
        ("headline: x\n? [a, b]\n: c", 3, "keys must be plain words"),
        ("a: b\n  c: d", 3, "invalid front-matter YAML"),
        ('headline: "open\ntags: [a]', 4, "(it began on line 2)"),
        ("headline: a\x07b", 2, "control characters are not allowed"),
        ("a: !!binary aGVsbG8=\nb: !custom x", 3, "tag '!custom' is not allowed"),
    ],
)
def test_field_errors_name_the_file_line(
    tmp_path: Path, front: str, line: int, message: str
) -> None:
    with pytest.raises(ContentError) as caught:
        load_with(tmp_path, front)
    assert caught.value.location.line == line
    assert message in caught.value.diagnostic.message


def test_unknown_keys_are_kept_and_named_in_warnings() -> None:
    loaded = load_article(INPUTS / "frontmatter_unknown_keys_and_corrections.md")
    assert loaded.article.extra == (("layout", "wide"), ("editor_note", "check the fares figure"))
    assert [(w.location.line, w.severity, w.message) for w in loaded.warnings] == [
        (
            3,
            Severity.WARNING,
            "unknown front-matter key 'layout' (kept, but newsgen does not use it)",
        ),
        (
            10,
            Severity.WARNING,
            "unknown front-matter key 'editor_note' (kept, but newsgen does not use it)",
        ),
    ]


def test_corrections_become_speaker_and_quote_corrections() -> None:
    article = load_article(INPUTS / "frontmatter_unknown_keys_and_corrections.md").article
    assert article.speaker_corrections == (
        SpeakerCorrection("Hale", rename="Owen Hale", role="ferry operator's chief executive"),
        SpeakerCorrection("the union", kind=SpeakerKind.ORGANIZATION),
    )
    assert article.quote_corrections == (
        QuoteCorrection("not viable in January", "Owen Hale"),
        QuoteCorrection("a betrayal of the islands", None),
    )


def test_keys_written_by_import_load_without_warnings(tmp_path: Path) -> None:
    loaded = load_with(
        tmp_path,
        "speakers:\n- {name: Owen Hale, role: null, kind: person, quotes: 2}\n"
        "quotes:\n- {text: not viable, speaker: Owen Hale, role: null, kind: direct,"
        " verb: said, anonymous: false, paragraph: 1, start: 3, end: 13}",
    )
    assert loaded.warnings == ()
    assert loaded.article.speaker_corrections == (
        SpeakerCorrection("Owen Hale", kind=SpeakerKind.PERSON),
    )
    assert loaded.article.quote_corrections == (QuoteCorrection("not viable", "Owen Hale"),)


def test_unknown_keys_in_a_correction_are_warned(tmp_path: Path) -> None:
    loaded = load_with(tmp_path, "speakers:\n- {name: Owen Hale, mood: grumpy}")
    assert [(w.location.line, w.message) for w in loaded.warnings] == [
        (2, "speakers entry 1: unknown keys mood (ignored)")
    ]


def test_front_matter_on_raw_text_overrides_the_reader() -> None:
    article = load_article(INPUTS / "frontmatter_overrides_text.txt").article
    assert article.headline == "Late buses for night-shift workers"
    assert article.kicker == "Explainer"
    assert article.byline == ("Rosa Delgado",)
    assert article.slug == "late-night-buses"
    assert article.is_sample is True
    assert article.tags == ("transport", "city hall")
    assert article.paragraphs[0].text.startswith("The city council on Thursday")


def test_split_keeps_line_numbers_for_the_reader(tmp_path: Path) -> None:
    data = b"---\r\nheadline: x\r\ntags: [a]\r\n---\r\nBody line\r\n"
    front, rest = split_front_matter(tmp_path / "a.txt", data)
    assert front is not None
    assert rest.splitlines() == [b"", b"", b"", b"", b"Body line"]


@pytest.mark.parametrize(
    "data",
    [b"No front-matter\n", b"--- not a fence\nx: y\n---\n", b"", b"-- \n"],
)
def test_files_without_a_block_are_left_alone(tmp_path: Path, data: bytes) -> None:
    assert split_front_matter(tmp_path / "a.txt", data) == (None, data)


def test_an_empty_block_changes_nothing(tmp_path: Path) -> None:
    loaded = load_with(tmp_path, "")
    assert loaded.article.headline == "Ferry fares rise in May"


def test_mark_of_a_later_first_line_is_converted() -> None:
    with pytest.raises(ContentError) as caught:
        read_front_matter(Path("x.md"), "a: 1\nb: [\n", first_line=10)
    assert caught.value.location.line == 12


def test_every_field_names_an_article_field() -> None:
    from newsgen.article import Article

    names = set(Article.__dataclass_fields__)
    assert {field for field, _ in FIELDS.values()} <= names
