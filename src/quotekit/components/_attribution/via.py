"""``via``: the news organisation that relayed a quote.

The news source cited in the quote's own clause ("told Reuters", "quoted by Interfax as
saying"), else the relay of the same speaker's previous quote, else an interview the
speaker gave earlier ("X told the BBC …", "… in an interview with", "on Sky News"), else a reporting frame that earlier attached
to the same speaker ("the Interfax news agency reported … Antonov said"). The frames come
from ``doc._.quotekit_source_frames`` (the sources component).
"""

from __future__ import annotations

from typing import Any

from .index import CandidateIndex
from .resolve import Resolver

#: Source frames that make a speaker's later quotes come from the same conversation.
INTERVIEW_FRAMES = frozenset({"told", "interview", "speaking_to", "broadcast_on"})
#: Source frames of a report that carries a speaker's words ("…, Interfax reported").
REPORT_FRAMES = frozenset({"agency_reported", "reported", "report_by", "reported_by"})
#: How far up the tree a frame's word may hang inside the speaker's own phrase.
MAX_PHRASE_DEPTH = 10


class Relays:
    """Set ``via`` on the attributions of one document."""

    def __init__(self, index: CandidateIndex, resolver: Resolver):
        self.index = index
        self.resolver = resolver

    def assign_via(self, results: list[dict[str, Any]]) -> None:
        """Set ``via`` on each result (see the module docstring)."""
        idx = self.index
        frames = [f for f in idx.frames if f.get("source")]
        for r in results:
            r["via"] = None
        if not frames:
            return
        prev: dict[str, Any] | None = None
        interview: dict[str, str] = {}  # speaker -> source of an interview they gave
        for qi, r in enumerate(results):
            q = idx.quotes[qi]
            lo, hi = self._clause(qi, r)
            r["via"] = self._own_frame(frames, q, r, lo, hi)
            before, after = idx.regions(qi)
            according = any(idx.cue_tokens.get(i) == "according to" for i in before + after)
            spk = r.get("speaker")
            if r["via"] is None and prev is not None and self._carries_on(r, prev):
                # '"…," X told Reuters. "…," he added.': the same speaker carries on.
                r["via"] = prev["via"]
            if r["via"] is None and spk is not None and spk in interview and not according:
                # "X told the BBC …" earlier: X's later quotes come from that interview.
                r["via"] = interview[spk]
            if r["via"] is None and spk is not None:
                r["via"] = self._reporting_frame(frames, q, r)
            prev = r
            if r["via"] is not None and spk is not None:
                for f in frames:
                    if (
                        f["source"] == r["via"]
                        and f.get("frame") in INTERVIEW_FRAMES
                        and lo <= f["start"] < hi
                    ):
                        interview[spk] = r["via"]

    def _clause(self, qi: int, r: dict[str, Any]) -> tuple[int, int]:
        """The quote's own clause: the regions around it and the sentence of its cue."""
        idx = self.index
        doc = idx.doc
        q = idx.quotes[qi]
        lo, hi = q["start"], q["end"]
        before, after = idx.regions(qi)
        if before:
            lo = min(lo, doc[before[0]].idx)
        if after:
            hi = max(hi, doc[after[-1]].idx + len(doc[after[-1]].text))
        anchor = r.get("cue_tok")
        if anchor is not None and r.get("rule") != "continuation":
            sent = doc[anchor].sent
            lo, hi = min(lo, sent.start_char), max(hi, sent.end_char)
        return lo, hi

    def _own_frame(
        self,
        frames: list[dict[str, Any]],
        q: dict[str, Any],
        r: dict[str, Any],
        lo: int,
        hi: int,
    ) -> str | None:
        """A source cited in the quote's clause, outside the quote and the speaker's phrase,
        about this speaker."""
        for f in frames:
            fs = f["start"]
            if (
                lo <= fs < hi
                and not (q["start"] <= fs < q["end"])
                and not self._inside_speaker_phrase(fs, r)
            ):
                sh = f.get("speaker_head")
                if sh is None or r.get("mention") is None or self._same_speaker(sh, r):
                    return f["source"]
        return None

    def _carries_on(self, r: dict[str, Any], prev: dict[str, Any]) -> bool:
        """Whether ``r`` carries on ``prev``'s relay: the same speaker, in the same or the
        next paragraph, by continuation or through a pronoun."""
        spk = r.get("speaker")
        para = r.get("para", -1)
        return bool(
            spk is not None
            and prev.get("speaker") == spk
            and prev.get("via")
            and 0 <= para - prev.get("para", -1) <= 1
            and r.get("rule") in ("continuation", "cue")
            and (r.get("rule") == "continuation" or self._is_pronoun(r.get("mention")))
        )

    def _reporting_frame(
        self, frames: list[dict[str, Any]], q: dict[str, Any], r: dict[str, Any]
    ) -> str | None:
        """A reporting frame just before, attached to this speaker: "Antonov said …, the
        Interfax news agency reported." then '"…," Antonov said.'"""
        idx = self.index
        para = r.get("para", -1)
        for f in reversed(frames):
            if f["end"] > q["start"]:
                continue
            if para - idx.paras.index(f["start"]) > 1:
                break
            if f.get("frame") in REPORT_FRAMES and self._frame_speaker(f) == r.get("speaker"):
                return f["source"]
        return None

    def _inside_speaker_phrase(self, char_off: int, r: dict[str, Any]) -> bool:
        """'The book, by Sunday Telegraph journalist Robert Peston, said': the newspaper
        describes the speaker; it relays nothing."""
        if not r.get("mention"):
            return False
        doc = self.index.doc
        span = doc.char_span(char_off, char_off + 1, alignment_mode="expand")
        ms = doc.char_span(r["mention"][0], r["mention"][1], alignment_mode="expand")
        if span is None or ms is None or len(ms) == 0:
            return False
        root = ms.root
        cue = r.get("cue_tok")
        tok = span[0]
        quoted = self.index.words.quote_verb_forms
        for _ in range(MAX_PHRASE_DEPTH):
            if tok.i == root.i:
                return True
            if (
                tok.head.i == tok.i
                or tok.i == cue
                or tok.dep_ in ("ccomp", "advcl", "ROOT")
                or tok.lower_ in quoted
            ):
                # "said one analyst quoted by the AFP news agency": a relay, though
                # it hangs inside the speaker's phrase.
                return False
            tok = tok.head
        return False

    def _is_pronoun(self, mention: tuple[int, int] | None) -> bool:
        if not mention:
            return False
        words = self.index.words
        return self.index.text[mention[0] : mention[1]].lower() in words.subject_pronouns

    def _same_speaker(self, char_off: int, r: dict[str, Any]) -> bool:
        s, e = r["mention"]
        if s <= char_off < e:
            return True
        span = self.index.doc.char_span(char_off, char_off + 1, alignment_mode="expand")
        if span is None:
            return False
        eid = self.index.tok_ent[span.start]
        return eid is not None and eid == r.get("speaker")

    def _frame_speaker(self, f: dict[str, Any]) -> str | None:
        """The speaker a reporting frame is about."""
        idx = self.index
        sh = f.get("speaker_head")
        if sh is not None:
            span = idx.doc.char_span(sh, sh + 1, alignment_mode="expand")
            if span is None:
                return None
            return self.resolver.resolve((span.start_char, span.end_char))
        # "X said ..., the Interfax news agency reported": the subject of a cue in the
        # frame's sentence.
        sent = f.get("sentence")
        if not sent:
            return None
        span = idx.doc.char_span(sent[0], sent[1], alignment_mode="expand")
        if span is None:
            return None
        cue = f.get("cue") or (f["start"], f["end"])
        for tok in span:
            if (
                tok.i in idx.cue_tokens
                and not (f["start"] <= tok.idx < f["end"])
                and not (cue[0] <= tok.idx < cue[1])
            ):
                subj = idx.subject(tok)
                if subj is not None and idx.tok_ent[subj.i] is not None:
                    return idx.tok_ent[subj.i]
        return None
