"""Command line: thin adapters over the library (``pressfeed --help`` lists the commands).

Building the parser imports only the command modules, which import the library when a command
runs: help and usage errors answer without loading spaCy.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from .commands import COMMAND_MODULES
from .constants import EXIT_FAILED, EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE

__all__ = ["EXIT_FAILED", "EXIT_OK", "EXIT_SOME_FAILED", "EXIT_USAGE", "build_parser", "main"]


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("pressfeed")
    except PackageNotFoundError:  # running from a source tree that was never installed
        return "unknown"


class _Version(argparse.Action):
    """``--version``: the installed version is looked up only when asked (the lookup reads the
    installed packages' metadata, a cost every command would pay otherwise)."""

    def __call__(self, parser, namespace, values, option_string=None):
        print(f"pressfeed {_version()}")
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="pressfeed",
        description="Extract people, roles, organizations, places, money, quantities and dates "
        "from news articles and press releases into schema-validated JSON.",
    )
    parser.add_argument("--version", action=_Version, nargs=0, help="show program's version number and exit")
    parser.add_argument("--debug", action="store_true", help="show the traceback of an unexpected error")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(f".commands.{name}", __package__).register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except BrokenPipeError:
        return EXIT_OK
    except Exception as err:  # noqa: BLE001 - one line, not a traceback, unless --debug
        if args.debug:
            raise
        print(_message(args.command, err), file=sys.stderr)
        return EXIT_FAILED


def _message(command: str, err: Exception) -> str:
    from .errors import PressfeedError

    if isinstance(err, PressfeedError):
        return f"pressfeed {command}: {err}"
    return f"pressfeed {command}: unexpected {type(err).__name__}: {err} (run with --debug for the traceback)"
