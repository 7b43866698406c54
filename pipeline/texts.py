"""``pressfeed run --with-text``: each record carries the text its offsets index.

The batch engines return one outcome per input item, in input order, on every engine; so the
texts of the items handed to them, queued in the same order, pair up with the outcomes
without sending any text through the workers twice.
"""

from __future__ import annotations

import json
from collections import deque
from collections.abc import Iterable, Iterator
from typing import Any

from .feeds import dumps


class TextQueue:
    """The analysed texts of the items on their way through a batch, oldest first.

    >>> queue = TextQueue()
    >>> items = list(queue.watch(["not an article"]))
    >>> queue.pop() is None
    True
    """

    def __init__(self) -> None:
        self._texts: deque[str | None] = deque()

    def watch(self, items: Iterable[Any]) -> Iterator[Any]:
        """Yield ``items`` unchanged, queueing the text of each (None for an error item)."""
        for item in items:
            text = getattr(item, "text", None)
            self._texts.append(text if isinstance(text, str) else None)
            yield item

    def pop(self) -> str | None:
        """The text of the item whose outcome comes next."""
        return self._texts.popleft()


def with_text(record: dict[str, Any], text: str | None) -> dict[str, Any]:
    """``record`` with its ``text`` (unchanged when the text is unknown).

    >>> with_text({"id": "a"}, "Body"), with_text({"id": "a"}, None)
    ({'id': 'a', 'text': 'Body'}, {'id': 'a'})
    """
    return record if text is None else {**record, "text": text}


def line_with_text(line: str, text: str | None) -> str:
    """A feed line reused by ``--resume``, given its text if it has none."""
    if text is None:
        return line
    record = json.loads(line)
    return line if "text" in record else dumps(with_text(record, text))
