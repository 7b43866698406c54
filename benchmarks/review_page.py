"""Size and open time of the review page for a large feed (issue 16).

Builds a feed of N articles (default 1,000) by cycling the articles of ``corpus/``: each distinct
text is extracted once (with its text kept, as ``pressfeed run --with-text`` does) and its
record is repeated under its own id (``NAME-0``, ``NAME-1``, ...). Writes the review page,
prints its size and the time to build it, then opens it in headless Chromium several times
and prints, per run and as the median:

  - first section: when the first article body was rendered (the ``pf-first-section`` mark),
  - DOMContentLoaded and load event (Navigation Timing, from the start of navigation),
  - wall: from ``page.goto`` to the load event, as a user would wait;
  - jump to the last article (hash navigation and its render), and render of all sections.

    python benchmarks/review_page.py [--articles 1000] [--runs 3] [--out DIR] [--chromium PATH]

Figures depend on the machine and its load; nothing here is asserted by the tests.
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from itertools import cycle, islice
from pathlib import Path

from pressfeed import batch
from pressfeed.constants import DEFAULT_MODEL
from pressfeed.feeds import dumps
from pressfeed.readers import Article, iter_inputs
from pressfeed.review import build_page
from pressfeed.review.browser import CHROMIUM, CHROMIUM_ARGS
from pressfeed.review.facts import fact_rows
from pressfeed.review.load import build_views
from pressfeed.texts import with_text

ROOT = Path(__file__).resolve().parent.parent


def build_feed(count: int, model: str) -> list[dict]:
    """``count`` records cycled from the corpus, each with its own id and its text."""
    articles = [a for a in iter_inputs([str(ROOT / "corpus")]) if isinstance(a, Article)]
    records = [
        with_text(outcome.record, article.text)
        for article, outcome in zip(articles, batch.run(articles, model=model), strict=True)
        if outcome.record is not None
    ]
    return [{**r, "id": f"{r['id']}-{i}"} for i, r in enumerate(islice(cycle(records), count))]


def open_times(page_path: Path, runs: int, chromium: str) -> list[dict[str, float]]:
    from playwright.sync_api import sync_playwright

    results = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=list(CHROMIUM_ARGS))
        for _ in range(runs):
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            started = time.perf_counter()
            page.goto(page_path.as_uri(), wait_until="load")
            wall = (time.perf_counter() - started) * 1000
            page.wait_for_function("document.documentElement.dataset.firstSection")
            timing = page.evaluate(
                """() => {
                const nav = performance.getEntriesByType('navigation')[0];
                const first = performance.getEntriesByName('pf-first-section')[0];
                return {first: first.startTime, dcl: nav.domContentLoadedEventEnd, load: nav.loadEventEnd};
            }"""
            )
            jump = page.evaluate(
                """() => new Promise((done) => {
                const t0 = performance.now(); const n = pressfeedReview.sections.length;
                const body = pressfeedReview.sections[n - 1].querySelector('.body');
                const poll = () => body.dataset.state === 'rendered'
                  ? (void document.body.offsetHeight, done(performance.now() - t0))
                  : requestAnimationFrame(poll);
                window.addEventListener('hashchange', () => requestAnimationFrame(poll), {once: true});
                location.hash = '#a-' + (n - 1); })"""
            )
            every = page.evaluate(
                "async () => { const t0 = performance.now(); await pressfeedReview.renderAll();"
                " void document.body.offsetHeight; return performance.now() - t0; }"
            )
            results.append({**timing, "wall": wall, "jump_last": jump, "render_all": every})
            page.close()
        browser.close()
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--out", type=Path, help="directory for feed.jsonl and review.html (default: a temp dir)"
    )
    parser.add_argument("--chromium", default=CHROMIUM)
    parser.add_argument("--model", default=DEFAULT_MODEL)
    parser.add_argument("--feed", type=Path, help="use this feed (with texts) instead of building one")
    args = parser.parse_args()
    out = args.out or Path(tempfile.mkdtemp(prefix="pressfeed-review-"))
    out.mkdir(parents=True, exist_ok=True)

    if args.feed:
        feed = args.feed
        records = [json.loads(line) for line in feed.read_text(encoding="utf-8").splitlines() if line.strip()]
    else:
        records = build_feed(args.articles, args.model)
        feed = out / "feed.jsonl"
        feed.write_text("".join(dumps(r) + "\n" for r in records), encoding="utf-8")
    started = time.perf_counter()
    html = build_page(build_views(records, {}), title=feed.name)
    built = time.perf_counter() - started
    page_path = out / "review.html"
    page_path.write_text(html, encoding="utf-8")
    size = page_path.stat().st_size
    facts = sum(len(fact_rows(r)) for r in records)
    print(f"feed: {len(records)} articles, {feed.stat().st_size / 1e6:.1f} MB ({feed})")
    print(
        f"page: {size / 1e6:.1f} MB, {size / len(records) / 1e3:.1f} kB per article, {facts} facts, "
        f"built in {built:.2f} s"
    )
    print(f"      ({page_path})")

    runs = open_times(page_path, args.runs, args.chromium)
    keys = ("first", "dcl", "load", "wall", "jump_last", "render_all")
    names = {
        "first": "first section",
        "dcl": "DOMContentLoaded",
        "load": "load event",
        "wall": "wall to load",
        "jump_last": "jump to last",
        "render_all": "render all",
    }
    for i, run in enumerate(runs, start=1):
        print(f"run {i}: " + ", ".join(f"{names[k]} {run[k]:.0f} ms" for k in keys))
    print("median: " + ", ".join(f"{names[k]} {statistics.median(r[k] for r in runs):.0f} ms" for k in keys))
    print(json.dumps({k: round(statistics.median(r[k] for r in runs)) for k in keys} | {"bytes": size}))


if __name__ == "__main__":
    main()
