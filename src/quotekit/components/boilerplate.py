"""quotekit_boilerplate: photo captions, editors' notes and paywall lines.

Scraped news carries text that is not the story: wire editors' notes
("ATTENTION EDITORS - THIS IMAGE WAS PROVIDED BY A THIRD PARTY"), paywall and
navigation lines ("To Read The Full Story", "Click to log in!") and photo
captions that end in a credit ("(AP Photo/Jane Doe)", "via REUTERS"). They are
recorded as their own span group. Later components take no quote or speaker from
any of them and no entity from editors' notes and paywall lines; captions keep
their credits (read by ``quotekit_sources``) and the people and places they name.

The phrases (paywall lines, prompts, editors' notes) come from the ``phrases`` config
(``quotekit.boilerplate_phrases.v1``). Caption credits stay a regular expression:
they are shapes ("(Name/Agency via X)", "REUTERS/Name"), not fixed phrases.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import Any

import attrs
import regex
from spacy.language import Language
from spacy.tokens import Doc

from ..errors import Errors, QuotekitError
from ..extensions import SPAN_KEYS, ensure_extensions
from ..registry import boilerplate_phrases_v1
from ..text import paragraphs, safe_search
from ._spans import char_spans

#: Credits that end a photo caption.
CAPTION_CREDIT = regex.compile(
    r"\((?:AP|AFP|Reuters|REUTERS|Getty|EPA|PA)[^()\n]{0,80}\)\s*$"
    r"|\bvia (?:REUTERS|Reuters|AP|AFP|Getty Images)\b"
    r"|\b(?:REUTERS|AFP|AP|EPA|Getty Images)/[\p{Lu}][^\n]{0,60}$"
    r"|\b(?:Photo|Picture|Image)(?: credit)?: [^\n]{1,80}$"
    r"|\((?:[\p{L}.&' -]{1,40})/[\p{L}.' -]{1,40}(?: via [\p{L}. ]{1,30})?\)\s*$"
)


def phrase_pattern(phrases: tuple[str, ...]) -> regex.Pattern | None:
    """One alternation of fixed phrases (no quantifiers: linear), or None for none."""
    if not phrases:
        return None
    return regex.compile("|".join(regex.escape(p) for p in phrases))


@attrs.frozen
class BoilerplatePhrases:
    """The phrases of a ``boilerplate_phrases`` table, ready to match."""

    #: whole paywall or navigation sentences, lower-case
    paywall_lines: tuple[str, ...]
    #: prefixes that open a sign-up prompt (openers carry their trailing space)
    prompts: tuple[str, ...]
    #: the editors' notes as one pattern (None when there are none)
    editors_note: regex.Pattern | None

    @classmethod
    def from_table(cls, table: Mapping[str, Any]) -> BoilerplatePhrases:
        """The phrases of what ``quotekit.boilerplate_phrases.v1`` returns.

        RAISES (QuotekitError): E071 when a list is missing or not a list of strings.
        """
        lists = {}
        for name in ("paywall_lines", "prompt_openers", "prompt_prefixes", "editors_notes"):
            value = table.get(name) if isinstance(table, Mapping) else None
            if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
                raise QuotekitError(Errors.E071.format(name=name, value=value))
            lists[name] = tuple(value)
        return cls(
            paywall_lines=lists["paywall_lines"],
            prompts=tuple(w + " " for w in lists["prompt_openers"]) + lists["prompt_prefixes"],
            editors_note=phrase_pattern(lists["editors_notes"]),
        )


@functools.lru_cache(maxsize=1)
def default_phrases() -> BoilerplatePhrases:
    """The shipped phrases (``quotekit.boilerplate_phrases.v1`` with no arguments), cached."""
    return BoilerplatePhrases.from_table(boilerplate_phrases_v1())


def _all_paywall(line: str, phrases: BoilerplatePhrases) -> bool:
    """Every sentence of the line is a paywall or navigation phrase."""
    lines = phrases.paywall_lines
    parts = [p.strip(" :") for p in regex.split(r"[.!?]+", line.lower()) if p.strip(" :")]
    return bool(parts) and all(
        p in lines
        or any(p.startswith(w + " ") and len(p.split()) <= len(w.split()) + 3 for w in lines)
        or (len(p.split()) <= 12 and p.startswith(phrases.prompts))
        for p in parts
    )


def find_boilerplate(
    text: str, phrases: BoilerplatePhrases | None = None
) -> list[tuple[int, int, str]]:
    """Character ranges and labels (``caption``, ``editors_note``, ``paywall``).

    text (str): the article.
    phrases (BoilerplatePhrases | None): default: the shipped phrases.
    RETURNS (list[tuple[int, int, str]]): sorted, non-overlapping ranges.
    """
    phrases = phrases if phrases is not None else default_phrases()
    out: list[tuple[int, int, str]] = []
    for start, end in paragraphs(text):
        line = text[start:end]
        if len(line) <= 120 and _all_paywall(line, phrases):
            out.append((start, end, "paywall"))
            continue
        note = None
        if phrases.editors_note is not None:
            note = safe_search(phrases.editors_note, line, timeout=1.0)
        caption_end = end if note is None else start + note.start()
        if safe_search(CAPTION_CREDIT, text[start:caption_end].rstrip(), timeout=1.0):
            out.append((start, caption_end, "caption"))
        if note is not None:
            out.append((caption_end, end, "editors_note"))
    return out


class Boilerplate:
    """Marks captions, editors' notes and paywall lines (see module docstring)."""

    def __init__(
        self, nlp: Language, name: str, spans_key: str, phrases: dict[str, Any] | None = None
    ):
        """Build the component.

        spans_key (str): the span-group key it writes.
        phrases (dict | None): the phrases (``quotekit.boilerplate_phrases.v1``); None:
            the shipped ones.
        """
        self.name = name
        self.spans_key = spans_key
        self.phrases = (
            BoilerplatePhrases.from_table(phrases) if phrases is not None else default_phrases()
        )
        ensure_extensions()

    def __call__(self, doc: Doc) -> Doc:
        found = find_boilerplate(doc.text, self.phrases)
        doc._.quotekit_boilerplate = [[s, e, label] for s, e, label in found]
        doc._.quotekit_paragraphs = [[s, e] for s, e in paragraphs(doc.text)]
        doc.spans[self.spans_key] = char_spans(doc, ((s, e, lab) for s, e, lab in found))
        return doc


@Language.factory(
    "quotekit_boilerplate",
    assigns=["doc._.quotekit_boilerplate", "doc._.quotekit_paragraphs", "doc.spans"],
    default_config={
        "spans_key": SPAN_KEYS["boilerplate"],
        "phrases": {"@misc": "quotekit.boilerplate_phrases.v1"},
    },
)
def make_boilerplate(
    nlp: Language, name: str, spans_key: str, phrases: dict[str, Any]
) -> Boilerplate:
    return Boilerplate(nlp, name, spans_key, phrases)
