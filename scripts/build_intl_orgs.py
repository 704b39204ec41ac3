#!/usr/bin/env python
"""Build ``src/quotekit/data/intl_orgs.json`` from ``scripts/tables/intl_orgs.tsv``.

Usage::

    python scripts/build_intl_orgs.py [--output PATH]

The TSV is hand-curated: one organisation per line, tab-separated columns
``name`` (the fullest English form), ``aliases`` (separated by ``|``, may be
empty) and ``kind``; lines starting with ``#`` are comments and the first other
line is the header. The build fails loudly on an unknown kind, a duplicate
organisation, or a name/alias shared by two organisations.

Output: a JSON list of ``{"name", "aliases", "kind"}`` sorted by name (aliases
keep their curated order), keys sorted, ``ensure_ascii=False``, indent 1,
trailing newline.
"""

from __future__ import annotations

import argparse
import json
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SOURCE = HERE / "tables" / "intl_orgs.tsv"
DEFAULT_OUTPUT = ROOT / "src" / "quotekit" / "data" / "intl_orgs.json"

KINDS = {
    "alliance",
    "court",
    "eu",
    "financial",
    "forum",
    "intergovernmental",
    "law_enforcement",
    "ngo",
    "party",
    "regional",
    "sport",
    "trade",
    "un",
}
HEADER = ["name", "aliases", "kind"]


def _clean(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def read_tsv(path: Path = SOURCE) -> list[dict]:
    rows: list[dict] = []
    header_seen = False
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if not header_seen:
            if cells != HEADER:
                raise SystemExit(f"{path}:{lineno}: header must be {HEADER}, got {cells}")
            header_seen = True
            continue
        if len(cells) != 3:
            raise SystemExit(f"{path}:{lineno}: expected 3 tab-separated columns, got {len(cells)}")
        name, aliases, kind = (_clean(c) for c in cells)
        if not name:
            raise SystemExit(f"{path}:{lineno}: empty name")
        if kind not in KINDS:
            raise SystemExit(f"{path}:{lineno}: unknown kind {kind!r} (one of {sorted(KINDS)})")
        alias_list: list[str] = []
        for alias in (_clean(a) for a in aliases.split("|")):
            if alias and alias != name and alias not in alias_list:
                alias_list.append(alias)
        rows.append({"name": name, "aliases": alias_list, "kind": kind, "_line": lineno})
    return rows


def build(rows: list[dict]) -> list[dict]:
    owner: dict[str, str] = {}
    problems: list[str] = []
    names = [row["name"] for row in rows]
    for row in rows:
        if names.count(row["name"]) > 1:
            problems.append(f"line {row['_line']}: {row['name']!r} is listed twice")
        for form in [row["name"], *row["aliases"]]:
            # Acronyms are compared exactly ("WHO" is not "who"); other forms case-insensitively.
            key = form if form.isupper() else form.casefold()
            if owner.setdefault(key, row["name"]) != row["name"]:
                problems.append(f"line {row['_line']}: {form!r} already belongs to {owner[key]!r}")
    if problems:
        raise SystemExit("intl_orgs.tsv has clashes:\n  " + "\n  ".join(problems))
    orgs = [{"name": r["name"], "aliases": r["aliases"], "kind": r["kind"]} for r in rows]
    orgs.sort(key=lambda o: (o["name"].casefold(), o["name"]))
    return orgs


def dump(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--output", type=Path, default=DEFAULT_OUTPUT, help="where to write the JSON"
    )
    args = parser.parse_args(argv)
    orgs = build(read_tsv())
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(dump(orgs), encoding="utf-8")
    print(f"wrote {len(orgs)} organisations to {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
