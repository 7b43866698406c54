"""The people store at scale (issue 17): insert rate, store size, ``who`` and ``people`` times.

Extracts the committed corpus once, then generates N article records from its output: each
copy gets its own id, text hash and publication date (spread over five years), and its people
are renamed from a pool of generated persons (first names x surnames from the corpus, so
surnames repeat across different people): each person keeps the posts of one corpus person,
and is drawn with a skew, so some appear in hundreds of articles and most in a few. Records go
in through ``Store.add``, in transactions of 1,000.
Then it times ``who`` for random names and ``people`` with each filter (median and worst of
the runs, in milliseconds).

    python benchmarks/store.py [--articles 100000] [--store PATH_OR_DSN] [--feed FEED.jsonl]

Without --store a SQLite file in a temporary folder is used. With a ``postgresql://`` DSN the
database is emptied first (its ``public`` schema is dropped). Figures depend on the machine
and its load; nothing here is asserted by the tests.
"""

from __future__ import annotations

import argparse
import copy
import hashlib
import json
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from pressfeed.constants import DEFAULT_MODEL
from pressfeed.store import open_store

ROOT = Path(__file__).resolve().parent.parent
BATCH = 1000


def corpus_records(feed: str | None) -> list[dict]:
    if feed:
        return [json.loads(line) for line in Path(feed).read_text(encoding="utf-8").splitlines() if line]
    from pressfeed import batch
    from pressfeed.readers import iter_inputs

    outcomes = batch.run(iter_inputs([str(ROOT / "corpus")]), model=DEFAULT_MODEL, workers=2)
    return [o.record for o in outcomes if o.record is not None]


def name_parts(records: list[dict]) -> tuple[list[str], list[str]]:
    """First names and surnames: the corpus's, plus generated ones (surnames repeat across people)."""
    names = [p["name"].split() for r in records for p in r["people"] if len(p["name"].split()) >= 2]
    firsts = sorted({n[0] for n in names}) + [f"First{i}" for i in range(300)]
    lasts = sorted({n[-1] for n in names}) + [f"Surname{i}ov" for i in range(3000)]
    return firsts, lasts


def generate(records: list[dict], count: int, *, per_slot: int = 300, seed: int = 17):
    """``count`` records from the corpus records, renamed and re-dated (deterministic).

    Each person slot of a corpus record (its roles, organization, country) gets ``per_slot``
    generated people; a copy of the record names, for each slot, one of them, drawn with a
    harmonic skew: a few hold their post in hundreds of articles, most in a handful.
    """
    rng = random.Random(seed)
    firsts, lasts = name_parts(records)
    weights = [1 / (k + 1) for k in range(per_slot)]
    slots = {
        (i, j): [f"{rng.choice(firsts)} {rng.choice(lasts)}" for _ in range(per_slot)]
        for i, r in enumerate(records)
        for j in range(len(r["people"]))
    }
    start = date(2021, 1, 1)
    for index in range(count):
        base = index % len(records)
        record = copy.deepcopy(records[base])
        record["id"] = f"bench-{index}"
        record["source"]["sha256"] = hashlib.sha256(record["id"].encode()).hexdigest()
        record["published"] = (start + timedelta(days=rng.randrange(5 * 365))).isoformat()
        for j, p in enumerate(record["people"]):
            (name,) = rng.choices(slots[base, j], weights)
            p["name"], p["aliases"] = name, [name.split()[-1]]
            p["mentions"][0]["text"] = name
        yield record


def timed(fn, runs: int) -> tuple[float, float]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), max(times)


def empty_postgres(dsn: str) -> None:
    import psycopg

    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute("DROP SCHEMA public CASCADE")
        conn.execute("CREATE SCHEMA public")


def build(store, records: list[dict], count: int) -> None:
    """Add ``count`` generated articles; print the insert rate and the store's size."""
    started = time.perf_counter()
    generated = generate(records, count)
    done = 0
    while done < count:
        with store.transaction():
            for record in generated:
                store.add(record)
                done += 1
                if done % BATCH == 0:
                    break
        if done % 10_000 == 0:
            print(f"  {done:,} articles, {done / (time.perf_counter() - started):,.0f}/s", flush=True)
    elapsed = time.perf_counter() - started
    print(f"insert: {count:,} articles in {elapsed:,.1f} s = {count / elapsed:,.0f} articles/s")


def report_size(store) -> None:
    if store.db.dialect == "sqlite":
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    tables = ("articles", "persons", "appearances", "role_facts", "person_roles", "roles")
    counts = {t: store.db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in tables}
    print(f"size: {store.size_bytes() / 1e6:,.1f} MB; " + ", ".join(f"{t} {n:,}" for t, n in counts.items()))


FILTERS = [
    {}, {"org": "ministry"}, {"country": "KZ"}, {"title": "minister"}, {"since": "2025-06-01"},
    {"country": "KZ", "title": "minister", "since": "2025-01-01"}, {"org": "penrose cables"},
]  # fmt: skip


def time_queries(store) -> None:
    """Median and worst times of ``who`` (random names, surnames, the most seen people) and of
    ``people`` with each filter: the indexed ranking alone, then whole objects for 100 and 20."""
    from pressfeed.store import queries

    rng = random.Random(1)
    names = [r[0] for r in store.db.execute("SELECT name FROM persons ORDER BY id").fetchall()]
    busiest = store.db.execute("SELECT name FROM persons ORDER BY article_count DESC, id LIMIT 50").fetchall()
    sample = [rng.choice(names) for _ in range(200)]
    lookups = [
        ("NAME (200 random people)", sample),
        ("SURNAME (50 surnames; several people each)", [n.split()[-1] for n in sample[:50]]),
        ("NAME (the 50 most seen people)", [r[0] for r in busiest]),
    ]
    for label, sample_names in lookups:
        it = iter(sample_names)
        median, worst = timed(lambda it=it: store.who(next(it)), len(sample_names))
        print(f"who {label}: median {median:.1f} ms, worst {worst:.1f} ms")
    for f in FILTERS:
        shown = " ".join(f"--{k} {v}" for k, v in f.items()) or "(no filter)"
        ranking = timed(lambda f=f: queries.people(store.db, **f, limit=100, objects=False), 20)
        full = timed(lambda f=f: store.people(**f, limit=100), 10)
        small = timed(lambda f=f: store.people(**f, limit=20), 10)
        facts = sum(len(p["articles"]) for p in store.people(**f, limit=100))
        print(
            f"people {shown}: ranking {ranking[0]:.1f} ms (worst {ranking[1]:.1f}); objects of 100 people "
            f"({facts:,} appearances) {full[0]:.1f} ms (worst {full[1]:.1f}); of 20 {small[0]:.1f} ms"
        )


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--store", help="SQLite path or postgresql:// DSN (default: a temporary SQLite file)")
    parser.add_argument("--feed", help="a feed of corpus records (default: extract corpus/ now)")
    parser.add_argument("--queries-only", action="store_true", help="time the queries on an existing store")
    args = parser.parse_args(argv)
    tmp = tempfile.TemporaryDirectory()
    target = args.store or str(Path(tmp.name) / "bench.db")
    if not args.queries_only:
        records = corpus_records(args.feed)
        if target.startswith("postgres"):
            empty_postgres(target)
    with open_store(target) as store:
        if not args.queries_only:
            print(f"store: {store.db.dialect}; {len(records)} corpus records -> {args.articles:,} articles")
            build(store, records, args.articles)
        report_size(store)
        time_queries(store)
    return 0


if __name__ == "__main__":
    sys.exit(main())
