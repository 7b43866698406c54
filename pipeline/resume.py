"""``--resume``: which records of an earlier feed would come out the same, and may be reused.

A record is reused only when its resume key (``source.resume_key``) equals the key the article
would get now. The key is a SHA-256 over everything that shapes the record: the text's hash,
the article's metadata (published, title, url), the ``--published`` option, the spaCy model's
name and version, and pressfeed's version with a hash of its code, data files and schema.
"""

from __future__ import annotations

import hashlib
import json
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from importlib import metadata, resources
from pathlib import Path

from .readers import Article, Item

ROOTS = ("pressfeed", "pressfeed.schemas")
SHIPPED = (".py", ".tsv", ".jsonl", ".txt", ".json")


@dataclass(frozen=True)
class Reused:
    """A record kept from an earlier run: same id, same resume key."""

    id: str
    line: str


@cache
def fingerprint() -> str:
    """pressfeed's version plus a hash of every code, data and schema file it ships."""
    digest = hashlib.sha256(_version("pressfeed").encode())
    for root in ROOTS:
        for name, data in _files(resources.files(root), ""):
            digest.update(name.encode() + b"\0" + data)
    return digest.hexdigest()


def _files(folder, prefix: str):
    """(relative name, bytes) of the shipped files under ``folder``, sorted, recursively."""
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.is_dir() and entry.name != "__pycache__":
            yield from _files(entry, f"{prefix}{entry.name}/")
        elif entry.is_file() and entry.name.endswith(SHIPPED):
            yield prefix + entry.name, entry.read_bytes()


def _version(distribution: str) -> str:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "unknown"


def model_version(model: str) -> str:
    """The installed model's version without loading it (a model directory: its meta.json)."""
    meta = Path(model) / "meta.json"
    if meta.is_file():
        return str(json.loads(meta.read_text(encoding="utf-8")).get("version"))
    return _version(model)


def build_key(model: str, published_option: str | None) -> Callable[[Article], str]:
    """The resume key of an article, for this model and ``--published``."""
    context = [fingerprint(), model, model_version(model), published_option]

    def key(article: Article) -> str:
        m = article.meta
        fields = [article.sha256, m.published, m.published_source, m.title, m.url, *context]
        return hashlib.sha256(json.dumps(fields).encode()).hexdigest()

    return key


def read_old_feed(feed: Path) -> dict[str, tuple[str | None, str]]:
    """``{id: (resume key, line)}`` of an earlier JSON Lines feed; a partial line is skipped."""
    old: dict[str, tuple[str | None, str]] = {}
    if not feed.is_file():
        return old
    with feed.open(encoding="utf-8", errors="replace") as handle:
        for line in handle:
            try:
                record = json.loads(line)
                old[record["id"]] = (record["source"].get("resume_key"), line.rstrip("\n"))
            except (ValueError, KeyError, TypeError, AttributeError):
                continue
    return old


class Keyed:
    """Items on their way to extraction, with the resume key and text of each kept in input
    order. The batch yields one outcome per item, in order: :meth:`next_key` pairs them up."""

    def __init__(self, items: Iterable[Item], key: Callable[[Article], str]):
        self.items, self.key, self.keys = items, key, deque()

    def __iter__(self) -> Iterator[Item]:
        for item in self.items:
            article = isinstance(item, Article)
            self.keys.append((self.key(item), item.text) if article else (None, None))
            yield item

    def next_key(self) -> tuple[str | None, str | None]:
        """(resume key, text) of the item whose outcome comes next."""
        return self.keys.popleft()


def reuse_unchanged(
    items: Iterable[Item], old: dict[str, tuple[str | None, str]], key: Callable[[Article], str]
) -> Iterator[Item | Reused]:
    """Articles whose record in ``old`` has their resume key come back as that line."""
    for item in items:
        kept = old.get(item.meta.id) if isinstance(item, Article) else None
        if kept is not None and kept[0] is not None and kept[0] == key(item):
            yield Reused(item.meta.id, kept[1])
        else:
            yield item
