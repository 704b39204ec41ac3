"""The output invariants every article must satisfy, for tests and ``scripts/sweep.py``.

``article_violations(text, out)`` takes the input text and ``Article.to_dict()``
and returns a list of human-readable violations (empty when all hold):

* every offset lies inside the text and ``text[start:end]`` equals the reported
  text of every mention (speaker mention, cue, entity and source mentions);
* a quote's ``start``/``end`` cover its marks (``text[start]`` is an opening mark)
  and its ``text`` is the content between the marks;
* quotes are sorted and do not overlap;
* reported speech (``reported``, when the record has it) lies inside the text, its
  ``text`` is ``text[start:end]`` and not empty, and it is in text order;
* quote, reported-speech, entity and source ids are unique; every ``speaker`` (of a
  quote or reported speech) is an entity id and every ``via`` a source id;
* the record is JSON-serialisable and survives ``json.loads(json.dumps(...))``
  (``json_view``: except that JSON reads an adjacent high and low surrogate as the
  one character they stand for).
"""

from __future__ import annotations

import json
from typing import Any

from quotekit.text.quotemarks import OPENING_MARKS


def article_violations(text: str, out: dict[str, Any]) -> list[str]:
    """All invariant violations of one ``Article.to_dict()`` for its input ``text``."""
    bad: list[str] = []
    try:
        if json.loads(json.dumps(out)) != json_view(out):
            bad.append("to_dict() does not survive a JSON round trip")
    except (TypeError, ValueError) as exc:
        bad.append(f"to_dict() is not JSON-serialisable: {exc}")

    entity_ids = [e["id"] for e in out["entities"]]
    source_ids = [s["id"] for s in out["sources"]]
    quote_ids = [q["id"] for q in out["quotes"]]
    reported_ids = [r["id"] for r in out.get("reported", ())]
    for kind, ids in (
        ("quote", quote_ids),
        ("reported", reported_ids),
        ("entity", entity_ids),
        ("source", source_ids),
    ):
        if len(set(ids)) != len(ids):
            bad.append(f"duplicate {kind} ids: {ids}")

    prev_end = 0
    for q in out["quotes"]:
        prev_end = _quote_violations(text, q, prev_end, entity_ids, source_ids, bad)
    prev_start = 0
    for r in out.get("reported", ()):
        prev_start = _reported_violations(text, r, prev_start, entity_ids, source_ids, bad)
    for ent in out["entities"]:
        for i, m in enumerate(ent["mentions"]):
            _span_violations(text, f"{ent['id']}.mentions[{i}]", m, bad)
    for src in out["sources"]:
        for i, m in enumerate(src["mentions"]):
            _span_violations(text, f"{src['id']}.mentions[{i}]", m, bad)
    return bad


def json_view(value: Any) -> Any:
    """``value`` as a JSON reader sees it after ``json.dumps``: the same, except that a
    high surrogate followed by a low one (two code points of a Python str) is written
    as an escaped pair, which JSON reads as the one character the pair stands for."""
    if isinstance(value, str):
        return value.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "surrogatepass")
    if isinstance(value, list):
        return [json_view(v) for v in value]
    if isinstance(value, dict):
        return {k: json_view(v) for k, v in value.items()}
    return value


def _span_violations(text: str, where: str, m: dict[str, Any] | None, bad: list[str]) -> None:
    """A mention must lie inside the text, be non-empty and carry its own text."""
    if m is None:
        return
    n = len(text)
    s, e = m.get("start"), m.get("end")
    if not (isinstance(s, int) and isinstance(e, int) and 0 <= s <= e <= n):
        bad.append(f"{where}: offsets {s}..{e} outside the text (len {n})")
    elif text[s:e] != m.get("text"):
        bad.append(f"{where}: text[{s}:{e}]={text[s:e]!r} but text={m.get('text')!r}")
    elif s == e:
        bad.append(f"{where}: empty span at {s}")


def _reported_violations(
    text: str,
    r: dict[str, Any],
    prev_start: int,
    entity_ids: list[str],
    source_ids: list[str],
    bad: list[str],
) -> int:
    """The violations of one reported speech; RETURNS the start of the last one seen."""
    rid, s = r["id"], r["start"]
    _span_violations(text, rid, {"start": s, "end": r["end"], "text": r["text"]}, bad)
    if isinstance(s, int) and s < prev_start:
        bad.append(f"{rid}: starts at {s}, before the previous reported speech ({prev_start})")
    _span_violations(text, f"{rid}.speaker_mention", r.get("speaker_mention"), bad)
    _span_violations(text, f"{rid}.cue", r.get("cue"), bad)
    if r.get("speaker") is not None and r["speaker"] not in entity_ids:
        bad.append(f"{rid}: speaker {r['speaker']!r} is no entity id")
    if r.get("via") is not None and r["via"] not in source_ids:
        bad.append(f"{rid}: via {r['via']!r} is no source id")
    return max(prev_start, s) if isinstance(s, int) else prev_start


def _quote_violations(
    text: str,
    q: dict[str, Any],
    prev_end: int,
    entity_ids: list[str],
    source_ids: list[str],
    bad: list[str],
) -> int:
    """The violations of one quote; RETURNS the end of the quotes seen so far."""
    n = len(text)
    qid, s, e, qt = q["id"], q["start"], q["end"], q["text"]
    if not (isinstance(s, int) and isinstance(e, int) and 0 <= s < e <= n):
        bad.append(f"{qid}: offsets {s}..{e} outside the text (len {n})")
        return prev_end
    if text[s] not in OPENING_MARKS:
        bad.append(f"{qid}: text[{s}]={text[s]!r} is not an opening mark")
    # The content sits right after the opening mark (one or two characters: '')
    # and ends at the closing mark, or at ``end`` for a quote left open.
    if not any(
        text[cs : cs + len(qt)] == qt and e - 2 <= cs + len(qt) <= e for cs in (s + 1, s + 2)
    ):
        bad.append(f"{qid}: text {qt!r} is not the content of {text[s:e]!r}")
    if s < prev_end:
        bad.append(f"{qid}: starts at {s}, before the previous quote ends ({prev_end})")
    if q["kind"] not in ("full", "partial"):
        bad.append(f"{qid}: kind {q['kind']!r}")
    _span_violations(text, f"{qid}.speaker_mention", q.get("speaker_mention"), bad)
    _span_violations(text, f"{qid}.cue", q.get("cue"), bad)
    if q.get("speaker") is not None and q["speaker"] not in entity_ids:
        bad.append(f"{qid}: speaker {q['speaker']!r} is no entity id")
    if q.get("via") is not None and q["via"] not in source_ids:
        bad.append(f"{qid}: via {q['via']!r} is no source id")
    return max(prev_end, e)
