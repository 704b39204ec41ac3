"""Entities as clusters of mentions, and the merges that join two clusters into one.

All merges are dictionary look-ups by a name's last or first word, its initials or its
alias: no pairwise comparison of all mentions.
"""

from __future__ import annotations

from collections.abc import Mapping

from .forms import alias, first_compatible


class Cluster:
    """One entity being built: its mentions (character offsets) and what is known of it."""

    __slots__ = (
        "affiliation",
        "descriptors",
        "forms",
        "gender",
        "iso",
        "key",
        "last_pos",
        "mentions",
        "titles",
        "tokens",
        "type",
    )

    def __init__(self, type_: str, key: str):
        self.type = type_
        self.key = key
        self.forms: list[str] = []  # surface forms as written (normalised spacing)
        self.mentions: list[tuple[int, int]] = []
        self.titles: list[str] = []
        self.affiliation: str | None = None
        self.iso: str | None = None
        self.gender: str | None = None
        self.tokens: list[str] = []  # the fullest person name, as tokens
        self.last_pos = -1
        self.descriptors: list[str] = []  # "regulator" in "stock market regulator AMF"

    def add(self, start: int, end: int, form: str) -> None:
        """Add the mention ``[start, end)`` written ``form``."""
        self.mentions.append((start, end))
        if form and form not in self.forms:
            self.forms.append(form)
        self.last_pos = max(self.last_pos, start)

    def absorb(self, other: Cluster) -> None:
        """Take ``other``'s mentions and forms (``other`` is then dropped)."""
        self.mentions.extend(other.mentions)
        for f in other.forms:
            if f not in self.forms:
                self.forms.append(f)


class PersonClusters:
    """People of one document, found by the last and first words of their names."""

    def __init__(self) -> None:
        self.clusters: list[Cluster] = []
        self.by_last: dict[str, list[Cluster]] = {}
        self.by_first: dict[str, list[Cluster]] = {}

    def attach(self, words: list[str]) -> Cluster:
        """The person a name (its words as written) belongs to, made if new.

        A full name joins an earlier person with the same last word and a compatible first
        ("J. Smith", "John Smith"), or one known by the surname alone; a lone word joins
        the latest person it is the last (or, failing that, the first) word of.
        """
        last = words[-1].lower()
        if len(words) >= 2:
            for c in reversed(self.by_last.get(last, ())):
                if len(c.tokens) == 1 or first_compatible(c.tokens[0], words[0]):
                    if len(words) > len(c.tokens):
                        c.tokens = words
                    return c
            c = self._new(" ".join(words).lower(), words)
            self.by_first.setdefault(words[0].lower(), []).append(c)
            return c
        cands = self.by_last.get(last) or [
            c for c in self.by_first.get(last, ()) if len(c.tokens) > 1
        ]
        if cands:
            return max(cands, key=lambda c: c.last_pos)
        return self._new(last, words)

    def _new(self, key: str, words: list[str]) -> Cluster:
        c = Cluster("PERSON", key)
        c.tokens = words
        self.clusters.append(c)
        self.by_last.setdefault(words[-1].lower(), []).append(c)
        return c

    def known_names(self) -> dict[str, Cluster]:
        """Each person by surname, full name, and (for three words or more) the name
        without its first word ("Van Dam" for "Pieter Van Dam"); the first person wins."""
        known: dict[str, Cluster] = {}
        for c in self.clusters:
            known.setdefault(c.tokens[-1].lower(), c)
            known.setdefault(" ".join(c.tokens).lower(), c)
            if len(c.tokens) > 2:
                known.setdefault(" ".join(c.tokens[1:]).lower(), c)
        return known


def merge_forward_references(clusters: list[Cluster]) -> list[Cluster]:
    """People named by one word before their full name joins them: a lone surname, or a
    first name that starts exactly one full name ("Serena ... Serena Williams").

    clusters (list[Cluster]): the people, in order of first mention.
    RETURNS (list[Cluster]): the people left after the merges, in the same order.
    """
    multi_by_last: dict[str, list[Cluster]] = {}
    multi_by_first: dict[str, list[Cluster]] = {}
    for c in clusters:
        if len(c.tokens) > 1:
            multi_by_last.setdefault(c.tokens[-1].lower(), []).append(c)
            multi_by_first.setdefault(c.tokens[0].lower(), []).append(c)
    merged: list[Cluster] = []
    for c in clusters:
        targets = multi_by_last.get(c.tokens[-1].lower(), [])
        if len(c.tokens) == 1 and not targets:
            targets = multi_by_first.get(c.tokens[0].lower(), [])
        if len(c.tokens) == 1 and len(targets) == 1:
            t = targets[0]
            t.absorb(c)
            for title in c.titles:
                if title not in t.titles:
                    t.titles.append(title)
            t.affiliation = t.affiliation or c.affiliation
            t.gender = t.gender or c.gender
        else:
            merged.append(c)
    return merged


def merge_acronyms(
    order: list[Cluster], acronyms: Mapping[str, str], orgs: Mapping[str, Cluster]
) -> list[Cluster]:
    """An organisation named by its acronym joins the one the acronym stands for ("NATO
    ... the North Atlantic Treaty Organization"), wherever each first appears.

    order (list[Cluster]): organisations and other names, in order of first mention.
    acronyms (Mapping[str, str]): acronym -> key of the organisation it stands for.
    orgs (Mapping[str, Cluster]): organisations by key.
    RETURNS (list[Cluster]): the clusters left, in the same order.
    """
    final: list[Cluster] = []
    for c in order:
        if c.type == "ORG":
            target = acronyms.get(c.key.upper())
            if target and target != c.key and target in orgs:
                orgs[target].absorb(c)
                continue
        final.append(c)
    return final


def merge_short_names(
    clusters: list[Cluster], known: Mapping[str, str], stopwords: frozenset[str]
) -> list[Cluster]:
    """A lone capitalised word that ends or starts exactly one longer organisation name
    joins it: "the Commission" after "the European Commission", "Vivendi" for "Vivendi
    Universal". A word that is itself a known organisation's name stays apart.

    clusters (list[Cluster]): organisations and other names, in order of first mention.
    known (Mapping[str, str]): folded names of known organisations (the gazetteer).
    stopwords (frozenset[str]): small words that never name an organisation alone.
    RETURNS (list[Cluster]): the clusters left, in the same order.
    """
    ends: dict[str, list[Cluster]] = {}
    for c in clusters:
        if c.type == "ORG":
            for f in c.forms:
                words = alias(f).split()
                if len(words) > 1:
                    for w in {words[-1].lower(), words[0].lower()}:
                        if w not in stopwords and c not in ends.get(w, []):
                            ends.setdefault(w, []).append(c)
    kept: list[Cluster] = []
    for c in clusters:
        single = c.type == "ORG" and all(len(alias(f).split()) == 1 for f in c.forms)
        targets = ends.get(c.key, []) if single else []
        if len(targets) == 1 and targets[0] is not c and c.key not in known:
            targets[0].absorb(c)
            continue
        kept.append(c)
    return kept
