"""Shard outputs, their manifests and the atomic writer behind ``--resume``.

A shard is written to a hidden temporary file in the output directory
(``.<name>.<pid>.tmp``), flushed and fsynced, then renamed over ``<name>`` with
``os.replace``; after the rename a sidecar manifest ``<name>.done`` (also written
atomically) records the record count, the output size, and a digest of the
inputs' paths, sizes and modification times plus the ``--input-format``/
``--encoding``. A shard is complete when its manifest exists, matches the current
inputs and the output file has the recorded size. With ``--resume`` complete
shards are skipped; any other shard (no manifest, changed input, output missing or
of the wrong size, a stale temporary file left by a killed run) is processed again
from the start and replaced as a whole, so an interrupted shard is never half
kept. Stdin and other non-regular inputs (pipes) can't be checked and are always
redone.

One output directory must not be written by two runs at once.
"""

from __future__ import annotations

import json
import os
import time
from typing import Any, TextIO

from .formats import dumps_record
from .shards import MANIFEST_VERSION, Shard

MANIFEST_SUFFIX = ".done"
TMP_SUFFIX = ".tmp"


def manifest_path(out_dir: str, shard: Shard) -> str:
    return os.path.join(out_dir, shard.name + MANIFEST_SUFFIX)


def read_manifest(out_dir: str, shard: Shard) -> dict[str, Any] | None:
    try:
        with open(manifest_path(out_dir, shard), encoding="utf-8") as fh:
            data = json.load(fh)
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def is_complete(out_dir: str, shard: Shard, input_format: str, encoding: str) -> bool:
    """Whether ``shard``'s output in ``out_dir`` is complete and made from the current inputs."""
    if not shard.checkable:
        return False
    manifest = read_manifest(out_dir, shard)
    if not manifest or manifest.get("version") != MANIFEST_VERSION:
        return False
    if manifest.get("signature") != shard.signature(input_format, encoding):
        return False
    try:
        size = os.path.getsize(os.path.join(out_dir, shard.name))
    except OSError:
        return False
    return size == manifest.get("output_bytes")


def remove_stale_temps(out_dir: str, shard: Shard) -> None:
    prefix = "." + shard.name + "."
    try:
        names = os.listdir(out_dir)
    except OSError:
        return
    for name in names:
        if name.startswith(prefix) and name.endswith(TMP_SUFFIX):
            try:
                os.unlink(os.path.join(out_dir, name))
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
    """Writes one shard to a temporary file and publishes it atomically on ``commit``."""

    def __init__(self, out_dir: str, shard: Shard, signature: str | None):
        self.out_dir = out_dir
        self.shard = shard
        self.signature = signature
        self.path = os.path.join(out_dir, shard.name)
        self.tmp = os.path.join(out_dir, f".{shard.name}.{os.getpid()}{TMP_SUFFIX}")
        self.records = 0
        self.failed = 0
        self._fh: TextIO | None = None

    def _open(self) -> TextIO:
        if self._fh is None:
            # an older manifest must not vouch for the new output during the swap
            try:
                os.unlink(manifest_path(self.out_dir, self.shard))
            except FileNotFoundError:
                pass
            self._fh = open(self.tmp, "w", encoding="utf-8", newline="\n")  # noqa: SIM115
        return self._fh

    def write(self, out: dict[str, Any]) -> None:
        self._open().write(dumps_record(out) + "\n")
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
        if self.signature is not None:  # stdin and pipes are never "complete"
            _write_atomic(
                manifest_path(self.out_dir, self.shard),
                (json.dumps(self._manifest(), indent=1) + "\n").encode("utf-8"),
            )
        self._fh = None

    def _manifest(self) -> dict[str, Any]:
        return {
            "version": MANIFEST_VERSION,
            "input": self.shard.display,
            "kind": self.shard.kind,
            "signature": self.signature,
            "input_files": len(self.shard.paths),
            "input_bytes": self.shard.input_bytes(),
            "records": self.records,
            "failed": self.failed,
            "output_bytes": os.path.getsize(self.path),
            "finished": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
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
