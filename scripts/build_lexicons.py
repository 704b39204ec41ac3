#!/usr/bin/env python3
"""Build quotekit's word lists from the TSV sources in ``scripts/tables/lexicons/``.

Usage::

    python scripts/build_lexicons.py [--output-dir DIR] [--check]

Each ``scripts/tables/lexicons/NAME.tsv`` becomes ``src/quotekit/data/lexicons/NAME.json``,
read by a registered reader in ``quotekit.registry`` (``quotekit.NAME.v1``). A source has the
header ``list<TAB>entry<TAB>value``; each row puts ``entry`` into the list called ``list``.
A list whose rows have no ``value`` is written as a JSON list in file order (order can
matter: the first matching suffix wins); a list whose rows all have one is written as an
object ``{entry: value}``. An entry made of several words separated by `` + `` is written
as a list of words (a multi-word suffix such as ``news + agency``). Blank lines and lines
starting with ``#`` are comments: say there what each list is for.

``--check`` writes nothing and exits 1 if any shipped file differs from a fresh build.
Only the standard library is needed.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = Path(__file__).resolve().parent / "tables" / "lexicons"
DEFAULT_OUTPUT = ROOT / "src" / "quotekit" / "data" / "lexicons"
HEADER = ["list", "entry", "value"]


class LexiconError(ValueError):
    """A word-list source is malformed. The message names the file and line."""


def _entry(cell: str) -> str | list[str]:
    parts = [p.strip() for p in cell.split(" + ")]
    return parts if len(parts) > 1 else cell


def build_lexicon(path: Path) -> dict[str, list | dict]:
    """The lists of one source file, in file order."""
    lists: dict[str, list] = {}
    valued: dict[str, bool] = {}
    header_seen = False
    for lineno, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not raw.strip() or raw.startswith("#"):
            continue
        cells = raw.split("\t")
        if not header_seen:
            if cells[: len(HEADER)] != HEADER[: len(cells)] or len(cells) < 2:
                raise LexiconError(f"{path.name}:{lineno}: header must be {HEADER}, got {cells}")
            header_seen = True
            continue
        if len(cells) > 3 or len(cells) < 2 or not cells[0] or cells[1] == "":
            raise LexiconError(f"{path.name}:{lineno}: want list, entry[, value]: {cells}")
        name, entry = cells[0], _entry(cells[1])
        has_value = len(cells) == 3 and cells[2] != ""
        if valued.setdefault(name, has_value) != has_value:
            raise LexiconError(
                f"{path.name}:{lineno}: list {name!r} mixes rows with and without a value"
            )
        row = (entry, cells[2]) if has_value else entry
        if row in lists.setdefault(name, []):
            raise LexiconError(f"{path.name}:{lineno}: {cells[1]!r} is already in list {name!r}")
        lists[name].append(row)
    if not header_seen:
        raise LexiconError(f"{path.name}: empty")
    return {
        name: ({e: v for e, v in rows} if valued[name] else rows) for name, rows in lists.items()
    }


def dump_json(obj: object) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=1) + "\n"


def build_all(sources: Path = SOURCES) -> dict[str, str]:
    """``{file name: JSON text}`` for every source."""
    return {f"{p.stem}.json": dump_json(build_lexicon(p)) for p in sorted(sources.glob("*.tsv"))}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--output-dir", type=Path, default=DEFAULT_OUTPUT)
    parser.add_argument("--check", action="store_true", help="compare, write nothing")
    args = parser.parse_args(argv)
    try:
        built = build_all()
    except LexiconError as exc:
        print(f"build_lexicons: {exc}", file=sys.stderr)
        return 2
    if args.check:
        stale = [
            name
            for name, text in built.items()
            if not (args.output_dir / name).is_file()
            or (args.output_dir / name).read_text(encoding="utf-8") != text
        ]
        extra = sorted(p.name for p in args.output_dir.glob("*.json") if p.name not in built)
        for name in stale + extra:
            print(f"build_lexicons: {name} is not what its source builds", file=sys.stderr)
        return 1 if stale or extra else 0
    args.output_dir.mkdir(parents=True, exist_ok=True)
    for name, text in built.items():
        (args.output_dir / name).write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
