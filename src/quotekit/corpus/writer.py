"""Shard outputs, their manifests and the atomic writers behind ``--resume``.

A shard becomes one output per ``--format``: ``<stem>.jsonl`` (``ShardWriter``),
``<stem>.csv`` (``CsvShardWriter``: one row per quote or reported speech), or ``<table>/<stem>.parquet``
for every table (``ParquetShardWriter``, through ``quotekit.parquet``). Output is
written to hidden temporary files in the output directory (``.<name>.<pid>.tmp``),
flushed and fsynced, then renamed into place with ``os.replace``; after the rename
a sidecar manifest (``<stem>.jsonl.done``, ``<stem>.csv.done``,
``<stem>.parquet.done``, also written atomically) records the record count, each
output file's size, the provenance of the run (``quotekit.provenance``: versions,
model, component config) and a digest of the inputs' paths, sizes and
modification times plus the ``--input-format``/``--encoding``. A shard is complete
when its manifest exists, matches the current inputs and every output file has the
recorded size; the manifest is written only after all of a shard's files are in
place, so it never vouches for a shard that a crash left in some tables only. With ``--resume`` complete
shards are skipped; any other shard (no manifest, changed input, output missing or
of the wrong size, a stale temporary file left by a killed run) is processed again
from the start and replaced as a whole, so an interrupted shard is never half
kept. Stdin and other non-regular inputs (pipes) can't be checked and are always
redone (their manifest has ``"signature": null``).

One output directory must not be written by two runs at once.
"""

from __future__ import annotations

import csv
import json
import os
import time
from collections.abc import Mapping
from typing import Any, TextIO

from ..frames import QUOTE_CSV_HEADER, quotes_csv_rows
from ..parquet import PARQUET_SUFFIX, write_parquet_tables
from .formats import dumps_record
from .shards import MANIFEST_VERSION, Shard

MANIFEST_SUFFIX = ".done"
TMP_SUFFIX = ".tmp"
#: The ``--format`` of each kind of shard output (any other format writes JSONL).
OUTPUT_FORMATS = ("jsonl", "csv", "parquet")
_SUFFIXES = {"jsonl": ".jsonl", "csv": ".csv", "parquet": PARQUET_SUFFIX}


def output_format(fmt: str) -> str:
    """The kind of shard output for a ``--format``: csv, parquet, else jsonl."""
    return fmt if fmt in OUTPUT_FORMATS else "jsonl"


def output_name(shard: Shard, fmt: str = "jsonl") -> str:
    """``<stem>.jsonl``, ``<stem>.csv`` or ``<stem>.parquet`` for the shard ``<stem>.jsonl``."""
    stem = shard.name.removesuffix(".jsonl")
    return stem + _SUFFIXES[output_format(fmt)]


def manifest_path(out_dir: str, shard: Shard, fmt: str = "jsonl") -> str:
    return os.path.join(out_dir, output_name(shard, fmt) + MANIFEST_SUFFIX)


def read_manifest(out_dir: str, shard: Shard, fmt: str = "jsonl") -> dict[str, Any] | None:
    try:
        with open(manifest_path(out_dir, shard, fmt), encoding="utf-8") as fh:
            data = json.load(fh)
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def is_complete(
    out_dir: str, shard: Shard, input_format: str, encoding: str, fmt: str = "jsonl"
) -> bool:
    """Whether ``shard``'s output in ``out_dir`` is complete and made from the current inputs."""
    if not shard.checkable:
        return False
    manifest = read_manifest(out_dir, shard, fmt)
    if not manifest or manifest.get("version") != MANIFEST_VERSION:
        return False
    if manifest.get("signature") != shard.signature(input_format, encoding):
        return False
    outputs = manifest.get("outputs")
    if not isinstance(outputs, Mapping) or not outputs:
        return False
    for rel, size in outputs.items():
        try:
            if os.path.getsize(os.path.join(out_dir, rel)) != size:
                return False
        except OSError:
            return False
    return True


def remove_stale_temps(out_dir: str, shard: Shard, fmt: str = "jsonl") -> None:
    """Delete the temporary files a killed run left for this shard (every table's too)."""
    prefix = "." + output_name(shard, fmt) + "."
    folders = [out_dir]
    if output_format(fmt) == "parquet":
        try:
            folders += [e.path for e in os.scandir(out_dir) if e.is_dir()]
        except OSError:
            pass
    for folder in folders:
        try:
            names = os.listdir(folder)
        except OSError:
            continue
        for name in names:
            if name.startswith(prefix) and name.endswith(TMP_SUFFIX):
                try:
                    os.unlink(os.path.join(folder, name))
                except OSError:
                    pass


def _write_atomic(path: str, data: bytes) -> None:
    directory, name = os.path.split(path)
    tmp = os.path.join(directory, f".{name}.{os.getpid()}{TMP_SUFFIX}")
    with open(tmp, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def _fsync_dir(directory: str) -> None:
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


class ShardWriter:
    """Writes one shard as JSONL to a temporary file and publishes it atomically on ``commit``.

    provenance: what produced the output (``quotekit.provenance.provenance(nlp)``),
        recorded in the manifest.
    """

    format = "jsonl"

    def __init__(
        self,
        out_dir: str,
        shard: Shard,
        signature: str | None,
        provenance: Mapping[str, Any] | None = None,
    ):
        self.out_dir = out_dir
        self.shard = shard
        self.signature = signature
        self.provenance = provenance
        self.name = output_name(shard, self.format)
        self.path = os.path.join(out_dir, self.name)
        self.tmp = os.path.join(out_dir, f".{self.name}.{os.getpid()}{TMP_SUFFIX}")
        self.records = 0
        self.failed = 0
        self._fh: TextIO | None = None

    def _unvouch(self) -> None:
        """An older manifest must not vouch for the new output during the swap."""
        try:
            os.unlink(manifest_path(self.out_dir, self.shard, self.format))
        except FileNotFoundError:
            pass

    def _open(self) -> TextIO:
        if self._fh is None:
            self._unvouch()
            self._fh = open(self.tmp, "w", encoding="utf-8", newline="\n")  # noqa: SIM115
        return self._fh

    def write(self, out: dict[str, Any]) -> None:
        self._open().write(dumps_record(out) + "\n")
        self._count(out)

    def _count(self, out: dict[str, Any]) -> None:
        self.records += 1
        if out.get("error"):
            self.failed += 1

    def commit(self) -> None:
        fh = self._open()
        fh.flush()
        os.fsync(fh.fileno())
        fh.close()
        os.replace(self.tmp, self.path)
        _fsync_dir(self.out_dir)
        self._write_manifest({self.name: os.path.getsize(self.path)})
        self._fh = None

    def _write_manifest(self, outputs: dict[str, int]) -> None:
        """After every output file is in place: the manifest that vouches for them."""
        _write_atomic(
            manifest_path(self.out_dir, self.shard, self.format),
            (json.dumps(self._manifest(outputs), indent=1) + "\n").encode("utf-8"),
        )

    def _manifest(self, outputs: dict[str, int]) -> dict[str, Any]:
        return {
            "version": MANIFEST_VERSION,
            "input": self.shard.display,
            "kind": self.shard.kind,
            "signature": self.signature,  # None: stdin or a pipe, never "complete"
            "input_files": len(self.shard.paths),
            "input_bytes": self.shard.input_bytes(),
            "format": self.format,
            "records": self.records,
            "failed": self.failed,
            "outputs": outputs,
            "output_bytes": sum(outputs.values()),
            "finished": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            "provenance": dict(self.provenance) if self.provenance is not None else None,
        }

    def abort(self) -> None:
        if self._fh is not None:
            try:
                self._fh.close()
            finally:
                self._fh = None
        try:
            os.unlink(self.tmp)
        except FileNotFoundError:
            pass


class CsvShardWriter(ShardWriter):
    """One CSV row per quote (``quotekit.frames.QUOTE_CSV_HEADER``), header first; each
    article's reported speech follows its quotes (``kind`` "reported")."""

    format = "csv"

    def _open(self) -> TextIO:
        if self._fh is None:
            self._unvouch()
            self._fh = open(self.tmp, "w", encoding="utf-8", newline="")  # noqa: SIM115
            self._csv = csv.writer(self._fh)
            self._csv.writerow(QUOTE_CSV_HEADER)
        return self._fh

    def write(self, out: dict[str, Any]) -> None:
        self._open()
        self._csv.writerows(quotes_csv_rows([out], reported=True))
        self._count(out)


class ParquetShardWriter(ShardWriter):
    """Every table of the shard as ``<table>/<stem>.parquet``, provenance in the metadata.

    The shard's records are held in memory until ``commit``; ``write_parquet_tables``
    renames all its files into place, and only then is the manifest written.
    """

    format = "parquet"

    def __init__(
        self,
        out_dir: str,
        shard: Shard,
        signature: str | None,
        provenance: Mapping[str, Any] | None = None,
        metadata: Mapping[str, str] | None = None,
    ):
        super().__init__(out_dir, shard, signature, provenance)
        self.metadata = metadata
        self.pending: list[dict[str, Any]] = []
        self._started = False

    def write(self, out: dict[str, Any]) -> None:
        if not self._started:
            self._unvouch()
            self._started = True
        self.pending.append(out)
        self._count(out)

    def commit(self) -> None:
        self._unvouch()
        stem = self.name[: -len(PARQUET_SUFFIX)]
        paths = write_parquet_tables(self.pending, self.out_dir, stem, self.metadata)
        self.pending = []
        outputs = {}
        for path in paths.values():
            rel = os.path.relpath(path, self.out_dir).replace(os.sep, "/")
            outputs[rel] = os.path.getsize(path)
        self._write_manifest(dict(sorted(outputs.items())))

    def abort(self) -> None:
        self.pending = []
