"""quotekit_sources: datelines, photo and slash credits (``_sources.credits``)."""

from __future__ import annotations

import time

import pytest

from quotekit.components._sources.patterns import DATELINE, SLASH_VIA, slash_agency_pattern
from quotekit.registry import source_words_v1

pytestmark = pytest.mark.model

SLASH_AGENCY = slash_agency_pattern(source_words_v1()["photo_agency_names"])


def roles_of(nlp, text: str) -> dict[str, list[str]]:
    doc = nlp(text)
    return {s["name"]: s["roles"] for s in doc._.quotekit_sources}


# --------------------------------------------------------------------------- datelines

DATELINES = [
    ("MOSCOW (Reuters) \u2014 The minister said the talks had failed.", "Reuters"),
    ("WASHINGTON (AP) \u2014 The senator said the bill would pass.", "Associated Press"),
    ("LONDON, May 3 (Reuters) - Shares in the bank fell sharply.", "Reuters"),
    ("PARIS, 3 May (AFP) - The strike closed the airports.", "Agence France Presse"),
    ("WASHINGTON, D.C. (AP) -- The hearing was delayed.", "Associated Press"),
    ("NEW YORK, Jan. 5, 2016 (Reuters) - Oil prices rose.", "Reuters"),
    (
        "Storm hits coast\n\nMIAMI (AP) \u2014 A hurricane made landfall on Monday.",
        "Associated Press",
    ),
]


@pytest.mark.parametrize("text, org", DATELINES)
def test_datelines(nlp, text, org):
    assert roles_of(nlp, text) == {org: ["dateline"]}


def test_dateline_only_near_the_top(nlp):
    body = "\n".join(f"Paragraph {i} says little of note." for i in range(8))
    text = body + "\nMOSCOW (Reuters) \u2014 A late line."
    assert "Reuters" not in roles_of(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "A" * 20_000,
        "AAAA " * 5_000 + "(",
        ("MOSCOW " * 4 + ", ") * 2_000,
        "(" + "a" * 10_000,
        "LONDON, May 3 " * 3_000 + "(Reuters",
        "Jane Doe/" * 3_000 + "Getty",
        ("Jan Kowal/" + "Abc " * 3) * 2_000,
    ],
)
def test_dateline_regex_worst_case_is_fast(text):
    start = time.perf_counter()
    for _ in range(20):
        DATELINE.match(text, 0, len(text), timeout=1.0)
    for _ in range(3):
        list(SLASH_VIA.finditer(text, timeout=1.0))
        list(SLASH_AGENCY.finditer(text, timeout=1.0))
    assert time.perf_counter() - start < 1.0


# --------------------------------------------------------------------------- credits

CREDITS = [
    ("A man walks past the bank in London. REUTERS/Jane Doe", {"Reuters": ["credit"]}),
    (
        "Officials attend the ceremony in Warsaw. (AP Photo/Jan Kowal)",
        {"Associated Press": ["credit"]},
    ),
    ("Firefighters at the scene on Monday. Jan Kowal/Getty Images", {"Getty Images": ["credit"]}),
    (
        "Officials at the ceremony, May 13. (Agencja Gazeta/Jan Kowal via Reuters)",
        {"Agencja Gazeta": ["credit"], "Reuters": ["credit"]},
    ),
    (
        "Officials at the ceremony, May 13. Agencja Gazeta/Jan Kowal via REUTERS",
        {"Agencja Gazeta": ["credit"], "Reuters": ["credit"]},
    ),
    (
        "Officials at the ceremony. Zdjecia Polskie/Jan Kowal via REUTERS",
        {"Zdjecia Polskie": ["credit"], "Reuters": ["credit"]},
    ),
    ("Smoke rises over the city. Photo: AFP", {"Agence France Presse": ["credit"]}),
]


@pytest.mark.parametrize("text, expected", CREDITS)
def test_credits(nlp, text, expected):
    assert roles_of(nlp, text) == expected


def test_listing_with_slashes_is_no_credit(nlp):
    text = "The Simpsons (Twentieth Century Fox, BBC Two/Sky One/Channel 4)"
    assert roles_of(nlp, text) == {}
