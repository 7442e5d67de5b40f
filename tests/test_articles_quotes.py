"""The annotated corpus of `tests/articles/`: its quotes and speakers, one case per article each.

Each case loads and analyses an article the way `newsgen parse` does and compares its
quotes, or its speakers, with `<name>.expected.yaml`. See `corpus.py` for the format and
for what counts as the same; `python tests/corpus_score.py --diff` shows every difference.
"""

from __future__ import annotations

import pytest

from corpus import (
    CorpusCase,
    analyse_source,
    find_cases,
    quote_problems,
    speaker_problems,
)

CASES = find_cases()


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_quotes(case: CorpusCase) -> None:
    problems = quote_problems(case, analyse_source(case.source))
    assert not problems, f"{case.name}: quotes differ\n  " + "\n  ".join(problems)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_speakers(case: CorpusCase) -> None:
    problems = speaker_problems(case, analyse_source(case.source))
    assert not problems, f"{case.name}: speakers differ\n  " + "\n  ".join(problems)
