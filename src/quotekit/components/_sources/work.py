"""The per-document work of ``quotekit_sources``: find the mentions, give each its role,
and write the output. A ``DocWork`` is made for each document and dropped after."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from .anaphors import anaphors
from .context import DocContext
from .credits import agency_credits, credit, datelines, slash_credits
from .discovery import discover, propagate
from .frames import cited
from .gazetteer import Gazetteer
from .records import ROLES, Mention
from .units import part_of_longer_name
from .words import SourceWords


class DocWork:
    """Finds the sources of one document.

    doc (Doc): a parsed doc.
    gazetteer (Gazetteer): the component's known organisations (read only).
    words (SourceWords): the component's words (read only).
    spans_key (str): the span group to write.
    """

    def __init__(self, doc: Doc, gazetteer: Gazetteer, words: SourceWords, spans_key: str):
        self.ctx = DocContext(doc, gazetteer, words)
        self.spans_key = spans_key

    def run(self) -> None:
        """Find the mentions and their roles; set ``doc._.quotekit_sources``,
        ``doc._.quotekit_source_frames`` and ``doc.spans[spans_key]``."""
        ctx = self.ctx
        ctx.mentions = ctx.gazetteer.mentions(ctx.doc)
        discover(ctx)
        propagate(ctx)
        taken: set[int] = set()
        for m in ctx.mentions:
            taken.update(range(m.start, m.end))
        ctx.mentions.sort(key=lambda m: m.start)
        ctx.mention_starts = {m.start for m in ctx.mentions}
        ctx.mention_ends = {m.end for m in ctx.mentions}
        for m in ctx.mentions:
            self._give_role(m)
        extra = datelines(ctx) + slash_credits(ctx) + agency_credits(ctx) + anaphors(ctx, taken)
        ctx.mentions.extend(extra)
        self._emit()

    def _give_role(self, m: Mention) -> None:
        """Give ``m`` the role ``credit`` or ``cited`` (with its frame), or none: in an
        editors' note or a paywall line, inside a quotation, or part of a longer name
        ("Times Square"), or "The Sun" without its article."""
        ctx = self.ctx
        doc = ctx.doc
        s_char, e_char = ctx.char_bounds(m)
        if ctx.is_excluded(s_char, e_char):
            return
        if m.needs_the and (m.start == 0 or doc[m.start - 1].lower_ != "the"):
            return
        if credit(ctx, m):
            m.roles.add("credit")
            return
        if part_of_longer_name(ctx, m) or ctx.is_quoted(s_char, e_char):
            return
        frame = cited(ctx, m)
        if frame is not None:
            m.roles.add("cited")
            m.frame = frame

    def _emit(self) -> None:
        """Write the source records, the role spans and the cited frames."""
        ctx = self.ctx
        doc = ctx.doc
        role_mentions = sorted((m for m in ctx.mentions if m.roles), key=lambda m: m.start)
        ids = self._source_ids(role_mentions)
        spans = []
        frames = []
        for m in role_mentions:
            sid = ids[m.org]
            for role in sorted(m.roles):
                spans.append(Span(doc, m.start, m.end, label=role, kb_id=sid))
            if m.frame is not None:
                frames.append(self._frame_record(m, m.frame, sid))
        doc._.quotekit_sources = self._records(role_mentions, ids)
        doc._.quotekit_source_frames = frames
        doc.spans[self.spans_key] = spans

    @staticmethod
    def _source_ids(role_mentions: list[Mention]) -> dict[int, str]:
        """``{organisation index: "s0", ...}`` in order of first role-bearing mention."""
        ids: dict[int, str] = {}
        for m in role_mentions:
            if m.org not in ids:
                ids[m.org] = f"s{len(ids)}"
        return ids

    def _records(self, role_mentions: list[Mention], ids: dict[int, str]) -> list[dict]:
        """One record per source, its roles in ``ROLES`` order."""
        roles: dict[int, set[str]] = {org: set() for org in ids}
        for m in role_mentions:
            roles[m.org].update(m.roles)
        records = []
        for org_idx, sid in ids.items():
            org = self.ctx.orgs[org_idx]
            records.append(
                {
                    "id": sid,
                    "name": org.name,
                    "kind": org.kind,
                    "roles": [r for r in ROLES if r in roles[org_idx]],
                    "country": org.country,
                }
            )
        return records

    def _frame_record(self, m: Mention, frame: dict, sid: str) -> dict:
        """The frame of cited mention ``m`` in character offsets."""
        doc = self.ctx.doc
        span = doc[m.start : m.end]
        sent = span.sent
        cue = frame["cue"]
        spk = frame["speaker"]
        return {
            "source": sid,
            "start": span.start_char,
            "end": span.end_char,
            "frame": frame["frame"],
            "cue": [doc[cue].idx, doc[cue].idx + len(doc[cue])] if cue is not None else None,
            "sentence": [sent.start_char, sent.end_char],
            "speaker_head": doc[spk].idx if spk is not None else None,
        }
