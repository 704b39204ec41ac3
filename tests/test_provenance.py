"""quotekit.provenance: versions, pipeline and config, as JSON data and as Parquet metadata."""

from __future__ import annotations

import json
import time

import pytest
import spacy

import quotekit
from quotekit.provenance import (
    MAX_VALUE_CHARS,
    PROVENANCE_KEYS,
    provenance,
    provenance_from_metadata,
    provenance_metadata,
)


@pytest.mark.model
def test_provenance_of_the_default_pipeline(nlp):
    p = provenance(nlp)
    assert tuple(p) == PROVENANCE_KEYS
    assert p["quotekit_version"] == quotekit.__version__
    assert p["model"] == f"{nlp.meta['lang']}_{nlp.meta['name']}"
    assert p["model"].startswith("en_core_web_sm")
    assert p["model_version"] == nlp.meta["version"]
    assert p["spacy_version"] == spacy.__version__
    assert p["pipeline"] == nlp.pipe_names
    quotekit_pipes = [n for n in nlp.pipe_names if n.startswith("quotekit_")]
    assert list(p["config"]) == quotekit_pipes
    assert "quotekit_attribution" in p["config"]
    assert p["config"]["quotekit_quotes"]["factory"] == "quotekit_quotes"


@pytest.mark.model
def test_provenance_is_json_and_stable(nlp):
    p = provenance(nlp)
    assert json.loads(json.dumps(p)) == p
    assert provenance(nlp) == p
    assert json.dumps(provenance(nlp)) == json.dumps(p)


@pytest.mark.model
def test_registry_references_stay_unresolved(nlp):
    cues = provenance(nlp)["config"]["quotekit_attribution"]["cues"]
    assert cues["@misc"] == "quotekit.reporting_cues.v1"


@pytest.mark.model
def test_long_values_are_recorded_by_digest(nlp):
    p = provenance(nlp)
    if "quotekit_tagmap" not in p["config"]:
        pytest.skip("the pipeline keeps the attribute_ruler")
    patterns = p["config"]["quotekit_tagmap"]["patterns"]
    assert set(patterns) == {"sha256", "json_chars", "items"}
    assert len(patterns["sha256"]) == 64 and patterns["json_chars"] > MAX_VALUE_CHARS
    assert patterns["items"] == len(nlp.config["components"]["quotekit_tagmap"]["patterns"])
    assert len(json.dumps(p)) < 8000


@pytest.mark.model
def test_it_is_cheap(nlp):
    provenance(nlp)
    start = time.perf_counter()
    for _ in range(10):
        provenance_metadata(nlp)
    assert (time.perf_counter() - start) / 10 < 0.25


def test_config_overrides_show():
    nlp = spacy.blank("en")
    nlp.add_pipe("quotekit_quotes", config={"styles": ["double_straight"]})
    nlp.add_pipe("sentencizer")
    p = provenance(nlp)
    assert p["pipeline"] == ["quotekit_quotes", "sentencizer"]
    assert list(p["config"]) == ["quotekit_quotes"]
    assert p["config"]["quotekit_quotes"]["styles"] == ["double_straight"]
    assert p["model"] == "en_pipeline"


def test_a_renamed_component_is_found_by_its_factory():
    nlp = spacy.blank("en")
    nlp.add_pipe("quotekit_quotes", name="marks")
    assert list(provenance(nlp)["config"]) == ["marks"]


def test_metadata_is_str_to_str_and_reads_back():
    nlp = spacy.blank("en")
    nlp.add_pipe("quotekit_quotes")
    meta = provenance_metadata(nlp)
    assert list(meta) == list(PROVENANCE_KEYS)
    assert all(isinstance(k, str) and isinstance(v, str) for k, v in meta.items())
    assert meta["quotekit_version"] == quotekit.__version__  # plain, not '"0.1.0"'
    assert json.loads(meta["pipeline"]) == ["quotekit_quotes"]
    p = provenance(nlp)
    assert provenance_from_metadata(meta) == p
    as_bytes = {k.encode(): v.encode() for k, v in meta.items()} | {b"pandas": b"{}"}
    assert provenance_from_metadata(as_bytes) == p


def test_metadata_goes_into_parquet(tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    from quotekit.parquet import write_parquet_tables

    nlp = spacy.blank("en")
    nlp.add_pipe("quotekit_quotes")
    written = write_parquet_tables([], tmp_path, "p", provenance_metadata(nlp))
    assert provenance_from_metadata(pq.read_schema(written["quotes"]).metadata) == provenance(nlp)
