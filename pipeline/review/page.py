"""The review page: one self-contained HTML file for a whole feed, built by pure functions.

:func:`build_page` takes the feed's records with their texts and returns the page: inline CSS
and JavaScript (``assets/``), a legend that is also the filter by fact type, a search box over
names, a list of the articles, and one section per article. A section's header (headline,
published date and its source, dateline, warnings) is in the page; its body (the text with
every span marked, and the facts table) waits inside an inert ``<script>`` element until the
section nears the viewport, so a 1,000-article page opens as fast as a short one. The body is
stored gzipped in base64 (a sixth of its size: the browser parses fewer bytes on opening) and
inflated by the browser's own ``DecompressionStream``; :func:`decode_body` reads it back.
"""

from __future__ import annotations

import base64
import gzip
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from html import escape
from importlib import resources

from .facts import FactRow, FactType, country_label, fact_rows, fact_types, search_names
from .markup import check_spans, mark_text

ASSETS = "assets"
BODY_SCRIPT = re.compile(r'<script type="application/x-pressfeed-body">([^<]*)</script>')
PLACEHOLDER = re.compile(r"\{\{(\w+)\}\}")
CHARS_PER_LINE, LINE_PX, ROW_PX = 80, 30, 34  # for the height a section keeps before it renders
FILLS = {
    "none": "none",
    "tint": "color-mix(in srgb, var(--c) 16%, transparent)",
    "hatch": "repeating-linear-gradient(135deg, color-mix(in srgb, var(--c) 28%, transparent) 0 2px, "
    "transparent 2px 6px)",
    "dots": "radial-gradient(color-mix(in srgb, var(--c) 45%, transparent) 1px, transparent 1.5px) "
    "0 0/5px 5px",
}


@dataclass(frozen=True)
class ArticleView:
    """One record with the text its offsets index (None when unknown) and where that came from."""

    record: dict
    text: str | None
    origin: str
    notes: tuple[str, ...] = ()


@cache
def asset(name: str) -> str:
    """A template, style sheet or script shipped in ``pressfeed/review/assets``."""
    return resources.files(__package__).joinpath(ASSETS, name).read_text(encoding="utf-8")


def fill(template: str, **parts: str) -> str:
    """Replace each ``{{name}}`` of ``template``; a name without a part is an error.

    >>> fill("<b>{{x}}</b>", x="1")
    '<b>1</b>'
    """
    missing = set(PLACEHOLDER.findall(template)) - set(parts)
    if missing:
        raise KeyError(f"template parts missing: {sorted(missing)}")
    return PLACEHOLDER.sub(lambda m: parts[m.group(1)], template)


def encode_body(html: str) -> str:
    """A section body as stored in the page: gzip (no timestamp: the page is reproducible), base64.

    >>> decode_body(encode_body("<p>Ann</p>"))
    '<p>Ann</p>'
    """
    return base64.b64encode(gzip.compress(html.encode("utf-8"), compresslevel=6, mtime=0)).decode("ascii")


def decode_body(data: str) -> str:
    """The HTML of a body stored by :func:`encode_body`."""
    return gzip.decompress(base64.b64decode(data)).decode("utf-8")


def page_bodies(page: str) -> list[str]:
    """The HTML of every section body of a page, in order (for tests and scripts)."""
    return [decode_body(m.group(1)) for m in BODY_SCRIPT.finditer(page)]


def type_css(types: Sequence[FactType]) -> str:
    """Per-type rules: colour, underline style and fill of the marks, and the filters' effect."""
    rules = []
    for t in types:
        sel = f'[data-fact-type="{t.type}"]'
        rules.append(
            f"mark{sel},.tag{sel},.sample{sel}{{--c:{t.colour};border-bottom:{t.border} var(--c);"
            f"background:{FILLS[t.fill]}}}\n"
            f'mark{sel}.end::after{{content:"{t.tag}"}}\n'
            f".hide-{t.type} mark{sel}{{background:none;border-bottom-color:transparent}}\n"
            f".hide-{t.type} mark{sel}::after{{display:none}}\n"
            f'.hide-{t.type} tr[data-row-type="{t.type}"]{{display:none}}\n'
        )
    return "".join(rules)


def legend(types: Sequence[FactType]) -> str:
    """The legend, one checkbox per type: it filters the marks and rows of that type."""
    items = "".join(
        f'<li><label><input type="checkbox" checked data-filter="{t.type}"> '
        f'<span class="sample" data-fact-type="{t.type}">{escape(t.tag)}</span> {escape(t.label)}'
        f'<span class="vh"> ({t.border.split()[1]} underline)</span></label></li>'
        for t in types
    )
    return f'<ul class="legend" aria-label="Fact types: uncheck to hide">{items}</ul>'


def _value_html(row: FactRow) -> str:
    return " · ".join(f"<b>{escape(k)}</b> {escape(v)}" for k, v in row.value)


def facts_table(rows: Sequence[FactRow], labels: dict[str, str], index: int) -> str:
    """The facts of one article: type, evidence (a link that finds it in the text), value.

    Plain inline cells (no buttons, no inline blocks) keep the layout of thousands of rows cheap.
    """
    body = "".join(
        f'<tr data-row-type="{r.type}" data-fact="{r.key}"><td><span class="tag" data-fact-type="{r.type}">'
        f'{escape(labels[r.type])}</span></td><td><a class="ev" href="#a-{index}">'
        f"{escape(r.spans[0][2] if r.spans else r.name)}</a>"
        f"{f' <small>×{len(r.spans)}</small>' if len(r.spans) > 1 else ''}</td>"
        f'<td class="val">{_value_html(r)}</td></tr>'
        for r in rows
    )
    return (
        f'<table class="facts" aria-labelledby="h-{index}"><caption>Facts ({len(rows)})</caption>'
        '<colgroup><col class="c-type"><col class="c-ev"><col></colgroup>'
        "<thead><tr><th scope=col>type</th><th scope=col>evidence</th><th scope=col>normalized value</th>"
        f"</tr></thead><tbody>{body}</tbody></table>"
    )


def article_body(view: ArticleView, rows: Sequence[FactRow], index: int) -> tuple[str, list[str]]:
    """The HTML of one article's body and the problems found with its spans."""
    labels = {t.type: t.label for t in fact_types()}
    table = facts_table(rows, labels, index)
    if view.text is None:
        return f'<p class="notext">{escape(view.origin)}</p>{table}', []
    order = {t.type: n for n, t in enumerate(fact_types())}
    spans = [(s, e, surface, r.type, r.key) for r in rows for s, e, surface in r.spans]
    good, bad = check_spans(view.text, spans)
    problems = [f"{key}: {surface!r} at {s}-{e} does not match the text" for s, e, surface, _, key in bad[:5]]
    if len(bad) > 5:
        problems.append(f"… and {len(bad) - 5} more spans that do not match the text")
    return f'<div class="text">{mark_text(view.text, good, order)}</div>{table}', problems


def _estimate_px(text: str | None, rows: int) -> int:
    lines = sum(len(p) // CHARS_PER_LINE + 1 for p in (text or "").split("\n"))
    return max(lines * LINE_PX, rows * ROW_PX) + 60


def _meta(record: dict, view: ArticleView) -> str:
    line = record.get("dateline")
    dateline = (
        f"{escape(line['span']['text'])} → {escape(line['place'])}"
        + (f", {escape(country_label(line.get('country')))}" if line.get("country") else "")
        if line
        else "none"
    )
    published = escape(record.get("published") or "unknown")
    if record.get("published_source"):
        published += f' <span class="src">(from {escape(record["published_source"])})</span>'
    items = (("id", escape(record["id"])), ("published", published), ("dateline", dateline))
    items += (("text", escape(view.origin)),)
    return '<dl class="meta">' + "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in items) + "</dl>"


def article_section(view: ArticleView, index: int, total: int) -> str:
    """One article: its header now, its body inside an inert script until it is shown."""
    record = view.record
    rows = fact_rows(record)
    body, problems = article_body(view, rows, index)
    warnings = [*record.get("warnings", []), *view.notes, *problems]
    items = "".join(f"<li>{escape(w)}</li>" for w in warnings)
    warn = f'<ul class="warnings" aria-label="warnings">{items}</ul>' if warnings else ""
    prev = f'<a href="#a-{index - 1}" rel="prev">← previous</a>' if index else ""
    nxt = f'<a href="#a-{index + 1}" rel="next">next →</a>' if index + 1 < total else ""
    title = escape(record.get("title") or record["id"])
    return (
        f'<section class="article" id="a-{index}" data-article="{escape(record["id"])}" '
        f'data-names="{escape(search_names(record))}" aria-labelledby="h-{index}">'
        f'<header><p class="pos">Article {index + 1} of {total} {prev} {nxt}</p>'
        f'<h2 id="h-{index}" tabindex="-1">{title}</h2>{_meta(record, view)}{warn}</header>'
        f'<div class="body" data-state="pending" style="min-height:{_estimate_px(view.text, len(rows))}px">'
        f'<script type="application/x-pressfeed-body">{encode_body(body)}</script></div></section>'
    )


def nav_list(views: Sequence[ArticleView]) -> str:
    items = "".join(
        f'<li><a href="#a-{i}">{escape(v.record.get("title") or v.record["id"])}</a></li>'
        for i, v in enumerate(views)
    )
    return f"<ol>{items}</ol>"


def build_page(views: Sequence[ArticleView], *, title: str, problems: Sequence[str] = ()) -> str:
    """The whole review page for ``views``, in feed order.

    Args:
        views: the records with their texts.
        title: the page title (the feed's name).
        problems: feed lines that yielded no record; listed at the top of the page.
    """
    types = fact_types()
    facts = sum(len(fact_rows(v.record)) for v in views)
    problem_html = (
        '<ul class="problems" aria-label="feed problems">'
        + "".join(f"<li>{escape(p)}</li>" for p in problems)
        + "</ul>"
        if problems
        else ""
    )
    return fill(
        asset("page.html"),
        title=escape(title),
        css=asset("review.css") + type_css(types),
        js=asset("review.js"),
        summary=f"{len(views)} articles, {facts} facts",
        problems=problem_html,
        legend=legend(types),
        nav=nav_list(views),
        sections="\n".join(article_section(v, i, len(views)) for i, v in enumerate(views)),
    )
