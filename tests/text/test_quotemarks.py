"""The mark tables and quote styles shared by the scanner, the splitter and the scorer."""

from __future__ import annotations

from quotekit.text.quotemarks import (
    ALL_STYLES,
    DOUBLE,
    GUILLEMET,
    MARK_INFO,
    OPENING_MARKS,
    QUOTE_MARKS,
    SINGLE,
    SINGLE_GUILLEMET,
)


def test_every_mark_has_its_family_style_and_direction():
    assert set(MARK_INFO) == QUOTE_MARKS
    assert OPENING_MARKS == QUOTE_MARKS
    assert {style for _, style, _ in MARK_INFO.values()} == ALL_STYLES
    assert {fam for fam, _, _ in MARK_INFO.values()} == {
        DOUBLE,
        SINGLE,
        GUILLEMET,
        SINGLE_GUILLEMET,
    }
    assert {d for _, _, d in MARK_INFO.values()} == {-1, 0, 1}
    # only the straight marks take their direction from their neighbours
    assert {ch for ch, (_, _, d) in MARK_INFO.items() if d == 0} == {'"', "'"}
