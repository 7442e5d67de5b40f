"""Related articles found again after a change equal those found from scratch.

Archives are made of articles with speakers and tags drawn from small pools (so that
lists are long and windows overlap), changed in each of the ways a rebuild sees, and
the related articles kept from before and brought up to date are compared with those
of a clean comparison.
"""

from __future__ import annotations

import random
from collections.abc import Callable

import pytest

from newsgen import related
from newsgen.placement import TagRef
from newsgen.related import RelatedIndex, compare_related, find_related
from newsgen.summary import ArticleSummary, StoredRows, digest_text, make_placed_quote, quote_row

Archive = list[tuple[str, list[str]]]  # (slug, sorted features), newest first


def make_archive(rng: random.Random, size: int) -> Archive:
    return [(f"a{n}", features(rng)) for n in range(size)]


def features(rng: random.Random) -> list[str]:
    speakers = {f"s:{rng.randrange(12)}" for _ in range(rng.randrange(4))}
    tags = {f"t:{rng.randrange(5)}" for _ in range(rng.randrange(1, 3))}
    return sorted(speakers | tags)


def kept_for(archive: Archive) -> RelatedIndex:
    slugs = [slug for slug, _ in archive]
    keys = [k for _, k in archive]
    inputs = "\n".join(s + "\t" + "\t".join(k) for s, k in archive)
    return RelatedIndex(digest_text(inputs), inputs, compare_related(slugs, keys))


def add(rng: random.Random, archive: Archive) -> Archive:
    at = rng.randrange(len(archive) + 1)
    return [*archive[:at], (f"new{rng.randrange(10**6)}", features(rng)), *archive[at:]]


def remove(rng: random.Random, archive: Archive) -> Archive:
    at = rng.randrange(len(archive))
    return archive[:at] + archive[at + 1 :]


def refeature(rng: random.Random, archive: Archive) -> Archive:
    at = rng.randrange(len(archive))
    return [*archive[:at], (archive[at][0], features(rng)), *archive[at + 1 :]]


def drop_feature(rng: random.Random, archive: Archive) -> Archive:
    """An article loses one speaker or tag and keeps the others."""
    at = rng.choice([n for n, (_, keys) in enumerate(archive) if len(keys) > 1])
    slug, keys = archive[at]
    kept = [k for k in keys if k != rng.choice(keys)]
    return [*archive[:at], (slug, kept), *archive[at + 1 :]]


def rename(rng: random.Random, archive: Archive) -> Archive:
    at = rng.randrange(len(archive))
    return [*archive[:at], (archive[at][0] + "-renamed", archive[at][1]), *archive[at + 1 :]]


def move(rng: random.Random, archive: Archive) -> Archive:
    """An article's date changed: it moves in the archive (everything is compared again)."""
    moved = archive[rng.randrange(len(archive))]
    rest = [a for a in archive if a is not moved]
    at = rng.randrange(len(rest) + 1)
    return [*rest[:at], moved, *rest[at:]]


def several(rng: random.Random, archive: Archive) -> Archive:
    for _ in range(rng.randrange(2, 6)):
        archive = rng.choice([add, remove, refeature, rename])(rng, archive)
    return archive


Change = Callable[[random.Random, Archive], Archive]


@pytest.mark.parametrize("change", [add, remove, refeature, drop_feature, rename, move, several])
@pytest.mark.parametrize("seed", range(12))
def test_related_articles_brought_up_to_date_equal_a_clean_comparison(
    change: Change, seed: int
) -> None:
    rng = random.Random(seed)
    before = make_archive(rng, rng.randrange(30, 120))
    after = change(rng, before)
    summaries = [summary(slug, keys) for slug, keys in after]
    found = find_related(summaries, kept_for(before))
    assert found.related == kept_for(after).related
    assert found.key == kept_for(after).key


def test_the_same_articles_take_the_kept_comparison_as_it_is() -> None:
    archive = make_archive(random.Random(1), 50)
    kept = kept_for(archive)
    assert find_related([summary(slug, keys) for slug, keys in archive], kept) is kept


def summary(slug: str, keys: list[str]) -> ArticleSummary:
    """The summary of an article quoting the speakers and tagged with the tags of `keys`
    (a quote row holds its speaker's key third, as `summary.quote_rows` reads it)."""
    rows = tuple((None, None, k[2:], None, None, 0) for k in keys if k.startswith("s:"))
    tags = tuple(TagRef(k[2:], k[2:]) for k in keys if k.startswith("t:"))
    quotes = StoredRows(rows, make_placed_quote, quote_row)
    return ArticleSummary(f"{slug}.md", slug, slug, None, None, (), None, 1, tags, quotes, (),
                          "", "", "")  # fmt: skip


@pytest.mark.parametrize("change", [add, remove, refeature, drop_feature, rename])
def test_a_change_compares_only_the_articles_near_it_again(
    change: Change, monkeypatch: pytest.MonkeyPatch
) -> None:
    rng = random.Random(7)
    before = make_archive(rng, 400)
    after = change(rng, before)
    compared: list[int] = []

    def compare(
        slugs: list[str], keys: list[list[str]], only: set[int] | None = None, jobs: int = 1
    ) -> object:
        compared.append(len(slugs) if only is None else len(only))
        return compare_related(slugs, keys, only, jobs)

    monkeypatch.setattr(related, "compare_related", compare)
    related.find_related([summary(slug, keys) for slug, keys in after], kept_for(before))
    assert 0 < compared[0] < len(after) // 2


@pytest.mark.parametrize("only", [None, set(range(0, 3000, 2))], ids=["all", "some"])
def test_compared_in_worker_processes_or_in_this_one_they_are_the_same(
    only: set[int] | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    # 150 or 300 tasks: enough for two workers (`parallel.ITEMS_PER_WORKER`)
    monkeypatch.setattr(related, "COMPARED_PER_TASK", 10)
    archive = make_archive(random.Random(11), 3000)
    slugs = [slug for slug, _ in archive]
    keys = [k for _, k in archive]
    here = compare_related(slugs, keys, only, jobs=1)
    assert compare_related(slugs, keys, only, jobs=2) == here
    assert list(here) == [slugs[n] for n in (sorted(only) if only else range(len(slugs)))]
