"""``quotekit.text.encodable``: placeholders for the code points UTF-8 cannot hold."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from quotekit.text import PLACEHOLDER, encodable, has_unencodable


def test_lone_surrogates_become_one_placeholder_each():
    text = "a\ud800b\udfffc\ud83d"
    safe = encodable(text)
    assert safe == f"a{PLACEHOLDER}b{PLACEHOLDER}c{PLACEHOLDER}"
    assert len(safe) == len(text)
    safe.encode("utf-8")
    assert has_unencodable(text) and not has_unencodable(safe)


def test_encodable_text_is_returned_as_is():
    text = "Caf\u00e9 \U0001f600 \ufffd \x00 \u202e"
    assert encodable(text) is text
    assert not has_unencodable(text)


@given(st.text(st.characters(blacklist_categories=())))
def test_same_length_and_same_characters_elsewhere(text):
    safe = encodable(text)
    safe.encode("utf-8")
    assert len(safe) == len(text)
    assert all(a == b or b == PLACEHOLDER for a, b in zip(text, safe))
