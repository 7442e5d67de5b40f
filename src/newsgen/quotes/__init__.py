"""Quote attribution: finding quotations in an article's body and who said them."""

from newsgen.quotes.attribution import attribute_quotes

__all__ = ["attribute_quotes"]
