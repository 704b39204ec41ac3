"""Scoring predictions against gold: quotes, speakers, entities, sources, via.

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
  the prediction has no mention). Article gold: see
  ``quotekit.evaluate.speakers.article_mention_right``.
- ``resolved`` (article gold only), see ``resolved_speaker_right``.
- Attributed P/R/F1: a TP is a found quote with the right speaker (PolNeAR: the
  ``mention`` rule; article gold: the ``resolved`` rule); P = TP / counted
  predictions (not ignored), R = TP / gold quotes. For article gold the report
  also has ``attributed_mention`` (TP by the article ``mention`` rule), the
  figure a baseline without entity resolution can be compared on.

Entities (PERSON and ORG by name or alias, COUNTRY by ISO code), sources (by name,
alias or mention) and via (the relaying source of a found quote) are scored on
article gold only. Names are compared after ``quotekit.text.normalise_name``.

On PolNeAR gold, every annotated attribution (direct, indirect and mixed) is also
scored against the quotes and reported speech together, by the rules of
``quotekit.evaluate.attributions`` (the report's ``all_attributions``); the figures
above, of direct quotes, do not change.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from ..errors import Errors, QuotekitError
from .attributions import score_attributions
from .gold import locate_gold_quotes
from .matching import (
    THRESHOLDS,
    Prediction,
    Span,
    greedy,
    names_of,
    normalise_name,
    overlap,
    strip_span,
)
from .speakers import article_mention_right, resolved_speaker_right
from .tally import ENTITY_TYPES, Tally, build_report


class PredictionTypeError(QuotekitError, TypeError):
    """Raised when a prediction is neither a dict in the output format nor an Article."""


def _prediction_span(q: dict[str, Any], text: str) -> Span:
    start, end = q.get("start"), q.get("end")
    if start is None or end is None:
        return (0, 0)
    return int(start), int(end)


def _context(text: str, span: Span, width: int = 60) -> str:
    s, e = span
    left = text[max(0, s - width) : s]
    right = text[e : e + width]
    body = text[s:e]
    if len(body) > 200:
        body = body[:95] + " … " + body[-95:]
    return " ".join(f"{left}[[{body}]]{right}".split())


def _score_quotes(
    tally: Tally,
    art_id: Any,
    text: str,
    gold_spans: list[Span | None],
    pred_spans: list[Span],
    excused: Callable[[Span], bool],
) -> dict[int, int]:
    """Pair quotes at every threshold; return the >0.3 pairing (gold idx -> pred idx)."""
    gs = [strip_span(text, *g) if g else None for g in gold_spans]
    ps = [strip_span(text, *p) for p in pred_spans]
    cand = _candidates(gs, ps)
    found_03: dict[int, int] = {}
    for key, thr in THRESHOLDS:
        pairs: list[tuple[tuple[float, ...], int, int]]
        if thr is None:
            pairs = [((0, gi, pi), gi, pi) for _, _, gi, pi in cand if gs[gi] == ps[pi]]
        else:
            pairs = [((-cov, -ov, gi, pi), gi, pi) for cov, ov, gi, pi in cand if cov > thr]
        m = greedy(pairs)
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
                    tally.errors["false_positive"].append(_error(art_id, text, pred_spans[pi]))
        if thr == 0.3:
            found_03 = m
            for gi, g in enumerate(gold_spans):
                if g is not None and gi not in m:
                    tally.errors["missed"].append(_error(art_id, text, g))
    return found_03


def _candidates(gs: list[Span | None], ps: list[Span]) -> list[tuple[float, int, int, int]]:
    """``(coverage of the gold quote, overlap, gold idx, pred idx)`` of overlapping pairs."""
    cand: list[tuple[float, int, int, int]] = []
    for gi, g in enumerate(gs):
        if g is None:
            continue
        glen = max(1, g[1] - g[0])
        for pi, p in enumerate(ps):
            ov = overlap(g, p)
            if ov:
                cand.append((ov / glen, ov, gi, pi))
    return cand


def _error(art_id: Any, text: str, span: Span, **extra: Any) -> dict[str, Any]:
    """An item of the report's "errors": where, what, and the text around it."""
    return {
        "id": art_id,
        "start": span[0],
        "end": span[1],
        **extra,
        "context": _context(text, span),
    }


# ---------------------------------------------------------------------- PolNeAR
def _eval_polnear(tally: Tally, gold: dict[str, Any], pred: Prediction) -> None:
    text = gold["text"]
    gquotes = gold.get("quotes") or []
    pquotes = pred.get("quotes") or []
    tally.n_gold += len(gquotes)
    tally.n_pred += len(pquotes)
    other = _other_attribution(gold)

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
        frags: list[Span] = [(f[0], f[1]) for f in gq.get("speaker") or []]
        right = _mention_overlaps(mention, frags)
        tally.mention_right += right
        tally.attributed_tp += right
        if not right:
            tally.errors["wrong_speaker"].append(
                _error(
                    gold.get("id"),
                    text,
                    (gq["start"], gq["end"]),
                    gold=" | ".join(text[s:e] for s, e in frags) or None,
                    predicted=mention.get("text") if mention else None,
                )
            )


def _other_attribution(gold: dict[str, Any]) -> bytearray:
    """1 at each character of attribution content outside every gold direct quote
    (partial and indirect quotes)."""
    text = gold["text"]
    in_quote = bytearray(len(text) + 1)
    for q in gold.get("quotes") or []:
        in_quote[q["start"] : q["end"]] = b"\x01" * (q["end"] - q["start"])
    other = bytearray(len(text) + 1)
    for att in gold.get("attributions") or []:
        for s, e in att.get("content") or []:
            for i in range(max(0, s), min(len(text), e)):
                if not in_quote[i]:
                    other[i] = 1
    return other


def _mention_overlaps(mention: dict[str, Any] | None, frags: list[Span]) -> bool:
    """PolNeAR's speaker rule: the mention shares a character with a gold source
    fragment; without gold fragments, right when there is no mention."""
    if not frags:
        return not mention
    return bool(mention) and any(
        overlap((mention.get("start", 0), mention.get("end", 0)), f)  # type: ignore[union-attr]
        for f in frags
    )


# ---------------------------------------------------------------------- article gold
def _eval_article(tally: Tally, gold: dict[str, Any], pred: Prediction) -> None:
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
    pents = {e.get("id"): e for e in pred.get("entities") or []}
    psources = {s.get("id"): s for s in pred.get("sources") or []}
    gsources = {normalise_name(s.get("name")): s for s in gold.get("sources") or []}
    for gi, pi in found.items():
        span = gspans[gi]
        assert span is not None
        _score_article_speaker(tally, gold, span, gquotes[gi], pquotes[pi], pents)
        _score_via(tally, gquotes[gi], pquotes[pi], gsources, psources)
    _eval_entities(tally, gold, pred)
    _eval_sources(tally, gold, pred)


def _score_article_speaker(
    tally: Tally,
    gold: dict[str, Any],
    span: Span,
    gq: dict[str, Any],
    pq: dict[str, Any],
    pents: dict[Any, dict[str, Any]],
) -> None:
    """Mention and resolved speaker, and kind, of one found article-gold quote."""
    gents = gold.get("entities") or []
    tally.found += 1
    tally.resolved_found += 1
    mention_right = article_mention_right(gq, pq, gents)
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
        tally.errors["wrong_speaker"].append(
            _error(
                gold.get("id"),
                gold["text"],
                span,
                gold=gq.get("speaker"),
                predicted=ent.get("name") if ent else None,
                mention=mention.get("text") if mention else None,
                mention_right=mention_right,
            )
        )


def _score_via(
    tally: Tally,
    gq: dict[str, Any],
    pq: dict[str, Any],
    gsources: dict[str, dict[str, Any]],
    psources: dict[Any, dict[str, Any]],
) -> None:
    """The relaying source of one found quote: right when its names meet the gold's."""
    gvia = gq.get("via")
    pvia = pq.get("via")
    tally.via["gold"] += gvia is not None
    if pvia is not None:
        tally.via["pred"] += 1
        if gvia is not None:
            gnames = names_of(gsources.get(normalise_name(gvia))) or {normalise_name(gvia)}
            if gnames & names_of(psources.get(pvia), with_mentions=True):
                tally.via["correct"] += 1


def _match_by_names(
    gold_items: Sequence[dict[str, Any]],
    pred_items: Sequence[dict[str, Any]],
    with_mentions: bool = False,
) -> dict[int, int]:
    """One-to-one by normalised name/alias intersection: larger intersections
    first, then identical names, then order."""
    gnames = [names_of(g) for g in gold_items]
    pnames = [names_of(p, with_mentions) for p in pred_items]
    gcanon = [normalise_name(g.get("name")) for g in gold_items]
    pcanon = [normalise_name(p.get("name")) for p in pred_items]
    pairs = []
    for gi, gn in enumerate(gnames):
        for pi, pn in enumerate(pnames):
            k = len(gn & pn)
            if k:
                pairs.append(((-k, gcanon[gi] != pcanon[pi], gi, pi), gi, pi))
    return greedy(pairs)


def _eval_entities(tally: Tally, gold: dict[str, Any], pred: Prediction) -> None:
    gents = gold.get("entities") or []
    pents = pred.get("entities") or []
    for etype in ENTITY_TYPES:
        g = [e for e in gents if e.get("type") == etype]
        p = [e for e in pents if e.get("type") == etype]
        c = tally.ent[etype]
        c["gold"] += len(g)
        c["pred"] += len(p)
        m = _match_by_iso(g, p) if etype == "COUNTRY" else _match_by_names(g, p)
        c["tp"] += len(m)
        for gi, pi in m.items():
            galiases = names_of({"aliases": g[gi].get("aliases") or [g[gi].get("name")]})
            c["gold_aliases"] += len(galiases)
            c["aliases_found"] += len(galiases & names_of(p[pi]))
        if etype == "PERSON":
            pn = [names_of(e) for e in p]
            for ge in g:
                gn = names_of(ge)
                if sum(1 for x in pn if x & gn) > 1:
                    c["split"] += 1


def _match_by_iso(g: list[dict[str, Any]], p: list[dict[str, Any]]) -> dict[int, int]:
    """Countries one to one by ISO code, in order."""
    pairs = [
        ((gi, pi), gi, pi)
        for gi, ge in enumerate(g)
        for pi, pe in enumerate(p)
        if ge.get("iso") and (pe.get("iso") or "").upper() == ge["iso"].upper()
    ]
    return greedy(pairs)


def _eval_sources(tally: Tally, gold: dict[str, Any], pred: Prediction) -> None:
    gs = gold.get("sources") or []
    ps = pred.get("sources") or []
    tally.src["gold"] += len(gs)
    tally.src["pred"] += len(ps)
    m = _match_by_names(gs, ps, with_mentions=True)
    tally.src["tp"] += len(m)
    for gi, pi in m.items():
        tally.src["roles_exact"] += set(gs[gi].get("roles") or []) == set(ps[pi].get("roles") or [])
        tally.src["kind_right"] += gs[gi].get("kind") == ps[pi].get("kind")


# ---------------------------------------------------------------------- evaluate
def as_prediction(pred: Any) -> Prediction:
    if isinstance(pred, dict):
        return pred
    if hasattr(pred, "to_dict"):
        return pred.to_dict()
    raise PredictionTypeError(Errors.E053.format(type=repr(type(pred))))


def evaluate(gold: list[dict[str, Any]], predictions: list[Prediction]) -> dict[str, Any]:
    """Score predictions against gold articles (aligned by position).

    gold (list[dict]): records from ``load_gold``.
    predictions (list[dict]): ``Article.to_dict()``-shaped dicts (or Articles), one
        per record.
    RETURNS (dict): JSON-serialisable nested metrics: counts, P/R/F1 per overlap
        threshold, speaker accuracies, attributed P/R/F1 and, for article gold,
        entities, sources and via; for PolNeAR gold, "all_attributions" (every
        annotated attribution against quotes and reported speech:
        ``score_attributions``); plus "errors" (missed, false_positive,
        wrong_speaker, unlocated) for inspection.
    RAISES (QuotekitError): when the two lists differ in length (E052); a
        ``PredictionTypeError`` (also a ``TypeError``) for a prediction that is
        neither a dict nor an Article (E053).
    """
    if len(gold) != len(predictions):
        raise QuotekitError(Errors.E052.format(gold=len(gold), predictions=len(predictions)))
    t = Tally()
    attributions = []
    for g, p in zip(gold, predictions):
        p = as_prediction(p)
        fmt = g.get("format") or ("polnear" if "attributions" in g else "article")
        t.baseline_errors += int(p.get("textacy_errors") or 0)
        if fmt == "polnear":
            t.n_polnear += 1
            _eval_polnear(t, g, p)
            attributions.append((g["text"], g.get("attributions") or [], p))
        else:
            t.n_article += 1
            _eval_article(t, g, p)
    report = build_report(t, len(gold))
    if attributions:
        errors = report.pop("errors")
        report["all_attributions"] = score_attributions(attributions)
        report["errors"] = errors
    return report
