"""Tests for quotekit.evaluate.speakers: the article-gold speaker rules.

All texts here are invented. Expected metrics are computed by hand in the comments.
"""

from __future__ import annotations

import pytest
from gold_examples import article_gold

from quotekit.evaluate import resolved_speaker_right
from quotekit.evaluate.speakers import article_mention_right


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
        assert article_mention_right(gold, p, gents) is expected, text
