"""Run real articles through ``quotekit.extract_many`` and check the output invariants.

    python scripts/sweep.py [--every N] [--n-process P] [--limit K] [FILE.jsonl ...]

Default inputs: ``../shared/data/bbc/articles.jsonl`` and
``../shared/data/polnear/{train,dev}.jsonl`` (about 3,100 articles). For every
article it checks the invariants of ``tests/invariants.py`` (offsets inside the
text, span texts equal ``text[start:end]``, quote content between its marks,
sorted non-overlapping quotes, unique ids, speakers and vias that resolve, JSON)
and prints the counts: articles, exceptions, articles with violations, with a few
examples of each. Exit code 1 when anything failed. Texts are never printed whole
(the data is copyrighted): examples show ids, offsets and short snippets.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import traceback
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from invariants import article_violations

SHARED = ROOT.parent / "shared"
DEFAULT_FILES = [
    SHARED / "data" / "bbc" / "articles.jsonl",
    SHARED / "data" / "polnear" / "train.jsonl",
    SHARED / "data" / "polnear" / "dev.jsonl",
]


def read_articles(
    files: list[Path], every: int = 1, limit: int | None = None
) -> Iterator[tuple[str, str]]:
    """``(id, text)`` for every ``every``-th article of ``files``."""
    n = 0
    for path in files:
        with open(path, encoding="utf-8") as fh:
            for lineno, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                if n % every == 0:
                    rec = json.loads(line)
                    yield str(rec.get("id") or f"{path.name}:{lineno}"), rec["text"]
                n += 1
                if limit is not None and n >= limit * every:
                    return


def sweep(
    items: list[tuple[str, str]], *, n_process: int = 1, batch_size: int = 32, nlp=None
) -> dict:
    """Process ``items`` and check each result; a summary dict.

    A failure of a whole batch (an exception inside ``nlp.pipe``) is retried one
    article at a time so that the exception is pinned on the article that raised it.
    """
    import quotekit

    nlp = nlp or quotekit.load()
    summary: dict = {
        "articles": len(items),
        "exceptions": [],
        "violations": [],
        "quotes": 0,
        "entities": 0,
        "sources": 0,
        "violation_kinds": Counter(),
    }
    texts = dict(items)

    def check(article) -> None:
        out = article.to_dict()
        summary["quotes"] += len(out["quotes"])
        summary["entities"] += len(out["entities"])
        summary["sources"] += len(out["sources"])
        bad = article_violations(texts[article.id], out)
        if bad:
            summary["violations"].append((article.id, bad))
            for b in bad:
                summary["violation_kinds"][_kind(b)] += 1

    try:
        pairs = [(text, aid) for aid, text in items]
        for article in quotekit.extract_many(
            pairs, nlp=nlp, n_process=n_process, batch_size=batch_size
        ):
            check(article)
    except Exception:  # noqa: BLE001  (find the article(s) that raise, one by one)
        summary["retried_one_by_one"] = True
        summary["violations"].clear()
        summary["quotes"] = summary["entities"] = summary["sources"] = 0
        for aid, text in items:
            try:
                check(quotekit.extract(text, aid, nlp=nlp))
            except Exception as exc:  # noqa: BLE001
                summary["exceptions"].append(
                    (aid, f"{type(exc).__name__}: {exc}", traceback.format_exc(limit=-3))
                )
    return summary


def _kind(violation: str) -> str:
    """A violation's kind: its message without the id, offsets and texts."""
    where, _, what = violation.partition(": ")
    field = where.split(".", 1)[1].split("[")[0] if "." in where else "quote"
    words = [w for w in what.split() if w.isalpha()][:4]
    return f"{field}: {' '.join(words)}" if what else where


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="*", type=Path, default=DEFAULT_FILES)
    parser.add_argument("--every", type=int, default=1, help="take every N-th article")
    parser.add_argument("--limit", type=int, help="at most this many articles")
    parser.add_argument("--n-process", type=int, default=1)
    parser.add_argument("--examples", type=int, default=5, help="examples shown per kind")
    args = parser.parse_args(argv)
    missing = [str(f) for f in args.files if not f.exists()]
    if missing:
        print(f"sweep: missing input(s): {', '.join(missing)}", file=sys.stderr)
        return 2
    items = list(read_articles(args.files, args.every, args.limit))
    t0 = time.perf_counter()
    s = sweep(items, n_process=args.n_process)
    elapsed = time.perf_counter() - t0
    n_chars = sum(len(t) for _, t in items)
    print(
        f"articles:   {s['articles']} ({n_chars:,} characters, {elapsed:.0f} s, "
        f"{1000 * elapsed / max(1, s['articles']):.0f} ms/article)"
    )
    print(f"found:      {s['quotes']} quotes, {s['entities']} entities, {s['sources']} sources")
    print(f"exceptions: {len(s['exceptions'])}")
    for aid, msg, tb in s["exceptions"][: args.examples]:
        print(f"  {aid}: {msg}\n{tb}")
    print(
        f"violations: {len(s['violations'])} articles "
        f"({sum(len(b) for _, b in s['violations'])} violations)"
    )
    for kind, count in s["violation_kinds"].most_common():
        print(f"  {count:6d}  {kind}")
    for aid, bad in s["violations"][: args.examples]:
        print(f"  {aid}:")
        for b in bad[:3]:
            print(f"    {b[:200]}")
    return 1 if s["exceptions"] or s["violations"] else 0


if __name__ == "__main__":
    sys.exit(main())
