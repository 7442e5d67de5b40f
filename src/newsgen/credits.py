"""Who made an article: byline lines, contributor lines and photo credits.

Each function reads ONE line or paragraph and answers only when the whole of it
is such a credit: "By NAME and NAME", "By NAME, Reuters", "By NAME | AP";
"NAME contributed reporting", "Additional reporting by A and B; Editing by C";
"Kirill Kudryavtsev / AFP / Getty Images", "Photo: ...", "... (AP Photo/...)".
A name is two to six capitalised words (particles such as "de", "van", "al-"
allowed), so an ordinary sentence ("By Friday, the talks ...") is never a credit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# News organisations that follow a byline ("By NAME, Reuters") or sign a photo credit.
_OUTLETS = re.compile(
    r"(?:the\s+)?(?:associated press|ap|reuters|afp|agence france-presse|bloomberg(?: news)?"
    r"|upi|bbc(?: news)?(?: \w+)?|cnn|al jazeera(?: america| english)?|the guardian|guardian"
    r"|(?:the )?new york times|nyt|(?:the )?washington post|politico|npr|dpa|efe|tass|xinhua"
    r"|kyodo|yonhap|press association|pa media|sky news|abc news|cbs news|nbc news"
    r"|fox news|staff|newsroom|wire services?|agencies|\w+ staff)",
    re.IGNORECASE,
)
_ROLE_WORDS = re.compile(
    r"\b(?:correspondent|editor|reporter|writer|contributor|columnist|analyst|producer"
    r"|special to|staff|bureau|chief|journalist|photographer)s?\b",
    re.IGNORECASE,
)
_PARTICLES = frozenset(
    {"de", "da", "das", "do", "dos", "del", "della", "der", "den", "di", "du", "la", "le"}
    | {"van", "von", "ten", "ter", "bin", "ibn", "al", "el", "y"}
)
_NAME_SPLIT = re.compile(r",\s*(?:and\s+)?|;\s*|\s+and\s+|\s*&\s*")
_PLACE_SUFFIX = re.compile(r"\s+(?:in|from|at)\s+(?:the\s+)?[A-Z].*$")


def is_person_name(text: str) -> bool:
    """Two to six capitalised words ("Jamie McIntyre", "Ana de la Cruz", "J. R. Smith")."""
    words = text.split()
    if not 2 <= len(words) <= 6:
        return False
    for word in words:
        if word.lower() in _PARTICLES:
            continue
        core = word[3:] if word.lower().startswith(("al-", "el-")) else word
        if not core[:1].isupper() or any(ch.isdigit() for ch in core):
            return False
        if not re.fullmatch(r"[\w'\u2019.\-]+", core):
            return False
    return words[0].lower() not in _PARTICLES or len(words) > 2


def split_names(text: str) -> tuple[str, ...] | None:
    """The person names of "A, B and C in Moscow", or None if any piece is not a name.

    Outlets ("Reuters"), roles ("Washington correspondent") and a trailing place
    after a name ("Jane Doe, Kyiv") are dropped, not refused.
    """
    names: list[str] = []
    for piece in _NAME_SPLIT.split(text.strip().rstrip(".")):
        piece = _PLACE_SUFFIX.sub("", piece.strip())
        if not piece:
            continue
        if _OUTLETS.fullmatch(piece) or _ROLE_WORDS.search(piece):
            continue
        if is_person_name(piece):
            names.append(piece)
        elif names and len(piece.split()) == 1 and piece[:1].isupper():
            continue  # a place after the names: "By Jane Doe, Kyiv"
        else:
            return None
    return tuple(names)


_BYLINE = re.compile(r"(?:(?:written|words|story)\s+)?by[:\s]\s*(?P<rest>.+)", re.IGNORECASE)
_BYLINE_SEPARATORS = re.compile(r"\s+[|·•]\s+|\s+[—\u2013]\s+")
_TRAILING_OUTLET = re.compile(rf"\s+{_OUTLETS.pattern}$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Byline:
    names: tuple[str, ...]
    # Other parts of the line ("AP", "Updated Sept. 18, 2015"), for the caller to read.
    rest: tuple[str, ...] = ()


def parse_byline(line: str) -> Byline | None:
    """The names of a byline line ("By NAME and NAME, Reuters"), or None if it is not one."""
    match = _BYLINE.fullmatch(line.strip())
    if match is None or len(line) > 200:
        return None
    first, *rest = _BYLINE_SEPARATORS.split(match.group("rest"))
    first = _TRAILING_OUTLET.sub("", first) if not _OUTLETS.fullmatch(first) else ""
    if "," in first and not re.search(r"\s(?:and|&)\s", first):
        first = first.split(",")[0]  # "By NAME, Outlet": two names would be "A and B"
    names = split_names(first)
    if names is None:
        return None
    if not names and not (first == "" or _OUTLETS.fullmatch(match.group("rest").strip())):
        return None
    return Byline(names, tuple(part.strip() for part in rest))


def is_affiliation_line(line: str) -> bool:
    """A line under a byline naming the outlet ("BBC News, Washington", "Reuters")."""
    outlet, _, place = line.strip().partition(",")
    return bool(_OUTLETS.fullmatch(outlet.strip())) and len(place) <= 40


def is_role_line(line: str) -> bool:
    """A short line giving a journalist's job ("Social affairs correspondent")."""
    text = line.strip().rstrip(".")
    return (
        len(text) <= 60
        and _ROLE_WORDS.search(text) is not None
        and not re.search(r"[.!?\"“”]|\bsaid\b", text)
    )


_CONTRIBUTED = re.compile(
    r"(?P<names>.+?)\s+contributed\s+(?:additional\s+)?(?:reporting|research"
    r"|to this (?:report|story|article))\b[^.;]*"
)
_WRITER_PREFIX = re.compile(
    r"(?:the\s+)?(?:[A-Z][\w.&\u2019'-]*\s+){0,3}(?:staff\s+)?(?:writers?|reporters?|correspondents?"
    r"|photographers?|researchers?|videojournalists?)\s+"
)
_CREDIT_CLAUSE = re.compile(
    r"(?:with\s+)?(?:additional\s+)?(?:reporting|writing|editing|research|fact-checking"
    r"|graphics|production)\s+(?:by|from)\s+(?P<names>.+)",
    re.IGNORECASE,
)
_WRAPPERS = "()[]_*—\u2013- \t"


def parse_contributor_line(text: str) -> tuple[str, ...] | None:
    """The names of a contributor line, or None if `text` is not one.

    "Jamie McIntyre contributed reporting", "Associated Press writer Jane Doe
    in Moscow contributed to this report.", "(Reporting by A in London;
    Additional reporting by B and C; Editing by D)".
    """
    core = text.strip().strip(_WRAPPERS).rstrip(".").strip(_WRAPPERS)
    if not core or len(core) > 300:
        return None
    match = _CONTRIBUTED.fullmatch(core) if "contributed" in core else None
    if match:
        return _names_or_none(_WRITER_PREFIX.sub("", match.group("names"), count=1))
    if not _CREDIT_CLAUSE.match(core):
        return None  # its first clause cannot be a credit: most paragraphs end here
    names: list[str] = []
    for clause in re.split(r"\s*;\s*|\.\s+", core):
        clause_match = _CREDIT_CLAUSE.fullmatch(clause.strip())
        found = _names_or_none(clause_match.group("names")) if clause_match else None
        if found is None:
            return None
        names.extend(name for name in found if name not in names)
    return tuple(names) or None


def _names_or_none(text: str) -> tuple[str, ...] | None:
    names = split_names(text)
    return names if names else None


_AGENCY = (
    r"(?:getty images|afp|ap|reuters|epa(?:-efe)?|shutterstock|alamy|bloomberg|pa(?: images"
    r"| wire| media)?|sipa(?: usa)?|zuma(?: press| wire)?|xinhua|tass|sputnik|anadolu(?: agency)?"
    r"|nurphoto|redux|corbis|ap images|ap photo|the new york times|the washington post"
    r"|the guardian|al jazeera|.{1,40} via getty images|.{0,30}\bphotos?|.{0,30}\bimages"
    r"|for .{2,40})"
)
_CREDIT_FORMS = (
    re.compile(
        r"(?:photo(?:graph)?s?|image|picture|credit|photo credit|illustration)\s*(?::|by)\s*"
        r"(?P<credit>.{2,100})",
        re.IGNORECASE,
    ),
    re.compile(
        r"(?P<caption>.*?)\s*\((?P<credit>(?:[A-Z][\w.&' -]{0,30}\s)?Photo(?:graph)?s?"
        r"\s*[/:][^()]{1,80})\)"
    ),
    re.compile(r"(?P<caption>.*?)\s*Photograph:\s*(?P<credit>[^.]{2,80})"),
    re.compile(rf"(?P<credit>[^/]{{2,60}}(?:\s*/\s*[^/]{{2,60}}){{0,2}}\s*/\s*{_AGENCY})", re.I),
)


@dataclass(frozen=True, slots=True)
class PhotoCredit:
    credit: str
    caption: str | None = None


def parse_photo_credit(line: str) -> PhotoCredit | None:
    """The photo credit of a head line (and the caption before it, if any), else None."""
    core = line.strip().rstrip(".")
    if len(core) > 400:
        return None
    for form in _CREDIT_FORMS:
        match = form.fullmatch(core)
        if match is None:
            continue
        groups = match.groupdict()
        if groups.get("caption") is None and len(core) > 120:
            continue
        caption = (groups.get("caption") or "").strip() or None
        return PhotoCredit(match.group("credit").strip(), caption)
    return None
