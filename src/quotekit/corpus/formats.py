"""How ``quotekit extract`` prints records without ``--output-dir``: json, jsonl, table, csv.

``parquet`` needs ``--output-dir`` (a dataset folder per table); with an output
directory the shard writers of ``quotekit.corpus.writer`` write jsonl, csv or parquet.
"""

from __future__ import annotations

import csv
import json
from typing import Any, TextIO

from ..frames import QUOTE_CSV_HEADER, quotes_csv_rows
from ..text import encodable, has_unencodable

#: The ``--format`` choices.
FORMATS = ("json", "jsonl", "table", "csv", "parquet")
#: What each format writes, for ``quotekit extract --help``.
FORMAT_HELP = {
    "json": "one JSON document (an object for one input, else a list); "
    "with --output-dir, JSONL files",
    "jsonl": "one JSON object a line, one line per input, in input order; with "
    "--output-dir, one <shard>.jsonl per input shard",
    "table": "a readable terminal view of each article's quotes, reported speech, "
    "speakers and sources",
    "csv": "one row per quote, then per reported speech (kind 'reported'), with article "
    "id, speaker and via names, offsets; header first; with --output-dir, one "
    "<shard>.csv per input shard",
    "parquet": "needs --output-dir D: D/quotes/, D/reported/, D/entities/, D/sources/, "
    "D/articles/ and D/errors/, each a Parquet dataset with one <shard>.parquet per "
    "input shard",
}
#: Formats that need an output directory.
DIRECTORY_FORMATS = ("parquet",)


def dumps_record(out: Any, indent: int | None = None) -> str:
    """``out`` as JSON that any UTF-8 stream can take.

    Non-ASCII text is written as it is, except in a record that holds a code point
    UTF-8 cannot encode (a lone surrogate, as JSON input may give): that record is
    written with ``\\uXXXX`` escapes, so it reads back as the very same str.
    """
    text = json.dumps(out, ensure_ascii=False, indent=indent)
    if has_unencodable(text):
        return json.dumps(out, indent=indent)
    return text


def write_record(out: dict[str, Any], fmt: str, stdout: TextIO) -> None:
    """Write one output record as it comes: ``fmt`` is "jsonl" or "table"."""
    if fmt == "table":
        stdout.write(encodable(format_table(out)) + "\n\n")
    else:
        stdout.write(dumps_record(out) + "\n")


def write_json(outputs: list[dict[str, Any]], stdout: TextIO) -> None:
    """The "json" format: one object for one record, else a list."""
    payload: Any = outputs[0] if len(outputs) == 1 else outputs
    stdout.write(dumps_record(payload, indent=2) + "\n")


class StreamWriter:
    """Records to ``stdout`` in a stream format, as they come (json: all at the end)."""

    def __init__(self, fmt: str, stdout: TextIO) -> None:
        self.fmt = fmt
        self.stdout = stdout
        self.outputs: list[dict[str, Any]] = []
        self._csv: Any = None
        if fmt == "csv":
            self._csv = csv.writer(stdout)
            self._csv.writerow(QUOTE_CSV_HEADER)

    def write(self, out: dict[str, Any]) -> None:
        if self.fmt == "json":
            self.outputs.append(out)
        elif self._csv is not None:
            rows = quotes_csv_rows([out], reported=True)
            self._csv.writerows([encodable(c) for c in row] for row in rows)
        else:
            write_record(out, self.fmt, self.stdout)

    def close(self) -> None:
        if self.fmt == "json":
            write_json(self.outputs, self.stdout)
        self.stdout.flush()


def format_table(article: dict[str, Any]) -> str:
    """A readable terminal view: each quote with its speaker and relay, then each
    reported speech (kind ``[reported]``) alike."""
    ents = {e["id"]: e for e in article.get("entities", ())}
    srcs = {s["id"]: s for s in article.get("sources", ())}
    lines = [f"== {article.get('id') or '(no id)'}"]
    if article.get("error"):
        lines.append(f"   error: {article['error']['message']}")
        return "\n".join(lines)
    if not article["quotes"]:
        lines.append("   (no quotes)")
    for q in article["quotes"]:
        lines.append(_attribution_line(q, q["kind"], ents, srcs))
    for r in article.get("reported") or ():
        lines.append(_attribution_line(r, "reported", ents, srcs))
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


def _attribution_line(
    q: dict[str, Any], kind: str, ents: dict[str, Any], srcs: dict[str, Any]
) -> str:
    """One row of the table view: id, speaker, via, ``[kind]`` and the (shortened) text."""
    speaker = ents[q["speaker"]]["name"] if q.get("speaker") in ents else None
    mention = (q.get("speaker_mention") or {}).get("text")
    who = speaker or (f"({mention})" if mention else "?")
    via = srcs[q["via"]]["name"] if q.get("via") in srcs else ""
    text = q["text"] if len(q["text"]) <= 90 else q["text"][:87] + "..."
    return f"  {q['id']:>4}  {who:<24.24} {'via ' + via if via else '':<18.18} [{kind}] {text}"
