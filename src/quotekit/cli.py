"""The ``quotekit`` command: extract, eval, render.

    quotekit extract FILE... [--format json|jsonl|table] [--input-format text|jsonl]
    quotekit eval GOLD... [--baseline textacy]
    quotekit render FILE... > page.html

Input problems (a missing file, a malformed JSONL line, a line without ``text``)
are reported on stderr with file and line, an error record takes the input's
place in the output (so output records equal input records in number and
order), the rest still runs, and the exit code is 1.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, TextIO

from .errors import Errors, Warnings

EXIT_OK = 0
EXIT_SOME_FAILED = 1
EXIT_USAGE = 2


@dataclass
class InputRecord:
    """One article to process, or the error that stands in its place."""

    id: str | None
    text: str | None
    origin: str  # "path" or "path:line"
    error: dict[str, Any] | None = None


def read_text_file(path: str, encoding: str, stderr: TextIO) -> InputRecord:
    """One article from a text file ('-' is stdin); undecodable bytes are replaced."""
    try:
        if path == "-":
            data = sys.stdin.buffer.read()
        else:
            with open(path, "rb") as fh:
                data = fh.read()
    except OSError as exc:
        return _error_record(
            path, path, "E007", Errors.E007.format(path=path, reason=exc.strerror or exc), stderr
        )
    return InputRecord(id=path, text=_decode(data, encoding, path, stderr), origin=path)


def read_jsonl(path: str, encoding: str, stderr: TextIO) -> Iterator[InputRecord]:
    """Articles from a JSONL file: one ``{"id": ..., "text": ...}`` object a line."""
    try:
        fh = sys.stdin.buffer if path == "-" else open(path, "rb")  # noqa: SIM115 closed below
    except OSError as exc:
        yield _error_record(
            path, path, "E007", Errors.E007.format(path=path, reason=exc.strerror or exc), stderr
        )
        return
    warned = False
    try:
        for lineno, raw in enumerate(fh, 1):
            if not raw.strip():
                continue
            try:
                line = raw.decode(encoding)
            except (UnicodeDecodeError, LookupError):
                line = raw.decode(encoding if _known(encoding) else "utf-8", errors="replace")
                if not warned:
                    print(
                        "quotekit: warning: " + Warnings.W001.format(path=path, encoding=encoding),
                        file=stderr,
                    )
                    warned = True
            origin = f"{path}:{lineno}"
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                yield _error_record(
                    None,
                    origin,
                    "E008",
                    Errors.E008.format(line=lineno, path=path, reason=f"invalid JSON: {exc.msg}"),
                    stderr,
                )
                continue
            if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
                rid = obj.get("id") if isinstance(obj, dict) else None
                reason = (
                    "no 'text' string"
                    if isinstance(obj, dict)
                    else f"a JSON {type(obj).__name__}, not an object"
                )
                yield _error_record(
                    _id(rid),
                    origin,
                    "E008",
                    Errors.E008.format(line=lineno, path=path, reason=reason),
                    stderr,
                )
                continue
            yield InputRecord(id=_id(obj.get("id")), text=obj["text"], origin=origin)
    finally:
        if fh is not sys.stdin.buffer:
            fh.close()


def _id(value: Any) -> str | None:
    return None if value is None else str(value)


def _known(encoding: str) -> bool:
    import codecs

    try:
        codecs.lookup(encoding)
        return True
    except LookupError:
        return False


def _decode(data: bytes, encoding: str, path: str, stderr: TextIO) -> str:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        print(
            "quotekit: warning: " + Warnings.W001.format(path=path, encoding=encoding), file=stderr
        )
        return data.decode(encoding if _known(encoding) else "utf-8", errors="replace")


def _error_record(
    rid: str | None, origin: str, code: str, message: str, stderr: TextIO
) -> InputRecord:
    print(f"quotekit: error: {origin}: {message}", file=stderr)
    return InputRecord(
        id=rid, text=None, origin=origin, error={"code": code, "message": message, "input": origin}
    )


def error_output(rec: InputRecord) -> dict[str, Any]:
    """The output record that stands in for an input that failed."""
    return {"id": rec.id, "error": rec.error, "quotes": [], "entities": [], "sources": []}


def process_records(
    records: Iterable[InputRecord], *, nlp=None, n_process: int = 1, batch_size: int = 16
) -> Iterator[tuple[InputRecord, dict[str, Any]]]:
    """``(input, output dict)`` pairs in input order; failed inputs get error records."""
    from .api import extract_many

    order: deque[InputRecord] = deque()

    def texts() -> Iterator[tuple[str, str | None]]:
        for rec in records:
            order.append(rec)
            if rec.error is None:
                yield rec.text, rec.id  # type: ignore[misc]

    for article in extract_many(texts(), n_process=n_process, batch_size=batch_size, nlp=nlp):
        while order and order[0].error is not None:
            rec = order.popleft()
            yield rec, error_output(rec)
        rec = order.popleft()
        yield rec, article.to_dict()
    while order:
        rec = order.popleft()
        yield rec, error_output(rec)


def iter_inputs(
    paths: list[str], input_format: str, encoding: str, stderr: TextIO
) -> Iterator[InputRecord]:
    """The input records of ``paths``, in order.

    A file is read as ``input_format`` says; a directory is walked (sorted, hidden
    entries skipped) for ``*.jsonl`` (read as JSONL) and ``*.txt`` (one article
    each); a glob that the shell did not expand is expanded here (``**`` recurses).
    A missing path or a glob that matches nothing becomes an error record.
    """
    for path, fmt in _expand_paths(paths, input_format):
        if fmt == "missing-glob":
            yield _error_record(path, path, "E013", Errors.E013.format(pattern=path), stderr)
        elif fmt == "jsonl":
            yield from read_jsonl(path, encoding, stderr)
        else:
            yield read_text_file(path, encoding, stderr)


_GLOB_CHARS = "*?["


def _expand_paths(paths: list[str], input_format: str) -> Iterator[tuple[str, str]]:
    import glob
    import os

    def walk(root: str) -> Iterator[tuple[str, str]]:
        for dirpath, dirnames, filenames in os.walk(root):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
            for name in sorted(filenames):
                low = name.lower()
                if name.startswith("."):
                    continue
                if low.endswith(".jsonl"):
                    yield os.path.join(dirpath, name), "jsonl"
                elif low.endswith(".txt"):
                    yield os.path.join(dirpath, name), "text"

    def one(path: str) -> Iterator[tuple[str, str]]:
        if path != "-" and os.path.isdir(path):
            yield from walk(path)
        else:
            yield path, input_format

    for item in paths:
        if item == "-" or os.path.exists(item) or not any(c in item for c in _GLOB_CHARS):
            yield from one(item)  # a missing plain path fails when it is read (E007)
            continue
        matches = sorted(glob.glob(item, recursive=True))
        if not matches:
            yield item, "missing-glob"
        for match in matches:
            yield from one(match)


def format_table(article: dict[str, Any]) -> str:
    """A readable terminal view: each quote with its speaker and relay."""
    ents = {e["id"]: e for e in article.get("entities", ())}
    srcs = {s["id"]: s for s in article.get("sources", ())}
    lines = [f"== {article.get('id') or '(no id)'}"]
    if article.get("error"):
        lines.append(f"   error: {article['error']['message']}")
        return "\n".join(lines)
    if not article["quotes"]:
        lines.append("   (no quotes)")
    for q in article["quotes"]:
        speaker = ents[q["speaker"]]["name"] if q.get("speaker") in ents else None
        mention = (q.get("speaker_mention") or {}).get("text")
        who = speaker or (f"({mention})" if mention else "?")
        via = srcs[q["via"]]["name"] if q.get("via") in srcs else ""
        text = q["text"] if len(q["text"]) <= 90 else q["text"][:87] + "..."
        lines.append(
            f"  {q['id']:>4}  {who:<24.24} {'via ' + via if via else '':<18.18} "
            f"[{q['kind']}] {text}"
        )
    people = [e["name"] for e in article["entities"] if e["type"] == "PERSON"]
    countries = [f"{e['name']} ({e['iso']})" for e in article["entities"] if e["type"] == "COUNTRY"]
    orgs = [e["name"] for e in article["entities"] if e["type"] == "ORG"]
    sources = [f"{s['name']} ({', '.join(s['roles'])})" for s in article["sources"]]
    for label, items in (
        ("people", people),
        ("countries", countries),
        ("orgs", orgs),
        ("sources", sources),
    ):
        if items:
            lines.append(f"  {label}: {'; '.join(items)}")
    return "\n".join(lines)


# ---------------------------------------------------------------------- commands
def cmd_extract(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    from .api import default_nlp

    if (
        getattr(args, "output_dir", None)
        or getattr(args, "scheduler", None)
        or getattr(args, "dask_workers", None)
    ):
        from .batch import run_batch

        return run_batch(args, stdout, stderr)
    paths = args.files or ["-"]
    records = iter_inputs(paths, args.input_format, args.encoding, stderr)
    nlp = default_nlp()
    failed = 0
    outputs: list[dict[str, Any]] = []
    for _, out in process_records(
        records, nlp=nlp, n_process=args.n_process, batch_size=args.batch_size
    ):
        if out.get("error"):
            failed += 1
        if args.format == "jsonl":
            stdout.write(json.dumps(out, ensure_ascii=False) + "\n")
        elif args.format == "table":
            stdout.write(format_table(out) + "\n\n")
        else:
            outputs.append(out)
    if args.format == "json":
        payload: Any = outputs[0] if len(outputs) == 1 else outputs
        stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    stdout.flush()
    if failed:
        print(f"quotekit: {failed} input(s) failed; see the error records", file=stderr)
        return EXIT_SOME_FAILED
    return EXIT_OK


def cmd_eval(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    from .evaluate import eval_command

    def predict_factory():
        from .api import default_nlp, extract_many

        nlp = default_nlp()

        def predict(items):
            return [a.to_dict() for a in extract_many(items, nlp=nlp)]

        return predict

    return eval_command(args, predict_factory)


def cmd_render(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    from .api import default_nlp, extract_many
    from .render import render_html

    records = list(iter_inputs(args.files, args.input_format, args.encoding, stderr))
    ok = [r for r in records if r.error is None]
    articles = list(extract_many([(r.text, r.id) for r in ok], nlp=default_nlp()))
    stdout.write(render_html(articles))
    return EXIT_SOME_FAILED if len(ok) < len(records) else EXIT_OK


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

    ex = sub.add_parser("extract", help="extract quotes, speakers, sources and entities")
    ex.add_argument(
        "files",
        nargs="*",
        metavar="FILE",
        help="article files, JSONL shards, directories or globs ('-' = stdin)",
    )
    ex.add_argument("--format", choices=("json", "jsonl", "table"), default="json")
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
    ex.add_argument("--output-dir", help="write one JSONL file per input shard here")
    ex.add_argument(
        "--resume",
        action="store_true",
        help="with --output-dir: skip shards whose output is complete",
    )
    ex.add_argument("--quiet", action="store_true", help="no progress bar")
    ex.add_argument("--scheduler", help="run on the Dask scheduler at this address")
    ex.add_argument("--dask-workers", type=int, help="run on a local Dask cluster of N workers")
    ex.set_defaults(func=cmd_extract)

    ev = sub.add_parser("eval", help="score quotekit on gold annotations")
    from .evaluate import add_eval_arguments

    add_eval_arguments(ev)
    ev.set_defaults(func=cmd_eval)

    rd = sub.add_parser("render", help="write a self-contained HTML page of the articles")
    rd.add_argument("files", nargs="+", metavar="FILE")
    rd.add_argument("--input-format", choices=("text", "jsonl"), default="text")
    rd.add_argument("--encoding", default="utf-8")
    rd.set_defaults(func=cmd_render)
    return parser


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
    if getattr(args, "encoding", None) is not None and not _known(args.encoding):
        parser.error(
            f"unknown encoding {args.encoding!r}; pass a Python codec name such "
            "as utf-8, latin-1 or cp1252"
        )
    try:
        return args.func(args, stdout, stderr)
    except BrokenPipeError:
        return EXIT_OK
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
