"""Output records flattened into table rows: the columns of every table, in plain Python.

``quotekit.frames`` (pandas, CSV) and ``quotekit.parquet`` build their tables from
the rows made here, so the three agree column for column. Nothing here imports
pandas or pyarrow. The tables (docs/tables.md):

- ``quotes``: one row per quote; ``speaker_name`` and ``via_name`` resolved.
- ``entities``, ``sources``: one row per entity and per source.
- ``articles``: one row per record, failed ones included (counts null for those).
- ``errors``: one row per error record (an input that failed).
- ``reported``: one row per reported-speech record, with the quotes' columns:
  ``kind`` is ``"reported"``, ``rule`` null, ``start``/``end`` the content's offsets.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any, Literal

from .errors import Errors, QuotekitError

__all__ = [
    "ARTICLE_COLUMNS",
    "COLUMNS",
    "ENTITY_COLUMNS",
    "ERROR_COLUMNS",
    "QUOTE_COLUMNS",
    "REPORTED_KIND",
    "SOURCE_COLUMNS",
    "TABLES",
    "Rows",
    "collect_rows",
    "iter_records",
    "record_rows",
]

#: ``str``/``int`` are never null; ``?`` marks a column that may be; ``list`` holds str lists.
Kind = Literal["str", "str?", "int", "int?", "list"]
Row = tuple[Any, ...]
Rows = dict[str, list[Row]]

QUOTE_COLUMNS: tuple[tuple[str, Kind], ...] = (
    ("article_id", "str?"),
    ("id", "str"),
    ("start", "int"),
    ("end", "int"),
    ("kind", "str"),
    ("speaker", "str?"),
    ("speaker_name", "str?"),
    ("speaker_mention_start", "int?"),
    ("speaker_mention_end", "int?"),
    ("speaker_mention_text", "str?"),
    ("cue_start", "int?"),
    ("cue_end", "int?"),
    ("cue_text", "str?"),
    ("via", "str?"),
    ("via_name", "str?"),
    ("rule", "str?"),
    ("text", "str"),
)
ENTITY_COLUMNS: tuple[tuple[str, Kind], ...] = (
    ("article_id", "str?"),
    ("id", "str"),
    ("type", "str"),
    ("name", "str"),
    ("aliases", "list"),
    ("n_mentions", "int"),
    ("titles", "list"),
    ("affiliation", "str?"),
    ("iso", "str?"),
)
SOURCE_COLUMNS: tuple[tuple[str, Kind], ...] = (
    ("article_id", "str?"),
    ("id", "str"),
    ("name", "str"),
    ("kind", "str"),
    ("roles", "list"),
    ("n_mentions", "int"),
)
ARTICLE_COLUMNS: tuple[tuple[str, Kind], ...] = (
    ("article_id", "str?"),
    ("n_quotes", "int?"),
    ("n_entities", "int?"),
    ("n_sources", "int?"),
    ("error_code", "str?"),
)
ERROR_COLUMNS: tuple[tuple[str, Kind], ...] = (
    ("article_id", "str?"),
    ("code", "str?"),
    ("message", "str?"),
    ("input", "str?"),
)
#: Every table's columns; ``reported`` has the quotes' columns (so the two concatenate).
COLUMNS: dict[str, tuple[tuple[str, Kind], ...]] = {
    "quotes": QUOTE_COLUMNS,
    "entities": ENTITY_COLUMNS,
    "sources": SOURCE_COLUMNS,
    "articles": ARTICLE_COLUMNS,
    "errors": ERROR_COLUMNS,
    "reported": QUOTE_COLUMNS,
}
#: The tables every result has (``reported`` is empty for records without that key).
TABLES = ("quotes", "entities", "sources", "articles", "errors", "reported")
#: The ``kind`` of a row of the ``reported`` table.
REPORTED_KIND = "reported"


def iter_records(items: Iterable[Any], function: str) -> Iterator[Mapping[str, Any]]:
    """The output record of each item: an ``Article`` gives ``to_dict()``, a mapping itself.

    Articles are recognised by their ``to_dict`` method, so that this module (and
    the table writers) need not import ``quotekit.model``.

    items (iterable): ``Article`` objects and/or ``to_dict()`` records (mappings).
    function (str): the public function's name, for error messages.
    YIELDS (Mapping): one record per item, in order.
    RAISES (QuotekitError): ``E093`` for a single article or record in place of an
        iterable, ``E092`` for an item of another type.
    """
    if isinstance(items, (Mapping, str, bytes)) or _is_article(items):
        raise QuotekitError(Errors.E093.format(function=function, type=type(items).__name__))
    for index, item in enumerate(items):
        if _is_article(item) and not isinstance(item, Mapping):
            item = item.to_dict()
        if isinstance(item, Mapping):
            yield item
        else:
            raise QuotekitError(
                Errors.E092.format(function=function, type=type(item).__name__, index=index)
            )


def _is_article(item: Any) -> bool:
    return callable(getattr(item, "to_dict", None)) and not isinstance(item, type)


def collect_rows(items: Iterable[Any], function: str) -> Rows:
    """The rows of every table for all ``items`` (see ``record_rows``).

    RETURNS (dict): table name -> list of row tuples in ``COLUMNS[name]`` order;
        every name of ``TABLES`` is present.
    """
    rows: Rows = {name: [] for name in TABLES}
    for index, record in enumerate(iter_records(items, function)):
        for name, new in record_rows(record, index).items():
            rows.setdefault(name, []).extend(new)
    return rows


def record_rows(record: Mapping[str, Any], index: int = 0) -> Rows:
    """The rows one record contributes to each table.

    record (Mapping): an ``Article.to_dict()`` or error record.
    index (int): its position in the input, for error messages.
    RETURNS (dict): table name -> rows; an error record gives rows only to
        ``articles`` and ``errors``.
    RAISES (QuotekitError): ``E094`` when the record lacks a key or holds a value of
        the wrong type.
    """
    raw_id = record.get("id")
    article_id = None if raw_id is None else str(raw_id)
    try:
        if record.get("error"):
            return _error_rows(article_id, record["error"])
        return _article_rows(article_id, record)
    except (KeyError, TypeError, AttributeError, ValueError) as exc:
        reason = f"missing key {exc}" if isinstance(exc, KeyError) else str(exc)
        raise QuotekitError(Errors.E094.format(index=index, id=raw_id, reason=reason)) from exc


def _error_rows(article_id: str | None, error: Any) -> Rows:
    if isinstance(error, Mapping):
        code, message, origin = (_opt_str(error.get(k), k) for k in ("code", "message", "input"))
    else:
        code, message, origin = None, str(error), None
    return {
        "articles": [(article_id, None, None, None, code)],
        "errors": [(article_id, code, message, origin)],
    }


def _article_rows(article_id: str | None, record: Mapping[str, Any]) -> Rows:
    entities, sources = record["entities"], record["sources"]
    names = {e["id"]: e["name"] for e in entities}
    source_names = {s["id"]: s["name"] for s in sources}
    quotes = [_quote_row(article_id, q, names, source_names) for q in record["quotes"]]
    rows: Rows = {
        "quotes": quotes,
        "entities": [_entity_row(article_id, e) for e in entities],
        "sources": [_source_row(article_id, s) for s in sources],
        "articles": [(article_id, len(quotes), len(entities), len(sources), None)],
        "errors": [],
    }
    rows["reported"] = [
        _quote_row(article_id, r, names, source_names, kind=REPORTED_KIND)
        for r in record.get("reported") or ()
    ]
    return rows


def _quote_row(
    article_id: str | None,
    q: Mapping[str, Any],
    names: Mapping[str, str],
    source_names: Mapping[str, str],
    kind: str | None = None,
) -> Row:
    """A quote's row; with ``kind``, a reported-speech record's (no kind, no rule)."""
    speaker, via = _opt_str(q["speaker"], "speaker"), _opt_str(q["via"], "via")
    return (
        article_id,
        _str(q["id"], "id"),
        _int(q["start"], "start"),
        _int(q["end"], "end"),
        kind if kind is not None else _str(q["kind"], "kind"),
        speaker,
        names.get(speaker) if speaker is not None else None,
        *_span(q["speaker_mention"], "speaker_mention"),
        *_span(q["cue"], "cue"),
        via,
        source_names.get(via) if via is not None else None,
        None if kind is not None else _opt_str(q.get("rule"), "rule"),
        _str(q["text"], "text"),
    )


def _entity_row(article_id: str | None, e: Mapping[str, Any]) -> Row:
    return (
        article_id,
        _str(e["id"], "id"),
        _str(e["type"], "type"),
        _str(e["name"], "name"),
        _strs(e["aliases"], "aliases"),
        len(e["mentions"]),
        _strs(e["titles"], "titles"),
        _opt_str(e["affiliation"], "affiliation"),
        _opt_str(e["iso"], "iso"),
    )


def _source_row(article_id: str | None, s: Mapping[str, Any]) -> Row:
    return (
        article_id,
        _str(s["id"], "id"),
        _str(s["name"], "name"),
        _str(s["kind"], "kind"),
        _strs(s["roles"], "roles"),
        len(s["mentions"]),
    )


def _span(m: Any, key: str) -> tuple[int | None, int | None, str | None]:
    if m is None:
        return (None, None, None)
    return (_int(m["start"], key + ".start"), _int(m["end"], key + ".end"), _str(m["text"], key))


def _int(value: Any, key: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{key!r} is {value!r}, not an int")
    return value


def _str(value: Any, key: str) -> str:
    if not isinstance(value, str):
        raise TypeError(f"{key!r} is {value!r}, not a str")
    return value


def _opt_str(value: Any, key: str) -> str | None:
    return None if value is None else _str(value, key)


def _strs(value: Any, key: str) -> list[str]:
    if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
        raise TypeError(f"{key!r} is {value!r}, not a list of str")
    return [_str(v, key) for v in value]
