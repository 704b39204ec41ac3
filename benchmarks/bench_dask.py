"""Throughput of quotekit on a local Dask cluster, at 1, 2, ... worker processes.

    python benchmarks/bench_dask.py ../shared/data/bbc/articles.jsonl --workers 1,2
    python benchmarks/bench_dask.py articles.jsonl --limit 500 --workers 1,2 --single

Input: JSONL with ``{"id", "text"}`` a line. For each worker count it starts a
``LocalCluster(n_workers=N, threads_per_worker=1, processes=True)``, loads the
pipeline on every worker (``client.run(quotekit.corpus.dask.warm_up)``, not timed), then
times ``quotekit.corpus.dask.extract_bag(...).compute()`` over all articles and reports
articles/s and words/s (words = whitespace-separated tokens of the input texts),
plus the resident memory of each worker after the run. Cluster start-up and model
loading are reported separately. ``--single`` adds an in-process
``quotekit.extract_many`` baseline, and the outputs of all runs are compared
record for record.
"""

from __future__ import annotations

import argparse
import json
import sys
import time


def _rss_mb() -> float:
    import psutil

    return psutil.Process().memory_info().rss / 2**20


def _cpu_seconds() -> float:
    import psutil

    t = psutil.Process().cpu_times()
    return t.user + t.system


def _load_average() -> list[float] | None:
    try:
        import os

        return [round(x, 2) for x in os.getloadavg()]
    except (AttributeError, OSError):
        return None


def load_articles(path: str, limit: int | None) -> list[dict]:
    out = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            obj = json.loads(line)
            out.append({"id": str(obj.get("id")), "text": obj["text"]})
            if limit and len(out) >= limit:
                break
    return out


def bench_dask(
    articles: list[dict], n_workers: int, partition_size: int, batch_size: int
) -> tuple[dict, list[dict]]:
    import dask.bag as db
    from distributed import Client, LocalCluster

    from quotekit.corpus.dask import extract_bag, warm_up, worker_stats

    t0 = time.perf_counter()
    cluster = LocalCluster(
        n_workers=n_workers, threads_per_worker=1, processes=True, dashboard_address=":0"
    )
    client = Client(cluster)
    try:
        t1 = time.perf_counter()
        client.run(warm_up)
        cpu0 = sum(client.run(_cpu_seconds).values())
        load0 = _load_average()
        t2 = time.perf_counter()
        bag = db.from_sequence(articles, partition_size=partition_size)
        results = extract_bag(bag, batch_size=batch_size).compute()
        t3 = time.perf_counter()
        cpu = sum(client.run(_cpu_seconds).values()) - cpu0
        load1 = _load_average()
        rss = sorted(client.run(_rss_mb).values())
        stats = client.run(worker_stats)
    finally:
        client.close()
        cluster.close()
    words = sum(len(a["text"].split()) for a in articles)
    seconds = t3 - t2
    return {
        "mode": f"dask {n_workers} worker(s)",
        "articles": len(articles),
        "words": words,
        "partitions": bag.npartitions,
        "seconds": round(seconds, 2),
        "articles_per_s": round(len(articles) / seconds, 2),
        "words_per_s": round(words / seconds),
        "cluster_start_s": round(t1 - t0, 2),
        "model_load_s": round(t2 - t1, 2),
        "worker_cpu_s": round(cpu, 1),
        "articles_per_worker_cpu_s": round(len(articles) / cpu, 2),
        "load_average_before_after": [load0, load1],
        "worker_rss_mb": [round(x) for x in rss],
        "pipelines_loaded_per_worker": sorted(s["loads"] for s in stats.values()),
    }, results


def bench_single(articles: list[dict], batch_size: int) -> tuple[dict, list[dict]]:
    import quotekit

    t0 = time.perf_counter()
    nlp = quotekit.load()
    cpu0 = _cpu_seconds()
    t1 = time.perf_counter()
    results = [
        a.to_dict()
        for a in quotekit.extract_many(
            [(a["text"], a["id"]) for a in articles], nlp=nlp, batch_size=batch_size
        )
    ]
    t2 = time.perf_counter()
    words = sum(len(a["text"].split()) for a in articles)
    seconds = t2 - t1
    return {
        "mode": "single process (extract_many)",
        "articles": len(articles),
        "words": words,
        "seconds": round(seconds, 2),
        "articles_per_s": round(len(articles) / seconds, 2),
        "words_per_s": round(words / seconds),
        "model_load_s": round(t1 - t0, 2),
        "cpu_s": round(_cpu_seconds() - cpu0, 1),
        "load_average_after": _load_average(),
        "rss_mb": round(_rss_mb()),
    }, results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", help="JSONL of {id, text}")
    parser.add_argument("--limit", type=int, help="only the first N articles")
    parser.add_argument("--workers", default="1,2", help="comma-separated worker counts")
    parser.add_argument("--partition-size", type=int, default=32)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--single", action="store_true", help="add an in-process baseline")
    parser.add_argument("--json", help="also write the results here")
    parser.add_argument(
        "--save-outputs", metavar="DIR", help="write each run's article dicts to DIR/<mode>.jsonl"
    )
    args = parser.parse_args(argv)

    articles = load_articles(args.path, args.limit)
    rows, outputs = [], []
    if args.single:
        row, res = bench_single(articles, args.batch_size)
        rows.append(row)
        outputs.append(res)
        print(json.dumps(row), flush=True)
    for n in (int(x) for x in args.workers.split(",") if x.strip()):
        row, res = bench_dask(articles, n, args.partition_size, args.batch_size)
        rows.append(row)
        outputs.append(res)
        print(json.dumps(row), flush=True)
    if args.save_outputs:
        import os

        os.makedirs(args.save_outputs, exist_ok=True)
        for row, res in zip(rows, outputs):
            name = row["mode"].split(" (")[0].replace(" ", "-") + ".jsonl"
            with open(os.path.join(args.save_outputs, name), "w", encoding="utf-8") as fh:
                fh.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in res)
    identical = all(o == outputs[0] for o in outputs[1:])
    print(f"outputs identical across runs: {identical}", flush=True)
    print("\n| mode | articles | words | seconds | articles/s | words/s |")
    print("|---|---:|---:|---:|---:|---:|")
    for r in rows:
        print(
            f"| {r['mode']} | {r['articles']:,} | {r['words']:,} | {r['seconds']} | "
            f"{r['articles_per_s']} | {r['words_per_s']:,} |"
        )
    if args.json:
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump({"argv": sys.argv, "rows": rows, "identical": identical}, fh, indent=1)
    return 0 if identical else 1


if __name__ == "__main__":
    sys.exit(main())
