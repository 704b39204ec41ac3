"""Corpus-scale extraction: ``quotekit extract ... --output-dir DIR``.

Inputs are files, directories and globs (expanded here with ``**`` support when
the shell did not). They are grouped into *shards*; each shard becomes one JSONL
file in the output directory, with one output record per input record, in input
order (a failed input gets an error record in its place).

Shards:

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

Atomicity and ``--resume``: a shard is written to a hidden temporary file in the
output directory (``.<name>.<pid>.tmp``), flushed and fsynced, then renamed over
``<name>`` with ``os.replace``; after the rename a sidecar manifest
``<name>.done`` (also written atomically) records the record count, the output
size, and a digest of the inputs' paths, sizes and modification times plus the
``--input-format``/``--encoding``. A shard is complete when its manifest exists,
matches the current inputs and the output file has the recorded size. With
``--resume`` complete shards are skipped; any other shard (no manifest, changed
input, output missing or of the wrong size, a stale temporary file left by a
killed run) is processed again from the start and replaced as a whole, so an
interrupted shard is never half kept. Without ``--resume`` every shard is redone.
Stdin and other non-regular inputs (pipes) can't be checked and are always redone.

One output directory must not be written by two runs at once.
"""

from __future__ import annotations

import argparse
import glob
import hashlib
import json
import os
import shutil
import stat
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, TextIO

from .cli import (
    EXIT_OK,
    EXIT_SOME_FAILED,
    InputRecord,
    process_records,
    read_jsonl,
    read_text_file,
)
from .errors import Errors, Warnings

#: Manifest format version (bump when the completeness rules change).
MANIFEST_VERSION = 1
MANIFEST_SUFFIX = ".done"
TMP_SUFFIX = ".tmp"
TEXT_SUFFIXES = (".txt",)
SHARD_SUFFIXES = (".jsonl",)
GLOB_CHARS = "*?["

#: ``(input record, output dict)`` pairs in input order, from records.
Processor = Callable[[Iterable[InputRecord]], Iterator[tuple[InputRecord, dict[str, Any]]]]


# ---------------------------------------------------------------------- shards
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


def _is_shard_file(path: str) -> bool:
    return path.lower().endswith(SHARD_SUFFIXES)


def _hidden(name: str) -> bool:
    return name.startswith(".")


def discover_shards(
    inputs: list[str], input_format: str, stderr: TextIO, *, exclude_dir: str | None = None
) -> tuple[list[Shard], int]:
    """The shards of ``inputs`` in input order, and the number of inputs that matched nothing.

    Unmatched globs and missing paths are reported on stderr.
    """
    shards: list[Shard] = []
    by_key: dict[tuple[str, str], Shard] = {}
    text_seen: dict[str, set[str]] = {}
    missing = 0
    exclude = os.path.realpath(exclude_dir) if exclude_dir else None

    def add_shard_file(path: str) -> None:
        key = ("jsonl", os.path.realpath(path))
        if key not in by_key:
            by_key[key] = Shard("jsonl", key[1], [path])
            shards.append(by_key[key])

    def add_text(path: str) -> None:
        directory = os.path.realpath(os.path.dirname(os.path.abspath(path)))
        key = ("text", directory)
        shard = by_key.get(key)
        if shard is None:
            shard = by_key[key] = Shard("text", directory, [])
            shards.append(shard)
            text_seen[directory] = set()
        real = os.path.realpath(path)
        if real not in text_seen[directory]:
            text_seen[directory].add(real)
            shard.paths.append(path)

    def add_file(path: str, walked: bool) -> None:
        if _is_shard_file(path):
            add_shard_file(path)
        elif walked:
            if path.lower().endswith(TEXT_SUFFIXES):
                add_text(path)
        elif input_format == "jsonl":
            add_shard_file(path)
        else:
            add_text(path)

    def walk(root: str) -> None:
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
                if not _hidden(name):
                    add_file(os.path.join(dirpath, name), walked=True)

    def add_path(path: str) -> None:
        if os.path.isdir(path):
            walk(path)
        else:
            add_file(path, walked=False)

    for item in inputs:
        if item == "-":
            if ("stdin", "-") not in by_key:
                by_key[("stdin", "-")] = Shard("stdin", "-", [], input_format=input_format)
                shards.append(by_key[("stdin", "-")])
        elif os.path.exists(item):
            add_path(item)
        elif any(c in item for c in GLOB_CHARS):
            matches = sorted(glob.glob(item, recursive=True))
            if not matches:
                missing += 1
                print(f"quotekit: error: {Errors.E013.format(pattern=item)}", file=stderr)
            for match in matches:
                add_path(match)
        else:
            missing += 1
            print(
                f"quotekit: error: {item}: "
                f"{Errors.E007.format(path=item, reason='No such file or directory')}",
                file=stderr,
            )
    assign_names(shards)
    return shards, missing


def assign_names(shards: list[Shard]) -> None:
    """Give each shard a unique output file name derived from its path."""

    def parts(shard: Shard) -> list[str]:
        if shard.kind == "stdin":
            return ["stdin"]
        path = shard.key
        comps = [c for c in path.replace("\\", "/").split("/") if c not in ("", ".")]
        if shard.kind == "jsonl":
            stem = os.path.splitext(comps[-1])[0] if comps else "shard"
            comps = comps[:-1] + [stem or "shard"]
        return comps or ["root"]

    comps = [parts(s) for s in shards]
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


# ---------------------------------------------------------------------- output
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
        self._fh = None

    def _open(self):
        if self._fh is None:
            # an older manifest must not vouch for the new output during the swap
            try:
                os.unlink(manifest_path(self.out_dir, self.shard))
            except FileNotFoundError:
                pass
            self._fh = open(self.tmp, "w", encoding="utf-8", newline="\n")  # noqa: SIM115
        return self._fh

    def write(self, out: dict[str, Any]) -> None:
        self._open().write(json.dumps(out, ensure_ascii=False) + "\n")
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
        manifest = {
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
        if self.signature is not None:  # stdin and pipes are never "complete"
            _write_atomic(
                manifest_path(self.out_dir, self.shard),
                (json.dumps(manifest, indent=1) + "\n").encode("utf-8"),
            )
        self._fh = None

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


# ---------------------------------------------------------------------- progress
class Progress:
    """A one-line progress bar on ``stream``: articles/s, words/s, ETA.

    Silent unless ``enabled`` and ``stream`` is a terminal; redrawn at most every
    ``interval`` seconds.
    """

    def __init__(
        self,
        stream: TextIO,
        total: int | None,
        *,
        enabled: bool = True,
        interval: float = 0.25,
        clock: Callable[[], float] = time.monotonic,
    ):
        isatty = getattr(stream, "isatty", None)
        self.enabled = bool(enabled and isatty and isatty())
        self.stream = stream
        self.total = total
        self.interval = interval
        self.clock = clock
        self.start = clock()
        self.articles = 0
        self.words = 0
        self.failed = 0
        self._last_draw = float("-inf")
        self._width = 0
        self.draws = 0

    def update(self, articles: int = 1, words: int = 0, failed: int = 0) -> None:
        self.articles += articles
        self.words += words
        self.failed += failed
        if self.enabled:
            now = self.clock()
            if now - self._last_draw >= self.interval:
                self._last_draw = now
                self._draw(now)

    def elapsed(self) -> float:
        return max(self.clock() - self.start, 1e-9)

    def line(self, now: float | None = None) -> str:
        elapsed = max((self.clock() if now is None else now) - self.start, 1e-9)
        art_rate = self.articles / elapsed
        word_rate = self.words / elapsed
        if self.total:
            pct = min(100.0, 100.0 * self.articles / self.total)
            done = f"{self.articles:,}/{self.total:,} articles {pct:3.0f}%"
            bar_len = 20
            filled = int(bar_len * pct / 100)
            done = f"[{'#' * filled}{'.' * (bar_len - filled)}] " + done
            remaining = max(self.total - self.articles, 0)
            eta = _hms(remaining / art_rate) if art_rate > 0 else "?"
        else:
            done, eta = f"{self.articles:,} articles", "?"
        text = f"{done} | {art_rate:,.1f} articles/s | {word_rate:,.0f} words/s | ETA {eta}"
        if self.failed:
            text += f" | {self.failed:,} failed"
        return text

    def _draw(self, now: float) -> None:
        text = self.line(now)
        cols = shutil.get_terminal_size((100, 20)).columns
        text = text[: max(cols - 1, 20)]
        pad = max(self._width - len(text), 0)
        self._width = len(text)
        self.stream.write("\r" + text + " " * pad)
        self.stream.flush()
        self.draws += 1

    def close(self) -> None:
        if self.enabled and self.draws:
            self._draw(self.clock())
            self.stream.write("\n")
            self.stream.flush()


def _hms(seconds: float) -> str:
    seconds = round(seconds)
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}"


def _words(text: str | None) -> int:
    return len(text.split()) if text else 0


# ---------------------------------------------------------------------- running
@contextmanager
def local_processor(args: argparse.Namespace) -> Iterator[Processor]:
    """``nlp.pipe`` in this process (with ``--n-process`` worker processes)."""
    from .api import default_nlp

    nlp = default_nlp()

    def process(records: Iterable[InputRecord]):
        return process_records(
            records, nlp=nlp, n_process=args.n_process, batch_size=args.batch_size
        )

    yield process


def run_batch(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    """``quotekit extract`` with ``--output-dir``, ``--scheduler`` or ``--dask-workers``."""
    paths = list(args.files or ["-"])
    if getattr(args, "scheduler", None) or getattr(args, "dask_workers", None):
        from .dask import run_dask

        return run_dask(paths, args, stdout, stderr)
    return execute(paths, args, stdout, stderr, local_processor)


def execute(
    paths: list[str],
    args: argparse.Namespace,
    stdout: TextIO,
    stderr: TextIO,
    backend: Callable[[argparse.Namespace], Any],
) -> int:
    """Discover shards, skip complete ones, run the rest through ``backend``, write output.

    backend: called with ``args`` only when there is work; a context manager that
        yields a ``Processor``.
    """
    quiet = bool(getattr(args, "quiet", False))
    out_dir = getattr(args, "output_dir", None)
    input_format = getattr(args, "input_format", "text")
    encoding = getattr(args, "encoding", "utf-8")
    resume = bool(getattr(args, "resume", False))
    started = time.monotonic()
    if resume and not out_dir and not quiet:
        print("quotekit: warning: " + Warnings.W005, file=stderr)
    if out_dir:
        try:
            os.makedirs(out_dir, exist_ok=True)
            if not os.access(out_dir, os.W_OK):
                raise PermissionError("not writable")
        except OSError as exc:
            print(
                "quotekit: error: "
                + Errors.E016.format(path=out_dir, reason=getattr(exc, "strerror", None) or exc),
                file=stderr,
            )
            return 2

    shards, missing = discover_shards(paths, input_format, stderr, exclude_dir=out_dir)
    todo: list[Shard] = []
    skipped: list[Shard] = []
    skipped_failed = skipped_records = 0
    for shard in shards:
        if out_dir and resume and is_complete(out_dir, shard, input_format, encoding):
            skipped.append(shard)
            manifest = read_manifest(out_dir, shard) or {}
            skipped_failed += int(manifest.get("failed") or 0)
            skipped_records += int(manifest.get("records") or 0)
        else:
            todo.append(shard)

    counts = [s.count_records() for s in todo]
    total = None if any(c is None for c in counts) else sum(counts)  # type: ignore[arg-type]
    progress = Progress(stderr, total, enabled=not quiet)
    writers: dict[int, ShardWriter] = {}

    def writer(idx: int) -> ShardWriter:
        if idx not in writers:
            shard = todo[idx]
            sig = shard.signature(input_format, encoding) if shard.checkable else None
            writers[idx] = ShardWriter(out_dir, shard, sig)  # type: ignore[arg-type]
        return writers[idx]

    def finish(idx: int) -> None:
        if out_dir:
            writer(idx).commit()
            del writers[idx]

    # which shard each record belongs to, and whether it is the shard's last
    route: deque[tuple[int, bool]] = deque()

    def records() -> Iterator[InputRecord]:
        for idx, shard in enumerate(todo):
            if out_dir:
                remove_stale_temps(out_dir, shard)
            it = iter(shard.records(encoding, stderr))
            try:
                current = next(it)
            except StopIteration:
                finish(idx)  # an empty shard still gets its (empty) output
                continue
            for upcoming in it:
                route.append((idx, False))
                yield current
                current = upcoming
            route.append((idx, True))
            yield current

    failed = 0
    articles = 0
    try:
        if todo:
            with backend(args) as process:
                progress.start = time.monotonic()
                for rec, out in process(records()):
                    idx, last = route.popleft()
                    is_error = bool(out.get("error"))
                    failed += is_error
                    articles += 1
                    if out_dir:
                        writer(idx).write(out)
                    else:
                        stdout.write(json.dumps(out, ensure_ascii=False) + "\n")
                    progress.update(1, _words(rec.text), int(is_error))
                    if last:
                        finish(idx)
    except BaseException:
        for w in writers.values():
            w.abort()
        progress.close()
        raise
    progress.close()
    if not out_dir:
        stdout.flush()

    failures = failed + skipped_failed + missing
    if not quiet:
        elapsed = time.monotonic() - started
        work = max(time.monotonic() - progress.start, 1e-9)
        parts = [
            (
                f"quotekit: {articles:,} articles ({failed:,} failed) from {len(todo):,} "
                f"shard(s) in {elapsed:.1f}s"
            )
        ]
        if articles:
            parts.append(f"{articles / work:,.1f} articles/s, {progress.words / work:,.0f} words/s")
        if skipped:
            parts.append(
                f"{len(skipped):,} complete shard(s) skipped ({skipped_records:,} "
                f"records, {skipped_failed:,} failed)"
            )
        if missing:
            parts.append(f"{missing} input(s) not found")
        if out_dir:
            parts.append(f"output in {out_dir}")
        print("; ".join(parts), file=stderr)
    if not shards and not missing:
        return EXIT_OK
    return EXIT_SOME_FAILED if failures else EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    from .cli import main

    sys.exit(main())
