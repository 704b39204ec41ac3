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

import numpy
from spacy.language import Language
from spacy.strings import StringStore
from spacy.tokens import Doc

_KEYS = ("TAG", "LOWER", "DEP", "IS_SPACE")


_COLUMNS = ("TAG", "LOWER", "DEP", "IS_SPACE", "POS", "MORPH", "LEMMA")
_COLUMN_ATTRS: list[int | str] = list(_COLUMNS)


def _compile(pattern: list[dict[str, Any]], encode) -> list[list[tuple[str, str, Any]]] | None:
    """Conditions ``(key, op, value)`` for each token, or None if unsupported."""
    out = []
    for token_pattern in pattern:
        conds = []
        for key, value in token_pattern.items():
            if key not in _KEYS:
                return None
            if isinstance(value, (str, bool)):
                conds.append((key, "==", encode(key, value)))
            elif isinstance(value, dict) and len(value) == 1:
                op, arg = next(iter(value.items()))
                if op in ("IN", "NOT_IN"):
                    conds.append((key, op, frozenset(encode(key, v) for v in arg)))
                elif op == "REGEX" and key != "IS_SPACE":
                    conds.append((key, op, re.compile(arg)))
                else:
                    return None
            else:
                return None
        out.append(conds)
    return out


def _match(cols: dict[str, list[int]], i: int, conds: list[tuple[str, str, Any]], strings) -> bool:
    for key, op, arg in conds:
        v = cols[key][i]
        if op == "==":
            if v != arg:
                return False
        elif op == "IN":
            if v not in arg:
                return False
        elif op == "NOT_IN":
            if v in arg:
                return False
        elif not arg.search(strings[v]):
            return False
    return True


class TagMap:
    """Apply attribute-ruler patterns by exact look-up (see the module docstring)."""

    def __init__(self, nlp: Language, name: str, patterns: list[dict[str, Any]]):
        self.name = name
        self.patterns = patterns
        self.skipped = 0
        strings = nlp.vocab.strings
        morphology = nlp.vocab.morphology

        def encode(key: str, value: Any) -> int:
            return int(value) if key == "IS_SPACE" else strings.add(value)

        def effect(attrs: dict[str, Any]) -> tuple:
            return (
                # a POS name's string id is its symbol id (NOUN -> 92)
                strings.add(attrs["POS"]) if "POS" in attrs else None,
                morphology.add(attrs["MORPH"]) if "MORPH" in attrs else None,
                strings.add(attrs["LEMMA"]) if "LEMMA" in attrs else None,
                attrs.get("DEP"),
            )

        # Rules that need more than a look-up (NOT_IN, REGEX, two tokens): few, checked
        # one by one on the positions their first condition allows.
        self.slow: list[tuple[int, list, int, tuple]] = []
        tables: dict[tuple[str, ...], dict[tuple, list[tuple]]] = {}
        for order, rec in enumerate(patterns):
            attrs = rec["attrs"]
            for pattern in rec["patterns"]:
                conds = _compile(pattern, encode)
                if conds is None:
                    self.skipped += 1
                    continue
                index = rec.get("index", 0)
                if (
                    len(conds) != 1
                    or index != 0
                    or any(op not in ("==", "IN") for _, op, _ in conds[0])
                ):
                    self.slow.append((order, conds, index, effect(attrs)))
                    continue
                # One token, exact values only: every combination is a table key.
                choices = {key: [arg] if op == "==" else sorted(arg) for key, op, arg in conds[0]}
                keys = tuple(sorted(choices))
                entry = (order, *effect(attrs))
                table = tables.setdefault(keys, {})
                for value in itertools.product(*(choices[k] for k in keys)):
                    table.setdefault(value, []).append(entry)
        self.rules = list(tables.items())

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if n == 0:
            return doc
        arr = doc.to_array(_COLUMN_ATTRS)
        cols = {name: arr[:, k].tolist() for k, name in enumerate(_COLUMNS)}
        hits: dict[int, list[tuple]] = {}
        self._table_hits(cols, n, hits)
        self._slow_hits(cols, n, doc.vocab.strings, hits)
        if hits:
            _apply(doc, cols, hits)
        return doc

    def _table_hits(self, cols: dict[str, list[int]], n: int, hits: dict[int, list]) -> None:
        """The one-token exact rules, by dictionary look-up per token."""
        for keys, table in self.rules:
            columns = [cols[k] for k in keys]
            if len(columns) == 1:
                col = columns[0]
                for i in range(n):
                    found = table.get((col[i],))
                    if found:
                        hits.setdefault(i, []).extend(found)
            else:
                for i, value in enumerate(zip(*columns)):
                    found = table.get(value)
                    if found:
                        hits.setdefault(i, []).extend(found)

    def _slow_hits(
        self, cols: dict[str, list[int]], n: int, strings: StringStore, hits: dict[int, list]
    ) -> None:
        """The other rules, checked one by one where their first exact condition holds."""
        for order, conds, index, effect in self.slow:
            width = len(conds)
            gate = next(((k, op, a) for k, op, a in conds[0] if op in ("==", "IN")), None)
            if gate is None:
                starts: Iterable[int] = range(n - width + 1)
            else:
                col = cols[gate[0]]
                starts = [
                    i
                    for i in range(n - width + 1)
                    if (col[i] == gate[2] if gate[1] == "==" else col[i] in gate[2])
                ]
            for i in starts:
                if all(_match(cols, i + k, conds[k], strings) for k in range(width)):
                    hits.setdefault(i + index, []).append((order, *effect))


def _apply(doc: Doc, cols: dict[str, list[int]], hits: dict[int, list[tuple]]) -> None:
    """Write the effects of the rules that hit, in the ruler's order (later rules win)."""
    pos_col, morph_col, lemma_col = cols["POS"], cols["MORPH"], cols["LEMMA"]
    deps: dict[int, str] = {}
    for i, found in hits.items():
        found.sort()  # the ruler's own order: later patterns win
        for _, pos, morph, lemma, dep in found:
            if pos is not None:
                pos_col[i] = pos
            if morph is not None:
                morph_col[i] = morph
            if lemma is not None:
                lemma_col[i] = lemma
            if dep is not None:
                deps[i] = dep
    out = numpy.array([pos_col, morph_col, lemma_col], dtype="uint64").T
    doc.from_array(["POS", "MORPH", "LEMMA"], out)
    for i, dep in deps.items():
        doc[i].dep_ = dep


@Language.factory(
    "quotekit_tagmap",
    assigns=["token.pos", "token.morph", "token.lemma", "token.dep"],
    requires=["token.tag", "token.dep"],
    default_config={"patterns": []},
)
def make_tagmap(nlp: Language, name: str, patterns: list[dict[str, Any]]) -> TagMap:
    return TagMap(nlp, name, patterns)
