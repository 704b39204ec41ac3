"""The rules of attribution, tried in order for each quote (the winner is its ``rule``).

1. ``continuation`` of an interrupted quote: '"My hope," he said, "is that …"'.
2. ``dash``: '"…" ― Jane Doe', a dash and a name right after the closing mark.
3. ``cue``: a reporting cue in the quote's own clause (see ``frames``); '"…," Flynn, a top
   surrogate, said' takes the name right after the quote.
4. ``colon``: a heading that ends in a colon ("Chris Cillizza, The Washington Post:
   "…"") names the speaker.
5. ``continuation``: a quote with no cue takes the speaker of the quote or attribution
   just before it, in the same paragraph, or in the paragraph before when the text
   carries on (that paragraph attributes something). Never across a paragraph that
   attributes nothing.

A mention found by rules 2-4 is resolved to an entity (see ``resolve``).
"""

from __future__ import annotations

from typing import Any

from .frames import CueFrames
from .index import SENT_END, CandidateIndex
from .resolve import MAX_BACK_PARAGRAPHS, SPEAKER_TYPES, Resolver

Mention = tuple[int, int]
#: A speaker found next to a quote: mention, cue (or dash) offsets, rule, cue token.
Found = tuple[Mention, Mention, str, int | None]
#: Dashes that credit a speaker ('"…" ― Jane Doe').
DASHES = "―—–"
#: Marks and commas between a quote and the name after it.
CLOSERS = (",", "”", "’", "'", '"')
#: Spaces between a closing mark and a dash credit.
SPACES = " \t\u00a0"


class Rules:
    """Attribute the quotes of one document (see the module docstring)."""

    def __init__(self, index: CandidateIndex, frames: CueFrames, resolver: Resolver):
        self.index = index
        self.frames = frames
        self.resolver = resolver

    def attribute(self, qi: int, q: dict[str, Any], prev: list[dict[str, Any]]) -> dict[str, Any]:
        """The attribution of quote ``qi`` (``prev``: those of the quotes before it)."""
        idx = self.index
        before, after = idx.regions(qi)
        if q.get("scare"):
            # A scare quote is quoted only by a cue that governs it ('She called it
            # "magic"'); a cue elsewhere in its sentence is about other words.
            cue = self.frames.governing_cue(qi)
        else:
            cue = self.frames.nearest_cue(before, after, qi)
            if cue is None and q["kind"] == "full":
                cue = self.frames.frame_verb(qi, after)
        res: dict[str, Any] = {
            "cue": None,
            "mention": None,
            "speaker": None,
            "rule": None,
            "cue_tok": None,
            "para": idx.tok_para[idx.q_tokens[qi][0]] if idx.q_tokens[qi][1] else -1,
        }
        interrupted = self._interrupted(qi, before, prev)
        if interrupted is not None:
            return _inherit(res, interrupted)
        adjacent = self._dash_credit(q) or self._adjacent_speaker(qi, after, cue)
        if adjacent is not None:
            mention, cue_pair, rule, cue_tok = adjacent
            res.update(mention=mention, cue=cue_pair, rule=rule, cue_tok=cue_tok)
            res["speaker"] = self.resolver.resolve(mention)
            return res
        if cue is not None:
            spoken = self.frames.speaker_of_cue(cue)
            if spoken is not None:
                tok = idx.doc[cue]
                res.update(
                    cue=(tok.idx, tok.idx + len(tok.text)), mention=spoken, rule="cue", cue_tok=cue
                )
        if res["mention"] is None:
            colon = self._colon_heading(before, qi)
            if colon is not None:
                res.update(mention=colon[0], cue=colon[1], rule="colon")
        if res["mention"] is None and (cue is None or self._cue_before_sentence(qi, cue)):
            inherited = self._continuation(qi, prev)
            if inherited is not None:
                return _inherit(res, inherited)
        if res["mention"] is not None:
            res["speaker"] = self.resolver.resolve(res["mention"])
            if res["speaker"] is None:
                res["speaker"] = self.resolver.new_entity(res["mention"])
        return res

    def _cue_before_sentence(self, qi: int, cue: int) -> bool:
        """Whether ``cue`` lies in the sentence before the one quote ``qi`` opens
        ('Vos had to argue her case. "At that time …"'): a cue there that names no
        one does not stop the quote carrying on its paragraph's speaker."""
        idx = self.index
        ts = idx.q_tokens[qi][0]
        j = ts - 1
        while j > cue and idx.doc[j].is_space:
            j -= 1
        return cue < j and idx.doc[j].text in SENT_END

    # ------------------------------------------------------------------ next to the quote
    def _interrupted(
        self, qi: int, before: list[int], prev: list[dict[str, Any]]
    ) -> dict[str, Any] | None:
        """'"My hope," he said, "is that …"': the second half of a quote its attribution
        interrupts belongs to the first half's speaker."""
        idx = self.index
        if qi == 0 or not prev or not prev[-1].get("mention") or not before:
            return None
        q = idx.quotes[qi]
        content = idx.text[q["content_start"] : q["content_end"]].lstrip()
        if not content[:1].islower():
            return None
        _, pte = idx.q_tokens[qi - 1]
        if pte == 0 or before[0] > pte or idx.doc[before[-1]].text != ",":
            return None
        if prev[-1].get("cue_tok") is not None and prev[-1]["cue_tok"] in before:
            return prev[-1]
        return None

    def _dash_credit(self, q: dict[str, Any]) -> Found | None:
        """'“…” ― Jane Doe': a dash and a name right after the closing mark."""
        idx = self.index
        text = idx.text
        pos = q["end"]
        n = len(text)
        while pos < n and text[pos] in SPACES:
            pos += 1
        if pos >= n or text[pos] not in DASHES:
            return None
        dash = pos
        pos += 1
        while pos < n and text[pos] in SPACES:
            pos += 1
        span = idx.doc.char_span(pos, min(n, pos + 1), alignment_mode="expand")
        if span is None or len(span) == 0:
            return None
        tok = span[0]
        if tok.idx < pos:  # "”―Name" glued into one token
            return None
        if idx.tok_ent[tok.i] is None and tok.pos_ != "PROPN":
            return None
        return (idx.mention_span(tok), (dash, dash + 1), "dash", None)

    def _adjacent_speaker(self, qi: int, after: list[int], cue: int | None) -> Found | None:
        """'"…," Flynn, a top surrogate, said' and '"…" ― Jane Doe': the name right after."""
        idx = self.index
        doc = idx.doc
        k = 0
        while k < len(after) and doc[after[k]].text in CLOSERS:
            k += 1
        if k >= len(after):
            return None
        first = doc[after[k]]
        if first.text in (*DASHES, "-") and k + 1 < len(after):
            nxt = doc[after[k + 1]]
            if idx.tok_ent[nxt.i] is not None or nxt.pos_ == "PROPN":
                return (idx.mention_span(nxt), (first.idx, first.idx + 1), "dash", None)
            return None
        if cue is None or cue not in after or cue <= first.i or idx.cue_tokens.get(cue) == "quote":
            return None
        # '"…," shop owner Hayriye Evren, told AP': a name before the cue, no verb between;
        # a person rather than the organisation describing them ("the Liberal Democrat
        # chairman Matthew Taylor said").
        if self.frames.ends_sentence(qi) and not self.frames.attribution_after_sentence(
            idx.q_tokens[qi][1], cue
        ):
            return None
        found = self._name_between(after[k:], cue)
        if found is None:
            return None
        tok = doc[cue]
        return (idx.mention_span(doc[found]), (tok.idx, tok.idx + len(tok.text)), "cue", cue)

    def _name_between(self, tokens: list[int], cue: int) -> int | None:
        """The token of a person (else an organisation) among ``tokens`` before ``cue``,
        with no verb or sentence end between."""
        idx = self.index
        found = found_type = None
        for i in tokens:
            if i >= cue:
                break
            t = idx.doc[i]
            if t.pos_ in ("VERB", "AUX") or t.text in (".", ";", "?", "!"):
                return None
            eid = idx.tok_ent[i]
            etype = idx.entities[eid]["type"] if eid is not None else None
            if etype in SPEAKER_TYPES and (
                found is None or (etype == "PERSON" and found_type != "PERSON")
            ):
                found, found_type = i, etype
        return found

    # ------------------------------------------------------------------ colon headings
    def _colon_heading(self, before: list[int], qi: int = -1) -> tuple[Mention, Mention] | None:
        """'Chris Cillizza, The Washington Post: "…"': the speaker and the colon."""
        idx = self.index
        doc = idx.doc
        if not before and qi >= 0:
            before = self._heading_before_paragraph(qi)
        if not before or doc[before[-1]].text != ":":
            return None
        region = before[:-1]
        colon = doc[before[-1]]
        where = (colon.idx, colon.idx + 1)
        if region:
            root = doc[region[-1]].sent.root if doc.has_annotation("SENT_START") else None
            if root is not None and root.i in region:
                subj = idx.subject(root)
                if subj is not None and subj.i in region:
                    return idx.mention_span(subj), where
        for i in region:
            eid = idx.tok_ent[i]
            if eid is not None and idx.entities[eid]["type"] in SPEAKER_TYPES:
                for _, _, m_id, cs, ce in idx.mentions_at(i):
                    if m_id == eid:
                        return (cs, ce), where
        for i in region:
            t = doc[i]
            if t.pos_ in ("PROPN", "NOUN") and t.dep_ in ("ROOT", "nsubj"):
                return idx.mention_span(t), where
        return None

    def _heading_before_paragraph(self, qi: int) -> list[int]:
        """ "Sanders made the following comment:" ending the paragraph before: its tokens."""
        idx = self.index
        doc = idx.doc
        j = idx.q_tokens[qi][0] - 1
        while j >= 0 and doc[j].is_space:
            j -= 1
        if j < 0 or doc[j].text != ":" or idx.in_quote[j] >= 0:
            return []
        k = j - 1
        region_back = []
        while (
            k >= 0
            and idx.in_quote[k] < 0
            and doc[k].text not in SENT_END
            and idx.tok_para[k] == idx.tok_para[j]
        ):
            region_back.append(k)
            k -= 1
        return list(reversed(region_back)) + [j]

    # ------------------------------------------------------------------ continuation
    def _continuation(self, qi: int, prev: list[dict[str, Any]]) -> dict[str, Any] | None:
        """The attribution a quote with no cue carries on (see the module docstring)."""
        idx = self.index
        ts, te = idx.q_tokens[qi]
        if ts == te:
            return None
        para = idx.tok_para[ts]
        # The previous quote in the same paragraph.
        if prev and prev[-1].get("mention") and prev[-1]["para"] == para:
            return prev[-1]
        # The paragraph before carries on: its last attribution (quote or reported speech).
        first_tok_para = idx.paras.ranges[para][0] if para >= 0 else -1
        if idx.doc[ts].idx > first_tok_para + 2 and not self._only_quote_before(ts, para):
            return None
        p = para - 1
        while p >= 0 and para - p <= MAX_BACK_PARAGRAPHS:
            cand = [r for r in prev if r["para"] == p]
            attributed = [r for r in cand if r.get("mention")]
            reported = self._reported_speech(p)
            if attributed and (
                reported is None
                or attributed[-1]["cue_tok"] is None
                or reported["cue_tok"] <= attributed[-1]["cue_tok"]
            ):
                return attributed[-1]
            if reported is not None:
                return reported
            if cand:
                p -= 1  # a paragraph of unattributed quotes: look further back
                continue
            return None
        return None

    def _only_quote_before(self, ts: int, para: int) -> bool:
        idx = self.index
        i = ts - 1
        while i >= 0 and idx.tok_para[i] == para:
            if idx.in_quote[i] < 0 and not idx.doc[i].is_punct:
                return False
            i -= 1
        return True

    def _reported_speech(self, para: int) -> dict[str, Any] | None:
        """The last cue with a subject in paragraph ``para`` (outside quotes)."""
        idx = self.index
        if para < 0 or para >= len(idx.paras.ranges):
            return None
        s, e = idx.paras.ranges[para]
        span = idx.doc.char_span(s, e, alignment_mode="expand")
        if span is None:
            return None
        for tok in reversed(span):
            if tok.i in idx.cue_tokens:
                mention = self.frames.speaker_of_cue(tok.i)
                if mention is not None:
                    return {
                        "mention": mention,
                        "cue": (tok.idx, tok.idx + len(tok.text)),
                        "speaker": self.resolver.resolve(mention),
                        "cue_tok": tok.i,
                        "para": para,
                    }
        return None


def _inherit(res: dict[str, Any], source: dict[str, Any]) -> dict[str, Any]:
    """``res`` carrying on the attribution ``source`` (rule ``continuation``)."""
    res.update(
        mention=source["mention"],
        cue=source["cue"],
        speaker=source["speaker"],
        rule="continuation",
        cue_tok=source.get("cue_tok"),
    )
    return res
