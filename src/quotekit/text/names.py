"""Name folding: one definition of when two surface forms name the same thing."""

from __future__ import annotations

import unicodedata


def normalise_name(text: str) -> str:
    """Fold a name for comparison: strip a leading 'the', a possessive, accents, case."""
    t = " ".join(text.split())
    if t.lower().startswith("the "):
        t = t[4:]
    for suffix in ("'s", "’s", "'", "’"):
        if t.endswith(suffix):
            t = t[: -len(suffix)]
            break
    t = unicodedata.normalize("NFKD", t)
    t = "".join(c for c in t if not unicodedata.combining(c))
    return t.casefold().strip(" .,;:")
