"""Gold readers: PolNeAR JSONL and article gold (JSONL, or one ``.json`` object).

- **PolNeAR** JSONL (``{"text", "attributions", "quotes": [{"start", "end",
  "speaker", "attribution"}]}``): character offsets; quotes, speaker mentions.
- **Article gold** JSONL, or one ``.json`` object (``{"text", "quotes": [{"text",
  "speaker", "via", "kind"}], "entities", "sources"}``): strings; quotes with
  resolved speakers and relaying news organisations, entities and sources (the
  format is described in ``shared/docs/gold-format.md``). ``locate_gold_quotes``
  finds each quote's offsets in the text.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..errors import Errors, QuotekitError
from .matching import QUOTE_MARKS, Span


def load_gold(path: str | Path) -> list[dict[str, Any]]:
    """Read gold articles and tag each with its format.

    path (str | Path): a PolNeAR ``.jsonl`` (records with "attributions"), an
        article-gold ``.jsonl`` (records whose "quotes" items have "text"), or a
        ``.json`` file holding one article-gold object (or a list of them).
    RETURNS (list[dict]): the records, each a copy with "format" set to
        "polnear" or "article" (and "id" set, to its line number if absent).
    RAISES (QuotekitError): for a line that is not JSON (E050), a record without
        "text" (E051), or a record in neither format (E009).
    """
    path = Path(path)
    out = []
    for i, rec in enumerate(_read_records(path)):
        if not isinstance(rec, dict) or "text" not in rec:
            raise QuotekitError(Errors.E051.format(path=path, index=i))
        rec = dict(rec)
        rec["format"] = _detect_format(rec, path, i)
        rec.setdefault("id", f"{path.name}#{i}")
        out.append(rec)
    return out


def _read_records(path: Path) -> list[Any]:
    """The JSON values of a ``.json`` file (one, or a list) or of a JSONL file's lines."""
    raw = path.read_text(encoding="utf-8")
    if path.suffix == ".json":
        data = json.loads(raw)
        return data if isinstance(data, list) else [data]
    records = []
    for lineno, line in enumerate(raw.splitlines(), 1):
        if line.strip():
            try:
                records.append(json.loads(line))
            except json.JSONDecodeError as err:
                message = Errors.E050.format(path=path, line=lineno, reason=err)
                raise QuotekitError(message) from None
    return records


def _detect_format(rec: dict[str, Any], path: Path, i: int) -> str:
    if "attributions" in rec:
        return "polnear"
    quotes = rec.get("quotes") or []
    if all(isinstance(q, dict) and "text" in q for q in quotes) and (
        quotes or "entities" in rec or "sources" in rec
    ):
        return "article"
    raise QuotekitError(Errors.E009.format(path=path, index=i))


# ------------------------------------------------------------------ gold quote spans
def locate_gold_quotes(record: dict[str, Any]) -> tuple[list[Span | None], list[int]]:
    """Char offsets of the content of each article-gold quote, in gold order.

    Each gold ``text`` is searched in the article text. Occurrences are taken in
    order of occurrence, successive gold items with the same text taking
    successive occurrences; occurrences enclosed in quotation marks (ignoring
    whitespace) are used before bare ones, so a phrase that also appears outside
    the quote does not steal the match.
    RETURNS (tuple): the spans (``None`` where the text cannot be found) and the
        indices of the unlocated gold quotes.
    """
    text = record["text"]
    spans: list[Span | None] = []
    used: dict[str, int] = {}
    cache: dict[str, list[int]] = {}
    unlocated = []
    for i, q in enumerate(record.get("quotes") or []):
        qt = q.get("text") or ""
        if qt not in cache:
            occ = _find_all(text, qt)
            cache[qt] = [o for o in occ if _marked(text, o, o + len(qt))] + [
                o for o in occ if not _marked(text, o, o + len(qt))
            ]
        k = used.get(qt, 0)
        used[qt] = k + 1
        if k < len(cache[qt]):
            spans.append((cache[qt][k], cache[qt][k] + len(qt)))
        else:
            spans.append(None)
            unlocated.append(i)
    return spans, unlocated


def _find_all(text: str, needle: str) -> list[int]:
    out, i = [], text.find(needle)
    while i >= 0 and needle:
        out.append(i)
        i = text.find(needle, i + 1)
    return out


def _marked(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` sits right after an opening and before a closing mark."""
    before = text[max(0, start - 2) : start].rstrip()
    after = text[end : end + 2].lstrip()
    return bool(before) and before[-1] in QUOTE_MARKS and bool(after) and after[0] in QUOTE_MARKS
