"""Speed and memory benchmark: quotekit against bare spaCy and textacy.

Prints, for the same texts in the same run (alternating rounds, medians):

* throughput (words/s, articles/s) of the bare model (``spacy.load(name)``, its
  default pipeline, nothing excluded) through ``nlp.pipe(texts, batch_size=64)``,
  of ``quotekit.extract_many`` (full extraction including ``Article`` building,
  with reported speech on, the default, and off: ``quotekit.load(reported=False)``),
  and of textacy's ``direct_quotations`` on top of the bare model; the ratio
  quotekit / bare spaCy;
* the share of quotekit's time spent in each pipeline component, in ``Article``
  building and elsewhere, and the share of quotekit's own components;
* peak RSS, and RSS after 1,000 vs 10,000 articles through ``extract_many``
  (in a subprocess, so the figures are clean);
* ``n_process=1`` vs ``2`` throughput of ``extract_many`` (at its default
  batch size), with the start-up cost of the worker processes reported
  separately, and bare spaCy's own ``nlp.pipe(n_process=1 / 2)`` for reference;
* time per character for texts of 1k, 10k, 100k and 1M characters through
  ``quotekit.extract``.

Word counts are whitespace-split tokens of the input texts, the same for every
system. Run from the repository root, e.g.::

    python benchmarks/bench_speed.py --corpus both --limit 300 --json out.json

The corpora are read from ``/work/shared/data`` (or ``--data DIR``); nothing
from them is written anywhere but the optional JSON of figures.
"""

from __future__ import annotations

import argparse
import gc
import itertools
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

DEFAULT_DATA = Path(os.environ.get("QUOTEKIT_BENCH_DATA", "/work/shared/data"))
CORPORA = {"polnear": "polnear/dev.jsonl", "bbc": "bbc/articles.jsonl"}
QUOTEKIT_TARGET_SHARE = 0.10
BATCH_SIZE = 64

perf = time.perf_counter
cpu = time.process_time


# --------------------------------------------------------------------------- data


def read_corpus(data: Path, name: str, limit: int | None = None) -> list[str]:
    """The ``text`` fields of a JSONL corpus, in file order, at most ``limit``."""
    texts = []
    with open(data / CORPORA[name], encoding="utf8") as fh:
        for line in fh:
            line = line.strip()
            if not line:
                continue
            text = json.loads(line).get("text")
            if isinstance(text, str) and text.strip():
                texts.append(text)
            if limit is not None and len(texts) >= limit:
                break
    return texts


def n_words(texts: Iterable[str]) -> int:
    return sum(len(t.split()) for t in texts)


def rss_now_kb() -> int:
    """Current resident set size in KiB (Linux ``/proc``; 0 elsewhere)."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def peak_rss_kb() -> int:
    """Peak RSS of this process (``ru_maxrss``, KiB on Linux)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def mib(kb: float) -> str:
    return f"{kb / 1024:,.0f} MiB"


# --------------------------------------------------------------------------- systems


def load_pipelines() -> tuple[Any, Any, str]:
    import spacy

    import quotekit
    from quotekit.pipeline import resolve_model

    name = resolve_model()
    bare = spacy.load(name)
    qk = quotekit.load()
    return bare, qk, name


def run_bare(
    nlp: Any, texts: list[str], batch_size: int = BATCH_SIZE, n_process: int = 1
) -> dict[str, int]:
    n = 0
    for _doc in nlp.pipe(texts, batch_size=batch_size, n_process=n_process):
        n += 1
    return {"docs": n}


def run_quotekit(
    nlp: Any, texts: list[str], batch_size: int = BATCH_SIZE, n_process: int = 1
) -> dict[str, int]:
    import quotekit

    n = quotes = reported = 0
    for article in quotekit.extract_many(
        texts, nlp=nlp, batch_size=batch_size, n_process=n_process
    ):
        n += 1
        quotes += len(article.quotes)
        reported += len(getattr(article, "reported", ()))
    return {"docs": n, "quotes": quotes, "reported": reported}


def run_textacy(nlp: Any, texts: list[str], batch_size: int = BATCH_SIZE) -> dict[str, int]:
    from textacy.extract.triples import direct_quotations

    n = quotes = errors = 0
    for doc in nlp.pipe(texts, batch_size=batch_size):
        n += 1
        try:
            for _triple in direct_quotations(doc):
                quotes += 1
        except ValueError:  # odd number of quotation marks: textacy bails out on the doc
            errors += 1
    return {"docs": n, "quotes": quotes, "value_errors": errors}


def timed(fn: Callable[[], dict[str, int]]) -> tuple[float, dict[str, int]]:
    """Wall time of ``fn()``; its CPU time (this process) goes into ``info["cpu_s"]``."""
    gc.collect()
    c0, t0 = cpu(), perf()
    info = fn()
    wall = perf() - t0
    return wall, {**info, "cpu_s": cpu() - c0}


def load_average() -> str:
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "?"


# --------------------------------------------------------------------------- throughput


def bench_throughput(
    label: str, texts: list[str], bare: Any, qk: Any, rounds: int, out: dict[str, Any]
) -> None:
    words = n_words(texts)
    chars = sum(map(len, texts))
    import quotekit

    qk_off = quotekit.load(reported=False)
    systems: list[tuple[str, Callable[[], dict[str, int]]]] = [
        ("spaCy (bare)", lambda: run_bare(bare, texts)),
        ("quotekit", lambda: run_quotekit(qk, texts)),
        ("quotekit (reported off)", lambda: run_quotekit(qk_off, texts)),
        ("textacy direct_quotations", lambda: run_textacy(bare, texts)),
    ]
    # Warm-up: first batches pay for lazy initialisation (vocab, tables, matchers).
    warm = texts[: min(8, len(texts))]
    run_bare(bare, warm)
    run_quotekit(qk, warm)
    run_quotekit(qk_off, warm)
    run_textacy(bare, warm)
    times: dict[str, list[float]] = {name: [] for name, _ in systems}
    cpus: dict[str, list[float]] = {name: [] for name, _ in systems}
    infos: dict[str, dict[str, int]] = {}
    load0 = load_average()
    for r in range(rounds):
        k = r % len(systems)  # rotate the order every round
        for name, fn in systems[k:] + systems[:k]:
            dt, info = timed(fn)
            times[name].append(dt)
            cpus[name].append(info["cpu_s"])
            infos[name] = info
    print(
        f"\n## Throughput: {label} ({len(texts):,} articles, {words:,} words, "
        f"{chars:,} chars; {rounds} rounds, medians; load average {load0} -> "
        f"{load_average()})"
    )
    print(
        f"{'system':<28}{'wall s':>8}{'words/s':>9}{'articles/s':>11}{'CPU s':>8}"
        f"{'words/CPU-s':>12}   wall per round (s)"
    )
    res: dict[str, Any] = {
        "articles": len(texts),
        "words": words,
        "chars": chars,
        "rounds": rounds,
        "systems": {},
    }
    for name, _ in systems:
        med = statistics.median(times[name])
        cmed = statistics.median(cpus[name])
        print(
            f"{name:<28}{med:>8.2f}{words / med:>9,.0f}{len(texts) / med:>11.2f}"
            f"{cmed:>8.2f}{words / cmed:>12,.0f}   " + " ".join(f"{t:.2f}" for t in times[name])
        )
        res["systems"][name] = {
            "median_s": med,
            "words_per_s": words / med,
            "articles_per_s": len(texts) / med,
            "times": times[name],
            "median_cpu_s": cmed,
            "cpu_times": cpus[name],
            **infos[name],
        }
    tq = statistics.median(times["quotekit"])
    tb = statistics.median(times["spaCy (bare)"])
    tt = statistics.median(times["textacy direct_quotations"])
    ratio = tb / tq
    cratio = statistics.median(cpus["spaCy (bare)"]) / statistics.median(cpus["quotekit"])
    res["ratio_quotekit_over_bare"] = ratio
    res["cpu_ratio_quotekit_over_bare"] = cratio
    res["ratio_quotekit_over_textacy"] = tt / tq
    verdict = "FASTER than" if ratio > 1 else "SLOWER than"
    print(
        f"quotekit / bare spaCy throughput ratio (wall): {ratio:.3f}  -> quotekit is "
        f"{verdict} bare spaCy ({(ratio - 1) * 100:+.1f}%)"
    )
    print(f"quotekit / bare spaCy throughput ratio (CPU time): {cratio:.3f}")
    off = tb / statistics.median(times["quotekit (reported off)"])
    res["ratio_quotekit_reported_off_over_bare"] = off
    print(f"quotekit (reported off) / bare spaCy throughput ratio (wall): {off:.3f}")
    print(f"quotekit / textacy throughput ratio (wall): {tt / tq:.3f}")
    tx = infos["textacy direct_quotations"]
    print(
        f"quotes found: quotekit {infos['quotekit']['quotes']:,}; textacy {tx['quotes']:,} "
        f"(textacy raised ValueError on {tx['value_errors']:,} of {len(texts):,} docs: "
        "odd number of quotation marks)"
    )
    out[label] = res


# --------------------------------------------------------------------------- components


class _Clock:
    """Exclusive time per name; a component's pull from upstream is not charged to it."""

    def __init__(self) -> None:
        self.totals: dict[str, float] = {}

    def add(self, name: str, dt: float) -> None:
        self.totals[name] = self.totals.get(name, 0.0) + dt


class _TimedComponent:
    def __init__(self, name: str, proc: Any, clock: _Clock):
        self.name = name
        self.proc = proc
        self.clock = clock

    def __call__(self, doc: Any) -> Any:
        t0 = cpu()
        doc = self.proc(doc)
        self.clock.add(self.name, cpu() - t0)
        return doc

    def pipe(self, docs: Iterable[Any], batch_size: int = 128, **kwargs: Any) -> Iterator[Any]:
        waited = [0.0]

        def upstream() -> Iterator[Any]:
            it = iter(docs)
            while True:
                t0 = cpu()
                try:
                    d = next(it)
                except StopIteration:
                    waited[0] += cpu() - t0
                    return
                waited[0] += cpu() - t0
                yield d

        if hasattr(self.proc, "pipe"):
            gen = iter(self.proc.pipe(upstream(), batch_size=batch_size, **kwargs))
        else:
            gen = (self.proc(d) for d in upstream())
        while True:
            t0, w0 = cpu(), waited[0]
            try:
                d = next(gen)
            except StopIteration:
                self.clock.add(self.name, cpu() - t0 - (waited[0] - w0))
                return
            self.clock.add(self.name, cpu() - t0 - (waited[0] - w0))
            yield d


class _TimedTokenizer:
    def __init__(self, tok: Any, clock: _Clock):
        self.tok = tok
        self.clock = clock

    def __call__(self, text: str) -> Any:
        t0 = cpu()
        doc = self.tok(text)
        self.clock.add("tokenizer", cpu() - t0)
        return doc

    def __getattr__(self, item: str) -> Any:
        return getattr(self.tok, item)


def _instrument(nlp: Any, clock: _Clock) -> Callable[[], None]:
    originals = list(nlp._components)
    tokenizer = nlp.tokenizer
    nlp._components[:] = [(name, _TimedComponent(name, proc, clock)) for name, proc in originals]
    nlp.tokenizer = _TimedTokenizer(tokenizer, clock)

    def restore() -> None:
        nlp._components[:] = originals
        nlp.tokenizer = tokenizer

    return restore


def component_shares(nlp: Any, texts: list[str], *, quotekit_run: bool) -> dict[str, Any]:
    """One timed pass; returns exclusive seconds per component and the wall time."""
    from quotekit import api

    clock = _Clock()
    restore = _instrument(nlp, clock)
    real_article = api.Article

    class _TimedArticle:
        @staticmethod
        def from_doc(doc: Any, id: str | None = None) -> Any:
            t0 = cpu()
            art = real_article.from_doc(doc, id=id)
            clock.add("Article building", cpu() - t0)
            return art

    try:
        if quotekit_run:
            api.Article = _TimedArticle  # type: ignore[misc,assignment]
            wall, info = timed(lambda: run_quotekit(nlp, texts))
        else:
            wall, info = timed(lambda: run_bare(nlp, texts))
    finally:
        api.Article = real_article  # type: ignore[misc]
        restore()
    return {"wall_s": wall, "cpu_s": info["cpu_s"], "components": dict(clock.totals)}


def bench_components(label: str, texts: list[str], bare: Any, qk: Any, out: dict[str, Any]) -> None:
    q = component_shares(qk, texts, quotekit_run=True)
    b = component_shares(bare, texts, quotekit_run=False)
    words = n_words(texts)
    print(
        f"\n## Where the time goes: {label} ({len(texts):,} articles, one instrumented pass "
        "each; exclusive CPU time per component, so other load on the machine matters little)"
    )
    names = ["tokenizer"] + list(qk.pipe_names) + ["Article building"]
    bare_names = set(bare.pipe_names) | {"tokenizer"}
    for extra in bare.pipe_names:
        if extra not in names:
            names.insert(names.index("Article building"), extra)
    print(
        f"{'component':<24}{'quotekit s':>11}{'share':>8}{'bare spaCy s':>14}{'share':>8}"
        "   (CPU seconds)"
    )
    qt, bt = q["cpu_s"], b["cpu_s"]
    for name in names:
        qs = q["components"].get(name)
        bs = b["components"].get(name) if name in bare_names else None
        qcol = f"{qs:>11.2f}{qs / qt:>8.1%}" if qs is not None else f"{'-':>11}{'':>8}"
        bcol = f"{bs:>14.2f}{bs / bt:>8.1%}" if bs is not None else f"{'-':>14}{'':>8}"
        print(f"{name:<24}{qcol}{bcol}")
    q_other = qt - sum(q["components"].values())
    b_other = bt - sum(b["components"].values())
    print(
        f"{'other (pipe, batching)':<24}{q_other:>11.2f}{q_other / qt:>8.1%}"
        f"{b_other:>14.2f}{b_other / bt:>8.1%}"
    )
    print(f"{'total (CPU)':<24}{qt:>11.2f}{1:>8.1%}{bt:>14.2f}{1:>8.1%}")
    own = sum(v for k, v in q["components"].items() if k.startswith("quotekit_"))
    art = q["components"].get("Article building", 0.0)
    print(
        f"quotekit's own components: {own:.2f} s = {own / qt:.1%} of quotekit's time "
        f"(target <= {QUOTEKIT_TARGET_SHARE:.0%}: "
        f"{'OK' if own / qt <= QUOTEKIT_TARGET_SHARE else 'MISSED'}); "
        f"with Article building: {(own + art) / qt:.1%}"
    )
    print(
        f"(instrumented pass: quotekit {words / qt:,.0f} words/CPU-s, wall {q['wall_s']:.2f} s; "
        f"bare {words / bt:,.0f} words/CPU-s, wall {b['wall_s']:.2f} s)"
    )
    out[label] = {
        "quotekit": q,
        "bare": b,
        "own_share": own / qt,
        "own_plus_article_share": (own + art) / qt,
    }


# --------------------------------------------------------------------------- memory


def rss_worker(args: argparse.Namespace) -> None:
    """Runs in a subprocess: RSS after ``checkpoint`` and after ``total`` articles."""
    import quotekit

    texts = []
    for c in args.corpora:
        texts.extend(read_corpus(args.data, c))
    nlp = quotekit.load()
    run_quotekit(nlp, texts[:8])
    after_load = rss_now_kb()
    marks = sorted({args.rss_checkpoint, args.rss_articles})
    out: dict[str, Any] = {"after_load_kb": after_load, "points": []}
    t0 = perf()
    # Stream a little past the last mark: when the input is exhausted, spaCy drops its
    # batch buffers and the allocator returns memory, so an end-of-stream reading would
    # understate the RSS of a long-running job.
    stream = itertools.islice(itertools.cycle(texts), args.rss_articles + 2 * BATCH_SIZE)
    articles = quotekit.extract_many(stream, nlp=nlp, batch_size=BATCH_SIZE)
    for n, _article in enumerate(articles, start=1):
        if n in marks or n % 1000 == 0:
            gc.collect()
            point = {
                "articles": n,
                "rss_kb": rss_now_kb(),
                "maxrss_kb": peak_rss_kb(),
                "elapsed_s": perf() - t0,
            }
            print("progress " + json.dumps(point), file=sys.stderr, flush=True)
            if n in marks:
                out["points"].append(point)
    out["peak_kb"] = peak_rss_kb()
    out["corpus_articles"] = len(texts)
    print(json.dumps(out))


def bench_rss(args: argparse.Namespace, out: dict[str, Any]) -> None:
    cmd = [
        sys.executable,
        os.path.abspath(__file__),
        "--_rss-worker",
        "--data",
        str(args.data),
        "--corpus",
        args.corpus,
        "--rss-articles",
        str(args.rss_articles),
        "--rss-checkpoint",
        str(args.rss_checkpoint),
    ]
    t0 = perf()
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        print(f"\n## Memory: subprocess failed ({proc.returncode})\n{proc.stderr[-2000:]}")
        return
    res = json.loads(proc.stdout.strip().splitlines()[-1])
    print(
        f"\n## Memory: extract_many over {args.rss_articles:,} articles (corpus "
        f"'{args.corpus}', {res['corpus_articles']:,} articles cycled; fresh subprocess, "
        f"{perf() - t0:.0f} s)"
    )
    print(f"RSS after loading the pipeline (+8 warm-up articles): {mib(res['after_load_kb'])}")
    for p in res["points"]:
        print(
            f"RSS after {p['articles']:>6,} articles: {mib(p['rss_kb'])}  "
            f"(peak so far {mib(p['maxrss_kb'])}, {p['elapsed_s']:.0f} s)"
        )
    if len(res["points"]) == 2:
        a, b = res["points"]
        ratio = b["rss_kb"] / a["rss_kb"]
        print(
            f"RSS growth {a['articles']:,} -> {b['articles']:,} articles: x{ratio:.3f} "
            f"({(ratio - 1) * 100:+.1f}%; target within 10%: "
            f"{'OK' if abs(ratio - 1) <= 0.10 else 'MISSED'})"
        )
        res["growth_ratio"] = ratio
    print(f"peak RSS (ru_maxrss) of the quotekit subprocess: {mib(res['peak_kb'])}")
    out["rss"] = res


# --------------------------------------------------------------------------- n_process


def bench_nproc(texts: list[str], bare: Any, qk: Any, out: dict[str, Any]) -> None:
    import inspect

    import quotekit

    batch = inspect.signature(quotekit.extract_many).parameters["batch_size"].default
    words = n_words(texts)
    # Start-up cost: fork two workers, send them two tiny texts, collect, join.
    tiny = ["Hello.", 'He said: "Hi."']
    run_quotekit(qk, tiny, n_process=2)  # warm the fork path once
    startups = [
        timed(lambda: run_quotekit(qk, tiny, batch_size=batch, n_process=2))[0] for _ in range(3)
    ]
    startup = statistics.median(startups)
    t1, _ = timed(lambda: run_quotekit(qk, texts, batch_size=batch, n_process=1))
    t2, _ = timed(lambda: run_quotekit(qk, texts, batch_size=batch, n_process=2))
    # For reference: spaCy's own multiprocessing, bare model, same texts.
    b1, _ = timed(lambda: run_bare(bare, texts, batch_size=BATCH_SIZE))
    b2, _ = timed(lambda: run_bare(bare, texts, batch_size=BATCH_SIZE, n_process=2))
    print(
        f"\n## n_process: extract_many on {len(texts):,} articles ({words:,} words), "
        f"batch_size={batch} (extract_many's default), {os.cpu_count()} cores"
    )
    print(
        f"n_process=1: {t1:7.2f} s  {words / t1:>8,.0f} words/s  {len(texts) / t1:6.2f} articles/s"
    )
    print(
        f"n_process=2: {t2:7.2f} s  {words / t2:>8,.0f} words/s  {len(texts) / t2:6.2f} articles/s"
    )
    print(f"start-up + shutdown of 2 worker processes (2 tiny texts, median of 3): {startup:.2f} s")
    speedup = t1 / t2
    net = t1 / max(t2 - startup, 1e-9)
    print(
        f"speed-up n_process=2 vs 1: x{speedup:.2f} including start-up, x{net:.2f} "
        f"excluding it (target >= x1.6: {'OK' if speedup >= 1.6 else 'MISSED'})"
    )
    print(
        f"reference, bare spaCy nlp.pipe(batch_size={BATCH_SIZE}): n_process=1 {b1:.2f} s, "
        f"n_process=2 {b2:.2f} s, x{b1 / b2:.2f}; quotekit n_process=2 vs bare "
        f"n_process=2: x{b2 / t2:.2f} words/s"
    )
    out["nproc"] = {
        "articles": len(texts),
        "words": words,
        "batch_size": batch,
        "t1_s": t1,
        "t2_s": t2,
        "startup_s": startup,
        "speedup": speedup,
        "speedup_net": net,
        "bare_t1_s": b1,
        "bare_t2_s": b2,
        "bare_speedup": b1 / b2,
    }


# --------------------------------------------------------------------------- scaling


def _paragraphs(texts: list[str]) -> list[str]:
    return [p.strip() for t in texts for p in t.split("\n\n") if p.strip()]


def build_long_texts(texts: list[str], size: int, count: int) -> list[str]:
    """``count`` texts of at most ``size`` chars: consecutive corpus paragraphs,
    joined by blank lines (a paragraph longer than ``size`` is cut at a space)."""
    paras = itertools.cycle(_paragraphs(texts))
    out = []
    pending: str | None = None
    for _ in range(count):
        parts: list[str] = []
        length = 0
        while True:
            p = pending if pending is not None else next(paras)
            pending = None
            add = len(p) + (2 if parts else 0)
            if length + add <= size:
                parts.append(p)
                length += add
                continue
            if not parts:  # a single paragraph longer than the target: cut it
                cut = p.rfind(" ", 0, size)
                parts.append(p[: cut if cut > 0 else size])
            else:
                pending = p
            break
        out.append("\n\n".join(parts))
    return out


def bench_scaling(texts: list[str], qk: Any, rounds: int, out: dict[str, Any]) -> None:
    import quotekit

    plan = [(1_000, 50), (10_000, 10), (100_000, 2), (1_000_000, 1)]
    sets = {size: build_long_texts(texts, size, count) for size, count in plan}
    quotekit.extract(sets[10_000][0], nlp=qk)  # warm-up
    per_char: dict[int, list[float]] = {size: [] for size, _ in plan}
    for _ in range(rounds):
        for size, _count in plan:
            chunk = sets[size]
            chars = sum(map(len, chunk))

            def run(chunk: list[str] = chunk) -> dict[str, int]:
                for t in chunk:
                    quotekit.extract(t, nlp=qk)
                return {}

            _wall, info = timed(run)
            per_char[size].append(info["cpu_s"] / chars)
    print(
        f"\n## Scaling with article length: quotekit.extract, one text at a time "
        f"(default max_chars=100,000; CPU time; {rounds} rounds, medians)"
    )
    print(
        f"{'target size':>12}{'texts':>7}{'mean chars':>12}{'us/char':>10}{'chars/CPU-s':>12}"
        f"{'vs 10k':>8}"
    )
    ref = statistics.median(per_char[10_000])
    res = {}
    for size, count in plan:
        med = statistics.median(per_char[size])
        mean_chars = sum(map(len, sets[size])) / count
        print(
            f"{size:>12,}{count:>7}{mean_chars:>12,.0f}{med * 1e6:>10.2f}{1 / med:>12,.0f}"
            f"{med / ref:>8.2f}"
        )
        res[size] = {
            "texts": count,
            "mean_chars": mean_chars,
            "s_per_char": med,
            "rounds": per_char[size],
        }
    r = statistics.median(per_char[1_000_000]) / ref
    print(
        f"per-char time at 1M vs 10k: x{r:.2f} (target <= x1.5: {'OK' if r <= 1.5 else 'MISSED'})"
    )
    out["scaling"] = res


# --------------------------------------------------------------------------- main


def machine_info(model: str) -> dict[str, Any]:
    import numpy
    import spacy

    info: dict[str, Any] = {
        "python": platform.python_version(),
        "spacy": spacy.__version__,
        "numpy": numpy.__version__,
        "model": model,
        "cores": os.cpu_count(),
        "OPENBLAS_CORETYPE": os.environ.get("OPENBLAS_CORETYPE", "(unset)"),
        "OPENBLAS_L2_SIZE": os.environ.get("OPENBLAS_L2_SIZE", "(unset)"),
    }
    try:
        import textacy

        info["textacy"] = textacy.__version__
    except ImportError:
        info["textacy"] = "(not installed)"
    try:
        from threadpoolctl import threadpool_info

        info["blas"] = ", ".join(
            f"{p.get('internal_api')} {p.get('architecture')} {p.get('num_threads')} threads"
            for p in threadpool_info()
        )
    except ImportError:
        info["blas"] = "(threadpoolctl not installed)"
    try:
        with open("/proc/cpuinfo", encoding="utf8") as fh:
            info["cpu"] = next(
                (ln.split(":", 1)[1].strip() for ln in fh if ln.startswith("model name")), "?"
            )
    except OSError:
        info["cpu"] = platform.processor() or "?"
    return info


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", choices=["polnear", "bbc", "both"], default="both")
    ap.add_argument(
        "--limit",
        type=int,
        default=None,
        help="at most N articles per corpus for throughput and component shares",
    )
    ap.add_argument("--rounds", type=int, default=3, help="alternating timed rounds")
    ap.add_argument(
        "--scaling-rounds",
        type=int,
        default=None,
        help="rounds for the length-scaling section (default: min(--rounds, 3))",
    )
    ap.add_argument("--skip-scaling", action="store_true")
    ap.add_argument("--skip-nproc", action="store_true")
    ap.add_argument("--skip-rss", action="store_true")
    ap.add_argument(
        "--skip-throughput",
        action="store_true",
        help="skip the throughput and component-share sections",
    )
    ap.add_argument(
        "--nproc-articles",
        type=int,
        default=600,
        help="articles (corpus cycled if needed) for the n_process test",
    )
    ap.add_argument("--rss-articles", type=int, default=10_000)
    ap.add_argument("--rss-checkpoint", type=int, default=1_000)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--json", type=Path, default=None, help="write all figures here")
    ap.add_argument("--_rss-worker", dest="rss_worker", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    args.corpora = ["polnear", "bbc"] if args.corpus == "both" else [args.corpus]
    if args.rss_worker:
        rss_worker(args)
        return 0

    t_start = perf()
    bare, qk, model = load_pipelines()
    info = machine_info(model)
    corpora = {c: read_corpus(args.data, c, args.limit) for c in args.corpora}
    results: dict[str, Any] = {
        "machine": info,
        "args": {k: str(v) for k, v in vars(args).items()},
        "throughput": {},
        "components": {},
    }
    print("# quotekit speed benchmark")
    print("command: " + " ".join([os.path.basename(sys.executable), *sys.argv]))
    for k, v in info.items():
        print(f"{k}: {v}")
    print(f"bare pipeline: {bare.pipe_names}")
    print(f"quotekit pipeline: {qk.pipe_names}")

    if not args.skip_throughput:
        for c, texts in corpora.items():
            bench_throughput(c, texts, bare, qk, args.rounds, results["throughput"])
        for c, texts in corpora.items():
            bench_components(c, texts, bare, qk, results["components"])
    if not args.skip_rss:
        bench_rss(args, results)
    if not args.skip_nproc or not args.skip_scaling:
        # bbc (many short articles) first when both corpora are used
        pool = [t for c in sorted(args.corpora) for t in read_corpus(args.data, c)]
        if not args.skip_nproc:
            n = args.nproc_articles
            texts = list(itertools.islice(itertools.cycle(pool), n))
            bench_nproc(texts, bare, qk, results)
        if not args.skip_scaling:
            bench_scaling(pool, qk, args.scaling_rounds or min(args.rounds, 3), results)
    results["peak_rss_main_kb"] = peak_rss_kb()
    print(
        f"\npeak RSS of this process (bare + quotekit pipelines, all sections): "
        f"{mib(results['peak_rss_main_kb'])}"
    )
    print(f"total benchmark time: {perf() - t_start:.0f} s")
    if args.json:
        args.json.write_text(json.dumps(results, indent=1, default=str), encoding="utf8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
