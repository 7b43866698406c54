"""The review page (``pressfeed review``): every fact of a feed beside its evidence.

``facts`` flattens a record into rows (type, evidence spans, normalized value), ``markup``
marks the spans in the text, ``page`` assembles the self-contained HTML page from the
templates in ``assets/``, and ``load`` reads a feed and the texts its offsets index.
"""

from .page import ArticleView, build_page

__all__ = ["ArticleView", "build_page"]
