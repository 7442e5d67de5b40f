"""A `<name>.yaml` beside a saved page is its front-matter: the editor's fields win."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from newsgen.diagnostics import ContentError
from newsgen.loader import find_content_files, load_article

PAGE = Path(__file__).parent / "pages" / "arc_xp_article_with_interstitial_links.html"


def saved_page(tmp_path: Path, sidecar: str | None, suffix: str = ".yaml") -> Path:
    path = tmp_path / "utility-fine.html"
    shutil.copyfile(PAGE, path)
    if sidecar is not None:
        path.with_suffix(suffix).write_text(sidecar, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("sidecar", "field", "value"),
    [
        (
            "headline: Utility fined over river spills\n",
            "headline",
            "Utility fined over river spills",
        ),
        ("byline: [Darnell Hughes]\n", "byline", ("Darnell Hughes",)),
        ("dek: A shorter dek.\n", "dek", "A shorter dek."),
        ("kicker: Exclusive\n", "kicker", "Exclusive"),
        ("date: 2023-09-19\n", "date", dt.datetime(2023, 9, 19)),
        ("tags: [rivers]\n", "tags", ("rivers",)),
        ("slug: midvale-utility-fine\n", "slug", "midvale-utility-fine"),
        ("photo_credit: Ledger staff\n", "photo_credit", "Ledger staff"),
    ],
    ids=["headline", "byline", "dek", "kicker", "date", "tags", "slug", "photo-credit"],
)
def test_sidecar_fields_win_over_the_page(
    tmp_path: Path, sidecar: str, field: str, value: object
) -> None:
    article = load_article(saved_page(tmp_path, sidecar)).article
    assert getattr(article, field) == value


def test_without_a_sidecar_the_page_says_it(tmp_path: Path) -> None:
    article = load_article(saved_page(tmp_path, None)).article
    assert article.headline.startswith("State regulators fine")
    assert article.slug == "utility-fine"


def test_yml_sidecar_and_corrections(tmp_path: Path) -> None:
    sidecar = "quotes:\n  - {phrase: already replaced, speaker: Midvale Water Authority}\n"
    article = load_article(saved_page(tmp_path, sidecar, ".yml")).article
    assert [(c.phrase, c.speaker) for c in article.quote_corrections] == [
        ("already replaced", "Midvale Water Authority")
    ]


def test_unknown_sidecar_key_is_a_warning_naming_the_sidecar(tmp_path: Path) -> None:
    loaded = load_article(saved_page(tmp_path, "headline: Fined\nmood: grim\n"))
    assert loaded.article.headline == "Fined"
    assert [str(w.location) for w in loaded.warnings] == [str(tmp_path / "utility-fine.yaml:2")]


@pytest.mark.parametrize(
    ("sidecar", "line"),
    [
        ("headline: Fined\ntags: [unclosed\n", 3),
        ("headline: !!python/object:os.system x\n", 1),
        ("tags: 5\n", 1),
    ],
    ids=["bad-yaml", "python-tag", "wrong-type"],
)
def test_bad_sidecar_is_an_error_naming_its_file_and_line(
    tmp_path: Path, sidecar: str, line: int
) -> None:
    with pytest.raises(ContentError) as caught:
        load_article(saved_page(tmp_path, sidecar))
    assert str(caught.value.location) == f"{tmp_path / 'utility-fine.yaml'}:{line}"


def test_sidecars_are_not_content_files(tmp_path: Path) -> None:
    path = saved_page(tmp_path, "headline: Fined\n")
    assert find_content_files(tmp_path) == [path]
