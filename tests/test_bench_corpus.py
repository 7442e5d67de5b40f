"""The benchmark corpus generator (tests/bench/corpus.py): deterministic, and valid input."""

from __future__ import annotations

import datetime as dt
import importlib.util
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType

import pytest
import yaml

from newsgen.loader import content_suffixes, load_article


def _load_corpus_module() -> ModuleType:
    path = Path(__file__).parent / "bench" / "corpus.py"
    spec = importlib.util.spec_from_file_location("bench_corpus", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while defining
    spec.loader.exec_module(module)
    return module


corpus = _load_corpus_module()
SAMPLE = 24


def _files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*.*"))}


def test_the_same_seed_writes_the_same_bytes(tmp_path: Path) -> None:
    corpus.write_corpus(tmp_path / "a", SAMPLE, seed=7)
    corpus.write_corpus(tmp_path / "b", SAMPLE, seed=7)
    first, second = _files(tmp_path / "a"), _files(tmp_path / "b")
    assert len(first) == SAMPLE * len(corpus.FORMATS)
    assert first == second


def test_a_smaller_corpus_is_the_start_of_a_larger_one(tmp_path: Path) -> None:
    corpus.write_corpus(tmp_path / "small", SAMPLE // 2, seed=3)
    corpus.write_corpus(tmp_path / "large", SAMPLE, seed=3)
    small, large = _files(tmp_path / "small"), _files(tmp_path / "large")
    assert {name: large[name] for name in small} == small


def test_another_seed_writes_other_articles() -> None:
    one = [corpus.make_article(n, seed=1).paragraphs for n in range(SAMPLE)]
    two = [corpus.make_article(n, seed=2).paragraphs for n in range(SAMPLE)]
    assert all(a != b for a, b in zip(one, two, strict=True))


@pytest.mark.parametrize("number", range(0, 400, 37))
def test_an_article_has_the_shape_the_benchmark_promises(number: int) -> None:
    article = corpus.make_article(number)
    assert 3 <= article.quotes <= 6
    assert 2 <= len(article.tags) <= 3
    assert len(set(article.tags)) == len(article.tags)
    assert 750 <= article.words <= 1000
    assert article.paragraphs[0].startswith(article.dateline)


def test_half_the_newsgen_articles_are_raw_text_and_half_markdown() -> None:
    suffixes = Counter(corpus.make_article(n).suffix for n in range(100))
    assert suffixes == {".txt": 50, ".md": 50}


def test_dates_are_unique_and_grow_with_the_article_number() -> None:
    dates = [corpus.make_article(n).date for n in range(200)]
    assert dates == sorted(dates)
    assert len(set(dates)) == len(dates)


def test_speakers_come_from_one_shared_pool() -> None:
    """The most quoted people appear in many articles, so their speaker pages are long."""
    pool = corpus.make_speaker_pool(1)
    texts = ["\n".join(corpus.make_article(n).paragraphs) for n in range(300)]
    appearances = Counter(p.name for p in pool for text in texts if p.name in text)
    assert 200 <= len(pool) <= 500
    assert appearances.most_common(1)[0][1] >= 20
    assert len(appearances) >= 100


def test_an_edit_changes_one_paragraph_only() -> None:
    article = corpus.make_article(5)
    edited = corpus.edit_article(article)
    changed = [a != b for a, b in zip(article.paragraphs, edited.paragraphs, strict=True)]
    assert changed.count(True) == 1


@pytest.mark.parametrize("number", [0, 1, 2, 3, 10, 11, 24, 25])
def test_newsgen_loads_each_generated_article(tmp_path: Path, number: int) -> None:
    article = corpus.make_article(number)
    if article.suffix not in content_suffixes():
        pytest.skip(f"newsgen has no reader for {article.suffix} files yet")
    path = corpus.article_path(tmp_path, "newsgen", article)
    path.parent.mkdir(parents=True)
    corpus.write_article(tmp_path, article, ["newsgen"])
    loaded = load_article(path)
    assert loaded.warnings == ()
    got = loaded.article
    expected_paragraphs = list(article.paragraphs)
    assert (got.headline, got.dek, got.kicker) == (article.headline, article.dek, article.kicker)
    assert got.byline == article.byline
    assert got.contributors == article.contributors
    assert got.tags == article.tags
    assert got.date == article.date
    assert [p.text for p in got.paragraphs] == expected_paragraphs
    assert got.boilerplate == article.boilerplate


def _pelican_metadata(text: str) -> dict[str, str]:
    head = text.split("\n\n", 1)[0]
    return dict(line.split(": ", 1) for line in head.splitlines())


@pytest.mark.parametrize("number", [0, 1, 7])
def test_pelican_and_hugo_get_the_same_article(number: int) -> None:
    article = corpus.make_article(number)
    pelican = _pelican_metadata(corpus.render_pelican(article))
    assert pelican["Title"] == article.headline
    assert pelican["Slug"] == article.slug
    assert pelican["Tags"].split(", ") == list(article.tags)
    assert dt.datetime.strptime(pelican["Date"], "%Y-%m-%d %H:%M").replace(
        tzinfo=dt.UTC
    ) == article.date.replace(second=0)
    _, front, body = corpus.render_hugo(article).split("---\n", 2)
    hugo = yaml.safe_load(front)
    assert (hugo["title"], hugo["slug"], tuple(hugo["tags"])) == (
        article.headline,
        article.slug,
        article.tags,
    )
    assert hugo["date"] == article.date
    assert body.strip().split("\n\n") == list(article.paragraphs)


def test_a_corpus_written_again_keeps_its_files_and_loses_strays(tmp_path: Path) -> None:
    """Run again on the same folder, the benchmark neither deletes nor makes a file that
    holds its article already (see tests/bench/bench_files.py for why); a changed article
    is written back, a file that is no article of the corpus is removed."""
    root = tmp_path / "corpus"
    corpus.write_corpus(root, SAMPLE, seed=3)
    first = corpus.make_article(0, 3)
    changed = corpus.article_path(root, "newsgen", first)
    changed.write_text("an editor's leftover edit", "utf-8")
    stray = changed.with_name("left-over-added-article.md")
    stray.write_text("# Added\n\nAnd never deleted.\n", "utf-8")
    inodes = {p: p.stat().st_ino for p in root.rglob("*.*") if p != stray}
    before = _files(root)
    corpus.write_corpus(root, SAMPLE, seed=3, reuse=True)
    assert {p: p.stat().st_ino for p in root.rglob("*.*")} == inodes
    corpus.write_corpus(tmp_path / "fresh", SAMPLE, seed=3)
    assert _files(root) == _files(tmp_path / "fresh") != before
