"""Invented articles and shard files for the corpus-run tests (tests/corpus/).

Shared by several test files, so it lives in tests/ (on sys.path) as the other
helpers do. All texts are invented here.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

from quotekit.cli import main

SPEAKERS = ["Jane Doe", "Tom Okafor", "Maria Lindqvist", "Ahmed Saleh", "Li Wei"]


def article(i: int) -> str:
    who = SPEAKERS[i % len(SPEAKERS)]
    return (
        f'"Plan number {i} will be ready by spring," {who} said on Tuesday. '
        f"The council in Exampletown voted {i} to {i + 1} on the proposal."
    )


def write_shard(path: Path, ids: list[str], broken: dict[int, str] | None = None) -> None:
    """A JSONL shard of invented articles; ``broken`` maps a line index to a bad line."""
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = []
    for n, rid in enumerate(ids):
        if broken and n in broken:
            lines.append(broken[n])
        else:
            lines.append(json.dumps({"id": rid, "text": article(n)}))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def read_out(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def run(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(["extract", *argv], stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()
