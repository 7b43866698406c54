"""Organization names as values: the name, its acronym alias and its legal form.

:func:`normalize_org` is pure: "U.S. Agency for International Development (USAID)" -> name
"U.S. Agency for International Development", aliases ("USAID",); "Hercules Holdings S.à r.l."
keeps its legal form in the name and reports it. The entity layer uses it for organization
mentions found by the patterns of ``data/patterns/organizations.jsonl``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..resources import read_table

ACRONYM_RE = re.compile(
    r"""
    ^(?P<name>.+?)\s*          # the full name
    \(\s*(?P<acronym>(?=(?:[^A-Z]*[A-Z]){2})[A-Za-z&]{2,8})\s*\)$  # (NIB), (AfDB); not (Alaska)
    """,
    re.VERBOSE,
)


@dataclass(frozen=True)
class Org:
    name: str
    aliases: tuple[str, ...] = ()
    legal_form: str | None = None


@cache
def _legal_forms() -> tuple[str, ...]:
    forms = (row["form"] for row in read_table("legal_forms.tsv", ("form",)))
    return tuple(sorted(forms, key=len, reverse=True))


def legal_form(name: str) -> str | None:
    """The legal form that ends ``name``, as written in the lexicon.

    >>> legal_form("Hercules Holdings S.à r.l.")
    'S.à r.l.'
    >>> legal_form("Halden Corp.")
    'Corp.'
    >>> legal_form("Nordic Investment Bank") is None
    True
    """
    for form in _legal_forms():
        if name.endswith(" " + form) and len(name) > len(form) + 1:
            return form
    return None


def normalize_org(text: str) -> Org | None:
    """Name an organization: no leading "the", the bracketed acronym as an alias.

    >>> normalize_org("the Nordic Investment Bank (NIB)")
    Org(name='Nordic Investment Bank', aliases=('NIB',), legal_form=None)
    >>> normalize_org("Hercules Holdings S.à r.l.")
    Org(name='Hercules Holdings S.à r.l.', aliases=(), legal_form='S.à r.l.')
    >>> normalize_org("  ") is None
    True
    """
    name = " ".join(text.split())
    if name.casefold().startswith("the "):
        name = name[4:]
    aliases: tuple[str, ...] = ()
    match = ACRONYM_RE.match(name)
    if match:
        name, aliases = match["name"], (match["acronym"],)
    if not name:
        return None
    return Org(name, aliases, legal_form(name))
