"""quotekit_boilerplate: photo captions, editors' notes and paywall lines.

Scraped news carries text that is not the story: wire editors' notes
("ATTENTION EDITORS - THIS IMAGE WAS PROVIDED BY A THIRD PARTY"), paywall and
navigation lines ("To Read The Full Story", "Click to log in!") and photo
captions that end in a credit ("(AP Photo/Jane Doe)", "via REUTERS"). They are
recorded as their own span group. Later components take no quote or speaker from
any of them and no entity from editors' notes and paywall lines; captions keep
their credits (read by ``quotekit_sources``) and the people and places they name.
"""

from __future__ import annotations

import regex
from spacy.language import Language
from spacy.tokens import Doc

from ..extensions import SPAN_KEYS, ensure_extensions
from ..text import paragraphs, safe_search
from ._spans import char_spans

#: Upper-case wire notes; each alternative is a fixed phrase (no nested quantifiers).
EDITORS_NOTE = regex.compile(
    r"ATTENTION EDITORS|EDITORIAL USE ONLY|THIS IMAGE (?:WAS|HAS BEEN) (?:PROVIDED|SUPPLIED)"
    r"|NO COMMERCIAL OR EDITORIAL SALES|NO RESALES\.|NO ARCHIVES\.|MANDATORY CREDIT"
)
#: Whole lines that belong to a paywall, a share bar or navigation.
PAYWALL_LINES = (
    "to read the full story",
    "are you already a subscriber",
    "click to log in",
    "click here to log in",
    "subscribe now",
    "subscribe to continue reading",
    "sign up for our newsletter",
    "read the rest here",
    "read more",
    "continue reading",
    "log in to continue",
    "already a subscriber",
    "share this article",
    "advertisement",
    "skip advertisement",
    "story continues below advertisement",
)
#: Imperatives that open a paywall or sign-up prompt of any wording.
PROMPTS = (
    "subscribe ",
    "sign up ",
    "log in ",
    "click here",
    "click to ",
    "register to ",
    "become a subscriber",
    "already a subscriber",
)
#: Credits that end a photo caption.
CAPTION_CREDIT = regex.compile(
    r"\((?:AP|AFP|Reuters|REUTERS|Getty|EPA|PA)[^()\n]{0,80}\)\s*$"
    r"|\bvia (?:REUTERS|Reuters|AP|AFP|Getty Images)\b"
    r"|\b(?:REUTERS|AFP|AP|EPA|Getty Images)/[\p{Lu}][^\n]{0,60}$"
    r"|\b(?:Photo|Picture|Image)(?: credit)?: [^\n]{1,80}$"
    r"|\((?:[\p{L}.&' -]{1,40})/[\p{L}.' -]{1,40}(?: via [\p{L}. ]{1,30})?\)\s*$"
)


def _all_paywall(line: str) -> bool:
    """Every sentence of the line is a paywall or navigation phrase."""
    parts = [p.strip(" :") for p in regex.split(r"[.!?]+", line.lower()) if p.strip(" :")]
    return bool(parts) and all(
        p in PAYWALL_LINES
        or any(
            p.startswith(w + " ") and len(p.split()) <= len(w.split()) + 3 for w in PAYWALL_LINES
        )
        or (len(p.split()) <= 12 and p.startswith(PROMPTS))
        for p in parts
    )


def find_boilerplate(text: str) -> list[tuple[int, int, str]]:
    """Character ranges and labels (``caption``, ``editors_note``, ``paywall``).

    text (str): the article.
    RETURNS (list[tuple[int, int, str]]): sorted, non-overlapping ranges.
    """
    out: list[tuple[int, int, str]] = []
    for start, end in paragraphs(text):
        line = text[start:end]
        if len(line) <= 120 and _all_paywall(line):
            out.append((start, end, "paywall"))
            continue
        note = safe_search(EDITORS_NOTE, line, timeout=1.0)
        caption_end = end
        if note is not None:
            out_note = (start + note.start(), end, "editors_note")
            caption_end = start + note.start()
        else:
            out_note = None
        if safe_search(CAPTION_CREDIT, text[start:caption_end].rstrip(), timeout=1.0):
            out.append((start, caption_end, "caption"))
        if out_note:
            out.append(out_note)
    return out


class Boilerplate:
    """Marks captions, editors' notes and paywall lines (see module docstring)."""

    def __init__(self, nlp: Language, name: str, spans_key: str):
        self.name = name
        self.spans_key = spans_key
        ensure_extensions()

    def __call__(self, doc: Doc) -> Doc:
        found = find_boilerplate(doc.text)
        doc._.quotekit_boilerplate = [[s, e, label] for s, e, label in found]
        doc._.quotekit_paragraphs = [[s, e] for s, e in paragraphs(doc.text)]
        doc.spans[self.spans_key] = char_spans(doc, ((s, e, lab) for s, e, lab in found))
        return doc


@Language.factory(
    "quotekit_boilerplate",
    assigns=["doc._.quotekit_boilerplate", "doc._.quotekit_paragraphs", "doc.spans"],
    default_config={"spans_key": SPAN_KEYS["boilerplate"]},
)
def make_boilerplate(nlp: Language, name: str, spans_key: str) -> Boilerplate:
    return Boilerplate(nlp, name, spans_key)
