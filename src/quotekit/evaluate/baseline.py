"""The textacy baseline: ``textacy.extract.triples.direct_quotations``, scored alike."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import spacy

from ..pipeline import resolve_model
from ..text import paragraphs
from .matching import Prediction, strip_span


def load_baseline_nlp() -> Any:
    """The English model the baseline runs on, found as ``quotekit.load()`` finds it
    (``quotekit.pipeline.resolve_model``), whole: textacy needs its lemmatizer."""
    return spacy.load(resolve_model())


def textacy_predict(texts: list[str], nlp: Any) -> list[Prediction]:
    """The textacy baseline: ``textacy.extract.triples.direct_quotations``.

    textacy refuses a whole doc with an odd number of quote tokens, so it runs
    paragraph by paragraph (``quotekit.text.paragraphs``: every line break ends
    one; offsets kept into the full text) and a paragraph it refuses (a
    ``ValueError``) is skipped and counted in the prediction's ``textacy_errors``.
    Quotes span textacy's content (marks included); ``speaker_mention`` and
    ``cue`` run from the first to the last of its speaker and cue tokens; ``kind``
    is "partial" when the content starts lowercase. No entities, sources,
    resolved speakers or via.

    texts (list[str]): article texts.
    nlp (Language): a pipeline with a parser (the English model).
    RETURNS (list[dict]): prediction dicts in the output-format contract.
    """
    from textacy.extract.triples import direct_quotations

    paras = [(ti, s, text[s:e]) for ti, text in enumerate(texts) for s, e in paragraphs(text)]
    preds: list[Prediction] = [
        {"id": None, "quotes": [], "entities": [], "sources": [], "textacy_errors": 0}
        for _ in texts
    ]
    docs = nlp.pipe(p for _, _, p in paras)
    for (ti, off, _), doc in zip(paras, docs):
        try:
            triples = list(direct_quotations(doc))
        except ValueError:  # an odd number of quotation marks: textacy refuses the paragraph
            preds[ti]["textacy_errors"] += 1
            continue
        for tr in triples:
            preds[ti]["quotes"].append(_quote(tr, off, texts[ti], len(preds[ti]["quotes"])))
    for pred in preds:
        pred["quotes"].sort(key=lambda q: q["start"])
        for i, q in enumerate(pred["quotes"]):
            q["id"] = f"q{i}"
    return preds


def _quote(tr: Any, off: int, text: str, n: int) -> dict[str, Any]:
    """A predicted quote from a textacy triple found at offset ``off`` of ``text``."""
    s = off + tr.content.start_char
    e = off + tr.content.end_char
    inner = strip_span(text, s, e)
    content = text[inner[0] : inner[1]]
    return {
        "id": f"q{n}",
        "start": s,
        "end": e,
        "text": text[s + 1 : e - 1] if e - s >= 2 else text[s:e],
        "kind": "partial" if content[:1].islower() else "full",
        "speaker": None,
        "speaker_mention": _token_span(tr.speaker, off, text),
        "cue": _token_span(tr.cue, off, text),
        "via": None,
    }


def _token_span(tokens: Sequence[Any], offset: int, text: str) -> dict[str, Any] | None:
    if not tokens:
        return None
    s = offset + min(t.idx for t in tokens)
    e = offset + max(t.idx + len(t.text) for t in tokens)
    return {"start": s, "end": e, "text": text[s:e]}
