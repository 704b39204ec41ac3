"""Tests for quotekit.evaluate.scoring: quotes, speakers, entities, sources and via.

All texts here are invented. Expected metrics are computed by hand in the comments.
"""

from __future__ import annotations

import json

import pytest
from gold_examples import (
    MAYOR,
    P_TEXT,
    Q1,
    Q2,
    RUIZ,
    SHARED,
    SHE,
    aq,
    article_gold,
    article_perfect_prediction,
    ent,
    polnear_gold,
    pq,
    pred,
    q,
    reported_gold,
    reported_prediction,
    span_of,
)

from quotekit.evaluate import evaluate, format_report, load_gold


def test_polnear_perfect():
    r = evaluate([polnear_gold()], [pred([pq(Q1, RUIZ), pq(Q2, SHE)])])
    for key in ("overlap_0.3", "overlap_0.8", "exact"):
        assert q(r, key)["precision"] == q(r, key)["recall"] == q(r, key)["f1"] == 1.0
    assert r["speaker"]["mention"]["accuracy"] == 1.0
    assert r["attributed"]["f1"] == 1.0
    assert r["counts"]["gold_quotes"] == 2
    json.dumps(r)  # serialisable


def test_polnear_marks_and_edge_punctuation_do_not_matter_for_exact():
    # Prediction without marks and the trailing comma: same stripped span.
    inner = span_of(P_TEXT, "We will build it this year")
    r = evaluate([polnear_gold()], [pred([pq(inner, RUIZ), pq(Q2, SHE)])])
    assert q(r, "exact")["tp"] == 2


def test_polnear_partial_prediction_found_at_03_not_08():
    # "We will build it" covers 16 of the 26 stripped gold characters: 0.62.
    part = span_of(P_TEXT, '"We will build it')
    r = evaluate([polnear_gold()], [pred([pq(part, RUIZ), pq(Q2, SHE)])])
    assert q(r)["tp"] == 2 and q(r)["fp"] == 0 and q(r)["f1"] == 1.0
    # At 0.8 the partial one is both a miss and a false positive (it overlaps only
    # the gold quote, no other attribution): P = R = 1/2.
    r8 = q(r, "overlap_0.8")
    assert (r8["tp"], r8["fp"], r8["fn"], r8["ignored"]) == (1, 1, 1, 0)
    assert r8["precision"] == r8["recall"] == 0.5
    assert q(r, "exact")["tp"] == 1


def test_polnear_prediction_overlapping_other_attribution_is_ignored():
    partial = span_of(P_TEXT, '"bold and overdue"')  # in the indirect attribution's content
    stray = span_of(P_TEXT, "She smiled")  # in no attribution: a false positive
    r = evaluate([polnear_gold()], [pred([pq(partial), pq(Q1, RUIZ), pq(stray), pq(Q2, SHE)])])
    c = q(r)
    assert (c["tp"], c["fp"], c["fn"], c["ignored"], c["counted"]) == (2, 1, 0, 1, 3)
    assert c["precision"] == pytest.approx(2 / 3)
    assert c["recall"] == 1.0
    assert r["attributed"]["precision"] == pytest.approx(2 / 3)
    assert len(r["errors"]["false_positive"]) == 1


def test_polnear_speaker_right_and_wrong():
    # Q1: mention overlaps the gold source. Q2: mention "The mayor" does not.
    r = evaluate([polnear_gold()], [pred([pq(Q1, RUIZ), pq(Q2, MAYOR)])])
    assert r["speaker"]["mention"] == {"found": 2, "right": 1, "accuracy": 0.5}
    a = r["attributed"]
    assert (a["tp"], a["precision"], a["recall"], a["f1"]) == (1, 0.5, 0.5, 0.5)
    assert r["errors"]["wrong_speaker"][0]["gold"] == "she"
    # A mention sharing just one character with the gold source is right.
    r = evaluate([polnear_gold()], [pred([pq(Q1, (RUIZ[1] - 1, RUIZ[1] + 5)), pq(Q2, SHE)])])
    assert r["speaker"]["mention"]["right"] == 2


def test_polnear_gold_without_speaker():
    gold = polnear_gold()
    gold["quotes"][1]["speaker"] = []
    r = evaluate([gold], [pred([pq(Q1, RUIZ), pq(Q2)])])
    assert r["speaker"]["mention"]["right"] == 2
    r = evaluate([gold], [pred([pq(Q1, RUIZ), pq(Q2, SHE)])])
    assert r["speaker"]["mention"]["right"] == 1


def test_one_to_one_matching_duplicate_is_a_false_positive():
    r = evaluate([polnear_gold()], [pred([pq(Q1, RUIZ), pq(Q1, RUIZ), pq(Q2, SHE)])])
    c = q(r)
    assert (c["tp"], c["fp"]) == (2, 1)


def test_no_predictions_scores_zero_without_dividing_by_zero():
    r = evaluate([polnear_gold()], [pred([])])
    assert q(r)["precision"] == q(r)["recall"] == q(r)["f1"] == 0.0
    assert q(r)["fn"] == 2


def test_length_mismatch_raises():
    with pytest.raises(ValueError):
        evaluate([polnear_gold()], [])


def test_article_perfect():
    r = evaluate([article_gold()], [article_perfect_prediction()])
    for key in ("overlap_0.3", "overlap_0.8", "exact"):
        assert q(r, key)["f1"] == 1.0
    assert r["speaker"]["resolved"]["accuracy"] == 1.0
    assert r["speaker"]["mention"]["accuracy"] == 1.0
    assert r["attributed"]["f1"] == 1.0
    assert r["kind"]["accuracy"] == 1.0
    for etype in ("PERSON", "COUNTRY", "ORG"):
        assert r["entities"][etype]["f1"] == 1.0
        assert r["entities"][etype]["alias_recall"] == 1.0
    assert r["sources"]["f1"] == 1.0 and r["sources"]["exact_role_sets"] == 1.0
    assert (r["via"]["precision"], r["via"]["recall"]) == (1.0, 1.0)
    assert "PERSON  P / R / F1" in format_report(r)
    json.dumps(r)


def test_article_entities_sources_via_and_resolved_speakers():
    p = pred(
        [
            # right: canonical name; via given but gold has none.
            aq("the budget is balanced", "e0", "Carla Mendes", via="s0", kind="partial"),
            # wrong resolved speaker: the entity's name "Mendes" is shorter than gold;
            # the mention still names her; via right.
            aq("We have no plans to raise taxes", "e1", "Mendes", via="s1"),
            # right: unresolved description containing the gold description.
            aq("encouraging", None, "A spokesman for the Treasury", kind="full"),
        ],
        entities=[
            ent("e0", "PERSON", "Carla Mendes", ["Carla Mendes"]),
            ent("e1", "PERSON", "Mendes", ["Mendes"]),
            ent("e2", "COUNTRY", "French Republic", ["French"], "FR"),
            ent("e3", "COUNTRY", "Germany", ["Germany"], "DE"),
            ent("e4", "ORG", "The Treasury's", ["Treasury"]),
        ],
        sources=[
            {
                "id": "s0",
                "name": "Newswire",
                "kind": "news_agency",
                "roles": ["dateline", "cited"],
                "mentions": [],
            },
            {
                "id": "s1",
                "name": "the Daily Courier",
                "kind": "newspaper",
                "roles": ["cited"],
                "mentions": [],
            },
        ],
    )
    r = evaluate([article_gold()], [p])
    assert q(r)["tp"] == 3
    assert r["speaker"]["resolved"] == {"found": 3, "right": 2, "accuracy": pytest.approx(2 / 3)}
    assert r["speaker"]["mention"]["right"] == 3
    assert r["attributed"]["tp"] == 2
    assert r["attributed"]["f1"] == pytest.approx(2 / 3)
    assert r["attributed_mention"]["f1"] == 1.0
    assert r["kind"]["right"] == 2

    person = r["entities"]["PERSON"]
    # e0 and e1 both share a name with the gold person: one matches, one is a
    # false positive, and the gold person counts as split.
    assert (person["tp"], person["gold"], person["pred"], person["split"]) == (1, 1, 2, 1)
    assert (person["precision"], person["recall"]) == (0.5, 1.0)
    # Matched to e0 (same intersection size, same name): it lacks the alias "Mendes".
    assert person["alias_recall"] == 0.5
    country = r["entities"]["COUNTRY"]
    # By ISO: FR matched (despite the name), DE spurious, ES missed.
    assert (country["tp"], country["precision"], country["recall"]) == (1, 0.5, 0.5)
    assert (
        country["alias_recall"] == 0.0
    )  # gold alias "France" not among "French Republic", "French"
    org = r["entities"]["ORG"]
    assert (org["tp"], org["precision"], org["recall"]) == (1, 1.0, pytest.approx(1 / 3))

    src = r["sources"]
    assert (src["tp"], src["precision"], src["recall"]) == (2, 1.0, 1.0)
    assert src["exact_role_sets"] == 0.5  # Newswire has an extra role
    via = r["via"]
    assert (via["pred"], via["gold"], via["correct"]) == (2, 1, 1)
    assert (via["precision"], via["recall"]) == (0.5, 1.0)


def test_article_unmatched_predictions_are_false_positives():
    p = article_perfect_prediction()
    p["quotes"].append(aq("Officials in France", None, None))  # no "other attribution" rule
    r = evaluate([article_gold()], [p])
    assert (q(r)["tp"], q(r)["fp"], q(r)["ignored"]) == (3, 1, 0)


def test_article_unlocated_gold_quote_is_a_miss():
    gold = article_gold()
    gold["quotes"].append(
        {"text": "words nobody wrote", "speaker": None, "via": None, "kind": "full"}
    )
    r = evaluate([gold], [article_perfect_prediction()])
    assert r["counts"]["unlocated_gold"] == 1
    assert (q(r)["tp"], q(r)["fn"], q(r)["recall"]) == (3, 1, 0.75)
    assert r["errors"]["unlocated"][0]["text"] == "words nobody wrote"


@pytest.mark.shared
def test_oracle_predictions_on_polnear_dev_score_one():
    path = SHARED / "data" / "polnear" / "dev.jsonl"
    if not path.exists():
        pytest.skip(f"needs the shared PolNeAR data at {path}")
    gold = load_gold(path)
    preds = []
    for g in gold:
        quotes = []
        for gq in g["quotes"]:
            frags = gq["speaker"]
            mention = None
            if frags:
                mention = {
                    "start": frags[0][0],
                    "end": frags[0][1],
                    "text": g["text"][frags[0][0] : frags[0][1]],
                }
            quotes.append(
                {
                    "start": gq["start"],
                    "end": gq["end"],
                    "speaker": None,
                    "speaker_mention": mention,
                    "via": None,
                }
            )
        preds.append(pred(quotes))
    r = evaluate(gold, preds)
    assert r["counts"]["gold_quotes"] > 500
    for key in ("overlap_0.3", "overlap_0.8", "exact"):
        assert r["quotes"][key]["f1"] == 1.0
    assert r["speaker"]["mention"]["accuracy"] == 1.0
    assert r["attributed"]["f1"] == 1.0


def test_mismatched_or_malformed_predictions_raise_coded_errors():
    with pytest.raises(ValueError, match=r"\[E052\] 1 gold articles but 0 predictions"):
        evaluate([polnear_gold()], [])
    with pytest.raises(TypeError, match=r"\[E053\]"):
        evaluate([polnear_gold()], ["not a prediction"])


def test_accented_gold_names_match_unaccented_predictions():
    gold = article_gold()
    gold["entities"][0]["name"] = "Carla Méndes"
    gold["entities"][0]["aliases"] = ["Carla Méndes", "Méndes"]
    gold["quotes"][0]["speaker"] = gold["quotes"][1]["speaker"] = "Carla Méndes"
    r = evaluate([gold], [article_perfect_prediction()])
    assert r["entities"]["PERSON"]["tp"] == 1
    assert r["speaker"]["resolved"]["accuracy"] == 1.0


# ----------------------------------------------------------- all attributions
def test_polnear_gold_scores_all_attributions_and_leaves_the_quotes_alone():
    with_reported = evaluate([reported_gold()], [reported_prediction()])
    quotes_only = reported_prediction()
    del quotes_only["reported"]
    without = evaluate([reported_gold()], [quotes_only])
    a = with_reported["all_attributions"]
    assert (a["n_gold"], a["n_pred"], a["n_found"], a["n_source_right"], a["n_cue_right"]) == (
        4,
        4,
        3,
        2,
        3,
    )
    assert without["all_attributions"]["n_found"] == 1
    # every direct-quote figure is the same with or without reported speech
    for report in (with_reported, without):
        del report["all_attributions"]
    assert with_reported == without
    assert list(evaluate([reported_gold()], [reported_prediction()]))[-2:] == [
        "all_attributions",
        "errors",
    ]


def test_article_gold_has_no_all_attributions():
    r = evaluate([article_gold()], [article_perfect_prediction()])
    assert "all_attributions" not in r
    mixed = evaluate(
        [article_gold(), reported_gold()], [article_perfect_prediction(), reported_prediction()]
    )
    assert mixed["all_attributions"]["n_gold"] == 4  # the PolNeAR article's only
