"""Failures a user can fix, each with one message naming the cause and the fix.

The command line prints such an error as one line and exits 1 (``--debug`` shows the
traceback); per-article failures are not these but :class:`pressfeed.readers.DocError` records.
Importable without spaCy.
"""

from __future__ import annotations


class PressfeedError(Exception):
    """A failure of the whole run whose message says what failed and how to fix it."""


class ModelNotInstalled(PressfeedError):
    """The spaCy model package named by ``--model`` is not installed."""


class SchedulerUnreachable(PressfeedError):
    """The Dask scheduler named by ``--scheduler`` does not answer."""


class MissingExtra(PressfeedError):
    """An optional dependency group is not installed; the message names the install command."""


class OutputError(PressfeedError):
    """The feed or errors file cannot be written where ``-o``/``--errors`` point."""
