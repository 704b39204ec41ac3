"""Tests for quotekit.corpus.writer: atomic shard output and the manifests of --resume."""

from __future__ import annotations

import json
import os

from quotekit.corpus.shards import Shard
from quotekit.corpus.writer import ShardWriter, is_complete, read_manifest, remove_stale_temps


def shard_of(tmp_path, name="a"):
    src = tmp_path / "in" / f"{name}.jsonl"
    src.parent.mkdir(exist_ok=True)
    src.write_text('{"id": "x", "text": "An invented line."}\n')
    return Shard("jsonl", str(src), [str(src)], name=f"{name}.jsonl")


def test_commit_publishes_output_and_manifest(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    shard = shard_of(tmp_path)
    writer = ShardWriter(str(out), shard, shard.signature("text", "utf-8"))
    writer.write({"id": "x", "quotes": []})
    writer.write({"id": "y", "error": {"code": "E008"}, "quotes": []})
    assert not (out / "a.jsonl").exists()  # only the temporary file so far
    assert [p.name for p in out.iterdir()] == [f".a.jsonl.{os.getpid()}.tmp"]
    writer.commit()
    assert sorted(p.name for p in out.iterdir()) == ["a.jsonl", "a.jsonl.done"]
    manifest = read_manifest(str(out), shard)
    assert (manifest["records"], manifest["failed"]) == (2, 1)
    assert manifest["output_bytes"] == (out / "a.jsonl").stat().st_size
    assert is_complete(str(out), shard, "text", "utf-8")
    assert not is_complete(str(out), shard, "jsonl", "utf-8")  # another input format
    (out / "a.jsonl").write_text(json.dumps({"id": "x"}) + "\n")  # truncated behind its back
    assert not is_complete(str(out), shard, "text", "utf-8")


def test_abort_leaves_nothing_and_stale_temps_go(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    shard = shard_of(tmp_path)
    writer = ShardWriter(str(out), shard, None)
    writer.write({"id": "x"})
    writer.abort()
    assert list(out.iterdir()) == []
    (out / ".a.jsonl.99999.tmp").write_text("left by a killed run")
    (out / ".b.jsonl.99999.tmp").write_text("another shard's")
    remove_stale_temps(str(out), shard)
    assert [p.name for p in out.iterdir()] == [".b.jsonl.99999.tmp"]


def test_unchecked_shards_are_never_complete(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    shard = Shard("stdin", "-", [], name="stdin.jsonl")
    writer = ShardWriter(str(out), shard, None, {"quotekit_version": "0.1.0"})
    writer.commit()  # an empty shard still gets its (empty) output
    assert sorted(p.name for p in out.iterdir()) == ["stdin.jsonl", "stdin.jsonl.done"]
    # the manifest says what produced the output, but vouches for nothing
    manifest = read_manifest(str(out), shard)
    assert manifest["signature"] is None
    assert manifest["provenance"] == {"quotekit_version": "0.1.0"}
    assert not is_complete(str(out), shard, "text", "utf-8")
