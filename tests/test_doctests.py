"""Every module's doctests run against the installed package (import name ``pressfeed``)."""

import doctest
import importlib
import pkgutil

import pytest

import pressfeed

MODULES = sorted(
    m.name for m in pkgutil.walk_packages(pressfeed.__path__, "pressfeed.") if m.name != "pressfeed.__main__"
)


@pytest.mark.parametrize("name", MODULES)
def test_doctests(name):
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0, f"{result.failed} of {result.attempted} doctests failed in {name}"


def test_doctests_exist():
    """The parsers carry doctests: the whole package has a good number of them."""
    attempted = sum(doctest.testmod(importlib.import_module(n), report=False).attempted for n in MODULES)
    assert attempted >= 35
