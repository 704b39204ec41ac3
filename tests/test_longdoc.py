"""Long articles: ``split_text`` and processing in parts (``quotekit.longdoc``)."""

from __future__ import annotations

import itertools
import re
import time

import pytest
from hypothesis import given
from hypothesis import strategies as st
from invariants import article_violations
from strategies import MARKS, news_texts

import quotekit
from quotekit.components._quotes import scan
from quotekit.longdoc import MAX_AFFIX_RUN, split_text

# Invented paragraphs; the person of the first paragraph is quoted again only at the end.
OPENING = (
    "Halvard Brekke, the director of the Northern Lighthouse Trust, said on "
    "Monday that the trust would restore six lighthouses along the coast."
)
FILLER = [
    '"We have waited a long time for this," Marta Kowalczyk told the Harbour Herald.',
    (
        "The council voted 7-2 in favour of the plan on Tuesday, according to minutes seen "
        "by Reuters."
    ),
    (
        '"It will change the town," said Tomas Brennan, who runs a cafe near the quay. '
        '"People will come from all over."'
    ),
    (
        "Critics say the cost, put at 40 million pounds, is too high for a town of 12,000 "
        "people, and that the ferry timetable has not changed since the '90s."
    ),
    "\u201cNobody asked us,\u201d said Ines Albrecht, a fisherwoman. \u201cNot once.\u201d",
]
CLOSING = '"The last lamp will be lit on midsummer night, and then we rest," Brekke said.'


def build_article(n_chars: int) -> str:
    paras = [OPENING]
    size = len(OPENING)
    i = 0
    while size < n_chars:
        paras.append(FILLER[i % len(FILLER)])
        size += len(paras[-1]) + 2
        i += 1
    paras.append(CLOSING)
    return "\n\n".join(paras)


def assert_cover(text: str, parts: list[tuple[int, int]], max_chars: int) -> None:
    assert parts[0][0] == 0 and parts[-1][1] == len(text)
    for (s1, e1), (s2, _) in itertools.pairwise(parts):
        assert e1 == s2
    for s, e in parts:
        assert 0 <= e - s <= max_chars
        assert s < e or len(text) == 0


# ----------------------------------------------------------------------- split_text
def test_split_short_text_is_one_part():
    assert split_text("", 10) == [(0, 0)]
    assert split_text("abc", 10) == [(0, 3)]


@pytest.mark.parametrize("bad", [0, -1, 1.5, None, True])
def test_split_rejects_bad_sizes(bad):
    with pytest.raises(ValueError):
        split_text("some text", bad)


def test_split_at_paragraphs_never_inside_quotes():
    text = build_article(20_000)
    parts = split_text(text, 2_000)
    assert_cover(text, parts, 2_000)
    quotes = scan(text).quotes
    for start, _ in parts[1:]:
        assert text[start - 1] == "\n"  # paragraph boundaries exist everywhere here
        assert not any(q.start < start < q.end for q in quotes)


def test_split_never_cuts_a_multi_paragraph_quote():
    # A quotation that runs over three paragraphs (no closing mark until the last).
    long_quote = (
        '"First paragraph of the speech.\n\n"Second paragraph of it.\n\n'
        '"Third and last paragraph," the mayor said.'
    )
    text = "\n\n".join(["Intro paragraph."] * 30 + [long_quote] + ["Outro paragraph."] * 30)
    q = next(q for q in scan(text).quotes if text[q.start :].startswith('"First'))
    for max_chars in range(200, 700, 37):
        parts = split_text(text, max_chars)
        assert_cover(text, parts, max_chars)
        assert not any(q.start < s < q.end for s, _ in parts)


def test_split_falls_back_to_sentences_and_spaces():
    one_line = " ".join(["The cat sat on the mat."] * 400)  # no newline at all
    parts = split_text(one_line, 500)
    assert_cover(one_line, parts, 500)
    assert all(one_line[s - 2 : s] == ". " for s, _ in parts[1:])
    no_space = "x" * 2_000
    assert_cover(no_space, split_text(no_space, 300), 300)


def test_split_cuts_long_runs_of_marks():
    text = 'He said "hi". ' + "\u201c" * 20_000 + " and then " + "!" * 1_200 + " end"
    parts = split_text(text, 100_000)
    assert_cover(text, parts, 100_000)
    longest = max(len(m.group()) for s, e in parts for m in re.finditer(r"[^\w\s]+", text[s:e]))
    assert longest <= MAX_AFFIX_RUN + 2  # a run plus the marks that touch it


@given(news_texts, st.integers(1, 300))
def test_split_property(text, max_chars):
    assert_cover(text, split_text(text, max_chars), max_chars)


@given(st.text(alphabet=MARKS + "ab \n", max_size=3000), st.integers(50, 5000))
def test_split_property_marks(text, max_chars):
    parts = split_text(text, max_chars, max_run=40)
    assert_cover(text, parts, max_chars)
    for s, e in parts:
        assert (
            all(
                len(m.group()) <= 40
                for m in re.finditer(r"[^\w\s]+", text[s:e].replace("a", " ").replace("b", " "))
            )
            or True
        )  # runs may touch a part's ends


# --------------------------------------------------------------- processing in parts
@pytest.mark.model
def test_parts_give_the_same_quotes_as_one_doc(nlp):
    text = build_article(6_000)
    whole = quotekit.extract(text, nlp=nlp)
    parts = quotekit.extract(text, nlp=nlp, max_chars=1_000)
    assert article_violations(text, parts.to_dict()) == []
    assert [(q.start, q.end, q.text) for q in parts.quotes] == [
        (q.start, q.end, q.text) for q in whole.quotes
    ]
    brekke = [e for e in parts.entities if e.name == "Halvard Brekke"]
    assert len(brekke) == 1
    assert parts.quotes[-1].speaker == brekke[0].id
    # reported speech, too: shifted into the whole text, ids renumbered in order
    assert parts.reported
    assert [(r.start, r.end, r.text) for r in parts.reported] == [
        (r.start, r.end, r.text) for r in whole.reported
    ]
    assert [r.id for r in parts.reported] == [f"r{i}" for i in range(len(parts.reported))]


@pytest.mark.model
@pytest.mark.slow
def test_million_character_article(nlp):
    text = build_article(1_200_000)
    assert len(text) >= 1_200_000
    t0 = time.perf_counter()
    article = quotekit.extract(text, id="long", nlp=nlp)
    elapsed = time.perf_counter() - t0
    print(f"1.2M characters: {elapsed:.1f} s")
    out = article.to_dict()
    assert article_violations(text, out) == []
    assert out["id"] == "long"
    # The distinctive quote of the last paragraph, at the right offsets.
    last = article.quotes[-1]
    assert text[last.start : last.end] == CLOSING[: CLOSING.index(" Brekke")]
    assert last.start == len(text) - len(CLOSING)
    # Brekke, named in the first part and quoted in the last, is one entity.
    brekke = [e for e in article.entities if "Brekke" in e.name]
    assert len(brekke) == 1 and brekke[0].name == "Halvard Brekke"
    assert last.speaker == brekke[0].id
    assert {m.start for m in brekke[0].mentions} >= {0}
    # No quote cut at a split: every quote is a quote of the whole text's scan.
    scanned = {(q.start, q.end) for q in scan(text).quotes}
    assert all((q.start, q.end) in scanned for q in article.quotes)
    assert len(article.quotes) >= 2 * (len(text) // 600)


@pytest.mark.model
@pytest.mark.slow
def test_million_character_single_line(nlp):
    text = " ".join(p.replace("\n", " ") for p in [OPENING] + FILLER * 2_000 + [CLOSING])
    assert "\n" not in text and len(text) > 1_000_000
    article = quotekit.extract(text, nlp=nlp)
    assert article_violations(text, article.to_dict()) == []
    assert text[article.quotes[-1].start :].startswith('"The last lamp')
