"""Tables cached on disk between processes (issue 15): built once, never stale, never fatal."""

from __future__ import annotations

import pytest

from pressfeed import diskcache

pytestmark = pytest.mark.issue(15)


@pytest.fixture
def cache_in(tmp_path, monkeypatch):
    monkeypatch.setenv("PRESSFEED_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def test_a_table_is_built_once_then_read_from_disk(cache_in):
    calls = []

    def build():
        calls.append(1)
        return {"astana": "KZ"}

    assert diskcache.cached_table("t", build) == {"astana": "KZ"}
    assert diskcache.cached_table("t", build) == {"astana": "KZ"}
    assert len(calls) == 1
    assert len(list(cache_in.glob("t-*.pickle"))) == 1


def test_a_damaged_file_is_rebuilt(cache_in):
    diskcache.cached_table("t", lambda: {"a": 1})
    (path,) = cache_in.glob("t-*.pickle")
    path.write_bytes(b"not a pickle")
    assert diskcache.cached_table("t", lambda: {"a": 2}) == {"a": 2}


def test_an_unwritable_folder_still_gives_the_table(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("PRESSFEED_CACHE_DIR", str(blocker / "cache"))  # a folder under a file
    assert diskcache.cached_table("t", lambda: [1, 2]) == [1, 2]


def test_the_key_changes_with_the_data_files():
    assert len(diskcache.data_fingerprint()) == 64
