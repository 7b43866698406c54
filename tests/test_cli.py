"""Every command of the CLI, including bad arguments (clear message, non-zero exit)."""

from __future__ import annotations

import json
import shutil

import pytest

from pressfeed.cli import EXIT_SOME_FAILED, EXIT_USAGE, build_parser, main

from .conftest import REFERENCE, ROOT

pytestmark = pytest.mark.issue(2)


def test_extract_prints_one_record(capsys):
    assert main(["extract", str(REFERENCE), "--published", "2026-01-29"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["id"] == "kz-afghanistan-working-group"
    assert (record["published"], record["published_source"]) == ("2026-01-29", "metadata")
    assert record["dates"][0]["value"] == "2026-01-28"


def test_extract_bad_date_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["extract", str(REFERENCE), "--published", "28/01/2026"])
    assert exit_info.value.code == EXIT_USAGE
    assert "YYYY-MM-DD" in capsys.readouterr().err


def test_extract_missing_file(capsys, tmp_path):
    assert main(["extract", str(tmp_path / "nope.txt")]) != 0
    assert "no such file" in capsys.readouterr().err


def test_run_writes_a_valid_feed_in_input_order(tmp_path, capsys, sample_corpus):
    out = tmp_path / "feed.jsonl"
    assert main(["run", str(sample_corpus), "-o", str(out), "--quiet"]) == 0
    records = [json.loads(line) for line in out.read_text().splitlines()]
    paths = sorted(sample_corpus.rglob("*.txt"))
    expected_ids = [str(p.relative_to(sample_corpus).with_suffix("")) for p in paths]
    assert "nested/ca-am-irrigation-reservoirs" in expected_ids  # sub-folders are read too
    assert [r["id"] for r in records] == expected_ids
    assert (tmp_path / "feed.jsonl.errors.jsonl").read_text() == ""
    assert main(["validate", str(out)]) == 0
    assert f"{len(records)} records, {len(records)} valid" in capsys.readouterr().out


def test_run_is_byte_identical_between_runs(tmp_path):
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    for out in (first, second):
        assert main(["run", str(REFERENCE), "-o", str(out), "--quiet"]) == 0
    assert first.read_bytes() == second.read_bytes()


def test_run_reports_failures_with_a_distinct_exit(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    shutil.copy(REFERENCE, tmp_path / "good.txt")
    out = tmp_path / "feed.jsonl"
    assert main(["run", str(tmp_path), "-o", str(out), "--quiet"]) == EXIT_SOME_FAILED
    assert [json.loads(x)["id"] for x in out.read_text().splitlines()] == ["good"]
    (error,) = [json.loads(x) for x in (tmp_path / "feed.jsonl.errors.jsonl").read_text().splitlines()]
    assert (error["id"], error["stage"], error["error_type"]) == ("empty", "read", "EmptyInput")


def test_run_json_feed_and_csv(tmp_path):
    feed = tmp_path / "feed.json"
    assert main(["run", str(REFERENCE), "-o", str(feed), "--quiet"]) == 0
    document = json.loads(feed.read_text())
    assert document["version"] == "https://jsonfeed.org/version/1.1"
    assert document["items"][0]["_pressfeed"]["amounts"][0]["currency"] == "KZT"
    tables = tmp_path / "tables"
    assert main(["run", str(REFERENCE), "-o", str(tables), "--format", "csv", "--quiet"]) == 0
    rows = (tables / "people_roles.csv").read_text().splitlines()
    assert rows[0].startswith("article_id,person,title")
    assert len(rows) == 1 + 6
    assert "Ambassador-at-Large" in (tables / "people_roles.csv").read_text()


def test_run_without_output_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["run", str(REFERENCE)])
    assert exit_info.value.code == EXIT_USAGE
    assert "-o/--output" in capsys.readouterr().err


def test_run_rejects_zero_workers(capsys):
    with pytest.raises(SystemExit):
        main(["run", str(REFERENCE), "-o", "x.jsonl", "--workers", "0"])
    assert "must be 1 or more" in capsys.readouterr().err


def test_schema_prints_the_contract(capsys):
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["$schema"].endswith("2020-12/schema")
    assert "people" in schema["required"]


def test_validate_flags_bad_records(tmp_path, capsys):
    feed = tmp_path / "bad.jsonl"
    feed.write_text('{"id": "x"}\nnot json\n')
    assert main(["validate", str(feed)]) != 0
    out = capsys.readouterr().out
    assert "2 records, 0 valid, 2 invalid" in out and "malformed JSON" in out


def test_validate_missing_file(capsys, tmp_path):
    assert main(["validate", str(tmp_path / "none.jsonl")]) == EXIT_USAGE


def test_eval_prints_scores(capsys, sample_corpus):
    assert main(["eval", str(sample_corpus)]) == 0
    out = capsys.readouterr().out
    for kind in ("people", "roles", "organizations", "locations", "amounts", "dates", "quantities"):
        assert kind in out


def test_eval_without_gold_files(capsys, tmp_path):
    assert main(["eval", str(tmp_path)]) == EXIT_USAGE
    assert "no NAME.txt + NAME.gold.json" in capsys.readouterr().err


def test_unknown_command():
    with pytest.raises(SystemExit) as exit_info:
        main(["frobnicate"])
    assert exit_info.value.code == EXIT_USAGE


def test_every_command_has_help_and_is_in_the_readme():
    readme = (ROOT / "README.md").read_text()
    subparsers = next(a for a in build_parser()._actions if a.dest == "command")
    for name, parser in subparsers.choices.items():
        assert parser.description, name
        assert f"pressfeed {name}" in readme, name


def test_readme_quick_start_matches_ci():
    readme = (ROOT / "README.md").read_text()
    ci = (ROOT / ".ci" / "run").read_text()
    commands = [line for line in readme.splitlines() if line.startswith("python3 -m venv")]
    assert len(commands) == 2
    assert "pressfeed run corpus/" in commands[0]
    assert commands[1] in ci
