"""The output contract as a JSON Schema: real output validates, drift fails with a path.

Also keeps ``quotekit.records`` (the TypedDicts) equal to the schema, key for key and
value for value, so that neither can drift from the other.
"""

from __future__ import annotations

import copy
import json
import sys
import typing
from pathlib import Path

import pytest
from hypothesis import given
from strategies import any_text
from table_articles import ERROR_RECORD, RECORD, TEXTS, record

import quotekit
from quotekit import records
from quotekit.errors import QuotekitError
from quotekit.optional import TablesNotInstalled
from quotekit.schema import SCHEMA_DIALECT, output_schema, validate_record

jsonschema = pytest.importorskip("jsonschema")

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


# --------------------------------------------------------------------------- the schema itself
def test_schema_is_draft_2020_12_and_well_formed():
    schema = output_schema()
    assert schema["$schema"] == SCHEMA_DIALECT
    jsonschema.Draft202012Validator.check_schema(schema)
    assert {"article", "quote", "reported", "entity", "source", "mention", "error_record"} <= set(
        schema["$defs"]
    )


def test_output_schema_returns_a_fresh_copy():
    first = output_schema()
    first["$defs"]["quote"]["properties"].clear()
    first["$defs"].clear()
    assert output_schema()["$defs"]["quote"]["properties"]
    validate_record(RECORD)  # the validator's schema is untouched too


def test_every_record_object_is_closed():
    for name, definition in output_schema()["$defs"].items():
        if "properties" in definition:
            assert definition.get("additionalProperties") is False, name
            assert set(definition["required"]) == set(definition["properties"]), name


def test_schema_is_valid_json_on_disk():
    from importlib import resources

    text = resources.files("quotekit").joinpath("data", "output.schema.json").read_text("utf-8")
    assert json.loads(text) == output_schema()


# --------------------------------------------------------------------------- TypedDicts
TYPED = [
    (records.ArticleRecord, "article"),
    (records.QuoteRecord, "quote"),
    (records.ReportedRecord, "reported"),
    (records.EntityRecord, "entity"),
    (records.SourceRecord, "source"),
    (records.MentionRecord, "mention"),
    (records.ErrorRecord, "error_record"),
]


@pytest.mark.parametrize(("typed", "definition"), TYPED, ids=[d for _, d in TYPED])
def test_typed_dict_keys_equal_the_schema(typed, definition):
    spec = output_schema()["$defs"][definition]
    assert set(typed.__annotations__) == set(spec["properties"])
    assert set(typed.__required_keys__) == set(spec["required"])
    assert list(typed.__annotations__) == list(spec["properties"])  # the same order, too


def test_error_info_keys_equal_the_schema():
    spec = output_schema()["$defs"]["error_record"]["properties"]["error"]
    assert set(records.ErrorInfo.__annotations__) == set(spec["properties"])
    assert set(records.ErrorInfo.__required_keys__) == set(spec["required"])
    assert records.SpanRecord is records.MentionRecord


@pytest.mark.parametrize(
    ("literal", "definition", "key"),
    [
        (records.QuoteKind, "quote", "kind"),
        (records.EntityType, "entity", "type"),
        (records.SourceKind, "source", "kind"),
    ],
)
def test_literals_equal_the_schema_enums(literal, definition, key):
    spec = output_schema()["$defs"][definition]["properties"][key]
    assert list(typing.get_args(literal)) == spec["enum"]


def test_rule_and_role_literals_equal_the_schema_enums():
    defs = output_schema()["$defs"]
    assert (
        list(typing.get_args(records.QuoteRule)) + [None]
        == (defs["quote"]["properties"]["rule"]["enum"])
    )
    roles = defs["source"]["properties"]["roles"]["items"]["enum"]
    assert list(typing.get_args(records.SourceRole)) == roles


# --------------------------------------------------------------------------- good records
def test_hand_made_records_validate():
    validate_record(RECORD)
    validate_record(ERROR_RECORD)
    validate_record({"id": None, "quotes": [], "reported": [], "entities": [], "sources": []})


def test_articles_built_by_hand_validate():
    article = quotekit.Article(id=None, text="")
    validate_record(article.to_dict())


def test_cli_and_dask_error_records_validate():
    pytest.importorskip("dask")
    from quotekit.corpus.dask import _error
    from quotekit.corpus.inputs import InputRecord, error_output

    rec = InputRecord(
        id=None, text=None, origin="in.jsonl:3", error=ERROR_RECORD["error"] | {"input": "x:3"}
    )
    validate_record(error_output(rec))
    validate_record(_error("a1", "E015", "[E015] Processing failed ...", "item 4"))


@pytest.mark.model
@pytest.mark.parametrize("name", sorted(TEXTS))
def test_pipeline_records_validate(nlp, name):
    out = quotekit.extract(TEXTS[name], id=name, nlp=nlp).to_dict()
    validate_record(out)
    validate_record(json.loads(json.dumps(out)))  # as a JSONL reader sees it


@pytest.mark.model
def test_pipeline_records_cover_the_optional_values(nlp):
    """The invented articles exercise nulls and non-nulls of every nullable field."""
    outs = [quotekit.extract(t, nlp=nlp).to_dict() for t in TEXTS.values()]
    quotes = [q for o in outs for q in o["quotes"]]
    entities = [e for o in outs for e in o["entities"]]
    for key in ("speaker", "speaker_mention", "cue", "via", "rule"):
        assert {q[key] is None for q in quotes} == {True, False}, key
    reported = [r for o in outs for r in o["reported"]]
    assert {r["speaker"] is None for r in reported} == {True, False}
    assert all(r["cue"] is not None for r in reported)
    for key in ("affiliation", "iso"):
        assert {e[key] is None for e in entities} == {True, False}, key
    roles = {r for o in outs for s in o["sources"] for r in s["roles"]}
    assert {"dateline", "cited"} <= roles


@pytest.mark.model
def test_records_with_reported_speech_validate(nlp):
    text = (
        "Mara Vos, the mayor, said on Monday that the bridge would reopen in May.\n\n"
        'Officials told reporters the repairs had cost "far less than feared".'
    )
    out = quotekit.extract(text, id="bridge", nlp=nlp).to_dict()
    assert len(out["reported"]) >= 2
    validate_record(out)
    validate_record(json.loads(json.dumps(out)))
    off = quotekit.ArticleError(id="x", code="E100", message="[E100] broke").to_dict()
    validate_record(off)


@pytest.mark.model
@given(text=any_text)
def test_any_text_gives_a_valid_record(nlp, text):
    validate_record(quotekit.extract(text, nlp=nlp).to_dict())


# --------------------------------------------------------------------------- bad records
def _quote(**changes):
    rec = record()
    rec["quotes"][0].update(changes)
    return rec


def _without(key):
    rec = record()
    del rec["quotes"][1][key]
    return rec


def _reported(**changes):
    rec = record()
    rec["reported"][0].update(changes)
    return rec


def _reported_without(key):
    rec = record()
    del rec["reported"][1][key]
    return rec


BAD = {
    "extra top-level key": (record(reported_by="x"), "$"),
    "missing quotes": ({"id": "a", "reported": [], "entities": [], "sources": []}, "$"),
    "missing reported": ({"id": "a", "quotes": [], "entities": [], "sources": []}, "$"),
    "reported is a dict": (record(reported={}), "$.reported"),
    "reported with a kind": (_reported(kind="full"), "$.reported[0]"),
    "reported without via": (_reported_without("via"), "$.reported[1]"),
    "reported offset is a str": (_reported(start="110"), "$.reported[0].start"),
    "reported negative end": (_reported(end=-3), "$.reported[0].end"),
    "reported cue lacks its text": (_reported(cue={"start": 1, "end": 2}), "$.reported[0].cue"),
    "reported speaker is a number": (_reported(speaker=0), "$.reported[0].speaker"),
    "id is a number": (record(id=7), "$.id"),
    "kind not in the enum": (_quote(kind="whole"), "$.quotes[0].kind"),
    "start is a str": (_quote(start="0"), "$.quotes[0].start"),
    "negative offset": (_quote(end=-1), "$.quotes[0].end"),
    "bool offset": (_quote(start=True), "$.quotes[0].start"),
    "missing rule": (_without("rule"), "$.quotes[1]"),
    "bad rule": (_quote(rule="guess"), "$.quotes[0].rule"),
    "speaker mention offset is a str": (
        _quote(speaker_mention={"start": "31", "end": 39, "text": "Jane Doe"}),
        "$.quotes[0].speaker_mention.start",
    ),
    "cue lacks its text": (_quote(cue={"start": 40, "end": 44}), "$.quotes[0].cue"),
    "cue is a str": (_quote(cue="said"), "$.quotes[0].cue"),
    "quotes is a dict": (record(quotes={}), "$.quotes"),
    "not an object": ([RECORD], "$"),
}


def _entity_bad():
    rec = record()
    rec["entities"][1]["iso"] = "nor"
    return rec


def _source_bad():
    rec = record()
    rec["sources"][0]["roles"] = ["cited", "wire"]
    return rec


def _mention_extra():
    rec = record()
    rec["entities"][0]["mentions"][0]["label"] = "PERSON"
    return rec


def _error_without_input():
    rec = copy.deepcopy(ERROR_RECORD)
    del rec["error"]["input"]
    return rec


def _error_with_quotes():
    rec = copy.deepcopy(ERROR_RECORD)
    rec["quotes"] = copy.deepcopy(RECORD["quotes"])
    return rec


def _error_with_reported():
    rec = copy.deepcopy(ERROR_RECORD)
    rec["reported"] = copy.deepcopy(RECORD["reported"])
    return rec


def _error_without_reported():
    rec = copy.deepcopy(ERROR_RECORD)
    del rec["reported"]
    return rec


BAD.update(
    {
        "iso is three lower-case letters": (_entity_bad(), "$.entities[1].iso"),
        "unknown source role": (_source_bad(), "$.sources[0].roles[1]"),
        "mention with an extra key": (_mention_extra(), "$.entities[0].mentions[0]"),
        "error without input": (_error_without_input(), "$.error"),
        "error record with quotes": (_error_with_quotes(), "$.quotes"),
        "error record with reported speech": (_error_with_reported(), "$.reported"),
        "error record without reported": (_error_without_reported(), "$"),
        "error code not Ennn": (ERROR_RECORD | {"error": {"code": "oops"}}, "$.error"),
    }
)


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_records_name_the_path(case):
    bad, path = BAD[case]
    with pytest.raises(QuotekitError) as info:
        validate_record(bad)
    message = str(info.value)
    assert message.startswith("[E091]")
    assert f" at {path}: " in message, message


def test_the_first_problem_in_document_order_is_named():
    rec = record()
    rec["quotes"][0]["kind"] = "whole"  # first in the record
    rec["sources"][0]["kind"] = "blog"  # later
    rec["entities"][0]["type"] = "PLANET"  # between the two
    with pytest.raises(QuotekitError) as info:
        validate_record(rec)
    message = str(info.value)
    assert " at $.quotes[0].kind: 'whole' is not one of " in message
    assert "(and 2 more problems)" in message
    assert "'hand-1'" in message


def test_a_place_is_named_before_problems_inside_it():
    rec = record()
    del rec["quotes"][0]["via"]
    rec["quotes"][0]["kind"] = "whole"
    with pytest.raises(QuotekitError, match=r"at \$\.quotes\[0\]: 'via' is a required"):
        validate_record(rec)


def test_missing_jsonschema_gives_a_coded_error(monkeypatch):
    monkeypatch.setitem(sys.modules, "jsonschema", None)
    with pytest.raises(TablesNotInstalled) as info:
        validate_record(RECORD)
    assert isinstance(info.value, QuotekitError) and isinstance(info.value, ImportError)
    assert str(info.value).startswith("[E090]")
    assert 'pip install "quotekit[tables]"' in str(info.value)
    assert output_schema()["$defs"]  # reading the schema needs no jsonschema


# --------------------------------------------------------------------------- corpus (shared)
@pytest.mark.shared
@pytest.mark.slow
@pytest.mark.model
def test_every_record_for_polnear_and_newsroom_dev_validates(nlp):
    from quotekit.frames import to_frames

    paths = [SHARED / "data" / "polnear" / "dev.jsonl", SHARED / "data" / "newsroom" / "dev.jsonl"]
    missing = [str(p) for p in paths if not p.is_file()]
    if missing:
        pytest.skip(f"needs the shared data next to the repository: {', '.join(missing)}")
    for path in paths:
        rows = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
        outs = [
            a.to_dict()
            for a in quotekit.extract_many(((r["text"], r.get("id")) for r in rows), nlp=nlp)
        ]
        assert len(outs) == len(rows)
        for out in outs:
            validate_record(out)
        if path.parent.name == "polnear":
            frames = to_frames(outs)
            for table in ("quotes", "reported", "entities", "sources"):
                assert len(frames[table]) == sum(len(o[table]) for o in outs), table
            assert len(frames["reported"]) > 0
            assert len(frames["articles"]) == len(outs)
            assert frames["errors"].empty
