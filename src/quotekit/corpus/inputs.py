"""The inputs of a corpus run: paths walked, articles read, failed inputs recorded.

One path walker (``walk_inputs``) serves every command: files, directories (walked
recursively, sorted, hidden entries skipped), globs the shell did not expand
(``**`` recurses) and ``-`` for stdin. Files found by walking a directory are read
by their suffix (``*.jsonl`` as JSONL, ``*.txt`` as one article); a ``*.jsonl``
file you name is read as JSONL too, other files you name as ``--input-format``
says (the same rule as for the shards of ``quotekit.corpus.shards``).

Input problems (a missing file, a malformed JSONL line, a line without ``text``)
are reported on stderr with file and line, and an error record takes the input's
place (so output records equal input records in number and order).
"""

from __future__ import annotations

import codecs
import glob
import json
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO, Any, NamedTuple, TextIO

from ..errors import Errors, Warnings

GLOB_CHARS = "*?["
TEXT_SUFFIXES = (".txt",)
SHARD_SUFFIXES = (".jsonl",)

# What ``walk_inputs`` found for one path (``FoundPath.kind``).
#: ``-``: standard input.
STDIN = "stdin"
#: A file named on the command line or matched by a glob (not a directory).
NAMED = "named"
#: A plain path (no glob characters) that does not exist.
MISSING = "missing"
#: A glob that matches nothing.
NO_MATCH = "no-match"
#: A ``*.jsonl`` file found by walking a directory.
JSONL = "jsonl"
#: A ``*.txt`` file found by walking a directory.
TEXT = "text"


@dataclass
class InputRecord:
    """One article to process, or the error that stands in its place."""

    id: str | None
    text: str | None
    origin: str  # "path" or "path:line"
    error: dict[str, Any] | None = None


class FoundPath(NamedTuple):
    """One input path and how it was found (one of the kinds above)."""

    path: str
    kind: str


# ---------------------------------------------------------------------- paths
def walk_inputs(paths: list[str], *, exclude_dir: str | None = None) -> Iterator[FoundPath]:
    """Every input of ``paths``, in order: the one path walker of quotekit.

    paths (list[str]): files, directories, globs and ``-``. A path that exists is
        taken as it is, even when it holds glob characters; a directory is walked
        (sorted; hidden entries, files other than ``*.txt``/``*.jsonl`` and
        ``exclude_dir`` skipped); a glob is expanded, sorted, each match taken as
        a path (a matched directory is walked, a matched file is ``NAMED``).
    exclude_dir (str | None): a directory never walked into (the output directory).
    YIELDS (FoundPath): ``(path, kind)``; a missing plain path is ``MISSING``, a
        glob without matches ``NO_MATCH``.
    """
    exclude = os.path.realpath(exclude_dir) if exclude_dir else None
    for item in paths:
        if item == "-":
            yield FoundPath(item, STDIN)
        elif os.path.exists(item):
            yield from _expand(item, exclude)
        elif any(c in item for c in GLOB_CHARS):
            matches = sorted(glob.glob(item, recursive=True))
            if not matches:
                yield FoundPath(item, NO_MATCH)
            for match in matches:
                yield from _expand(match, exclude)
        else:
            yield FoundPath(item, MISSING)


def walked_format(name: str) -> str | None:
    """How a file found in a directory is read: ``JSONL``, ``TEXT``, or None (skipped)."""
    low = name.lower()
    if low.endswith(SHARD_SUFFIXES):
        return JSONL
    if low.endswith(TEXT_SUFFIXES):
        return TEXT
    return None


def _expand(path: str, exclude: str | None) -> Iterator[FoundPath]:
    if os.path.isdir(path):
        yield from _walk(path, exclude)
    else:
        yield FoundPath(path, NAMED)


def _walk(root: str, exclude: str | None) -> Iterator[FoundPath]:
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(
            d
            for d in dirnames
            if not _hidden(d)
            and not (exclude and os.path.realpath(os.path.join(dirpath, d)) == exclude)
        )
        if exclude and os.path.realpath(dirpath) == exclude:
            continue
        for name in sorted(filenames):
            kind = None if _hidden(name) else walked_format(name)
            if kind is not None:
                yield FoundPath(os.path.join(dirpath, name), kind)


def _hidden(name: str) -> bool:
    return name.startswith(".")


# ---------------------------------------------------------------------- records
def iter_inputs(
    paths: list[str], input_format: str, encoding: str, stderr: TextIO
) -> Iterator[InputRecord]:
    """The input records of ``paths``, in order (see ``walk_inputs``).

    A ``*.jsonl`` file is read as JSONL; another file you name as ``input_format``
    says; a file found in a directory by its suffix. A missing path fails when it is read (E007); a glob that
    matches nothing becomes an error record (E013).
    """
    for path, kind in walk_inputs(paths):
        if kind == NO_MATCH:
            yield error_record(path, path, "E013", Errors.E013.format(pattern=path), stderr)
        elif _read_as(path, kind, input_format) == "jsonl":
            yield from read_jsonl(path, encoding, stderr)
        else:
            yield read_text_file(path, encoding, stderr)


def _read_as(path: str, kind: str, input_format: str) -> str:
    """How one found path is read: a ``*.jsonl`` file is JSONL whatever
    ``--input-format`` says (as a shard of ``--output-dir`` is); other files you
    name as ``input_format`` says; files found in a directory by their suffix."""
    if kind in (JSONL, TEXT):
        return kind
    if kind == NAMED and walked_format(os.path.basename(path)) == JSONL:
        return JSONL
    return input_format


def read_text_file(path: str, encoding: str, stderr: TextIO) -> InputRecord:
    """One article from a text file ('-' is stdin); undecodable bytes are replaced."""
    try:
        if path == "-":
            data = sys.stdin.buffer.read()
        else:
            with open(path, "rb") as fh:
                data = fh.read()
    except OSError as exc:
        return _unreadable(path, exc, stderr)
    return InputRecord(id=path, text=_decode(data, encoding, path, stderr), origin=path)


def read_jsonl(path: str, encoding: str, stderr: TextIO) -> Iterator[InputRecord]:
    """Articles from a JSONL file: one ``{"id": ..., "text": ...}`` object a line."""
    try:
        fh: IO[bytes] = sys.stdin.buffer if path == "-" else open(path, "rb")  # noqa: SIM115
    except OSError as exc:
        yield _unreadable(path, exc, stderr)
        return
    warned = False
    try:
        for lineno, raw in enumerate(fh, 1):
            if not raw.strip():
                continue
            try:
                line = raw.decode(encoding)
            except (UnicodeDecodeError, LookupError):
                line = _decode_replacing(raw, encoding)
                if not warned:
                    _warn_replaced(path, encoding, stderr)
                    warned = True
            yield _jsonl_record(line, path, lineno, stderr)
    finally:
        if fh is not sys.stdin.buffer:
            fh.close()


def _jsonl_record(line: str, path: str, lineno: int, stderr: TextIO) -> InputRecord:
    """The record of one JSONL line, or the error record in its place (E008)."""
    origin = f"{path}:{lineno}"
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        reason = f"invalid JSON: {exc.msg}"
        message = Errors.E008.format(line=lineno, path=path, reason=reason)
        return error_record(None, origin, "E008", message, stderr)
    if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
        rid = obj.get("id") if isinstance(obj, dict) else None
        reason = (
            "no 'text' string"
            if isinstance(obj, dict)
            else f"a JSON {type(obj).__name__}, not an object"
        )
        message = Errors.E008.format(line=lineno, path=path, reason=reason)
        return error_record(_id(rid), origin, "E008", message, stderr)
    return InputRecord(id=_id(obj.get("id")), text=obj["text"], origin=origin)


def _id(value: Any) -> str | None:
    return None if value is None else str(value)


def known_encoding(encoding: str) -> bool:
    """Whether ``encoding`` names a Python codec."""
    try:
        codecs.lookup(encoding)
        return True
    except LookupError:
        return False


def _decode(data: bytes, encoding: str, path: str, stderr: TextIO) -> str:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        _warn_replaced(path, encoding, stderr)
        return _decode_replacing(data, encoding)


def _decode_replacing(data: bytes, encoding: str) -> str:
    """``data`` decoded with U+FFFD for bad bytes (as UTF-8 when ``encoding`` is unknown)."""
    return data.decode(encoding if known_encoding(encoding) else "utf-8", errors="replace")


def _warn_replaced(path: str, encoding: str, stderr: TextIO) -> None:
    print("quotekit: warning: " + Warnings.W001.format(path=path, encoding=encoding), file=stderr)


# ---------------------------------------------------------------------- errors
def _unreadable(path: str, exc: OSError, stderr: TextIO) -> InputRecord:
    message = Errors.E007.format(path=path, reason=exc.strerror or exc)
    return error_record(path, path, "E007", message, stderr)


def error_record(
    rid: str | None, origin: str, code: str, message: str, stderr: TextIO
) -> InputRecord:
    """Report a failed input on stderr; RETURNS the record that stands in its place."""
    print(f"quotekit: error: {origin}: {message}", file=stderr)
    return InputRecord(id=rid, text=None, origin=origin, error=error_info(code, message, origin))


def error_info(code: str, message: str, origin: str) -> dict[str, Any]:
    """The ``error`` member of an error record."""
    return {"code": code, "message": message, "input": origin}


def error_dict(rid: str | None, error: dict[str, Any] | None) -> dict[str, Any]:
    """An output record for an input that failed: the error and no results."""
    return {"id": rid, "error": error, "quotes": [], "reported": [], "entities": [], "sources": []}


def error_output(rec: InputRecord) -> dict[str, Any]:
    """The output record that stands in for an input that failed."""
    return error_dict(rec.id, rec.error)
