"""pressfeed: structured, schema-validated facts from news articles and press releases.

>>> from pipeline import build_nlp, extract, Meta
>>> record = extract(text, Meta(id="a1", published="2026-01-28"), nlp=build_nlp())  # doctest: +SKIP
"""

from .core import Meta, extract
from .nlp import DEFAULT_MODEL, build_nlp
from .record import Record

__all__ = ["DEFAULT_MODEL", "Meta", "Record", "build_nlp", "extract"]
