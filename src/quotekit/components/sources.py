"""quotekit_sources: news organisations in a reporting role, and the role they play.

Media researchers follow the chain of reporting: "MOSCOW (Reuters) —" says the story
came from Reuters, "the Interfax news agency reported" and "was quoted by Interfax as
saying" say Interfax relayed somebody's words, "Agencja Gazeta/Jan Rusek via REUTERS"
credits a photo. This component tags every news organisation that plays such a role:

- ``dateline``: the origin line at the top of a story, "LONDON, May 3 (Reuters) -".
- ``cited``: the organisation reported, quoted, wrote or was told something ("told
  the BBC", "according to AFP", "the Interfax news agency reported", "quoted by
  Interfax as saying", "in an interview with the Financial Times", "a Reuters report",
  "BBC correspondent Jane Doe said").
- ``credit``: a photo or content credit ("via REUTERS", "(AP Photo/Jane Doe)",
  "REUTERS/Jane Doe", "Jane Doe/Getty Images", "Photo: AFP").

Method. Organisations are found with a gazetteer (``quotekit.news_organisations.v1``,
matched with two ``PhraseMatcher``\\ s: lower-case for ordinary aliases, exact case for
strict ones; the longest match wins) and, for organisations the gazetteer lacks, with
naming frames ("the Kommersant newspaper", "the business daily Vedomosti", "Al-Jazeera
television"). Each mention is widened to its *unit* ("the Reuters news agency", "BBC
Radio 4's Today programme") and its role read from the few tokens around the unit
(surface frames such as "told the X", "according to X", "X reported") with the
dependency parse as a second opinion and as the way to find the speaker the frame
attaches to. A news organisation with no role ("Reuters' profits fell") is not a
source: the entities component lists it as an ORG. Mentions inside editors' notes,
paywall lines and quotations take no role. All per-document work is one matcher pass
plus a bounded look around each mention.

Outputs (plain data only, see ``quotekit.extensions``):

- ``doc._.quotekit_sources``: ``[{"id": "s0", "name", "kind", "roles", "country"}]``
  ordered by first role-bearing mention.
- ``doc.spans[spans_key]``: one span per role-bearing mention, ``label_`` the role,
  ``kb_id_`` the source id.
- ``doc._.quotekit_source_frames``: one dict per cited mention, for the attribution
  component: ``{"source", "start", "end", "frame", "cue", "sentence", "speaker_head"}``
  (see ``SourceFinder.__call__``).
"""

from __future__ import annotations

import json
from bisect import bisect_right
from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import Any

import regex
import srsly
from spacy import util
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from ..errors import Errors, QuotekitError
from ..extensions import SPAN_KEYS, ensure_extensions
from ..text import paragraphs, safe_finditer, safe_search
from ._spans import char_span

if not Doc.has_extension("quotekit_source_frames"):
    Doc.set_extension("quotekit_source_frames", default=None)

KINDS = ("news_agency", "newspaper", "broadcaster", "online", "magazine")
ROLES = ("dateline", "cited", "credit")

# --------------------------------------------------------------------------- word lists
#: Nouns that name the kind of a news organisation after (or before) its name.
FRAME_NOUNS = {
    "agency": "news_agency",
    "newspaper": "newspaper",
    "paper": "newspaper",
    "daily": "newspaper",
    "weekly": "newspaper",
    "tabloid": "newspaper",
    "broadsheet": "newspaper",
    "website": "online",
    "site": "online",
    "magazine": "magazine",
    "television": "broadcaster",
    "tv": "broadcaster",
    "radio": "broadcaster",
    "broadcaster": "broadcaster",
    "channel": "broadcaster",
    "network": "broadcaster",
    "station": "broadcaster",
    "service": "news_agency",
    "wire": "news_agency",
}
#: Words that may sit between a name and its frame noun ("Reuters news agency").
FRAME_FILLERS = {"news", "press", "wire", "state", "business", "financial", "online"}
#: What an organisation's programme, report or staff member is called after a possessive.
PROGRAMME_NOUNS = {"programme", "program", "show", "bulletin", "broadcast", "documentary"}
REPORT_NOUNS = {
    "report",
    "reports",
    "article",
    "articles",
    "story",
    "stories",
    "investigation",
    "survey",
    "poll",
    "analysis",
    "editorial",
    "column",
    "interview",
    "interviews",
    "website",
    "site",
    "documentary",
    "programme",
    "program",
    "broadcast",
    "footage",
}
STAFF_NOUNS = {
    "correspondent",
    "correspondents",
    "reporter",
    "reporters",
    "journalist",
    "journalists",
    "editor",
    "editors",
    "columnist",
    "columnists",
    "commentator",
    "presenter",
    "presenters",
    "interviewer",
    "writer",
    "writers",
}
#: Reporting verbs a news organisation is the subject of ("Reuters reported").
REPORT_LEMMAS = {
    "report",
    "say",
    "quote",
    "write",
    "broadcast",
    "cite",
    "claim",
    "reveal",
    "publish",
    "print",
    "carry",
    "learn",
    "understand",
    "state",
    "add",
    "suggest",
    "allege",
    "disclose",
    "air",
    "note",
    "describe",
    "estimate",
    "calculate",
    "confirm",
    "obtain",
}
_FALLBACK_FORMS = {
    "report": ["report", "reports", "reported", "reporting"],
    "say": ["say", "says", "said"],
    "quote": ["quote", "quotes", "quoted"],
    "write": ["write", "writes", "wrote", "written"],
    "broadcast": ["broadcast", "broadcasts", "broadcasted"],
    "cite": ["cite", "cites", "cited"],
    "claim": ["claim", "claims", "claimed"],
    "reveal": ["reveal", "reveals", "revealed"],
    "publish": ["publish", "publishes", "published"],
    "print": ["print", "prints", "printed"],
    "carry": ["carry", "carries", "carried"],
    "learn": ["learned", "learnt"],
    "understand": ["understands", "understood"],
    "state": ["stated", "states"],
    "add": ["added", "adds"],
    "suggest": ["suggested", "suggests"],
    "allege": ["alleged", "alleges"],
    "disclose": ["disclosed", "discloses"],
    "air": ["aired", "airs"],
    "note": ["noted", "notes"],
    "describe": ["described", "describes"],
    "estimate": ["estimated", "estimates"],
    "calculate": ["calculated", "calculates"],
    "confirm": ["confirmed", "confirms"],
    "obtain": ["obtained"],
}
_QUOTE_FORMS = {"quote", "quotes", "quoted"}
_REPORT_FORMS = {"report", "reports", "reported"}
_TELL = {"told", "tells", "telling", "tell"}
_SPEAK = {
    "speaking",
    "talking",
    "spoke",
    "speak",
    "speaks",
    "talked",
    "talk",
    "talks",
    "spoken",
    "comments",
    "comment",
    "remarks",
    "explained",
    "said",
    "says",
    "saying",
}
_QUOTED = {"quoted", "cited", "interviewed", "quotes", "saying"}
_REPORTED_BY = {
    "reported",
    "broadcast",
    "published",
    "obtained",
    "seen",
    "carried",
    "aired",
    "released",
    "commissioned",
    "conducted",
    "compiled",
    "revealed",
    "printed",
}
_WRITE = {"writing", "wrote", "writes", "write", "written"}
_IN_REPORT = {
    "quoted",
    "reported",
    "published",
    "report",
    "reports",
    "article",
    "interview",
    "comments",
    "remarks",
    "story",
    "appeared",
    "printed",
    "said",
    "says",
    "saying",
    "told",
    "editorial",
    "piece",
    "letter",
    "statement",
    "serialised",
    "serialized",
    "comment",
    "interviews",
    "claims",
    "revealed",
}
_ON_AIR = {
    "speaking",
    "speaks",
    "spoke",
    "said",
    "says",
    "told",
    "appearing",
    "appeared",
    "interview",
    "interviewed",
    "saying",
    "insisted",
    "argued",
    "asked",
    "added",
    "admitted",
    "denied",
    "claimed",
    "warned",
    "explained",
}
#: Tokens that may sit between a subject organisation and its verb ("Reuters has reported").
_AUX = {
    "has",
    "had",
    "have",
    "also",
    "later",
    "earlier",
    "first",
    "previously",
    "separately",
    "was",
    "is",
    "on",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "yesterday",
    "today",
    "recently",
    "last",
    "week",
    "originally",
}
#: Tokens after a mention that mark a photo or content credit.
_CREDIT_AFTER = {
    "photo",
    "photos",
    "pictures",
    "picture",
    "images",
    "image",
    "video",
    "pool",
    "photographer",
}
_CREDIT_BEFORE = {
    "photo",
    "photos",
    "picture",
    "pictures",
    "image",
    "images",
    "photograph",
    "credit",
    "source",
    "footage",
    "video",
    "graphic",
    "copyright",
}
_PERSON_LIKE = {
    "PERSON",
    "NORP",
    "GPE",
    "LOC",
    "DATE",
    "TIME",
    "CARDINAL",
    "ORDINAL",
    "MONEY",
    "PERCENT",
    "QUANTITY",
    "FAC",
    "EVENT",
    "LANGUAGE",
    "LAW",
}
_NAME_PARTICLES = {"de", "del", "della", "der", "di", "du", "la", "le", "el", "al", "of", "y"}
_QUOTE_OPEN = {"\u201c": "\u201d", "\u00ab": "\u00bb", "\u201e": "\u201d", "\u2018": "\u2019"}
_SUBJECT_DEPS = {"nsubj", "nsubjpass"}

# --------------------------------------------------------------------------- patterns
#: A story's origin line at the start of a paragraph: "MOSCOW (Reuters) —",
#: "LONDON, May 3 (Reuters) -", "WASHINGTON, D.C. (AP) --", "(CNN) —".
#: Backtracking review: every quantifier is bounded; the place is words of letters
#: separated by single spaces (word characters exclude the space, so a place splits
#: into words one way only); the optional state and date parts start with ", " and the
#: organisation sits between literal parentheses. The pattern is only *matched* at a
#: paragraph start (never searched), so one attempt costs at most a few hundred steps
#: whatever the paragraph holds. ``tests/test_sources.py`` times the worst case.
DATELINE = regex.compile(
    r"(?:(?P<place>[\p{Lu}][\p{L}\p{M}.'\u2019-]{1,30}(?: [\p{Lu}][\p{L}\p{M}.'\u2019-]{0,30}){0,3})"
    r"(?:, (?P<state>[\p{Lu}][\p{L}\p{M}.]{1,15}(?: [\p{Lu}][\p{L}\p{M}.]{1,15})?))?"
    r"(?:, (?:[\p{Lu}][\p{L}.]{2,9} \d{1,2}|\d{1,2} [\p{Lu}][\p{L}.]{2,9})(?:, \d{4})?)?"
    r" {1,2})?"
    r"\((?P<org>[\p{L}][\p{L}\p{M}\p{N}.&'\u2019 -]{0,40})\)"
    r"(?: {0,2}(?:\u2014|\u2013|--|-|:)|(?=[\p{Lu}])| {0,2}$)"
)
#: "Agencja Gazeta/Jan Rusek via REUTERS": the words before a slash credit an
#: organisation when a "via" credit follows the photographer's name. Bounded word
#: runs separated by single spaces; each match attempt is bounded (see DATELINE).
SLASH_VIA = regex.compile(
    r"(?<![\p{L}\p{N}/])(?P<org>[\p{Lu}][\p{L}\p{M}&.'\u2019-]{0,30}"
    r"(?: [\p{Lu}][\p{L}\p{M}&.'\u2019-]{0,30}){0,3})"
    r"/(?:[\p{Lu}][\p{L}\p{M}.'\u2019-]{0,30}(?: [\p{Lu}][\p{L}\p{M}.'\u2019-]{0,30}){0,3})"
    r" via "
)
#: "Jane Doe/Getty Images", "Jan Kowal/East News Photos": a photo agency after the slash,
#: named by its last word. Bounded runs; the lookbehind is one character.
SLASH_AGENCY = regex.compile(
    r"(?<=[\p{L}.])/(?P<org>(?:[\p{Lu}][\p{L}\p{M}&.'\u2019-]{0,30} ){1,3}"
    r"(?:Images|Pictures|Photos|Photo Agency|Picture Agency))\b"
)
#: Upper bound on the paragraphs read for a dateline, and on their offset.
DATELINE_PARAGRAPHS = 4
DATELINE_WINDOW = 2000


# --------------------------------------------------------------------------- records
def _validate(record: Any) -> dict:
    """A clean copy of one organisation record, or raise E006."""
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
    for key in ("aliases", "strict_aliases", "context_aliases"):
        value = record.get(key) or []
        if isinstance(value, str) or not all(isinstance(v, str) for v in value):
            raise QuotekitError(Errors.E006.format(kinds=list(KINDS), entry=record))
        out[key] = [v.strip() for v in value if v.strip()]
    return out


def _strip_the(alias: str) -> tuple[str, bool]:
    """``("Sun", True)`` for "The Sun": the alias without a leading article."""
    if alias[:4].lower() == "the " and len(alias) > 4:
        return alias[4:].strip(), True
    return alias, False


def _load_report_forms() -> tuple[set[str], set[str]]:
    """Surface forms of the reporting verbs an organisation can be the subject of
    ("Reuters reported"), and of every speech verb (for "BBC correspondent X said").

    Read from the shipped ``cues.json`` when present, with a built-in fallback.
    """
    forms = {f for fs in _FALLBACK_FORMS.values() for f in fs}
    speech = (
        set(forms)
        | _TELL
        | {
            "thinks",
            "thought",
            "believes",
            "believed",
            "argued",
            "argues",
            "warned",
            "warns",
            "explained",
            "explains",
        }
    )
    try:
        text = resources.files("quotekit").joinpath("data", "cues.json").read_text("utf-8")
        verbs = json.loads(text).get("verbs", {})
    except (OSError, ValueError, ModuleNotFoundError):
        return forms, speech
    for lemma, info in verbs.items():
        lemma_forms = [f for f in info.get("forms", []) if not f.endswith("ing")]
        speech.update(lemma_forms)
        if lemma in REPORT_LEMMAS:
            forms.update(lemma_forms)
    return forms, speech


_FORENAMES: set[str] | None = None


def _forenames() -> set[str]:
    """Given names from the shipped ``forenames.json`` (if any): "in an interview with
    JK Rowling" names a person even when the NER calls it an ORG."""
    global _FORENAMES
    if _FORENAMES is None:
        names: set[str] = {"jk", "j.k."}
        try:
            text = resources.files("quotekit").joinpath("data", "forenames.json").read_text("utf-8")
            data = json.loads(text)
            groups = data.values() if isinstance(data, dict) else [data]
            for group in groups:
                if isinstance(group, (list, dict)):
                    names.update(g.lower() for g in group if isinstance(g, str))
        except (OSError, ValueError, ModuleNotFoundError):
            pass
        _FORENAMES = names
    return _FORENAMES


class _Org:
    """One organisation during processing (gazetteer or found by a frame)."""

    __slots__ = ("country", "kind", "name")

    def __init__(self, name: str, kind: str, country: str | None):
        self.name, self.kind, self.country = name, kind, country


class _Mention:
    """A mention of an organisation: token span, unit bounds and flags."""

    __slots__ = ("context", "end", "frame", "needs_the", "org", "roles", "start")

    def __init__(
        self, start: int, end: int, org: int, context: bool = False, needs_the: bool = False
    ):
        self.start, self.end, self.org = start, end, org
        self.context, self.needs_the = context, needs_the
        self.roles: set[str] = set()
        self.frame: dict | None = None


# --------------------------------------------------------------------------- component
class SourceFinder:
    """Finds news organisations in a reporting role (see the module docstring).

    nlp (Language): the pipeline (its tokenizer builds the gazetteer patterns).
    name (str): the component name.
    spans_key (str): the span group to write.
    organisations (list[dict]): the gazetteer, from ``quotekit.news_organisations.v1``.
    extra_organisations (list[dict]): records users add, in the same shape; at least
        ``name`` and ``kind``.
    """

    def __init__(
        self,
        nlp: Language,
        name: str,
        spans_key: str,
        organisations: Iterable[dict],
        extra_organisations: Iterable[dict] = (),
    ):
        ensure_extensions()
        self.nlp = nlp
        self.name = name
        self.spans_key = spans_key
        self._base = [_validate(r) for r in organisations]
        self._user: list[dict] = []
        self._report_forms, self._speech_forms = _load_report_forms()
        self._build()
        extra = list(extra_organisations or [])
        self._config_extra = extra
        if extra:
            self.add_organisations(extra)

    # ----------------------------------------------------------------- gazetteer
    @property
    def user_organisations(self) -> list[dict]:
        """The records added through the config or ``add_organisations`` (copies)."""
        return [dict(r) for r in self._user]

    def add_organisations(self, records: Iterable[dict]) -> None:
        """Add news organisations to the gazetteer.

        A record with the name of a known organisation updates its kind and country
        and adds its aliases. Added records are saved with the pipeline
        (``nlp.to_disk``) and restored on load.

        records (Iterable[dict]): ``{"name": "Der Spiegel", "kind": "magazine",
            "country": "DE", "aliases": ["Spiegel"], "strict_aliases": [...]}``;
            ``name`` and ``kind`` are required.
        RAISES (QuotekitError): E006 for a record without a name or a valid kind.
        """
        clean = [_validate(r) for r in records]
        for rec in clean:
            key = rec["name"].casefold()
            for i, old in enumerate(self._user):
                if old["name"].casefold() == key:
                    merged = dict(rec)
                    for field in ("aliases", "strict_aliases", "context_aliases"):
                        merged[field] = list(dict.fromkeys(old[field] + rec[field]))
                    self._user[i] = merged
                    break
            else:
                self._user.append(rec)
        self._build()

    def _build(self) -> None:
        """(Re)build the organisation list, alias index and phrase matchers."""
        orgs: list[_Org] = []
        by_name: dict[str, int] = {}
        aliases: list[tuple[str, int, str]] = []  # (alias, org, mode)
        for rec in self._base + self._user:
            key = rec["name"].casefold()
            idx = by_name.get(key)
            if idx is None:
                idx = len(orgs)
                by_name[key] = idx
                orgs.append(_Org(rec["name"], rec["kind"], rec["country"]))
            else:  # a user record updates a shipped one
                orgs[idx].kind, orgs[idx].country = rec["kind"], rec["country"] or orgs[idx].country
            strict, context = set(rec["strict_aliases"]), set(rec["context_aliases"])
            for alias in dict.fromkeys([rec["name"], *rec["aliases"], *strict, *context]):
                mode = "context" if alias in context else "strict" if alias in strict else "plain"
                aliases.append((alias, idx, mode))
        self._orgs = orgs
        self._lower_index: dict[str, int] = {}
        self._exact_index: dict[str, tuple[int, str]] = {}
        strings = self.nlp.vocab.strings
        self._keys: dict[int, tuple[int, bool, bool]] = {}
        lower = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        exact = PhraseMatcher(self.nlp.vocab, attr="ORTH")
        patterns: dict[tuple[str, int, bool, bool], list[str]] = {}
        for alias, idx, mode in aliases:
            core, had_the = _strip_the(alias)
            # A one-word name that needs its article ("The Sun") matches after "the" only.
            needs_the = had_the and " " not in core and mode != "plain"
            if mode == "plain":
                self._lower_index.setdefault(core.casefold(), idx)
            self._exact_index.setdefault(core, (idx, mode))
            matcher = "lower" if mode == "plain" else "exact"
            key = (matcher, idx, mode == "context", needs_the)
            patterns.setdefault(key, []).append(core)
        for (matcher, idx, context, needs_the), texts in patterns.items():
            label = f"qk_src|{idx}|{int(context)}|{int(needs_the)}"
            self._keys[strings.add(label)] = (idx, context, needs_the)
            docs = list(self.nlp.tokenizer.pipe(texts))
            (lower if matcher == "lower" else exact).add(label, docs)
        self._matchers = (lower, exact)

    def lookup(self, text: str) -> int | None:
        """The index of the organisation named exactly ``text`` (alias rules apply)."""
        core, _ = _strip_the(" ".join(text.split()))
        hit = self._exact_index.get(core)
        if hit is not None:
            return hit[0]
        return self._lower_index.get(core.casefold())

    # ----------------------------------------------------------------- processing
    def __call__(self, doc: Doc) -> Doc:
        """Find the sources of ``doc``.

        Sets ``doc._.quotekit_sources``, ``doc.spans[spans_key]`` and
        ``doc._.quotekit_source_frames``. Each frame is a plain dict::

            {"source": "s1",            # the source id
             "start": 700, "end": 708,  # char offsets of the mention ("Interfax")
             "frame": "quoted_by",      # how the text cites it (see FRAMES)
             "cue": [690, 696],         # char offsets of the cue word, or None
             "sentence": [600, 730],    # char offsets of the sentence
             "speaker_head": 650}       # char start of the speaker token, or None

        doc (Doc): a parsed doc (the model's parser and NER have run).
        RETURNS (Doc): the same doc.
        """
        work = _DocWork(self, doc)
        work.run()
        return doc

    # ----------------------------------------------------------------- serialization
    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        """Serialize the user-added organisations.

        RETURNS (bytes): msgpack bytes.
        """
        serializers = {"organisations": lambda: srsly.json_dumps(self._user)}
        return util.to_bytes(serializers, exclude)

    def from_bytes(self, bytes_data: bytes, *, exclude: Iterable[str] = ()) -> SourceFinder:
        """Restore the user-added organisations written by ``to_bytes``.

        bytes_data (bytes): the data.
        RETURNS (SourceFinder): the component.
        """

        def load(data: bytes) -> None:
            self._set_user(srsly.json_loads(data))

        util.from_bytes(bytes_data, {"organisations": load}, exclude)
        return self

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Write the user-added organisations to ``path/organisations.json``.

        path (str | Path): a directory (created if missing).
        """
        serializers = {"organisations.json": lambda p: srsly.write_json(p, self._user)}
        util.to_disk(path, serializers, exclude)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> SourceFinder:
        """Read the user-added organisations written by ``to_disk``.

        path (str | Path): the directory.
        RETURNS (SourceFinder): the component.
        """

        def load(p: Path) -> None:
            if p.exists():
                self._set_user(srsly.read_json(p))

        util.from_disk(path, {"organisations.json": load}, exclude)
        return self

    def _set_user(self, records: list[dict]) -> None:
        # The saved records and those the (possibly edited) config gives both count.
        self._user = []
        self.add_organisations(list(self._config_extra) + list(records))


# --------------------------------------------------------------------------- per-doc work
class _DocWork:
    """The state of one document while its sources are found."""

    def __init__(self, comp: SourceFinder, doc: Doc):
        self.comp = comp
        self.doc = doc
        self.text = doc.text
        self.orgs: list[_Org] = list(comp._orgs)
        self.added: dict[str, int] = {}  # casefolded name of an org found by a frame -> index
        bp = doc._.quotekit_boilerplate or []
        self.excluded = sorted((s, e) for s, e, lab in bp if lab in ("editors_note", "paywall"))
        self.captions = sorted((s, e) for s, e, lab in bp if lab == "caption")
        paras = doc._.quotekit_paragraphs
        self.paragraphs = [tuple(p) for p in paras] if paras else paragraphs(self.text)
        self.para_starts = [s for s, _ in self.paragraphs]
        self.quotes = self._quote_ranges()
        self.mentions: list[_Mention] = []

    # ------------------------------------------------------------- ranges
    @staticmethod
    def _inside(ranges: list[tuple[int, int]], start: int, end: int) -> bool:
        i = bisect_right(ranges, (start, float("inf"))) - 1
        return i >= 0 and ranges[i][0] <= start and end <= ranges[i][1]

    def _quote_ranges(self) -> list[tuple[int, int]]:
        """Character ranges inside quotation marks.

        From ``doc._.quotekit_quotes`` when the quotes component ran; else a linear
        scan per paragraph: straight double quotes toggle, curly and guillemets nest;
        a quote left open runs to the end of its paragraph.
        """
        quotes = self.doc._.quotekit_quotes
        if isinstance(quotes, list):
            spans = [(q["start"], q["end"]) for q in quotes if isinstance(q, dict)]
            return self._merge(spans)
        out: list[tuple[int, int]] = []
        text = self.text
        for ps, pe in self.paragraphs:
            open_at: int | None = None
            closer = ""
            for i in range(ps, pe):
                ch = text[i]
                if open_at is None:
                    if ch == '"':
                        open_at, closer = i, '"'
                    elif ch in _QUOTE_OPEN:
                        open_at, closer = i, _QUOTE_OPEN[ch]
                elif ch == closer and not (
                    closer == "\u2019" and i + 1 < pe and text[i + 1].isalpha()
                ):  # "it’s" is no close
                    out.append((open_at, i + 1))
                    open_at = None
            if open_at is not None:
                out.append((open_at, pe))
        return out

    @staticmethod
    def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
        out: list[tuple[int, int]] = []
        for s, e in sorted(spans):
            if out and s <= out[-1][1]:
                out[-1] = (out[-1][0], max(e, out[-1][1]))
            else:
                out.append((s, e))
        return out

    def _para_end(self, char: int) -> int:
        i = bisect_right(self.para_starts, char) - 1
        return self.paragraphs[i][1] if i >= 0 else len(self.text)

    # ------------------------------------------------------------- run
    def run(self) -> None:
        doc = self.doc
        self._gazetteer()
        self._discover()
        self._propagate()
        taken = set()
        for m in self.mentions:
            taken.update(range(m.start, m.end))
        self.mentions.sort(key=lambda m: m.start)
        self.mention_starts = {m.start for m in self.mentions}
        self.mention_ends = {m.end for m in self.mentions}
        for m in self.mentions:
            s_char = doc[m.start].idx
            e_char = doc[m.end - 1].idx + len(doc[m.end - 1])
            if self._inside(self.excluded, s_char, e_char):
                continue
            if m.needs_the and (m.start == 0 or doc[m.start - 1].lower_ != "the"):
                continue
            if self._credit(m):
                m.roles.add("credit")
                continue
            if self._part_of_longer_name(m):
                continue
            if self._inside(self.quotes, s_char, e_char):
                continue
            frame = self._cited(m)
            if frame is not None:
                m.roles.add("cited")
                m.frame = frame
        extra = (
            self._datelines()
            + self._slash_credits()
            + self._agency_credits()
            + self._anaphors(taken)
        )
        self.mentions.extend(extra)
        self._emit()

    # ------------------------------------------------------------- finding mentions
    def _gazetteer(self) -> None:
        doc, comp = self.doc, self.comp
        spans = []
        for matcher in comp._matchers:
            for key, s, e in matcher(doc):
                spans.append(Span(doc, s, e, label=key))
        for span in util.filter_spans(spans):
            idx, context, needs_the = comp._keys[span.label]
            self.mentions.append(_Mention(span.start, span.end, idx, context, needs_the))
        # Adjacent mentions of one organisation are one ("BBC" + "Newsnight").
        merged: list[_Mention] = []
        for m in sorted(self.mentions, key=lambda m: m.start):
            if merged and merged[-1].org == m.org and merged[-1].end == m.start:
                merged[-1].end = m.end
            else:
                merged.append(m)
        self.mentions = merged

    def _org_for(self, name: str, kind: str) -> int:
        idx = self.comp.lookup(name)
        if idx is not None:
            return idx
        key = name.casefold()
        if key not in self.added:
            self.added[key] = len(self.orgs)
            self.orgs.append(_Org(name, kind, None))
        return self.added[key]

    @staticmethod
    def _proper(tok: Token, person_ok: bool = False) -> bool:
        """A capitalised proper noun that is no place, nationality or date (the small
        model often calls unknown foreign titles PERSON: allowed before a frame noun)."""
        if tok.tag_ not in ("NNP", "NNPS") or not tok.text[:1].isupper():
            return False
        return tok.ent_type_ not in _PERSON_LIKE or (person_ok and tok.ent_type_ == "PERSON")

    def _discover(self) -> None:
        """Organisations the gazetteer lacks, named by a frame: "the X news agency",
        "X newspaper", "the X daily", "the business daily X", "X television",
        "broadcaster X", "in an interview with X" (X an ORG entity)."""
        doc = self.doc
        covered = set()
        for m in self.mentions:
            covered.update(range(m.start - 1, m.end + 1))
        found: list[tuple[int, int, str]] = []
        n = len(doc)
        for tok in doc:
            low = tok.lower_
            kind = FRAME_NOUNS.get(low)
            if low == "interview" and tok.i + 2 < n and doc[tok.i + 1].lower_ == "with":
                j = tok.i + 2
                if doc[j].lower_ == "the":
                    j += 1
                if (
                    j < n
                    and doc[j].ent_type_ == "ORG"
                    and doc[j].ent_iob_ == "B"
                    and j not in covered
                    and doc[j].lower_ not in _forenames()
                ):
                    k = j + 1
                    while k < n and doc[k].ent_iob_ == "I" and k - j < 6:
                        k += 1
                    found.append((j, k, "newspaper"))
                continue
            if kind is None or not tok.text[:1].islower() and low != "tv":
                continue
            if low in (
                "service",
                "wire",
                "paper",
                "site",
                "channel",
                "network",
                "station",
                "tabloid",
                "broadsheet",
            ):
                continue  # too generic to name an organisation on their own
            if (
                low in ("television", "tv", "radio")
                and tok.i + 1 < n
                and (
                    doc[tok.i + 1].tag_ in ("NN", "NNS", "CC")
                    and doc[tok.i + 1].lower_ not in ("station", "channel", "network", "news")
                )
            ):
                continue  # "Marvel TV and movie productions", "CSI TV shows"
            # Left: "the X news agency", "X newspaper", "the X daily", "X television".
            j = tok.i - 1
            if low in ("agency", "website"):
                if j < 0 or doc[j].lower_ not in ("news", "press"):
                    j = -1
                else:
                    j -= 1
            k = j
            while (
                k >= 0
                and j - k < 5
                and (
                    self._proper(doc[k], True)
                    or (
                        doc[k].lower_ in _NAME_PARTICLES
                        and k < j
                        and k > 0
                        and self._proper(doc[k - 1], True)
                    )
                )
            ):
                k -= 1
            start = k + 1
            if j >= 0 and start <= j and not covered.intersection(range(start, j + 1)):
                ok = True
                if low in ("daily", "weekly"):
                    ok = start > 0 and doc[start - 1].lower_ == "the"
                if ok and doc[start].ent_type_ not in _PERSON_LIKE - {"PERSON"}:
                    found.append((start, j + 1, kind))
                    continue
            # Right: "the business daily Vedomosti", "news agency Xinhua", "broadcaster CBS".
            if low in ("agency", "website") and (
                tok.i == 0 or doc[tok.i - 1].lower_ not in ("news", "press")
            ):
                continue
            if low in ("television", "tv", "radio"):
                continue
            left = tok.i - 2 if low in ("agency", "website") else tok.i - 1
            if left >= 0 and (left in covered or doc[left].tag_ in ("NNP", "NNPS")):
                continue  # "the Associated Press news agency Contrack's ...": no apposition
            j = tok.i + 1
            k = j
            while (
                k < n
                and k - j < 5
                and (
                    self._proper(doc[k])
                    or (
                        doc[k].lower_ in _NAME_PARTICLES
                        and k > j
                        and k + 1 < n
                        and self._proper(doc[k + 1])
                    )
                )
            ):
                k += 1
            if k > j and not covered.intersection(range(j, k)) and (k >= n or doc[k].tag_ != "POS"):
                found.append((j, k, kind))
        for s, e, kind in found:
            name = doc[s:e].text
            idx = self._org_for(name, kind)
            self.mentions.append(_Mention(s, e, idx))
            covered.update(range(s - 1, e + 1))

    def _propagate(self) -> None:
        """Other mentions of organisations found by a frame (exact text)."""
        doc, text = self.doc, self.text
        taken = set()
        for m in self.mentions:
            taken.update(range(m.start, m.end))
        for idx in self.added.values():
            name = self.orgs[idx].name
            pos = text.find(name)
            while pos != -1:
                end = pos + len(name)
                span = doc.char_span(pos, end)
                if (
                    span is not None
                    and not taken.intersection(range(span.start, span.end))
                    and (end >= len(text) or not text[end].isalnum())
                ):
                    self.mentions.append(_Mention(span.start, span.end, idx))
                    taken.update(range(span.start, span.end))
                pos = text.find(name, end)

    # ------------------------------------------------------------- units
    def _unit(self, m: _Mention) -> tuple[int, int, str, str | None]:
        """Widen a mention to "the X news agency" / "X's Today programme".

        RETURNS: ``(start, end, tail, kind_word)``: the unit's token bounds; ``tail`` is
        ``""`` (nothing after), ``"frame"`` (a frame noun), ``"programme"``,
        ``"report"``, ``"staff"``, ``"possessed"`` (X's something else) or
        ``"modifier"`` (X modifies a common noun: "Reuters shares").
        """
        doc = self.doc
        n = len(doc)
        start = m.start - 1 if m.start > 0 and doc[m.start - 1].lower_ == "the" else m.start
        i = m.end
        tail = ""
        kind_word = None
        steps = 0
        while i < n and steps < 3:
            low = doc[i].lower_
            if low in FRAME_FILLERS and i + 1 < n and doc[i + 1].lower_ in FRAME_NOUNS:
                i += 1
            elif low in FRAME_NOUNS and (doc[i].text[:1].islower() or low == "tv"):
                kind_word = low
                tail = "frame"
                i += 1
            else:
                break
            steps += 1
        if kind_word is None and doc[m.end - 1].lower_ in FRAME_NOUNS:
            kind_word, tail = doc[m.end - 1].lower_, "frame"  # the alias "Reuters news agency"
        if i < n and doc[i].tag_ == "POS":
            j = i + 1
            k = j
            while (
                k < n
                and k - j < 7
                and (
                    doc[k].text[:1].isupper()
                    or doc[k].like_num
                    or (
                        doc[k].lower_ in ("at", "with", "of", "the", "and", "&", "on", "in", "for")
                        and k + 1 < n
                        and doc[k + 1].text[:1].isupper()
                    )
                )
            ):
                k += 1
            if k < n and doc[k].lower_ in PROGRAMME_NOUNS | REPORT_NOUNS:
                return start, k + 1, "report", kind_word
            if k < n and doc[k].lower_ in STAFF_NOUNS:
                return start, k + 1, "staff", kind_word
            # "X's political editor Jane Doe"
            if k == j and k + 1 < n and doc[k].pos_ == "ADJ" and doc[k + 1].lower_ in STAFF_NOUNS:
                return start, k + 2, "staff", kind_word
            if k > j:
                return start, k, "programme", kind_word
            return start, i, "possessed", kind_word
        if i < n and doc[i].lower_ in REPORT_NOUNS and doc[i].text[:1].islower():
            return start, i + 1, "report", kind_word
        k = i
        while (
            k < n
            and k - i < 3
            and doc[k].text[:1].islower()
            and doc[k].lower_ not in STAFF_NOUNS
            and doc[k].pos_ in ("ADJ", "NOUN")
        ):
            k += 1
        if k < n and doc[k].lower_ in STAFF_NOUNS:
            return start, k + 1, "staff", kind_word
        if (
            i < n
            and doc[i].tag_ in ("NN", "NNS")
            and doc[i].text[:1].islower()
            and doc[i].lower_ not in FRAME_NOUNS
        ):
            return start, i, "modifier", kind_word  # "ABC affiliates", "Reuters shares"
        return start, i, tail, kind_word

    def _part_of_longer_name(self, m: _Mention) -> bool:
        """ "Times Square", "Reuters Institute", "the Guardian Council": a capitalised
        proper noun right after the name (or just before it) makes it another name."""
        doc = self.doc
        if m.end < len(doc):
            nxt = doc[m.end]
            if (
                nxt.tag_ in ("NNP", "NNPS")
                and nxt.text[:1].isupper()
                and nxt.lower_ not in FRAME_NOUNS
                and nxt.text not in ("TV",)
            ):
                return True
        if m.start > 0:
            prev = doc[m.start - 1]
            if (
                prev.tag_ in ("NNP", "NNPS")
                and prev.text[:1].isupper()
                and prev.ent_type_ not in ("GPE", "NORP")
            ):
                return True
        return False

    # ------------------------------------------------------------- roles
    def _credit(self, m: _Mention) -> bool:
        """Photo and content credits: "via REUTERS", "REUTERS/Jane Doe", "Jane Doe/Getty
        Images", "(AP Photo/Jane Doe)", "Photo: AFP", "courtesy of Reuters"."""
        doc = self.doc
        n = len(doc)
        prev = doc[m.start - 1] if m.start > 0 else None
        nxt = doc[m.end] if m.end < n else None
        s_char = doc[m.start].idx
        in_caption = self._inside(self.captions, s_char, s_char + 1)
        if (
            nxt is not None
            and nxt.text == "/"
            and not nxt.whitespace_
            and m.end + 1 not in self.mention_starts
            and not doc[m.end - 1].whitespace_
            and self._credit_place(m, in_caption)
            and self._slash_partner_ok(m.end + 1, 1)
        ):
            return True  # "REUTERS/Jane Doe"
        if (
            prev is not None
            and prev.text == "/"
            and not prev.whitespace_
            and m.start > 1
            and m.start - 1 not in self.mention_ends
            and not doc[m.start - 2].whitespace_
            and self._credit_place(m, in_caption)
            and self._slash_partner_ok(m.start - 2, -1)
        ):
            return True  # "Jane Doe/Getty Images"
        if nxt is not None and nxt.lower_ in _CREDIT_AFTER and nxt.text[:1].isupper():
            after = doc[m.end + 1] if m.end + 1 < n else None
            if after is None or after.text in ("/", ")") or after.is_sent_end or in_caption:
                return True
        if prev is not None:
            low = prev.lower_
            if low == "via":
                end_char = doc[m.end - 1].idx + len(doc[m.end - 1])
                rest = self.text[end_char : self._para_end(s_char)].strip()
                if in_caption or not rest or rest[0] in ")]." or rest.split()[0].isupper():
                    return True
            if low in ("courtesy", "©", "(c)") or (
                low == "of" and m.start > 1 and doc[m.start - 2].lower_ == "courtesy"
            ):
                return True
            if prev.text == ":" and m.start > 1 and doc[m.start - 2].lower_ in _CREDIT_BEFORE:
                return True
        return in_caption and self.orgs[m.org].name.endswith("Images")

    def _slash_partner_ok(self, i: int, step: int) -> bool:
        """The words on the other side of a credit slash name a photographer: no
        organisation or place, and no further slash ("BBC Two/Sky One/Channel 4")."""
        doc = self.doc
        n = len(doc)
        k = i
        while 0 <= k < n and abs(k - i) < 5 and (doc[k].text[:1].isupper() or doc[k].text in ".-'"):
            if doc[k].ent_type_ in ("ORG", "GPE", "NORP", "FAC", "WORK_OF_ART", "PRODUCT"):
                return False
            k += step
        if k == i:
            return False
        return not (0 <= k < n and doc[k].text == "/")

    def _credit_place(self, m: _Mention, in_caption: bool) -> bool:
        """A slash credit sits in a caption, in parentheses, or ends its paragraph
        ("BBC Two/Sky One/Channel 4" in a listing is no credit)."""
        if in_caption:
            return True
        doc = self.doc
        s_char = doc[m.start].idx
        para_end = self._para_end(s_char)
        para_start = self.para_starts[max(0, bisect_right(self.para_starts, s_char) - 1)]
        before = self.text[max(para_start, s_char - 60) : s_char]
        after = self.text[s_char : min(para_end, s_char + 80)]
        if "(" in before and ")" in after and before.rfind("(") > before.rfind(")"):
            return True
        return para_end - s_char <= 60 and "." not in self.text[s_char:para_end].rstrip(".")

    def _cited(self, m: _Mention) -> dict | None:
        """The frame that makes ``m`` a cited source, or None.

        RETURNS (dict | None): ``{"frame", "cue" (token index), "speaker" (token
        index or None)}``; char offsets are filled in by ``_emit``.
        """
        doc = self.doc
        n = len(doc)
        us, ue, tail, kind_word = self._unit(m)
        strong_name = not m.context or tail == "frame"
        # ---- before the unit (skipping "a", "an" and adjectives before a report noun)
        p = us - 1
        if tail in ("report", "programme"):
            while (
                p >= 0
                and us - p < 4
                and (doc[p].lower_ in ("a", "an", "one", "this") or doc[p].tag_ == "JJ")
            ):
                p -= 1
        w1 = doc[p].lower_ if p >= 0 else ""
        w2 = doc[p - 1].lower_ if p >= 1 else ""
        w3 = doc[p - 2].lower_ if p >= 2 else ""
        frame = cue = None
        if w1 in _TELL:
            frame, cue = "told", p
        elif w1 == "to":
            if w2 == "according":
                frame, cue = "according_to", p - 1
            elif w2 == "statement":
                frame, cue = "statement", p - 1
            elif w2 in ("interview", "interviews"):
                frame, cue = "interview", p - 1
            elif w2 in _SPEAK or w2 in ("letter",):
                frame, cue = "speaking_to", p - 1
            elif w2 in _TELL:
                frame, cue = "told", p - 1
        elif w1 == "by":
            if w2 in _QUOTED or (w2 == "saying" and w3 == "as"):
                frame, cue = "quoted_by", p - 1
                if w2 == "saying":
                    q = p - 3
                    while q >= 0 and p - q < 5 and doc[q].lower_ not in _QUOTED - {"saying"}:
                        q -= 1
                    cue = q if q >= 0 and doc[q].lower_ in _QUOTED else p - 1
            elif w2 in _REPORTED_BY:
                frame, cue = "reported_by", p - 1
            elif w2 in REPORT_NOUNS:
                frame, cue = "report_by", p - 1
        elif w1 == "with":
            if w2 in ("interview", "interviews"):
                frame, cue = "interview", p - 1
            elif w2 in _SPEAK:
                frame, cue = "speaking_to", p - 1
        elif w1 == "in":
            if w2 in _WRITE:
                frame, cue = "wrote_in", p - 1
            elif w2 in _IN_REPORT and tail in ("", "frame", "programme", "report"):
                frame, cue = "report_in", p - 1
            elif tail == "report" and doc[ue - 1].lower_ in _IN_REPORT:
                frame, cue = "report_in", ue - 1  # "In a BBC interview, he said"
        elif w1 == "during" and tail == "report" and doc[ue - 1].lower_ in _IN_REPORT:
            frame, cue = "interview", ue - 1
        elif (
            w1 == "on"
            and (w2 in _ON_AIR or w3 in _ON_AIR)
            and (self.orgs[m.org].kind == "broadcaster" or tail in ("programme", "report"))
        ):
            frame, cue = "broadcast_on", p - 1 if w2 in _ON_AIR else p - 2
        elif w1 in ("citing", "cited") and tail in ("", "frame", "report"):
            frame, cue = "citing", p
        elif w1 == "from" and w2 in REPORT_NOUNS:
            frame, cue = "report_by", p - 1
        elif (
            w1 in ("said", "reported", "says", "reports", "wrote", "writes")
            and ue < n
            and doc[ue].is_punct
            and p >= 1
            and (doc[p - 1].is_punct or doc[p - 1].is_quote)
        ):
            frame, cue = "reported", p  # inverted: '"...," reported the BBC.'
        if (
            us >= 2
            and doc[us - 1].tag_ == "POS"
            and doc[us - 2].ent_type_ == "ORG"
            and frame not in ("told", "according_to", "quoted_by", "interview", "speaking_to")
        ):
            return None  # "Pearson's Financial Times said": the paper as its owner's company
        if frame is not None and (tail not in ("possessed", "modifier") or frame == "told"):
            return {"frame": frame, "cue": cue, "speaker": self._speaker(frame, cue, us, ue)}
        # ---- the unit's own tail
        if tail == "staff":
            if not strong_name:
                return None
            cue = self._staff_speaks(p, ue)
            if cue is None:
                return None
            return {"frame": "staff", "cue": cue, "speaker": None}
        if tail in ("possessed", "modifier"):
            return None
        if us > 0 and doc[us - 1].tag_ == "IN":
            return None  # "damages from the Daily Telegraph said ...": not the subject
        # ---- after the unit: "X reported", "the X news agency quoted Y as saying",
        # "a Reuters report said", "the BBC's Jane Doe reports"
        j = ue
        steps = 0
        while j < n and steps < 3 and (doc[j].lower_ in _AUX or doc[j].pos_ == "ADV"):
            j += 1
            steps += 1
        verb_tok = None
        if j < n and doc[j].lower_ in self.comp._report_forms and doc[j].pos_ in ("VERB", "AUX"):
            verb_tok = doc[j]
        else:  # the parse: the unit's root is the subject of a reporting verb
            root = doc[us:ue].root
            if (
                root.dep_ == "nsubj"
                and root.head.lower_ in self.comp._report_forms
                and root.head.i > root.i
                and root.head.pos_ == "VERB"
                and strong_name
            ):
                verb_tok = root.head
        if verb_tok is None:
            return None
        vlow = verb_tok.lower_
        if not strong_name and vlow not in _REPORT_FORMS | _QUOTE_FORMS:
            return None  # "Bloomberg said" may be the man; "Bloomberg reported" is the agency
        if tail == "report":
            frame = "report"
        elif vlow in _QUOTE_FORMS:
            frame = "quoted"
        elif kind_word == "agency" and vlow in _REPORT_FORMS:
            frame = "agency_reported"
        else:
            frame = "reported"
        return {"frame": frame, "cue": verb_tok.i, "speaker": self._reported_speaker(verb_tok)}

    def _staff_speaks(self, before: int, ue: int) -> int | None:
        """For "BBC political editor Andrew Marr said": the token of the speech verb the
        journalist is the subject of ("said BBC correspondent Jane Doe" too), or None
        ("an Evening Standard journalist was accused")."""
        doc = self.doc
        n = len(doc)
        forms = self.comp._speech_forms
        if before >= 0 and doc[before].lower_ in forms and doc[before].pos_ == "VERB":
            return before
        k = ue
        while k < n and k - ue < 4 and doc[k].tag_ in ("NNP", "NNPS"):
            k += 1
        head = doc[k - 1]
        if k < n and doc[k].text == ",":  # "Tom Heap, BBC rural affairs correspondent, said"
            k += 1
            while k < n and k - ue < 10 and doc[k].text != ",":
                k += 1
            k += 1
        steps = 0
        while (
            k < n and steps < 2 and (doc[k].lower_ in _AUX - {"was", "is"} or doc[k].pos_ == "ADV")
        ):
            k += 1
            steps += 1
        if (
            k < n
            and doc[k].lower_ in forms
            and doc[k].pos_ in ("VERB", "AUX")
            and doc[k].tag_ != "VBN"
        ):
            return k
        if head.dep_ == "nsubj" and head.head.lower_ in forms and head.head.i >= ue:
            return head.head.i
        return None

    def _speaker(self, frame: str, cue: int | None, us: int, ue: int) -> int | None:
        """The token the frame attaches to: the subject of "told", of the verb an
        "according to" or "in an interview with" hangs on, of passive "quoted"."""
        if cue is None:
            return None
        doc = self.doc
        tok = doc[cue]
        if frame in ("quoted_by",):
            for child in tok.children:
                if child.dep_ in _SUBJECT_DEPS:
                    return child.i
            if tok.dep_ in ("acl", "relcl") and tok.head.pos_ in ("NOUN", "PROPN", "PRON"):
                return tok.head.i
        if frame == "told":  # "shop owner Jane Doe, told AP": a comma can break the parse
            for child in tok.children:
                if child.dep_ in _SUBJECT_DEPS:
                    return child.i
            k = cue - 1
            if k >= 0 and doc[k].text == ",":
                k -= 1
            if k >= 0 and doc[k].pos_ in ("PROPN", "NOUN", "PRON"):
                return k
        for _ in range(4):
            if tok.pos_ in ("VERB", "AUX"):
                for child in tok.children:
                    if child.dep_ in _SUBJECT_DEPS and not us <= child.i < ue:
                        return child.i
                if tok.dep_ in ("acl", "relcl") and tok.head.pos_ in ("NOUN", "PROPN"):
                    return tok.head.i
            if tok.head is tok:
                break
            tok = tok.head
        return None

    def _reported_speaker(self, verb: Token) -> int | None:
        """For "X quoted Y as saying": Y. For "Y said ..., X reported": Y."""
        for child in verb.children:
            if verb.lower_ in _QUOTE_FORMS and child.dep_ == "dobj":
                return child.i
        for child in verb.children:
            if child.dep_ in (
                "ccomp",
                "parataxis",
            ) and child.lower_ in self.comp._report_forms | _TELL | {"says", "said"}:
                for sub in child.children:
                    if sub.dep_ in _SUBJECT_DEPS:
                        return sub.i
        if (
            verb.dep_ in ("ccomp", "parataxis", "conj", "advcl")
            and verb.head.pos_ == "VERB"
            and verb.head.i < verb.i
        ):
            for sub in verb.head.children:
                if sub.dep_ in _SUBJECT_DEPS:
                    return sub.i
        return None

    # ------------------------------------------------------------- datelines and credits
    def _datelines(self) -> list[_Mention]:
        """Origin lines at the start of one of the first paragraphs."""
        out: list[_Mention] = []
        seen = 0
        for ps, pe in self.paragraphs:
            if ps > DATELINE_WINDOW or seen >= DATELINE_PARAGRAPHS:
                break
            if self._inside(self.excluded, ps, ps + 1) or self._inside(self.captions, ps, ps + 1):
                continue
            seen += 1
            match = safe_search(DATELINE, self.text, ps, pe, method="match", timeout=1.0)
            if match is None:
                continue
            org_text = match.group("org").strip()
            idx = self.comp.lookup(org_text)
            if idx is None:
                place = match.group("place")
                if not place or not place.isupper() or len(org_text.split()) > 3:
                    continue
                idx = self._org_for(org_text, "news_agency")
            s = match.start("org")
            e = s + len(match.group("org"))
            mention = self._mention_at(s, e, idx)
            if mention is not None:
                if not mention.roles and mention not in self.mentions:
                    out.append(mention)
                mention.roles.add("dateline")
                mention.frame = None
        return out

    def _slash_credits(self) -> list[_Mention]:
        """ "Agencja Gazeta/Jan Rusek via REUTERS": the organisation before the slash."""
        out: list[_Mention] = []
        for cs, ce in self.captions:
            for match in safe_finditer(SLASH_VIA, self.text, cs, ce, timeout=1.0):
                s, e = match.span("org")
                words = match.group("org").split(" ")
                # The org is the longest run of words ending at the slash that is known,
                # else the whole run (the credit names an organisation we lack).
                idx = None
                for i in range(len(words)):
                    cand = " ".join(words[i:])
                    idx = self.comp.lookup(cand)
                    if idx is not None:
                        s = e - len(cand)
                        break
                if idx is None:
                    idx = self._org_for(match.group("org"), "news_agency")
                mention = self._mention_at(s, e, idx)
                if mention is not None:
                    if mention not in self.mentions and mention not in out:
                        out.append(mention)
                    mention.roles.add("credit")
        return out

    def _agency_credits(self) -> list[_Mention]:
        """ "Jane Doe/Getty Images" in a caption or at the end of a paragraph."""
        out: list[_Mention] = []
        for ps, pe in self.paragraphs:
            if self._inside(self.excluded, ps, ps + 1):
                continue
            in_caption = self._inside(self.captions, ps, pe)
            start = ps if in_caption else max(ps, pe - 120)
            for match in safe_finditer(SLASH_AGENCY, self.text, start, pe, timeout=1.0):
                s, e = match.span("org")
                if not in_caption and self.text[e:pe].strip(" .)"):
                    continue
                idx = self._org_for(match.group("org"), "news_agency")
                mention = self._mention_at(s, e, idx)
                if mention is not None:
                    if mention not in self.mentions and mention not in out:
                        out.append(mention)
                    mention.roles.add("credit")
        return out

    def _mention_at(self, start: int, end: int, idx: int) -> _Mention | None:
        span = char_span(self.doc, start, end)
        if span is None:
            return None
        for m in self.mentions:
            if m.start == span.start and m.end == span.end:
                m.org = idx
                return m
        return _Mention(span.start, span.end, idx)

    def _anaphors(self, taken: set[int]) -> list[_Mention]:
        """ "the newspaper reported", "the agency quoted X as saying": the most recent
        named news organisation of that kind in the same or the two paragraphs before."""
        doc = self.doc
        out: list[_Mention] = []
        named = sorted(
            (
                m
                for m in self.mentions
                if not self._inside(self.excluded, doc[m.start].idx, doc[m.start].idx + 1)
            ),
            key=lambda m: m.start,
        )
        starts = [m.start for m in named]
        for tok in doc:
            low = tok.lower_
            if (
                low
                not in (
                    "newspaper",
                    "paper",
                    "agency",
                    "daily",
                    "broadcaster",
                    "magazine",
                    "website",
                    "weekly",
                    "tabloid",
                )
                or tok.i in taken
            ):
                continue
            if tok.i == 0 or doc[tok.i - 1].lower_ != "the" or not tok.text.islower():
                continue
            i = bisect_right(starts, tok.i - 1) - 1
            if i < 0:
                continue
            ante = named[i]
            kind = self.orgs[ante.org].kind
            want = FRAME_NOUNS.get(low)
            if low == "paper":
                want = "newspaper"
            if kind != want and not (
                low == "website" and kind in ("online", "newspaper", "broadcaster")
            ):
                continue
            para_ante = bisect_right(self.para_starts, doc[ante.start].idx)
            para_here = bisect_right(self.para_starts, tok.idx)
            if para_here - para_ante > 2:
                continue
            if self._inside(self.quotes, tok.idx, tok.idx + len(tok)):
                continue
            if self._inside(self.excluded, tok.idx, tok.idx + len(tok)):
                continue
            # "the" stands in for the name; the unit then takes in "newspaper".
            anaphor = _Mention(tok.i - 1, tok.i, ante.org)
            frame = self._cited(anaphor)
            if frame is None or frame["frame"] == "staff":
                continue
            anaphor.end = tok.i + 1
            anaphor.roles.add("cited")
            anaphor.frame = frame
            out.append(anaphor)
        return out

    # ------------------------------------------------------------- output
    def _emit(self) -> None:
        doc = self.doc
        role_mentions = sorted((m for m in self.mentions if m.roles), key=lambda m: m.start)
        ids: dict[int, str] = {}
        records: list[dict] = []
        roles: dict[int, set[str]] = {}
        for m in role_mentions:
            if m.org not in ids:
                ids[m.org] = f"s{len(ids)}"
                org = self.orgs[m.org]
                records.append(
                    {
                        "id": ids[m.org],
                        "name": org.name,
                        "kind": org.kind,
                        "roles": [],
                        "country": org.country,
                    }
                )
                roles[m.org] = set()
            roles[m.org].update(m.roles)
        for rec, org in zip(records, ids):
            rec["roles"] = [r for r in ROLES if r in roles[org]]
        spans = []
        frames = []
        for m in role_mentions:
            sid = ids[m.org]
            for role in sorted(m.roles):
                spans.append(Span(doc, m.start, m.end, label=role, kb_id=sid))
            if m.frame is not None:
                span = doc[m.start : m.end]
                sent = span.sent
                cue = m.frame["cue"]
                spk = m.frame["speaker"]
                frames.append(
                    {
                        "source": sid,
                        "start": span.start_char,
                        "end": span.end_char,
                        "frame": m.frame["frame"],
                        "cue": [doc[cue].idx, doc[cue].idx + len(doc[cue])]
                        if cue is not None
                        else None,
                        "sentence": [sent.start_char, sent.end_char],
                        "speaker_head": doc[spk].idx if spk is not None else None,
                    }
                )
        doc._.quotekit_sources = records
        doc._.quotekit_source_frames = frames
        doc.spans[self.comp.spans_key] = spans


@Language.factory(
    "quotekit_sources",
    assigns=["doc._.quotekit_sources", "doc._.quotekit_source_frames", "doc.spans"],
    requires=["doc.ents"],
    default_config={
        "spans_key": SPAN_KEYS["sources"],
        "organisations": {"@misc": "quotekit.news_organisations.v1"},
        "extra_organisations": [],
    },
)
def make_sources(
    nlp: Language,
    name: str,
    spans_key: str,
    organisations: list[dict],
    extra_organisations: list[dict],
) -> SourceFinder:
    """Build a ``SourceFinder`` (see the module docstring)."""
    return SourceFinder(nlp, name, spans_key, organisations, extra_organisations)


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

__all__ = ["DATELINE", "FRAMES", "SLASH_AGENCY", "SLASH_VIA", "SourceFinder", "make_sources"]
