"""spaCy factories of pressfeed; importing this package registers all of them."""

from . import article, titles

__all__ = ["article", "titles"]
