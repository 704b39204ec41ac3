"""quotekit_tagmap: the English model's attribute rules, applied by dictionary look-up.

``en_core_web_sm``'s ``attribute_ruler`` maps fine-grained tags to coarse POS and
morphology (``NNS`` -> ``NOUN`` + ``Number=Plur``) and fixes a few words
(``"i"`` as a subject, ``"'s"`` after a noun). It runs them through spaCy's
``Matcher``, which costs about as much as the tagger, parser and lemmatizer put
together on news text. Every one of its single-token rules is an exact match on
``TAG``, ``LOWER``, ``DEP`` or ``IS_SPACE``; this component applies the same rules
with dictionary look-ups, in the ruler's order (later rules win), for a fraction of
the time. Rules it cannot express that way (two-token lemma exceptions such as
"ai n't", ``NOT_IN`` and regex rules) are few and are checked one by one, so the
result is the ruler's, token for token.

``quotekit.load()`` puts this component in the place of ``attribute_ruler`` and
gives it the ruler's own patterns, so the patterns travel with the pipeline's
config and ``nlp.to_disk``.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from typing import Any

from spacy.language import Language
from spacy.symbols import IDS
from spacy.tokens import Doc

_KEYS = ("TAG", "LOWER", "DEP", "IS_SPACE")


def _choices(token_pattern: dict[str, Any]) -> dict[str, list] | None:
    """The values each key accepts (``{"IN": [...]}`` expanded), or None when the
    pattern needs more than exact look-ups."""
    out: dict[str, list] = {}
    for key, value in token_pattern.items():
        if key not in _KEYS:
            return None
        if isinstance(value, (str, bool)):
            out[key] = [value]
        elif isinstance(value, dict) and set(value) == {"IN"}:
            out[key] = list(value["IN"])
        else:
            return None
    return out


def _values(tok) -> dict[str, Any]:
    return {"TAG": tok.tag_, "LOWER": tok.lower_, "DEP": tok.dep_, "IS_SPACE": tok.is_space}


def _compile(pattern: list[dict[str, Any]]) -> list[list[tuple[str, str, Any]]] | None:
    """Conditions ``(key, op, value)`` for each token, or None if unsupported."""
    out = []
    for token_pattern in pattern:
        conds = []
        for key, value in token_pattern.items():
            if key not in _KEYS:
                return None
            if isinstance(value, (str, bool)):
                conds.append((key, "==", value))
            elif isinstance(value, dict) and len(value) == 1:
                op, arg = next(iter(value.items()))
                if op in ("IN", "NOT_IN"):
                    conds.append((key, op, frozenset(arg)))
                elif op == "REGEX":
                    conds.append((key, op, re.compile(arg)))
                else:
                    return None
            else:
                return None
        out.append(conds)
    return out


def _match(values: dict[str, Any], conds: list[tuple[str, str, Any]]) -> bool:
    for key, op, arg in conds:
        v = values[key]
        if op == "==":
            if v != arg:
                return False
        elif op == "IN":
            if v not in arg:
                return False
        elif op == "NOT_IN":
            if v in arg:
                return False
        elif not arg.search(v):
            return False
    return True


class TagMap:
    """Apply attribute-ruler patterns by exact look-up (see the module docstring)."""

    def __init__(self, nlp: Language, name: str, patterns: list[dict[str, Any]]):
        self.name = name
        self.patterns = patterns
        self.skipped = 0
        # Rules that need more than a look-up (NOT_IN, REGEX, two tokens): few, checked
        # one by one.
        self.slow: list[tuple[int, list, int, tuple]] = []
        morphology = nlp.vocab.morphology
        tables: dict[tuple[str, ...], dict[tuple, list[tuple]]] = {}
        for order, rec in enumerate(patterns):
            attrs = rec["attrs"]
            for pattern in rec["patterns"]:
                choices = _choices(pattern[0]) if len(pattern) == 1 else None
                if choices is None or rec.get("index", 0) != 0:
                    slow = _compile(pattern)
                    if slow is None:
                        self.skipped += 1
                    else:
                        self.slow.append((order, slow, rec.get("index", 0), (
                            IDS.get(attrs["POS"]) if "POS" in attrs else None,
                            morphology.add(attrs["MORPH"]) if "MORPH" in attrs else None,
                            attrs.get("LEMMA"), attrs.get("DEP"))))
                    continue
                keys = tuple(sorted(choices))
                entry = (order,
                         IDS.get(attrs["POS"]) if "POS" in attrs else None,
                         morphology.add(attrs["MORPH"]) if "MORPH" in attrs else None,
                         attrs.get("LEMMA"), attrs.get("DEP"))
                table = tables.setdefault(keys, {})
                for value in itertools.product(*(choices[k] for k in keys)):
                    table.setdefault(value, []).append(entry)
        self.rules = list(tables.items())

    def __call__(self, doc: Doc) -> Doc:
        rules = self.rules
        slow_hits: dict[int, list[tuple]] = {}
        tokens = list(doc)
        values_at = [_values(t) for t in tokens]
        if self.slow:
            n = len(tokens)
            for order, conds, index, attrs in self.slow:
                width = len(conds)
                gate = next(((k, op, a) for k, op, a in conds[0] if op in ("==", "IN")), None)
                for i in range(n - width + 1):
                    if gate is not None:
                        v = values_at[i][gate[0]]
                        if (v != gate[2]) if gate[1] == "==" else (v not in gate[2]):
                            continue
                    if all(_match(values_at[i + k], conds[k]) for k in range(width)):
                        slow_hits.setdefault(i + index, []).append((order, *attrs))
        for tok, values in zip(tokens, values_at):
            hits: list[tuple] = list(slow_hits.get(tok.i, ()))
            for keys, table in rules:
                found = table.get(tuple(values[k] for k in keys))
                if found:
                    hits.extend(found)
            if len(hits) > 1:
                hits.sort()  # the ruler's own order: later patterns win
            for _, pos, morph, lemma, dep in hits:
                if dep is not None:
                    tok.dep_ = dep
                if pos is not None:
                    tok.pos = pos
                if morph is not None:
                    tok.set_morph(morph)
                if lemma is not None:
                    tok.lemma_ = lemma
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterable[Doc]:
        for doc in docs:
            yield self(doc)


@Language.factory(
    "quotekit_tagmap",
    assigns=["token.pos", "token.morph"],
    requires=["token.tag"],
    default_config={"patterns": []},
)
def make_tagmap(nlp: Language, name: str, patterns: list[dict[str, Any]]) -> TagMap:
    return TagMap(nlp, name, patterns)
