"""Shared test options and fixtures.

`--regen-golden` rewrites the golden site's expected output (tests/golden/expected)
instead of comparing against it.

`cast_stages` is a deterministic stand-in for the quote analysis: every quoted
span is given to the first person of a fixed cast named in its paragraph. Site
tests use it so that what they check (pages, links, escaping) does not move when
the real attribution heuristics improve; those have their own tests.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping

import pytest

from compiled import stale_compiled_modules
from newsgen.article import (
    Article,
    ArticleAnalysis,
    Quote,
    QuoteKind,
    Speaker,
    SpeakerKind,
)
from newsgen.builder import ArticleStages
from newsgen.loader import load_article


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--regen-golden",
        action="store_true",
        default=False,
        help="rewrite tests/golden/expected from the current build instead of comparing",
    )


def pytest_sessionstart(session: pytest.Session) -> None:
    """Refuse to test compiled modules that are not what the install would compile now
    (an install compiles them next to their source, and Python imports the compiled
    one): older than their source, or of a module no longer listed to be compiled."""
    stale = stale_compiled_modules()
    if stale:
        pytest.exit(
            "compiled modules that no longer match their source: "
            + ", ".join(str(path) for path in stale)
            + "; delete them and compile again: "
            + "find src -name '*.so' -delete && python -m pip install -e .",
            returncode=pytest.ExitCode.USAGE_ERROR,
        )


@pytest.fixture
def regen_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--regen-golden"))


# name -> (role, kind): the people and organizations of the test sites.
CAST: dict[str, tuple[str | None, SpeakerKind]] = {
    "Elena Marsh": ("Mayor of Port Aldwin", SpeakerKind.PERSON),
    "Tomas Reyes": ("city councillor", SpeakerKind.PERSON),
    "Grace Lindqvist": ("transport workers' union leader", SpeakerKind.PERSON),
    "Priya Natarajan": ("hydrologist", SpeakerKind.PERSON),
    "Aldwin Water Authority": (None, SpeakerKind.ORGANIZATION),
}
ANONYMOUS_HINTS = ("anonymity", "not to be named", "not to be identified", "privately")
QUOTED = re.compile(r"[\u201c\"]([^\u201c\u201d\"]+)[\u201d\"]")


def analyse_with_cast(
    article: Article, cast: Mapping[str, tuple[str | None, SpeakerKind]] = CAST
) -> ArticleAnalysis:
    """Quotes in curly or straight double marks, each given to the cast member named first."""
    quotes: list[Quote] = []
    for index, paragraph in enumerate(article.paragraphs):
        text = paragraph.text
        anonymous = any(hint in text for hint in ANONYMOUS_HINTS)
        named = [(text.find(name.split()[-1]), name) for name in cast]
        present = sorted((at, name) for at, name in named if at >= 0)
        speaker = "an anonymous source" if anonymous else (present[0][1] if present else None)
        role = None if anonymous or speaker is None else cast[speaker][0]
        for match in QUOTED.finditer(text):
            quotes.append(
                Quote(
                    text=match.group(1),
                    speaker=speaker,
                    role=role,
                    verb="said" if speaker else None,
                    paragraph=index,
                    start=match.start(1),
                    end=match.end(1),
                    kind=QuoteKind.DIRECT,
                    anonymous=anonymous,
                )
            )
    counts = Counter(q.speaker for q in quotes if q.speaker)
    speakers = tuple(
        Speaker(
            name=name,
            role=cast[name][0] if name in cast else None,
            kind=cast[name][1] if name in cast else SpeakerKind.ANONYMOUS,
            quotes=count,
        )
        for name, count in counts.items()
    )
    return ArticleAnalysis(tuple(quotes), speakers)


@pytest.fixture
def cast_stages() -> ArticleStages:
    """The real loader with the deterministic cast analysis."""
    return ArticleStages(load=load_article, analyse=analyse_with_cast)
