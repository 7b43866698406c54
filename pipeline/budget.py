"""A time budget per article (``--article-timeout``): a runaway article becomes an error record.

The budget is enforced with a real-time interval timer (``SIGALRM``) in the process that runs
the extraction, which is the main thread of the command or of each pool worker. Where no such
timer exists (Windows, or the worker threads of Dask), the budget is not enforced.
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

from .constants import DEFAULT_ARTICLE_TIMEOUT

__all__ = ["DEFAULT_ARTICLE_TIMEOUT", "ArticleTimeout", "time_budget"]


class ArticleTimeout(Exception):
    """The extraction of one article ran past its budget."""


def can_enforce() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def time_budget(seconds: float | None) -> Iterator[None]:
    """Raise :class:`ArticleTimeout` in the block once ``seconds`` have passed (None: no limit)."""
    if not seconds or not can_enforce():
        yield
        return

    def expire(signum, frame):
        raise ArticleTimeout(f"took more than {seconds:g} s (--article-timeout)")

    previous = signal.signal(signal.SIGALRM, expire)
    remaining, _ = signal.setitimer(signal.ITIMER_REAL, seconds)
    started = time.monotonic()
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if remaining:  # an enclosing budget goes on with what it has left (at least a tick)
            signal.setitimer(signal.ITIMER_REAL, max(remaining - (time.monotonic() - started), 1e-3))
