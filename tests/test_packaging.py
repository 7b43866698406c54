"""The wheel carries every module and data file (``pip install .`` is what users and CI run).

The import name ``pressfeed`` maps onto ``pipeline/`` through setuptools' ``package-dir``, so
packages are listed by hand in ``pyproject.toml``: a sub-package or data file left off the list
would work in a source checkout and be missing from an installed copy.
"""

from __future__ import annotations

import fnmatch
import tomllib
from pathlib import Path

from .conftest import ROOT

SETUPTOOLS = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
SOURCE = ROOT / "pipeline"


def _package(folder: Path) -> str:
    return ".".join(("pressfeed", *folder.relative_to(SOURCE).parts))


def test_every_source_package_is_listed():
    folders = {p.parent for p in SOURCE.rglob("__init__.py") if "__pycache__" not in p.parts}
    assert {_package(f) for f in folders} <= set(SETUPTOOLS["packages"])


def test_every_data_file_is_package_data():
    data = SETUPTOOLS["package-data"]
    missing = []
    for path in SOURCE.rglob("*"):
        if path.is_dir() or path.suffix in {".py", ".pyc"} or "__pycache__" in path.parts:
            continue
        owner = next(p for p in path.parents if (p / "__init__.py").exists())
        relative = path.relative_to(owner).as_posix()
        if not any(fnmatch.fnmatch(relative, pattern) for pattern in data.get(_package(owner), [])):
            missing.append(relative)
    assert not missing
