"""The record's JSON Schema (``schemas/record.schema.json``), loaded once, and validation."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

from jsonschema import Draft202012Validator

SCHEMA_FILE = "record.schema.json"


@lru_cache(maxsize=1)
def load_schema() -> dict[str, Any]:
    text = resources.files("pipeline").joinpath("schemas", SCHEMA_FILE).read_text(encoding="utf-8")
    return json.loads(text)


@lru_cache(maxsize=1)
def _validator() -> Draft202012Validator:
    schema = load_schema()
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def validate(record: dict[str, Any]) -> list[str]:
    """Schema violations of one record as readable messages; empty when it is valid."""
    errors = sorted(_validator().iter_errors(record), key=lambda e: list(e.absolute_path))
    return [f"{'/'.join(map(str, e.absolute_path)) or '(record)'}: {e.message}" for e in errors]
