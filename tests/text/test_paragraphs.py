"""One paragraph splitter for the scanner, the pipeline, the view and the scorer.

The rule for space: ``str.isspace`` plus U+200B ZERO WIDTH SPACE and U+FEFF ZERO WIDTH
NO-BREAK SPACE (a stray byte-order mark). A line of only those is blank; they are
trimmed from a paragraph's ends like any other space. (Before, the scanner followed
this rule and the view and the pipeline did not.)
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quotekit.text import INVISIBLE_SPACES, ParagraphIndex, is_space, paragraphs

ZWSP, BOM = "\u200b", "\ufeff"


def texts_of(text: str, ranges: list[tuple[int, int]]) -> list[str]:
    return [text[a:b] for a, b in ranges]


@pytest.mark.parametrize(
    "text, lines, blocks",
    [
        pytest.param("", [], [], id="empty"),
        pytest.param("One.", ["One."], ["One."], id="one-line"),
        pytest.param(
            "  One.  \nTwo.\n\n Three.\n",
            ["One.", "Two.", "Three."],
            ["One.  \nTwo.", "Three."],
            id="trimmed",
        ),
        pytest.param(
            f"One.\n{ZWSP}\nTwo.", ["One.", "Two."], ["One.", "Two."], id="zwsp-line-is-blank"
        ),
        pytest.param(
            f"One.\n {BOM} \t\nTwo.", ["One.", "Two."], ["One.", "Two."], id="bom-line-is-blank"
        ),
        pytest.param(
            f"{BOM}One.{ZWSP}\n{ZWSP} Two. {BOM}",
            ["One.", "Two."],
            [f"One.{ZWSP}\n{ZWSP} Two."],
            id="trimmed-at-the-ends",
        ),
        pytest.param(
            f"One{ZWSP}two.\nThree{BOM}four.",
            [f"One{ZWSP}two.", f"Three{BOM}four."],
            [f"One{ZWSP}two.\nThree{BOM}four."],
            id="kept-inside",
        ),
        pytest.param("\r\n \u2028\n\xa0", [], [], id="only-other-spaces"),
    ],
)
def test_paragraph_rule(text, lines, blocks):
    assert texts_of(text, paragraphs(text)) == lines
    assert texts_of(text, paragraphs(text, blank_line_separated=True)) == blocks


def test_is_space():
    assert INVISIBLE_SPACES == {ZWSP, BOM}
    assert all(is_space(ch) for ch in " \t\n\r\xa0\u2028\u3000" + ZWSP + BOM)
    assert not any(is_space(ch) for ch in "a.\u200c\u200d\u2060-")


def _reference(text: str) -> list[tuple[int, int]]:
    """Every line, trimmed of space by the rule, that holds anything else."""
    out, pos = [], 0
    for line in text.split("\n"):
        a, b = pos, pos + len(line)
        while a < b and is_space(text[a]):
            a += 1
        while b > a and is_space(text[b - 1]):
            b -= 1
        if b > a:
            out.append((a, b))
        pos += len(line) + 1
    return out


@given(st.text(alphabet=" \t\n\r\xa0ab." + ZWSP + BOM, max_size=60))
def test_lines_follow_the_rule(text):
    ranges = paragraphs(text)
    assert ranges == _reference(text)
    blocks = paragraphs(text, blank_line_separated=True)
    # blocks are runs of non-blank lines: each holds the lines inside it, in order
    assert [r for b in blocks for r in ranges if b[0] <= r[0] and r[1] <= b[1]] == ranges


def test_paragraph_index():
    text = "One.\nTwo.\n\nThree."
    index = ParagraphIndex(paragraphs(text))
    assert len(index) == 3
    assert [index.index(k) for k in (0, 4, 5, 11, len(text))] == [0, 0, 1, 2, 2]
    assert ParagraphIndex(paragraphs(" x")).index(0) == -1
