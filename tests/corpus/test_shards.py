"""Tests for quotekit.corpus.shards: shard discovery and output names.

All texts are invented here.
"""

from __future__ import annotations

import io
import os

from corpus_examples import write_shard

from quotekit.corpus.shards import Shard, assign_names, discover_shards


# ---------------------------------------------------------------------- shards
def test_discover_shards_dirs_globs_and_files(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write_shard(tmp_path / "corpus" / "2024" / "01.jsonl", ["a"])
    write_shard(tmp_path / "corpus" / "2025" / "01.jsonl", ["b"])
    (tmp_path / "corpus" / "texts").mkdir()
    (tmp_path / "corpus" / "texts" / "b.txt").write_text("Second.")
    (tmp_path / "corpus" / "texts" / "a.txt").write_text("First.")
    (tmp_path / "corpus" / "texts" / "notes.md").write_text("ignored")
    (tmp_path / "corpus" / ".hidden.jsonl").write_text("{}")
    write_shard(tmp_path / "corpus" / "out" / "old.jsonl", ["x"])  # the output dir
    write_shard(tmp_path / "extra.jsonl", ["c"])
    err = io.StringIO()
    shards, missing = discover_shards(
        ["corpus", "extr*.jsonl", "nothing/*.jsonl", "missing.txt"],
        "text",
        err,
        exclude_dir="corpus/out",
    )
    assert missing == 2
    assert "[E013]" in err.getvalue() and "[E007]" in err.getvalue()
    kinds = [(s.kind, s.name) for s in shards]
    assert kinds == [
        ("jsonl", "2024__01.jsonl"),
        ("jsonl", "2025__01.jsonl"),
        ("text", "texts.jsonl"),
        ("jsonl", "extra.jsonl"),
    ]
    texts = shards[2]
    assert [os.path.basename(p) for p in texts.paths] == ["a.txt", "b.txt"]  # sorted
    # recursive globs, and the same file twice is one shard
    shards, missing = discover_shards(
        ["corpus/**/*.jsonl", "corpus/2024/01.jsonl"],
        "text",
        io.StringIO(),
        exclude_dir="corpus/out",
    )
    assert missing == 0
    assert [s.name for s in shards] == ["2024__01.jsonl", "2025__01.jsonl", "old.jsonl"]


def test_plain_files_follow_input_format(tmp_path):
    (tmp_path / "a.ndjson").write_text('{"id": "1", "text": "x"}\n')
    (tmp_path / "b.text").write_text("An article.")
    shards, _ = discover_shards([str(tmp_path / "a.ndjson")], "jsonl", io.StringIO())
    assert [(s.kind, s.name) for s in shards] == [("jsonl", "a.jsonl")]
    shards, _ = discover_shards(
        [str(tmp_path / "b.text"), str(tmp_path / "a.ndjson")], "text", io.StringIO()
    )
    assert [s.kind for s in shards] == ["text"] and len(shards[0].paths) == 2
    shards, _ = discover_shards(["-"], "jsonl", io.StringIO())
    assert [(s.kind, s.name) for s in shards] == [("stdin", "stdin.jsonl")]


def test_output_names_are_unique_and_stable():
    shards = [
        Shard("jsonl", "/d/a/x.jsonl", ["a/x.jsonl"]),
        Shard("jsonl", "/d/b/x.jsonl", ["b/x.jsonl"]),
        Shard("text", "/d/c/x", []),
        Shard("jsonl", "/e/a/X.jsonl", ["X.jsonl"]),
        Shard("jsonl", "/d/y.jsonl", ["y.jsonl"]),
    ]
    assign_names(shards)
    names = [s.name for s in shards]
    assert len({n.lower() for n in names}) == len(names)
    assert names[4] == "y.jsonl"
    assert all(n.endswith(".jsonl") for n in names)
    again = [Shard(s.kind, s.key, s.paths) for s in shards]
    assign_names(again)
    assert [s.name for s in again] == names
