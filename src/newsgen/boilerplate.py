"""Boilerplate: the lines a news page adds around an article, removed from its body.

The rules are one named, ordered table (`BOILERPLATE_RULES`); each pattern must
match a WHOLE paragraph (case-insensitive, ignoring quotation marks and a final
full stop around it), so a sentence of the article that merely mentions a
newsletter is never removed. A site adds its own patterns, matched the same
way, with `LoaderConfig.extra_boilerplate` (they come after the built-in ones).
Removed lines are kept, in order, so an editor can see what went.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True, slots=True, eq=False)  # hashed by identity: cheap as a cache key
class BoilerplateRule:
    name: str
    pattern: re.Pattern[str]
    # Words (lower case) that every line the pattern matches holds, in any case:
    # a pattern that reads far into a line before failing ("… (Photo: …)") is
    # tried only on lines that hold them.
    needle: str | None = None


def _rule(name: str, pattern: str, needle: str | None = None) -> BoilerplateRule:
    return BoilerplateRule(name, re.compile(pattern, re.IGNORECASE), needle)


_SITES = r"(?:twitter|facebook|instagram|x|threads|bluesky|tiktok|linkedin|youtube|social media)"

BOILERPLATE_RULES: tuple[BoilerplateRule, ...] = (
    # ("(?!.{61})": a line this branch matches has at most 60 characters; longer ones
    # are passed over at once instead of by 41 tries of where "newsletter" starts.)
    _rule(
        "newsletter",
        r"(?:sign up|subscribe)\b.{0,100}|(?!.{61}).{0,40}\bnewsletter promotion",
    ),
    _rule(
        "email_updates", r"get (?:our )?(?:e-?mail|daily|breaking news) (?:updates|alerts)\b.{0,80}"
    ),
    _rule("tv_finder", r"find .{1,60} on your tv"),
    _rule(
        "follow_us",
        rf"follow (?:us|@\w+|[^.]{{1,40}}) on {_SITES}\b.{{0,80}}"
        r"|follow .{1,80} (?:at|on) https?://\S+",
    ),
    _rule(
        "read_more",
        r"(?:read more|read also|also read|read next|more on this story|see also|related"
        r"|recommended|read the (?:rest|full story|full article)\b[^.]{0,60}"
        r"|continue reading\b[^.]{0,60})(?:\s*[:|»>\u2013—-]\s*.{0,200})?",
    ),
    _rule(
        "advertisement",
        r"(?:skip )?advertisement|ad|sponsored(?: content)?"
        r"|story continues below(?: this)? advertisement"
        r"|continue reading the main story",
    ),
    _rule(
        "share",
        r"share (?:this (?:article|story|page|post|video)|(?:on|via|to) [\w ]{1,30})"
        r"|share|tweet|copy link|e-?mail|print|whatsapp|facebook|twitter|linkedin|comments?"
        r"|leave a comment|\d+ comments?",
    ),
    _rule("click_here", r"(?:[^.?!]{0,150}[.?!]\s+)?click here\b.{0,150}", "click here"),
    _rule(
        "source_line",
        r"source:\s*(?:al jazeera|agencies|news agencies|reuters|ap|afp)"
        r"(?:\s+and\s+(?:news\s+)?agencies)?|our standards:.{0,80}",
    ),
    _rule(
        "copyright",
        r"(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:19|20)\d\d\b.{0,250}"
        r"|all rights reserved\b.{0,250}",
    ),
    _rule(
        "media_placeholder",
        r"(?:image (?:source|caption|copyright)|media caption|getty images"
        r"|media playback is unsupported on your device|listen to this article)\b.{0,200}",
    ),
    _rule(
        "photo_caption",
        r".{0,300}\((?:[A-Z][\w.&' -]{0,30}\s)?photo(?:graph)?s?\s*[/:][^()]{1,80}\)"
        r"|.{0,300}\bphotograph:\s*[^.]{1,80}",
        "photo",
    ),
)

# Quotation marks and a final full stop around a line do not stop a rule from matching it.
_WRAPPING = "\"'“”\u2018\u2019 \t"


@lru_cache(maxsize=32)
def boilerplate_rules(extra: tuple[str, ...] = ()) -> tuple[BoilerplateRule, ...]:
    """The built-in rules, then a site's own patterns (raises `ValueError` on a bad one)."""
    site_rules = []
    for number, pattern in enumerate(extra, 1):
        try:
            site_rules.append(_rule(f"site_{number}", pattern))
        except re.error as error:
            raise ValueError(f"boilerplate pattern {pattern!r} is not a regex: {error}") from error
    return BOILERPLATE_RULES + tuple(site_rules)


def match_boilerplate(text: str, rules: Iterable[BoilerplateRule]) -> str | None:
    """The name of the first rule that matches the whole of `text`, else None."""
    rules = tuple(rules)
    return _match(text, rules, _screen(rules))


def _match(
    text: str,
    rules: tuple[BoilerplateRule, ...],
    screen: tuple[re.Pattern[str], tuple[str, ...]],
) -> str | None:
    core = text.strip(_WRAPPING).rstrip(".!").strip(_WRAPPING)
    if not core or len(core) > 400:
        return None
    plain, needles = screen
    if not plain.fullmatch(core) and not _holds_needle(core, needles):
        return None  # the common case: no rule without a needle matches, no needle is there
    return next((rule.name for rule in rules if rule.pattern.fullmatch(core)), None)


def _holds_needle(core: str, needles: tuple[str, ...]) -> bool:
    """Whether a rule with a needle could match `core`. A case-blind pattern reads
    "\u0130", "\u0131" and "\u017f" as "i", "i" and "s", which `str.lower` does not:
    with one of them in the line, needles are not relied on."""
    low = core.lower()
    for needle in needles:
        if needle in low:
            return True
    return "\u0130" in core or "\u0131" in core or "\u017f" in core


@lru_cache(maxsize=32)
def _screen(rules: tuple[BoilerplateRule, ...]) -> tuple[re.Pattern[str], tuple[str, ...]]:
    """One pattern for the rules with no needle, and the needles of the others: a
    line that neither matches nor holds a needle is no boilerplate."""
    plain = [rule.pattern.pattern for rule in rules if rule.needle is None]
    pattern = re.compile("|".join(f"(?:{p})" for p in plain) or "(?!)", re.IGNORECASE)
    return pattern, tuple(rule.needle for rule in rules if rule.needle is not None)


def split_boilerplate(
    texts: Sequence[str], rules: Sequence[BoilerplateRule]
) -> tuple[list[int], list[int]]:
    """Indexes of `texts` to keep and to remove: rule matches anywhere, repeated trailing lines.

    A trailing line is removed when it is short and appears more than once in
    `texts` (a site's footer pasted twice, a "Share" row); the run of trailing
    lines ends at the first one that is neither boilerplate nor such a repeat.
    """
    every = tuple(rules)
    screen = _screen(every)
    removed = {i for i, text in enumerate(texts) if _match(text, every, screen)}
    counts = Counter(text.strip() for text in texts)
    repeated: set[int] = set()
    for i in range(len(texts) - 1, -1, -1):
        text = texts[i].strip()
        if i in removed:
            continue
        if len(text) <= 200 and counts[text] > 1:
            repeated.add(i)
            continue
        break
    repeats = {text.strip() for i, text in enumerate(texts) if i in repeated}
    removed |= {i for i, text in enumerate(texts) if text.strip() in repeats}
    kept = [i for i in range(len(texts)) if i not in removed]
    return kept, sorted(removed)
