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

The words of the frames are data: ``quotekit.source_words.v1`` (config key ``words``),
with the verb forms from the cue table (``cues``) and given names from the forenames
table (``forenames``). The parts live in ``quotekit.components._sources``, by job.

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

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import srsly
from spacy import util
from spacy.language import Language
from spacy.tokens import Doc

from ..extensions import SPAN_KEYS, ensure_extensions
from ..registry import forenames_v1, reporting_cues_v1, source_words_v1
from ._sources.gazetteer import Gazetteer
from ._sources.records import ALIAS_FIELDS, FRAMES, KINDS, ROLES, validate_record
from ._sources.words import SourceWords, build_words
from ._sources.work import DocWork

if not Doc.has_extension("quotekit_source_frames"):
    Doc.set_extension("quotekit_source_frames", default=None)


class SourceFinder:
    """Finds news organisations in a reporting role (see the module docstring).

    nlp (Language): the pipeline (its tokenizer builds the gazetteer patterns).
    name (str): the component name.
    spans_key (str): the span group to write.
    organisations (list[dict]): the gazetteer, from ``quotekit.news_organisations.v1``.
    extra_organisations (list[dict]): records users add, in the same shape; at least
        ``name`` and ``kind``.
    words (dict | None): the word lists, from ``quotekit.source_words.v1`` (None: the
        shipped ones).
    cues (dict | None): the cue table the verb forms come from, from
        ``quotekit.reporting_cues.v1`` (None: the shipped one).
    forenames (dict | None): given names ("in an interview with JK Rowling" names a
        person), from ``quotekit.forenames.v1`` (None: the shipped ones).
    RAISES (QuotekitError): E006 for a bad organisation record, E030 for a bad word list.
    """

    def __init__(
        self,
        nlp: Language,
        name: str,
        spans_key: str,
        organisations: Iterable[dict],
        extra_organisations: Iterable[dict] = (),
        words: dict[str, Any] | None = None,
        cues: dict[str, Any] | None = None,
        forenames: dict[str, Any] | None = None,
    ):
        ensure_extensions()
        self.nlp = nlp
        self.name = name
        self.spans_key = spans_key
        self.words: SourceWords = build_words(
            source_words_v1() if words is None else words,
            reporting_cues_v1() if cues is None else cues,
            forenames_v1() if forenames is None else forenames,
        )
        self._base = [validate_record(r) for r in organisations]
        self._user: list[dict] = []
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
        clean = [validate_record(r) for r in records]
        for rec in clean:
            key = rec["name"].casefold()
            for i, old in enumerate(self._user):
                if old["name"].casefold() == key:
                    merged = dict(rec)
                    for field in ALIAS_FIELDS:
                        merged[field] = list(dict.fromkeys(old[field] + rec[field]))
                    self._user[i] = merged
                    break
            else:
                self._user.append(rec)
        self._build()

    def _build(self) -> None:
        """(Re)build the gazetteer from the shipped and the user's records."""
        self._gazetteer = Gazetteer(self.nlp, self._base + self._user)

    def lookup(self, text: str) -> int | None:
        """The index of the organisation named exactly ``text`` (alias rules apply).

        text (str): a name.
        RETURNS (int | None): the organisation's index in the gazetteer, or None.
        """
        return self._gazetteer.lookup(text)

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

        The work on one document is a ``DocWork`` made here and dropped after: the
        component keeps nothing of the document.

        doc (Doc): a parsed doc (the model's parser and NER have run).
        RETURNS (Doc): the same doc.
        """
        DocWork(doc, self._gazetteer, self.words, self.spans_key).run()
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


@Language.factory(
    "quotekit_sources",
    assigns=["doc._.quotekit_sources", "doc._.quotekit_source_frames", "doc.spans"],
    requires=[
        "doc.ents",
        "token.ent_iob",
        "token.ent_type",
        "token.tag",
        "token.pos",
        "token.dep",
        "token.head",
        "doc.sents",
        "doc._.quotekit_boilerplate",
        "doc._.quotekit_paragraphs",
        "doc._.quotekit_quotes",
    ],
    default_config={
        "spans_key": SPAN_KEYS["sources"],
        "organisations": {"@misc": "quotekit.news_organisations.v1"},
        "extra_organisations": [],
        "words": {"@misc": "quotekit.source_words.v1"},
        "cues": {"@misc": "quotekit.reporting_cues.v1"},
        "forenames": {"@misc": "quotekit.forenames.v1"},
    },
)
def make_sources(
    nlp: Language,
    name: str,
    spans_key: str,
    organisations: list[dict],
    extra_organisations: list[dict],
    words: dict[str, Any],
    cues: dict[str, Any],
    forenames: dict[str, Any],
) -> SourceFinder:
    """Build a ``SourceFinder`` (see the module docstring).

    words (dict): ``quotekit.source_words.v1``: the frame, credit and unit words.
    cues (dict): ``quotekit.reporting_cues.v1``: the forms of the reporting verbs.
    forenames (dict): ``quotekit.forenames.v1``: given names (no organisation).
    """
    return SourceFinder(
        nlp, name, spans_key, organisations, extra_organisations, words, cues, forenames
    )


__all__ = ["FRAMES", "KINDS", "ROLES", "SourceFinder", "make_sources"]
