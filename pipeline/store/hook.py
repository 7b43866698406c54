"""The ``pressfeed run --store DB`` hook: every record written to the feed is added to the store."""

from __future__ import annotations

import json
from typing import Any


class StoreHook:
    """A context manager; without a target every call does nothing.

    Raises:
        SystemExit: the store cannot be opened (the message names ``prog`` and the store).
    """

    def __init__(self, target: str | None, *, prog: str):
        from . import StoreError, open_store

        try:
            self.store = open_store(target) if target else None
        except StoreError as err:
            raise SystemExit(f"{prog}: {err}") from err

    def add(self, record: dict[str, Any]) -> None:
        if self.store is not None:
            self.store.add(record)

    def add_line(self, line: str) -> None:
        """A reused feed line (``--resume``): unchanged articles stay as they are in the store."""
        if self.store is not None:
            self.store.add(json.loads(line))

    def __enter__(self) -> StoreHook:
        return self

    def __exit__(self, *exc) -> None:
        if self.store is not None:
            self.store.close()
