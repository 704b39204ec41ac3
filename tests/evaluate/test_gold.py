"""Tests for quotekit.evaluate.gold: the gold readers and gold quote offsets.

All texts here are invented. Expected metrics are computed by hand in the comments.
"""

from __future__ import annotations

import json

import pytest
from gold_examples import P_TEXT, article_gold, polnear_gold, span_of

from quotekit.evaluate import load_gold, locate_gold_quotes


def test_locate_gold_quotes_prefers_quoted_and_successive_occurrences():
    text = 'They called it costly. Then: "costly" and "costly" again, "costly".'
    rec = {"text": text, "quotes": [{"text": "costly"}, {"text": "costly"}, {"text": "nope"}]}
    spans, unlocated = locate_gold_quotes(rec)
    assert spans[0] == span_of(text, "costly", 1)  # the bare first one is skipped
    assert spans[1] == span_of(text, "costly", 2)
    assert spans[2] is None and unlocated == [2]


def test_load_gold_detects_formats(tmp_path):
    art = article_gold()
    del art["format"]
    pol = polnear_gold()
    del pol["format"]
    (tmp_path / "one.json").write_text(json.dumps(art))
    (tmp_path / "art.jsonl").write_text(json.dumps(art) + "\n\n" + json.dumps(art) + "\n")
    (tmp_path / "pol.jsonl").write_text(json.dumps(pol) + "\n")
    (tmp_path / "bad.jsonl").write_text(json.dumps({"text": "x", "quotes": [{"start": 0}]}))

    one = load_gold(tmp_path / "one.json")
    assert len(one) == 1 and one[0]["format"] == "article" and one[0]["id"] == "a1"
    arts = load_gold(str(tmp_path / "art.jsonl"))
    assert [r["format"] for r in arts] == ["article", "article"]
    assert arts[0]["entities"] == art["entities"]
    pols = load_gold(tmp_path / "pol.jsonl")
    assert pols[0]["format"] == "polnear" and pols[0]["text"] == P_TEXT
    with pytest.raises(ValueError, match="neither"):
        load_gold(tmp_path / "bad.jsonl")


def test_bad_gold_files_raise_coded_errors(tmp_path):
    from quotekit.errors import QuotekitError

    cases = {
        "broken.jsonl": ('{"text": "x"}\n{not json\n', "[E050]", ":2: not valid JSON"),
        "notext.jsonl": ('{"body": "x"}\n', "[E051]", "record 0 is not a gold article"),
        "neither.jsonl": ('{"text": "x", "quotes": [{"start": 0}]}\n', "[E009]", "neither"),
    }
    for name, (content, code, words) in cases.items():
        (tmp_path / name).write_text(content)
        with pytest.raises(QuotekitError) as info:
            load_gold(tmp_path / name)
        assert code in str(info.value) and words in str(info.value), name
