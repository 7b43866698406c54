"""Inputs: text files with sidecar metadata, JSON Lines, HTML pages, directories, globs, stdin.

Every input item becomes an :class:`Article` or a :class:`DocError`; nothing is dropped.
Text that is not UTF-8 is decoded by the policy of :mod:`pressfeed.decoding` (with a warning
on the record, or an error record when no reading is plausible);
HTML pages go through trafilatura for the main text and its title, date and URL.
"""

from __future__ import annotations

import codecs
import glob
import hashlib
import json
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

from .core import Meta
from .decoding import UndecodableError, decode_text

ARTICLE_SUFFIXES = (".txt", ".jsonl", ".html", ".htm")
SIDECAR_SUFFIXES = (".meta.json", ".gold.json")
MAX_BYTES = 50 * 1024 * 1024
HTML_MIN_CHARS = 80
ERRORS_SUFFIX = ".errors.jsonl"
NO_ARTICLES = "the folder holds no article (.txt, .jsonl, .html or .htm files)"
HTML_START = re.compile(rb"<(?:!doctype\s+html|html|head|body|article|!--|meta|title|div|p)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Article:
    meta: Meta
    text: str
    warnings: tuple[str, ...] = ()

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class DocError:
    """An input that yields no record, and why."""

    id: str
    source: str
    stage: str
    error_type: str
    message: str
    extra: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "source": self.source,
            "stage": self.stage,
            "error_type": self.error_type,
            "message": self.message,
        }


Item = Article | DocError


def _read_bytes(path: Path) -> bytes:
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise ValueError(f"{size} bytes is over the {MAX_BYTES}-byte limit")
    return path.read_bytes()


def read_text_file(path: Path, article_id: str) -> Item:
    """A .txt article; ``NAME.meta.json`` beside it may give published, url and title."""
    source = str(path)
    try:
        data = _read_bytes(path)
    except (OSError, ValueError) as err:
        return DocError(article_id, source, "read", type(err).__name__, str(err))
    if not data.strip():
        return DocError(article_id, source, "read", "EmptyInput", "the file is empty")
    try:
        text, warning = decode_text(data)
    except UndecodableError as err:
        return DocError(article_id, source, "decode", "UndecodableError", str(err))
    if not text.strip():
        return DocError(article_id, source, "read", "EmptyInput", "the file holds only whitespace")
    meta = Meta(id=article_id, path=source)
    sidecar = path.with_name(path.name[: -len(path.suffix)] + ".meta.json")
    warnings = [warning] if warning else []
    if sidecar.exists():
        try:
            fields = json.loads(sidecar.read_text(encoding="utf-8"))
            if not isinstance(fields, dict):
                raise ValueError("not a JSON object")
            meta = _with_fields(meta, fields)
        except (OSError, ValueError) as err:
            warnings.append(f"sidecar {sidecar.name} ignored: {err}")
    return Article(meta, text, tuple(warnings))


def _with_fields(meta: Meta, fields: dict[str, Any]) -> Meta:
    published = fields.get("published")
    if published is not None and not _is_iso_day(published):
        raise ValueError(f"published {published!r} is not YYYY-MM-DD")
    return replace(
        meta,
        title=fields.get("title") or meta.title,
        url=fields.get("url") or meta.url,
        published=published or meta.published,
    )


def _is_iso_day(value: Any) -> bool:
    try:
        date.fromisoformat(value)
    except (TypeError, ValueError):
        return False
    return isinstance(value, str) and len(value) == 10


def read_jsonl(lines: Iterator[bytes], source: str) -> Iterator[Item]:
    """Articles ``{"id", "text", "title"?, "url"?, "published"?}``, one per line of UTF-8 (a line
    that is not UTF-8 is an error record, never decoded with replacement characters)."""
    for line_no, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{source}:{line_no}"
        try:
            obj = json.loads(line.decode("utf-8-sig" if line_no == 1 else "utf-8"))
        except UnicodeDecodeError as err:
            yield DocError(where, where, "decode", "UndecodableError", f"the line is not UTF-8: {err}")
            continue
        except json.JSONDecodeError as err:
            yield DocError(where, where, "parse", "JSONDecodeError", f"malformed JSON: {err}")
            continue
        if not isinstance(obj, dict):
            yield DocError(
                where, where, "parse", "NotAnObject", f"expected a JSON object, got {type(obj).__name__}"
            )
            continue
        article_id = str(obj.get("id") or where)
        text = obj.get("text")
        if not isinstance(text, str) or not text.strip():
            yield DocError(article_id, where, "parse", "MissingText", "no non-empty string field 'text'")
            continue
        try:
            meta = _with_fields(Meta(id=article_id, path=where), obj)
        except ValueError as err:
            yield DocError(article_id, where, "parse", "BadMetadata", str(err))
            continue
        yield Article(meta, text)


def read_html(path: Path, article_id: str) -> Item:
    """Main text and metadata of an HTML page, through trafilatura."""
    try:
        data = _read_bytes(path)
    except (OSError, ValueError) as err:
        return DocError(article_id, str(path), "read", type(err).__name__, str(err))
    return html_article(data, article_id, str(path))


def html_article(data: bytes, article_id: str, source: str) -> Item:
    """The article of an HTML page's bytes: its main text, headed by its title once."""
    import trafilatura

    try:
        html, warning = decode_text(data)
    except UndecodableError as err:
        return DocError(article_id, source, "decode", "UndecodableError", str(err))
    result = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    doc = result.as_dict() if hasattr(result, "as_dict") else (result or {})
    text = (doc.get("text") or "").strip()
    if len(text) < HTML_MIN_CHARS:
        return DocError(
            article_id, source, "extract_html", "NoArticle", "no article text found in the HTML page"
        )
    title = doc.get("title")
    first_line = text.split("\n", 1)[0].strip()
    # trafilatura's text often opens with the page's <h1>, the title again: prepending it once
    # more would count the headline's facts twice and push the dateline out of the first paragraph.
    if title and first_line.casefold() != title.strip().casefold():
        text = f"{title}\n\n{text}"
    published = doc.get("date") if _is_iso_day(doc.get("date")) else None
    meta = Meta(
        id=article_id,
        path=source if source != "stdin" else "-",
        title=title,
        url=doc.get("url"),
        published=published,
        published_source="html",
    )
    return Article(meta, text, (warning,) if warning else ())


def _article_id(path: Path, root: Path | None) -> str:
    if root is not None and path.parent != root:
        relative = path.relative_to(root)
        return str(relative.with_name(relative.name[: -len(path.suffix)]))
    return path.name[: -len(path.suffix)]


def _read_path(path: Path, root: Path | None) -> Iterator[Item]:
    suffix = path.suffix.lower()
    article_id = _article_id(path, root)
    if suffix == ".jsonl":
        try:
            with path.open("rb") as handle:
                yield from read_jsonl(handle, str(path))
        except OSError as err:
            yield DocError(article_id, str(path), "read", type(err).__name__, str(err))
    elif suffix in {".html", ".htm"}:
        yield read_html(path, article_id)
    else:
        yield read_text_file(path, article_id)


def _is_article_file(path: Path) -> bool:
    name = path.name.lower()
    return (
        name.endswith(ARTICLE_SUFFIXES)
        and not name.endswith(SIDECAR_SUFFIXES)
        and not name.endswith(ERRORS_SUFFIX)
        and not name.startswith(".")  # hidden files, and the temporary files of a run under way
    )


def _article_files(directory: Path, exclude: frozenset[Path]) -> list[Path]:
    return sorted(
        p
        for p in directory.rglob("*")
        if p.is_file() and _is_article_file(p) and p.resolve() not in exclude and not is_feed(p)
    )


def is_feed(path: Path) -> bool:
    """A JSON Lines file whose first record is a pressfeed record (a feed, not articles)."""
    if path.suffix.lower() != ".jsonl":
        return False
    try:
        with path.open("rb") as handle:
            first = next((line for line in handle if line.strip()), b"")
        record = json.loads(first)
    except (OSError, ValueError):
        return False
    return isinstance(record, dict) and {"schema_version", "source"} <= record.keys() and "text" not in record


def iter_inputs(specs: list[str], *, exclude: frozenset[Path] = frozenset()) -> Iterator[Item]:
    """Every article named by ``specs``: files, directories (recursive), globs or ``-``.

    Inside directories only article files are taken (.txt, .jsonl, .html, .htm), sorted; never
    an errors file (``*.errors.jsonl``), a feed of records (:func:`is_feed`), a hidden file, or
    a path in ``exclude`` (resolved: the run's own feed and errors file). A folder with no
    article file is an error record.
    """
    for spec in specs:
        if spec == "-":
            yield from read_stdin()
            continue
        if any(c in spec for c in "*?["):
            matches = sorted(glob.glob(spec, recursive=True))
            if not matches:
                yield DocError(spec, spec, "read", "NoMatch", "the pattern matches no file")
            for match in matches:
                if Path(match).is_file() and Path(match).resolve() not in exclude:
                    yield from _read_path(Path(match), None)
            continue
        path = Path(spec)
        if path.is_dir():
            files = _article_files(path, exclude)
            if not files:
                yield DocError(spec, spec, "read", "NoArticles", NO_ARTICLES)
            for child in files:
                yield from _read_path(child, path)
        elif path.exists():
            yield from _read_path(path, None)
        else:
            yield DocError(path.stem or spec, spec, "read", "FileNotFoundError", "no such file or directory")


def folders_without_articles(specs: list[str], *, exclude: frozenset[Path] = frozenset()) -> list[str]:
    """The folders among ``specs`` that hold no article file."""
    return [s for s in specs if s != "-" and Path(s).is_dir() and not _article_files(Path(s), exclude)]


def count_inputs(specs: list[str], *, exclude: frozenset[Path] = frozenset()) -> int | None:
    """How many items :func:`iter_inputs` will yield, without reading the articles (JSON Lines
    files are counted by their non-empty lines); None when standard input is among them."""
    if "-" in specs:
        return None
    total = 0
    for spec in specs:
        if any(c in spec for c in "*?["):
            paths = [Path(m) for m in glob.glob(spec, recursive=True) if Path(m).is_file()]
            paths = [p for p in paths if p.resolve() not in exclude] or [None]
        elif Path(spec).is_dir():
            paths = _article_files(Path(spec), exclude) or [None]
        else:
            paths = [Path(spec)]
        total += sum(_items_in(p) for p in paths)
    return total


def _items_in(path: Path | None) -> int:
    if path is None or path.suffix.lower() != ".jsonl" or not path.is_file():
        return 1
    try:
        with path.open("rb") as handle:
            return sum(1 for line in handle if line.strip())
    except OSError:
        return 1


def read_stdin() -> Iterator[Item]:
    """Standard input: JSON Lines when it starts with "{", an HTML page when it starts with a
    tag ("<"), else one text article "stdin"."""
    data = sys.stdin.buffer.read()
    stripped = data.lstrip()
    if stripped.startswith(codecs.BOM_UTF8):
        stripped = stripped[len(codecs.BOM_UTF8) :].lstrip()
    if stripped.startswith(b"{"):
        yield from read_jsonl(iter(data.splitlines()), "stdin")
        return
    if not stripped:
        yield DocError("stdin", "stdin", "read", "EmptyInput", "standard input is empty")
        return
    if stripped.startswith(b"<") and HTML_START.match(stripped[:200]):
        yield html_article(data, "stdin", "stdin")
        return
    try:
        text, warning = decode_text(data)
    except UndecodableError as err:
        yield DocError("stdin", "stdin", "decode", "UndecodableError", str(err))
        return
    yield Article(Meta(id="stdin", path="-"), text, (warning,) if warning else ())
