"""Score quote attribution on the annotated corpus of `tests/articles/`.

    python tests/corpus_score.py                 # figures per article and in total
    python tests/corpus_score.py --diff          # also every difference from the expectations
    python tests/corpus_score.py --write-floor   # also save the totals as the new floor

Three figures, each precision / recall / F1 over the whole corpus:
- quotes: every quotation in the body (scare quotes and titles too), an actual quote
  counting when it holds the phrases of an expected one (each pairs at most once);
- quote+speaker: attributed quotes only (speaker not null on either side); a pair counts
  when the quote is found and the speaker is the same (see `corpus.same_speaker`), so a
  scare quote given a speaker is a false positive and a quote left to nobody a miss;
- speakers: the article's list of speakers (with sources in indirect speech only), by
  name and kind.
`tests/articles/score_floor.yaml` holds the floor `test_corpus_floor.py` keeps them above.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

from corpus import (
    ARTICLES_DIR,
    CorpusCase,
    analyse_source,
    case_problems,
    find_cases,
    match_quotes,
    normalize_name,
    same_speaker,
)
from newsgen.diagnostics import ContentError

FLOOR_PATH = ARTICLES_DIR / "score_floor.yaml"
FIGURES = ("quote", "quote_speaker", "speaker")


@dataclass(frozen=True, slots=True)
class Tally:
    """Counts for one figure: what was expected, what was given, what was right."""

    expected: int = 0
    predicted: int = 0
    right_expected: int = 0
    right_predicted: int = 0

    def __add__(self, other: Tally) -> Tally:
        return Tally(
            self.expected + other.expected,
            self.predicted + other.predicted,
            self.right_expected + other.right_expected,
            self.right_predicted + other.right_predicted,
        )

    @property
    def precision(self) -> float:
        return self.right_predicted / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.right_expected / self.expected if self.expected else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True, slots=True)
class CaseScore:
    name: str
    tallies: tuple[Tally, Tally, Tally]
    error: str | None = None


def score_case(case: CorpusCase) -> CaseScore:
    """Score one article; one that fails to load counts as giving nothing."""
    expected_pairs = sum(q.speaker is not None for q in case.quotes)
    try:
        analysed = analyse_source(case.source)
    except ContentError as error:
        nothing = (
            Tally(expected=len(case.quotes)),
            Tally(expected=expected_pairs),
            Tally(expected=len(case.speakers)),
        )
        return CaseScore(case.name, nothing, str(error))
    quotes = analysed.analysis.quotes
    matching = match_quotes(case.quotes, quotes, analysed.article)
    found = len(matching.pairs)
    right_pairs = sum(
        want.speaker is not None and same_speaker(want.speaker, got.speaker)
        for want, got in matching.pairs
    )
    expected_speakers = {(normalize_name(s.name), s.kind) for s in case.speakers}
    actual_speakers = {(normalize_name(s.name), str(s.kind)) for s in analysed.analysis.speakers}
    right_speakers = len(expected_speakers & actual_speakers)
    return CaseScore(
        case.name,
        (
            Tally(len(case.quotes), len(quotes), found, found),
            Tally(
                expected_pairs,
                sum(q.speaker is not None for q in quotes),
                right_pairs,
                right_pairs,
            ),
            Tally(len(expected_speakers), len(actual_speakers), right_speakers, right_speakers),
        ),
    )


def total_tallies(scores: Iterable[CaseScore]) -> dict[str, Tally]:
    totals = dict.fromkeys(FIGURES, Tally())
    for score in scores:
        for figure, tally in zip(FIGURES, score.tallies, strict=True):
            totals[figure] = totals[figure] + tally
    return totals


def score_corpus(cases: Sequence[CorpusCase] | None = None) -> list[CaseScore]:
    return [score_case(case) for case in (find_cases() if cases is None else cases)]


def read_floor(path: Path = FLOOR_PATH) -> dict[str, float]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {f"{figure}_f1": float(data[f"{figure}_f1"]) for figure in FIGURES}


def write_floor(totals: dict[str, Tally], path: Path = FLOOR_PATH) -> None:
    """Write the totals, rounded down to 3 decimals, as the new floor."""
    lines = ["# The corpus score may not fall below these (python tests/corpus_score.py)."]
    for figure in FIGURES:
        lines.append(f"{figure}_f1: {int(totals[figure].f1 * 1000) / 1000:.3f}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def format_row(name: str, tallies: Sequence[Tally]) -> str:
    cells = [f"{t.precision:5.2f} {t.recall:5.2f} {t.f1:5.2f}" for t in tallies]
    return f"{name:48} " + " | ".join(cells)


def print_report(scores: Sequence[CaseScore]) -> None:
    header = " | ".join(f"{figure:^17}" for figure in FIGURES)
    print(f"{'article':48} {header}")
    print(f"{'':48} " + " | ".join(["    P     R    F1"] * len(FIGURES)))
    for score in scores:
        print(format_row(score.name, score.tallies))
        if score.error:
            print(f"    not loaded: {score.error}")
    totals = total_tallies(scores)
    print(format_row("TOTAL", [totals[f] for f in FIGURES]))
    counts = ", ".join(
        f"{figure}: {t.right_expected}/{t.expected} found, {t.right_predicted}/{t.predicted} right"
        for figure, t in totals.items()
    )
    print(counts)
    floor = read_floor() if FLOOR_PATH.exists() else {}
    for key, value in floor.items():
        print(f"floor {key}: {value:.3f}")


def print_differences() -> None:
    for case in find_cases():
        try:
            problems = case_problems(case, analyse_source(case.source))
        except ContentError as error:
            problems = [f"not loaded: {error}"]
        print(f"\n{case.name}: {len(problems) or 'no'} differences")
        for problem in problems:
            print(f"  {problem}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--write-floor", action="store_true", help="save the totals as the new floor"
    )
    parser.add_argument(
        "--diff", action="store_true", help="print every difference from the expectations"
    )
    args = parser.parse_args(argv)
    scores = score_corpus()
    print_report(scores)
    if args.diff:
        print_differences()
    if args.write_floor:
        write_floor(total_tallies(scores))
        print(f"wrote {FLOOR_PATH}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
