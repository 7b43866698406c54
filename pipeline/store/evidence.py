"""Whether a person in a new article is a person already in the store, and why.

``decide(new, old)`` is pure. Names must match first: the same normalized full name, or the
same transliteration fold (a *variant*). Then the evidence decides:

- never merge when two posts conflict at the same time (their seen periods overlap): different
  countries, or the same title at two different organizations;
- never merge when both sides have role countries and they share none;
- merge when the evidence agrees: a shared country (a side whose roles state none counts
  the dateline countries of its articles), a shared organization, or the same title;
- an exact name with no roles to compare on one side merges unless the datelines differ;
  a variant never merges without agreeing evidence, and a single name never merges.

The reason is kept with the appearance, so ``pressfeed who`` can say why.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Post:
    """A role and the period it was seen in (ISO days; None when the articles have no date)."""

    title: str
    title_key: str
    org_key: str
    country: str  # '' when unknown
    first_seen: str | None
    last_seen: str | None


@dataclass(frozen=True)
class Evidence:
    name_keys: frozenset[str]
    fold_keys: frozenset[str]
    posts: tuple[Post, ...]
    datelines: frozenset[str]

    @property
    def countries(self) -> frozenset[str]:
        return frozenset(p.country for p in self.posts if p.country)

    @property
    def orgs(self) -> frozenset[str]:
        return frozenset(p.org_key for p in self.posts if p.org_key)

    @property
    def titles(self) -> frozenset[str]:
        return frozenset(p.title_key for p in self.posts)


@dataclass(frozen=True)
class Decision:
    merge: bool
    reason: str
    score: tuple[int, int] = (0, 0)  # (exact name, number of agreements): the best candidate wins


def _overlap(a: Post, b: Post) -> bool:
    if not (a.first_seen and a.last_seen and b.first_seen and b.last_seen):
        return False
    return a.first_seen <= b.last_seen and b.first_seen <= a.last_seen


def _conflict(new: tuple[Post, ...], old: tuple[Post, ...]) -> str | None:
    for a in new:
        for b in old:
            if not _overlap(a, b):
                continue
            when = f"seen {b.first_seen}..{b.last_seen} and {a.first_seen}"
            if a.country and b.country and a.country != b.country:
                return f"{b.title} ({b.country}) and {a.title} ({a.country}) {when}"
            if a.title_key == b.title_key and a.org_key and b.org_key and a.org_key != b.org_key:
                return f"{b.title} of {b.org_key} and {a.title} of {a.org_key} {when}"
    return None


def _agreements(new: Evidence, old: Evidence) -> list[str]:
    found = []
    if countries := sorted(new.countries & old.countries):
        found.append("same country " + ", ".join(countries))
    elif shared := sorted((new.countries or new.datelines) & (old.countries or old.datelines)):
        found.append("same country " + ", ".join(shared) + " (from a dateline)")
    if orgs := sorted(new.orgs & old.orgs):
        found.append("shared organization " + ", ".join(repr(o) for o in orgs))
    if titles := sorted(new.titles & old.titles):
        found.append("same title " + ", ".join(repr(t) for t in titles))
    return found


def decide(new: Evidence, old: Evidence) -> Decision:
    """Whether ``new`` (one appearance) joins ``old`` (a person in the store), with the reason.

    >>> kz = Post("Minister of Energy", "minister of energy", "", "KZ", "2026-01-28", "2026-01-28")
    >>> a = Evidence(frozenset({"serik zhumangarin"}), frozenset({"serik jumangarin"}), (kz,), frozenset())
    >>> b = Evidence(frozenset({"serik jumangarin"}), frozenset({"serik jumangarin"}), (kz,), frozenset())
    >>> decide(b, a).reason
    "transliteration variant; same country KZ; same title 'minister of energy'"
    """
    exact = bool(new.name_keys & old.name_keys)
    if not exact and not new.fold_keys & old.fold_keys:
        return Decision(False, "different names")
    kind = "same name" if exact else "transliteration variant"
    if all(len(k.split()) < 2 for k in new.name_keys):
        return Decision(False, f"{kind}, but a single name is not a full name")
    if conflict := _conflict(new.posts, old.posts):
        return Decision(False, f"{kind}, but roles conflict at the same time: {conflict}")
    if new.countries and old.countries and not new.countries & old.countries:
        countries = f"{', '.join(sorted(old.countries))} vs {', '.join(sorted(new.countries))}"
        return Decision(False, f"{kind}, but countries differ: {countries}")
    if agreements := _agreements(new, old):
        return Decision(True, "; ".join([kind, *agreements]), (int(exact), len(agreements)))
    if exact and (not new.posts or not old.posts):
        if new.datelines and old.datelines and not new.datelines & old.datelines:
            return Decision(False, f"{kind}, no roles to compare, and the dateline countries differ")
        return Decision(True, f"{kind}; no roles to compare", (1, 0))
    return Decision(False, f"{kind}, but no agreeing evidence (country, organization or title)")
