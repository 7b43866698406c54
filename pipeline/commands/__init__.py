"""One module per command; each has ``register(subparsers)`` and imports its heavy parts lazily.

The parser is built from these modules alone (``pressfeed --help`` imports no spaCy); a
command's own work imports the library when it runs. Order here is the order in ``--help``.
"""

COMMAND_MODULES = ("extract", "run", "schema", "validate", "eval", "review")
