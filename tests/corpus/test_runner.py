"""Tests for quotekit.corpus.runner: shard runs, output files, atomic writes, --resume.

All texts are invented here. Tests marked ``model`` run the real pipeline; the
others replace ``process_records`` with a stand-in (the ``fake_processor`` fixture
in conftest.py) so they run in milliseconds.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from corpus_examples import article, read_out, run, write_shard
from failing_pipeline import RAISE, failing_nlp

from quotekit import api
from quotekit.corpus import runner
from quotekit.corpus.shards import Shard
from quotekit.corpus.writer import is_complete


# ---------------------------------------------------------------------- runs (no model)
def test_n_process_and_batch_size_pass_through(tmp_path, fake_processor):
    write_shard(tmp_path / "in" / "a.jsonl", ["a1", "a2"])
    code, _, _ = run(
        [
            str(tmp_path / "in"),
            "--output-dir",
            str(tmp_path / "out"),
            "--n-process",
            "2",
            "--batch-size",
            "7",
            "--quiet",
        ]
    )
    assert code == 0
    assert fake_processor == [{"n_process": 2, "batch_size": 7}]  # one pipe for all shards


def test_empty_shard_gets_empty_output(tmp_path, fake_processor):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "empty.jsonl").write_text("\n\n")
    write_shard(tmp_path / "in" / "full.jsonl", ["f1"])
    code, _, err = run([str(tmp_path / "in"), "--output-dir", str(tmp_path / "out")])
    assert code == 0
    assert (tmp_path / "out" / "empty.jsonl").read_text() == ""
    assert json.loads((tmp_path / "out" / "empty.jsonl.done").read_text())["records"] == 0
    assert "1 articles (0 failed) from 2 shard(s)" in err


def test_exception_mid_run_leaves_no_partial_output(tmp_path, monkeypatch, fake_processor):
    for name in "abc":
        write_shard(tmp_path / "in" / f"{name}.jsonl", [f"{name}{i}" for i in range(5)])
    real = runner.process_records

    def dying(records, **kw):
        for n, pair in enumerate(real(records, **kw)):
            if n == 7:  # in the middle of shard b
                raise KeyboardInterrupt
            yield pair

    monkeypatch.setattr(runner, "process_records", dying)
    out = tmp_path / "out"
    code, _, _ = run([str(tmp_path / "in"), "--output-dir", str(out), "--quiet"])
    assert code == 130
    assert sorted(p.name for p in out.iterdir()) == ["a.jsonl", "a.jsonl.done"]  # no tmp, no b
    monkeypatch.setattr(runner, "process_records", real)
    a_mtime = (out / "a.jsonl").stat().st_mtime_ns
    code, _, err = run([str(tmp_path / "in"), "--output-dir", str(out), "--resume"])
    assert code == 0
    assert "1 complete shard(s) skipped" in err
    assert (out / "a.jsonl").stat().st_mtime_ns == a_mtime
    for name in "abc":
        assert [r["id"] for r in read_out(out / f"{name}.jsonl")] == [
            f"{name}{i}" for i in range(5)
        ]


def test_resume_redoes_stale_and_partial_shards(tmp_path, fake_processor):
    for name in "abcd":
        write_shard(tmp_path / "in" / f"{name}.jsonl", [f"{name}{i}" for i in range(4)])
    out = tmp_path / "out"
    assert run([str(tmp_path / "in"), "--output-dir", str(out), "--quiet"])[0] == 0
    # a: complete. b: a crash between rename and manifest (no .done).
    # c: output truncated behind the manifest's back. d: input changed since.
    (out / "b.jsonl.done").unlink()
    (out / "c.jsonl").write_text((out / "c.jsonl").read_text().splitlines()[0] + "\n")
    write_shard(tmp_path / "in" / "d.jsonl", [f"d{i}" for i in range(6)])
    os.utime(tmp_path / "in" / "d.jsonl", ns=(1, 1))
    (out / ".b.jsonl.424242.tmp").write_text('{"id": "b0"}\n{"id": "b0"}\n')  # stale temp
    before = {p.name: p.stat().st_mtime_ns for p in out.iterdir()}
    code, _, err = run([str(tmp_path / "in"), "--output-dir", str(out), "--resume"])
    assert code == 0
    assert "14 articles (0 failed) from 3 shard(s)" in err
    assert (out / "a.jsonl").stat().st_mtime_ns == before["a.jsonl"]
    assert not list(out.glob(".*.tmp"))
    for name, n in zip("abcd", (4, 4, 4, 6)):
        assert [r["id"] for r in read_out(out / f"{name}.jsonl")] == [
            f"{name}{i}" for i in range(n)
        ]
        assert is_complete(
            str(out),
            Shard(
                "jsonl",
                str(tmp_path / "in" / f"{name}.jsonl"),
                [str(tmp_path / "in" / f"{name}.jsonl")],
                name=f"{name}.jsonl",
            ),
            "text",
            "utf-8",
        )


def test_without_resume_everything_is_redone(tmp_path, fake_processor):
    write_shard(tmp_path / "in" / "a.jsonl", ["a0"])
    out = tmp_path / "out"
    run([str(tmp_path / "in"), "--output-dir", str(out), "--quiet"])
    os.utime(out / "a.jsonl", ns=(1, 1))
    run([str(tmp_path / "in"), "--output-dir", str(out), "--quiet"])
    assert (out / "a.jsonl").stat().st_mtime_ns != 1


def test_skipped_shards_with_failures_keep_exit_code_1(tmp_path, fake_processor):
    write_shard(tmp_path / "in" / "a.jsonl", ["a0", "a1"], broken={1: "{oops"})
    out = tmp_path / "out"
    assert run([str(tmp_path / "in"), "--output-dir", str(out), "--quiet"])[0] == 1
    code, _, err = run([str(tmp_path / "in"), "--output-dir", str(out), "--resume"])
    assert code == 1 and "1 failed)" in err


def test_missing_input_is_reported_and_fails(tmp_path, fake_processor):
    write_shard(tmp_path / "in" / "a.jsonl", ["a0"])
    code, _, err = run(
        [str(tmp_path / "in"), str(tmp_path / "nope*.jsonl"), "--output-dir", str(tmp_path / "out")]
    )
    assert code == 1 and "[E013]" in err and "1 input(s) not found" in err
    assert read_out(tmp_path / "out" / "a.jsonl")[0]["id"] == "a0"


def test_quiet_prints_nothing_on_success(tmp_path, fake_processor):
    write_shard(tmp_path / "in" / "a.jsonl", ["a0"])
    code, out, err = run([str(tmp_path / "in"), "--output-dir", str(tmp_path / "out"), "--quiet"])
    assert (code, out, err) == (0, "", "")


def test_unwritable_output_dir(tmp_path, fake_processor):
    (tmp_path / "file").write_text("x")
    code, _, err = run([str(tmp_path), "--output-dir", str(tmp_path / "file" / "out")])
    assert code == 2 and "[E016]" in err


# ---------------------------------------------------------------------- runs (model)
@pytest.mark.model
def test_dirs_globs_and_shards_to_output_files(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write_shard(tmp_path / "in" / "2024" / "jan.jsonl", [f"jan-{i}" for i in range(6)])
    write_shard(tmp_path / "in" / "2024" / "feb.jsonl", [f"feb-{i}" for i in range(3)])
    (tmp_path / "in" / "letters").mkdir()
    for i in range(3):
        (tmp_path / "in" / "letters" / f"{i:02d}.txt").write_text(article(i), encoding="utf-8")
    write_shard(tmp_path / "more" / "mar.jsonl", [f"mar-{i}" for i in range(2)])
    code, stdout, err = run(["in", "more/*.jsonl", "--output-dir", "out"])
    assert code == 0, err
    assert stdout == ""
    out = tmp_path / "out"
    assert sorted(p.name for p in out.glob("*.jsonl")) == [
        "feb.jsonl",
        "jan.jsonl",
        "letters.jsonl",
        "mar.jsonl",
    ]
    assert [r["id"] for r in read_out(out / "jan.jsonl")] == [f"jan-{i}" for i in range(6)]
    assert [r["id"] for r in read_out(out / "mar.jsonl")] == ["mar-0", "mar-1"]
    letters = read_out(out / "letters.jsonl")
    assert [os.path.basename(r["id"]) for r in letters] == ["00.txt", "01.txt", "02.txt"]
    jan = read_out(out / "jan.jsonl")
    assert jan[0]["quotes"] and jan[0]["quotes"][0]["text"].startswith("Plan number 0")
    manifest = json.loads((out / "jan.jsonl.done").read_text())
    assert manifest["records"] == 6 and manifest["failed"] == 0
    assert manifest["output_bytes"] == (out / "jan.jsonl").stat().st_size
    assert "14 articles (0 failed) from 4 shard(s)" in err
    assert "articles/s" in err and "words/s" in err


@pytest.mark.model
def test_broken_lines_get_error_records_in_place(tmp_path):
    ids = [f"x{i}" for i in range(5)]
    write_shard(
        tmp_path / "in" / "x.jsonl",
        ids,
        broken={1: "{not json", 3: json.dumps({"id": "x3", "body": "no text"})},
    )
    code, _, err = run([str(tmp_path / "in"), "--output-dir", str(tmp_path / "out")])
    assert code == 1
    records = read_out(tmp_path / "out" / "x.jsonl")
    assert len(records) == 5
    assert [r.get("id") for r in records] == ["x0", None, "x2", "x3", "x4"]
    assert [bool(r.get("error")) for r in records] == [False, True, False, True, False]
    assert records[1]["error"]["code"] == "E008" and records[1]["error"]["input"].endswith(":2")
    assert "x.jsonl:2" in err and "2 failed" in err


def _kill_mid_shard(
    inp: Path,
    out: Path,
    c_ids: list[str],
    log,
    command: tuple[str, ...] = ("-m", "quotekit.cli"),
    extra: tuple[str, ...] = (),
    fed: int = 3,
) -> list[int]:
    """Run the CLI over ``inp``; feed ``fed`` lines of the pipe ``c.jsonl``; SIGKILL it
    once a and b are complete and c is under way.

    RETURNS (list[int]): the process ids of its children (its worker processes) just
    before the kill.
    """
    proc = subprocess.Popen(
        [
            sys.executable,
            *command,
            "extract",
            str(inp),
            "--output-dir",
            str(out),
            "--batch-size",
            "1",
            "--quiet",
            *extra,
        ],
        stdout=subprocess.DEVNULL,
        stderr=log,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).parents[1])},
    )
    children: list[int] = []
    try:
        deadline = time.monotonic() + 300
        while True:  # open the pipe once the run reads it
            try:
                fd = os.open(inp / "c.jsonl", os.O_WRONLY | os.O_NONBLOCK)
                break
            except OSError:
                assert proc.poll() is None, "the run ended early"
                assert time.monotonic() < deadline, "the run did not reach c in time"
                time.sleep(0.05)
        os.set_blocking(fd, True)
        lines = [json.dumps({"id": rid, "text": article(n)}) for n, rid in enumerate(c_ids)]
        os.write(fd, ("\n".join(lines[:fed]) + "\n").encode())
        while not (
            (out / "a.jsonl.done").exists()
            and (out / "b.jsonl.done").exists()
            and list(out.glob(".c.jsonl.*.tmp"))
        ):
            assert proc.poll() is None, "the run ended early"
            assert time.monotonic() < deadline, "a and b were not finished in time"
            time.sleep(0.05)
        time.sleep(0.5)
        children = _children(proc.pid)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        os.close(fd)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    return children


def _children(pid: int) -> list[int]:
    """The child processes of ``pid`` (Linux ``/proc``; empty elsewhere)."""
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            pass
    return found


def _alive(pid: int) -> bool:
    """Whether ``pid`` is a live process (a zombie waiting to be reaped is not)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.model
@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_killed_run_then_resume_gives_complete_unduplicated_output(tmp_path):
    """Kill a real ``quotekit extract`` run in the middle of a shard, then ``--resume``.

    The third shard is a named pipe, so the run provably stops half-way through it:
    the test feeds it three lines, waits until its temporary output exists, and
    sends SIGKILL. The pipe is then replaced by the full file (same name).
    """
    inp, out = tmp_path / "in", tmp_path / "out"
    write_shard(inp / "a.jsonl", [f"a{i}" for i in range(4)])
    write_shard(inp / "b.jsonl", [f"b{i}" for i in range(3)])
    c_ids = [f"c{i}" for i in range(6)]
    os.mkfifo(inp / "c.jsonl")
    with open(tmp_path / "stderr.txt", "wb") as log:
        _kill_mid_shard(inp, out, c_ids, log)
    # the killed run left a and b complete, c only as a temporary file
    assert not (out / "c.jsonl").exists() and not (out / "c.jsonl.done").exists()
    assert list(out.glob(".c.jsonl.*.tmp"))
    done_mtimes = {n: (out / n).stat().st_mtime_ns for n in ("a.jsonl", "b.jsonl")}

    (inp / "c.jsonl").unlink()
    write_shard(inp / "c.jsonl", c_ids)
    code, _, err = run([str(inp), "--output-dir", str(out), "--resume"])
    assert code == 0, err
    assert "2 complete shard(s) skipped" in err
    assert {n: (out / n).stat().st_mtime_ns for n in done_mtimes} == done_mtimes
    assert not list(out.glob(".*.tmp"))
    seen = []
    for name, n in (("a", 4), ("b", 3), ("c", 6)):
        ids = [r["id"] for r in read_out(out / f"{name}.jsonl")]
        assert ids == [f"{name}{i}" for i in range(n)]
        seen += ids
    assert len(seen) == len(set(seen)) == 13


# ---------------------------------------------------------------------- one bad article
def _bad_line(rid: str) -> str:
    return json.dumps({"id": rid, "text": f'"Oops," said {RAISE}.'})


@pytest.mark.model
def test_a_crashing_record_with_two_processes(tmp_path, monkeypatch):
    # Regression: an exception inside the pipeline ended the run; the shard was never
    # written and --resume met the same article again.
    monkeypatch.setattr(api, "_DEFAULT_NLP", failing_nlp())
    ids = [f"x{i}" for i in range(7)]
    write_shard(tmp_path / "in" / "x.jsonl", ids, broken={3: _bad_line("x3")})
    out = tmp_path / "out"
    code, _, err = run(
        [str(tmp_path / "in"), "--output-dir", str(out), "--n-process", "2", "--batch-size", "2"]
    )
    assert code == 1
    records = read_out(out / "x.jsonl")
    assert [r["id"] for r in records] == ids
    assert [r.get("error", {}).get("code") for r in records] == [None] * 3 + ["E100"] + [None] * 3
    assert records[3]["error"]["input"].endswith("x.jsonl:4")
    assert all(r["quotes"] for r in records if not r.get("error"))
    assert json.loads((out / "x.jsonl.done").read_text())["failed"] == 1
    assert "x.jsonl:4: [E100]" in err and "1 failed" in err


@pytest.mark.model
@pytest.mark.skipif(not os.path.isdir("/proc"), reason="reads /proc")
def test_killed_two_process_run_with_a_crashing_record_then_resume(tmp_path, monkeypatch):
    """Kill a ``--n-process 2`` run (whose second shard holds a record that makes the
    pipeline raise) in the middle of the third shard: its workers end with it, and
    ``--resume`` completes the output, the bad record an error record in its place."""
    inp, out = tmp_path / "in", tmp_path / "out"
    write_shard(inp / "a.jsonl", [f"a{i}" for i in range(3)])
    write_shard(inp / "b.jsonl", [f"b{i}" for i in range(5)], broken={2: _bad_line("b2")})
    # Worker processes read up to 8 records ahead: feed c more than that.
    c_ids = [f"c{i}" for i in range(20)]
    os.mkfifo(inp / "c.jsonl")
    script = str(Path(__file__).parents[1] / "failing_pipeline.py")
    with open(tmp_path / "stderr.txt", "wb") as log:
        workers = _kill_mid_shard(
            inp, out, c_ids, log, command=(script,), extra=("--n-process", "2"), fed=12
        )
    assert len(workers) == 2
    deadline = time.monotonic() + 10
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(_alive(pid) for pid in workers), "workers outlived the killed run"
    assert (out / "b.jsonl.done").exists() and not (out / "c.jsonl").exists()

    (inp / "c.jsonl").unlink()
    write_shard(inp / "c.jsonl", c_ids)
    monkeypatch.setattr(api, "_DEFAULT_NLP", failing_nlp())
    code, _, err = run([str(inp), "--output-dir", str(out), "--resume", "--n-process", "2"])
    assert code == 1, err  # b's failed record still counts
    assert "2 complete shard(s) skipped (8 records, 1 failed)" in err
    b = read_out(out / "b.jsonl")
    assert [r["id"] for r in b] == [f"b{i}" for i in range(5)]
    assert [bool(r.get("error")) for r in b] == [False, False, True, False, False]
    assert b[2]["error"]["code"] == "E100"
    assert [r["id"] for r in read_out(out / "a.jsonl")] == ["a0", "a1", "a2"]
    assert [r["id"] for r in read_out(out / "c.jsonl")] == c_ids
