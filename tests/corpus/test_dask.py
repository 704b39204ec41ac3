"""Tests for quotekit.corpus.dask: partitions, bags, dataframes, a 2-worker LocalCluster, the CLI.

All texts are invented here.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import quotekit.corpus.dask as qd
from quotekit.errors import QuotekitError

SPEAKERS = ["Jane Doe", "Tom Okafor", "Maria Lindqvist", "Ahmed Saleh", "Li Wei"]
TIMEOUT = 300  # seconds; clusters start slowly on a loaded machine


def article(i: int) -> str:
    who = SPEAKERS[i % len(SPEAKERS)]
    return (
        f'"We expect {i} new homes next year," {who} told the BBC. '
        f"Residents of Exampletown met the mayor, who said the vote was {i} to 2. "
        f"The United Nations did not comment."
    )


def items(n: int, start: int = 0) -> list[dict]:
    return [{"id": f"doc-{i}", "text": article(i)} for i in range(start, start + n)]


def single_process(records: list[dict]) -> list[dict]:
    import quotekit

    return [a.to_dict() for a in quotekit.extract_many([(r["text"], r["id"]) for r in records])]


def test_this_module_does_not_shadow_dask():
    import dask

    assert dask.__name__ == "dask" and hasattr(dask, "compute")
    assert qd.__name__ == "quotekit.corpus.dask"


def test_missing_dask_gives_coded_error(monkeypatch):
    monkeypatch.setitem(sys.modules, "dask", None)
    monkeypatch.setitem(sys.modules, "dask.bag", None)
    with pytest.raises(qd.DaskNotInstalled) as info:
        qd.extract_bag(object())
    assert isinstance(info.value, ImportError) and isinstance(info.value, QuotekitError)
    assert "[E010]" in str(info.value) and "pip install quotekit[dask]" in str(info.value)


def test_bad_items_get_error_records_without_loading_a_model():
    loads = qd.worker_stats()["loads"]
    out = qd.extract_partition([42, {"id": 7, "text": None}, {"body": "x"}])
    assert [o["error"]["code"] for o in out] == ["E014"] * 3
    assert [o["id"] for o in out] == [None, "7", None]
    assert all(o["quotes"] == [] and o["entities"] == [] and o["sources"] == [] for o in out)
    assert qd.worker_stats()["loads"] == loads


@pytest.mark.model
def test_partition_matches_extract_many_and_keeps_order():
    recs = items(4)
    mixed = [recs[0], recs[1]["text"], 3.5, recs[2], recs[3]]
    out = qd.extract_partition(mixed, batch_size=2)
    expected = single_process(recs)
    assert out[0] == expected[0] and out[3] == expected[2] and out[4] == expected[3]
    assert out[1]["id"] is None and out[1]["quotes"] == expected[1]["quotes"]
    assert out[2]["error"]["code"] == "E014"


@pytest.mark.model
def test_a_failing_article_does_not_sink_the_partition(monkeypatch):
    import quotekit.api

    real = quotekit.api.extract_many

    def flaky(texts, **kw):
        texts = list(texts)
        if any("BOOM" in t for t, _ in texts):
            if len(texts) > 1:
                yield from real(texts[:1], **kw)
            raise RuntimeError("boom")
        yield from real(texts, **kw)

    monkeypatch.setattr(quotekit.api, "extract_many", flaky)
    out = qd.extract_partition([article(0), "BOOM " + article(1), article(2)])
    assert [bool(o.get("error")) for o in out] == [False, True, False]
    assert out[1]["error"]["code"] == "E015" and "boom" in out[1]["error"]["message"]


@pytest.mark.model
def test_extract_bag_and_dataframe_on_the_sync_scheduler():
    import dask
    import dask.bag as db
    import dask.dataframe as ddf
    import pandas as pd

    recs = items(7)
    expected = single_process(recs)
    with dask.config.set(scheduler="synchronous"):
        bag = db.from_sequence(recs, npartitions=3)
        assert qd.extract_bag(bag, batch_size=2).compute() == expected
        texts = db.from_sequence([r["text"] for r in recs], npartitions=2)
        assert [o["quotes"] for o in qd.extract_bag(texts).compute()] == [
            e["quotes"] for e in expected
        ]

        pdf = pd.DataFrame(
            {"key": [r["id"] for r in recs], "body": [r["text"] for r in recs]},
            index=pd.Index(range(10, 17), name="row"),
        )
        frame = qd.extract_dataframe(
            ddf.from_pandas(pdf, npartitions=3), text_column="body", id_column="key"
        ).compute()
    assert list(frame.columns) == list(qd.DATAFRAME_COLUMNS)
    assert list(frame.index) == list(range(10, 17))
    assert [json.loads(a) for a in frame["article"]] == expected
    assert list(frame["n_quotes"]) == [len(e["quotes"]) for e in expected]
    assert frame["error"].isna().all()


@pytest.mark.model
@pytest.mark.slow
def test_local_cluster_two_workers_matches_single_process_and_loads_once_per_worker():
    import dask.bag as db
    from distributed import Client, LocalCluster

    recs = items(24)
    expected = single_process(recs)
    with (
        LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
        ) as cluster,
        Client(cluster, timeout=TIMEOUT) as client,
    ):
        client.wait_for_workers(2, timeout=TIMEOUT)
        bag = db.from_sequence(recs, npartitions=8)
        result = client.compute(qd.extract_bag(bag, batch_size=4)).result(timeout=TIMEOUT)
        assert result == expected  # record for record, in order
        again = client.compute(qd.extract_bag(bag)).result(timeout=TIMEOUT)
        assert again == expected
        stats = client.run(qd.worker_stats)
    assert len(stats) == 2
    assert sum(s["partitions"] for s in stats.values()) == 16
    assert sum(s["articles"] for s in stats.values()) == 48
    for s in stats.values():  # one pipeline per worker, however many partitions it ran
        assert s["loads"] == (1 if s["partitions"] else 0)


def write_shard(path: Path, recs: list[dict], broken_line: int | None = None) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = [json.dumps(r) for r in recs]
    if broken_line is not None:
        lines[broken_line] = "{broken"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def cli(args: list[str], cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "quotekit.cli", "extract", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )


@pytest.mark.model
@pytest.mark.slow
def test_cli_dask_workers_output_equals_single_process(tmp_path):
    write_shard(tmp_path / "in" / "a.jsonl", items(9))
    write_shard(tmp_path / "in" / "b.jsonl", items(5, start=9), broken_line=2)
    write_shard(tmp_path / "in" / "deeper" / "c.jsonl", items(11, start=14))
    single = cli(["in", "--output-dir", "single", "--quiet"], tmp_path)
    assert single.returncode == 1, single.stderr  # the broken line
    on_dask = cli(
        ["in", "--output-dir", "dask", "--dask-workers", "2", "--batch-size", "3"], tmp_path
    )
    assert on_dask.returncode == 1, on_dask.stderr
    assert "local cluster of 2 worker(s)" in on_dask.stderr
    assert "25 articles (1 failed) from 3 shard(s)" in on_dask.stderr
    names = sorted(p.name for p in (tmp_path / "single").glob("*.jsonl"))
    assert names == ["a.jsonl", "b.jsonl", "c.jsonl"]
    for name in names:
        s = (tmp_path / "single" / name).read_text().splitlines()
        d = (tmp_path / "dask" / name).read_text().splitlines()
        assert [json.loads(x) for x in d] == [json.loads(x) for x in s]
    assert json.loads((tmp_path / "dask" / "b.jsonl").read_text().splitlines()[2])["error"]

    # --resume on Dask skips the complete shards, and no output dir means stdout in order
    resumed = cli(["in", "--output-dir", "dask", "--dask-workers", "2", "--resume"], tmp_path)
    assert "3 complete shard(s) skipped" in resumed.stderr
    stdout = cli(["in", "--dask-workers", "2", "--quiet"], tmp_path)
    expected = []
    for name in ("a.jsonl", "b.jsonl", "c.jsonl"):
        expected += (tmp_path / "single" / name).read_text().splitlines()
    assert [json.loads(x) for x in stdout.stdout.splitlines()] == [json.loads(x) for x in expected]


@pytest.mark.model
@pytest.mark.slow
def test_cli_scheduler_address_uses_an_existing_cluster(tmp_path):
    import io

    from distributed import LocalCluster

    from quotekit.cli import main

    recs = items(6)
    write_shard(tmp_path / "in" / "s.jsonl", recs)
    with LocalCluster(
        n_workers=1, threads_per_worker=1, processes=True, dashboard_address=":0"
    ) as cluster:
        err = io.StringIO()
        code = main(
            [
                "extract",
                str(tmp_path / "in"),
                "--output-dir",
                str(tmp_path / "out"),
                "--scheduler",
                cluster.scheduler_address,
                "--n-process",
                "2",
            ],
            stdout=io.StringIO(),
            stderr=err,
        )
        assert code == 0, err.getvalue()
        assert cluster.scheduler_address in err.getvalue()
        assert "[W004]" in err.getvalue()  # --n-process has no effect on Dask
        assert len(cluster.workers) == 1  # the CLI left the cluster running
    out = [json.loads(x) for x in (tmp_path / "out" / "s.jsonl").read_text().splitlines()]
    assert out == single_process(recs)
