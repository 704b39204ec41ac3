"""The known news organisations: merged records, alias indexes and phrase matchers."""

from __future__ import annotations

from collections.abc import Iterable

from spacy import util
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from .records import Mention, Org, strip_the


def merge_records(records: Iterable[dict]) -> tuple[list[Org], list[tuple[str, int, str]]]:
    """Organisations by name (a later record with a known name updates its kind and
    country) and every alias with its organisation's index and mode.

    records (Iterable[dict]): validated records (``records.validate_record``).
    RETURNS (tuple): ``(orgs, [(alias, org index, mode)])``; the mode says how an
        alias matches: ``plain`` (any case), ``strict`` (exact case: "REUTERS") or
        ``context`` (exact case, and the name may be something else: "Bloomberg").
    """
    orgs: list[Org] = []
    by_name: dict[str, int] = {}
    aliases: list[tuple[str, int, str]] = []
    for rec in records:
        name_key = rec["name"].casefold()
        idx = by_name.get(name_key)
        if idx is None:
            idx = len(orgs)
            by_name[name_key] = idx
            orgs.append(Org(rec["name"], rec["kind"], rec["country"]))
        else:  # a user record updates a shipped one
            orgs[idx].kind, orgs[idx].country = rec["kind"], rec["country"] or orgs[idx].country
        strict, context = set(rec["strict_aliases"]), set(rec["context_aliases"])
        for alias in dict.fromkeys([rec["name"], *rec["aliases"], *strict, *context]):
            mode = "context" if alias in context else "strict" if alias in strict else "plain"
            aliases.append((alias, idx, mode))
    return orgs, aliases


class Gazetteer:
    """The organisations of the table and the user's records, found in a doc by two
    ``PhraseMatcher``\\ s (lower-case for plain aliases, exact case for strict and
    context ones; the longest match wins) and looked up by name.

    nlp (Language): the pipeline (its tokenizer builds the patterns).
    records (Iterable[dict]): validated records, shipped ones first.
    """

    def __init__(self, nlp: Language, records: Iterable[dict]):
        self.orgs, aliases = merge_records(records)
        self._lower_index: dict[str, int] = {}
        self._exact_index: dict[str, tuple[int, str]] = {}
        patterns: dict[tuple[str, int, bool, bool], list[str]] = {}
        for alias, idx, mode in aliases:
            core, had_the = strip_the(alias)
            # A one-word name that needs its article ("The Sun") matches after "the" only.
            needs_the = had_the and " " not in core and mode != "plain"
            if mode == "plain":
                self._lower_index.setdefault(core.casefold(), idx)
            self._exact_index.setdefault(core, (idx, mode))
            matcher = "lower" if mode == "plain" else "exact"
            patterns.setdefault((matcher, idx, mode == "context", needs_the), []).append(core)
        self._keys: dict[int, tuple[int, bool, bool]] = {}
        lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        strings = nlp.vocab.strings
        for (matcher, idx, is_context, needs_the), texts in patterns.items():
            label = f"qk_src|{idx}|{int(is_context)}|{int(needs_the)}"
            self._keys[strings.add(label)] = (idx, is_context, needs_the)
            docs = [nlp.make_doc(text) for text in texts]
            (lower if matcher == "lower" else exact).add(label, docs)
        self._matchers = (lower, exact)

    def lookup(self, text: str) -> int | None:
        """The index of the organisation named exactly ``text`` (alias rules apply).

        text (str): a name, e.g. "the Reuters" or "REUTERS".
        RETURNS (int | None): the index in ``orgs``, or None.
        """
        core, _ = strip_the(" ".join(text.split()))
        hit = self._exact_index.get(core)
        if hit is not None:
            return hit[0]
        return self._lower_index.get(core.casefold())

    def mentions(self, doc: Doc) -> list[Mention]:
        """Every mention of a known organisation in ``doc``, longest match first, with
        adjacent mentions of one organisation joined ("BBC" + "Newsnight").

        doc (Doc): the doc.
        RETURNS (list[Mention]): the mentions in text order.
        """
        spans = []
        for matcher in self._matchers:
            for key, s, e in matcher(doc):
                spans.append(Span(doc, s, e, label=key))
        found = []
        for span in util.filter_spans(spans):
            idx, context, needs_the = self._keys[span.label]
            found.append(Mention(span.start, span.end, idx, context, needs_the))
        merged: list[Mention] = []
        for m in sorted(found, key=lambda m: m.start):
            if merged and merged[-1].org == m.org and merged[-1].end == m.start:
                merged[-1].end = m.end
            else:
                merged.append(m)
        return merged
