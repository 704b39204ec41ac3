#!/usr/bin/env python3
"""Build quotekit's curated lexicons from the TSV sources in ``scripts/tables/``.

Usage::

    python scripts/build_tables.py [--output-dir DIR] [--check]

Reads ``news_orgs.tsv``, ``cues.tsv`` and ``titles.tsv``, validates them (and fails loudly
on any problem) and writes ``news_orgs.json``, ``cues.json`` and ``titles.json`` into the
output directory (default: ``src/quotekit/data/``). Output is deterministic: sorted
wherever order carries no meaning, ``ensure_ascii=False``, ``indent=1``, trailing newline.

``--check`` writes nothing and exits 1 if any shipped file differs from a fresh build.

Only the standard library is needed; ``pycountry`` (a build extra) is used, when
installed, to validate country codes more strictly.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TABLES = Path(__file__).resolve().parent / "tables"
DEFAULT_OUTPUT = ROOT / "src" / "quotekit" / "data"


class TableError(ValueError):
    """A curated table is malformed. The message names the file and line."""


# --------------------------------------------------------------------------- TSV reading


def read_tsv(path: Path, columns: list[str]) -> list[tuple[int, dict[str, str]]]:
    """Rows of a TSV file as (line number, {column: value}).

    Lines that are blank or start with ``#`` are skipped. The first remaining line must be
    the header and equal ``columns``. Rows may omit trailing empty columns but may not
    have more columns than the header.
    """
    rows: list[tuple[int, dict[str, str]]] = []
    header_seen = False
    with path.open(encoding="utf-8", newline="") as handle:
        for lineno, raw in enumerate(handle, start=1):
            line = raw.rstrip("\r\n")
            if not line.strip() or line.startswith("#"):
                continue
            cells = line.split("\t")
            if not header_seen:
                if cells != columns:
                    raise TableError(f"{path.name}:{lineno}: header must be {columns}, got {cells}")
                header_seen = True
                continue
            if len(cells) > len(columns):
                raise TableError(
                    f"{path.name}:{lineno}: {len(cells)} columns, expected at most {len(columns)}"
                )
            cells += [""] * (len(columns) - len(cells))
            for cell in cells:
                if cell != cell.strip():
                    raise TableError(f"{path.name}:{lineno}: stray whitespace in {cell!r}")
            rows.append((lineno, dict(zip(columns, cells))))
    if not header_seen:
        raise TableError(f"{path.name}: no header line")
    return rows


def dump_json(obj: object) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


# --------------------------------------------------------------------------- news organisations

ORG_KINDS = {"news_agency", "newspaper", "broadcaster", "online", "magazine"}

# Ordinary English words (compared case-insensitively, after dropping a leading "The ")
# that may only ever be strict aliases: "The Sun" is fine if strict, "the sun" is not.
ORDINARY_WORDS = {
    "advertiser",
    "advocate",
    "age",
    "atlantic",
    "australian",
    "billboard",
    "blaze",
    "chronicle",
    "citizen",
    "conversation",
    "courier",
    "daily",
    "deadline",
    "economist",
    "examiner",
    "express",
    "federalist",
    "forbes",
    "fortune",
    "forward",
    "globe",
    "guardian",
    "herald",
    "hill",
    "hindu",
    "independent",
    "inquirer",
    "intercept",
    "irrawaddy",
    "journal",
    "mail",
    "metro",
    "mirror",
    "monitor",
    "nation",
    "national",
    "news",
    "observer",
    "people",
    "post",
    "press",
    "punch",
    "quartz",
    "record",
    "register",
    "salon",
    "scotsman",
    "slate",
    "spectator",
    "standard",
    "star",
    "statesman",
    "sun",
    "telegraph",
    "time",
    "times",
    "today",
    "tribune",
    "variety",
    "verge",
    "vox",
    "week",
    "wire",
    "wired",
    "world",
    "gazette",
    "sentinel",
    "mint",
    "focus",
    "outlook",
    "empire",
    "reason",
    "stuff",
    "vanguard",
    "expresso",
    "tempo",
    "grist",
    "stat",
    "bild",
    "dawn",
    "trend",
    "oregonian",
    "tennessean",
    "quint",
    "liberation",
    "libération",
}

# Bare words that must never be aliases at all, strict or not: too ambiguous even with
# exact capitalisation (several papers share them, or they start sentences). Only an
# all-capitals strict form is allowed ("=TIME", the magazine's masthead).
NEVER_ALIASES = {
    "times",
    "post",
    "sun",
    "time",
    "mail",
    "mirror",
    "star",
    "independent",
    "journal",
    "globe",
    "herald",
    "observer",
    "express",
    "standard",
    "today",
    "news",
    "press",
    "daily",
    "record",
    "people",
    "telegraph",
    "tribune",
    "chronicle",
    "gazette",
    "courier",
    "nation",
    "national",
    "world",
    "week",
    "age",
    "hill",
    "australian",
    "inquirer",
    "examiner",
    "monitor",
    "register",
}

MARKERS = {"=": "strict", "~": "context"}


def _parse_alias(text: str, where: str) -> tuple[str, str]:
    """('Alias', 'plain'|'strict'|'context') from a possibly marked alias cell."""
    mode = "plain"
    if text[:1] in MARKERS:
        mode, text = MARKERS[text[0]], text[1:]
    if not text or text != text.strip() or "  " in text or "|" in text:
        raise TableError(f"{where}: malformed alias {text!r}")
    return text, mode


def _core(alias: str) -> str:
    """Alias without a leading article, case-folded: 'The Sun' -> 'sun'."""
    core = re.sub(r"^(?:the|The)\s+", "", alias)
    return core.casefold()


def _known_countries() -> set[str] | None:
    try:
        import pycountry  # type: ignore[import-not-found]
    except ImportError:
        return None
    return {c.alpha_2 for c in pycountry.countries}


def build_news_orgs(path: Path) -> list[dict]:
    rows = read_tsv(path, ["name", "kind", "country", "aliases", "note"])
    countries = _known_countries()
    orgs: list[dict] = []
    names: dict[str, str] = {}
    owner: dict[str, tuple[str, str]] = {}  # casefolded alias -> (org name, where)
    errors: list[str] = []
    for lineno, row in rows:
        try:
            _add_org(path.name, lineno, row, countries, orgs, names, owner)
        except TableError as exc:
            errors.append(str(exc))
    if errors:
        raise TableError("\n".join(errors))
    orgs.sort(key=lambda org: (org["name"].casefold(), org["name"]))
    return orgs


def _add_org(
    filename: str,
    lineno: int,
    row: dict[str, str],
    countries: set[str] | None,
    orgs: list[dict],
    names: dict[str, str],
    owner: dict[str, tuple[str, str]],
) -> None:
    where = f"{filename}:{lineno}"
    name, name_mode = _parse_alias(row["name"], where)
    kind, country = row["kind"], row["country"]
    if kind not in ORG_KINDS:
        raise TableError(f"{where}: unknown kind {kind!r} (expected one of {sorted(ORG_KINDS)})")
    if not re.fullmatch(r"[A-Z]{2}", country) or (
        countries is not None and country not in countries
    ):
        raise TableError(f"{where}: {country!r} is not an ISO 3166-1 alpha-2 code")
    if name in names:
        raise TableError(f"{where}: organisation {name!r} already defined at {names[name]}")
    names[name] = where
    entries = [(name, name_mode)]
    if row["aliases"]:
        for cell in row["aliases"].split(" | "):
            entries.append(_parse_alias(cell, where))
    seen: dict[str, str] = {}
    for alias, mode in entries:
        if alias in seen:
            raise TableError(f"{where}: alias {alias!r} listed twice for {name!r}")
        seen[alias] = mode
        folded = alias.casefold()
        if folded in NEVER_ALIASES and not (mode != "plain" and alias.isupper()):
            raise TableError(f"{where}: {alias!r} is an ordinary word and can never be an alias")
        if mode == "plain" and _core(alias) in ORDINARY_WORDS:
            raise TableError(
                f"{where}: {alias!r} is an ordinary word: mark it strict ('=') or contextual ('~')"
            )
        if mode == "plain" and alias.islower():
            raise TableError(f"{where}: lower-case alias {alias!r} must be strict ('=')")
        if folded in owner and owner[folded][0] != name:
            other, other_where = owner[folded]
            raise TableError(
                f"{where}: alias {alias!r} of {name!r} already belongs to {other!r} ({other_where})"
            )
        owner[folded] = (name, where)
    orgs.append(
        {
            "name": name,
            "kind": kind,
            "country": country,
            "aliases": sorted(seen),
            "strict_aliases": sorted(a for a, m in seen.items() if m != "plain"),
            "context_aliases": sorted(a for a, m in seen.items() if m == "context"),
        }
    )


# --------------------------------------------------------------------------- inflection

VERB_CLASSES = {"speech", "evaluative", "mental", "written", "question"}
PHRASE_TYPES = {
    "according",
    "passive",
    "continuation",
    "medium",
    "addressee",
    "question",
    "citing",
    "anonymous",
}
VOWELS = set("aeiou")


def _parse_overrides(cell: str, allowed: set[str], where: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    if not cell:
        return out
    for part in cell.split(";"):
        key, sep, value = part.partition("=")
        if not sep or key not in allowed or not value:
            raise TableError(f"{where}: bad override {part!r} (keys: {sorted(allowed)})")
        if key in out:
            raise TableError(f"{where}: override {key!r} given twice")
        out[key] = value.split(",")
    return out


def third_person(verb: str) -> str:
    """say -> says, go -> goes, reply -> replies, stress -> stresses."""
    if verb.endswith(("s", "x", "z", "ch", "sh", "o")):
        return verb + "es"
    if verb.endswith("y") and len(verb) > 1 and verb[-2] not in VOWELS:
        return verb[:-1] + "ies"
    return verb + "s"


def plural(noun: str) -> str:
    """Regular English plural of the last word: speech -> speeches, reply -> replies."""
    if noun.endswith(("s", "x", "z", "ch", "sh")):
        return noun + "es"
    if noun.endswith("y") and len(noun) > 1 and noun[-2] not in VOWELS:
        return noun[:-1] + "ies"
    return noun + "s"


def _past(verb: str, double: bool) -> str:
    if double:
        return verb + verb[-1] + "ed"
    if verb.endswith("e"):
        return verb + "d"
    if verb.endswith("y") and len(verb) > 1 and verb[-2] not in VOWELS:
        return verb[:-1] + "ied"
    return verb + "ed"


def _ing(verb: str, double: bool) -> str:
    if double:
        return verb + verb[-1] + "ing"
    if verb.endswith("ie"):
        return verb[:-2] + "ying"
    if verb.endswith("e") and not verb.endswith(("ee", "ye", "oe")) and len(verb) > 2:
        return verb[:-1] + "ing"
    return verb + "ing"


def inflect(
    verb: str, overrides: dict[str, list[str]] | None = None, double: str = ""
) -> list[str]:
    """All surface forms of a (single-word) verb, base form first, no duplicates.

    ``double`` is "" (no consonant doubling), "1" (always: admit -> admitted) or "uk"
    (British doubles, American does not: signal -> signalled and signaled).
    """
    overrides = overrides or {}
    doubles = {"": [False], "1": [True], "uk": [True, False]}[double]
    forms = [verb]
    forms += overrides.get("s", [third_person(verb)])
    regular_past = [_past(verb, d) for d in doubles]
    forms += overrides.get("past", regular_past)
    forms += overrides.get("pp", overrides.get("past", regular_past))
    forms += overrides.get("ing", [_ing(verb, d) for d in doubles])
    return list(dict.fromkeys(forms))


def _cue_verb(row: dict[str, str], where: str, verbs: dict[str, dict]) -> None:
    entry, klass = row["entry"], row["class"]
    if klass not in VERB_CLASSES:
        raise TableError(f"{where}: unknown verb class {klass!r} (expected {sorted(VERB_CLASSES)})")
    if row["double"] not in ("", "1", "uk"):
        raise TableError(f"{where}: double must be empty, 1 or uk")
    overrides = _parse_overrides(row["irregular"], {"s", "past", "pp", "ing"}, where)
    lemmas = [entry] + ([row["alt"]] if row["alt"] else [])
    for lemma in lemmas:
        verb, _, particle = lemma.partition(" ")
        if lemma in verbs:
            raise TableError(f"{where}: verb {lemma!r} listed twice")
        if not re.fullmatch(r"[a-z]+(?:-[a-z]+)?", verb) or (particle and " " in particle):
            raise TableError(f"{where}: bad verb lemma {lemma!r}")
        verbs[lemma] = {
            "class": klass,
            "forms": inflect(verb, overrides, row["double"]),
            "particle": particle or None,
        }


def _cue_noun(row: dict[str, str], where: str, nouns: dict[str, dict]) -> None:
    entry = row["entry"]
    if row["class"] or row["double"] or row["alt"]:
        raise TableError(f"{where}: nouns take no class, double or alt")
    overrides = _parse_overrides(row["irregular"], {"pl"}, where)
    if entry in nouns:
        raise TableError(f"{where}: noun {entry!r} listed twice")
    pls = overrides.get("pl", [plural(entry)])
    nouns[entry] = {"forms": list(dict.fromkeys([entry] + [p for p in pls if p != "-"]))}


def _cue_phrase(row: dict[str, str], where: str, phrases: dict[str, dict]) -> None:
    entry, klass = row["entry"], row["class"]
    if klass not in PHRASE_TYPES:
        raise TableError(
            f"{where}: unknown phrase type {klass!r} (expected {sorted(PHRASE_TYPES)})"
        )
    if row["irregular"] or row["double"] or row["alt"]:
        raise TableError(f"{where}: phrases take no irregular, double or alt")
    if entry.casefold() in phrases:
        raise TableError(f"{where}: phrase {entry!r} listed twice")
    phrases[entry.casefold()] = {"text": entry, "type": klass}


def build_cues(path: Path) -> dict:
    rows = read_tsv(path, ["section", "entry", "class", "irregular", "double", "alt", "note"])
    verbs: dict[str, dict] = {}
    nouns: dict[str, dict] = {}
    phrases: dict[str, dict] = {}
    sections = {
        "verb": (_cue_verb, verbs),
        "noun": (_cue_noun, nouns),
        "phrase": (_cue_phrase, phrases),
    }
    for lineno, row in rows:
        where = f"{path.name}:{lineno}"
        section, entry = row["section"], row["entry"]
        if not entry or entry != entry.lower() and section != "phrase" or "  " in entry:
            raise TableError(f"{where}: entry {entry!r} must be lower-case, single-spaced")
        if section not in sections:
            raise TableError(f"{where}: unknown section {section!r}")
        add, table = sections[section]
        add(row, where, table)
    forms: dict[str, set[str]] = {}
    for lemma, info in verbs.items():
        for form in info["forms"]:
            forms.setdefault(form, set()).add(lemma)
    return {
        "verbs": verbs,
        "forms": {form: sorted(lemmas) for form, lemmas in forms.items()},
        "nouns": nouns,
        "phrases": sorted(phrases.values(), key=lambda p: (p["text"].casefold(), p["text"])),
    }


# --------------------------------------------------------------------------- titles


def build_titles(path: Path) -> dict:
    rows = read_tsv(path, ["section", "key", "gender", "note"])
    titles: dict[str, dict] = {}
    honorifics: dict[str, str | None] = {}
    for lineno, row in rows:
        where = f"{path.name}:{lineno}"
        key, gender = row["key"], row["gender"]
        if not key or key != key.lower() or "  " in key:
            raise TableError(f"{where}: key {key!r} must be lower-case, single-spaced")
        if gender not in ("", "M", "F"):
            raise TableError(f"{where}: gender must be M, F or empty, got {gender!r}")
        table: dict = {"title": titles, "honorific": honorifics}.get(row["section"])  # type: ignore[assignment]
        if table is None:
            raise TableError(f"{where}: unknown section {row['section']!r}")
        if key in table:
            raise TableError(f"{where}: {row['section']} {key!r} listed twice")
        if row["section"] == "title":
            titles[key] = {"gender": gender or None}
        else:
            honorifics[key] = gender or None
    return {"titles": titles, "honorifics": honorifics}


# --------------------------------------------------------------------------- main

BUILDERS = {
    "news_orgs.json": (build_news_orgs, "news_orgs.tsv"),
    "cues.json": (build_cues, "cues.tsv"),
    "titles.json": (build_titles, "titles.tsv"),
}


def build_all(tables: Path = TABLES) -> dict[str, str]:
    """{output file name: JSON text} for every table."""
    return {out: dump_json(build(tables / src)) for out, (build, src) in BUILDERS.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output-dir", type=Path, default=DEFAULT_OUTPUT)
    parser.add_argument("--tables", type=Path, default=TABLES, help="directory of the TSV sources")
    parser.add_argument(
        "--check", action="store_true", help="compare with the output dir, write nothing"
    )
    args = parser.parse_args(argv)
    try:
        built = build_all(args.tables)
    except TableError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    stale = []
    for name, text in built.items():
        target = args.output_dir / name
        if args.check:
            if not target.exists() or target.read_text(encoding="utf-8") != text:
                stale.append(name)
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        print(f"wrote {target}")
    if stale:
        print(f"out of date: {', '.join(stale)} (run scripts/build_tables.py)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
