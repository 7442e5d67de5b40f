"""The annotated corpus of `tests/articles/`: one case per article per metadata field.

Each case loads and analyses an article the way `newsgen parse` does and compares one
field (headline, kicker, byline, ..., boilerplate) with `<name>.expected.yaml`; quotes and
speakers are in `test_articles_quotes.py`. See `corpus.py` for the format and for what
counts as the same; `python tests/corpus_score.py --diff` shows every difference at once.
"""

from __future__ import annotations

import pytest

from corpus import (
    METADATA_FIELDS,
    CorpusCase,
    analyse_source,
    find_cases,
    metadata_problems,
)

CASES = find_cases()


def test_corpus_is_large_enough() -> None:
    assert len([c for c in CASES if c.source.suffix == ".txt"]) >= 14
    assert len([c for c in CASES if c.source.suffix == ".md"]) >= 2


@pytest.mark.parametrize("field", METADATA_FIELDS)
@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_metadata(case: CorpusCase, field: str) -> None:
    problems = metadata_problems(case, analyse_source(case.source).article, field)
    assert not problems, f"{case.name}: " + "\n".join(problems)
