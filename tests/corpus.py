"""The annotated test corpus of `tests/articles/`: its cases and how results are compared.

Each article `tests/articles/<name>.txt` (or `.md`) sits beside `<name>.expected.yaml`,
which says what a careful editor would say the loader and the analysis must give:

    headline, kicker, dek, photo_credit: text or null
    byline, contributors, boilerplate:   lists of text, in the article's order
    dateline:                            the place ("WASHINGTON", "KYIV, Ukraine") or null
    date:                                the publication day (YYYY-MM-DD) or null
    paragraphs:                          the number of body paragraphs
    quotes:   [{phrase, speaker, role?, kind?, anonymous}]
    speakers: [{name, role, kind, quotes}]

A quote is found by `phrase` (a string, or a list of strings that must all be in the same
quote, for a quote split around its attribution or running over paragraphs). `role` of a
quote is checked only when given (the speaker's role is always checked in `speakers`);
`kind` may be left out only for scare quotes and titles (speaker null).

Comparisons forgive only what is a matter of spelling, not of substance: names and roles
are compared case-insensitively, with curly and straight apostrophes alike and without a
leading article ("the Pentagon" = "Pentagon"); a dateline is compared by its place, so
whether the loader keeps the agency credit "(Reuters)" and the dash does not matter.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from newsgen.analysis import analyse_article
from newsgen.article import AnalysedArticle, Article, Quote
from newsgen.loader import load_article

ARTICLES_DIR = Path(__file__).parent / "articles"
ARTICLE_SUFFIXES = (".txt", ".md")

METADATA_FIELDS = (
    "headline",
    "kicker",
    "dek",
    "byline",
    "contributors",
    "photo_credit",
    "dateline",
    "date",
    "paragraphs",
    "boilerplate",
)
ASPECTS = (*METADATA_FIELDS, "quotes", "speakers")
QUOTE_KEYS = frozenset({"phrase", "speaker", "role", "kind", "anonymous"})
SPEAKER_KEYS = frozenset({"name", "role", "kind", "quotes"})


@dataclass(frozen=True, slots=True)
class ExpectedQuote:
    phrases: tuple[str, ...]
    speaker: str | None
    kind: str | None
    anonymous: bool
    role: str | None = None
    check_role: bool = False

    def describe(self) -> str:
        said = self.speaker if self.speaker is not None else "nobody"
        role = f" ({self.role})" if self.check_role and self.role else ""
        return f"{' … '.join(self.phrases)!r} -> {said}{role}, {self.kind}, anon={self.anonymous}"


@dataclass(frozen=True, slots=True)
class ExpectedSpeaker:
    name: str
    role: str | None
    kind: str
    quotes: int


@dataclass(frozen=True, slots=True)
class CorpusCase:
    source: Path
    metadata: tuple[tuple[str, Any], ...]
    quotes: tuple[ExpectedQuote, ...]
    speakers: tuple[ExpectedSpeaker, ...]

    @property
    def name(self) -> str:
        return self.source.name

    def expected(self, field: str) -> Any:
        return dict(self.metadata)[field]


class CorpusError(Exception):
    """An expectation file that cannot be used, named with its path."""


def find_cases(directory: Path = ARTICLES_DIR) -> list[CorpusCase]:
    """Every article of `directory` with its expectations, in name order."""
    sources = sorted(p for p in directory.iterdir() if p.suffix in ARTICLE_SUFFIXES)
    return [read_case(source) for source in sources]


def read_case(source: Path) -> CorpusCase:
    expected_path = source.with_name(source.stem + ".expected.yaml")
    if not expected_path.exists():
        raise CorpusError(f"{source}: no {expected_path.name} beside it")
    data = yaml.safe_load(expected_path.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise CorpusError(f"{expected_path}: not a mapping")
    unknown = set(data) - set(ASPECTS)
    missing = set(ASPECTS) - set(data)
    if unknown or missing:
        raise CorpusError(f"{expected_path}: unknown keys {unknown or '{}'}, missing {missing}")
    metadata = tuple((field, _read_metadata(field, data[field])) for field in METADATA_FIELDS)
    quotes = tuple(_read_quote(expected_path, q) for q in data["quotes"] or ())
    speakers = tuple(_read_speaker(expected_path, s) for s in data["speakers"] or ())
    return CorpusCase(source, metadata, quotes, speakers)


def _read_metadata(field: str, value: Any) -> Any:
    if field == "date" and value is not None:
        return str(value)
    if field in {"byline", "contributors", "boilerplate"}:
        return list(value or ())
    return value


def _read_quote(path: Path, entry: dict[str, Any]) -> ExpectedQuote:
    unknown = set(entry) - QUOTE_KEYS
    if unknown or "phrase" not in entry or "speaker" not in entry:
        raise CorpusError(f"{path}: quote {entry} needs phrase and speaker, unknown: {unknown}")
    if entry["speaker"] is not None and "kind" not in entry:
        raise CorpusError(f"{path}: quote {entry} of a speaker needs its kind")
    phrase = entry["phrase"]
    phrases = (phrase,) if isinstance(phrase, str) else tuple(phrase)
    return ExpectedQuote(
        phrases=phrases,
        speaker=entry["speaker"],
        kind=entry.get("kind"),
        anonymous=bool(entry.get("anonymous", False)),
        role=entry.get("role"),
        check_role="role" in entry,
    )


def _read_speaker(path: Path, entry: dict[str, Any]) -> ExpectedSpeaker:
    if set(entry) != SPEAKER_KEYS:
        raise CorpusError(f"{path}: speaker {entry} needs exactly {sorted(SPEAKER_KEYS)}")
    return ExpectedSpeaker(entry["name"], entry["role"], entry["kind"], int(entry["quotes"]))


@functools.cache
def analyse_source(source: Path) -> AnalysedArticle:
    """Load and analyse one corpus article (once per test run)."""
    article = load_article(source).article
    return AnalysedArticle(article, analyse_article(article))


# --- comparing -------------------------------------------------------------------------

_APOSTROPHES = str.maketrans(
    {"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " "}
)
_LEADING_ARTICLE = re.compile(r"^(?:the|a|an|one|two|three|four|several)\s+", re.IGNORECASE)
_MONTH = r"(?:Jan|Feb|March|April|May|June|July|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?"
# What may follow the place in a dateline: ", March 3", "(Reuters)", a dash.
_DATELINE_TAIL = re.compile(
    rf"(?:,\s*{_MONTH}\s+\d{{1,2}})?\s*(?:\([A-Za-z .]+\))?\s*(?:[\u2014\u2013]|-{{1,2}})?\s*$"
)


def normalize_text(text: str) -> str:
    """Text as compared: one kind of quotation mark and apostrophe, single spaces, no case."""
    text = unicodedata.normalize("NFKC", text).translate(_APOSTROPHES)
    return " ".join(text.split()).casefold()


def normalize_name(name: str | None) -> str | None:
    """A speaker's name or role as compared: see the module docstring."""
    if name is None:
        return None
    return _LEADING_ARTICLE.sub("", normalize_text(name).strip(" ,."))


def actual_metadata(article: Article, field: str) -> Any:
    """The value of one metadata aspect, in the shape the expectation files use."""
    if field == "paragraphs":
        return len(article.paragraphs)
    if field == "date":
        return article.date.date().isoformat() if article.date else None
    if field == "dateline":
        return _DATELINE_TAIL.sub("", article.dateline) if article.dateline else None
    value = getattr(article, field)
    return list(value) if isinstance(value, tuple) else value


def quote_texts(quote: Quote, article: Article) -> str:
    """Everything the quote says: its text and the text of each of its parts."""
    pieces = [quote.text]
    for paragraph, start, end in quote.parts:
        if 0 <= paragraph < len(article.paragraphs):
            pieces.append(article.paragraphs[paragraph].text[start:end])
    return normalize_text(" ".join(pieces))


def holds_phrases(quote: Quote, article: Article, expected: ExpectedQuote) -> bool:
    texts = quote_texts(quote, article)
    return all(normalize_text(phrase) in texts for phrase in expected.phrases)


@dataclass(frozen=True, slots=True)
class QuoteMatching:
    pairs: tuple[tuple[ExpectedQuote, Quote], ...]
    missed: tuple[ExpectedQuote, ...]
    extra: tuple[Quote, ...]


def match_quotes(
    expected: Sequence[ExpectedQuote], actual: Sequence[Quote], article: Article
) -> QuoteMatching:
    """Pair each expected quote with the first unpaired actual quote holding its phrases."""
    free = list(actual)
    pairs: list[tuple[ExpectedQuote, Quote]] = []
    missed: list[ExpectedQuote] = []
    for want in expected:
        found = next((q for q in free if holds_phrases(q, article, want)), None)
        if found is None:
            missed.append(want)
        else:
            free.remove(found)
            pairs.append((want, found))
    return QuoteMatching(tuple(pairs), tuple(missed), tuple(free))


def same_speaker(expected: str | None, actual: str | None) -> bool:
    return normalize_name(expected) == normalize_name(actual)


def quote_differences(want: ExpectedQuote, got: Quote) -> list[str]:
    """What differs between an expected quote and the actual quote paired with it."""
    differences = []
    if not same_speaker(want.speaker, got.speaker):
        differences.append(f"speaker {want.speaker!r}, got {got.speaker!r}")
    if want.check_role and normalize_name(want.role) != normalize_name(got.role):
        differences.append(f"role {want.role!r}, got {got.role!r}")
    if want.kind is not None and want.kind != str(got.kind):
        differences.append(f"kind {want.kind}, got {got.kind}")
    if want.anonymous != got.anonymous:
        differences.append(f"anonymous {want.anonymous}, got {got.anonymous}")
    return differences


def describe_quote(quote: Quote) -> str:
    text = quote.text if len(quote.text) <= 70 else quote.text[:67] + "..."
    role = f" ({quote.role})" if quote.role else ""
    return f"{text!r} -> {quote.speaker}{role}, {quote.kind}, anon={quote.anonymous}"


def describe_speaker(name: str, role: str | None, kind: str, quotes: int) -> str:
    return f"{name} | {role} | {kind} | {quotes} quotes"


# --- what differs, in words an engine author can act on ----------------------------------


def metadata_problems(case: CorpusCase, article: Article, field: str) -> list[str]:
    expected, actual = case.expected(field), actual_metadata(article, field)
    if actual == expected:
        return []
    return [f"{field}: expected {expected!r}, got {actual!r}"]


def quote_problems(case: CorpusCase, analysed: AnalysedArticle) -> list[str]:
    matching = match_quotes(case.quotes, analysed.analysis.quotes, analysed.article)
    problems = [f"missing quote: {want.describe()}" for want in matching.missed]
    for want, got in matching.pairs:
        problems += [f"quote {want.phrases[0]!r}: {d}" for d in quote_differences(want, got)]
    problems += [f"unexpected quote: {describe_quote(q)}" for q in matching.extra]
    return problems


def speaker_problems(case: CorpusCase, analysed: AnalysedArticle) -> list[str]:
    expected = {
        (normalize_name(s.name), normalize_name(s.role), s.kind, s.quotes): describe_speaker(
            s.name, s.role, s.kind, s.quotes
        )
        for s in case.speakers
    }
    actual = {
        (normalize_name(s.name), normalize_name(s.role), str(s.kind), s.quotes): describe_speaker(
            s.name, s.role, str(s.kind), s.quotes
        )
        for s in analysed.analysis.speakers
    }
    missing = sorted(f"missing speaker:    {expected[k]}" for k in expected.keys() - actual.keys())
    extra = sorted(f"unexpected speaker: {actual[k]}" for k in actual.keys() - expected.keys())
    return missing + extra


def case_problems(case: CorpusCase, analysed: AnalysedArticle) -> list[str]:
    """Everything in which one article's results differ from its expectations."""
    problems = []
    for field in METADATA_FIELDS:
        problems += metadata_problems(case, analysed.article, field)
    return problems + quote_problems(case, analysed) + speaker_problems(case, analysed)
