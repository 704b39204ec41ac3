"""The per-document work of one call of the attribution component.

Made in ``Attribution.__call__`` and dropped when the call returns: nothing of one
document stays on the component, which may be shared across threads.
"""

from __future__ import annotations

from typing import Any

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from .frames import CueFrames
from .index import CandidateIndex
from .reported import ReportedModel, record, scored, select
from .resolve import Resolver
from .rules import Rules
from .via import Relays
from .words import Words


class DocContext:
    """The tables and steps of one document's attribution.

    doc (Doc): the document.
    quotes (list[dict]): its quote records, sorted.
    words (Words): the component's words.
    phrase_matcher (PhraseMatcher): the component's matcher of cue phrases.
    """

    def __init__(
        self,
        doc: Doc,
        quotes: list[dict[str, Any]],
        words: Words,
        phrase_matcher: PhraseMatcher,
    ):
        self.index = CandidateIndex(doc, quotes, words, phrase_matcher)
        self.results: list[dict[str, Any]] = []
        self.resolver = Resolver(self.index, self.results)
        self.frames = CueFrames(self.index)
        self.rules = Rules(self.index, self.frames, self.resolver)
        self.relays = Relays(self.index, self.resolver)

    def run(self) -> list[dict[str, Any]]:
        """One result per quote: ``mention``, ``cue`` (offset pairs or None), ``speaker``,
        ``rule``, ``via``, ``cue_tok``, ``para``."""
        for qi, q in enumerate(self.index.quotes):
            self.results.append(self.rules.attribute(qi, q, self.results))
        self.relays.assign_via(self.results)
        return self.results

    @property
    def new_entities(self) -> list[dict[str, Any]]:
        """Entity records added for speakers the model did not tag."""
        return self.index.new_entities

    def reported(self, model: ReportedModel, quotes: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """The reported-speech records (see ``.reported``), resolved like quotes: the
        source mention to an entity, and a news source cited in the cue's sentence,
        outside the source mention and the content, as the relay."""
        idx = self.index
        doc = idx.doc
        found = scored(idx, model, quotes)
        out: list[dict[str, Any]] = []
        for c, _ in select(found, model.threshold, idx.sent_starts):
            r = record(c, idx)
            mention = r["mention"]
            speaker = self.resolver.resolve(mention) if mention else None
            sent = doc[c.cue].sent
            via = None
            for f in idx.frames:
                fs = f["start"]
                if (
                    sent.start_char <= fs < sent.end_char
                    and not (c.start <= fs < c.end)
                    and not (mention and mention[0] <= fs < mention[1])
                ):
                    via = f["source"]
                    break
            out.append(
                {
                    "id": f"r{len(out)}",
                    "start": r["start"],
                    "end": r["end"],
                    "speaker": speaker,
                    "speaker_mention": offsets_record(mention),
                    "cue": offsets_record(r["cue"]),
                    "via": via,
                }
            )
        return out


def offsets_record(pair: tuple[int, int] | None) -> dict[str, int] | None:
    """``{"start", "end"}`` of a character pair (a mention or cue), or None."""
    return {"start": pair[0], "end": pair[1]} if pair else None
