"""Table tests for the quotation-mark scanner (all sentences written for these tests)."""

from __future__ import annotations

import random

import pytest

from quotekit.components._quotes import MarkedSpan, ScanResult, scan
from quotekit.text.quotemarks import ALL_STYLES, OPENING_MARKS

# (id, text, expected quotes as [(span text with marks, kind)], expected terms as span texts)
# A terms entry of None means "not checked".
CASES = [
    # ---- each mark style ------------------------------------------------------------
    (
        "straight-full",
        'He said: "We will win the vote."',
        [('"We will win the vote."', "full")],
        [],
    ),
    (
        "curly-full",
        "“We will win the vote,” the mayor said.",
        [("“We will win the vote,”", "full")],
        [],
    ),
    (
        "single-curly-full",
        "‘We will win the vote,’ the mayor said.",
        [("‘We will win the vote,’", "full")],
        [],
    ),
    (
        "single-straight-full",
        "'We will win the vote,' the mayor said.",
        [("'We will win the vote,'", "full")],
        [],
    ),
    (
        "guillemets",
        "Le maire a dit : « Nous allons gagner le vote. »",
        [("« Nous allons gagner le vote. »", "full")],
        [],
    ),
    (
        "guillemets-tight",
        "The mayor said: «We will win the vote.»",
        [("«We will win the vote.»", "full")],
        [],
    ),
    (
        "german-low9",
        "Der Bürgermeister sagte: „Wir werden die Wahl gewinnen.“ Dann ging er.",
        [("„Wir werden die Wahl gewinnen.“", "full")],
        [],
    ),
    (
        "polish-low9",
        "Burmistrz powiedział: „Wygramy to głosowanie.” I wyszedł.",
        [("„Wygramy to głosowanie.”", "full")],
        [],
    ),
    (
        "single-low9",
        "Er sagte: ‚Wir gewinnen die Abstimmung.‘ Dann ging er.",
        [("‚Wir gewinnen die Abstimmung.‘", "full")],
        [],
    ),
    (
        "single-guillemets",
        "Il a dit : ‹ Nous gagnerons tous les votes. ›",
        [("‹ Nous gagnerons tous les votes. ›", "full")],
        [],
    ),
    (
        "reversed-german-guillemets",
        "Er sagte: »Wir werden die Wahl gewinnen.« Dann ging er.",
        [("»Wir werden die Wahl gewinnen.«", "full")],
        [],
    ),
    (
        "double-single-straight",
        "''This is not what we promised,'' the senator said.",
        [("''This is not what we promised,''", "full")],
        [],
    ),
    (
        "mixed-straight-close",
        '“We will not back down," the union leader said.',
        [('“We will not back down,"', "full")],
        [],
    ),
    (
        "misdirected-curly-open",
        "The chair said: ”We are done for the day.”",
        [("”We are done for the day.”", "full")],
        [],
    ),
    (
        "two-quotes-one-line",
        '"Go home," she said. "Now."',
        [('"Go home,"', "full"), ('"Now."', "full")],
        [],
    ),
    (
        "split-by-attribution",
        '"The plan," he said, "is simply not good enough."',
        [('"The plan,"', "full"), ('"is simply not good enough."', "partial")],
        [],
    ),
    (
        "after-colon-no-space",
        'The note read:"Back at noon, do not wait for me."',
        [('"Back at noon, do not wait for me."', "full")],
        [],
    ),
    (
        "quote-in-parens",
        'The minister (who said "we acted in good faith") resigned.',
        [('"we acted in good faith"', "partial")],
        [],
    ),
    (
        "after-dash",
        'Her answer—"we never agreed to that deal"—surprised them.',
        [('"we never agreed to that deal"', "partial")],
        [],
    ),
    (
        "question-quote",
        "“Where is the money going?” asked one resident.",
        [("“Where is the money going?”", "full")],
        [],
    ),
    (
        "exclaim-chant",
        'The crowd chanted "Lock the gates!" for an hour.',
        [('"Lock the gates!"', "partial")],
        [],
    ),
    # ---- apostrophes ----------------------------------------------------------------
    ("apostrophe-its", "It's a fine day and the dog's bowl is full.", [], []),
    ("apostrophe-curly-inword", "It’s a fine day and we don’t mind.", [], []),
    ("apostrophe-plural-possessive", "The dogs' bowls are full and the cats' are empty.", [], []),
    ("apostrophe-oclock", "We met at five o'clock and left at six o’clock.", [], []),
    ("rock-n-roll", "They played rock 'n' roll all night and the crowd loved it.", [], []),
    ("rock-n-roll-curly", "They played rock ’n’ roll all night long.", [], []),
    ("nineties", "Back in the '90s the firm was small; by the ’00s it had grown.", [], []),
    ("nineties-wrong-mark", "Back in the ‘90s the firm was small.", [], []),
    ("tis", "’Tis the season, and 'twas a good year.", [], []),
    ("em", "Catch ’em all, and let 'em go.", [], []),
    ("jones-cow", "Jones' cow ate the farmers' grain.", [], []),
    (
        "apostrophe-in-quote",
        "\"It's the farmers' money,\" she said.",
        [("\"It's the farmers' money,\"", "full")],
        [],
    ),
    (
        "curly-apostrophe-in-single-quote",
        "‘We don’t know what they’ll do,’ he said.",
        [("‘We don’t know what they’ll do,’", "full")],
        [],
    ),
    (
        "possessive-inside-single-quote",
        "‘The workers’ pay must rise this year,’ he said.",
        [("‘The workers’ pay must rise this year,’", "full")],
        [],
    ),
    (
        "apostrophe-then-quote",
        "The boss's view: 'We cannot pay more than this.'",
        [("'We cannot pay more than this.'", "full")],
        [],
    ),
    (
        "inch-mark",
        'The 12" screen costs more. "It sells well," he said.',
        [('"It sells well,"', "full")],
        [],
    ),
    # ---- nesting ----------------------------------------------------------------------
    (
        "single-in-double",
        "\"He told me 'never again' and left,\" she said.",
        [("\"He told me 'never again' and left,\"", "full")],
        [],
    ),
    (
        "double-in-single",
        "‘He said “never again” and left,’ she said.",
        [("‘He said “never again” and left,’", "full")],
        [],
    ),
    (
        "guillemets-in-curly",
        "“They shouted «à bas» at us,” he said.",
        [("“They shouted «à bas» at us,”", "full")],
        [],
    ),
    (
        "curly-in-straight",
        '"The sign said “keep out” so we left," he said.',
        [('"The sign said “keep out” so we left,"', "full")],
        [],
    ),
    (
        "nested-at-end",
        "“My friend said ‘if only you had the money’,” he recalled.",
        [("“My friend said ‘if only you had the money’,”", "full")],
        [],
    ),
    (
        "same-style-nested-straight",
        'He said: "They called it "absurd" and walked out."',
        [('"They called it "absurd" and walked out."', "full")],
        [],
    ),
    # ---- multi-paragraph --------------------------------------------------------------
    (
        "multipara-straight",
        'He said: "We built this town.\n\n"We will rebuild it, brick by brick."\n\nThen he left.',
        [('"We built this town.\n\n"We will rebuild it, brick by brick."', "full")],
        [],
    ),
    (
        "multipara-curly",
        "She said: “We built this town.\n\n“We will rebuild it.\n\n“And we will not stop.”\n\nEnd.",
        [("“We built this town.\n\n“We will rebuild it.\n\n“And we will not stop.”", "full")],
        [],
    ),
    (
        "multipara-single-newline",
        "He said: “First part of it.\n“Second part of it,” he added.",
        [("“First part of it.\n“Second part of it,”", "full")],
        [],
    ),
    (
        "multipara-crlf",
        'He said: "First part of it.\r\n\r\n"Second part of it."\r\n',
        [('"First part of it.\r\n\r\n"Second part of it."', "full")],
        [],
    ),
    (
        "multipara-then-new-quote",
        '"One paragraph only," he said.\n\n"A new quote here," she said.',
        [('"One paragraph only,"', "full"), ('"A new quote here,"', "full")],
        [],
    ),
    (
        "multipara-not-continued",
        'He said: "This quote is never closed.\n\nThe writer carries on here.',
        [('"This quote is never closed.', "full")],
        [],
    ),
    (
        "multipara-style-change",
        'The paper wrote: "Her first words.\n\n“Other words,” she said.',
        [('"Her first words.', "full"), ("“Other words,”", "full")],
        [],
    ),
    # ---- lost paragraph breaks --------------------------------------------------------
    (
        "lost-break-straight",
        '"First part of it. "Second part of it," he said.',
        [('"First part of it. "Second part of it,"', "full")],
        [],
    ),
    (
        "lost-break-three",
        'He said: "One. "Two and more. "Three," he said. Then he left.',
        [('"One. "Two and more. "Three,"', "full")],
        [],
    ),
    (
        "lost-break-curly",
        "“We came here. “We stayed,” she said.",
        [("“We came here. “We stayed,”", "full")],
        [],
    ),
    (
        "lost-break-question",
        '"Why now? "Because we can," he said.',
        [('"Why now? "Because we can,"', "full")],
        [],
    ),
    (
        "lost-break-unclosed",
        'He said: "One thing. "Another thing.\n\nThe end of it.',
        [('"One thing. "Another thing.', "full")],
        [],
    ),
    # ---- unbalanced marks stay in their paragraph -------------------------------------
    (
        "unclosed-then-normal",
        'He said "this never closes\n\nShe said: "Fine by me." And left.',
        [('"this never closes', "partial"), ('"Fine by me."', "full")],
        [],
    ),
    ("stray-closer", 'The game ended." Later she said: "We lost."', [('"We lost."', "full")], []),
    (
        "stray-opener-promotes-inner",
        'He said "it was "great" for us, and he left.\n\n"Next," she said.',
        [('"great"', "partial"), ('"Next,"', "full")],
        [],
    ),
    (
        "unclosed-curly",
        "“This is not closed\n\n“This is,” she said.",
        [("“This is not closed\n\n“This is,”", "full")],
        [],
    ),
    (
        "unclosed-single-straight-dropped",
        "Jones' cow and the dogs' bowls.\n\n\"Yes,\" he said.",
        [('"Yes,"', "full")],
        [],
    ),
    (
        "odd-marks-paragraph",
        'A "b" c "d e.\n\nShe said the plan was "fine" for now.',
        [('"d e.', "partial"), ('"fine"', "partial")],
        ['"b"'],
    ),
    (
        "odd-marks-continue-by-convention",
        'A "b" c "d e.\n\n"Second paragraph is fine," he said.',
        [('"d e.\n\n"Second paragraph is fine,"', "partial")],
        ['"b"'],
    ),
    (
        "trailing-space-unclosed",
        'He said: "We never close this one.   \n\nNext.',
        [('"We never close this one.', "full")],
        [],
    ),
    ("empty-quotes", 'He typed "" and then " " and left.', [], []),
    ("only-marks", "\"\"\"'''“”‘’«»", [], []),
    # ---- titles, nicknames, scare quotes ---------------------------------------------
    ("so-called", 'The so-called "war on terror" dragged on.', [], ['"war on terror"']),
    (
        "contract-with-america",
        'It was part of his "Contract with America" in 1994.',
        [],
        ['"Contract with America"'],
    ),
    (
        "tv-show-possessive",
        "He appeared on CBS's “Face the Nation” on Sunday.",
        [],
        ["“Face the Nation”"],
    ),
    (
        "film-title",
        'She starred in the film "The Long Road Home" last year.',
        [],
        ['"The Long Road Home"'],
    ),
    ("book-titled", 'His memoir, titled "Hard Roads," sold well.', [], ['"Hard Roads,"']),
    ("nickname", 'Robert "Bobby" Scott opened the event.', [], ['"Bobby"']),
    (
        "nickname-dubbed",
        'Critics dubbed him "the little senator" for weeks.',
        [],
        ['"the little senator"'],
    ),
    ("scare-quote-one-word", 'The firm sells "magic" pills online.', [], ['"magic"']),
    (
        "scare-quote-modifier",
        'Activists joined the "opt-out" movement in spring.',
        [],
        ['"opt-out"'],
    ),
    ("known-as", 'The measure, known as the "Buffett rule", failed.', [], ['"Buffett rule"']),
    (
        "subheading-single",
        "He left the room.\n\n'A Change of Heart.'\n\nThe next day came.",
        [],
        ["'A Change of Heart.'"],
    ),
    (
        "song-title",
        "The band played the song “Here Comes the Sun” twice.",
        [],
        ["“Here Comes the Sun”"],
    ),
    # ---- partial quotes that are real quotations -------------------------------------
    (
        "called-very-dangerous",
        "She called the initiative “very dangerous”.",
        [("“very dangerous”", "partial")],
        [],
    ),
    (
        "deeply-saddened",
        'He said he was "deeply saddened" by the news.',
        [('"deeply saddened"', "partial")],
        [],
    ),
    (
        "described-as",
        'The mayor described the plan as "a disaster for the city".',
        [('"a disaster for the city"', "partial")],
        [],
    ),
    (
        "warned-partial",
        'Officials warned of "serious consequences" if talks failed.',
        [('"serious consequences"', "partial")],
        [],
    ),
    (
        "partial-with-pronoun",
        'She insisted the team was "ready for anything we face".',
        [('"ready for anything we face"', "partial")],
        [],
    ),
    (
        "partial-long",
        (
            'The report found the policy had "failed to protect the most '
            'vulnerable people in the region".'
        ),
        [('"failed to protect the most vulnerable people in the region"', "partial")],
        [],
    ),
    (
        "partial-then-full",
        'He called it "a mistake". "We will fix it soon," he added.',
        [('"a mistake"', "partial"), ('"We will fix it soon,"', "full")],
        [],
    ),
    (
        "full-one-word-attributed",
        '"Absolutely," he said when asked.',
        [('"Absolutely,"', "full")],
        [],
    ),
    ("full-title-case-said", "“Never Again,” she said firmly.", [("“Never Again,”", "full")], []),
    (
        "full-after-colon-title-case",
        'They had one message: "Stop The Cuts."',
        [('"Stop The Cuts."', "full")],
        [],
    ),
    (
        "full-contraction-title",
        "“That’s Not How It Works.” The room went quiet.",
        [("“That’s Not How It Works.”", "full")],
        [],
    ),
    (
        "full-multi-sentence",
        '"We tried. We failed. We will try again," said the coach.',
        [('"We tried. We failed. We will try again,"', "full")],
        [],
    ),
    (
        "full-paragraph-start-comma",
        '"If you continue, you destroy it," Rep. Smith said.',
        [('"If you continue, you destroy it,"', "full")],
        [],
    ),
    (
        "markup-attributes",
        '<tweet author="someone" date="March 1">He said they "totally disagree" with it.</tweet>',
        [('"totally disagree"', "partial")],
        [],
    ),
    ("attribute-without-closing-tag", 'See tweet-id="12345" for the post.', [], None),
]


def _check(text, quotes, terms):
    res = scan(text)
    got = [(text[q.start : q.end], q.kind) for q in res.quotes]
    assert got == quotes
    if terms is not None:
        assert [text[t.start : t.end] for t in res.terms] == terms
    return res


@pytest.mark.parametrize("name,text,quotes,terms", CASES, ids=[c[0] for c in CASES])
def test_scan_table(name, text, quotes, terms):
    _check(text, quotes, terms)


def test_case_count():
    assert len(CASES) >= 80


# ---- details of the spans ---------------------------------------------------------------


def test_span_fields_closed():
    text = "She called it “very dangerous”."
    (q,) = scan(text).quotes
    assert q == MarkedSpan(
        start=14,
        end=30,
        content_start=15,
        content_end=29,
        kind="partial",
        closed=True,
        depth=0,
        style="double_curly",
    )
    assert text[q.content_start : q.content_end] == "very dangerous"


def test_span_fields_unclosed():
    text = 'He said "this never closes  \n\nNext paragraph.'
    (q,) = scan(text).quotes
    assert not q.closed
    assert text[q.start : q.end] == '"this never closes'
    assert q.content_end == q.end
    assert text[q.end - 1] == "s"


def test_multiparagraph_fields():
    text = 'A said: "One.\n\n"Two."'
    (q,) = scan(text).quotes
    assert q.closed and q.style == "double_straight"
    assert text[q.content_start : q.content_end] == 'One.\n\n"Two.'


def test_nested_reported():
    text = "“He said ‘never again’ and «jamais» too,” she said."
    res = scan(text)
    assert [text[n.start : n.end] for n in res.nested] == ["‘never again’", "«jamais»"]
    assert all(n.depth == 1 for n in res.nested)
    assert [n.style for n in res.nested] == ["single_curly", "guillemets"]


def test_nested_depth_two():
    text = "“He said ‘she told me «non» twice’ and left,” she said."
    res = scan(text)
    assert [(text[n.start : n.end], n.depth) for n in res.nested] == [
        ("‘she told me «non» twice’", 1),
        ("«non»", 2),
    ]


def test_styles_filter():
    text = '“Curly words here,” he said. "Straight words here," she said.'
    only_straight = scan(text, frozenset({"double_straight"}))
    assert [text[q.start : q.end] for q in only_straight.quotes] == ['"Straight words here,"']
    assert scan(text, frozenset()).quotes == ()


def test_double_single_straight_style():
    text = "''We are ready,'' he said."
    (q,) = scan(text).quotes
    assert q.style == "double_straight"
    assert text[q.content_start : q.content_end] == "We are ready,"


def test_result_types():
    res = scan("nothing here")
    assert isinstance(res, ScanResult)
    assert res == ScanResult((), (), ())
    assert scan("") == ScanResult((), (), ())


def test_all_styles_constant():
    assert ALL_STYLES == frozenset(
        {
            "double_straight",
            "double_curly",
            "single_straight",
            "single_curly",
            "guillemets",
            "low9",
            "single_guillemets",
        }
    )


def test_damage_stays_in_paragraph():
    good = 'He said: "First quote here."\n\nShe said: "Second quote here."'
    bad = 'A stray " mark here and "another one.\n\n' + good
    res_good = scan(good)
    res_bad = scan(bad)
    shift = len(bad) - len(good)
    tail = [(q.start - shift, q.end - shift, q.kind) for q in res_bad.quotes if q.start >= shift]
    assert tail == [(q.start, q.end, q.kind) for q in res_good.quotes]


def _valid(text: str, res: ScanResult) -> None:
    prev_end = -1
    for q in res.quotes:
        assert 0 <= q.start < q.content_start <= q.content_end <= q.end <= len(text)
        assert text[q.start] in OPENING_MARKS
        assert q.start >= prev_end
        prev_end = q.end
    for n in res.nested:
        assert any(q.start < n.start and n.end <= q.end for q in res.quotes)


def test_linear_random_marks():
    rng = random.Random(1234)
    marks = "\"'“”‘’«»„‚‹›"
    text = "".join(rng.choice(marks) for _ in range(20_000))
    _valid(text, scan(text))
    mixed = "".join(rng.choice(marks + "ab .\n") for _ in range(20_000))
    _valid(mixed, scan(mixed))
    spaced = " ".join(rng.choice(marks) + rng.choice(["a", "", "b."]) for _ in range(20_000))
    _valid(spaced, scan(spaced))
    openers = "x " + " ".join(["“a", '"a', "«a", "‘a"] * 5000)
    _valid(openers, scan(openers))


# ---- errors ----------------------------------------------------------------------------


def test_a_bug_in_the_scanner_surfaces(monkeypatch):
    """The scanner used to turn any exception into an empty result; a bug now surfaces."""
    from quotekit.components._quotes import scanner

    def broken(*args, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr(scanner, "classify", broken)
    with pytest.raises(RuntimeError, match="a bug"):
        scan('"We will win," she said.')
    assert scan("no marks here") == ScanResult((), (), ())


def test_non_text_gives_an_empty_result():
    assert scan(None) == ScanResult((), (), ())  # type: ignore[arg-type]
    assert scan(b'"bytes"') == ScanResult((), (), ())  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "text, scare",
    [
        ('Its pills are "magic" for sure.', True),  # a few lower-case words
        ('The so-called "war on terror" dragged on.', False),  # a named thing
        ('The firm sells "magic" pills online.', False),  # a modifier
    ],
)
def test_scare_quotes_are_terms_marked_scare(text, scare):
    """A scare-quote term is told from other terms: the attribution may keep it."""
    result = scan(text)
    assert [t.kind for t in result.terms] == ["term"]
    assert result.terms[0].scare is scare
