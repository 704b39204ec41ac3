"""quotekit.frames: one DataFrame per table, and a CSV of quotes that parses back.

Reported speech has its own table, ``reported``, with the quotes' columns (``kind``
"reported", ``rule`` null), and follows each article's quotes in a CSV written with
``reported=True`` (as ``quotekit extract --format csv`` does)."""

from __future__ import annotations

import copy
import csv
import io
import sys

import pytest
from table_articles import ERROR_RECORD, RECORD, TEXTS, record

import quotekit
from quotekit.errors import QuotekitError
from quotekit.flatten import COLUMNS, QUOTE_COLUMNS, TABLES
from quotekit.frames import QUOTE_CSV_HEADER, quotes_csv_rows, to_frames, write_quotes_csv
from quotekit.optional import TablesNotInstalled

pd = pytest.importorskip("pandas")


@pytest.fixture(scope="module")
def articles(nlp):
    return [quotekit.extract(text, id=name, nlp=nlp) for name, text in TEXTS.items()]


@pytest.fixture(scope="module")
def dicts(articles):
    return [a.to_dict() for a in articles]


def _columns(table):
    return [name for name, _ in COLUMNS[table]]


def _records(frame):
    """``frame.to_dict("records")`` with every missing value as None."""
    return [
        {k: None if v is None or v is pd.NA else v for k, v in row.items()}
        for row in frame.to_dict("records")
    ]


# --------------------------------------------------------------------------- to_frames
@pytest.mark.model
def test_row_counts_equal_the_records(dicts):
    frames = to_frames(dicts)
    assert set(frames) == set(TABLES)
    for table in ("quotes", "reported", "entities", "sources"):
        assert len(frames[table]) == sum(len(d[table]) for d in dicts), table
    assert len(frames["articles"]) == len(dicts)
    assert frames["errors"].empty
    assert sum(len(d["quotes"]) for d in dicts) >= 8  # the articles do have quotes
    assert sum(len(d["reported"]) for d in dicts) >= 2  # and reported speech


@pytest.mark.model
def test_every_table_starts_with_article_id(dicts):
    for table, frame in to_frames(dicts).items():
        assert list(frame.columns) == _columns(table)
        assert frame.columns[0] == "article_id"


@pytest.mark.model
def test_names_are_resolved(dicts):
    quotes = to_frames(dicts)["quotes"]
    by_article = {d["id"]: d for d in dicts}
    n_speakers = n_vias = 0
    for row in quotes.itertuples(index=False):
        d = by_article[row.article_id]
        entities = {e["id"]: e["name"] for e in d["entities"]}
        sources = {s["id"]: s["name"] for s in d["sources"]}
        if row.speaker is pd.NA:
            assert row.speaker_name is pd.NA
        else:
            assert row.speaker_name == entities[row.speaker]
            n_speakers += 1
        if row.via is not pd.NA:
            assert row.via_name == sources[row.via]
            n_vias += 1
    assert n_speakers and n_vias
    assert "Interfax" in set(quotes["via_name"].dropna())


@pytest.mark.model
def test_quote_rows_equal_the_records(dicts):
    quotes = to_frames(dicts)["quotes"]
    flat = [(d["id"], q) for d in dicts for q in d["quotes"]]
    assert len(flat) == len(quotes)
    for (article_id, q), row in zip(flat, _records(quotes)):
        assert row["article_id"] == article_id
        for key in ("id", "start", "end", "kind", "text"):
            assert row[key] == q[key]
        for key in ("speaker_mention", "cue"):
            for part in ("start", "end", "text"):
                value = row[f"{key}_{part}"]
                assert value == (None if q[key] is None else q[key][part])
        assert row["rule"] == q["rule"]


def test_dtypes_and_nulls():
    frames = to_frames([RECORD])
    quotes = frames["quotes"]
    assert str(quotes["start"].dtype) == "int64"
    assert str(quotes["speaker_mention_start"].dtype) == "Int64"
    assert str(quotes["text"].dtype) == "string"
    assert quotes["speaker_mention_start"].tolist() == [31, pd.NA]
    assert quotes["speaker_name"].tolist() == ["Jane Doe", pd.NA]
    assert quotes["via_name"].tolist() == ["Harbour Herald", pd.NA]
    entities = frames["entities"]
    assert entities["aliases"].tolist() == [["Jane Doe", "Doe"], ["Norway"]]
    assert entities["titles"].tolist() == [["Harbour Master"], []]
    assert entities["n_mentions"].tolist() == [1, 2]
    assert entities["iso"].tolist() == [pd.NA, "NO"]
    sources = frames["sources"]
    assert sources["roles"].tolist() == [["cited", "credit"]]
    assert sources["n_mentions"].tolist() == [1]


def test_empty_input_gives_empty_frames_with_the_same_columns_and_dtypes():
    empty = to_frames([])
    full = to_frames([RECORD, ERROR_RECORD])
    assert set(empty) == set(full) == set(TABLES)
    for table in TABLES:
        assert empty[table].empty
        assert list(empty[table].columns) == list(full[table].columns) == _columns(table)
        assert empty[table].dtypes.to_dict() == full[table].dtypes.to_dict(), table


def test_records_without_quotes_give_empty_tables_with_dtypes():
    frames = to_frames([{"id": "a", "quotes": [], "entities": [], "sources": []}])
    assert frames["quotes"].empty
    assert frames["quotes"].dtypes.to_dict() == to_frames([RECORD])["quotes"].dtypes.to_dict()
    assert _records(frames["articles"]) == [
        {"article_id": "a", "n_quotes": 0, "n_entities": 0, "n_sources": 0, "error_code": None}
    ]


@pytest.mark.model
def test_articles_dicts_and_a_mix_give_the_same_frames(articles, dicts):
    from_articles = to_frames(articles)
    from_dicts = to_frames(dicts)
    mixed = to_frames(
        a if i % 2 else d for i, (a, d) in enumerate(zip(articles, dicts))
    )  # a generator, too
    for table in TABLES:
        pd.testing.assert_frame_equal(from_articles[table], from_dicts[table])
        pd.testing.assert_frame_equal(from_articles[table], mixed[table])


def test_error_records_are_skipped_but_counted():
    broken = copy.deepcopy(ERROR_RECORD)
    unreadable = {
        "id": None,
        "error": {"code": "E007", "message": "[E007] Could not read x.txt", "input": "x.txt"},
        "quotes": [],
        "entities": [],
        "sources": [],
    }
    frames = to_frames([RECORD, broken, unreadable])
    assert len(frames["quotes"]) == len(RECORD["quotes"])
    assert _records(frames["errors"]) == [
        {
            "article_id": "broken-7",
            "code": "E008",
            "message": broken["error"]["message"],
            "input": "in.jsonl:7",
        },
        {
            "article_id": None,
            "code": "E007",
            "message": "[E007] Could not read x.txt",
            "input": "x.txt",
        },
    ]
    articles = frames["articles"]
    assert articles["article_id"].tolist() == ["hand-1", "broken-7", pd.NA]
    assert articles["n_quotes"].tolist() == [2, pd.NA, pd.NA]  # unknown, not zero
    assert articles["error_code"].tolist() == [pd.NA, "E008", "E007"]


def test_reported_table_has_the_quotes_columns():
    frames = to_frames([RECORD])
    reported = frames["reported"]
    assert list(reported.columns) == [name for name, _ in QUOTE_COLUMNS]
    assert reported.dtypes.to_dict() == frames["quotes"].dtypes.to_dict()
    assert _records(reported) == [
        {
            "article_id": "hand-1",
            "id": "r0",
            "start": 110,
            "end": 140,
            "kind": "reported",
            "speaker": "e0",
            "speaker_name": "Jane Doe",
            "speaker_mention_start": 31,
            "speaker_mention_end": 39,
            "speaker_mention_text": "Jane Doe",
            "cue_start": 105,
            "cue_end": 109,
            "cue_text": "said",
            "via": "s0",
            "via_name": "Harbour Herald",
            "rule": None,
            "text": "the harbour would close, soon",
        },
        {
            "article_id": "hand-1",
            "id": "r1",
            "start": 150,
            "end": 166,
            "kind": "reported",
            "speaker": None,
            "speaker_name": None,
            "speaker_mention_start": None,
            "speaker_mention_end": None,
            "speaker_mention_text": None,
            "cue_start": None,
            "cue_end": None,
            "cue_text": None,
            "via": None,
            "via_name": None,
            "rule": None,
            "text": "costs would fall",
        },
    ]
    # the two tables concatenate into one of every attribution
    both = pd.concat([frames["quotes"], reported], ignore_index=True)
    assert both["kind"].tolist() == ["full", "partial", "reported", "reported"]


def test_records_without_reported_give_an_empty_reported_table():
    old = record()
    del old["reported"]
    frames = to_frames([old, ERROR_RECORD])
    assert frames["reported"].empty and len(frames["quotes"]) == 2
    assert frames["reported"].dtypes.to_dict() == to_frames([RECORD])["reported"].dtypes.to_dict()


@pytest.mark.model
def test_reported_rows_equal_the_records(dicts):
    reported = _records(to_frames(dicts)["reported"])
    flat = [(d["id"], r) for d in dicts for r in d["reported"]]
    assert len(flat) == len(reported) >= 2
    for (article_id, r), row in zip(flat, reported):
        assert row["article_id"] == article_id and row["kind"] == "reported"
        for key in ("id", "start", "end", "text", "speaker", "via"):
            assert row[key] == r[key]
        assert row["rule"] is None


def test_ids_that_are_not_str_become_str():
    frames = to_frames([record(id=17)])
    assert frames["quotes"]["article_id"].tolist() == ["17", "17"]


@pytest.mark.parametrize("single", [RECORD, "some text", b"bytes"])
def test_a_single_record_is_refused(single):
    with pytest.raises(QuotekitError, match=r"^\[E093\] to_frames\(\) takes an iterable"):
        to_frames(single)


def test_a_single_article_is_refused():
    with pytest.raises(QuotekitError, match=r"^\[E093\].*single Article"):
        to_frames(quotekit.Article(id="a", text=""))


def test_other_items_are_refused_with_their_position():
    with pytest.raises(QuotekitError, match=r"^\[E092\].*got str at position 1"):
        to_frames([RECORD, "not a record"])


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (lambda r: r["quotes"][0].pop("speaker"), "missing key 'speaker'"),
        (lambda r: r["quotes"][0].update(start="3"), "'start' is '3', not an int"),
        (lambda r: r["entities"][0].update(aliases="Doe"), "'aliases' is 'Doe', not a list"),
        (lambda r: r.update(sources=None), "not iterable"),
    ],
)
def test_malformed_records_give_a_coded_error(change, reason):
    bad = record()
    change(bad)
    with pytest.raises(QuotekitError) as info:
        to_frames([RECORD, bad])
    message = str(info.value)
    assert message.startswith("[E094] Record 1 (id 'hand-1')"), message
    assert reason in message
    assert "validate_record" in message


def test_missing_pandas_gives_a_coded_error(monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(TablesNotInstalled) as info:
        to_frames([RECORD])
    assert str(info.value).startswith("[E090] quotekit.frames.to_frames() needs pandas")
    assert 'pip install "quotekit[tables]"' in str(info.value)
    # CSV needs no pandas
    assert len(list(quotes_csv_rows([RECORD]))) == 2


# --------------------------------------------------------------------------- CSV
def _parse(text):
    return list(csv.reader(io.StringIO(text, newline="")))


@pytest.mark.model
def test_csv_round_trips_through_csv_reader(dicts):
    buf = io.StringIO(newline="")
    records = [*dicts, RECORD, ERROR_RECORD]
    n = write_quotes_csv(records, buf)
    n_quotes = sum(len(d["quotes"]) for d in records)
    assert n == n_quotes
    header, *rows = _parse(buf.getvalue())
    assert tuple(header) == QUOTE_CSV_HEADER == tuple(_columns("quotes"))
    assert len(rows) == n_quotes
    texts = [q["text"] for d in records for q in d["quotes"]]
    assert [r[header.index("text")] for r in rows] == texts
    assert any("\n" in t for t in texts) and any('"' in t for t in texts)
    assert any("," in t for t in texts) and any("\r\n" in t for t in texts)


def test_csv_rows_match_the_quotes_table():
    frame = to_frames([RECORD])["quotes"]
    rows = list(quotes_csv_rows([RECORD]))
    for row, (_, series) in zip(rows, frame.iterrows()):
        assert row == ["" if v is pd.NA else str(v) for v in series.tolist()]
    assert rows[1][QUOTE_CSV_HEADER.index("speaker")] == ""  # null is an empty field
    assert rows[0][QUOTE_CSV_HEADER.index("start")] == "0"


def test_csv_with_reported_speech_after_each_articles_quotes():
    other = record(id="hand-2")
    other["reported"] = other["reported"][1:]
    buf = io.StringIO(newline="")
    assert write_quotes_csv([RECORD, ERROR_RECORD, other], buf, reported=True) == 2 + 2 + 2 + 1
    header, *rows = _parse(buf.getvalue())
    assert tuple(header) == QUOTE_CSV_HEADER
    kind = header.index("kind")
    assert [(r[0], r[1], r[kind]) for r in rows] == [
        ("hand-1", "q0", "full"),
        ("hand-1", "q1", "partial"),
        ("hand-1", "r0", "reported"),
        ("hand-1", "r1", "reported"),
        ("hand-2", "q0", "full"),
        ("hand-2", "q1", "partial"),
        ("hand-2", "r1", "reported"),
    ]
    frame = to_frames([RECORD])["reported"]
    for row, (_, series) in zip(rows[2:4], frame.iterrows()):
        assert row == ["" if v is pd.NA else str(v) for v in series.tolist()]
    assert rows[2][header.index("speaker_name")] == "Jane Doe"
    assert rows[2][header.index("rule")] == ""
    # without reported=True, the quotes only, as before
    assert [r[1] for r in quotes_csv_rows([RECORD])] == ["q0", "q1"]


def test_csv_without_header_appends():
    buf = io.StringIO(newline="")
    write_quotes_csv([RECORD], buf)
    assert write_quotes_csv([RECORD], buf, header=False) == 2
    assert len(_parse(buf.getvalue())) == 1 + 4


def test_csv_of_nothing_is_the_header():
    buf = io.StringIO(newline="")
    assert write_quotes_csv([], buf) == 0
    assert _parse(buf.getvalue()) == [list(QUOTE_CSV_HEADER)]


def test_csv_rows_are_lazy():
    def records():
        yield RECORD
        raise AssertionError("read too far")

    rows = quotes_csv_rows(records())
    assert next(rows)[1] == "q0"


def test_a_dataframe_is_refused_as_a_single_item():
    frame = to_frames([RECORD])["quotes"]
    with pytest.raises(QuotekitError, match=r"^\[E093\].*single DataFrame"):
        to_frames(frame)
