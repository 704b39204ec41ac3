"""The per-document state of ``quotekit_entities``: made for each call, dropped after it.

Tokens and spans kept after a call would hold their ``Doc`` in memory, and state on the
component would be shared by the threads that use it; so each call makes a
:class:`DocWork` and the passes read and write only that.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ...text import normalise_name
from .lexicon import Lexicon

#: Boilerplate labels (``doc._.quotekit_boilerplate``) from which no entity is taken.
BLOCKING_BOILERPLATE = frozenset({"editors_note", "paywall"})


class DocWork:
    """One document being resolved, with the lexicon and the look-ups every pass shares.

    doc (Doc): the document.
    lex (Lexicon): the component's lexicon.
    """

    def __init__(self, doc: Doc, lex: Lexicon):
        self.doc = doc
        self.lex = lex
        self.words = lex.words
        self.text = doc.text  # Doc.text joins every token: read it once
        self.tokens: list[Token] = list(doc)  # doc[i] makes a new Token each time
        self.ents: list[Span] = list(doc.ents)
        self._by_text: dict[str, list[Token]] | None = None
        self.blocked = [
            (s, e)
            for s, e, lab in (doc._.quotekit_boilerplate or ())
            if lab in BLOCKING_BOILERPLATE
        ]

    def same_text(self, text: str) -> list[Token]:
        """The tokens written ``text`` exactly (an index built on first use, so each
        look-up is constant time)."""
        if self._by_text is None:
            index: dict[str, list[Token]] = {}
            for tok in self.tokens:
                index.setdefault(tok.text, []).append(tok)
            self._by_text = index
        return self._by_text.get(text, [])

    def is_blocked(self, start: int) -> bool:
        """Whether the character ``start`` lies in an editors' note or paywall line."""
        return any(s <= start < e for s, e in self.blocked)

    def has_age(self, i: int) -> bool:
        """An age apposition starts at token ``i``: "Okafor, 54, told reporters"."""
        toks = self.tokens
        if i + 2 >= len(toks):  # a name at the very end of the text
            return False
        age = toks[i + 1].text
        # isdecimal, not isdigit: int("²") raises.
        return (
            toks[i].text == ","
            and age.isdecimal()
            and len(age) <= 3
            and 1 <= int(age) < 120
            and toks[i + 2].text in (",", ")")
        )

    def after_entity(self, start_char: int) -> int:
        """The token after the entity that starts at ``start_char``."""
        span = self.doc.char_span(start_char, start_char + 1, alignment_mode="expand")
        if span is None:
            return len(self.tokens)
        i = span[-1].i
        while i + 1 < len(self.tokens) and self.tokens[i + 1].ent_iob_ == "I":
            i += 1
        return i + 1

    def has_honorific(self, tok: Token) -> bool:
        """Whether an honorific or a title stands just before ``tok``."""
        i = tok.i - 1
        return i >= 0 and (
            self.tokens[i].lower_ in self.lex.honorifics or self.tokens[i].lower_ in self.lex.titles
        )

    def forename_gender(self, first: str) -> str | None:
        """ "M" or "F" for a clearly male or female first name, else None."""
        f = normalise_name(first)
        if f in self.lex.male and f not in self.lex.female:
            return "M"
        if f in self.lex.female and f not in self.lex.male:
            return "F"
        return None

    def is_forename(self, word: str) -> bool:
        """Whether ``word`` is a known first name (either gender)."""
        return normalise_name(word) in self.lex.forenames

    def written(self, toks: list[Token]) -> str:
        """The text from the first token to the end of the last, as written."""
        return self.text[toks[0].idx : toks[-1].idx + len(toks[-1].text)]
