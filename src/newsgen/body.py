"""The body stage shared by the readers: contributors, boilerplate and the dateline.

A reader turns its input into candidate paragraphs; `clean_body` then
1. takes out contributor lines ("Jamie McIntyre contributed reporting",
   "Additional reporting by A; Editing by B") into `contributors`;
2. takes out boilerplate (`newsgen.boilerplate`) into `boilerplate`;
3. reads the dateline at the start of the first paragraph ("WASHINGTON
   (Reuters) —", "KYIV, Ukraine (AP) —", "LONDON —").

Decision on the dateline: it is recorded in `dateline` AND left in the first
paragraph, so the text stays exactly as written (quote offsets, re-import and
the reader's view all see the same paragraph). Templates that want to show the
dateline apart can cut `len(dateline)` characters plus the dash.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from newsgen.article import Article, BlockKind, Paragraph
from newsgen.boilerplate import BoilerplateRule, split_boilerplate
from newsgen.credits import parse_contributor_line
from newsgen.slug import slugify

_PLACE_WORD = r"[A-Z][A-Z.'\u2019-]*[A-Z.]"
_REGION = r"[A-Z][\w.'\u2019-]*(?:\s[A-Z][\w.'\u2019-]*){0,2}"
_SHORT_DATE = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s\d{1,2}"
_DATELINE = re.compile(
    rf"(?P<place>{_PLACE_WORD}(?:\s{_PLACE_WORD}){{0,3}}"
    rf"(?:,\s(?!{_SHORT_DATE}\b){_REGION}){{0,2}})"
    rf"(?:,\s{_SHORT_DATE})?"
    r"(?:\s*\([^()]{1,40}\))?"
    r"(?:\s*(?:—|\u2013|―)\s*|\s+(?:--|-)\s+)(?=\S)"
)


@dataclass(frozen=True, slots=True)
class Body:
    paragraphs: tuple[Paragraph, ...]
    contributors: tuple[str, ...] = ()
    boilerplate: tuple[str, ...] = ()
    dateline: str | None = None


def find_dateline(text: str) -> str | None:
    """The place of the dateline opening a paragraph, else None.

    "KYIV, Ukraine (AP) — ..." gives "KYIV, Ukraine"; the date and the agency
    in "BEIJING, Sept 18 (Reuters) - ..." are left out.
    """
    match = _DATELINE.match(text)
    return match.group("place") if match else None


def clean_body(paragraphs: Sequence[Paragraph], rules: Sequence[BoilerplateRule]) -> Body:
    contributors: list[str] = []
    candidates: list[Paragraph] = []
    for paragraph in paragraphs:
        names = parse_contributor_line(paragraph.text)
        if names is None or paragraph.kind is BlockKind.HEADING:
            candidates.append(paragraph)
        else:
            contributors.extend(name for name in names if name not in contributors)
    kept, removed = split_boilerplate([p.text for p in candidates], rules)
    body = tuple(candidates[i] for i in kept)
    first = body[0] if body else None
    dateline = find_dateline(first.text) if first and first.kind is BlockKind.PARAGRAPH else None
    return Body(
        paragraphs=body,
        contributors=tuple(contributors),
        boilerplate=tuple(candidates[i].text for i in removed),
        dateline=dateline,
    )


def assemble_article(
    path: Path,
    headline: str | None,
    body: Body,
    *,
    kicker: str | None = None,
    dek: str | None = None,
    byline: tuple[str, ...] = (),
    photo_credit: str | None = None,
    dateline: str | None = None,
    date: dt.datetime | None = None,
    tags: tuple[str, ...] = (),
    removed_from_head: tuple[str, ...] = (),
) -> Article:
    """The article a reader found: its head fields and its cleaned body.

    The slug comes from the file name (else the headline); the body's dateline wins
    over one the head gave; boilerplate lists what the head dropped, then the body's.
    A missing headline stays empty: front-matter may still give one.
    """
    headline = headline or ""
    return Article(
        source=path,
        headline=headline,
        slug=slugify(path.stem) or slugify(headline),
        paragraphs=body.paragraphs,
        kicker=kicker,
        dek=dek,
        byline=byline,
        contributors=body.contributors,
        photo_credit=photo_credit,
        dateline=body.dateline or dateline,
        date=date,
        tags=tags,
        boilerplate=removed_from_head + body.boilerplate,
    )
