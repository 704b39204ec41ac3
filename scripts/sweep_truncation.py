"""The robustness sweep: real articles cut short at word boundaries, and whole.

    python scripts/sweep_truncation.py [--limit 300] [--cuts 20] [--tail 200]
        [--n-process 2] [--no-whole] [FILE.jsonl ...]

From the articles of ``FILE.jsonl`` (default: ``../shared/data/bbc/articles.jsonl``
and ``../shared/data/polnear/{train,dev}.jsonl``, read at run time) it takes
``--limit`` articles spread evenly over them and cuts each at ``--cuts`` word
boundaries spread over the text and at every word boundary of its last ``--tail``
characters (a text that ends "... in an interview with the" once raised an
IndexError); before those it runs every article of those files whole (unless
``--no-whole``). Everything goes through ``quotekit.extract_many(on_error="record")``
(``--n-process`` worker processes), and every result is checked against the
invariants of ``tests/invariants.py`` (offsets inside the text, span texts equal
``text[start:end]``, quote content between its marks, sorted non-overlapping quotes,
unique ids, speakers and vias that resolve, JSON).

It prints counts: texts, exceptions (articles that came back as an ArticleError),
invariant breaks, time; with a few examples of each (ids, offsets and short
snippets only: the data is copyrighted). Exit code 1 when anything failed, 2 when
an input file is missing.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import warnings
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from invariants import article_violations

SHARED = ROOT.parent / "shared"
DEFAULT_FILES = [
    SHARED / "data" / "bbc" / "articles.jsonl",
    SHARED / "data" / "polnear" / "train.jsonl",
    SHARED / "data" / "polnear" / "dev.jsonl",
]


# ---------------------------------------------------------------------- inputs
def read_articles(files: Iterable[Path]) -> list[tuple[str, str]]:
    """``(id, text)`` for every article of the JSONL ``files``, in order."""
    out = []
    for path in files:
        with open(path, encoding="utf-8") as fh:
            for lineno, line in enumerate(fh, 1):
                if line.strip():
                    rec = json.loads(line)
                    out.append((str(rec.get("id") or f"{path.name}:{lineno}"), rec["text"]))
    return out


def spread(items: list[Any], n: int | None) -> list[Any]:
    """``n`` items spread evenly over ``items`` (all of them when ``n`` is None)."""
    if n is None or n >= len(items):
        return list(items)
    return [items[i * len(items) // n] for i in range(n)]


def word_ends(text: str) -> list[int]:
    """The positions right after a word: ``text[:i]`` ends with a word."""
    return [i for i in range(1, len(text)) if not text[i - 1].isspace() and text[i].isspace()]


def cut_points(text: str, cuts: int, tail: int) -> list[int]:
    """``cuts`` word ends spread over ``text``, and every word end of its last ``tail``
    characters (the whole text excluded)."""
    ends = word_ends(text.rstrip())
    chosen = set(spread(ends, cuts))
    chosen.update(i for i in ends if i >= len(text) - tail)
    return sorted(chosen)


def truncations(
    articles: Iterable[tuple[str, str]], cuts: int, tail: int
) -> Iterator[tuple[str, str]]:
    """``(id@position, text[:position])`` for every cut of every article."""
    for aid, text in articles:
        for pos in cut_points(text, cuts, tail):
            yield f"{aid}@{pos}", text[:pos]


# ---------------------------------------------------------------------- the sweep
def sweep(
    items: list[tuple[str, str]],
    *,
    n_process: int = 1,
    batch_size: int = 32,
    nlp: Any = None,
    progress: bool = False,
) -> dict[str, Any]:
    """Run ``items`` (``(id, text)`` pairs) through ``extract_many`` and check each result.

    RETURNS (dict): ``texts``, ``chars``, ``seconds``, ``exceptions`` (``(id, code,
    message)`` of each ArticleError), ``violations`` (``(id, [violation, ...])``),
    ``violation_kinds`` (a Counter), and the ``quotes``, ``entities``, ``sources`` found.
    """
    import quotekit

    nlp = nlp or quotekit.load()
    summary: dict[str, Any] = {
        "texts": len(items),
        "chars": sum(len(t) for _, t in items),
        "exceptions": [],
        "violations": [],
        "violation_kinds": Counter(),
        "quotes": 0,
        "entities": 0,
        "sources": 0,
    }
    started = time.perf_counter()
    pairs = [(text, aid) for aid, text in items]
    results = quotekit.extract_many(
        pairs, nlp=nlp, n_process=n_process, batch_size=batch_size, on_error="record"
    )
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=r"\[W010\]")  # counted instead
        for n, ((aid, text), article) in enumerate(zip(items, results), 1):
            _check(summary, aid, text, article)
            if progress and n % 500 == 0:
                elapsed = time.perf_counter() - started
                print(
                    f"  {n:,}/{len(items):,} texts, {elapsed:.0f} s, "
                    f"{len(summary['exceptions'])} exceptions, "
                    f"{len(summary['violations'])} texts with invariant breaks",
                    file=sys.stderr,
                    flush=True,
                )
    summary["seconds"] = time.perf_counter() - started
    return summary


def _check(summary: dict[str, Any], aid: str, text: str, article: Any) -> None:
    if article.error:
        summary["exceptions"].append((aid, article.error["code"], article.error["message"]))
        return
    out = article.to_dict()
    summary["quotes"] += len(out["quotes"])
    summary["entities"] += len(out["entities"])
    summary["sources"] += len(out["sources"])
    bad = article_violations(text, out)
    if article.id != aid:
        bad.append(f"id {article.id!r} where {aid!r} was given")
    if bad:
        summary["violations"].append((aid, bad))
        for b in bad:
            summary["violation_kinds"][_kind(b)] += 1


def _kind(violation: str) -> str:
    """A violation's kind: its message without the id, offsets and texts."""
    where, _, what = violation.partition(": ")
    field = where.split(".", 1)[1].split("[")[0] if "." in where else "quote"
    words = [w for w in what.split() if w.isalpha()][:4]
    return f"{field}: {' '.join(words)}" if what else where


def report(title: str, s: dict[str, Any], examples: int = 5) -> None:
    """Print the counts of one sweep (and a few examples of each failure)."""
    n_bad = sum(len(b) for _, b in s["violations"])
    print(
        f"{title}: {s['texts']:,} texts ({s['chars']:,} characters) in {s['seconds']:.0f} s "
        f"({1000 * s['seconds'] / max(1, s['texts']):.0f} ms/text)"
    )
    print(
        f"  found:            {s['quotes']:,} quotes, {s['entities']:,} entities, "
        f"{s['sources']:,} sources"
    )
    print(f"  exceptions:       {len(s['exceptions'])}")
    for aid, code, message in s["exceptions"][:examples]:
        print(f"    {aid}: {code}: {message[:300]}")
    print(f"  invariant breaks: {n_bad} in {len(s['violations'])} texts")
    for kind, count in s["violation_kinds"].most_common():
        print(f"    {count:6d}  {kind}")
    for aid, bad in s["violations"][:examples]:
        print(f"    {aid}:")
        for b in bad[:3]:
            print(f"      {b[:200]}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="*", type=Path, default=DEFAULT_FILES)
    parser.add_argument("--limit", type=int, default=300, help="articles to cut (default 300)")
    parser.add_argument("--cuts", type=int, default=20, help="cuts spread over each article")
    parser.add_argument("--tail", type=int, default=200, help="cut at every word end here")
    parser.add_argument("--no-whole", action="store_true", help="skip the whole articles")
    parser.add_argument("--n-process", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--examples", type=int, default=5, help="examples shown per kind")
    parser.add_argument("--progress", action="store_true", help="a line every 500 texts")
    args = parser.parse_args(argv)
    missing = [str(f) for f in args.files if not f.exists()]
    if missing:
        print(f"sweep: missing input(s): {', '.join(missing)}", file=sys.stderr)
        return 2
    import quotekit

    nlp = quotekit.load()
    articles = read_articles(args.files)
    runs = [] if args.no_whole else [("whole", articles)]
    runs.append(
        ("truncated", list(truncations(spread(articles, args.limit), args.cuts, args.tail)))
    )
    failed = False
    for title, items in runs:
        s = sweep(
            items,
            n_process=args.n_process,
            batch_size=args.batch_size,
            nlp=nlp,
            progress=args.progress,
        )
        report(title, s, args.examples)
        failed = failed or bool(s["exceptions"] or s["violations"])
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
