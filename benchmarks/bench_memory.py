"""Peak memory of ``quotekit.extract()`` on one very long article, against bare spaCy.

    python benchmarks/bench_memory.py [--chars 1500000] [--source bbc|generated]
        [--bbc ../shared/data/bbc/articles.jsonl] [--one-batch]

The article is built at run time: BBC articles of the shared folder joined with
blank lines until it holds ``--chars`` characters (``--source bbc``, the default
when the file is there; the text is never written anywhere), or paragraphs
generated here from invented names and words (``--source generated``).

Each measurement runs in a fresh subprocess, which reports its peak resident memory
(``resource.getrusage(RUSAGE_SELF).ru_maxrss``), the memory after loading the
pipeline, and the time:

* ``quotekit``: ``quotekit.extract(text)`` (the text is split into parts of at most
  ``DEFAULT_MAX_CHARS`` and the parts go through the pipeline in batches bounded by
  ``processing.BATCH_CHARS`` characters);
* ``spacy``: the bare model (the one ``quotekit.load()`` resolves, without the
  lemmatizer, as ``quotekit.load()`` has it) over the same parts, one Doc at a time
  (``nlp.pipe(parts, batch_size=1)``): the floor any pipeline on this model pays;
* ``spacy-one-batch`` (with ``--one-batch``): the same parts as one batch of 16, as
  ``extract()`` sent them before the batches were bounded (about 4.5 GB).

It prints the figures and the ratio quotekit / bare spaCy; the budget is a peak of
at most 1 GB for quotekit (exit code 1 when it is over).
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_BBC = ROOT.parent / "shared" / "data" / "bbc" / "articles.jsonl"
BUDGET_MB = 1024

NAMES = ["Ines Varga", "Oskar Lind", "Maria Lindqvist", "Tomas Brennan", "Amina Yusuf"]
PLACES = ["Port Elm", "Westbury", "Norland", "Exampletown", "the Valley"]
WORDS = [
    "the",
    "council",
    "said",
    "on",
    "Tuesday",
    "that",
    "a",
    "new",
    "ferry",
    "terminal",
    "would",
    "open",
    "in",
    "spring",
    "after",
    "years",
    "of",
    "delay",
    "and",
    "a",
    "vote",
    "by",
    "members",
    "who",
    "had",
    "asked",
    "for",
    "more",
    "money",
    "from",
    "the",
    "state",
]


def generated_text(n_chars: int, seed: int = 0) -> str:
    """Invented news paragraphs, with quotes and attributions, up to ``n_chars``."""
    rng = random.Random(seed)
    paras: list[str] = []
    size = 0
    while size < n_chars:
        who, where = rng.choice(NAMES), rng.choice(PLACES)
        words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(12, 40)))
        quote = " ".join(rng.choice(WORDS) for _ in range(rng.randint(6, 20)))
        para = (
            f"{words.capitalize()} in {where}. \u201c{quote.capitalize()},\u201d {who} "
            f"told reporters. {who.split()[-1]} added that {words[:60]}."
        )
        paras.append(para)
        size += len(para) + 2
    return "\n\n".join(paras)[:n_chars]


def bbc_text(path: Path, n_chars: int) -> str:
    """BBC articles of the shared folder joined with blank lines, up to ``n_chars``."""
    parts: list[str] = []
    size = 0
    while size < n_chars:
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    parts.append(json.loads(line)["text"])
                    size += len(parts[-1]) + 2
                    if size >= n_chars:
                        break
    return "\n\n".join(parts)[:n_chars]


def _peak_mb() -> float:
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / 2**20 if sys.platform == "darwin" else rss / 2**10  # bytes / KiB


def child(mode: str, source: str, n_chars: int, bbc: str) -> dict:
    """One measurement, in this (fresh) process."""
    text = bbc_text(Path(bbc), n_chars) if source == "bbc" else generated_text(n_chars)
    from quotekit.api import DEFAULT_MAX_CHARS
    from quotekit.longdoc import split_text

    parts = [text[s:e] for s, e in split_text(text, DEFAULT_MAX_CHARS)]
    if mode == "quotekit":
        import quotekit

        nlp = quotekit.load()
        loaded = _peak_mb()
        t0 = time.perf_counter()
        article = quotekit.extract(text, nlp=nlp)
        found = {"quotes": len(article.quotes), "entities": len(article.entities)}
    else:
        import spacy

        from quotekit.pipeline import DEFAULT_EXCLUDE, resolve_model

        nlp = spacy.load(resolve_model(), exclude=list(DEFAULT_EXCLUDE))
        loaded = _peak_mb()
        t0 = time.perf_counter()
        batch = 16 if mode == "spacy-one-batch" else 1
        docs = sum(1 for _ in nlp.pipe(parts, batch_size=batch))
        found = {"docs": docs}
    return {
        "mode": mode,
        "chars": len(text),
        "parts": len(parts),
        "after_load_mb": round(loaded),
        "peak_mb": round(_peak_mb()),
        "seconds": round(time.perf_counter() - t0, 1),
        **found,
    }


def measure(mode: str, source: str, n_chars: int, bbc: str) -> dict:
    cmd = [sys.executable, __file__, "--child", mode, "--source", source]
    cmd += ["--chars", str(n_chars), "--bbc", bbc]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{mode} failed:\n{done.stderr[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--chars", type=int, default=1_500_000)
    parser.add_argument("--source", choices=("bbc", "generated"))
    parser.add_argument("--bbc", default=str(DEFAULT_BBC))
    parser.add_argument("--one-batch", action="store_true", help="also the unbounded batch")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    source = args.source or ("bbc" if Path(args.bbc).is_file() else "generated")
    if args.child:
        print(json.dumps(child(args.child, source, args.chars, args.bbc)))
        return 0
    modes = ["quotekit", "spacy"] + (["spacy-one-batch"] if args.one_batch else [])
    results = {}
    for mode in modes:
        r = results[mode] = measure(mode, source, args.chars, args.bbc)
        if len(results) == 1:
            print(f"article: {r['chars']:,} characters ({source}), {r['parts']} parts")
        print(
            f"  {mode:<16} peak RSS {r['peak_mb']:>6,} MiB  (after load {r['after_load_mb']:,} "
            f"MiB)  {r['seconds']:>7.1f} s",
            flush=True,
        )
    q = results["quotekit"]
    ratio = q["peak_mb"] / results["spacy"]["peak_mb"]
    print(f"  quotekit / bare spaCy peak: x{ratio:.2f}")
    verdict = "OK" if q["peak_mb"] <= BUDGET_MB else "OVER"
    print(f"  budget: peak <= {BUDGET_MB:,} MiB: {verdict}")
    return 0 if q["peak_mb"] <= BUDGET_MB else 1


if __name__ == "__main__":
    sys.exit(main())
