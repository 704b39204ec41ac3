#!/usr/bin/env python3
"""Train quotekit's reported-speech model from PolNeAR train; choose its threshold on dev.

Usage::

    python scripts/train_reported.py [--config scripts/train/reported.cfg]
        [--output PATH] [--docs-cache DIR]

Each PolNeAR article is run through ``quotekit.load(reported=False)``; every candidate
of ``quotekit.components._attribution.reported`` is labelled 1 when its content and a
gold attribution's content each cover at least half of the other's characters (the
rule of ``quotekit eval``'s attribution scoring), else 0. A logistic regression
(scikit-learn, liblinear, L2) is fitted to the candidates' sparse features; features
seen fewer than ``min_count`` times are dropped. The threshold is the grid value that
maximises the config's objective (F1 plus attributed F1) on dev. The weights, the threshold, the data's figures and
the dev figures are written as JSON (``src/quotekit/data/reported.json`` by default).

Needs the ``train`` extra (scikit-learn). Only the model's weights are shipped, never
the texts. ``--docs-cache`` keeps the parsed articles (DocBin) between runs.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import numpy

from quotekit.components._attribution.reported import DENSE_SLOTS, vectors

ROOT = Path(__file__).resolve().parent.parent


def _parse(nlp: Any, path: Path, cache: Path | None) -> tuple[list[dict[str, Any]], list[Any]]:
    """The articles of a PolNeAR file and their Docs (with ``doc.tensor``, which the
    model reads), parsed or read from the cache."""
    import numpy
    from spacy.tokens import DocBin

    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    target = cache / (path.stem + ".spacy") if cache else None
    tensors = cache / (path.stem + ".tensors.npz") if cache else None
    if target is not None and tensors is not None and target.exists() and tensors.exists():
        docs = list(DocBin().from_disk(target).get_docs(nlp.vocab))
        arrays = numpy.load(tensors)
        if len(docs) == len(rows) == len(arrays.files):
            for k, d in enumerate(docs):
                d.tensor = arrays[f"t{k}"]
            return rows, docs
    docs = list(nlp.pipe((r["text"] for r in rows), batch_size=16))
    if target is not None and tensors is not None:
        target.parent.mkdir(parents=True, exist_ok=True)
        db = DocBin(store_user_data=True)
        for d in docs:
            db.add(d)
        db.to_disk(target)
        numpy.savez(tensors, **{f"t{k}": d.tensor for k, d in enumerate(docs)})
    return rows, docs


def _examples(nlp: Any, rows: list[dict[str, Any]], docs: list[Any]) -> list[Any]:
    """Per article: (row, doc, index, candidates, feature lists, labels)."""
    from quotekit.components._attribution.index import CandidateIndex
    from quotekit.components._attribution.reported import featured
    from quotekit.evaluate.attributions import content_chars

    comp = nlp.get_pipe("quotekit_attribution")
    out = []
    for row, doc in zip(rows, docs):
        text = row["text"]
        quotes = list(doc._.quotekit_quotes or [])
        index = CandidateIndex(doc, quotes, comp.words, comp.phrase_matcher)
        golds = [content_chars(text, a["content"]) for a in row["attributions"]]
        golds = [g for g in golds if g]
        cands, feats, labels = [], [], []
        for c, f in featured(index, quotes):
            chars = content_chars(text, [(c.start, c.end)])
            cands.append(c)
            feats.append(f)
            labels.append(int(any(len(chars & g) * 2 >= max(len(chars), len(g)) for g in golds)))
        out.append((row, doc, index, cands, feats, labels))
    return out


def _fit(examples: list[Any], cfg: Any) -> tuple[dict[str, float], dict[str, list[float]], float]:
    import scipy.sparse
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    counts: Counter[str] = Counter(f for ex in examples for fl in ex[4] for f in set(fl))
    keep = {f for f, n in counts.items() if n >= cfg["features"]["min_count"]}
    X = [{f: 1.0 for f in fl if f in keep} for ex in examples for fl in ex[4]]
    y = [lab for ex in examples for lab in ex[5]]
    vec = DictVectorizer()
    sparse = vec.fit_transform(X)
    dense = numpy.array([_dense_row(ex[1], c) for ex in examples for c in ex[3]], dtype="float32")
    M = scipy.sparse.hstack([sparse, scipy.sparse.csr_matrix(dense)]).tocsr()
    M.indices = M.indices.astype("int32")  # liblinear takes 32-bit indices only
    M.indptr = M.indptr.astype("int32")
    t = cfg["training"]
    model = LogisticRegression(
        C=t["C"],
        solver="liblinear",
        max_iter=t["max_iter"],
        class_weight={0: 1.0, 1: t["positive_weight"]},
    )
    model.fit(M, y)
    d = cfg["output"]["decimals"]
    n = len(vec.get_feature_names_out())
    coef = model.coef_[0]
    weights = {
        name: round(float(w), d)
        for name, w in zip(vec.get_feature_names_out(), coef[:n])
        if round(float(w), d) != 0.0
    }
    width = dense.shape[1] // len(DENSE_SLOTS)
    dense_w = {
        slot: [round(float(w), d) for w in coef[n + k * width : n + (k + 1) * width]]
        for k, slot in enumerate(DENSE_SLOTS)
    }
    return weights, dense_w, round(float(model.intercept_[0]), d)


def _dense_row(doc: Any, c: Any) -> Any:
    """The cue, content-head and source-head vectors side by side (zeros when absent)."""
    width = doc.tensor.shape[1]
    vecs = vectors(c, doc)
    return numpy.concatenate([vecs.get(s, numpy.zeros(width, "float32")) for s in DENSE_SLOTS])


def _predict(examples: list[Any], model: Any, threshold: float) -> list[Any]:
    """(text, gold attributions, prediction) triples: quotes plus reported records."""
    from quotekit.components._attribution.reported import record, select
    from quotekit.model import Article

    out = []
    for row, doc, index, cands, feats, _ in examples:
        found = [(model.score(f, vectors(c, doc)), c) for c, f in zip(cands, feats)]
        pred: dict[str, Any] = dict(Article.from_doc(doc).to_dict())
        reported = []
        for c, _ in select(found, threshold, index.sent_starts):
            r = record(c, index)
            m = r["mention"]
            reported.append(
                {
                    "start": r["start"],
                    "end": r["end"],
                    "speaker_mention": {"start": m[0], "end": m[1]} if m else None,
                    "cue": {"start": r["cue"][0], "end": r["cue"][1]},
                }
            )
        pred["reported"] = reported
        out.append((row["text"], row["attributions"], pred))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--config", type=Path, default=ROOT / "scripts" / "train" / "reported.cfg")
    ap.add_argument("--output", type=Path, default=None)
    ap.add_argument("--docs-cache", type=Path, default=None)
    args = ap.parse_args(argv)

    from spacy.util import load_config

    import quotekit
    from quotekit.components._attribution.reported import ReportedModel
    from quotekit.evaluate.attributions import score_attributions

    cfg = load_config(args.config, interpolate=True)
    t0 = time.time()
    nlp = quotekit.load(reported=False)
    data = {k: ROOT / cfg["data"][k] for k in ("train", "dev")}
    train_rows, train_docs = _parse(nlp, data["train"], args.docs_cache)
    dev_rows, dev_docs = _parse(nlp, data["dev"], args.docs_cache)
    train = _examples(nlp, train_rows, train_docs)
    dev = _examples(nlp, dev_rows, dev_docs)
    n_cand = sum(len(ex[3]) for ex in train)
    n_pos = sum(sum(ex[5]) for ex in train)
    print(f"train: {len(train)} articles, {n_cand} candidates, {n_pos} positive", file=sys.stderr)
    weights, dense, bias = _fit(train, cfg)
    th = cfg["threshold"]
    best: tuple[float, float, dict[str, float]] | None = None
    grid = round((th["high"] - th["low"]) / th["step"]) + 1
    for k in range(grid):
        thr = round(th["low"] + k * th["step"], 4)
        model = ReportedModel.from_dict(
            {"weights": weights, "bias": bias, "threshold": thr, "dense": dense}
        )
        figs = score_attributions(_predict(dev, model, thr))
        print(
            f"threshold {thr:.3f}: F1 {figs['f1']:.3f} attributed F1 "
            f"{figs['attributed_f1']:.3f} indirect recall {figs['indirect_recall']:.3f}",
            file=sys.stderr,
        )
        value = sum(figs[k] for k in th["objective"])
        if best is None or value > best[0]:
            best = (value, thr, figs)
    assert best is not None
    _, thr, figs = best
    out = {
        "version": 1,
        "trained_on": "PolNeAR v1.0.0 train (840 articles); threshold chosen on dev (84)",
        "config": {k: dict(v) for k, v in cfg.items() if k != "data"},
        "train_candidates": n_cand,
        "train_positive": n_pos,
        "dev": {k: round(v, 4) for k, v in figs.items()},
        "threshold": thr,
        "bias": bias,
        "dense": dense,
        "weights": dict(sorted(weights.items())),
    }
    target = args.output or ROOT / cfg["output"]["path"]
    target.write_text(json.dumps(out, indent=0, sort_keys=False) + "\n", encoding="utf-8")
    print(
        f"wrote {target} ({len(weights)} weights, threshold {thr}); dev: "
        + ", ".join(f"{k} {v:.3f}" for k, v in figs.items() if not k.startswith("n_"))
        + f"; {time.time() - t0:.0f} s",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
