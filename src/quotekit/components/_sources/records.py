"""The output's enumerations, organisation records (validated) and mentions."""

from __future__ import annotations

from typing import Any

from ...errors import Errors, QuotekitError

KINDS = ("news_agency", "newspaper", "broadcaster", "online", "magazine")
"""The ``kind`` values of ``doc._.quotekit_sources``."""
ROLES = ("dateline", "cited", "credit")
"""The ``roles`` values of ``doc._.quotekit_sources``, in their output order."""
FRAMES = (
    "told",
    "speaking_to",
    "according_to",
    "quoted_by",
    "reported_by",
    "report_by",
    "interview",
    "statement",
    "wrote_in",
    "report_in",
    "broadcast_on",
    "citing",
    "reported",
    "agency_reported",
    "quoted",
    "report",
    "staff",
)
"""The ``frame`` values of ``doc._.quotekit_source_frames``."""

ALIAS_FIELDS = ("aliases", "strict_aliases", "context_aliases")


def validate_record(record: Any) -> dict:
    """A clean copy of one organisation record.

    record (Any): ``{"name", "kind", "country"?, "aliases"?, "strict_aliases"?,
        "context_aliases"?}``.
    RETURNS (dict): the record with every field present and stripped.
    RAISES (QuotekitError): E006 without a name or a valid kind, or with an alias
        field that is not a list of strings.
    """
    if not isinstance(record, dict):
        raise QuotekitError(Errors.E006.format(kinds=list(KINDS), entry=record))
    name, kind = record.get("name"), record.get("kind")
    if not isinstance(name, str) or not name.strip() or kind not in KINDS:
        raise QuotekitError(Errors.E006.format(kinds=list(KINDS), entry=record))
    out: dict[str, Any] = {
        "name": name.strip(),
        "kind": kind,
        "country": record.get("country") or None,
    }
    for key in ALIAS_FIELDS:
        value = record.get(key) or []
        if isinstance(value, str) or not all(isinstance(v, str) for v in value):
            raise QuotekitError(Errors.E006.format(kinds=list(KINDS), entry=record))
        out[key] = [v.strip() for v in value if v.strip()]
    return out


def strip_the(alias: str) -> tuple[str, bool]:
    """``("Sun", True)`` for "The Sun": the alias without a leading article."""
    if alias[:4].lower() == "the " and len(alias) > 4:
        return alias[4:].strip(), True
    return alias, False


class Org:
    """One organisation during processing (from the gazetteer or found by a frame)."""

    __slots__ = ("country", "kind", "name")

    def __init__(self, name: str, kind: str, country: str | None):
        self.name, self.kind, self.country = name, kind, country


class Mention:
    """A mention of an organisation: token bounds, organisation index, roles, frame.

    ``context``: matched by a context alias (a name that may be something else, e.g.
    "Bloomberg"); ``needs_the``: a one-word name that counts only after "the" ("The
    Sun"); ``frame``: the cited frame, ``{"frame", "cue", "speaker"}`` (token indices).
    """

    __slots__ = ("context", "end", "frame", "needs_the", "org", "roles", "start")

    def __init__(
        self, start: int, end: int, org: int, context: bool = False, needs_the: bool = False
    ):
        self.start, self.end, self.org = start, end, org
        self.context, self.needs_the = context, needs_the
        self.roles: set[str] = set()
        self.frame: dict | None = None
