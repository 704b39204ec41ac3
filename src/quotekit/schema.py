"""The output contract as a JSON Schema, and a validator for records.

``quotekit/data/output.schema.json`` (JSON Schema draft 2020-12) describes one
line of ``quotekit extract --format jsonl``: an ``Article.to_dict()`` record, or the
error record that stands in for an input that failed (a record with an ``error``
key). Records are closed (``additionalProperties: false``), so a key that the
output gains or loses without the schema fails validation. Validating needs
``jsonschema`` (``pip install "quotekit[tables]"``); reading the schema does not.

>>> from quotekit.schema import output_schema, validate_record
>>> validate_record({"id": "a1", "quotes": [], "reported": [], "entities": [], "sources": []})
"""

from __future__ import annotations

import copy
import functools
import json
import reprlib
from collections.abc import Mapping
from importlib import resources
from typing import Any

from .errors import Errors, QuotekitError
from .optional import require

__all__ = ["SCHEMA_DIALECT", "output_schema", "validate_record"]

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
_MAX_REASON = 300
_REPR = reprlib.Repr()
_REPR.maxstring = _REPR.maxother = 60
_REPR.maxlist = _REPR.maxdict = 3
_REPR.maxlevel = 2


@functools.lru_cache(maxsize=1)
def _schema() -> dict[str, Any]:
    text = resources.files("quotekit").joinpath("data/output.schema.json").read_text("utf-8")
    return json.loads(text)


def output_schema() -> dict[str, Any]:
    """The JSON Schema of quotekit's output records.

    RETURNS (dict): a fresh copy (change it freely); ``$defs`` holds ``article``,
        ``quote``, ``reported``, ``entity``, ``source``, ``mention`` and
        ``error_record``.
    """
    return copy.deepcopy(_schema())


@functools.lru_cache(maxsize=1)
def _validator() -> Any:
    import jsonschema

    return jsonschema.validators.validator_for(_schema())(_schema())


def validate_record(record: Any) -> None:
    """Check one output record (an article record or an error record) against the schema.

    record (Any): a parsed JSON line or ``Article.to_dict()``.
    RAISES (QuotekitError): ``E091`` naming the JSON path of the first problem in
        document order (``$.quotes[2].kind``) and how many more there are;
        ``E090`` when ``jsonschema`` is not installed.
    """
    require("jsonschema", "quotekit.schema.validate_record()")
    errors = list(_validator().iter_errors(record))
    if not errors:
        return
    first = min(enumerate(errors), key=lambda ie: (_document_order(record, ie[1]), ie[0]))[1]
    first = _innermost(first)
    reason = _short_message(first)
    if len(reason) > _MAX_REASON:
        reason = reason[: _MAX_REASON - 3] + "..."
    more = len(errors) - 1
    rid = record.get("id") if isinstance(record, Mapping) else None
    raise QuotekitError(
        Errors.E091.format(
            id=rid,
            path=first.json_path,
            reason=reason,
            more=f" (and {more} more problem{'s' if more > 1 else ''})" if more else "",
        )
    )


def _document_order(record: Any, error: Any) -> tuple[int, ...]:
    """The position of an error's location in the record, key by key, in key order."""
    out: list[int] = []
    node = record
    for step in error.absolute_path:
        if isinstance(node, Mapping):
            keys = list(node)
            out.append(keys.index(step) if step in keys else len(keys))
        elif isinstance(step, int):
            out.append(step)
        else:  # pragma: no cover - jsonschema paths follow the instance
            break
        try:
            node = node[step]
        except (KeyError, IndexError, TypeError):  # pragma: no cover
            break
    # at one place, a problem inside (longer path) comes after a problem with the place
    return (*out, -1)


def _short_message(error: Any) -> str:
    """The error's message with the offending value shortened (a whole list, say)."""
    full = repr(error.instance)
    short = _REPR.repr(error.instance)
    return error.message.replace(full, short) if len(full) > len(short) else error.message


def _innermost(error: Any) -> Any:
    """For a failed ``oneOf``/``anyOf`` (none in the schema today), the problem inside it."""
    import jsonschema

    return jsonschema.exceptions.best_match([error]) if error.context else error
