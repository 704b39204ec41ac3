"""Tests for quotekit.corpus.inputs: the one path walker, the readers, error records.

No model needed. All texts are invented here.
"""

from __future__ import annotations

import io
import json

import pytest

from quotekit.corpus.inputs import (
    JSONL,
    MISSING,
    NAMED,
    NO_MATCH,
    STDIN,
    TEXT,
    error_output,
    iter_inputs,
    read_jsonl,
    read_text_file,
    walk_inputs,
    walked_format,
)


def test_walker_kinds_in_order(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "d" / "sub").mkdir(parents=True)
    (tmp_path / "d" / "out").mkdir()
    (tmp_path / "d" / ".hid").mkdir()
    (tmp_path / "d" / "b.txt").write_text("B.")
    (tmp_path / "d" / "A.TXT").write_text("A.")
    (tmp_path / "d" / "sub" / "c.jsonl").write_text("{}\n")
    (tmp_path / "d" / "notes.md").write_text("skipped")
    (tmp_path / "d" / ".hidden.txt").write_text("skipped")
    (tmp_path / "d" / ".hid" / "x.txt").write_text("skipped")
    (tmp_path / "d" / "out" / "old.jsonl").write_text("{}\n")
    (tmp_path / "x.ndjson").write_text("{}\n")
    (tmp_path / "odd[1].txt").write_text("exists, glob characters and all")
    found = list(
        walk_inputs(["-", "d", "x.*", "none-*.txt", "gone.txt", "odd[1].txt"], exclude_dir="d/out")
    )
    assert found == [
        ("-", STDIN),
        ("d/A.TXT", TEXT),
        ("d/b.txt", TEXT),
        ("d/sub/c.jsonl", JSONL),
        ("x.ndjson", NAMED),
        ("none-*.txt", NO_MATCH),
        ("gone.txt", MISSING),
        ("odd[1].txt", NAMED),
    ]
    # without an excluded directory the output directory is walked like any other
    assert ("d/out/old.jsonl", JSONL) in list(walk_inputs(["d"]))
    # a glob that matches a directory walks it
    assert list(walk_inputs(["d/su*"])) == [("d/sub/c.jsonl", JSONL)]


def test_walked_format_by_suffix():
    assert walked_format("a.JSONL") == JSONL
    assert walked_format("a.txt") == TEXT
    assert walked_format("a.ndjson") is None


def test_iter_inputs_reads_named_files_as_input_format(tmp_path):
    shard = tmp_path / "s.ndjson"
    shard.write_text(json.dumps({"id": "1", "text": "One."}) + "\n")
    err = io.StringIO()
    as_text = list(iter_inputs([str(shard)], "text", "utf-8", err))
    assert [(r.id, r.error) for r in as_text] == [(str(shard), None)]
    assert as_text[0].text.startswith('{"id"')
    as_jsonl = list(iter_inputs([str(shard)], "jsonl", "utf-8", err))
    assert [(r.id, r.text) for r in as_jsonl] == [("1", "One.")]
    assert err.getvalue() == ""


@pytest.mark.parametrize("name", ["s.jsonl", "S.JSONL"])
def test_a_named_jsonl_file_is_read_as_jsonl(tmp_path, name):
    # Regression: without --input-format jsonl, stdout mode read a .jsonl file as one
    # plain article (exit 0), while --output-dir took it as a shard.
    shard = tmp_path / name
    shard.write_text(json.dumps({"id": "1", "text": "One."}) + "\n")
    err = io.StringIO()
    for fmt in ("text", "jsonl"):
        recs = list(iter_inputs([str(shard)], fmt, "utf-8", err))
        assert [(r.id, r.text) for r in recs] == [("1", "One.")]
    # a file found in a directory is read by its suffix, whatever input_format says
    walked = list(iter_inputs([str(tmp_path)], "text", "utf-8", err))
    assert [(r.id, r.text) for r in walked] == [("1", "One.")]
    assert err.getvalue() == ""


def test_missing_inputs_become_error_records(tmp_path):
    err = io.StringIO()
    missing, nothing = str(tmp_path / "gone.txt"), str(tmp_path / "none-*.txt")
    recs = list(iter_inputs([missing, nothing], "text", "utf-8", err))
    assert [r.error["code"] for r in recs] == ["E007", "E013"]
    assert [r.origin for r in recs] == [missing, nothing]
    assert f"quotekit: error: {missing}: [E007]" in err.getvalue()
    assert error_output(recs[0]) == {
        "id": missing,
        "error": recs[0].error,
        "quotes": [],
        "reported": [],
        "entities": [],
        "sources": [],
    }


def test_read_jsonl_error_records_in_place(tmp_path):
    path = tmp_path / "in.jsonl"
    lines = [
        json.dumps({"id": 1, "text": "Fine."}),
        "",
        "{broken",
        json.dumps({"id": "n", "body": "no text"}),
        "[1, 2]",
    ]
    path.write_text("\n".join(lines) + "\n")
    err = io.StringIO()
    recs = list(read_jsonl(str(path), "utf-8", err))
    assert [r.id for r in recs] == ["1", None, "n", None]
    assert [r.origin for r in recs] == [f"{path}:{n}" for n in (1, 3, 4, 5)]
    assert [r.error and r.error["code"] for r in recs] == [None, "E008", "E008", "E008"]
    assert "invalid JSON" in recs[1].error["message"]
    assert "no 'text' string" in recs[2].error["message"]
    assert "a JSON list, not an object" in recs[3].error["message"]
    assert err.getvalue().count("quotekit: error:") == 3


def test_undecodable_bytes_are_replaced_with_one_warning(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes("Caf\u00e9 cr\u00e8me.".encode("latin-1"))
    err = io.StringIO()
    rec = read_text_file(str(path), "utf-8", err)
    assert rec.text == "Caf\ufffd cr\ufffdme."
    assert err.getvalue().count("[W001]") == 1
    shard = tmp_path / "latin.jsonl"
    shard.write_bytes(b'{"text": "caf\xe9"}\n{"text": "th\xe9"}\n')
    err = io.StringIO()
    recs = list(read_jsonl(str(shard), "utf-8", err))
    assert [r.text for r in recs] == ["caf\ufffd", "th\ufffd"]
    assert err.getvalue().count("[W001]") == 1  # once per file
