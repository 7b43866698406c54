"""Regular expressions compiled once, kept on disk between processes.

Compiling the large expressions pressfeed assembles from its lexicons (the dateline forms,
the amount finder, the start-key scanner, the date rules) costs about a quarter of a second on
every cold start, most of it in ``re``'s parser. :func:`compiled` keeps the compiler's output
(the ``_sre`` program: flags, code words, group names) in a small file named by a hash of the
expression, its flags and the interpreter's regex engine; the next process builds the pattern
straight from that program, skipping the parser. The name is the expression itself, so a file
is never stale: changed data gives a new expression and a new name. A damaged or foreign file
is rejected by the engine's own check of the program and rebuilt; a read-only cache folder or
an interpreter whose ``re`` internals differ falls back to ``re.compile``. The pattern is equal
(``==``) to ``re.compile(source, flags)``.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import re
import sys
import tempfile
from pathlib import Path

from .diskcache import cache_dir

try:  # the compiler's internals; without them every pattern is compiled as usual
    import _sre
    from re import _compiler, _parser

    _ENGINE = f"{sys.implementation.cache_tag}|{sys.version}|{_sre.MAGIC}"
except ImportError:  # pragma: no cover - another interpreter
    _sre = None
    _ENGINE = ""

# Shorter expressions compile faster than their file is read (measured on a cold extract).
MIN_LENGTH = 100


def compiled(source: str, flags: int = 0) -> re.Pattern:
    """``re.compile(source, flags)``, the compiler's work read from disk when done before.

    Raises:
        re.error: ``source`` is no valid expression (as ``re.compile`` raises it).

    >>> compiled("a+b", re.IGNORECASE) == re.compile("a+b", re.IGNORECASE)
    True
    """
    flags = int(flags)
    if _sre is None or len(source) < MIN_LENGTH:
        return re.compile(source, flags)
    key = hashlib.sha256(f"{_ENGINE}|{flags}|{source}".encode()).hexdigest()[:24]
    path = cache_dir() / "regex" / f"{key}.marshal"
    try:
        return _sre.compile(source, *marshal.loads(path.read_bytes()))
    except (OSError, EOFError, ValueError, TypeError, RuntimeError):
        pass
    try:
        program = _program(source, flags)
        pattern = _sre.compile(source, *program)
    except re.error:
        raise
    except Exception:  # noqa: BLE001 - internals of another interpreter: compile as usual
        return re.compile(source, flags)
    _write(path, marshal.dumps(program))
    return pattern


def _program(source: str, flags: int) -> tuple:
    """What ``re._compiler.compile`` hands to ``_sre.compile`` after the pattern itself."""
    parsed = _parser.parse(source, flags)
    code = [int(word) for word in _compiler._code(parsed, flags)]  # opcodes are int subclasses
    groupindex = dict(parsed.state.groupdict)
    indexgroup = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return (int(flags | parsed.state.flags), code, parsed.state.groups - 1, groupindex, tuple(indexgroup))


def _write(path: Path, data: bytes) -> None:
    """Atomically (a temporary file, then a rename); a read-only folder is no error."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=path.parent, prefix=path.name, delete=False) as tmp:
            tmp.write(data)
        os.replace(tmp.name, path)
    except OSError:
        pass
