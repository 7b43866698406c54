"""The people store on SQLite and on a real PostgreSQL server: merging, non-merging, history,
idempotent and replacing adds, queries and export.

Every test runs on both backends (``store`` fixture). PostgreSQL needs the server of
``PRESSFEED_TEST_POSTGRES``: without it those tests skip, or fail when ``CI=true``.
"""

from __future__ import annotations

import csv
import json

import pytest

from pressfeed.schema import validate
from pressfeed.store import ADDED, REPLACED, UNCHANGED, StoreError, open_store
from pressfeed.store.io import export_csv, export_jsonl
from pressfeed.store.versioning import migrations

from .store_records import article, person, postgres_dsn, reset_postgres

pytestmark = pytest.mark.issue(17)


@pytest.fixture(params=["sqlite", "postgresql"])
def target(request, tmp_path):
    if request.param == "sqlite":
        return str(tmp_path / "people.db")
    dsn = postgres_dsn()
    reset_postgres(dsn)
    return dsn


@pytest.fixture
def store(target):
    with open_store(target) as opened:
        yield opened


def add_all(store, *records):
    return [store.add(r) for r in records]


def only(store, name):
    (found,) = store.who(name)
    return found


def roles_of(found):
    return {(r["title"], r["first_seen"], r["last_seen"]): r["articles"] for r in found["roles"]}


# -- hand-made records validate like pipeline output ------------------------------------------


def test_hand_made_records_are_schema_valid():
    record = article(
        "a1", "2026-01-28", person("Serik Zhumangarin", ("Deputy Prime Minister", None, "KZ")),
        dateline="KZ", orgs=["Acme Ports"], amounts=[(5e6, "USD", "$5 million")],
    )  # fmt: skip
    assert validate(record) == []


# -- merging -------------------------------------------------------------------------------------


def test_transliteration_variant_merges_when_the_country_agrees(store):
    add_all(
        store,
        article("a1", "2026-01-28", person("Serik Zhumangarin", ("Deputy Prime Minister", None, "KZ"))),
        article("a2", "2026-03-02", person("Serik Jumangarin", ("Deputy Prime Minister", None, "KZ"))),
    )
    found = only(store, "Serik Jumangarin")
    assert found == only(store, "SERIK ZHUMANGARIN")
    assert found["name"] == "Serik Zhumangarin"  # the first of equally frequent names
    assert "Serik Jumangarin" in found["aliases"]
    assert found["articles"] == ["a1", "a2"]
    (role,) = found["roles"]
    assert (role["title"], role["country"], role["first_seen"], role["last_seen"]) == (
        "Deputy Prime Minister", "KZ", "2026-01-28", "2026-03-02",
    )  # fmt: skip
    assert role["articles"] == ["a1", "a2"]
    second = found["merges"][1]["reason"]
    assert second.startswith(f"joined #{found['id']}: transliteration variant")
    assert "same country KZ" in second


@pytest.mark.parametrize(
    ("first", "second"),
    [("Yerkin Tukumov", "Yerkin Tokumov"), ("Mohammad Yunus Samimi", "Muhammad Yunus Samimi")],
)
def test_transliteration_variants_merge_on_a_shared_organization(store, first, second):
    add_all(
        store,
        article("a1", "2025-05-01", person(first, ("Adviser", "Ministry of Commerce and Industry", None))),
        article(
            "a2", "2026-02-01", person(second, ("Spokesperson", "Ministry of Commerce and Industry", None))
        ),
    )
    found = only(store, second)
    assert found["articles"] == ["a1", "a2"]
    assert "shared organization 'ministry of commerce and industry'" in found["merges"][1]["reason"]


def test_normalized_name_merges_across_case_diacritics_hyphens_honorifics(store):
    add_all(
        store,
        article("a1", "2025-06-12", person("Étienne Marchal", ("Foreign Minister", None, "FR"))),
        article("a2", "2025-07-01", person("H.E. Etienne MARCHAL", ("Foreign Minister", None, "FR"))),
        article("a3", "2026-01-05", person("Adelaide Owusu-Ansah", ("President", "Canoe Council", None))),
        article("a4", "2026-02-05", person("Adelaide Owusu Ansah", ("President", "Canoe Council", None))),
    )
    assert only(store, "etienne marchal")["articles"] == ["a1", "a2"]
    assert only(store, "Owusu-Ansah")["articles"] == ["a3", "a4"]
    assert only(store, "Etienne Marchal")["merges"][1]["reason"].endswith(
        "same country FR; same title 'foreign minister'"
    )


def test_one_person_two_posts_over_time(store):
    add_all(
        store,
        article("a1", "2025-01-10", person("Kanat Bozumbayev", ("Deputy Minister of Energy", None, "KZ"))),
        article("a2", "2025-06-10", person("Kanat Bozumbayev", ("Deputy Minister of Energy", None, "KZ"))),
        article("a3", "2026-02-01", person("Kanat Bozumbayev", ("Minister of Energy", None, "KZ"))),
    )
    found = only(store, "Kanat Bozumbayev")
    assert roles_of(found) == {
        ("Minister of Energy", "2026-02-01", "2026-02-01"): ["a3"],
        ("Deputy Minister of Energy", "2025-01-10", "2025-06-10"): ["a1", "a2"],
    }
    assert found["roles"][0]["title"] == "Minister of Energy"  # latest first
    changes = store.changes("2026-01-01")
    assert [(c["name"], c["title"]) for c in changes["new"]] == [("Kanat Bozumbayev", "Minister of Energy")]
    assert [(c["title"], c["last_seen"]) for c in changes["no_longer_seen"]] == [
        ("Deputy Minister of Energy", "2025-06-10")
    ]


def test_exact_name_without_roles_merges_and_says_so(store):
    add_all(
        store,
        article("a1", "2026-01-01", person("Gul Ahmad Noori")),
        article(
            "a2", "2026-02-01", person("Gul Ahmad Noori", ("Governor of Herat", None, None)), dateline="AF"
        ),
    )
    found = only(store, "Gul Ahmad Noori")
    assert found["articles"] == ["a1", "a2"]
    assert found["merges"][1]["reason"].endswith("same name; no roles to compare")


# -- not merging ---------------------------------------------------------------------------------


def test_same_surname_different_people(store):
    add_all(
        store,
        article("a1", "2026-01-10", person("Ruslan Sultanov", ("Minister of Finance", None, "KZ"))),
        article("a2", "2026-01-20", person("Timur Sultanov", ("Minister of Finance", None, "KZ"))),
    )
    both = store.who("Sultanov")
    assert [p["name"] for p in both] == ["Ruslan Sultanov", "Timur Sultanov"]
    assert [p["articles"] for p in both] == [["a1"], ["a2"]]
    assert only(store, "Timur Sultanov")["merges"][0]["reason"] == "new person"


def test_variant_without_agreeing_evidence_stays_apart(store):
    add_all(
        store,
        article("a1", "2026-01-28", person("Yerkin Tukumov", ("Special Representative", None, "KZ"))),
        article(
            "a2",
            "2026-02-10",
            person("Yerkin Tokumov", ("Chief Executive", "Acme Ports", None)),
            dateline="US",
        ),
    )
    assert [p["articles"] for p in store.who("Yerkin Tokumov")] == [["a2"]]
    reason = only(store, "Yerkin Tokumov")["merges"][0]["reason"]
    assert reason.startswith("new person; kept apart from #")
    assert "transliteration variant, but no agreeing evidence" in reason


def test_roles_conflicting_at_the_same_time_never_merge(store):
    add_all(
        store,
        article(
            "a1", "2026-01-28", person("Ali Khan", ("Chief Executive", "Acme Ports", None)), dateline="PK"
        ),
        article(
            "a2", "2026-01-28", person("Ali Khan", ("Chief Executive", "Beta Steel", None)), dateline="PK"
        ),
    )
    two = store.who("Ali Khan")
    assert [p["articles"] for p in two] == [["a1"], ["a2"]]
    reason = two[1]["merges"][0]["reason"]
    assert "same name, but roles conflict at the same time" in reason
    assert "acme ports" in reason and "beta steel" in reason


def test_same_post_in_two_countries_at_once_is_two_people(store):
    add_all(
        store,
        article("a1", "2026-03-01", person("John Smith", ("Minister of Health", None, "GB"))),
        article("a2", "2026-03-01", person("John Smith", ("Minister of Health", None, "AU"))),
    )
    assert len(store.who("John Smith")) == 2
    assert "roles conflict at the same time" in store.who("John Smith")[1]["merges"][0]["reason"]


def test_countries_that_differ_keep_people_apart_at_any_time(store):
    add_all(
        store,
        article("a1", "2024-03-01", person("Maria Santos", ("Senator", None, "PH"))),
        article("a2", "2026-03-01", person("Maria Santos", ("Senator", None, "BR"))),
    )
    assert "countries differ: PH vs BR" in store.who("Maria Santos")[1]["merges"][0]["reason"]


def test_a_single_name_is_never_merged(store):
    add_all(
        store,
        article("a1", "2026-01-01", person("Sultanov", ("Minister", None, "KZ"))),
        article("a2", "2026-01-02", person("Sultanov", ("Minister", None, "KZ"))),
    )
    assert len(store.who("Sultanov")) == 2


# -- adding again --------------------------------------------------------------------------------


def test_same_article_again_changes_nothing(store, tmp_path):
    record = article("a1", "2026-01-28", person("Serik Zhumangarin", ("Deputy Prime Minister", None, "KZ")))
    assert store.add(record) == ADDED
    before = tmp_path / "before.jsonl"
    export_jsonl(store.db, before)
    assert store.add(record) == UNCHANGED
    after = tmp_path / "after.jsonl"
    export_jsonl(store.db, after)
    assert after.read_text() == before.read_text()
    assert len(before.read_text().splitlines()) == 1


def test_changed_article_replaces_its_old_facts(store):
    first = article("a1", "2026-01-28", person("Serik Zhumangarin", ("Deputy Prime Minister", None, "KZ")))
    other = article("a2", "2026-02-01", person("Serik Zhumangarin", ("Deputy Prime Minister", None, "KZ")))
    add_all(store, first, other)
    changed = article(
        "a1",
        "2026-01-28",
        person("Serik Zhumangarin", ("Minister of National Economy", None, "KZ")),
        version="v2",
    )
    assert store.add(changed) == REPLACED
    found = only(store, "Serik Zhumangarin")
    assert roles_of(found) == {
        ("Minister of National Economy", "2026-01-28", "2026-01-28"): ["a1"],
        ("Deputy Prime Minister", "2026-02-01", "2026-02-01"): ["a2"],
    }
    assert found["articles"] == ["a1", "a2"]
    gone = article(
        "a2", "2026-02-01", person("Aliya Serikbayeva", ("Spokesperson", "KTZ", None)), version="v2"
    )
    store.add(gone)
    assert only(store, "Serik Zhumangarin")["articles"] == ["a1"]


# -- queries -------------------------------------------------------------------------------------


@pytest.fixture
def filled(store):
    add_all(
        store,
        article("k1", "2025-05-01", person("Serik Zhumangarin", ("Minister of Trade",)), dateline="KZ"),
        article("k2", "2026-01-28", person("Serik Zhumangarin", ("Deputy Prime Minister", None, "KZ"))),
        article(
            "g1", "2026-02-24", person("Helen Marsden", ("Chief Executive Officer", "Penrose Cables", None)),
            dateline="GB", orgs=["Penrose Cables"], amounts=[(640e6, "GBP", "£640 million")],
        ),
        article("r1", "2026-02-19", person("Pavel Samsonov", ("Deputy Foreign Minister", None, "RU"))),
    )  # fmt: skip
    return store


def test_people_filters(filled):
    names = lambda **kw: [p["name"] for p in filled.people(**kw)]  # noqa: E731
    assert names() == ["Helen Marsden", "Pavel Samsonov", "Serik Zhumangarin"]  # latest first
    assert names(org="penrose") == ["Helen Marsden"]
    assert names(country="kz") == ["Serik Zhumangarin"]  # a role's country, or its dateline's
    assert names(title="minister") == ["Pavel Samsonov", "Serik Zhumangarin"]
    assert names(title="minister", since="2026-02-01") == ["Pavel Samsonov"]
    assert names(country="KZ", since="2026-02-01") == []
    assert names(limit=1) == ["Helen Marsden"]
    serik = only(filled, "Serik Zhumangarin")  # k1 has no role country, but a KZ dateline
    assert serik["merges"][1]["reason"].endswith("same name; same country KZ (from a dateline)")
    (helen,) = filled.people(org="Penrose")
    assert set(helen) >= {"name", "aliases", "roles", "articles"} and "merges" not in helen  # who explains
    assert set(helen["roles"][0]) >= {
        "title",
        "organization",
        "country",
        "first_seen",
        "last_seen",
        "articles",
    }


def test_orgs_lists_people_and_amounts(filled):
    (penrose,) = filled.orgs(name="penrose")
    assert (penrose["name"], penrose["articles"]) == ("Penrose Cables", 1)
    assert [(p["name"], p["title"]) for p in penrose["people"]] == [
        ("Helen Marsden", "Chief Executive Officer")
    ]
    (amount,) = penrose["amounts"]
    assert (amount["value"], amount["currency"], amount["article"]) == (640e6, "GBP", "g1")
    assert amount["span"]["text"] == "£640 million"


def test_export_jsonl_and_csv(filled, tmp_path):
    assert export_jsonl(filled.db, tmp_path / "people.jsonl") == 3
    people = [json.loads(line) for line in (tmp_path / "people.jsonl").read_text().splitlines()]
    assert [p["name"] for p in people] == ["Serik Zhumangarin", "Helen Marsden", "Pavel Samsonov"]
    counts = export_csv(filled.db, tmp_path / "tables")
    assert counts == {"roles.csv": 4, "amounts.csv": 1}
    rows = list(csv.DictReader((tmp_path / "tables" / "roles.csv").open()))
    first = rows[0]
    assert (first["person"], first["title"], first["article_id"], first["published"]) == (
        "Serik Zhumangarin", "Minister of Trade", "k1", "2025-05-01",
    )  # fmt: skip
    assert first["evidence"] == "Minister of Trade" and int(first["span_end"]) > int(first["span_start"])
    (amount,) = csv.DictReader((tmp_path / "tables" / "amounts.csv").open())
    assert (amount["organization"], amount["evidence"]) == ("Penrose Cables", "£640 million")


# -- schema versions -----------------------------------------------------------------------------


def test_schema_is_versioned_and_migrated_once(target):
    with open_store(target) as first:
        assert first.version == len(migrations()) == 2
        rows = first.db.execute("SELECT version, name FROM schema_version ORDER BY version").fetchall()
        assert [tuple(r) for r in rows] == [(1, "people_roles_facts"), (2, "covering_person_indexes")]
    with open_store(target) as again:
        assert again.db.execute("SELECT COUNT(*) FROM schema_version").fetchone()[0] == 2
        again.db.execute("INSERT INTO schema_version VALUES (99, 'future', 'x')")
    with pytest.raises(StoreError, match="schema version 99"):
        open_store(target)


def test_a_store_of_version_1_is_migrated_in_place(tmp_path):
    """A store made before 0002 keeps its facts and gets the new indexes on opening."""
    from pressfeed.store.backends import SqliteBackend
    from pressfeed.store.versioning import statements

    path = str(tmp_path / "old.db")
    db = SqliteBackend(path)
    (number, name, sql) = migrations()[0]
    db.execute(
        "CREATE TABLE schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
        "applied_at TEXT NOT NULL)"
    )
    for statement in statements(sql):
        db.execute(statement)
    db.execute("INSERT INTO schema_version VALUES (?, ?, 'then')", (number, name))
    db.close()
    with open_store(path) as store:
        assert store.version == 2
        store.add(article("a1", "2026-01-28", person("Serik Zhumangarin", ("Deputy Prime Minister",))))
        indexed = store.db.execute(
            "SELECT sql FROM sqlite_master WHERE name = 'appearances_person'"
        ).fetchone()[0]
        assert "person_id, published, article_id, name, aliases" in indexed
        assert only(store, "Serik Zhumangarin")["articles"] == ["a1"]


def test_people_walk_by_date_ranks_like_ranking_all(filled, monkeypatch):
    """Many matching posts are walked newest first; the answer is the same as ranking them all."""
    from pressfeed.store import queries

    filters = [
        {"title": "minister"},
        {"country": "KZ"},
        {"since": "2025-01-01"},
        {"title": "e", "since": "2026-01-01"},
    ]
    ranked = [[p["id"] for p in filled.people(**f, limit=2)] for f in filters]
    monkeypatch.setattr(queries, "FEW_POSTS", 0)
    walked = [[p["id"] for p in filled.people(**f, limit=2)] for f in filters]
    assert walked == ranked
    assert [len(ids) for ids in ranked] == [2, 1, 2, 2]


def test_an_organization_named_only_in_a_post_is_listed(store):
    store.add(
        article("t1", "2024-09-18", person("Aliya Serikbayeva", ("Spokesperson", "Kazakhstan Temir Zholy")))
    )
    (ktz,) = store.orgs(name="temir zholy")
    assert (ktz["name"], ktz["articles"], ktz["amounts"]) == ("Kazakhstan Temir Zholy", 1, [])
    assert [(p["name"], p["title"], p["last_seen"]) for p in ktz["people"]] == [
        ("Aliya Serikbayeva", "Spokesperson", "2024-09-18")
    ]
