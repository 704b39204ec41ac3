"""The ``quotekit`` command: extract, eval, render.

    quotekit extract FILE... [--format json|jsonl|table|csv|parquet] [--input-format text|jsonl]
    quotekit eval GOLD... [--baseline textacy]
    quotekit render FILE... > page.html

This module only parses the command line and hands the parsed arguments to the
library: corpus runs to ``quotekit.corpus``, scoring to ``quotekit.evaluate``, the
HTML view to ``quotekit.render``. Nothing imports it.

Input problems (a missing file, a malformed JSONL line, a line without ``text``)
and articles the pipeline fails on are reported on stderr with file and line, an
error record (with its code) takes the input's place in the output (so output
records equal input records in number and order), the rest still runs, and the
exit code is 1. Exit codes: 0 all records fine, 1 some records failed, 2 usage
error, 3 internal failure (a bug, or a worker process that died: E107 and the
traceback on stderr; complete shards of ``--output-dir`` are kept for ``--resume``).
"""

from __future__ import annotations

import argparse
import sys
import textwrap
import traceback
import warnings
from typing import TextIO

from .api import default_nlp, extract_many
from .corpus.dask import run_dask
from .corpus.formats import FORMAT_HELP, FORMATS
from .corpus.inputs import iter_inputs, known_encoding
from .corpus.runner import EXIT_INTERNAL, EXIT_OK, EXIT_SOME_FAILED, run_local, run_stream
from .errors import Errors
from .evaluate import add_eval_arguments, eval_command
from .render import render_html


# ---------------------------------------------------------------------- commands
def cmd_extract(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    if getattr(args, "scheduler", None) or getattr(args, "dask_workers", None):
        return run_dask(list(args.files or ["-"]), args, stdout, stderr)
    if getattr(args, "output_dir", None):
        return run_local(args, stdout, stderr)
    return run_stream(args, stdout, stderr)


def cmd_eval(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    return eval_command(args)


def cmd_render(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    records = list(iter_inputs(args.files, args.input_format, args.encoding, stderr))
    ok = [r for r in records if r.error is None]
    articles = list(extract_many([(r.text or "", r.id) for r in ok], nlp=default_nlp()))
    for rec, article in zip(ok, articles):
        if article.error:
            print(f"quotekit: error: {rec.origin}: {article.error['message']}", file=stderr)
    stdout.write(render_html(articles))
    failed = len(records) - len(ok) + sum(1 for a in articles if a.error)
    return EXIT_SOME_FAILED if failed else EXIT_OK


# ---------------------------------------------------------------------- parser
EXIT_CODES = """exit codes:
  0  every record came out fine
  1  some records are error records (an input could not be read or processed)
  2  usage error (bad option, unusable --output-dir, --format parquet without
     --output-dir or without pyarrow)
  3  internal failure (a bug, or a worker process died): E107 and a traceback on
     stderr; complete --output-dir shards are kept, so --resume goes on from them"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="quotekit",
        description="Who said what, through which news organisation: quotes, speakers, "
        "sources and entities from English news.",
    )
    parser.add_argument(
        "--version", action="version", version=f"quotekit {__import__('quotekit').__version__}"
    )
    sub = parser.add_subparsers(dest="command", required=True)
    _add_extract_arguments(
        sub.add_parser(
            "extract",
            help="extract quotes, speakers, sources and entities",
            description="Extract quotes, speakers, sources and entities. An input that "
            "cannot be read or processed gets an error record (with its code) in its "
            "place, and the run goes on.",
            epilog=_extract_epilog(),
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
    )
    ev = sub.add_parser("eval", help="score quotekit on gold annotations")
    add_eval_arguments(ev)
    ev.set_defaults(func=cmd_eval)

    rd = sub.add_parser("render", help="write a self-contained HTML page of the articles")
    rd.add_argument("files", nargs="+", metavar="FILE")
    rd.add_argument("--input-format", choices=("text", "jsonl"), default="text")
    rd.add_argument("--encoding", default="utf-8")
    rd.set_defaults(func=cmd_render)
    return parser


_EXTRACT_EXAMPLES = """\
examples:
  quotekit extract article.txt                      one article, JSON on stdout
  quotekit extract articles/ --format table         a readable view of each article
  quotekit extract corpus.jsonl --input-format jsonl --format jsonl > out.jsonl
  quotekit extract corpus.jsonl --input-format jsonl --format csv > quotes.csv
  quotekit extract 'shards/*.jsonl' --output-dir out/ --n-process 2 --resume
  quotekit extract 'shards/*.jsonl' --format parquet --output-dir tables/
      then: pandas.read_parquet("tables/quotes"), or in DuckDB
      select * from 'tables/quotes/*.parquet'
"""


def _extract_epilog() -> str:
    formats = "\n".join(f"  {name:<8} {_wrap(text, 67, 11)}" for name, text in FORMAT_HELP.items())
    provenance = (
        "provenance: with --output-dir, each shard's manifest (<shard>.jsonl.done,\n"
        "  <shard>.csv.done, <shard>.parquet.done) records the quotekit version, the\n"
        "  model and its version and the component config; Parquet files also carry\n"
        "  it in their metadata (quotekit.provenance.provenance_from_metadata)."
    )
    return f"{_EXTRACT_EXAMPLES}\nformats (--format):\n{formats}\n\n{provenance}\n\n{EXIT_CODES}\n"


def _wrap(text: str, width: int, indent: int) -> str:
    return ("\n" + " " * indent).join(textwrap.wrap(text, width))


def _add_extract_arguments(ex: argparse.ArgumentParser) -> None:
    ex.add_argument(
        "files",
        nargs="*",
        metavar="FILE",
        help="article files, JSONL shards, directories or globs ('-' = stdin)",
    )
    ex.add_argument(
        "--format",
        choices=FORMATS,
        default="json",
        help="what to write (default json; see 'formats' below)",
    )
    ex.add_argument("--input-format", choices=("text", "jsonl"), default="text")
    ex.add_argument("--encoding", default="utf-8", help="input encoding (default utf-8)")
    ex.add_argument(
        "--n-process",
        type=int,
        default=1,
        help="worker processes; each takes a batch of texts at a time (default 1)",
    )
    ex.add_argument(
        "--batch-size",
        type=int,
        default=16,
        help="texts per batch, and per worker task with --n-process (default 16)",
    )
    ex.add_argument(
        "--output-dir",
        metavar="DIR",
        help="write one output per input shard here (JSONL, or as --format csv/parquet "
        "says), atomically, with a manifest per shard",
    )
    ex.add_argument(
        "--resume",
        action="store_true",
        help="with --output-dir: skip shards whose output is complete",
    )
    ex.add_argument("--quiet", action="store_true", help="no progress bar")
    ex.add_argument("--scheduler", help="run on the Dask scheduler at this address")
    ex.add_argument("--dask-workers", type=int, help="run on a local Dask cluster of N workers")
    ex.set_defaults(func=cmd_extract)


def main(
    argv: list[str] | None = None, stdout: TextIO | None = None, stderr: TextIO | None = None
) -> int:
    stdout = stdout or sys.stdout
    stderr = stderr or sys.stderr
    parser = build_parser()
    args = parser.parse_args(argv)
    if getattr(args, "n_process", 1) is not None and getattr(args, "n_process", 1) < 1:
        parser.error("--n-process must be at least 1")
    if getattr(args, "batch_size", 1) is not None and getattr(args, "batch_size", 1) < 1:
        parser.error("--batch-size must be at least 1")
    if getattr(args, "encoding", None) is not None and not known_encoding(args.encoding):
        parser.error(
            f"unknown encoding {args.encoding!r}; pass a Python codec name such "
            "as utf-8, latin-1 or cp1252"
        )
    try:
        with warnings.catch_warnings():
            # The command reports each failed record itself (stderr, the error record).
            warnings.filterwarnings("ignore", message=r"\[W010\]")
            return args.func(args, stdout, stderr)
    except BrokenPipeError:
        return EXIT_OK
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # noqa: BLE001  an internal failure: say so, exit 3
        print(
            "quotekit: error: " + Errors.E107.format(reason=f"{type(exc).__name__}: {exc}"),
            file=stderr,
        )
        traceback.print_exc(file=stderr)
        return EXIT_INTERNAL


if __name__ == "__main__":
    sys.exit(main())
