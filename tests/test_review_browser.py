"""The review page in a real browser: Debian's Chromium, headless, driven by Playwright.

Without Chromium (or Playwright) these tests skip, except when ``CI=true``: then they fail.
"""

from __future__ import annotations

import os
import shutil
import struct
import zlib

import pytest

from pressfeed.review import ArticleView, build_page
from pressfeed.review.browser import CHROMIUM, CHROMIUM_ARGS
from pressfeed.review.facts import fact_rows, fmt_number

pytestmark = pytest.mark.issue(16)


def _missing(reason: str):
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason}; CI must provide it (.ci/run installs chromium with apt)")
    pytest.skip(f"{reason}: apt-get install chromium (and pip install playwright) to run the browser tests")


@pytest.fixture(scope="module")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing("the playwright package is not installed")
    if not (os.path.exists(CHROMIUM) or shutil.which("chromium")):
        _missing(f"no Chromium at {CHROMIUM}")
    with sync_playwright() as p:
        path = CHROMIUM if os.path.exists(CHROMIUM) else shutil.which("chromium")
        chromium = p.chromium.launch(executable_path=path, args=list(CHROMIUM_ARGS))
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def page_file(review_records, tmp_path_factory):
    path = tmp_path_factory.mktemp("review-page") / "review.html"
    views = [ArticleView(r, r["text"], "from the feed") for r in review_records]
    path.write_text(build_page(views, title="corpus sample"), encoding="utf-8")
    return path


@pytest.fixture
def page(browser, page_file):
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    errors: list[str] = []
    page.on("pageerror", lambda err: errors.append(str(err)))
    page.goto(page_file.as_uri(), wait_until="load")
    page.wait_for_selector(".body[data-state=rendered]")
    yield page
    page.close()
    assert errors == []  # no script error on the page


def _expected_spans(records):
    return {
        (r["id"], row.type, s, e): surface
        for r in records
        for row in fact_rows(r)
        for s, e, surface in row.spans
    }


def _all_marks(page):
    """(article, type, start, end) -> the text of all its pieces, for every mark in the page."""
    page.evaluate("pressfeedReview.renderAll()")
    rows = page.evaluate(
        """() => [...document.querySelectorAll('section[data-article] mark[data-fact-type]')].map(m => [
            m.closest('section').dataset.article, m.dataset.factType, +m.dataset.start, +m.dataset.end,
            [...m.childNodes].filter(n => n.nodeType === 3 || n.tagName === 'MARK')
                .map(n => n.textContent).join('')])"""
    )
    marks: dict[tuple, str] = {}
    for article, kind, start, end, text in rows:
        marks[(article, kind, start, end)] = marks.get((article, kind, start, end), "") + text
    return marks


def test_every_span_of_the_feed_is_highlighted(page, review_records):
    expected = _expected_spans(review_records)
    marks = _all_marks(page)
    assert set(marks) == set(expected)
    assert {k: v for k, v in marks.items() if v != expected[k]} == {}
    assert any(k[1] == "dateline" for k in marks) and any(k[1] == "role" for k in marks)


def _crossing(records) -> bool:
    """Whether two spans of one article cross (each starts inside the other, neither holds it)."""
    by_article: dict[str, list[tuple[int, int]]] = {}
    for article, _, start, end in _expected_spans(records):
        by_article.setdefault(article, []).append((start, end))
    return any(a[0] < b[0] < a[1] < b[1] for spans in by_article.values() for a in spans for b in spans)


def test_crossing_spans_are_shown_in_pieces(page, review_records):
    marks = _all_marks(page)
    pieces = page.evaluate("document.querySelectorAll('mark.cont').length")
    # a continued piece exactly where the records hold crossing spans (test_review.py builds one)
    assert (pieces >= 1) == _crossing(review_records)
    assert len(marks) == len(_expected_spans(review_records))


def _mark(article: str, kind: str, start: int) -> str:
    return f'section[data-article="{article}"] mark[data-fact-type="{kind}"][data-start="{start}"]'


def _tooltip_for(page, selector):
    page.hover(selector)
    tip = page.locator("#pf-tip")
    tip.wait_for(state="visible")
    return tip.inner_text()


def test_hover_shows_the_normalized_value(page, review_records):
    record = next(r for r in review_records if any(a["equivalent_of"] is not None for a in r["amounts"]))
    section = f'section[data-article="{record["id"]}"]'
    index, amount = next((i, a) for i, a in enumerate(record["amounts"]) if a["equivalent_of"] is not None)
    base = record["amounts"][amount["equivalent_of"]]
    text = _tooltip_for(
        page, f'{section} mark[data-fact-type="amount"][data-start="{amount["span"]["start"]}"]'
    )
    assert f"{fmt_number(amount['value'])} {amount['currency']}" in text
    assert (
        f"implied rate {fmt_number(amount['implied_rate'])} {base['currency']} per {amount['currency']}"
        in text
    )
    date = record["dates"][0]
    text = _tooltip_for(page, f'{section} mark[data-fact-type="date"][data-start="{date["span"]["start"]}"]')
    assert f"value {date['value']}" in text and f"precision {date['precision']}" in text
    quantity = next(q for r in review_records for q in r["quantities"] if q["base_value"] is not None)
    owner = next(r for r in review_records if quantity in r["quantities"])
    text = _tooltip_for(page, _mark(owner["id"], "quantity", quantity["span"]["start"]))
    assert f"base value {fmt_number(quantity['base_value'])} {quantity['base_unit']}" in text


def test_keyboard_focus_shows_the_value_and_finds_the_row(page, review_records):
    record = review_records[0]
    person = next(p for p in record["people"] if p["roles"])
    role = person["roles"][0]
    mark = page.locator(_mark(record["id"], "role", role["span"]["start"])).first
    mark.focus()
    tip = page.locator("#pf-tip")
    assert tip.is_visible() and f"title {role['title']}" in tip.inner_text()
    assert f"person {person['name']}" in tip.inner_text()
    page.keyboard.press("Enter")
    focused = page.evaluate("document.activeElement.closest('tr').dataset.fact")
    assert focused.startswith("roles-")
    page.keyboard.press("Escape")
    assert not tip.is_visible()


def test_j_and_k_move_between_articles(page, review_records):
    page.locator("h2#h-0").focus()
    page.keyboard.press("j")
    page.wait_for_function("document.activeElement.id === 'h-1'", timeout=5000)
    page.keyboard.press("k")
    page.wait_for_function("document.activeElement.id === 'h-0'", timeout=5000)


def test_filters_hide_and_show_a_type(page):
    amount = page.locator('section mark[data-fact-type="amount"]').first
    row = page.locator('tr[data-row-type="amount"]').first
    person_row = page.locator('tr[data-row-type="person"]').first
    style = "el => getComputedStyle(el).borderBottomColor"
    shown = amount.evaluate(style)
    assert row.is_visible() and shown != "rgba(0, 0, 0, 0)"
    page.uncheck('input[data-filter="amount"]')
    assert amount.evaluate(style) == "rgba(0, 0, 0, 0)"
    assert amount.evaluate("el => getComputedStyle(el).backgroundImage") == "none"
    assert not row.is_visible() and person_row.is_visible()
    page.check('input[data-filter="amount"]')
    assert amount.evaluate(style) == shown and row.is_visible()


def test_search_over_names_filters_the_articles(page, review_records):
    person = review_records[-1]["people"][0]["name"]
    holders = [r["id"] for r in review_records if any(p["name"] == person for p in r["people"])]
    page.fill("#pf-search", person.lower())
    page.press("#pf-search", "Enter")
    shown = page.evaluate(
        "[...document.querySelectorAll('section.article')].filter(s => !s.hidden).map(s => s.dataset.article)"
    )
    assert shown == holders and len(shown) < len(review_records)
    assert page.inner_text("#pf-count") == f"{len(holders)} of {len(review_records)} articles"
    page.fill("#pf-search", "")
    page.press("#pf-search", "Enter")
    assert page.evaluate("document.querySelectorAll('section.article:not([hidden])').length") == len(
        review_records
    )


def _png_pixels(png: bytes) -> tuple[int, int, int, bytes]:
    """Width, height, bytes per pixel and the unfiltered rows of an 8-bit, non-interlaced PNG."""
    width, height, depth, colour = struct.unpack(">IIBB", png[16:26])
    assert depth == 8 and colour in (2, 6)
    bpp = 3 if colour == 2 else 4
    data, pos = b"", 8
    while pos < len(png):
        length, kind = struct.unpack(">I4s", png[pos : pos + 8])
        if kind == b"IDAT":
            data += png[pos + 8 : pos + 8 + length]
        pos += 12 + length
    raw, stride, out, prev = zlib.decompress(data), width * bpp, bytearray(), bytearray(width * bpp)
    for y in range(height):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)])
        for x in range(stride):
            a = line[x - bpp] if x >= bpp else 0
            b, c = prev[x], prev[x - bpp] if x >= bpp else 0
            predictor = (0, a, b, (a + b) // 2, _paeth(a, b, c))[kind]
            line[x] = (line[x] + predictor) & 0xFF
        out += line
        prev = line
    return width, height, bpp, bytes(out)


def _paeth(a: int, b: int, c: int) -> int:
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    return a if pa <= pb and pa <= pc else b if pb <= pc else c


def test_a_screenshot_is_not_blank(page):
    clip = {"x": 0, "y": 0, "width": 700, "height": 400}  # legend, list of articles, marked text
    width, height, bpp, pixels = _png_pixels(page.screenshot(clip=clip))
    grey = [sum(pixels[i : i + 3]) // 3 for i in range(0, len(pixels), bpp * 7)]
    mean = sum(grey) / len(grey)
    variance = sum((g - mean) ** 2 for g in grey) / len(grey)
    assert (width, height) == (700, 400)
    assert variance > 200  # text, marks and colours, not a blank page
    colours = {pixels[i : i + 3] for i in range(0, len(pixels), bpp * 7)}
    assert len(colours) > 50  # highlights in several colours, not only black on white
