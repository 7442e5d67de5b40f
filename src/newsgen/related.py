"""Related articles: those sharing speakers (worth two) or tags (worth one), best first,
then newest; only the nearest in time on each speaker's or tag's list are compared, so
that a tag on thousands of articles stays cheap.

Comparing the whole archive is the dearest part of indexing it, so the result is kept
(`RelatedIndex`) with what it was computed from: every article's slug and features, in
order. A rebuild with the same inputs takes it as it is; with other inputs, only the
articles whose comparisons can have changed are compared again: those whose features
changed, and those within the window of a change on one of the lists they are on.
In a large archive the comparisons are shared out among worker processes (at 100,000
articles they took some 7 seconds in one process, while the other cores waited).
"""

from __future__ import annotations

from array import array
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from newsgen.parallel import map_tasks, worker_state
from newsgen.summary import ArticleSummary, digest_text, speaker_keys

RELATED_COUNT = 3
RELATED_WINDOW = 12
COMPARED_PER_TASK = 100  # articles compared per task in a worker (when there are workers)


@dataclass(frozen=True, slots=True)
class RelatedIndex:
    key: str = ""  # the digest of `inputs`
    inputs: str = ""  # a line per article, newest first: its slug then its features, tabbed
    related: dict[str, tuple[str, ...]] = field(default_factory=dict)


def find_related(
    articles: Sequence[ArticleSummary], kept: RelatedIndex, jobs: int = 1
) -> RelatedIndex:
    """The related articles of `articles` (newest first), reusing what `kept` found;
    compared on up to `jobs` processes."""
    every_keys = [
        sorted(
            {f"s:{key}" for key in speaker_keys(article.quotes) if key}
            | {f"t:{t.slug}" for t in article.tags}
        )
        for article in articles
    ]
    slugs = [a.slug for a in articles]
    inputs = "\n".join(s + "\t" + "\t".join(k) for s, k in zip(slugs, every_keys, strict=True))
    key = digest_text(inputs)
    if key == kept.key:
        return kept
    again = _changed(kept, slugs, every_keys) if kept.inputs else None
    found = compare_related(slugs, every_keys, again, jobs)
    if again is not None:
        found = {slug: found[slug] if slug in found else kept.related[slug] for slug in slugs}
    return RelatedIndex(key, inputs, found)


def compare_related(
    slugs: Sequence[str],
    every_keys: Sequence[Sequence[str]],
    only: set[int] | None = None,
    jobs: int = 1,
) -> dict[str, tuple[str, ...]]:
    """The related articles of the articles at the indexes `only` (None: of all)."""
    indexes = list(range(len(slugs))) if only is None else sorted(only)
    tasks = [
        indexes[start : start + COMPARED_PER_TASK]
        for start in range(0, len(indexes), COMPARED_PER_TASK)
    ]
    related: dict[str, tuple[str, ...]] = {}
    for found in map_tasks(_compare_task, tasks, _Comparison.of(every_keys), jobs):
        for index, others in found:
            related[slugs[index]] = tuple(slugs[other] for other in others)
    return related


@dataclass(frozen=True, slots=True)
class _Comparison:
    """The articles' features as workers compare them (articles go by their index).

    Workers are forked from this process, which holds every summary by then, and inherit
    this: what they only read is kept in arrays, whose numbers are no objects, so that
    reading them writes no reference count, and copies no memory page (a list of tuples
    per article, as before, was copied into each worker: ~70 MB each at 100,000 articles).
    """

    members: list[list[int]]  # per feature: the articles that have it, newest first
    places: array[int]  # per article, per feature: weight, feature number, place on its list
    starts: array[int]  # where each article's triples start in `places`, and the end

    @classmethod
    def of(cls, every_keys: Sequence[Sequence[str]]) -> _Comparison:
        numbers: dict[str, int] = {}
        members: list[list[int]] = []
        places, starts = array("l"), array("l", [0])
        for index, keys in enumerate(every_keys):
            for feature in keys:
                number = numbers.setdefault(feature, len(numbers))
                if number == len(members):
                    members.append([])
                places.extend((2 if feature[0] == "s" else 1, number, len(members[number])))
                members[number].append(index)
            starts.append(len(places))
        return cls(members, places, starts)


def _compare_task(indexes: list[int]) -> list[tuple[int, list[int]]]:
    """The related articles of the articles at `indexes`: those sharing most with each
    within the window around it on each list it is on (ties: the newest)."""
    comparison = worker_state(_Comparison)
    members, places, starts = comparison.members, comparison.places, comparison.starts
    related = []
    for index in indexes:
        scores: dict[int, int] = {}
        for at in range(starts[index], starts[index + 1], 3):
            weight, sharing, place = places[at], members[places[at + 1]], places[at + 2]
            for other in sharing[max(0, place - RELATED_WINDOW) : place + RELATED_WINDOW + 1]:
                scores[other] = scores.get(other, 0) + weight
        scores.pop(index, None)
        best = sorted([(-score, other) for other, score in scores.items()])[:RELATED_COUNT]
        related.append((index, [other for _, other in best]))
    return related


def _changed(
    kept: RelatedIndex, slugs: Sequence[str], every_keys: Sequence[list[str]]
) -> set[int] | None:
    """The indexes of the articles whose comparisons may differ from `kept`'s: new ones,
    those whose features changed, and those within the window of a change on the list of
    a feature they have (an article added, removed, or given or denied the feature).
    Farther on a list, the window of an article holds the same articles in the same order.
    None when articles that are still there moved in time: ties are broken by the order
    of the whole archive, so every comparison may differ."""
    old_lists: dict[str, list[str]] = defaultdict(list)
    old_keys: dict[str, list[str]] = {}
    for line in kept.inputs.split("\n"):
        slug, *keys = line.split("\t")
        old_keys[slug] = keys
        for feature in keys:
            old_lists[feature].append(slug)
    present = set(slugs)
    if [s for s in old_keys if s in present] != [s for s in slugs if s in old_keys]:
        return None
    changed = {
        index
        for index, (slug, keys) in enumerate(zip(slugs, every_keys, strict=True))
        if old_keys.get(slug) != keys or slug not in kept.related
    }
    new_lists: dict[str, list[int]] = defaultdict(list)
    for index, keys in enumerate(every_keys):
        for feature in keys:
            new_lists[feature].append(index)
    for feature, members in new_lists.items():
        new = [slugs[i] for i in members]
        old = old_lists.get(feature, [])
        if new == old:
            continue
        same = min(len(new), len(old))
        head = next((i for i in range(same) if new[i] != old[i]), same)
        tail = next((i for i in range(same - head) if new[-1 - i] != old[-1 - i]), same - head)
        low, high = max(0, head - RELATED_WINDOW), len(new) - tail + RELATED_WINDOW
        changed.update(members[low:high])
    return changed
