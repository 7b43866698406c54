"""The store commands on real ``pressfeed run`` output of committed corpus articles.

``run --store`` fills a SQLite store through the run hook; ``store add`` fills another (and the
PostgreSQL one, when the test server is there) from the feed; the queries answer from both.
"""

from __future__ import annotations

import json
import shutil

import pytest

from pressfeed.cli import EXIT_FAILED, EXIT_SOME_FAILED, main

from .conftest import CORPUS
from .store_records import article, person, postgres_dsn, reset_postgres

pytestmark = pytest.mark.issue(17)

ARTICLES = (
    "kz-afghanistan-working-group",
    "ca-kz-almaty-heating-upgrade",
    "gl-penrose-celtic-sea-export-cables",
    "gl-harfield-copperhead-mine-approval",
    "gl-pl-odra-rail-vilnius-trams",
)


@pytest.fixture(scope="module")
def corpus_run(tmp_path_factory):
    """A feed of five corpus articles and the store ``run --store`` filled beside it."""
    folder = tmp_path_factory.mktemp("store_cli")
    inputs = folder / "in"
    for name in ARTICLES:
        for source in CORPUS.glob(name + ".*"):
            if not source.name.endswith(".gold.json"):
                target = inputs / source.relative_to(CORPUS)
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy(source, target)
    feed, db = folder / "feed.jsonl", folder / "run.db"
    assert main(["run", str(inputs), "-o", str(feed), "--store", str(db), "--quiet"]) == 0
    return feed, db


def cli_json(capsys, *argv):
    capsys.readouterr()
    assert main(list(argv)) == 0
    return capsys.readouterr().out


def test_run_store_hook_adds_every_record(corpus_run, capsys):
    feed, db = corpus_run
    ids = [json.loads(line)["id"] for line in feed.read_text().splitlines()]
    assert len(ids) == len(ARTICLES)
    out = cli_json(capsys, "who", "Serik Zhumangarin", "--store", str(db), "--json")
    (serik,) = [json.loads(line) for line in out.splitlines()]
    assert set(serik) >= {"name", "aliases", "roles", "articles", "merges"}
    assert serik["articles"] == ["kz-afghanistan-working-group"]
    titles = {r["title"]: (r["first_seen"], r["last_seen"], r["articles"]) for r in serik["roles"]}
    assert titles["Deputy Prime Minister"] == ("2026-01-28", "2026-01-28", ["kz-afghanistan-working-group"])
    assert "Minister of National Economy" in titles


@pytest.fixture(params=["sqlite", "postgresql"])
def added(request, corpus_run, tmp_path, capsys):
    """A store filled by ``store add`` from the corpus feed, twice (the second adds nothing)."""
    feed, _ = corpus_run
    if request.param == "sqlite":
        target = str(tmp_path / "added.db")
    else:
        target = postgres_dsn()
        reset_postgres(target)
    assert main(["store", "add", str(feed), "--store", target]) == 0
    assert f"{len(ARTICLES)} added, 0 replaced, 0 unchanged" in capsys.readouterr().err
    assert main(["store", "add", str(feed), "--store", target]) == 0
    assert f"0 added, 0 replaced, {len(ARTICLES)} unchanged" in capsys.readouterr().err
    return target


def test_same_name_in_two_corpus_articles_without_agreeing_evidence(added, capsys):
    """Tomasz Wieczorek: a Harfield Minerals executive (Canada) and the chief executive of Odra
    Rail Systems (Poland): nothing in the articles says they are one man."""
    out = cli_json(capsys, "who", "Tomasz Wieczorek", "--store", added, "--json")
    people = [json.loads(line) for line in out.splitlines()]
    assert [p["articles"] for p in people] == [
        ["gl-harfield-copperhead-mine-approval"],
        ["gl-pl-odra-rail-vilnius-trams"],
    ]
    assert "no agreeing evidence" in people[1]["merges"][0]["reason"]
    text = cli_json(capsys, "who", "wieczorek", "--store", added)
    assert "2 people named 'wieczorek'" in text


def test_a_later_batch_joins_the_corpus_person(added, capsys, tmp_path):
    later = article(
        "kz-later",
        "2026-03-10",
        person("Serik Jumangarin", ("Deputy Prime Minister", None, "KZ")),
        dateline="KZ",
    )
    feed = tmp_path / "later.jsonl"
    feed.write_text(json.dumps(later) + "\n")
    assert main(["store", "add", str(feed), "--store", added]) == 0
    (serik,) = [
        json.loads(x)
        for x in cli_json(capsys, "who", "Zhumangarin", "--store", added, "--json").split("\n")
        if x
    ]
    assert serik["articles"] == ["kz-afghanistan-working-group", "kz-later"]
    deputy = next(r for r in serik["roles"] if r["title"] == "Deputy Prime Minister")
    assert (deputy["first_seen"], deputy["last_seen"]) == ("2026-01-28", "2026-03-10")
    assert serik["merges"][1]["reason"].endswith(
        "transliteration variant; same country KZ; same title 'deputy prime minister'"
    )
    changes = json.loads(cli_json(capsys, "changes", "--store", added, "--since", "2026-03-01", "--json"))
    gone = {(c["name"], c["title"]) for c in changes["no_longer_seen"]}
    assert ("Serik Zhumangarin", "Minister of National Economy") in gone
    assert "Minister of National Economy" in cli_json(
        capsys, "changes", "--store", added, "--since", "2026-03-01"
    )


def test_people_orgs_and_export_commands(added, capsys, tmp_path):
    listed = json.loads(cli_json(capsys, "people", "--store", added, "--org", "penrose", "--json"))
    names = {p["name"] for p in listed}
    assert {"Helen Marsden", "Martin Ashdown", "Tomás Ferreira"} <= names
    assert "Serik Zhumangarin" not in names
    kz = json.loads(cli_json(capsys, "people", "--store", added, "--country", "KZ", "--json"))
    assert "Kanat Temirbolatov" in {p["name"] for p in kz} and "Helen Marsden" not in {p["name"] for p in kz}
    orgs = json.loads(cli_json(capsys, "orgs", "--store", added, "--name", "Penrose Cables", "--json"))
    penrose = next(o for o in orgs if o["name"] == "Penrose Cables")
    assert "Helen Marsden" in {p["name"] for p in penrose["people"]}
    assert all(a["article"] == "gl-penrose-celtic-sea-export-cables" for a in penrose["amounts"])
    assert main(["store", "export", "--store", added, "-o", str(tmp_path / "people.jsonl")]) == 0
    exported = [json.loads(x) for x in (tmp_path / "people.jsonl").read_text().splitlines()]
    assert "Yerkin Tukumov" in {p["name"] for p in exported}
    assert main(["store", "export", "--store", added, "-o", str(tmp_path / "csv") + "/"]) == 0
    rows = (tmp_path / "csv" / "roles.csv").read_text(encoding="utf-8")
    assert rows.startswith("person_id,person,title,organization,country,qualifier,article_id,published")
    assert "Ambassador-at-Large,Ministry of Foreign Affairs" in rows


def test_bad_lines_are_reported_and_the_batch_goes_on(tmp_path, capsys):
    good = article("a1", "2026-01-28", person("Serik Zhumangarin", ("Deputy Prime Minister", None, "KZ")))
    feed = tmp_path / "feed.jsonl"
    feed.write_text("{not json\n" + json.dumps({"id": "x"}) + "\n" + json.dumps(good) + "\n")
    db = str(tmp_path / "s.db")
    assert (
        main(["store", "add", str(feed), str(tmp_path / "missing.jsonl"), "--store", db]) == EXIT_SOME_FAILED
    )
    err = capsys.readouterr().err
    assert f"{feed}:1: malformed JSON" in err and f"{feed}:2: " in err and "missing.jsonl: cannot read" in err
    assert "1 added, 0 replaced, 0 unchanged, 3 failed" in err
    assert main(["who", "Nobody Here", "--store", db]) == EXIT_FAILED
    assert "nobody named 'Nobody Here'" in capsys.readouterr().err


def test_unreachable_postgres_is_a_clear_error(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["people", "--store", "postgresql://nobody@127.0.0.1:1/none"])
    assert exit_info.value.code == EXIT_FAILED
    assert "pressfeed people: cannot connect to PostgreSQL store" in capsys.readouterr().err
