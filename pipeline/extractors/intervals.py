"""Character ranges queried in logarithmic time: does a point or a range touch any of them?

Extractors skip what others claimed (boilerplate, amounts, dates). Asking each of N facts
against M claimed ranges one by one is N x M: 300 KB of "$1 " holds 100,000 amounts, and every
number of the text was checked against every one of them. :class:`Ranges` merges the claimed
ranges once (their union answers the same questions) and answers by bisection.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable


class Ranges:
    """Half-open character ranges ``[start, end)``, overlapping ones merged; empty ones dropped.

    >>> r = Ranges([(0, 3), (2, 5), (10, 12)])
    >>> r.covers(4), r.covers(5), r.overlaps(5, 10), r.overlaps(9, 11)
    (True, False, False, True)
    >>> r.add(5, 10); r.overlaps(5, 10)
    True
    """

    def __init__(self, ranges: Iterable[tuple[int, int]] = ()):
        self.starts: list[int] = []
        self.ends: list[int] = []
        for start, end in sorted((s, e) for s, e in ranges if s < e):
            if self.ends and start < self.ends[-1]:  # overlapping: one range (touching stay two)
                self.ends[-1] = max(self.ends[-1], end)
            else:
                self.starts.append(start)
                self.ends.append(end)

    def covers(self, point: int) -> bool:
        """Some range holds ``point``: ``s <= point < e``."""
        i = bisect_right(self.starts, point) - 1
        return i >= 0 and point < self.ends[i]

    def overlaps(self, start: int, end: int) -> bool:
        """Some range shares a character with ``[start, end)``: ``s < end and start < e``."""
        i = bisect_left(self.starts, end) - 1  # the last range starting before ``end``
        return i >= 0 and self.ends[i] > start

    def add(self, start: int, end: int) -> None:
        """Add a range that overlaps none held (the caller checked :meth:`overlaps`)."""
        if start < end:
            i = bisect_right(self.starts, start)
            self.starts.insert(i, start)
            self.ends.insert(i, end)


def sorted_starts(ranges: Iterable[tuple[int, int]]) -> tuple[list[int], list[tuple[int, int]]]:
    """Ranges sorted by start, with their starts, for bounded look-ups by :func:`near`."""
    ordered = sorted(ranges)
    return [s for s, _ in ordered], ordered


def near(index: tuple[list[int], list[tuple[int, int]]], start: int, end: int, reach: int) -> list:
    """The ranges (from :func:`sorted_starts`) starting in ``[start - reach, end)``."""
    starts, ordered = index
    return ordered[bisect_right(starts, start - reach - 1) : bisect_right(starts, end - 1)]


__all__ = ["Ranges", "near", "sorted_starts"]
