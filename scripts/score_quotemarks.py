"""Score ``quotekit.quotemarks.scan`` on PolNeAR direct quotes and newsroom kinds.

Usage: python scripts/score_quotemarks.py [--shared ../shared] [--samples N] [--split dev]

PolNeAR rules (shared/README.md): a gold quote is found when a predicted quote covers
more than 30% (also 80%, and exact) of its characters, quotation marks, whitespace
and edge punctuation ignored; a predicted quote that overlaps no gold quote but
overlaps another annotated attribution's content counts neither way; other
unmatched predictions are false positives.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from quotekit.components._quotes import scan
from quotekit.text.quotemarks import QUOTE_MARKS

_STRIP = set(QUOTE_MARKS) | set(".,;:!?\u2026") | {"\u201e"}
THRESHOLDS = (0.3, 0.8, "exact")


def strip_span(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and (text[s] in _STRIP or text[s].isspace()):
        s += 1
    while e > s and (text[e - 1] in _STRIP or text[e - 1].isspace()):
        e -= 1
    return s, e


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def matches(pred: tuple[int, int], gold: tuple[int, int], thr) -> bool:
    if thr == "exact":
        return pred == gold
    glen = gold[1] - gold[0]
    if glen <= 0:
        return False
    return overlap(pred, gold) / glen > thr


def _score_gold(text, rid, preds, golds, thr, t, show, misses, inexact) -> None:
    """Recall side of one article at one threshold: which gold quotes a prediction finds."""
    t["gold"] += len(golds)
    for g in golds:
        if any(matches(p, g, thr) for p in preds):
            t["found"] += 1
        elif show and thr == 0.3:
            misses.append(ctx(text, g, rid))
        elif show and thr == "exact":
            best = max(preds, key=lambda p: overlap(p, g), default=None)
            inexact.append(
                ctx(text, g, rid)
                + ("\n      PRED " + repr(text[best[0] : best[1]][:300]) if best else "")
            )


def _score_predicted(text, rid, preds, res, golds, contents, thr, t, show, fps) -> None:
    """Precision side: each prediction is right, wrong, or about another attribution."""
    for p, q in zip(preds, res.quotes):
        if any(matches(p, g, thr) for g in golds):
            t["tp"] += 1
        elif any(overlap(p, g) for g in golds):
            t["fp"] += 1
            if show and thr == 0.3:
                fps.append(ctx(text, p, rid, q.kind) + "  [overlaps gold]")
        elif any(overlap((q.start, q.end), c) for c in contents):
            t["neutral"] += 1
        else:
            t["fp"] += 1
            if show and thr == 0.3:
                fps.append(ctx(text, p, rid, q.kind))


def score_polnear(path: Path, samples: int, rng: random.Random, show: bool):
    recs = [json.loads(line) for line in path.open(encoding="utf-8")]
    tot = {thr: {"tp": 0, "fp": 0, "neutral": 0, "found": 0, "gold": 0} for thr in THRESHOLDS}
    fps: list[str] = []
    misses: list[str] = []
    inexact: list[str] = []
    for r in recs:
        text = r["text"]
        res = scan(text)
        preds = [strip_span(text, q.start, q.end) for q in res.quotes]
        golds = [strip_span(text, q["start"], q["end"]) for q in r["quotes"]]
        contents = [tuple(fr) for a in r["attributions"] for fr in a["content"]]
        for thr in THRESHOLDS:
            t = tot[thr]
            _score_gold(text, r["id"], preds, golds, thr, t, show, misses, inexact)
            _score_predicted(text, r["id"], preds, res, golds, contents, thr, t, show, fps)
    print(f"== {path} ({len(recs)} articles)")
    for thr in THRESHOLDS:
        t = tot[thr]
        p = t["tp"] / (t["tp"] + t["fp"]) if t["tp"] + t["fp"] else 0.0
        rc = t["found"] / t["gold"] if t["gold"] else 0.0
        f = 2 * p * rc / (p + rc) if p + rc else 0.0
        print(
            f"  >{thr!s:5}  P={p:.3f} R={rc:.3f} F1={f:.3f}  "
            f"(tp={t['tp']} fp={t['fp']} neutral={t['neutral']} found={t['found']}/{t['gold']})"
        )
    if show:
        for title, items in (
            ("FALSE POSITIVES", fps),
            ("MISSES (0.3)", misses),
            ("NOT EXACT", inexact),
        ):
            print(f"  -- {title}: {len(items)}")
            for s in rng.sample(items, min(samples, len(items))):
                print("   ", s)


def ctx(text: str, span: tuple[int, int], rid: str, kind: str = "") -> str:
    s, e = span
    before = text[max(0, s - 70) : s].replace("\n", "⏎")
    inner = text[s:e].replace("\n", "⏎")
    if len(inner) > 200:
        inner = inner[:90] + " ... " + inner[-90:]
    after = text[e : e + 40].replace("\n", "⏎")
    return f"{rid[:30]} {kind} …{before}[[{inner}]]{after}…"


def score_newsroom(paths: list[Path], show: bool):
    total = correct = unmatched = 0
    confusion: dict[tuple[str, str], int] = {}
    wrong: list[str] = []
    for path in paths:
        if path.suffix == ".jsonl":
            recs = [json.loads(line) for line in path.open(encoding="utf-8")]
        else:
            rec = json.loads(path.read_text(encoding="utf-8"))
            if "text" not in rec:
                txt = path.with_name("seed-article.txt")
                rec["text"] = txt.read_text(encoding="utf-8")
            recs = [rec]
        for r in recs:
            text = r["text"]
            res = scan(text)
            spans = list(res.quotes) + list(res.terms)
            for g in r["quotes"]:
                gt = g["text"].strip()
                total += 1
                hit = None
                for q in spans:
                    c = text[q.content_start : q.content_end].strip()
                    if c == gt or (gt and gt in c and len(gt) > 0.5 * len(c)):
                        hit = q
                        break
                if hit is None:
                    unmatched += 1
                    if show:
                        wrong.append(f"MISS {g['kind']}: {gt[:100]!r}")
                    continue
                confusion[(g["kind"], hit.kind)] = confusion.get((g["kind"], hit.kind), 0) + 1
                if hit.kind == g["kind"]:
                    correct += 1
                elif show:
                    s = hit.start
                    wrong.append(
                        f"gold={g['kind']} pred={hit.kind}: …{text[max(0, s - 60) : s]!r}"
                        f"[[{text[s : hit.end][:120]!r}]]{text[hit.end : hit.end + 30]!r}"
                    )
    matched = total - unmatched
    print(
        f"== newsroom kind: {correct}/{matched} matched quotes right "
        f"({correct / max(1, matched):.3f}); {unmatched}/{total} gold quotes unmatched"
    )
    print("   confusion (gold, pred):", dict(sorted(confusion.items())))
    if show:
        for w in wrong:
            print("   ", w)


def main(argv=None) -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=str(Path(__file__).resolve().parents[2] / "shared"))
    ap.add_argument("--samples", type=int, default=25)
    ap.add_argument("--split", nargs="*", default=["dev", "train"])
    ap.add_argument("--quiet", action="store_true")
    ap.add_argument("--seed", type=int, default=0)
    a = ap.parse_args(argv)
    shared = Path(a.shared)
    if not shared.exists():
        shared = Path("/work/shared")
    rng = random.Random(a.seed)
    for split in a.split:
        score_polnear(
            shared / "data" / "polnear" / f"{split}.jsonl", a.samples, rng, show=not a.quiet
        )
    nr = shared / "data" / "newsroom"
    score_newsroom([nr / "dev.jsonl", nr / "seed.json"], show=not a.quiet)


if __name__ == "__main__":
    main()
