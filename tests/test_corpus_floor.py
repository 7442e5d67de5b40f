"""The quality gate: quote attribution on the corpus may not fall below the committed floor.

Raise the floor with `python tests/corpus_score.py --write-floor` when the engine improves.
"""

from __future__ import annotations

import pytest

from corpus_score import FIGURES, Tally, read_floor, score_corpus, total_tallies


@pytest.fixture(scope="module")
def totals() -> dict[str, Tally]:
    return total_tallies(score_corpus())


@pytest.mark.parametrize("figure", FIGURES)
def test_score_stays_above_floor(figure: str, totals: dict[str, Tally]) -> None:
    tally = totals[figure]
    floor = read_floor()[f"{figure}_f1"]
    assert tally.f1 >= floor, (
        f"{figure} F1 fell to {tally.f1:.3f} (P {tally.precision:.3f}, R {tally.recall:.3f}),"
        f" below the floor {floor:.3f}; run python tests/corpus_score.py to see which articles"
    )


@pytest.mark.parametrize(
    ("tally", "f1"),
    [
        (Tally(expected=4, predicted=4, right_expected=4, right_predicted=4), 1.0),
        (Tally(expected=4, predicted=2, right_expected=2, right_predicted=2), 2 / 3),
        (Tally(expected=4, predicted=0), 0.0),
        (Tally(expected=0, predicted=3), 0.0),
    ],
)
def test_tally_f1(tally: Tally, f1: float) -> None:
    assert tally.f1 == pytest.approx(f1)
