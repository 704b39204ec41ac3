"""quotekit's output as tables: pandas DataFrames and a CSV of quotes.

``to_frames`` turns ``Article`` objects or ``Article.to_dict()`` records (JSONL
lines, error records included) into one DataFrame per table; ``write_quotes_csv``
streams the quotes table as CSV with the standard library (with ``reported=True``,
each article's reported speech after its quotes, ``kind`` "reported"). The columns are those of
``quotekit.flatten.COLUMNS`` (docs/tables.md); ``quotekit.parquet`` writes the same
tables as a Parquet dataset.

Example::

    import quotekit
    from quotekit.frames import to_frames

    frames = to_frames(quotekit.extract_many([(text, "a1"), (other_text, "a2")]))
    frames["quotes"][["article_id", "speaker_name", "text"]]
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, TextIO

from .flatten import COLUMNS, QUOTE_COLUMNS, Kind, Row, collect_rows, iter_records, record_rows
from .optional import require

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["PANDAS_DTYPES", "QUOTE_CSV_HEADER", "quotes_csv_rows", "to_frames", "write_quotes_csv"]

#: The pandas dtype of each kind of column: nullable ``string`` and ``Int64`` (missing
#: values are ``pd.NA``), ``int64`` where a value is never missing, ``object`` for lists.
PANDAS_DTYPES: dict[Kind, str] = {
    "str": "string",
    "str?": "string",
    "int": "int64",
    "int?": "Int64",
    "list": "object",
}
#: The header row of ``write_quotes_csv``: the quotes table's columns.
QUOTE_CSV_HEADER: tuple[str, ...] = tuple(name for name, _ in QUOTE_COLUMNS)


def to_frames(articles: Iterable[Any]) -> dict[str, pd.DataFrame]:
    """One pandas DataFrame per table, for many articles.

    articles (iterable): ``Article`` objects, ``Article.to_dict()`` records (parsed
        JSONL lines, error records included), or a mix.
    RETURNS (dict[str, DataFrame]): ``"quotes"``, ``"entities"``, ``"sources"`` (one
        row per quote, entity, source), ``"articles"`` (one row per record, failed
        ones included), ``"errors"`` (one row per error record) and ``"reported"``
        (one row per reported-speech record, the quotes' columns, ``kind``
        "reported"). ``article_id`` is every table's first column; each table has
        its columns and dtypes even when it has no rows.
    RAISES (QuotekitError): ``E090`` without pandas; ``E092``/``E093`` for an input
        that is not articles or records; ``E094`` for a malformed record.
    """
    pd = require("pandas", "quotekit.frames.to_frames()")
    rows = collect_rows(articles, "to_frames")
    return {name: table_frame(pd, name, table_rows) for name, table_rows in rows.items()}


def table_frame(pd: Any, name: str, rows: list[Row]) -> pd.DataFrame:
    """The DataFrame of one table from its rows (``pd`` is the pandas module)."""
    columns = COLUMNS[name]
    values: list[Iterable[Any]] = list(zip(*rows)) if rows else [() for _ in columns]
    data = {}
    for (column, kind), column_values in zip(columns, values):
        dtype = PANDAS_DTYPES[kind]
        if dtype == "object":
            series = pd.Series(list(column_values), dtype=object)
        else:
            series = pd.Series(pd.array(list(column_values), dtype=dtype))
        data[column] = series
    return pd.DataFrame(data, columns=[c for c, _ in columns])


def quotes_csv_rows(records: Iterable[Any], *, reported: bool = False) -> Iterator[list[str]]:
    """The quotes of ``records`` as CSV rows (without the header, ``QUOTE_CSV_HEADER``).

    records (iterable): ``Article`` objects and/or ``to_dict()`` records; error
        records give no rows. Consumed lazily, one record at a time.
    reported (bool): also each record's reported speech, after its quotes: rows of
        the ``reported`` table (``kind`` "reported", ``rule`` empty), as
        ``quotekit extract --format csv`` writes them.
    YIELDS (list[str]): one row per quote (and reported speech), in the quotes
        table's column order; a null is an empty field.
    RAISES (QuotekitError): ``E092``/``E093``/``E094`` as ``to_frames``.
    """
    tables = ("quotes", "reported") if reported else ("quotes",)
    for index, record in enumerate(iter_records(records, "quotes_csv_rows")):
        rows = record_rows(record, index)
        for table in tables:
            for row in rows.get(table, ()):
                yield ["" if value is None else str(value) for value in row]


def write_quotes_csv(
    records: Iterable[Any], fh: TextIO, *, header: bool = True, reported: bool = False
) -> int:
    """Write one CSV row per quote to ``fh`` (stdlib ``csv``, the ``excel`` dialect).

    records (iterable): ``Article`` objects and/or ``to_dict()`` records.
    fh (TextIO): a text file opened with ``newline=""`` (quotes may hold newlines).
    header (bool): write ``QUOTE_CSV_HEADER`` first (pass False to append to a file).
    reported (bool): also write each article's reported speech after its quotes
        (``kind`` "reported"; see ``quotes_csv_rows``).
    RETURNS (int): the number of rows written (quotes, and reported speech if asked).
    """
    writer = csv.writer(fh)
    if header:
        writer.writerow(QUOTE_CSV_HEADER)
    n = 0
    for row in quotes_csv_rows(records, reported=reported):
        writer.writerow(row)
        n += 1
    return n
