"""Running ``quotekit extract``: records through the pipeline, in input order.

* ``run_stream``: every output record to stdout as json, jsonl, a table, or CSV rows
  of quotes, with a progress bar on stderr when it is a terminal.
* ``run_local``: ``--output-dir``, one output per shard (``quotekit.corpus.shards``):
  ``<shard>.jsonl``, ``<shard>.csv``, or ``<table>/<shard>.parquet`` for every table,
  written atomically with a manifest for ``--resume`` that also records the
  provenance (``quotekit.corpus.writer``), with a progress bar; the pipeline runs
  here (``--n-process`` worker processes).
* ``execute``: the shard run itself, on any backend that turns input records into
  output records (``local_processor`` here, Dask in ``quotekit.corpus.dask``).

A failed input (unreadable, or one the pipeline fails on) gets an error record in
its place and the run goes on; the exit code is 1 when any record failed, 2 for a
usage error (an unusable output directory), 3 when quotekit itself failed (see
``quotekit.cli``), 0 otherwise.
"""

from __future__ import annotations

import argparse
import os
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field
from typing import Any, TextIO

from .. import api
from ..errors import Errors, QuotekitError, Warnings
from ..model import ArticleError
from ..optional import require
from ..provenance import provenance, provenance_metadata
from .formats import DIRECTORY_FORMATS, StreamWriter
from .inputs import InputRecord, error_dict, error_info, error_output, iter_inputs
from .progress import Progress
from .shards import Shard, discover_shards
from .writer import (
    CsvShardWriter,
    ParquetShardWriter,
    ShardWriter,
    is_complete,
    output_format,
    read_manifest,
    remove_stale_temps,
)

#: Exit codes of ``quotekit extract`` (and render): every record came out fine ...
EXIT_OK = 0
#: ... some records are error records (the input could not be read or processed) ...
EXIT_SOME_FAILED = 1
#: ... the command line is wrong (an unknown option, an unusable output directory) ...
EXIT_USAGE = 2
#: ... or quotekit stopped on an internal error (a bug, or a worker process that died).
EXIT_INTERNAL = 3

#: ``(input record, output dict)`` pairs in input order, from records.
Processor = Callable[[Iterable[InputRecord]], Iterator[tuple[InputRecord, dict[str, Any]]]]
#: Called with the parsed arguments when there is work: a context manager that
#: yields a ``Processor``.
Backend = Callable[[argparse.Namespace], AbstractContextManager[Processor]]


def process_records(
    records: Iterable[InputRecord],
    *,
    nlp=None,
    n_process: int = 1,
    batch_size: int = 16,
    stderr: TextIO | None = None,
) -> Iterator[tuple[InputRecord, dict[str, Any]]]:
    """``(input, output dict)`` pairs in input order; failed inputs get error records.

    An input that cannot be read, and an article the pipeline fails on, both get an
    error record (with its code: E100 for a processing failure) and the run goes on;
    a processing failure is reported on ``stderr`` like an input problem.
    """
    order: deque[InputRecord] = deque()

    def texts() -> Iterator[tuple[str, str | None]]:
        for rec in records:
            order.append(rec)
            if rec.error is None:
                yield rec.text, rec.id  # type: ignore[misc]

    for article in api.extract_many(
        texts(), n_process=n_process, batch_size=batch_size, nlp=nlp, on_error="record"
    ):
        while order and order[0].error is not None:
            rec = order.popleft()
            yield rec, error_output(rec)
        rec = order.popleft()
        if isinstance(article, ArticleError):
            yield rec, _failed_output(rec, article, stderr)
        else:
            yield rec, dict(article.to_dict())
    while order:
        rec = order.popleft()
        yield rec, error_output(rec)


def _failed_output(
    rec: InputRecord, article: ArticleError, stderr: TextIO | None
) -> dict[str, Any]:
    """The error record of an input the pipeline failed on, reported on ``stderr``."""
    if stderr is not None:
        print(f"quotekit: error: {rec.origin}: {article.message}", file=stderr)
    return error_dict(rec.id, error_info(article.code, article.message, rec.origin))


# ---------------------------------------------------------------------- stdout
def run_stream(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    """``quotekit extract`` without ``--output-dir``: records to stdout in ``args.format``."""
    if not format_usable(args, stderr):
        return EXIT_USAGE
    records = iter_inputs(args.files or ["-"], args.input_format, args.encoding, stderr)
    nlp = api.default_nlp()
    failed = 0
    if getattr(args, "resume", False) and not getattr(args, "quiet", False):
        print("quotekit: warning: " + Warnings.W005, file=stderr)
    sink = StreamWriter(args.format, stdout)
    progress = Progress(stderr, None, enabled=not getattr(args, "quiet", False))
    # records and bar on one terminal: the bar is cleared while a record is written
    to_terminal = progress.enabled and _isatty(stdout)
    try:
        for rec, out in process_records(
            records, nlp=nlp, n_process=args.n_process, batch_size=args.batch_size, stderr=stderr
        ):
            is_error = bool(out.get("error"))
            failed += is_error
            if to_terminal:
                with progress.writing(stdout):
                    sink.write(out)
            else:
                sink.write(out)
            progress.update(1, _words(rec.text), int(is_error))
    finally:
        progress.close()
    sink.close()
    if failed:
        print(f"quotekit: {failed} input(s) failed; see the error records", file=stderr)
        return EXIT_SOME_FAILED
    return EXIT_OK


def format_usable(args: argparse.Namespace, stderr: TextIO) -> bool:
    """Report (E122, E090) and RETURN False when ``--format`` cannot be written here."""
    fmt = getattr(args, "format", "jsonl")
    if fmt in DIRECTORY_FORMATS and not getattr(args, "output_dir", None):
        print("quotekit: error: " + Errors.E122.format(format=fmt), file=stderr)
        return False
    if fmt == "parquet":
        try:
            require("pandas", "quotekit extract --format parquet")
            require("pyarrow.parquet", "quotekit extract --format parquet")
        except QuotekitError as exc:
            print(f"quotekit: error: {exc}", file=stderr)
            return False
    return True


def _isatty(stream: TextIO) -> bool:
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


# ---------------------------------------------------------------------- shards
@contextmanager
def local_processor(args: argparse.Namespace, stderr: TextIO | None = None) -> Iterator[Processor]:
    """``nlp.pipe`` in this process (with ``--n-process`` worker processes)."""
    nlp = api.default_nlp()

    def process(records: Iterable[InputRecord]):
        return process_records(
            records, nlp=nlp, n_process=args.n_process, batch_size=args.batch_size, stderr=stderr
        )

    yield process


def run_local(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    """``quotekit extract --output-dir``: the shard run with the pipeline in this process."""
    return execute(
        list(args.files or ["-"]), args, stdout, stderr, lambda a: local_processor(a, stderr)
    )


@dataclass
class RunOptions:
    """What a shard run takes from the command line."""

    out_dir: str | None = None
    input_format: str = "text"
    encoding: str = "utf-8"
    resume: bool = False
    quiet: bool = False
    #: ``--format``: with an output directory, csv and parquet are written as such
    #: and any other format as JSONL; on stdout, csv as CSV and the others as JSONL.
    format: str = "jsonl"

    @classmethod
    def from_args(cls, args: argparse.Namespace) -> RunOptions:
        return cls(
            out_dir=getattr(args, "output_dir", None),
            input_format=getattr(args, "input_format", "text"),
            encoding=getattr(args, "encoding", "utf-8"),
            resume=bool(getattr(args, "resume", False)),
            quiet=bool(getattr(args, "quiet", False)),
            format=getattr(args, "format", None) or "jsonl",
        )

    @property
    def output(self) -> str:
        """The kind of shard output: jsonl, csv or parquet."""
        return output_format(self.format)


@dataclass
class RunPlan:
    """The shards of a run: those to do, and those ``--resume`` finds complete."""

    shards: list[Shard]
    missing: int  # inputs that matched nothing
    todo: list[Shard] = field(default_factory=list)
    skipped: list[Shard] = field(default_factory=list)
    skipped_records: int = 0
    skipped_failed: int = 0


def execute(
    paths: list[str],
    args: argparse.Namespace,
    stdout: TextIO,
    stderr: TextIO,
    backend: Backend,
) -> int:
    """Discover shards, skip complete ones, run the rest through ``backend``, write output.

    backend: called with ``args`` only when there is work; a context manager that
        yields a ``Processor``.
    RETURNS (int): the exit code.
    """
    opts = RunOptions.from_args(args)
    started = time.monotonic()
    if opts.resume and not opts.out_dir and not opts.quiet:
        print("quotekit: warning: " + Warnings.W005, file=stderr)
    if not format_usable(args, stderr):
        return EXIT_USAGE
    if opts.out_dir and not _usable_output_dir(opts.out_dir, stderr):
        return EXIT_USAGE
    plan = plan_run(paths, opts, stderr)
    run = ShardRun(plan.todo, opts, stdout, stderr)
    run.run(backend, args)
    if not opts.quiet:
        print(_summary(run, plan, opts, started), file=stderr)
    if not plan.shards and not plan.missing:
        return EXIT_OK
    failures = run.failed + plan.skipped_failed + plan.missing
    return EXIT_SOME_FAILED if failures else EXIT_OK


def _usable_output_dir(out_dir: str, stderr: TextIO) -> bool:
    """Create ``out_dir`` if missing; report (E016) and RETURN False when it is unusable."""
    try:
        os.makedirs(out_dir, exist_ok=True)
    except OSError as exc:
        reason: object = exc.strerror or exc
    else:
        if os.access(out_dir, os.W_OK):
            return True
        reason = "not writable"
    print("quotekit: error: " + Errors.E016.format(path=out_dir, reason=reason), file=stderr)
    return False


def plan_run(paths: list[str], opts: RunOptions, stderr: TextIO) -> RunPlan:
    """The shards of ``paths``; with ``--resume``, the complete ones are set aside."""
    shards, missing = discover_shards(paths, opts.input_format, stderr, exclude_dir=opts.out_dir)
    plan = RunPlan(shards, missing)
    for shard in shards:
        if (
            opts.out_dir
            and opts.resume
            and is_complete(opts.out_dir, shard, opts.input_format, opts.encoding, opts.output)
        ):
            plan.skipped.append(shard)
            manifest = read_manifest(opts.out_dir, shard, opts.output) or {}
            plan.skipped_failed += int(manifest.get("failed") or 0)
            plan.skipped_records += int(manifest.get("records") or 0)
        else:
            plan.todo.append(shard)
    return plan


class ShardRun:
    """One pass over the shards to do: each output record goes to its shard's writer
    (or to stdout without an output directory), each shard is committed when its
    last record is written, and everything unfinished is dropped when the run fails."""

    def __init__(self, todo: list[Shard], opts: RunOptions, stdout: TextIO, stderr: TextIO):
        self.todo = todo
        self.opts = opts
        self.stdout = stdout
        self.stderr = stderr
        counts = [s.count_records() for s in todo]
        total = None if any(c is None for c in counts) else sum(counts)  # type: ignore[arg-type]
        self.progress = Progress(stderr, total, enabled=not opts.quiet)
        self.writers: dict[int, ShardWriter] = {}
        self.sink: StreamWriter | None = None
        if not opts.out_dir:
            self.sink = StreamWriter("csv" if opts.format == "csv" else "jsonl", stdout)
        self._provenance: tuple[dict[str, Any] | None, dict[str, str]] | None = None
        # which shard each record belongs to, and whether it is the shard's last
        self.route: deque[tuple[int, bool]] = deque()
        self.failed = 0
        self.articles = 0

    def run(self, backend: Backend, args: argparse.Namespace) -> None:
        try:
            if self.todo:
                with backend(args) as process:
                    self.progress.restart()
                    for rec, out in process(self.records()):
                        self.emit(rec, out)
        except BaseException:
            for w in self.writers.values():
                w.abort()
            self.progress.close()
            raise
        self.progress.close()
        if self.sink is not None:
            self.sink.close()

    def records(self) -> Iterator[InputRecord]:
        """The input records of every shard to do, routed as they go."""
        for idx, shard in enumerate(self.todo):
            if self.opts.out_dir:
                remove_stale_temps(self.opts.out_dir, shard, self.opts.output)
            it = iter(shard.records(self.opts.encoding, self.stderr))
            try:
                current = next(it)
            except StopIteration:
                self.finish(idx)  # an empty shard still gets its (empty) output
                continue
            for upcoming in it:
                self.route.append((idx, False))
                yield current
                current = upcoming
            self.route.append((idx, True))
            yield current

    def emit(self, rec: InputRecord, out: dict[str, Any]) -> None:
        idx, last = self.route.popleft()
        is_error = bool(out.get("error"))
        self.failed += is_error
        self.articles += 1
        if self.sink is None:
            self.writer(idx).write(out)
        else:
            self.sink.write(out)
        self.progress.update(1, _words(rec.text), int(is_error))
        if last:
            self.finish(idx)

    def writer(self, idx: int) -> ShardWriter:
        if idx not in self.writers:
            shard = self.todo[idx]
            opts = self.opts
            sig = shard.signature(opts.input_format, opts.encoding) if shard.checkable else None
            prov, meta = self.provenance()
            out_dir: str = opts.out_dir  # type: ignore[assignment]
            if opts.output == "parquet":
                self.writers[idx] = ParquetShardWriter(out_dir, shard, sig, prov, meta)
            elif opts.output == "csv":
                self.writers[idx] = CsvShardWriter(out_dir, shard, sig, prov)
            else:
                self.writers[idx] = ShardWriter(out_dir, shard, sig, prov)
        return self.writers[idx]

    def provenance(self) -> tuple[dict[str, Any] | None, dict[str, str]]:
        """What produces the output (``quotekit.provenance``), for manifests and Parquet
        metadata: the default pipeline's, as the backends run it."""
        if self._provenance is None:
            nlp = api.default_nlp()
            if nlp is None:  # a stand-in backend (tests) has no pipeline to describe
                self._provenance = (None, {})
            else:
                self._provenance = (provenance(nlp), provenance_metadata(nlp))
        return self._provenance

    def finish(self, idx: int) -> None:
        if self.opts.out_dir:
            self.writer(idx).commit()
            del self.writers[idx]


def _summary(run: ShardRun, plan: RunPlan, opts: RunOptions, started: float) -> str:
    """The closing line: articles, failures, rates, skipped shards, missing inputs."""
    elapsed = time.monotonic() - started
    work = max(time.monotonic() - run.progress.start, 1e-9)
    articles = run.articles
    parts = [
        (
            f"quotekit: {articles:,} articles ({run.failed:,} failed) from {len(plan.todo):,} "
            f"shard(s) in {elapsed:.1f}s"
        )
    ]
    if articles:
        parts.append(f"{articles / work:,.1f} articles/s, {run.progress.words / work:,.0f} words/s")
    if plan.skipped:
        parts.append(
            f"{len(plan.skipped):,} complete shard(s) skipped ({plan.skipped_records:,} "
            f"records, {plan.skipped_failed:,} failed)"
        )
    if plan.missing:
        parts.append(f"{plan.missing} input(s) not found")
    if opts.out_dir:
        parts.append(f"output in {opts.out_dir}")
    return "; ".join(parts)


def _words(text: str | None) -> int:
    return len(text.split()) if text else 0
