"""The truncation sweep of ``scripts/sweep_truncation.py``: texts cut at word
boundaries (and every boundary of their tail), run through ``extract_many`` with
the invariants checked. A fast run on invented articles, and (slow) a sample of the
shared corpora. The full sweep (300 articles cut at 20 boundaries and every boundary
of their last 200 characters, plus the 3,112 articles whole) is
``python scripts/sweep_truncation.py``."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from failing_pipeline import RAISE, failing_nlp

SHARED = Path(__file__).resolve().parents[2] / "shared"
SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "sweep_truncation.py"

pytestmark = pytest.mark.model

HARBOUR = (
    "PORT ELM (Reuters) - \u201cThe ferry will run again by spring,\u201d the mayor, Jane "
    "Doe, said on Tuesday in an interview with the Harbour Herald.\n\n"
    "Tomas Brennan, who leads the opposition, called the plan \u201creckless\u201d. "
    '"It is money we do not have," he told reporters, according to AFP.'
)
COUNCIL = (
    "The council voted 7 to 2 on Monday. 'We listened,' said Dr Amina Yusuf, "
    "speaking to Al Jazeera. Okafor, 54, was quoted by Interfax as saying the vote "
    "was \u00abunfair\u00bb."
)
INVENTED = [("harbour", HARBOUR), ("council", COUNCIL)]


def _load_sweep():
    spec = importlib.util.spec_from_file_location("quotekit_sweep", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


sweep = _load_sweep()


def test_cut_points_are_word_ends_spread_and_in_the_tail():
    text = "one two  three four\nfive six"
    assert sweep.word_ends(text) == [3, 7, 14, 19, 24]
    assert sweep.cut_points(text, cuts=2, tail=6) == [3, 14, 24]
    cuts = [t for _, t in sweep.truncations([("a", text)], cuts=2, tail=6)]
    assert cuts == ["one", "one two  three", "one two  three four\nfive"]
    assert all(not t[-1].isspace() for t in cuts)


def test_sweep_of_invented_articles(nlp):
    items = list(sweep.truncations(INVENTED, cuts=10, tail=80)) + INVENTED
    summary = sweep.sweep(items, nlp=nlp)
    assert summary["texts"] == len(items) > 40
    assert summary["exceptions"] == []
    assert summary["violations"] == [], summary["violations"][:3]
    assert summary["quotes"] > 0 and summary["entities"] > 0 and summary["sources"] > 0


def test_sweep_counts_exceptions():
    items = [*INVENTED, ("bad", f"Text {RAISE}."), ("bad2", f"{RAISE} again")]
    summary = sweep.sweep(items, nlp=failing_nlp())
    assert [(aid, code) for aid, code, _ in summary["exceptions"]] == [
        ("bad", "E100"),
        ("bad2", "E100"),
    ]
    assert summary["violations"] == []


@pytest.mark.shared
@pytest.mark.slow
@pytest.mark.skipif(
    not (SHARED / "data").is_dir(), reason=f"needs the shared corpora in {SHARED / 'data'}"
)
def test_sweep_sample_of_the_shared_corpora(nlp):
    files = [f for f in sweep.DEFAULT_FILES if f.exists()]
    if not files:
        pytest.skip("no shared corpus file found")
    articles = sweep.read_articles(files)
    items = list(sweep.truncations(sweep.spread(articles, 12), cuts=5, tail=60))
    items += sweep.spread(articles, 150)
    summary = sweep.sweep(items, nlp=nlp, n_process=2)
    assert summary["exceptions"] == [], summary["exceptions"][:3]
    assert summary["violations"] == [], summary["violations"][:3]
    assert summary["quotes"] > 0 and summary["entities"] > 0
