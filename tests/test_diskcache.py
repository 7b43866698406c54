"""Tables cached on disk between processes (issue 15): built once, never stale, never fatal."""

from __future__ import annotations

import pickle
import re

import pytest

from pressfeed import diskcache
from pressfeed.compiled import compiled

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


def test_a_compiled_pattern_equals_re_compile_and_is_read_back(cache_in):
    source = "|".join(f"(?P<w{i}>word{i}s?)" for i in range(80))  # long enough to be kept
    first = compiled(source, re.IGNORECASE)
    assert len(list((cache_in / "regex").iterdir())) == 1
    again = compiled(source, re.IGNORECASE)
    assert first == again == re.compile(source, re.IGNORECASE)
    assert again.groupindex == re.compile(source).groupindex
    assert again.search("a WORD7 here").lastgroup == "w7"


def test_a_damaged_compiled_pattern_is_rebuilt(cache_in):
    source = "(?:" + "|".join(f"alpha{i}" for i in range(80)) + ")"
    compiled(source)
    (path,) = (cache_in / "regex").iterdir()
    path.write_bytes(b"\x00garbage")
    assert compiled(source) == re.compile(source)


def test_a_bad_expression_raises_as_re_compile_does(cache_in):
    with pytest.raises(re.error):
        compiled("(" + "alpha|" * 100)  # unclosed


def test_the_inputs_named_give_a_table_of_their_own(cache_in):
    assert diskcache.cached_table("t", lambda: "one", inputs="a") == "one"
    assert diskcache.cached_table("t", lambda: "two", inputs="b") == "two"
    assert diskcache.cached_table("t", lambda: "three", inputs="a") == "one"


def test_a_file_naming_a_module_this_process_cannot_import_is_rebuilt(cache_in):
    diskcache.cached_table("t", lambda: {"a": 1})
    (path,) = cache_in.glob("t-*.pickle")
    # a pickle of an object of module "no_such_module" (written under another import name)
    path.write_bytes(pickle.dumps(pickle.PickleError).replace(b"_pickle", b"nosuchm"))
    assert diskcache.cached_table("t", lambda: {"a": 2}) == {"a": 2}
