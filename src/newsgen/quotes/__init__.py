"""Quote attribution: finding quotations in an article's body and who said them."""

from newsgen.quotes.attribution import attribute_quotes
from newsgen.quotes.mentions import read_mention_after, read_mention_before
from newsgen.quotes.names import forget_names
from newsgen.quotes.rules import find_speech_verbs


def forget_readings() -> None:
    """Empty the small caches of names, speaker phrases and speech verbs read so far
    (for a benchmark that times an article as if it were the first one read)."""
    forget_names()
    read_mention_before.cache_clear()
    read_mention_after.cache_clear()
    find_speech_verbs.cache_clear()


__all__ = ["attribute_quotes", "forget_readings"]
