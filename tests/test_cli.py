"""The ``quotekit extract`` command: one output record per input record, in order,
error records for broken input, exit code 1 when anything failed."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from failing_pipeline import RAISE, failing_nlp

from quotekit import api
from quotekit.cli import main
from quotekit.corpus import runner
from quotekit.schema import validate_record

pytestmark = pytest.mark.model

GOOD_A = '"We will win," Jane Doe said.'
GOOD_C = "No quotes in this one."


def run(args: list[str], stdin: bytes | None = None, monkeypatch=None):
    out, err = io.StringIO(), io.StringIO()
    if stdin is not None:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin)))
    code = main(args, stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def jsonl(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


@pytest.fixture()
def broken_jsonl(tmp_path) -> Path:
    path = tmp_path / "in.jsonl"
    lines = [
        json.dumps({"id": "a", "text": GOOD_A}),  # 1 valid
        '{"id": "x", "text": ',  # 2 invalid JSON
        json.dumps({"id": "b"}),  # 3 no text
        "[1, 2, 3]",  # 4 not an object
        "",  # 5 empty: not a record, skipped
        json.dumps({"id": "n", "text": 7}),  # 6 text not a string
        json.dumps({"id": "c", "text": GOOD_C}),  # 7 valid
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_broken_jsonl_lines(broken_jsonl):
    code, out, err = run(
        ["extract", str(broken_jsonl), "--input-format", "jsonl", "--format", "jsonl"]
    )
    assert code == 1
    recs = jsonl(out)
    assert [r["id"] for r in recs] == ["a", None, "b", None, "n", "c"]
    assert [bool(r.get("error")) for r in recs] == [False, True, True, True, True, False]
    assert [r["error"]["input"] for r in recs if r.get("error")] == [
        f"{broken_jsonl}:{n}" for n in (2, 3, 4, 6)
    ]
    assert all(r["error"]["code"] == "E008" for r in recs if r.get("error"))
    assert "invalid JSON" in recs[1]["error"]["message"]
    assert "not an object" in recs[3]["error"]["message"]
    assert recs[0]["quotes"][0]["text"] == "We will win,"
    for n in (2, 3, 4, 6):
        assert f"{broken_jsonl}:{n}:" in err
    assert "4 input(s) failed" in err


def test_missing_file_does_not_stop_the_rest(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(GOOD_A, encoding="utf-8")
    missing = tmp_path / "missing.txt"
    code, out, err = run(["extract", str(missing), str(good), "--format", "jsonl"])
    assert code == 1
    recs = jsonl(out)
    assert [r["id"] for r in recs] == [str(missing), str(good)]
    assert recs[0]["error"]["code"] == "E007" and recs[0]["error"]["input"] == str(missing)
    assert recs[1]["quotes"][0]["text"] == "We will win,"
    assert "E007" in err and str(missing) in err


def test_unmatched_glob_is_an_error_record(tmp_path):
    code, out, _err = run(["extract", str(tmp_path / "nothing-*.txt"), "--format", "jsonl"])
    assert code == 1
    assert jsonl(out)[0]["error"]["code"] == "E013"


def test_directory_and_glob_inputs(tmp_path):
    (tmp_path / "d" / "sub").mkdir(parents=True)
    (tmp_path / "d" / "b.txt").write_text(GOOD_C, encoding="utf-8")
    (tmp_path / "d" / "a.txt").write_text(GOOD_A, encoding="utf-8")
    (tmp_path / "d" / "sub" / "c.jsonl").write_text(
        json.dumps({"id": "j1", "text": GOOD_A}) + "\n", encoding="utf-8"
    )
    (tmp_path / "d" / "ignored.csv").write_text("x", encoding="utf-8")
    (tmp_path / "d" / ".hidden.txt").write_text(GOOD_A, encoding="utf-8")
    code, out, _ = run(["extract", str(tmp_path / "d"), "--format", "jsonl"])
    assert code == 0
    assert [r["id"] for r in jsonl(out)] == [
        str(tmp_path / "d" / "a.txt"),
        str(tmp_path / "d" / "b.txt"),
        "j1",
    ]
    code, out, _ = run(["extract", str(tmp_path / "d" / "*.txt"), "--format", "jsonl"])
    assert code == 0 and len(jsonl(out)) == 2


def test_bad_encoding_is_replaced_with_a_warning(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes('"Caf\u00e9 au lait, please," he said.'.encode("latin-1"))
    code, out, err = run(["extract", str(path), "--format", "json"])
    assert code == 0
    rec = json.loads(out)
    assert rec["quotes"][0]["text"] == "Caf\ufffd au lait, please,"
    assert "W001" in err and str(path) in err and "--encoding" in err

    code, out, err = run(["extract", str(path), "--format", "json", "--encoding", "latin-1"])
    assert code == 0 and "W001" not in err
    assert json.loads(out)["quotes"][0]["text"] == "Caf\u00e9 au lait, please,"


def test_bad_encoding_in_jsonl(tmp_path):
    path = tmp_path / "latin.jsonl"
    path.write_bytes(('{"id": "l", "text": "\\"Caf\u00e9,\\" he said."}\n').encode("latin-1"))
    code, out, err = run(["extract", str(path), "--input-format", "jsonl", "--format", "jsonl"])
    assert code == 0 and "W001" in err
    assert jsonl(out)[0]["quotes"][0]["text"] == "Caf\ufffd,"
    code, out, err = run(
        [
            "extract",
            str(path),
            "--input-format",
            "jsonl",
            "--format",
            "jsonl",
            "--encoding",
            "latin-1",
        ]
    )
    assert code == 0 and "W001" not in err
    assert jsonl(out)[0]["quotes"][0]["text"] == "Caf\u00e9,"


def test_unknown_encoding_is_a_usage_error(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(GOOD_A, encoding="utf-8")
    with pytest.raises(SystemExit) as exc:
        run(["extract", str(path), "--encoding", "no-such-codec"])
    assert exc.value.code == 2


def test_formats(tmp_path):
    a, c = tmp_path / "a.txt", tmp_path / "c.txt"
    a.write_text(GOOD_A, encoding="utf-8")
    c.write_text(GOOD_C, encoding="utf-8")
    # json: one object for one input, a list for several.
    code, out, _ = run(["extract", str(a), "--format", "json"])
    assert code == 0 and json.loads(out)["id"] == str(a)
    code, out, _ = run(["extract", str(a), str(c), "--format", "json"])
    assert [r["id"] for r in json.loads(out)] == [str(a), str(c)]
    # jsonl: one line per input.
    code, out, _ = run(["extract", str(a), str(c), "--format", "jsonl"])
    assert len(out.splitlines()) == 2
    # table: a block per input with the quote and its speaker.
    code, out, _ = run(["extract", str(a), str(c), "--format", "table"])
    assert code == 0
    assert f"== {a}" in out and f"== {c}" in out
    assert "Jane Doe" in out and "We will win," in out and "(no quotes)" in out


def test_table_format_shows_reported_speech_after_the_quotes(tmp_path):
    path = tmp_path / "bridge.txt"
    path.write_text(
        '"We cannot wait any longer," Mara Vos told reporters.\n\n'
        "Mara Vos, the mayor of Westbury, said on Monday that the bridge would reopen in May.",
        encoding="utf-8",
    )
    code, out, _ = run(["extract", str(path), "--format", "table"])
    assert code == 0
    lines = out.splitlines()
    quote = next(i for i, x in enumerate(lines) if "We cannot wait any longer," in x)
    said = next(i for i, x in enumerate(lines) if "the bridge would reopen in May" in x)
    assert quote < said
    assert lines[quote].split()[0] == "q0" and "[full]" in lines[quote]
    row = lines[said]
    assert row.split()[0] == "r0"
    assert "[reported] the bridge would reopen in May" in row
    assert row.split("[reported]")[0].split()[1:] == ["Mara", "Vos"]


def test_table_format_of_hand_made_records():
    from table_articles import RECORD

    from quotekit.corpus.formats import format_table

    def rows(record):  # the table's rows (q0's text runs over three lines)
        return [x for x in format_table(record).splitlines() if re.match(r"  +[qr]\d+  ", x)]

    lines = rows(RECORD)
    assert [x.split()[0] for x in lines] == ["q0", "q1", "r0", "r1"]
    assert "Jane Doe" in lines[2] and "via Harbour Herald" in lines[2]
    assert lines[2].endswith("[reported] the harbour would close, soon")
    assert lines[3].split()[1] == "?" and lines[3].endswith("[reported] costs would fall")
    old = {k: v for k, v in RECORD.items() if k != "reported"}  # output of an older version
    assert rows(old) == lines[:2]
    full = format_table(RECORD).splitlines()  # the same table, less the reported rows
    assert format_table(old).splitlines() == [x for x in full if not re.match(r"  +r\d+  ", x)]
    assert format_table({**old, "quotes": []}).splitlines()[1] == "   (no quotes)"


def test_stdin(monkeypatch):
    code, out, _ = run(
        ["extract", "-", "--format", "json"], stdin=GOOD_A.encode(), monkeypatch=monkeypatch
    )
    assert code == 0 and json.loads(out)["quotes"][0]["text"] == "We will win,"
    lines = (json.dumps({"id": "s1", "text": GOOD_A}) + "\nnot json\n").encode()
    code, out, _ = run(
        ["extract", "-", "--input-format", "jsonl", "--format", "jsonl"],
        stdin=lines,
        monkeypatch=monkeypatch,
    )
    assert code == 1
    recs = jsonl(out)
    assert [r["id"] for r in recs] == ["s1", None]
    assert recs[1]["error"]["input"] == "-:2"


def test_console_script_subprocess(broken_jsonl):
    script = Path(sys.executable).with_name("quotekit")
    cmd = [str(script)] if script.exists() else [sys.executable, "-m", "quotekit.cli"]
    proc = subprocess.run(
        cmd + ["extract", str(broken_jsonl), "--input-format", "jsonl", "--format", "jsonl"],
        check=False,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 1, proc.stderr
    recs = jsonl(proc.stdout)
    assert [r["id"] for r in recs] == ["a", None, "b", None, "n", "c"]
    assert f"{broken_jsonl}:2" in proc.stderr


# ------------------------------------------------------------------ one bad article
@pytest.fixture()
def crashing_jsonl(tmp_path) -> Path:
    """Five records; the third makes the pipeline raise, the fourth holds lone
    surrogates (valid JSON escapes, which once crashed spaCy)."""
    path = tmp_path / "mixed.jsonl"
    lines = [
        json.dumps({"id": "a", "text": GOOD_A}),
        json.dumps({"id": "b", "text": GOOD_C}),
        json.dumps({"id": "bad", "text": f'"Oops," said {RAISE}.'}),
        json.dumps({"id": "sur", "text": '"We \ud800 will win," Jane Doe said.\udfff'}),
        json.dumps({"id": "c", "text": GOOD_A}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture()
def bad_default_nlp(monkeypatch):
    monkeypatch.setattr(api, "_DEFAULT_NLP", failing_nlp())


@pytest.mark.parametrize("fmt", ["jsonl", "json"])
def test_a_record_that_crashes_the_pipeline_becomes_an_error_record(
    crashing_jsonl, bad_default_nlp, fmt
):
    # Regression: an exception inside the pipeline ended the run with a traceback.
    code, out, err = run(["extract", str(crashing_jsonl), "--format", fmt])
    assert code == 1
    recs = jsonl(out) if fmt == "jsonl" else json.loads(out)
    assert [r["id"] for r in recs] == ["a", "b", "bad", "sur", "c"]
    assert [r.get("error", {}).get("code") for r in recs] == [None, None, "E100", None, None]
    assert recs[2]["error"]["input"] == f"{crashing_jsonl}:3"
    assert "component failed on purpose" in recs[2]["error"]["message"]
    for rec in recs:
        validate_record(rec)
    assert recs[3]["quotes"][0]["text"] == "We \ud800 will win,"
    assert f"{crashing_jsonl}:3: [E100]" in err and "1 input(s) failed" in err
    assert "Traceback" not in err and "W010" not in err
    out.encode("utf-8")  # the surrogates are written as JSON escapes


def test_table_format_with_surrogates(crashing_jsonl):
    code, out, _ = run(["extract", str(crashing_jsonl), "--format", "table"])
    assert code == 0
    assert "We \ufffd will win," in out
    out.encode("utf-8")


def test_an_internal_failure_exits_3(tmp_path, monkeypatch):
    # Regression: a crash exited 1, like "some records failed".
    path = tmp_path / "a.txt"
    path.write_text(GOOD_A, encoding="utf-8")

    def broken(*args, **kwargs):
        raise RuntimeError("something inside broke")

    monkeypatch.setattr(runner, "process_records", broken)
    code, _, err = run(["extract", str(path)])
    assert code == 3
    assert "[E107]" in err and "RuntimeError: something inside broke" in err
    assert "Traceback" in err


def test_help_lists_the_exit_codes(capsys):
    with pytest.raises(SystemExit):
        main(["extract", "--help"])
    text = capsys.readouterr().out
    for line in ("0  every record", "1  some records", "2  usage error", "3  internal failure"):
        assert line in text


def test_resume_without_output_dir_warns(tmp_path):
    # Regression: --resume without --output-dir was ignored silently in stdout mode.
    path = tmp_path / "a.txt"
    path.write_text(GOOD_A, encoding="utf-8")
    code, _, err = run(["extract", str(path), "--resume"])
    assert code == 0 and "W005" in err


def test_a_jsonl_file_without_input_format_is_read_as_jsonl(tmp_path):
    # Regression: read as one plain article, exit 0, in stdout mode.
    path = tmp_path / "in.jsonl"
    path.write_text(
        json.dumps({"id": "j1", "text": GOOD_A}) + "\n" + json.dumps({"id": "j2", "text": GOOD_C}),
        encoding="utf-8",
    )
    code, out, _ = run(["extract", str(path), "--format", "jsonl"])
    assert code == 0
    assert [r["id"] for r in jsonl(out)] == ["j1", "j2"]
