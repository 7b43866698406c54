"""Batches: inputs -> records or errors, in input order, on one process, N processes or Dask.

Work goes out in chunks; at most a few chunks per worker are in flight, so memory stays flat
however large the corpus. The model is loaded once per worker process (``build_nlp`` is
cached per process). Each article yields its record (validated against the schema) or a
:class:`DocError`; one failing article never stops the batch.
"""

from __future__ import annotations

import json
import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import Any

from .core import extract_doc
from .nlp import build_nlp, lemma
from .pieces import PIECE_CHARS, merge_records, split_pieces
from .readers import Article, DocError, Item
from .record import Source
from .schema import validate

CHUNK = 64  # articles per nlp.pipe call in one process: larger batches run the model faster
POOL_CHUNK = 24  # articles per task for worker pools: small enough to keep workers even at the end
IN_FLIGHT_PER_WORKER = 3


@dataclass(frozen=True)
class Reused:
    """A record kept from an earlier run (``--resume``): same id, same text hash."""

    id: str
    line: str


def reuse_unchanged(items: Iterable[Item], feed: Path) -> Iterator[Item | Reused]:
    """``--resume``: articles whose id and text hash are in ``feed`` already come back as
    their old feed line; new and changed ones go on to extraction."""
    old: dict[str, tuple[str | None, str]] = {}
    if feed.exists():
        for line in feed.read_text(encoding="utf-8").splitlines():
            try:
                record = json.loads(line)
                old[record["id"]] = (record["source"].get("sha256"), line)
            except (ValueError, KeyError, TypeError, AttributeError):
                continue  # the partial last line of an interrupted run
    for item in items:
        kept = old.get(item.meta.id) if isinstance(item, Article) else None
        if kept is not None and kept[0] == item.sha256:
            yield Reused(item.meta.id, kept[1])
        else:
            yield item


@dataclass(frozen=True)
class Outcome:
    """What one input produced: a record (as JSON) or an error, or a reused feed line."""

    record: dict[str, Any] | None = None
    error: DocError | None = None
    reused_line: str | None = None


def _finish(article: Article, record) -> Outcome:
    record = replace(
        record,
        source=Source(path=article.meta.path, url=article.meta.url, sha256=article.sha256),
        warnings=article.warnings + record.warnings,
    )
    data = record.to_json()
    problems = validate(data)
    if problems:
        return Outcome(
            error=DocError(
                article.meta.id, article.meta.path or "", "validate", "SchemaError", "; ".join(problems[:5])
            )
        )
    return Outcome(record=data)


def _extract_long(article: Article, model: str):
    nlp = build_nlp(model)
    parts, meta = [], article.meta
    for offset, piece in split_pieces(article.text):
        record = extract_doc(nlp(piece), meta, lemmatize=partial(lemma, nlp=nlp))
        if not parts and record.published:
            meta = replace(
                meta,
                published=record.published,
                published_source=record.published_source or meta.published_source,
            )
        parts.append((offset, record))
    merged = merge_records(parts)
    return replace(merged, published=parts[0][1].published, published_source=parts[0][1].published_source)


def process_chunk(chunk: list[Item | Reused], model: str) -> list[Outcome]:
    """Process one chunk in this process; the worker entry point of every engine."""
    nlp = build_nlp(model)
    lemmatize = partial(lemma, nlp=nlp)
    outcomes: dict[int, Outcome] = {}
    short: list[tuple[int, Article]] = []
    for index, item in enumerate(chunk):
        if isinstance(item, DocError):
            outcomes[index] = Outcome(error=item)
        elif isinstance(item, Reused):
            outcomes[index] = Outcome(reused_line=item.line)
        elif len(item.text) > PIECE_CHARS:
            outcomes[index] = _guarded(item, lambda a=item: _finish(a, _extract_long(a, model)))
        else:
            short.append((index, item))
    try:
        docs = nlp.pipe((a.text for _, a in short), batch_size=CHUNK)
        for (index, article), doc in zip(short, docs, strict=True):
            outcomes[index] = _guarded(
                article, lambda a=article, d=doc: _finish(a, extract_doc(d, a.meta, lemmatize=lemmatize))
            )
    except Exception:  # noqa: BLE001 - one bad text must not sink its chunk: redo one by one
        for index, article in short:
            if index not in outcomes:
                outcomes[index] = _guarded(
                    article,
                    lambda a=article: _finish(a, extract_doc(nlp(a.text), a.meta, lemmatize=lemmatize)),
                )
    return [outcomes[i] for i in range(len(chunk))]


def _guarded(article: Article, work) -> Outcome:
    try:
        return work()
    except Exception as err:  # noqa: BLE001 - reported per article, the batch goes on
        return Outcome(
            error=DocError(
                article.meta.id, article.meta.path or "", "extract", type(err).__name__, str(err) or repr(err)
            )
        )


def chunks(items: Iterable[Item | Reused], size: int = CHUNK) -> Iterator[list[Item | Reused]]:
    chunk: list[Item | Reused] = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def run(
    items: Iterable[Item | Reused],
    *,
    model: str,
    workers: int = 1,
    engine: str = "local",
    scheduler: str | None = None,
) -> Iterator[Outcome]:
    """Outcomes of ``items`` in input order."""
    if engine == "dask":
        yield from _run_dask(items, model=model, workers=workers, scheduler=scheduler)
    elif workers <= 1:
        for chunk in chunks(items):
            yield from process_chunk(chunk, model)
    else:
        yield from _run_pool(items, model=model, workers=workers)


def _init_worker(model: str) -> None:
    build_nlp(model)


def _run_pool(items, *, model: str, workers: int) -> Iterator[Outcome]:
    """Worker processes; where the platform forks (as spaCy's own ``nlp.pipe(n_process=...)``
    does), the model is loaded here once and the workers start with it already in memory."""
    if "fork" in multiprocessing.get_all_start_methods():
        build_nlp(model)
        context = multiprocessing.get_context("fork")
    else:
        context = multiprocessing.get_context("spawn")
    with context.Pool(workers, initializer=_init_worker, initargs=(model,)) as pool:
        pending: deque = deque()
        for chunk in chunks(items, POOL_CHUNK):
            pending.append(pool.apply_async(process_chunk, (chunk, model)))
            if len(pending) >= workers * IN_FLIGHT_PER_WORKER:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()


class MissingExtra(RuntimeError):
    """An optional dependency group is not installed; the message names the install command."""


def _run_dask(items, *, model: str, workers: int, scheduler: str | None) -> Iterator[Outcome]:
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as err:
        raise MissingExtra("--engine dask needs Dask: pip install 'pressfeed[dask]'") from err

    cluster = None
    if scheduler is None:
        cluster = LocalCluster(
            n_workers=max(1, workers), threads_per_worker=1, processes=True, dashboard_address=None
        )
        client = Client(cluster)
    else:
        client = Client(scheduler)
    try:
        slots = max(1, len(client.scheduler_info().get("workers", {})) or workers)
        pending: deque = deque()
        for chunk in chunks(items, POOL_CHUNK):
            pending.append(client.submit(process_chunk, chunk, model, pure=False))
            if len(pending) >= slots * IN_FLIGHT_PER_WORKER:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
