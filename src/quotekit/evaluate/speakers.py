"""Whether a found quote's speaker is right, by the article-gold rules.

PolNeAR's rule (the mention overlaps a gold source fragment) works on offsets and
lives with its scorer in ``quotekit.evaluate.scoring``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .matching import contains_words, names_of, normalise_name


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
        return gold in aliases and contains_words(name, gold)
    gold_names = {normalise_name(e.get("name")) for e in gold_entities}
    if gold in gold_names or not mention:
        return False
    return contains_words(normalise_name(mention.get("text")), gold)


def article_mention_right(
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
            return any(contains_words(mtext, n) for n in names_of(ent) | {gold})
    return contains_words(mtext, gold)
