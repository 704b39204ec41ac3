"""Written forms of mentions: offsets without a possessive or "the", names and aliases."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Span

#: Possessive endings a mention loses ("Acme's" is a mention of Acme).
POSSESSIVES = ("'s", "’s")


def trim_possessive(span: Span, text: str) -> tuple[int, int]:
    """The character offsets of ``span`` without trailing punctuation, a possessive or a
    leading "the"."""
    toks = list(span)
    while len(toks) > 1 and (toks[-1].tag_ == "POS" or toks[-1].is_punct):
        toks = toks[:-1]
    start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
    return trim_possessive_chars(text, start, end)


def trim_possessive_chars(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` of ``text`` without a possessive ("'s", or "'" after an s) or a
    leading "the "."""
    for suffix in POSSESSIVES:
        if text.endswith(suffix, start, end) and end - start > len(suffix):
            return start, end - len(suffix)
    if end - start > 1 and text[end - 1] in "'’" and text[end - 2] == "s":
        return start, end - 1
    if text.startswith(("the ", "The "), start, end) and end - start > 4:
        return start + 4, end
    return start, end


def strip_the(form: str) -> str:
    """``form`` with its spacing normalised and without a leading "the"."""
    form = " ".join(form.split())
    if form[:4].lower() == "the " and len(form) > 4:
        return form[4:]
    return form


def alias(form: str) -> str:
    """The alias a form gives its entity: no leading "the", no possessive."""
    form = strip_the(form)
    for suffix in POSSESSIVES:
        if form.endswith(suffix) and len(form) > 2:
            return form[: -len(suffix)]
    return form


def initials(form: str, stopwords: frozenset[str]) -> str:
    """The capital initials of a name's words, small words skipped: "North Atlantic Treaty
    Organization" -> "NATO"."""
    return "".join(
        w[0]
        for w in form.replace("-", " ").split()
        if w.lower() not in stopwords and w[:1].isupper()
    )


def first_compatible(a: str, b: str) -> bool:
    """Whether two first names may be one person's: equal, or one the other's initial."""
    a, b = a.rstrip(".").lower(), b.rstrip(".").lower()
    return a == b or (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b))


def unique(items: Iterable[str]) -> list[str]:
    """The non-empty items, each once, in order."""
    out: list[str] = []
    for x in items:
        if x and x not in out:
            out.append(x)
    return out


def dedupe(mentions: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted mentions, without one that lies inside another of the same entity."""
    out: list[tuple[int, int]] = []
    for m in sorted(set(mentions), key=lambda x: (x[0], -x[1])):
        if out and out[-1][0] <= m[0] and m[1] <= out[-1][1]:
            continue
        out.append(m)
    return out
