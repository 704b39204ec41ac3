"""``quotekit extract --format csv`` and ``--format parquet``: stdout, --output-dir, --resume.

Most tests replace the pipeline with a stand-in that turns every input into the
hand-made record of tests/table_articles.py (two quotes, two reported speeches, two
entities, a source), so
they run in milliseconds; the ``model`` test runs the real pipeline on invented
articles and checks the provenance each output carries.
"""

from __future__ import annotations

import csv
import importlib
import io
import json

import pytest
from corpus_examples import run, write_shard
from table_articles import record

import quotekit
from quotekit.corpus import runner
from quotekit.corpus.inputs import error_output
from quotekit.frames import QUOTE_CSV_HEADER
from quotekit.schema import validate_record

pd = pytest.importorskip("pandas")
pq = pytest.importorskip("pyarrow.parquet")


@pytest.fixture
def records_processor(monkeypatch):
    """Each input becomes ``table_articles.record(id=...)``; broken lines error records."""

    def fake(records, *, nlp=None, n_process=1, batch_size=16, stderr=None):
        for rec in records:
            yield rec, (error_output(rec) if rec.error is not None else record(id=rec.id))

    monkeypatch.setattr(runner, "process_records", fake)
    monkeypatch.setattr("quotekit.api.default_nlp", lambda: None)


def _csv_rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


def test_csv_on_stdout_one_row_per_quote_then_reported_speech(tmp_path, records_processor):
    write_shard(tmp_path / "a.jsonl", ["a1", "a2", "a3"], broken={2: "{not json"})
    code, out, _ = run([str(tmp_path / "a.jsonl"), "--input-format", "jsonl", "--format", "csv"])
    assert code == 1  # the broken line: an error record, no rows
    rows = _csv_rows(out)
    assert tuple(rows[0]) == QUOTE_CSV_HEADER
    kind = QUOTE_CSV_HEADER.index("kind")
    assert [(r[0], r[1], r[kind]) for r in rows[1:]] == [
        ("a1", "q0", "full"),
        ("a1", "q1", "partial"),
        ("a1", "r0", "reported"),
        ("a1", "r1", "reported"),
        ("a2", "q0", "full"),
        ("a2", "q1", "partial"),
        ("a2", "r0", "reported"),
        ("a2", "r1", "reported"),
    ]
    reported = dict(zip(rows[0], rows[3]))
    assert reported["speaker_name"] == "Jane Doe" and reported["via_name"] == "Harbour Herald"
    assert reported["text"] == "the harbour would close, soon" and reported["rule"] == ""
    first = dict(zip(rows[0], rows[1]))
    assert first["speaker_name"] == "Jane Doe" and first["via_name"] == "Harbour Herald"
    assert first["text"] == 'We said, "no",\nand\r\nwe left'  # quoted, reads back whole
    assert first["start"] == "0" and first["end"] == "30"


def test_csv_in_output_dir_and_resume(tmp_path, records_processor):
    write_shard(tmp_path / "in" / "jan.jsonl", ["j1", "j2", "j3"])
    write_shard(tmp_path / "in" / "feb.jsonl", ["f1"])
    out = tmp_path / "out"
    assert run([str(tmp_path / "in"), "--format", "csv", "--output-dir", str(out)])[0] == 0
    names = sorted(p.name for p in out.iterdir())
    assert names == ["feb.csv", "feb.csv.done", "jan.csv", "jan.csv.done"]
    with open(out / "jan.csv", newline="", encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    assert len(rows) == 1 + 3 * (2 + 2)
    manifest = json.loads((out / "jan.csv.done").read_text())
    assert manifest["format"] == "csv" and manifest["records"] == 3
    assert manifest["outputs"] == {"jan.csv": (out / "jan.csv").stat().st_size}
    code, _, err = run(
        [str(tmp_path / "in"), "--format", "csv", "--output-dir", str(out), "--resume"]
    )
    assert code == 0 and "2 complete shard(s) skipped (4 records" in err
    # JSONL in the same folder is another output: not complete yet
    code, _, err = run([str(tmp_path / "in"), "--output-dir", str(out), "--resume"])
    assert "skipped" not in err and (out / "jan.jsonl").exists()


def test_parquet_dataset_per_table(tmp_path, records_processor):
    write_shard(tmp_path / "in" / "jan.jsonl", ["j1", "j2"], broken={1: "[]"})
    write_shard(tmp_path / "in" / "feb.jsonl", ["f1", "f2", "f3"])
    (tmp_path / "in" / "empty.jsonl").write_text("\n")
    out = tmp_path / "out"
    code, _, _ = run([str(tmp_path / "in"), "--format", "parquet", "--output-dir", str(out)])
    assert code == 1
    for table in ("quotes", "reported", "entities", "sources", "articles", "errors"):
        files = sorted(p.name for p in (out / table).iterdir())
        assert files == ["empty.parquet", "feb.parquet", "jan.parquet"], table
    # each table reads whole, across shards
    quotes = pd.read_parquet(out / "quotes")
    assert len(quotes) == 4 * 2 and set(quotes["article_id"]) == {"j1", "f1", "f2", "f3"}
    reported = pd.read_parquet(out / "reported")
    assert len(reported) == 4 * 2 and set(reported["kind"]) == {"reported"}
    assert len(pd.read_parquet(out / "entities")) == 4 * 2
    assert len(pd.read_parquet(out / "sources")) == 4
    assert len(pd.read_parquet(out / "articles")) == 5
    errors = pd.read_parquet(out / "errors")
    assert list(errors["code"]) == ["E008"]
    manifest = json.loads((out / "jan.parquet.done").read_text())
    assert manifest["format"] == "parquet" and (manifest["records"], manifest["failed"]) == (2, 1)
    assert sorted(manifest["outputs"]) == [
        f"{t}/jan.parquet"
        for t in sorted(("quotes", "reported", "entities", "sources", "articles", "errors"))
    ]


def test_parquet_resume_redoes_a_shard_missing_a_table(tmp_path, records_processor):
    write_shard(tmp_path / "in" / "a.jsonl", ["a1"])
    write_shard(tmp_path / "in" / "b.jsonl", ["b1"])
    out = tmp_path / "out"
    args = [str(tmp_path / "in"), "--format", "parquet", "--output-dir", str(out), "--resume"]
    assert run(args)[0] == 0
    # a crash between the renames: one of b's tables is missing, another was half-replaced
    (out / "entities" / "b.parquet").unlink()
    (out / "quotes" / "b.parquet").write_bytes(b"PAR1")
    (out / "quotes" / ".b.parquet.4242.tmp").write_bytes(b"left by a killed run")
    code, _, err = run(args)
    assert code == 0 and "1 complete shard(s) skipped" in err and "from 1 shard(s)" in err
    assert len(pd.read_parquet(out / "quotes")) == 4 and len(pd.read_parquet(out / "entities")) == 4
    assert not list(out.glob("*/.*.tmp"))


def test_parquet_needs_an_output_dir(tmp_path, records_processor):
    write_shard(tmp_path / "a.jsonl", ["a1"])
    code, out, err = run([str(tmp_path / "a.jsonl"), "--format", "parquet"])
    assert code == 2 and out == ""
    assert "E122" in err and "--output-dir" in err


def test_parquet_without_pyarrow_is_a_usage_error(tmp_path, records_processor, monkeypatch):
    real = importlib.import_module

    def no_pyarrow(name, *args):
        if name.split(".")[0] == "pyarrow":
            raise ImportError("No module named 'pyarrow'")
        return real(name, *args)

    monkeypatch.setattr(importlib, "import_module", no_pyarrow)
    write_shard(tmp_path / "a.jsonl", ["a1"])
    out = tmp_path / "o"
    code, _, err = run([str(tmp_path / "a.jsonl"), "--format", "parquet", "--output-dir", str(out)])
    assert code == 2 and "E090" in err and "quotekit[tables]" in err
    assert not out.exists() or not list(out.iterdir())


class FakeTTY(io.StringIO):
    def isatty(self):
        return True


@pytest.mark.parametrize("quiet", [False, True])
def test_stdout_mode_progress_on_a_terminal_stderr(tmp_path, records_processor, quiet):
    from quotekit.cli import main

    write_shard(tmp_path / "a.jsonl", ["a1", "a2", "a3"])
    out, err = io.StringIO(), FakeTTY()
    argv = ["extract", str(tmp_path / "a.jsonl"), "--input-format", "jsonl", "--format", "jsonl"]
    assert main(argv + (["--quiet"] if quiet else []), stdout=out, stderr=err) == 0
    assert [json.loads(x)["id"] for x in out.getvalue().splitlines()] == ["a1", "a2", "a3"]
    if quiet:
        assert err.getvalue() == ""
    else:  # the bar, on stderr only, and its last state counts every article
        assert "articles/s" in err.getvalue() and "words/s" in err.getvalue()
        assert err.getvalue().rstrip("\n").split("\r")[-1].startswith("3 articles |")


def test_help_lists_formats_examples_and_exit_codes(capsys):
    from quotekit.cli import main

    with pytest.raises(SystemExit):
        main(["extract", "--help"])
    text = capsys.readouterr().out
    assert "examples:" in text and "--format parquet --output-dir" in text
    for fmt in ("json", "jsonl", "table", "csv", "parquet"):
        assert f"\n  {fmt} " in text
    for code in "0123":
        assert f"\n  {code}  " in text


@pytest.mark.model
def test_real_run_outputs_validate_and_carry_provenance(tmp_path):
    write_shard(tmp_path / "in" / "a.jsonl", ["a1", "a2", "a3"])
    with open(tmp_path / "in" / "a.jsonl", "a", encoding="utf-8") as fh:  # reported speech
        fh.write(json.dumps({"id": "a4", "text": "Mara Vos said the bridge would reopen."}) + "\n")
    out = tmp_path / "out"
    code, _, _ = run([str(tmp_path / "in"), "--output-dir", str(out / "j"), "--quiet"])
    assert code == 0
    lines = [json.loads(x) for x in (out / "j" / "a.jsonl").read_text().splitlines()]
    for rec in lines:
        validate_record(rec)
    n_quotes = sum(len(rec["quotes"]) for rec in lines)
    n_reported = sum(len(rec["reported"]) for rec in lines)
    assert n_quotes >= 3 and n_reported >= 1
    prov = json.loads((out / "j" / "a.jsonl.done").read_text())["provenance"]
    assert prov["quotekit_version"] == quotekit.__version__
    assert prov["model"].startswith("en_core_web_sm") and prov["model_version"]
    assert "quotekit_quotes" in prov["config"]
    # the same inputs as Parquet: as many quote rows, provenance in every file
    code, _, _ = run(
        [str(tmp_path / "in"), "--format", "parquet", "--output-dir", str(out / "p"), "--quiet"]
    )
    assert code == 0 and len(pd.read_parquet(out / "p" / "quotes")) == n_quotes
    assert len(pd.read_parquet(out / "p" / "reported")) == n_reported
    from quotekit.provenance import provenance_from_metadata

    meta = provenance_from_metadata(pq.read_schema(out / "p" / "quotes" / "a.parquet").metadata)
    assert meta == prov
    # and as CSV on stdout: as many rows
    code, text, _ = run(
        [str(tmp_path / "in" / "a.jsonl"), "--input-format", "jsonl", "--format", "csv"]
    )
    assert code == 0 and len(_csv_rows(text)) == 1 + n_quotes + n_reported
