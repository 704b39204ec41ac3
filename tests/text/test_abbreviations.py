"""quotekit.text.is_abbreviation: the one abbreviation test."""

from __future__ import annotations

import pytest

from quotekit.text import is_abbreviation


@pytest.mark.parametrize("form", ["US", "U.S.", "UK", "U.K.", "UAE", "DPRK", "U.S.A.", "USAF", "A"])
def test_abbreviations(form):
    assert is_abbreviation(form)


@pytest.mark.parametrize(
    "form", ["", "us", "Us", "u.s.", "UNESCO", "U.S.A.F.E.", "US ", "U.S.'s", "Iraq", "U-S", "Ü"]
)
def test_not_abbreviations(form):
    assert not is_abbreviation(form)
