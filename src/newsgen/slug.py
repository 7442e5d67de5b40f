"""Slugs: the file-system and URL name of an article (lowercase ascii, digits, hyphens).

A slug becomes a folder of the output site, so only `[a-z0-9]` words joined by
single hyphens are safe: no dots, slashes or backslashes that could climb out of
the output folder, no empty name.
"""

from __future__ import annotations

import re
import unicodedata

MAX_SLUG = 80
_SAFE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def slugify(text: str) -> str:
    """A safe slug made from `text` ("Talks: a next step" -> "talks-a-next-step").

    Returns "" when `text` has no ascii letters or digits at all.
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower().replace("'", ""))
    slug = "-".join(words)
    if len(slug) > MAX_SLUG:
        slug = slug[:MAX_SLUG].rsplit("-", 1)[0]
    return slug


def is_safe_slug(text: str) -> bool:
    return len(text) <= MAX_SLUG and _SAFE.fullmatch(text) is not None
