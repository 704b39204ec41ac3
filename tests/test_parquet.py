"""quotekit.parquet: shards of every table in one Parquet dataset, read back whole."""

from __future__ import annotations

import copy
import os
import sys

import pytest
from table_articles import ERROR_RECORD, RECORD, TEXTS

import quotekit
from quotekit.errors import QuotekitError
from quotekit.flatten import COLUMNS, TABLES
from quotekit.frames import to_frames
from quotekit.optional import TablesNotInstalled
from quotekit.parquet import TABLE_KEY, arrow_schema, write_parquet_tables

pd = pytest.importorskip("pandas")
pq = pytest.importorskip("pyarrow.parquet")

META = {"quotekit_version": "0.1.0", "run": "test"}


def _names(table):
    return [name for name, _ in COLUMNS[table]]


@pytest.fixture(scope="module")
def dicts(nlp):
    return [quotekit.extract(text, id=name, nlp=nlp).to_dict() for name, text in TEXTS.items()]


@pytest.mark.model
def test_two_shards_read_back_as_one_table(tmp_path, dicts):
    first, second = dicts[:2], [*dicts[2:], RECORD, ERROR_RECORD]
    written = write_parquet_tables(first, tmp_path, "part-00000", META)
    write_parquet_tables(second, tmp_path, "part-00001", META | {"run": "second"})
    assert set(written) == set(TABLES)
    assert written["quotes"] == tmp_path / "quotes" / "part-00000.parquet"
    expected = to_frames([*first, *second])
    for table in TABLES:
        back = pd.read_parquet(tmp_path / table)
        assert len(back) == len(expected[table]), table
        assert list(back.columns) == _names(table)
        assert back.dtypes.to_dict() == expected[table].dtypes.to_dict(), table
    quotes = pd.read_parquet(tmp_path / "quotes").sort_values(["article_id", "start"])
    want = expected["quotes"].sort_values(["article_id", "start"])
    pd.testing.assert_frame_equal(quotes.reset_index(drop=True), want.reset_index(drop=True))
    assert len(quotes) == sum(len(d["quotes"]) for d in dicts) + len(RECORD["quotes"])


def test_metadata_is_in_every_file(tmp_path):
    written = write_parquet_tables([RECORD], tmp_path, "part-0", META)
    for table, path in written.items():
        meta = pq.read_schema(path).metadata
        assert meta[b"quotekit_version"] == b"0.1.0"
        assert meta[b"run"] == b"test"
        assert meta[TABLE_KEY.encode()] == table.encode()
        assert b"pandas" in meta  # so that read_parquet restores Int64 and string


def test_lists_and_nulls_survive(tmp_path):
    write_parquet_tables([RECORD], tmp_path, "p")
    entities = pd.read_parquet(tmp_path / "entities")
    assert [list(a) for a in entities["aliases"]] == [["Jane Doe", "Doe"], ["Norway"]]
    assert [list(t) for t in entities["titles"]] == [["Harbour Master"], []]
    quotes = pd.read_parquet(tmp_path / "quotes")
    assert str(quotes["cue_start"].dtype) == "Int64"
    assert quotes["cue_start"].tolist() == [40, pd.NA]
    assert quotes["text"].tolist() == [q["text"] for q in RECORD["quotes"]]


def test_an_empty_shard_has_the_schema_and_reads(tmp_path):
    written = write_parquet_tables([], tmp_path, "empty", META)
    for table in TABLES:
        schema = pq.read_schema(written[table])
        assert schema.names == _names(table)
        assert schema.remove_metadata().equals(arrow_schema(table)), table
        back = pd.read_parquet(tmp_path / table)
        assert back.empty and list(back.columns) == _names(table)
    assert len(pd.read_parquet(tmp_path / "quotes")) == 0


def test_an_empty_shard_joins_a_full_one(tmp_path):
    write_parquet_tables([], tmp_path, "a")
    write_parquet_tables([RECORD], tmp_path, "b")
    assert len(pd.read_parquet(tmp_path / "quotes")) == 2
    assert len(pd.read_parquet(tmp_path / "entities")) == 2


def test_the_same_schema_in_every_shard(tmp_path):
    write_parquet_tables([RECORD], tmp_path, "a", {"run": "1"})
    write_parquet_tables([ERROR_RECORD], tmp_path, "b", {"run": "2"})
    for table in TABLES:
        a, b = (pq.read_schema(tmp_path / table / f"{n}.parquet") for n in "ab")
        assert a.remove_metadata().equals(b.remove_metadata()), table


def test_no_temporary_file_is_left(tmp_path):
    write_parquet_tables([RECORD], tmp_path, "part-1.parquet")
    for table in TABLES:
        assert os.listdir(tmp_path / table) == ["part-1.parquet"]


def test_rewriting_a_shard_replaces_it(tmp_path):
    write_parquet_tables([RECORD, RECORD], tmp_path, "p")
    write_parquet_tables([RECORD], tmp_path, "p")
    assert len(pd.read_parquet(tmp_path / "quotes")) == 2


def test_a_hidden_temporary_file_is_not_read(tmp_path):
    write_parquet_tables([RECORD], tmp_path, "p")
    (tmp_path / "quotes" / ".p.parquet.123.tmp").write_bytes(b"half a file")
    assert len(pd.read_parquet(tmp_path / "quotes")) == 2


def test_reported_speech_is_a_table_of_its_own(tmp_path):
    written = write_parquet_tables([RECORD, ERROR_RECORD], tmp_path, "p")
    assert written["reported"] == tmp_path / "reported" / "p.parquet"
    reported = pd.read_parquet(tmp_path / "reported")
    assert reported["id"].tolist() == ["r0", "r1"]
    assert reported["kind"].tolist() == ["reported", "reported"]
    assert reported["speaker_name"].tolist() == ["Jane Doe", pd.NA]
    assert pq.read_schema(written["reported"]).metadata[b"quotekit_table"] == b"reported"
    assert arrow_schema("reported").names == arrow_schema("quotes").names
    # a shard of error records (or of old records) has the table too, empty
    old = copy.deepcopy(RECORD)
    del old["reported"]
    written = write_parquet_tables([old, ERROR_RECORD], tmp_path / "other", "p")
    assert pd.read_parquet(written["reported"]).empty


@pytest.mark.parametrize("name", ["", "  ", "a/b", "../up", ".hidden", "_meta", None, 3])
def test_bad_shard_names(tmp_path, name):
    with pytest.raises(QuotekitError, match=r"^\[E095\]"):
        write_parquet_tables([RECORD], tmp_path, name)
    assert not any(tmp_path.iterdir())


@pytest.mark.parametrize(
    ("metadata", "code"),
    [({"n": 3}, "E096"), ({1: "x"}, "E096"), (["a"], "E096"), ({"pandas": "{}"}, "E098")],
)
def test_bad_metadata(tmp_path, metadata, code):
    with pytest.raises(QuotekitError, match=rf"^\[{code}\]"):
        write_parquet_tables([RECORD], tmp_path, "p", metadata)


def test_an_unwritable_folder_gives_a_coded_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(QuotekitError, match=r"^\[E097\] Cannot write the Parquet table"):
        write_parquet_tables([RECORD], blocker, "p")


def test_missing_pyarrow_gives_a_coded_error(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    with pytest.raises(TablesNotInstalled, match=r"^\[E090\].*needs pyarrow"):
        write_parquet_tables([RECORD], tmp_path, "p")


def test_bad_records_are_refused_before_anything_is_written(tmp_path):
    with pytest.raises(QuotekitError, match=r"^\[E094\]"):
        write_parquet_tables([RECORD, {"id": "x"}], tmp_path, "p")
    assert not any(tmp_path.iterdir())
