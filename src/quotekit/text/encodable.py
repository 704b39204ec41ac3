"""Text the pipeline can encode: placeholders for the code points UTF-8 cannot hold.

A Python ``str`` may hold lone surrogates (U+D800-U+DFFF): JSON allows them
(``"\\ud800"``), and ``bytes.decode(errors="surrogateescape")`` makes them. spaCy
encodes every string to UTF-8 (its string store, the vectors) and raises
``UnicodeEncodeError`` on one. ``encodable`` puts one U+FFFD in the place of each,
so the text keeps its length and every offset means the same in both; the
``Article`` is then built over the input as given (``Article.from_doc(doc,
text=...)``), so every reported text is sliced from the original.
"""

from __future__ import annotations

import re

#: What stands in for an unencodable code point: one code point, so offsets hold.
PLACEHOLDER = "\ufffd"

#: The code points of a Python str that UTF-8 cannot encode: the surrogates.
UNENCODABLE = re.compile("[\ud800-\udfff]")


def encodable(text: str) -> str:
    """``text`` with each unencodable code point replaced by ``PLACEHOLDER``.

    text (str): any Python str.
    RETURNS (str): a str of the same length that encodes to UTF-8; ``text`` itself
        (the same object) when it has nothing to replace.
    """
    if UNENCODABLE.search(text) is None:
        return text
    return UNENCODABLE.sub(PLACEHOLDER, text)


def has_unencodable(text: str) -> bool:
    """Whether ``text`` holds a code point that UTF-8 cannot encode."""
    return UNENCODABLE.search(text) is not None
