"""Hand-built documents, to test a component's rules without the statistical model.

A test writes the text, its tokens with the tags and the parse a model would give
(``(word, pos, tag, dep, head index)``), and the records the earlier components would
have left (``doc._.quotekit_quotes``, ``doc._.quotekit_entities``,
``doc._.quotekit_source_frames``): :func:`build_doc` makes the ``Doc``.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

import quotekit  # noqa: F401  (registers the factories, readers and extensions)

Token = tuple[str, str, str, str, int]


def _spaces(text: str, words: list[str]) -> list[bool]:
    spaces = []
    offset = 0
    for word in words:
        assert text.startswith(word, offset), f"{word!r} is not at {offset} of {text!r}"
        offset += len(word)
        gap = offset < len(text) and text[offset] == " "
        spaces.append(gap)
        offset += gap
    assert offset == len(text), "the tokens do not cover the text"
    return spaces


def quote(text: str, fragment: str, kind: str = "full", qid: str = "q0") -> dict[str, Any]:
    """The record the quotes component makes for the quotation ``fragment`` (marks
    included)."""
    start = text.index(fragment)
    end = start + len(fragment)
    return {
        "id": qid,
        "start": start,
        "end": end,
        "content_start": start + 1,
        "content_end": end - 1,
        "kind": kind,
        "closed": True,
    }


def entity(
    text: str,
    eid: str,
    kind: str,
    name: str,
    mentions: list[str] | None = None,
    **fields: Any,
) -> dict[str, Any]:
    """An entity record like the entities component's; ``mentions`` are texts (their
    first occurrences)."""
    offsets = []
    for m in mentions or [name]:
        s = text.index(m)
        offsets.append([s, s + len(m)])
    record = {
        "id": eid,
        "type": kind,
        "name": name,
        "aliases": [name],
        "mentions": offsets,
        "titles": [],
        "affiliation": None,
        "iso": None,
        "gender": None,
    }
    record.update(fields)
    return record


def build_doc(
    nlp: Language,
    text: str,
    tokens: list[Token],
    quotes: list[dict[str, Any]],
    entities: list[dict[str, Any]] | tuple = (),
    frames: list[dict[str, Any]] | None = None,
) -> Doc:
    words = [t[0] for t in tokens]
    doc = Doc(
        nlp.vocab,
        words=words,
        spaces=_spaces(text, words),
        pos=[t[1] for t in tokens],
        tags=[t[2] for t in tokens],
        deps=[t[3] for t in tokens],
        heads=[t[4] for t in tokens],
    )
    assert doc.text == text
    ents = []
    for e in entities:
        for s, t in e["mentions"]:
            span = doc.char_span(s, t, label=e["type"])
            assert span is not None, f"mention {text[s:t]!r} is not on token boundaries"
            ents.append(span)
    doc.ents = ents
    doc._.quotekit_quotes = [dict(q) for q in quotes]
    doc._.quotekit_entities = [dict(e) for e in entities]
    doc._.quotekit_source_frames = frames
    return doc


# ------------------------------------------------------------------ shared documents
SAID_AFTER = '"We will win," Jane Doe said.'
SAID_AFTER_TOKENS = [
    ('"', "PUNCT", "``", "punct", 3),
    ("We", "PRON", "PRP", "nsubj", 3),
    ("will", "AUX", "MD", "aux", 3),
    ("win", "VERB", "VB", "ccomp", 8),
    (",", "PUNCT", ",", "punct", 3),
    ('"', "PUNCT", "''", "punct", 8),
    ("Jane", "PROPN", "NNP", "compound", 7),
    ("Doe", "PROPN", "NNP", "nsubj", 8),
    ("said", "VERB", "VBD", "ROOT", 8),
    (".", "PUNCT", ".", "punct", 8),
]

# "<A> met <B>. "We will win," <speaker> said." with <speaker> one or two tokens.
MET = [
    ("{a1}", "PROPN", "NNP", "compound", 1),
    ("{a2}", "PROPN", "NNP", "nsubj", 2),
    ("met", "VERB", "VBD", "ROOT", 2),
    ("{b1}", "PROPN", "NNP", "compound", 4),
    ("{b2}", "PROPN", "NNP", "dobj", 2),
    (".", "PUNCT", ".", "punct", 2),
    ('"', "PUNCT", "``", "punct", 9),
    ("We", "PRON", "PRP", "nsubj", 9),
    ("will", "AUX", "MD", "aux", 9),
    ("win", "VERB", "VB", "ccomp", -1),
    (",", "PUNCT", ",", "punct", 9),
    ('"', "PUNCT", "''", "punct", -1),
]


def met(a: str, b: str, speaker: list[tuple[str, str, str]]):
    """Text and tokens of '<a> met <b>. "We will win," <speaker> said.'; ``speaker`` is
    ``[(word, pos, tag)]``, its last word the subject of "said"."""
    a1, a2 = a.split()
    b1, b2 = b.split()
    said = len(MET) + len(speaker)
    tokens = []
    for word, pos, tag, dep, head in MET:
        word = word.format(a1=a1, a2=a2, b1=b1, b2=b2)
        tokens.append((word, pos, tag, dep, said if head == -1 else head))
    for k, (word, pos, tag) in enumerate(speaker):
        last = k == len(speaker) - 1
        dep = "nsubj" if last else ("det" if pos == "DET" else "amod")
        tokens.append((word, pos, tag, dep, said if last else said - 1))
    tokens += [("said", "VERB", "VBD", "ROOT", said), (".", "PUNCT", ".", "punct", said)]
    words = " ".join(w for w, *_ in speaker)
    text = f'{a} met {b}. "We will win," {words} said.'
    return text, tokens
