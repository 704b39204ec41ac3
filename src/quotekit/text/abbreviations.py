"""Abbreviations: one definition of when a written form is an abbreviation."""

from __future__ import annotations

import re

# All-caps abbreviation of at most four letters, with or without dots:
# "US", "U.S.", "UK", "U.K.", "UAE", "DPRK", "U.S.A.".
_ABBREVIATION = re.compile(r"^(?:[A-Z]\.?){1,4}$")


def is_abbreviation(form: str) -> bool:
    """Whether ``form`` is an abbreviation: at most four capital letters, each may be
    followed by a dot ("US", "U.S.", "UAE", "DPRK"). Such forms are matched with their
    capitals only: "us" is no abbreviation of the United States.

    form (str): the written form, already stripped of spaces and possessives.
    RETURNS (bool): whether it is an abbreviation.
    """
    return bool(_ABBREVIATION.match(form))
