"""Shared Hypothesis strategies: news-like texts and hostile input.

``news_texts`` builds short articles out of invented people, places, news
organisations, reporting verbs and quotations in every mark style (with stray
apostrophes, unbalanced marks and paragraph breaks); ``hostile_texts`` is
arbitrary Unicode with control characters, NUL, bidi controls, emoji, astral
characters, lone surrogates (a Python str may hold them; JSON too), HTML fragments
and long runs of marks; ``truncated_texts`` are news-like texts cut off anywhere,
or ending in a reporting phrase cut short ("... in an interview with the").
``any_text`` mixes news-like and hostile texts, ``robust_texts`` all three. Texts are kept short: the model-backed pipeline costs
5-20 ms a text and each property runs 2,000 examples.
"""

from __future__ import annotations

from hypothesis import strategies as st

#: Every quotation mark quotekit knows, and the other characters that look like one.
MARKS = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e\u201a\u2039\u203a"
LOOKALIKES = "`\u00b4\u2032\u2033\u300c\u300d\uff02"
#: (opening, closing) pairs of the styles.
PAIRS = [
    ('"', '"'),
    ("\u201c", "\u201d"),
    ("'", "'"),
    ("\u2018", "\u2019"),
    ("\u00ab", "\u00bb"),
    ("\u00ab ", " \u00bb"),
    ("\u201e", "\u201c"),
    ("\u201a", "\u2018"),
    ("\u2039", "\u203a"),
    ("''", "''"),
]
#: Invented people, with titles; nobody real.
PEOPLE = [
    "Jane Doe",
    "Marta Kowalczyk",
    "Tomas Brennan",
    "Dr Amina Yusuf",
    "Mr Okafor",
    "Ana Mar\u00eda L\u00f3pez",
    "Prime Minister Lars Eklund",
    "Sen. Ruth Abernathy",
    "the spokesman",
    "a senior official",
    "Chen Wei",
    "O'Neill",
    "Jean-Luc Marchetti",
    "Okafor, 54,",
    "The mayor of Port Elm, Jane Doe,",
]
PRONOUNS = ["he", "she", "they", "it", "He", "She", "We", "I"]
VERBS = [
    "said",
    "says",
    "told reporters",
    "added",
    "warned",
    "asked",
    "wrote",
    "insisted",
    "explained",
    "told the Harbour Herald",
    "told Reuters",
    "told AFP",
    "said in a statement",
    "tweeted",
    "grumbled",
    "harrumphed",
    "noted",
]
PLACES = [
    "France",
    "the UK",
    "Britain",
    "Kenya",
    "the United States",
    "Moscow",
    "Brazilian",
    "Port Elm",
    "Russia's",
    "the EU",
    "NATO",
    "the UN",
    "the Norland Dairy Cooperative (NDC)",
    "Acme Corp",
]
SOURCES = [
    "Reuters",
    "AFP",
    "the BBC",
    "the Associated Press",
    "Al Jazeera",
    "CNN",
    "the New York Times",
    "Interfax",
    "the Harbour Herald",
]
WORDS = [
    "the",
    "council",
    "voted",
    "on",
    "Tuesday",
    "it's",
    "dogs'",
    "'90s",
    "\u2019tis",
    "o'clock",
    "rock 'n' roll",
    "won't",
    "ferry",
    "plan",
    "so-called",
    "40%",
    "\u00a33m",
    "and",
    "in",
    "of",
    "a",
    "new",
    "terminal",
    "would",
    "open",
    "spring",
    "U.S.",
]
SPACES = [" ", " ", " ", "  ", "\n", "\n\n", "\r\n", "\t", "\u00a0", "\n\n\n"]
PUNCT = list(".,;:!?()[]\u2014\u2013-/\u2026")
HTML = [
    "<p>",
    "</p>",
    "<b>",
    "</b>",
    '<a href="x">',
    "</a>",
    "<br/>",
    "&amp;",
    "&quot;",
    '<tweet a="',
    '">',
    "<!-- c -->",
]

_words = st.lists(st.sampled_from(WORDS), min_size=1, max_size=8).map(" ".join)
_pair = st.sampled_from(PAIRS)
_speaker = st.sampled_from(PEOPLE + PRONOUNS)
_verb = st.sampled_from(VERBS)


@st.composite
def _quoted_sentence(draw) -> str:
    """One quotation with or without attribution, in one of several orders."""
    open_, close = draw(_pair)
    content = draw(_words)
    if draw(st.booleans()):
        content = content[:1].upper() + content[1:]
    end = draw(st.sampled_from([",", ".", "", "?", "!", ",\u2026"]))
    quote = f"{open_}{content}{end}{close}"
    if draw(st.integers(0, 9)) == 0:  # leave it open or closed with a foreign mark
        quote = quote[: -len(close)] + draw(st.sampled_from(["", *MARKS]))
    who, verb = draw(_speaker), draw(_verb)
    form = draw(st.integers(0, 5))
    if form == 0:
        return f"{quote} {who} {verb}."
    if form == 1:
        return f"{who} {verb}: {quote}"
    if form == 2:
        return f"{who} {verb} the plan was {quote} and {draw(_words)}."
    if form == 3:
        return f"{quote} {verb} {who}. {open_}{draw(_words)}.{close}"
    if form == 4:
        return f"According to {draw(st.sampled_from(SOURCES))}, {who} {verb} {quote}"
    return quote


_chunk = st.one_of(
    _quoted_sentence(),
    _words.map(lambda w: w[:1].upper() + w[1:] + "."),
    st.sampled_from(PEOPLE),
    st.sampled_from(PLACES),
    st.sampled_from(SOURCES),
    st.sampled_from(PRONOUNS),
    _verb,
    st.sampled_from(list(MARKS)),
    st.sampled_from(PUNCT),
    st.sampled_from(SPACES),
    st.builds(
        lambda s, d: f"{s.upper()} ({d}) -",
        st.sampled_from(["LONDON", "PARIS"]),
        st.sampled_from(SOURCES),
    ),
)

#: Short news-like articles (up to ~20 pieces, usually 50-600 characters).
news_texts = st.lists(st.tuples(_chunk, st.sampled_from(SPACES)), max_size=20).map(
    lambda parts: "".join(a + b for a, b in parts)
)

#: Any code point except surrogates (which a Python str from a file cannot hold).
_any_char = st.characters(codec="utf-8")
_weird = st.sampled_from(
    [
        "\x00",
        "\x01",
        "\x07",
        "\x0b",
        "\x0c",
        "\x1b",
        "\x7f",
        "\x85",
        "\u2028",
        "\u2029",
        "\u200b",
        "\u200d",
        "\u200e",
        "\u200f",
        "\u202a",
        "\u202b",
        "\u202e",
        "\u2066",
        "\u2069",
        "\ufeff",
        "\ufffd",
        "\U0001f600",
        "\U0001f1ec\U0001f1e7",
        "\U0001f44d\U0001f3fd",
        "\u05e9\u05dc\u05d5\u05dd",
        "\u0645\u0631\u062d\u0628\u0627",
        "\u0301",
        "\u00e9",
        "\U00010348",
        "\U000e0001",
    ]
)
_mark_run = st.builds(
    lambda c, n: c * n, st.sampled_from(list(MARKS + LOOKALIKES)), st.integers(2, 120)
)
_mixed_run = st.text(alphabet=MARKS + " \n", min_size=5, max_size=120)

#: Lone surrogates: not encodable in UTF-8 (spaCy raised UnicodeEncodeError on them).
_surrogates = st.text(
    st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF), min_size=1, max_size=3
)

#: Hostile input: arbitrary Unicode, control characters, lone surrogates, HTML, long
#: runs of marks.
hostile_texts = st.lists(
    st.one_of(
        st.text(_any_char, max_size=20),
        _weird,
        _surrogates,
        _mark_run,
        _mixed_run,
        st.sampled_from(HTML),
        st.sampled_from(SPACES),
        _quoted_sentence(),
    ),
    max_size=8,
).map("".join)

#: Reporting phrases that a text may end in, cut short (a text ending "... in an
#: interview with the" once raised IndexError in the sources component).
REPORTING_PHRASES = [
    "said in an interview with the Harbour Herald",
    "told the BBC in an interview",
    "according to a report by the Associated Press",
    "said, according to Reuters",
    "told reporters at a news conference",
    "said in a statement to AFP",
    "was quoted by Interfax as saying",
    "wrote in a column for the New York Times",
    "speaking to Al Jazeera",
    "citing sources close to the talks",
]
_cut_phrase = st.builds(
    lambda phrase, k: phrase[:k], st.sampled_from(REPORTING_PHRASES), st.integers(1, 50)
)

#: News-like texts cut off anywhere, or ending in a reporting phrase cut short.
truncated_texts = st.one_of(
    st.builds(lambda t, f: t[: int(len(t) * f)], news_texts, st.floats(0, 1)),
    st.builds(lambda t, who, p: f"{t}{who} {p}", news_texts, _speaker, _cut_phrase),
)

#: Either kind.
any_text = st.one_of(news_texts, hostile_texts)

#: Everything: news-like, hostile (surrogates, control characters) and cut off.
robust_texts = st.one_of(news_texts, hostile_texts, truncated_texts)
