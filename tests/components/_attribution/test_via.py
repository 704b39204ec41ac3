"""``via`` on hand-built documents: the news source a quote's own sentence cites."""

from __future__ import annotations

from handbuilt import entity, quote

TOLD = '"We will win," Jane Doe told Reuters.'
TOLD_TOKENS = [
    ('"', "PUNCT", "``", "punct", 3),
    ("We", "PRON", "PRP", "nsubj", 3),
    ("will", "AUX", "MD", "aux", 3),
    ("win", "VERB", "VB", "ccomp", 8),
    (",", "PUNCT", ",", "punct", 3),
    ('"', "PUNCT", "''", "punct", 8),
    ("Jane", "PROPN", "NNP", "compound", 7),
    ("Doe", "PROPN", "NNP", "nsubj", 8),
    ("told", "VERB", "VBD", "ROOT", 8),
    ("Reuters", "PROPN", "NNP", "dobj", 8),
    (".", "PUNCT", ".", "punct", 8),
]


def _frame(text: str, frame: str = "told", speaker_head: str | None = "Doe") -> dict:
    """The source frame the sources component records for "told Reuters"."""
    start = text.index("Reuters")
    cue = text.index("told")
    return {
        "source": "s0",
        "start": start,
        "end": start + len("Reuters"),
        "frame": frame,
        "cue": [cue, cue + len("told")],
        "sentence": [0, len(text)],
        "speaker_head": text.index(speaker_head) if speaker_head else None,
    }


def _run(attribute, frames):
    jane = entity(TOLD, "e0", "PERSON", "Jane Doe", gender="F")
    doc = attribute(TOLD, TOLD_TOKENS, [quote(TOLD, '"We will win,"')], [jane], frames)
    return doc._.quotekit_quotes[0]


def test_the_source_cited_in_the_quotes_sentence_relayed_it(attribute):
    q = _run(attribute, [_frame(TOLD)])
    assert q["speaker"] == "e0" and q["via"] == "s0"


def test_a_frame_without_a_speaker_head_counts_too(attribute):
    assert _run(attribute, [_frame(TOLD, speaker_head=None)])["via"] == "s0"


def test_a_frame_about_another_speaker_relays_nothing(attribute):
    assert _run(attribute, [_frame(TOLD, speaker_head="We")])["via"] is None


def test_no_frames_no_relay(attribute):
    assert _run(attribute, None)["via"] is None
