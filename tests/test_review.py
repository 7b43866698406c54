"""The review page without a browser: marks, fact values, the page, and the CLI around it."""

from __future__ import annotations

import json
import re
from html import unescape
from html.parser import HTMLParser

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pressfeed.cli import EXIT_SOME_FAILED, EXIT_USAGE, main
from pressfeed.review import ArticleView, build_page
from pressfeed.review.facts import fact_rows, fact_types
from pressfeed.review.markup import Highlight, check_spans, mark_text
from pressfeed.review.page import page_bodies

from .conftest import CORPUS, REFERENCE, load_jsonl

pytestmark = pytest.mark.issue(16)


class MarkParser(HTMLParser):
    """Collects the text under each (start, end, type) mark, across its pieces."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple] = []
        self.pieces: dict[tuple, list[str]] = {}
        self.text: list[str] = []
        self.firsts: list[tuple] = []

    def handle_starttag(self, tag, attrs):
        assert tag == "mark", tag
        a = dict(attrs)
        key = (int(a["data-start"]), int(a["data-end"]), a["data-fact-type"])
        if "cont" not in (a.get("class") or "").split():
            self.firsts.append(key)
        self.stack.append(key)
        self.pieces.setdefault(key, [])

    def handle_endtag(self, tag):
        assert tag == "mark" and self.stack
        self.stack.pop()

    def handle_data(self, data):
        self.text.append(data)
        for key in self.stack:
            self.pieces[key].append(data)


def parse_marks(html: str) -> MarkParser:
    parser = MarkParser()
    parser.feed(html)
    parser.close()
    assert parser.stack == []  # every mark closed: well-formed
    return parser


def test_nested_and_crossing_spans_each_keep_their_text():
    text = "Deputy Minister Ann Lee of Kazakhstan <said> 6.4 billion tenge"
    spans = [
        (0, 23, "Deputy Minister Ann Lee", "role", "roles-0-0"),
        (16, 23, "Ann Lee", "person", "people-0"),
        (20, 37, "Lee of Kazakhstan", "organization", "organizations-0"),  # crosses both
        (27, 37, "Kazakhstan", "location", "locations-0"),
        (45, 62, "6.4 billion tenge", "amount", "amounts-0"),
    ]
    good, bad = check_spans(text, spans)
    assert bad == []
    parsed = parse_marks(mark_text(text, good, {}))
    assert "".join(parsed.text) == text
    for start, end, surface, kind, _ in spans:
        assert "".join(parsed.pieces[(start, end, kind)]) == surface
    assert sorted(parsed.firsts) == sorted((s, e, k) for s, e, _, k, _ in spans)  # one focusable piece each


@given(
    text=st.text(alphabet="ab <&>\n", min_size=1, max_size=40),
    raw=st.lists(st.tuples(st.integers(0, 40), st.integers(1, 12), st.sampled_from(["person", "date"]))),
)
def test_any_spans_make_well_formed_marks(text, raw):
    spans = {(s, min(s + n, len(text))) + (k,) for s, n, k in raw if s < len(text)}
    highlights = [Highlight(s, e, k, (f"{k}-{s}-{e}",)) for s, e, k in spans]
    parsed = parse_marks(mark_text(text, highlights, {}))
    assert "".join(parsed.text) == text
    for s, e, k in spans:
        assert "".join(parsed.pieces[(s, e, k)]) == text[s:e]


def test_spans_that_do_not_index_the_text_are_reported_not_marked():
    good, bad = check_spans("Ann met Bo.", [(0, 3, "Ann", "person", "p0"), (8, 10, "Bob", "person", "p1")])
    assert [(h.start, h.end) for h in good] == [(0, 3)]
    assert bad == [(8, 10, "Bob", "person", "p1")]


def test_fact_values_of_a_real_article(review_records):
    record = next(r for r in review_records if r["id"] == "kz-afghanistan-working-group")
    rows = {r.key: r for r in fact_rows(record)}
    linked = next(i for i, a in enumerate(record["amounts"]) if a["equivalent_of"] is not None)
    amount, base = record["amounts"][linked], record["amounts"][record["amounts"][linked]["equivalent_of"]]
    value = dict(rows[f"amounts-{linked}"].value)
    assert value["value"] == f"{amount['value']:,} {amount['currency']}"
    assert (
        f"implied rate {amount['implied_rate']:,} {base['currency']} per {amount['currency']}"
        in value["conversion"]
    )
    date = dict(rows["dates-0"].value)
    assert (date["value"], date["precision"]) == (
        record["dates"][0]["value"],
        record["dates"][0]["precision"],
    )
    person = next(p for p in record["people"] if p["roles"])
    index = record["people"].index(person)
    role = dict(rows[f"roles-{index}-0"].value)
    assert role["title"] == person["roles"][0]["title"] and role["person"] == person["name"]
    assert rows["dateline"].spans == (
        (record["dateline"]["span"]["start"], record["dateline"]["span"]["end"], "ALMATY"),
    )


def test_every_type_has_a_distinct_underline_and_tag():
    types = fact_types()
    assert {t.type for t in types} == {
        "person", "role", "organization", "location", "dateline", "amount", "quantity", "date",
    }  # fmt: skip
    assert len({(t.border, t.fill) for t in types}) == len(types)  # not colour alone
    assert len({t.tag for t in types}) == len(types)


def test_page_is_self_contained_and_lazy(review_records):
    html = build_page([ArticleView(r, r["text"], "from the feed") for r in review_records], title="t")
    assert not re.search(r"<(link|img|iframe)\b|\bsrc=|https?://(?!pressfeed)", html)
    assert "Content-Security-Policy" in html
    sections = re.findall(r'<section class="article" id="a-(\d+)" data-article="([^"]+)"', html)
    assert [a for _, a in sections] == [r["id"] for r in review_records]
    # the bodies wait, compressed, inside inert scripts: no mark is in the page's initial DOM
    bodies = page_bodies(html)
    assert len(bodies) == len(review_records) and all("<mark" in b for b in bodies)
    outside = re.sub(r'<script type="application/x-pressfeed-body">.*?</script>', "", html, flags=re.S)
    assert "<mark" not in outside


def test_a_wrong_text_is_flagged_in_its_section(review_records):
    record = review_records[0]
    html = build_page([ArticleView(record, "x" + record["text"], "from a.txt")], title="t")
    assert "does not match the text" in unescape(html)


@pytest.fixture(scope="module")
def feed_with_text(tmp_path_factory):
    out = tmp_path_factory.mktemp("review") / "feed.jsonl"
    assert main(["run", str(REFERENCE), str(CORPUS / "ca-tm-az-caspian-ferry-line.txt"), "-o", str(out),
                 "--with-text", "--quiet"]) == 0  # fmt: skip
    return out


def test_run_with_text_stores_the_analysed_text(feed_with_text, capsys):
    records = load_jsonl(feed_with_text)
    assert records[0]["text"] == REFERENCE.read_text(encoding="utf-8")
    for record in records:
        for row in fact_rows(record):
            for start, end, surface in row.spans:
                assert record["text"][start:end] == surface, row.key
    assert main(["validate", str(feed_with_text)]) == 0
    assert "2 valid" in capsys.readouterr().out


def test_run_without_the_flag_keeps_no_text(tmp_path):
    out = tmp_path / "feed.jsonl"
    assert main(["run", str(REFERENCE), "-o", str(out), "--quiet"]) == 0
    assert "text" not in load_jsonl(out)[0]


def test_resume_with_text_gives_reused_records_their_text(tmp_path):
    out = tmp_path / "feed.jsonl"
    assert main(["run", str(REFERENCE), "-o", str(out), "--quiet"]) == 0
    assert main(["run", str(REFERENCE), "-o", str(out), "--quiet", "--resume", "--with-text"]) == 0
    assert load_jsonl(out)[0]["text"] == REFERENCE.read_text(encoding="utf-8")


def test_review_takes_texts_from_the_feed(feed_with_text, tmp_path, capsys):
    page = tmp_path / "review.html"
    assert main(["review", str(feed_with_text), "-o", str(page)]) == 0
    html = page.read_text(encoding="utf-8")
    assert 'data-article="kz-afghanistan-working-group"' in html and "from the feed" in html
    assert "2 articles (0 without text)" in capsys.readouterr().err


def test_review_takes_texts_from_the_inputs_by_id(tmp_path, capsys):
    feed, page = tmp_path / "feed.jsonl", tmp_path / "review.html"
    assert main(["run", str(REFERENCE), "-o", str(feed), "--quiet"]) == 0
    assert main(["review", str(feed), str(CORPUS), "-o", str(page)]) == 0
    html = unescape(page.read_text(encoding="utf-8"))
    assert f"from {REFERENCE}" in html and "<mark" in page_bodies(html)[0]
    assert main(["review", str(feed), "-o", str(page)]) == 0  # no inputs: the facts, no evidence
    assert "1 without text" in capsys.readouterr().err
    (body,) = page_bodies(page.read_text(encoding="utf-8"))
    assert "<mark" not in body and "Facts (" in body


def test_review_reports_bad_lines_and_keeps_the_rest(feed_with_text, tmp_path, capsys):
    feed = tmp_path / "mixed.jsonl"
    lines = feed_with_text.read_text(encoding="utf-8").splitlines()
    feed.write_text(lines[0] + "\nnot json\n" + json.dumps({"id": "x"}) + "\n", encoding="utf-8")
    page = tmp_path / "review.html"
    assert main(["review", str(feed), "-o", str(page)]) == EXIT_SOME_FAILED
    err = capsys.readouterr().err
    assert f"{feed}:2: malformed JSON" in err and f"{feed}:3: not a valid record" in err
    html = page.read_text(encoding="utf-8")
    assert html.count('<section class="article"') == 1 and "malformed JSON" in html


def test_review_failure_leaves_an_existing_page_alone(tmp_path):
    page = tmp_path / "review.html"
    page.write_text("old page", encoding="utf-8")
    assert main(["review", str(tmp_path / "missing.jsonl"), "-o", str(page)]) == EXIT_USAGE
    assert page.read_text(encoding="utf-8") == "old page"
    assert [p.name for p in tmp_path.iterdir()] == ["review.html"]
