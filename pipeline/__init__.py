"""pressfeed: structured, schema-validated facts from news articles and press releases.

>>> from pressfeed import build_nlp, extract, Meta
>>> record = extract(text, Meta(id="a1", published="2026-01-28"), nlp=build_nlp())  # doctest: +SKIP

The public names are imported on first use, so that ``pressfeed --help`` (which imports this
package) does not pay for spaCy.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from .constants import DEFAULT_MODEL

if TYPE_CHECKING:
    from .core import Meta, extract
    from .nlp import build_nlp
    from .record import Record

__all__ = ["DEFAULT_MODEL", "Meta", "Record", "build_nlp", "extract"]

_LAZY = {"Meta": ".core", "extract": ".core", "build_nlp": ".nlp", "Record": ".record"}


def __getattr__(name: str):
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name], __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
