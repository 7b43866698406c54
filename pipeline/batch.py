"""Batches: inputs -> records or errors, in input order, on one process, N processes or Dask.

Work goes out in chunks; at most a few chunks per worker are in flight, so memory stays flat
however large the corpus. The model is loaded once per worker process (``build_nlp`` is
cached per process). Each article yields its record (validated against the schema) or a
:class:`DocError`; one failing article never stops the batch.
"""

from __future__ import annotations

import logging
import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from functools import partial
from typing import Any

from .budget import DEFAULT_ARTICLE_TIMEOUT, time_budget
from .core import extract_doc
from .errors import MissingExtra, SchedulerUnreachable
from .nlp import build_nlp, lemma
from .pieces import PIECE_CHARS, PIECE_TOKENS, merge_records, split_pieces, token_estimate
from .readers import Article, DocError, Item
from .record import Source
from .resume import Reused
from .schema import validate

CHUNK = 64  # articles per nlp.pipe call in one process: larger batches run the model faster
POOL_CHUNK = 24  # articles per task for worker pools: small enough to keep workers even at the end
IN_FLIGHT_PER_WORKER = 3
# Tokens of short articles run through one ``nlp.pipe`` call. The model's working memory grows
# with the tokens of a call (about 13 KB a token, see pieces.py): 12,000 put a worker past 400 MB
# at its peak, 4,000 keep it under 300 MB, and batches past a few thousand tokens run no faster.
GROUP_TOKENS = 4_000
CONNECT_TIMEOUT = "5s"  # to reach a --scheduler (Dask's default is 30 s)


@dataclass(frozen=True)
class Outcome:
    """What one input produced: a record (as JSON) with its article's text, an error, or a
    reused feed line."""

    record: dict[str, Any] | None = None
    error: DocError | None = None
    reused_line: str | None = None
    text: str | None = None


@dataclass(frozen=True)
class Limits:
    """How one chunk is run: the time budget per article piece, and a callback
    ``on_piece(done, total)`` told as each piece of a long article is finished."""

    article_timeout: float | None = DEFAULT_ARTICLE_TIMEOUT
    on_piece: Callable[[int, int], None] | None = None


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
    return Outcome(record=data, text=article.text)


def _extract_long(article: Article, model: str, on_piece=None):
    nlp = build_nlp(model)
    parts, meta = [], article.meta
    split = split_pieces(article.text, PIECE_CHARS)
    for offset, piece in split:
        doc = nlp(piece)
        record = extract_doc(doc, meta, lemmatize=partial(lemma, nlp=nlp))
        doc.user_data.clear()  # as in _short
        if not parts and record.published:
            meta = replace(
                meta,
                published=record.published,
                published_source=record.published_source or meta.published_source,
            )
        parts.append((offset, record))
        if on_piece is not None:
            on_piece(len(parts), len(split))
    merged = merge_records(parts)
    return replace(merged, published=parts[0][1].published, published_source=parts[0][1].published_source)


def _budget(limits: Limits, pieces: int = 1) -> float | None:
    return limits.article_timeout * pieces if limits.article_timeout else None


def _is_long(article: Article) -> bool:
    """Over one piece: more characters or (estimated) tokens than spaCy should hold at once."""
    if len(article.text) > PIECE_CHARS:
        return True
    return token_estimate(article.text, stop=PIECE_TOKENS + 1) > PIECE_TOKENS


def _groups(short: list[tuple[int, Article]]) -> Iterator[list[tuple[int, Article]]]:
    """Consecutive articles whose tokens together stay within :data:`GROUP_TOKENS` (the model's
    memory grows with the tokens of one ``nlp.pipe`` batch, not with its count of texts)."""
    group: list[tuple[int, Article]] = []
    tokens = 0
    for index, article in short:
        size = token_estimate(article.text)
        if group and tokens + size > GROUP_TOKENS:
            yield group
            group, tokens = [], 0
        group.append((index, article))
        tokens += size
    if group:
        yield group


def process_chunk(chunk: list[Item | Reused], model: str, limits: Limits = Limits()) -> list[Outcome]:
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
        elif _is_long(item):
            budget = _budget(limits, len(split_pieces(item.text, PIECE_CHARS)))
            outcomes[index] = _guarded(item, partial(_long, item, model, limits.on_piece), budget)
        else:
            short.append((index, item))
    for group in _groups(short):
        outcomes.update(_pipe_group(group, nlp, lemmatize, limits))
    return [outcomes[i] for i in range(len(chunk))]


def _pipe_group(group: list[tuple[int, Article]], nlp, lemmatize, limits: Limits) -> dict[int, Outcome]:
    """Short articles through one ``nlp.pipe`` call, within the budget of them all."""
    outcomes: dict[int, Outcome] = {}
    try:
        with time_budget(_budget(limits, len(group))):
            docs = nlp.pipe((a.text for _, a in group), batch_size=CHUNK)
            for (index, article), doc in zip(group, docs, strict=True):
                outcomes[index] = _guarded(article, partial(_short, article, doc, lemmatize), _budget(limits))
    except Exception:  # noqa: BLE001 - one bad or slow text must not sink its group: redo one by one
        for index, article in group:
            if index not in outcomes:
                work = partial(_short, article, None, lemmatize, nlp)
                outcomes[index] = _guarded(article, work, _budget(limits))
    return outcomes


def _long(article: Article, model: str, on_piece) -> Outcome:
    return _finish(article, _extract_long(article, model, on_piece))


def _short(article: Article, doc, lemmatize, nlp=None) -> Outcome:
    doc = nlp(article.text) if doc is None else doc
    record = extract_doc(doc, article.meta, lemmatize=lemmatize)
    # The extractors' per-doc readings hold spans of the doc: dropped, the doc is freed at once
    # rather than by the cycle collector (memory stays flat between collections).
    doc.user_data.clear()
    return _finish(article, record)


def _guarded(article: Article, work, budget: float | None = None) -> Outcome:
    try:
        with time_budget(budget):
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
    article_timeout: float | None = DEFAULT_ARTICLE_TIMEOUT,
    on_piece: Callable[[int, int], None] | None = None,
) -> Iterator[Outcome]:
    """Outcomes of ``items`` in input order.

    Args:
        article_timeout: seconds per piece of 100,000 characters an article may take (None: no
            limit); past it the article is an ``ArticleTimeout`` error record.
        on_piece: told ``(done, total)`` per piece of a long article (one process only).
    """
    if engine == "dask":
        yield from _run_dask(
            items, model=model, workers=workers, scheduler=scheduler, limits=Limits(article_timeout)
        )
    elif workers <= 1:
        limits = Limits(article_timeout, on_piece)
        for chunk in chunks(items):
            yield from process_chunk(chunk, model, limits)
    else:
        yield from _run_pool(items, model=model, workers=workers, limits=Limits(article_timeout))


def _init_worker(model: str) -> None:
    build_nlp(model)


def _run_pool(items, *, model: str, workers: int, limits: Limits) -> Iterator[Outcome]:
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
            pending.append(pool.apply_async(process_chunk, (chunk, model, limits)))
            if len(pending) >= workers * IN_FLIGHT_PER_WORKER:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()


def _run_dask(items, *, model: str, workers: int, scheduler: str | None, limits: Limits) -> Iterator[Outcome]:
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
        client = _connect(Client, scheduler)
    try:
        slots = max(1, len(client.scheduler_info().get("workers", {})) or workers)
        pending: deque = deque()
        for chunk in chunks(items, POOL_CHUNK):
            pending.append(client.submit(process_chunk, chunk, model, limits, pure=False))
            if len(pending) >= slots * IN_FLIGHT_PER_WORKER:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _connect(client_class, scheduler: str):
    """A client of the scheduler at ``scheduler``, or one line saying it does not answer."""
    quiet = logging.getLogger("distributed")
    level = quiet.level
    quiet.setLevel(logging.CRITICAL)  # its retries would print pages of tracebacks
    try:
        return client_class(scheduler, timeout=CONNECT_TIMEOUT)
    except (OSError, TimeoutError, ValueError) as err:
        raise SchedulerUnreachable(
            f"no Dask scheduler answers at {scheduler} ({type(err).__name__}); start one "
            f"(dask scheduler) or fix --scheduler, or drop it to run a local cluster"
        ) from None
    finally:
        quiet.setLevel(level)
