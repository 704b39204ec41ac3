"""Run quotekit on Dask: bags, dataframes, and ``quotekit extract --scheduler/--dask-workers``.

>>> import dask.bag as db
>>> from quotekit.corpus.dask import extract_bag
>>> bag = db.read_text("shards/*.jsonl").map(json.loads)      # dicts with "id", "text"
>>> articles = extract_bag(bag)                                # bag of Article dicts
>>> articles.map(json.dumps).to_textfiles("out/*.jsonl")

Each worker process loads the pipeline once, lazily, on the first partition it
processes, and keeps it in a module-level cache keyed by model and config; the
task function is the plain module-level ``extract_partition``, which is pickled
by reference, so no pipeline is ever serialised with a task. Use one thread per
worker process (``threads_per_worker=1``): a spaCy pipeline is not meant to be
shared by threads running at once, and processes give parallelism without the GIL.

Dask itself is imported lazily: ``import quotekit.corpus.dask`` works without it and
the functions that need it raise ``DaskNotInstalled`` (a ``QuotekitError`` and an
``ImportError``) with the install command.
"""

from __future__ import annotations

import argparse
import json
import math
import threading
from collections import deque
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any, TextIO

from .. import api
from ..errors import Errors, QuotekitError, Warnings
from ..pipeline import load
from .inputs import InputRecord, error_dict, error_info, error_output
from .runner import Processor, execute


class DaskNotInstalled(QuotekitError, ImportError):
    """Raised when a Dask feature is used without ``dask``/``distributed`` installed."""


def _require_dask(distributed: bool = False) -> None:
    try:
        import dask  # the top-level package, not this module
        import dask.bag  # noqa: F401

        if distributed:
            import distributed as _distributed  # noqa: F401
    except ImportError as exc:
        raise DaskNotInstalled(Errors.E010) from exc


# ---------------------------------------------------------------------- worker cache
_PIPELINES: dict[tuple[str | None, str | None], Any] = {}
_LOCK = threading.Lock()
_STATS = {"loads": 0, "partitions": 0, "articles": 0}


def _cache_key(model: str | None, config: dict[str, Any] | None) -> tuple[str | None, str | None]:
    return model, (json.dumps(config, sort_keys=True, default=str) if config else None)


def get_pipeline(model: str | None = None, config: dict[str, Any] | None = None):
    """This process's pipeline for ``model``/``config``, loaded on first use and cached.

    ``model=None, config=None`` is the default pipeline (``quotekit.api.default_nlp``).
    """
    key = _cache_key(model, config)
    nlp = _PIPELINES.get(key)
    if nlp is None:
        with _LOCK:
            nlp = _PIPELINES.get(key)
            if nlp is None:
                if model is None and not config:
                    nlp = api.default_nlp()
                else:
                    nlp = load(model, config=config)
                _PIPELINES[key] = nlp
                _STATS["loads"] += 1
    return nlp


def worker_stats() -> dict[str, int]:
    """Pipelines loaded, partitions and articles processed in this process (for tests and
    monitoring: ``client.run(quotekit.corpus.dask.worker_stats)``)."""
    return dict(_STATS)


def warm_up(model: str | None = None, config: dict[str, Any] | None = None) -> int:
    """Load the pipeline in this process now; ``client.run(warm_up)`` loads it on every worker."""
    get_pipeline(model, config)
    return _STATS["loads"]


def _error(rid: str | None, code: str, message: str, origin: str) -> dict[str, Any]:
    """An error record, as ``quotekit.corpus.inputs.error_output`` makes them."""
    return error_dict(rid, error_info(code, message, origin))


def _as_id(value: Any) -> str | None:
    if value is None or type(value).__name__ in ("NAType", "NaTType"):
        return None
    if isinstance(value, float) and math.isnan(value):  # a missing id in a dataframe
        return None
    return str(value)


def extract_partition(
    items: Iterable[Any],
    text_key: str = "text",
    id_key: str = "id",
    batch_size: int = 64,
    model: str | None = None,
    config: dict[str, Any] | None = None,
) -> list[dict[str, Any]]:
    """Article dicts for one partition of strings or mappings, in order.

    An item that is neither a str nor a mapping with a ``text_key`` string gets an
    error record (E014); an article whose processing raises gets one too (E015).
    """
    items = list(items)
    outs: list[dict[str, Any] | None] = [None] * len(items)
    todo: list[tuple[int, str, str | None]] = []
    for i, item in enumerate(items):
        if isinstance(item, str):
            todo.append((i, item, None))
        elif isinstance(item, Mapping) and isinstance(item.get(text_key), str):
            todo.append((i, item[text_key], _as_id(item.get(id_key))))
        else:
            rid = _as_id(item.get(id_key)) if isinstance(item, Mapping) else None
            message = Errors.E014.format(index=i, key=text_key, type=type(item).__name__)
            outs[i] = _error(rid, "E014", message, f"item {i}")
    if todo:
        _extract_into(outs, todo, get_pipeline(model, config), batch_size)
    _STATS["partitions"] += 1
    _STATS["articles"] += len(todo)
    return outs  # type: ignore[return-value]


def _extract_into(
    outs: list[dict[str, Any] | None],
    todo: list[tuple[int, str, str | None]],
    nlp: Any,
    batch_size: int,
) -> None:
    """Fill ``outs`` at the indices of ``todo`` with article dicts, or error records (E015).

    A failure anywhere in the batch makes the rest run one article at a time, so the
    article that raises is found and only it gets an error record.
    """
    try:
        texts = [(text, rid) for _, text, rid in todo]
        articles = api.extract_many(texts, nlp=nlp, batch_size=batch_size, on_error="raise")
        for (i, _, _), article in zip(todo, articles):
            outs[i] = dict(article.to_dict())
    except Exception:  # noqa: BLE001  find the culprit: redo the rest one by one
        for i, text, rid in todo:
            if outs[i] is not None:
                continue
            try:
                outs[i] = dict(api.extract(text, rid, nlp=nlp).to_dict())
            except Exception as exc:  # noqa: BLE001  reported in the article's error record
                reason = f"{type(exc).__name__}: {exc}"
                outs[i] = _error(
                    rid, "E015", Errors.E015.format(id=rid, reason=reason), f"item {i}"
                )


# ---------------------------------------------------------------------- public API
def extract_bag(
    bag,
    *,
    text_key: str = "text",
    id_key: str = "id",
    batch_size: int = 64,
    model: str | None = None,
    config: dict[str, Any] | None = None,
):
    """A bag of article dicts (``Article.to_dict()``) from a bag of strings or dicts.

    bag (dask.bag.Bag): items are article texts, or mappings with ``text_key`` (and
        optionally ``id_key``). Partition order and item order are kept.
    batch_size (int): texts per ``nlp.pipe`` batch inside a partition.
    model, config: passed to ``quotekit.load``; default: the default pipeline.
    RETURNS (dask.bag.Bag): one dict per item; bad items get error records.
    """
    _require_dask()
    return bag.map_partitions(
        extract_partition,
        text_key=text_key,
        id_key=id_key,
        batch_size=batch_size,
        model=model,
        config=config,
    )


#: Columns of ``extract_dataframe``'s result.
DATAFRAME_COLUMNS = ("id", "article", "n_quotes", "n_entities", "error")


def _frame_meta():
    import pandas as pd

    return pd.DataFrame(
        {
            "id": pd.Series([], dtype=object),
            "article": pd.Series([], dtype=object),
            "n_quotes": pd.Series([], dtype="int64"),
            "n_entities": pd.Series([], dtype="int64"),
            "error": pd.Series([], dtype=object),
        }
    )


def extract_frame_partition(
    pdf,
    text_column: str = "text",
    id_column: str | None = "id",
    batch_size: int = 64,
    model: str | None = None,
    config: dict[str, Any] | None = None,
):
    """``extract_dataframe``'s task for one pandas partition."""
    import pandas as pd

    texts = pdf[text_column].tolist()
    if id_column is not None and id_column in pdf.columns:
        ids = pdf[id_column].tolist()
    else:
        ids = [str(x) for x in pdf.index]
    outs = extract_partition(
        [{"text": t, "id": i} for t, i in zip(texts, ids)],
        batch_size=batch_size,
        model=model,
        config=config,
    )
    frame = pd.DataFrame(
        {
            "id": pd.Series([o["id"] for o in outs], dtype=object),
            "article": pd.Series([json.dumps(o, ensure_ascii=False) for o in outs], dtype=object),
            "n_quotes": pd.Series([len(o["quotes"]) for o in outs], dtype="int64"),
            "n_entities": pd.Series([len(o["entities"]) for o in outs], dtype="int64"),
            "error": pd.Series(
                [o["error"]["code"] if o.get("error") else None for o in outs], dtype=object
            ),
        }
    )
    frame.index = pdf.index
    meta = _frame_meta()
    return frame.astype(meta.dtypes.to_dict()) if len(frame) else meta.set_axis(pdf.index[:0])


def extract_dataframe(
    df,
    text_column: str = "text",
    id_column: str | None = "id",
    *,
    batch_size: int = 64,
    model: str | None = None,
    config: dict[str, Any] | None = None,
):
    """A dataframe with one row per input row (same index): ``id``, ``article`` (the
    article as a JSON string, ``Article.to_dict()``), ``n_quotes``, ``n_entities``
    and ``error`` (an error code, or None).

    The whole result is kept as one JSON column rather than flattened because quotes
    and entities are nested lists; ``df.article.map(json.loads)`` gives the dicts.
    When ``id_column`` is None or missing, the index (as str) is the id.
    """
    _require_dask()
    return df.map_partitions(
        extract_frame_partition,
        text_column,
        id_column,
        batch_size,
        model,
        config,
        meta=_frame_meta(),
    )


# ---------------------------------------------------------------------- the CLI
def _ordered_process(
    client, records: Iterable[InputRecord], partition_size: int, window: int, batch_size: int
) -> Iterator[tuple[InputRecord, dict[str, Any]]]:
    """``(input record, output)`` pairs in input order, processed on ``client``'s workers.

    Records are cut into partitions of ``partition_size`` and at most ``window``
    partitions are in flight, so memory stays bounded whatever the corpus size.
    """
    pending: deque[tuple[list[InputRecord], Any]] = deque()

    def submit(chunk: list[InputRecord]) -> None:
        ok = [{"id": r.id, "text": r.text} for r in chunk if r.error is None]
        future = (
            client.submit(extract_partition, ok, "text", "id", batch_size, pure=False)
            if ok
            else None
        )
        pending.append((chunk, future))

    def drain_one() -> Iterator[tuple[InputRecord, dict[str, Any]]]:
        chunk, future = pending.popleft()
        outs = iter(future.result() if future is not None else ())
        for rec in chunk:
            yield rec, (error_output(rec) if rec.error is not None else next(outs))

    chunk: list[InputRecord] = []
    for rec in records:
        chunk.append(rec)
        if len(chunk) >= partition_size:
            submit(chunk)
            chunk = []
            while len(pending) >= window:
                yield from drain_one()
            # hand back whatever is already finished, without waiting
            while pending and pending[0][1] is not None and pending[0][1].done():
                yield from drain_one()
            while pending and pending[0][1] is None:
                yield from drain_one()
    if chunk:
        submit(chunk)
    while pending:
        yield from drain_one()


def run_dask(paths: list[str], args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    """``quotekit extract`` on Dask: ``--scheduler ADDRESS`` or ``--dask-workers N``.

    Shards, output files, ``--resume`` and the progress bar work as in
    ``quotekit.corpus.runner``; the client reads the inputs and sends partitions of
    ``--batch-size`` articles to the workers. Without ``--output-dir`` the records
    go to stdout in input order.
    """
    _require_dask(distributed=True)
    quiet = bool(getattr(args, "quiet", False))
    if getattr(args, "n_process", 1) not in (None, 1) and not quiet:
        print("quotekit: warning: " + Warnings.W004, file=stderr)

    def backend(a: argparse.Namespace):
        return _dask_backend(a, quiet, stderr)

    return execute(paths, args, stdout, stderr, backend)


@contextmanager
def _dask_backend(a: argparse.Namespace, quiet: bool, stderr: TextIO) -> Iterator[Processor]:
    """A ``Processor`` on the cluster at ``--scheduler``, or on a local cluster of
    ``--dask-workers`` processes (closed afterwards; a running cluster is left running)."""
    from distributed import Client, LocalCluster

    cluster = None
    if getattr(a, "scheduler", None):
        client = Client(a.scheduler)
    else:
        cluster = LocalCluster(
            n_workers=a.dask_workers,
            threads_per_worker=1,
            processes=True,
            dashboard_address=":0",
        )
        client = Client(cluster)
    try:
        threads = sum(client.nthreads().values()) or 1
        if not quiet:
            where = a.scheduler or f"a local cluster of {a.dask_workers} worker(s)"
            print(f"quotekit: running on {where} ({threads} worker thread(s))", file=stderr)
        size = max(1, getattr(a, "batch_size", 64) or 64)

        def process(records: Iterable[InputRecord]):
            return _ordered_process(client, records, size, max(4, 3 * threads), size)

        yield process
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
