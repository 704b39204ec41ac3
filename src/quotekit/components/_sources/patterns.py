"""The regular expressions for datelines and slash credits.

Backtracking review (``tests/test_regex_worst_case.py`` and
``tests/components/_sources/test_credits.py`` time the worst cases): every
quantifier is bounded and each run of words is separated by single spaces (word
characters exclude the space, so a run splits into words one way only).
"""

from __future__ import annotations

from collections.abc import Iterable

import regex

#: A story's origin line at the start of a paragraph: "MOSCOW (Reuters) —",
#: "LONDON, May 3 (Reuters) -", "WASHINGTON, D.C. (AP) --", "(CNN) —".
#: The place is words of letters; the optional state and date parts start with ", "
#: and the organisation sits between literal parentheses. The pattern is only
#: *matched* at a paragraph start (never searched), so one attempt costs at most a
#: few hundred steps whatever the paragraph holds.
DATELINE = regex.compile(
    r"(?:(?P<place>[\p{Lu}][\p{L}\p{M}.'\u2019-]{1,30}(?: [\p{Lu}][\p{L}\p{M}.'\u2019-]{0,30}){0,3})"
    r"(?:, (?P<state>[\p{Lu}][\p{L}\p{M}.]{1,15}(?: [\p{Lu}][\p{L}\p{M}.]{1,15})?))?"
    r"(?:, (?:[\p{Lu}][\p{L}.]{2,9} \d{1,2}|\d{1,2} [\p{Lu}][\p{L}.]{2,9})(?:, \d{4})?)?"
    r" {1,2})?"
    r"\((?P<org>[\p{L}][\p{L}\p{M}\p{N}.&'\u2019 -]{0,40})\)"
    r"(?: {0,2}(?:\u2014|\u2013|--|-|:)|(?=[\p{Lu}])| {0,2}$)"
)
#: "Agencja Gazeta/Jan Rusek via REUTERS": the words before a slash credit an
#: organisation when a "via" credit follows the photographer's name. Bounded word
#: runs separated by single spaces; each match attempt is bounded (see DATELINE).
SLASH_VIA = regex.compile(
    r"(?<![\p{L}\p{N}/])(?P<org>[\p{Lu}][\p{L}\p{M}&.'\u2019-]{0,30}"
    r"(?: [\p{Lu}][\p{L}\p{M}&.'\u2019-]{0,30}){0,3})"
    r"/(?:[\p{Lu}][\p{L}\p{M}.'\u2019-]{0,30}(?: [\p{Lu}][\p{L}\p{M}.'\u2019-]{0,30}){0,3})"
    r" via "
)
#: Upper bound on the paragraphs read for a dateline, and on their offset.
DATELINE_PARAGRAPHS = 4
DATELINE_WINDOW = 2000


def slash_agency_pattern(names: Iterable[str]) -> regex.Pattern | None:
    """ "Jane Doe/Getty Images", "Jan Kowal/East News Photos": a photo agency after
    a slash, named by its last word(s). One to three capitalised words (bounded
    runs; the lookbehind is one character), then one of ``names`` literally.

    names (Iterable[str]): the last words of a photo agency's name, exact case
        (``photo_agency_names`` of ``quotekit.source_words.v1``: "Images", "Photo
        Agency", ...). None of the shipped names is a prefix of another.
    RETURNS (regex.Pattern | None): the pattern (group ``org`` is the agency's name),
        or None without names (an empty named list would match the empty string).
    """
    names = [name for name in names if name]
    if not names:
        return None
    return regex.compile(
        r"(?<=[\p{L}.])/(?P<org>(?:[\p{Lu}][\p{L}\p{M}&.'\u2019-]{0,30} ){1,3}"
        r"(?:\L<names>))\b",
        names=names,
    )
