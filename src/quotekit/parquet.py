"""quotekit's tables as a Parquet dataset: one folder per table, one file per shard.

``write_parquet_tables(records, "out", "part-00000", metadata)`` writes
``out/quotes/part-00000.parquet``, ``out/entities/...``, ``out/sources/...``,
``out/articles/...``, ``out/errors/...`` and ``out/reported/...`` (reported speech,
with the quotes' columns), each with the columns of ``quotekit.flatten.COLUMNS``, the same
Arrow schema in every shard (an empty shard included), and ``metadata`` (such as
``quotekit.provenance.provenance_metadata(nlp)``) in the file's key-value metadata.
``pandas.read_parquet("out/quotes")`` then reads the whole table, across shards,
with the dtypes of ``quotekit.frames.to_frames``.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from .errors import Errors, QuotekitError
from .flatten import COLUMNS, Kind, collect_rows
from .frames import table_frame
from .optional import require

__all__ = ["PARQUET_SUFFIX", "TABLE_KEY", "arrow_schema", "write_parquet_tables"]

PARQUET_SUFFIX = ".parquet"
#: The key-value metadata key that names the table a file belongs to.
TABLE_KEY = "quotekit_table"
_FEATURE = "quotekit.parquet.write_parquet_tables()"
#: Keys that pyarrow, pandas and quotekit write themselves.
_RESERVED_KEYS = frozenset({"pandas", "ARROW:schema", TABLE_KEY})


def arrow_schema(table: str) -> Any:
    """The Arrow schema of one table (``"quotes"``, ``"entities"``, ...), without metadata.

    RETURNS (pyarrow.Schema): ``string``, ``int64`` and ``list<string>`` fields in
        column order.
    """
    pa = require("pyarrow", _FEATURE)
    types: dict[Kind, Any] = {
        "str": pa.string(),
        "str?": pa.string(),
        "int": pa.int64(),
        "int?": pa.int64(),
        "list": pa.list_(pa.string()),
    }
    return pa.schema(
        [pa.field(name, types[kind], nullable=kind.endswith("?")) for name, kind in COLUMNS[table]]
    )


def write_parquet_tables(
    records: Iterable[Any],
    out_dir: str | os.PathLike[str],
    shard_name: str,
    metadata: Mapping[str, str] | None = None,
) -> dict[str, Path]:
    """Write one shard of every table into a Parquet dataset folder.

    records (iterable): ``Article`` objects and/or ``to_dict()`` records (error
        records go to the ``articles`` and ``errors`` tables only).
    out_dir (str | PathLike): the dataset folder; ``<out_dir>/<table>/`` is created
        if missing.
    shard_name (str): the file name, ``.parquet`` added unless present; a plain
        name (no folder, no leading ``.`` or ``_``).
    metadata (Mapping[str, str] | None): provenance for each file's key-value
        metadata, next to ``quotekit_table`` and pandas' own.
    RETURNS (dict[str, Path]): table name -> the file written.
    RAISES (QuotekitError): ``E095`` for a bad shard name, ``E096`` for metadata that
        is not str to str, ``E097`` when a file cannot be written, ``E090`` without
        pandas or pyarrow, ``E092``-``E094`` as ``to_frames``.
    """
    file_name = _shard_file_name(shard_name)
    extra = _check_metadata(metadata or {})
    pd = require("pandas", _FEATURE)
    pa = require("pyarrow", _FEATURE)
    pq = require("pyarrow.parquet", _FEATURE)
    rows = collect_rows(records, "write_parquet_tables")
    tables = {}
    for name, table_rows in rows.items():
        frame = table_frame(pd, name, table_rows)
        table = pa.Table.from_pandas(frame, schema=arrow_schema(name), preserve_index=False)
        meta = dict(table.schema.metadata or {})
        meta.update({k.encode(): v.encode() for k, v in extra.items()})
        meta[TABLE_KEY.encode()] = name.encode()
        tables[name] = table.replace_schema_metadata(meta)
    return _write_all(pq, Path(out_dir), file_name, tables)


def _write_all(pq: Any, out_dir: Path, file_name: str, tables: dict[str, Any]) -> dict[str, Path]:
    """Write every table to a temporary file first, then rename them all into place."""
    temps: dict[str, Path] = {}
    final = {name: out_dir / name / file_name for name in tables}
    try:
        for name, table in tables.items():
            folder = final[name].parent
            folder.mkdir(parents=True, exist_ok=True)
            temps[name] = folder / f".{file_name}.{os.getpid()}.tmp"
            with open(temps[name], "wb") as fh:
                pq.write_table(table, fh)
                fh.flush()
                os.fsync(fh.fileno())
        for name, tmp in temps.items():
            os.replace(tmp, final[name])
    except OSError as exc:
        for tmp in temps.values():
            tmp.unlink(missing_ok=True)
        path = getattr(exc, "filename", None) or out_dir
        raise QuotekitError(Errors.E097.format(path=path, reason=exc.strerror or exc)) from exc
    for folder in {p.parent for p in final.values()}:
        _fsync_dir(folder)
    return final


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # pragma: no cover - e.g. Windows cannot open folders
        return
    try:
        os.fsync(fd)
    except OSError:  # pragma: no cover
        pass
    finally:
        os.close(fd)


def _shard_file_name(shard_name: Any) -> str:
    if (
        not isinstance(shard_name, str)
        or not shard_name.strip()
        or shard_name.startswith((".", "_"))
        or any(sep in shard_name for sep in ("/", "\\", os.sep, "\0"))
    ):
        raise QuotekitError(Errors.E095.format(name=shard_name))
    return shard_name if shard_name.endswith(PARQUET_SUFFIX) else shard_name + PARQUET_SUFFIX


def _check_metadata(metadata: Mapping[Any, Any]) -> dict[str, str]:
    if not isinstance(metadata, Mapping):
        raise QuotekitError(Errors.E096.format(key="(the whole mapping)", value=metadata))
    for key, value in metadata.items():
        if not isinstance(key, str) or not isinstance(value, str):
            raise QuotekitError(Errors.E096.format(key=key, value=value))
        if key in _RESERVED_KEYS:
            raise QuotekitError(Errors.E098.format(key=key, reserved=sorted(_RESERVED_KEYS)))
    return dict(metadata)
