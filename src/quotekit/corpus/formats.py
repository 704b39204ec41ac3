"""How ``quotekit extract`` prints records without ``--output-dir``: json, jsonl, table."""

from __future__ import annotations

import json
from typing import Any, TextIO

from ..text import encodable, has_unencodable

#: The ``--format`` choices.
FORMATS = ("json", "jsonl", "table")


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
