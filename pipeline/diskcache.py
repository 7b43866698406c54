"""Tables that are slow to build, kept on disk between processes.

A table is built once and pickled under the user's cache folder (``$PRESSFEED_CACHE_DIR``, else
``$XDG_CACHE_HOME/pressfeed``, else ``~/.cache/pressfeed``), under a name that hashes what it is
built from: pressfeed's data files, the source file of the function that builds it, and the
versions of the packages that feed it. A change to any of them gives a new name, so a stale
table is never read. When the folder is not writable
the table is simply built in memory; a damaged file is rebuilt. Writes are atomic (a temporary
file beside the target, then a rename), so concurrent workers never read half a file.
"""

from __future__ import annotations

import hashlib
import inspect
import os
import pickle
import tempfile
from collections.abc import Callable
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import TypeVar

from .resources import DATA_PACKAGE, data_path

T = TypeVar("T")
_FORMAT = 1  # bump when the pickled shapes change


def cache_dir() -> Path:
    """The folder cached tables live in (read from the environment at the edge, not in extraction)."""
    explicit = os.environ.get("PRESSFEED_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "pressfeed"


@cache
def data_fingerprint() -> str:
    """SHA-256 over every data file shipped in the package (names and bytes)."""
    digest = hashlib.sha256()
    folder = data_path("")
    for entry in sorted(folder.iterdir(), key=lambda p: p.name):
        if entry.is_file() and not entry.name.endswith((".py", ".pyc")):
            digest.update(entry.name.encode())
            digest.update(entry.read_bytes())
    return digest.hexdigest()


@cache
def _versions(packages: tuple[str, ...]) -> str:
    """The installed versions of ``packages`` (fixed for the life of a process)."""
    found = []
    for name in packages:
        try:
            found.append(f"{name}={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            found.append(f"{name}=?")
    return ",".join(found)


def cached_table(name: str, build: Callable[[], T], *, packages: tuple[str, ...] = (), inputs: str = "") -> T:
    """``build()``'s result, from disk when an identical build was made before.

    ``inputs`` names what ``build`` reads beyond the data files and its own module (the
    expressions it analyses, say): it goes into the file's name too.
    """
    source = Path(inspect.getsourcefile(build) or "")
    code = hashlib.sha256(source.read_bytes()).hexdigest() if source.is_file() else "?"
    given = hashlib.sha256(inputs.encode()).hexdigest()
    versions = _versions(("pressfeed", *packages))
    key = hashlib.sha256(
        f"{_FORMAT}|{DATA_PACKAGE}|{data_fingerprint()}|{code}|{given}|{versions}".encode()
    ).hexdigest()[:16]
    path = cache_dir() / f"{name}-{key}.pickle"
    try:
        with path.open("rb") as handle:
            return pickle.load(handle)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError, ImportError):
        pass
    table = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=path.parent, prefix=path.name, delete=False) as tmp:
            pickle.dump(table, tmp, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp.name, path)
    except OSError:
        pass  # a read-only home: the table still serves this process
    return table
