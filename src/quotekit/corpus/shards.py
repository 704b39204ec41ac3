"""Shards: the groups of input records that become one output file each.

* every ``*.jsonl`` file is a shard (whatever ``--input-format`` says);
* a plain file given on the command line is read as ``--input-format`` says: with
  ``jsonl`` it is a shard of its own, with ``text`` it is one article;
* text articles (``*.txt`` found when walking a directory, and plain files given
  with ``--input-format text``) are grouped by the directory that holds them: all
  articles of one directory form one shard, written to ``<dirname>.jsonl``, in
  sorted file-name order for walked directories and command-line order otherwise;
* directories are walked recursively; hidden entries and the output directory
  itself are skipped, files other than ``*.txt``/``*.jsonl`` are ignored;
* ``-`` (stdin) is the shard ``stdin.jsonl``.

Output names come from the last component of the shard's path (``a/b/01.jsonl``
-> ``01.jsonl``); when two shards would get the same name, parent directories are
prepended (``b__01.jsonl``) until they differ, and a short hash of the path is
added as a last resort. Names depend only on the set of inputs, so the same
command always maps a shard to the same file.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TextIO

from ..errors import Errors
from .inputs import (
    JSONL,
    MISSING,
    NAMED,
    NO_MATCH,
    SHARD_SUFFIXES,
    STDIN,
    InputRecord,
    read_jsonl,
    read_text_file,
    walk_inputs,
)

#: Manifest format version (bump when the completeness rules change).
MANIFEST_VERSION = 2


@dataclass
class Shard:
    """A group of input records that becomes one output file."""

    kind: str  # "jsonl" (one JSONL file), "text" (text files of one directory), "stdin"
    key: str  # absolute path of the JSONL file or of the directory; "-" for stdin
    paths: list[str] = field(default_factory=list)  # the files, as the user named them
    name: str = ""  # output file name, set by ``assign_names``
    input_format: str = "jsonl"  # how ``stdin`` is read

    @property
    def display(self) -> str:
        if self.kind == "text":
            return os.path.join(os.path.relpath(self.key), "*.txt") if self.paths else self.key
        return self.paths[0] if self.paths else self.key

    @property
    def checkable(self) -> bool:
        """Whether the inputs are regular files whose size and mtime say if they changed."""
        if self.kind == "stdin":
            return False
        for path in self.paths:
            try:
                if not stat.S_ISREG(os.stat(path).st_mode):
                    return False
            except OSError:
                return False
        return True

    def input_bytes(self) -> int:
        total = 0
        for path in self.paths:
            try:
                st = os.stat(path)
            except OSError:
                continue
            if stat.S_ISREG(st.st_mode):
                total += st.st_size
        return total

    def count_records(self) -> int | None:
        """Records this shard will yield, counted cheaply; None when unknowable (pipes)."""
        if not self.checkable:
            return None
        if self.kind == "text":
            return len(self.paths)
        n = 0
        try:
            with open(self.paths[0], "rb") as fh:
                for raw in fh:
                    if raw.strip():
                        n += 1
        except OSError:
            return 1  # read_jsonl yields one error record for an unreadable file
        return n

    def signature(self, input_format: str, encoding: str) -> str:
        h = hashlib.sha256()
        h.update(json.dumps([MANIFEST_VERSION, self.kind, input_format, encoding]).encode())
        for path in self.paths:
            try:
                st = os.stat(path)
                entry = [os.path.abspath(path), st.st_size, st.st_mtime_ns]
            except OSError:
                entry = [os.path.abspath(path), None, None]
            h.update(json.dumps(entry).encode())
        return h.hexdigest()

    def records(self, encoding: str, stderr: TextIO) -> Iterator[InputRecord]:
        if self.kind == "jsonl":
            yield from read_jsonl(self.paths[0], encoding, stderr)
        elif self.kind == "text":
            for path in self.paths:
                yield read_text_file(path, encoding, stderr)
        elif self.input_format == "jsonl":
            yield from read_jsonl("-", encoding, stderr)
        else:
            yield read_text_file("-", encoding, stderr)


def is_shard_file(path: str) -> bool:
    """Whether ``path`` is a JSONL shard by its suffix (whatever ``--input-format`` says)."""
    return path.lower().endswith(SHARD_SUFFIXES)


# ---------------------------------------------------------------------- discovery
def discover_shards(
    inputs: list[str], input_format: str, stderr: TextIO, *, exclude_dir: str | None = None
) -> tuple[list[Shard], int]:
    """The shards of ``inputs`` in input order, and the number of inputs that matched nothing.

    Unmatched globs and missing paths are reported on stderr.
    """
    found = _ShardSet(input_format)
    missing = 0
    for path, kind in walk_inputs(inputs, exclude_dir=exclude_dir):
        if kind == STDIN:
            found.add_stdin()
        elif kind == NO_MATCH:
            missing += 1
            print(f"quotekit: error: {Errors.E013.format(pattern=path)}", file=stderr)
        elif kind == MISSING:
            missing += 1
            reason = "No such file or directory"
            print(
                f"quotekit: error: {path}: {Errors.E007.format(path=path, reason=reason)}",
                file=stderr,
            )
        elif kind == JSONL or (kind == NAMED and (is_shard_file(path) or input_format == "jsonl")):
            found.add_shard_file(path)
        else:
            found.add_text(path)
    assign_names(found.shards)
    return found.shards, missing


class _ShardSet:
    """The shards found so far, in order; the same file or directory is one shard."""

    def __init__(self, input_format: str) -> None:
        self.input_format = input_format
        self.shards: list[Shard] = []
        self.by_key: dict[tuple[str, str], Shard] = {}
        self.text_seen: dict[str, set[str]] = {}

    def _add(self, shard: Shard) -> Shard:
        self.by_key[(shard.kind, shard.key)] = shard
        self.shards.append(shard)
        return shard

    def add_stdin(self) -> None:
        if ("stdin", "-") not in self.by_key:
            self._add(Shard("stdin", "-", [], input_format=self.input_format))

    def add_shard_file(self, path: str) -> None:
        key = os.path.realpath(path)
        if ("jsonl", key) not in self.by_key:
            self._add(Shard("jsonl", key, [path]))

    def add_text(self, path: str) -> None:
        directory = os.path.realpath(os.path.dirname(os.path.abspath(path)))
        shard = self.by_key.get(("text", directory))
        if shard is None:
            shard = self._add(Shard("text", directory, []))
            self.text_seen[directory] = set()
        real = os.path.realpath(path)
        if real not in self.text_seen[directory]:
            self.text_seen[directory].add(real)
            shard.paths.append(path)


# ---------------------------------------------------------------------- names
def assign_names(shards: list[Shard]) -> None:
    """Give each shard a unique output file name derived from its path."""
    comps = [_name_parts(s) for s in shards]
    level = [1] * len(shards)
    hashed = [False] * len(shards)

    def name(i: int) -> str:
        base = "__".join(comps[i][-level[i] :])
        if hashed[i]:
            base += "-" + hashlib.sha1(shards[i].key.encode()).hexdigest()[:8]
        return base + ".jsonl"

    while True:
        seen: dict[str, list[int]] = {}
        for i in range(len(shards)):
            seen.setdefault(name(i).lower(), []).append(i)
        clashes = [ids for ids in seen.values() if len(ids) > 1]
        if not clashes:
            break
        for ids in clashes:
            for i in ids:
                if level[i] < len(comps[i]):
                    level[i] += 1
                else:
                    hashed[i] = True
        if all(hashed[i] for ids in clashes for i in ids) and len(
            {name(i).lower() for ids in clashes for i in ids}
        ) < sum(len(ids) for ids in clashes):
            # identical keys can't occur (shards are deduplicated); guard anyway
            for n, i in enumerate(i for ids in clashes for i in ids):
                comps[i] = comps[i] + [str(n)]
    for i, shard in enumerate(shards):
        shard.name = name(i)


def _name_parts(shard: Shard) -> list[str]:
    """The path components an output name is built from, last one first in use."""
    if shard.kind == "stdin":
        return ["stdin"]
    comps = [c for c in shard.key.replace("\\", "/").split("/") if c not in ("", ".")]
    if shard.kind == "jsonl":
        stem = os.path.splitext(comps[-1])[0] if comps else "shard"
        comps = comps[:-1] + [stem or "shard"]
    return comps or ["root"]
