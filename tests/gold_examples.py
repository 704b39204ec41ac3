"""Invented gold articles and predictions for the evaluation tests (tests/evaluate/).

Shared by several test files, so it lives in tests/ (on sys.path) as the other
helpers do. All texts here are invented. Expected metrics are computed by hand in
the tests' comments.
"""

from __future__ import annotations

from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared"


def span_of(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return start, start + len(needle)


# ------------------------------------------------------------------ PolNeAR-style gold

P_TEXT = (
    'The mayor said the plan was "bold and overdue" for the city. '
    '"We will build it this year," Mayor Ann Ruiz said. '
    "She added that costs would fall. She smiled.\n"
    '"Nobody will pay more," she said.'
)
Q1 = span_of(P_TEXT, '"We will build it this year,"')
Q2 = span_of(P_TEXT, '"Nobody will pay more,"')
RUIZ = span_of(P_TEXT, "Ann Ruiz")
SHE = span_of(P_TEXT, "she")
MAYOR = span_of(P_TEXT, "The mayor")


def polnear_gold() -> dict:
    return {
        "id": "p1",
        "format": "polnear",
        "text": P_TEXT,
        "attributions": [
            {
                "source": [list(MAYOR)],
                "cue": [],
                "direct": False,
                "content": [list(span_of(P_TEXT, 'the plan was "bold and overdue" for the city'))],
            },
            {"source": [list(RUIZ)], "cue": [], "direct": True, "content": [list(Q1)]},
            {
                "source": [],
                "cue": [],
                "direct": False,
                "content": [list(span_of(P_TEXT, "costs would fall"))],
            },
            {"source": [list(SHE)], "cue": [], "direct": True, "content": [list(Q2)]},
        ],
        "quotes": [
            {"start": Q1[0], "end": Q1[1], "speaker": [list(RUIZ)], "attribution": 1},
            {"start": Q2[0], "end": Q2[1], "speaker": [list(SHE)], "attribution": 3},
        ],
    }


def pq(span, mention=None):
    m = None
    if mention is not None:
        m = {"start": mention[0], "end": mention[1], "text": P_TEXT[mention[0] : mention[1]]}
    return {
        "start": span[0],
        "end": span[1],
        "text": P_TEXT[span[0] + 1 : span[1] - 1],
        "kind": "full",
        "speaker": None,
        "speaker_mention": m,
        "cue": None,
        "via": None,
    }


def pred(quotes, entities=(), sources=()):
    return {
        "id": None,
        "quotes": list(quotes),
        "entities": list(entities),
        "sources": list(sources),
    }


def q(report, key="overlap_0.3"):
    return report["quotes"][key]


# ------------------------------------------ PolNeAR-style gold with reported speech

R_TEXT = (
    "Mayor Ina Berg said the harbour would reopen in May. "
    '"We are ready," Berg told reporters. '
    "Officials said the ferry would run again by June. "
    "Residents hoped the tolls would stay low. "
    "The council voted on Tuesday."
)
R_QUOTE = span_of(R_TEXT, '"We are ready,"')


def _frags(*spans):
    return [list(s) for s in spans]


def reported_gold() -> dict:
    """Four attributions: three indirect (reported speech) and one direct quote."""
    t = R_TEXT
    return {
        "id": "r1",
        "text": t,
        "attributions": [
            {
                "source": _frags(span_of(t, "Mayor Ina Berg")),
                "cue": _frags(span_of(t, "said")),
                "content": _frags(span_of(t, "the harbour would reopen in May")),
                "direct": False,
            },
            {
                "source": _frags(span_of(t, "Berg", 1)),
                "cue": _frags(span_of(t, "told")),
                "content": _frags(R_QUOTE),
                "direct": True,
            },
            {
                "source": _frags(span_of(t, "Officials")),
                "cue": _frags(span_of(t, "said", 1)),
                "content": _frags(span_of(t, "the ferry would run again by June")),
                "direct": False,
            },
            {
                "source": _frags(span_of(t, "Residents")),
                "cue": _frags(span_of(t, "hoped")),
                "content": _frags(span_of(t, "the tolls would stay low")),
                "direct": False,
            },
        ],
        "quotes": [
            {
                "start": R_QUOTE[0],
                "end": R_QUOTE[1],
                "speaker": _frags(span_of(t, "Berg", 1)),
                "attribution": 1,
            }
        ],
    }


def _mention(span):
    return {"start": span[0], "end": span[1], "text": R_TEXT[span[0] : span[1]]}


def reported_prediction() -> dict:
    """The quote and the Mayor's reported speech right; the officials' found with the
    wrong speaker; the residents' missed; the council's vote a false positive. So, by
    hand: 4 gold, 4 counted, 3 found (1 direct of 1, 2 indirect of 3), sources right 2,
    cues right 3."""
    t = R_TEXT

    def said(rid, content, source, cue):
        s, e = span_of(t, content)
        return {
            "id": rid,
            "start": s,
            "end": e,
            "text": t[s:e],
            "speaker": None,
            "speaker_mention": _mention(span_of(t, *source)),
            "cue": _mention(span_of(t, *cue)),
            "via": None,
        }

    quote = pq(R_QUOTE)
    quote.update(
        text=t[R_QUOTE[0] + 1 : R_QUOTE[1] - 1],
        speaker_mention=_mention(span_of(t, "Berg", 1)),
        cue=_mention(span_of(t, "told")),
    )
    out = pred([quote])
    out["reported"] = [
        said("r0", "the harbour would reopen in May", ("Ina Berg",), ("said",)),
        said("r1", "the ferry would run again", ("The council",), ("said", 1)),
        said("r2", "The council voted on Tuesday", ("The council",), ("voted",)),
    ]
    return out


# -------------------------------------------------------------------- article gold

A_TEXT = (
    "LONDON (Newswire) - Finance minister Carla Mendes said on Monday that "
    '"the budget is balanced." "We have no plans to raise taxes," Mendes told the '
    'Daily Courier. A spokesman for the Treasury called the figures "encouraging".\n'
    "Officials in France and Spain declined to comment."
)


def article_gold() -> dict:
    return {
        "id": "a1",
        "format": "article",
        "text": A_TEXT,
        "quotes": [
            {
                "text": "the budget is balanced.",
                "speaker": "Carla Mendes",
                "via": None,
                "kind": "partial",
            },
            {
                "text": "We have no plans to raise taxes,",
                "speaker": "Carla Mendes",
                "via": "Daily Courier",
                "kind": "full",
            },
            {
                "text": "encouraging",
                "speaker": "a spokesman for the Treasury",
                "via": None,
                "kind": "partial",
            },
        ],
        "entities": [
            {
                "name": "Carla Mendes",
                "type": "PERSON",
                "aliases": ["Carla Mendes", "Mendes"],
                "titles": ["Finance minister"],
                "affiliation": None,
            },
            {"name": "France", "type": "COUNTRY", "iso": "FR", "aliases": ["France"]},
            {"name": "Spain", "type": "COUNTRY", "iso": "ES", "aliases": ["Spain", "Madrid"]},
            {"name": "Treasury", "type": "ORG", "aliases": ["Treasury"]},
            {"name": "Daily Courier", "type": "ORG", "aliases": ["Daily Courier"]},
            {"name": "Newswire", "type": "ORG", "aliases": ["Newswire"]},
        ],
        "sources": [
            {
                "name": "Newswire",
                "kind": "news_agency",
                "aliases": ["Newswire"],
                "roles": ["dateline"],
            },
            {
                "name": "Daily Courier",
                "kind": "newspaper",
                "aliases": ["Daily Courier"],
                "roles": ["cited"],
            },
        ],
    }


def aq(content, speaker=None, mention=None, via=None, kind="full"):
    """A predicted quote around ``content`` (marks assumed one char either side)."""
    s, e = span_of(A_TEXT, content)
    m = None
    if mention is not None:
        ms, me = span_of(A_TEXT, mention)
        m = {"start": ms, "end": me, "text": mention}
    return {
        "start": s - 1,
        "end": e + 1,
        "text": content,
        "kind": kind,
        "speaker": speaker,
        "speaker_mention": m,
        "cue": None,
        "via": via,
    }


def ent(eid, etype, name, aliases, iso=None):
    return {
        "id": eid,
        "type": etype,
        "name": name,
        "aliases": aliases,
        "mentions": [],
        "titles": [],
        "affiliation": None,
        "iso": iso,
    }


def article_perfect_prediction() -> dict:
    return pred(
        [
            aq("the budget is balanced", "e0", "Carla Mendes", kind="partial"),
            aq("We have no plans to raise taxes", "e0", "Mendes", via="s1"),
            aq("encouraging", None, "A spokesman for the Treasury", kind="partial"),
        ],
        entities=[
            ent("e0", "PERSON", "Carla Mendes", ["Carla Mendes", "Mendes"]),
            ent("e1", "COUNTRY", "France", ["France"], "FR"),
            ent("e2", "COUNTRY", "Spain", ["Spain", "Madrid"], "ES"),
            ent("e3", "ORG", "Treasury", ["Treasury"]),
            ent("e4", "ORG", "Daily Courier", ["Daily Courier"]),
            ent("e5", "ORG", "Newswire", ["Newswire"]),
        ],
        sources=[
            {
                "id": "s0",
                "name": "Newswire",
                "kind": "news_agency",
                "roles": ["dateline"],
                "mentions": [],
            },
            {
                "id": "s1",
                "name": "Daily Courier",
                "kind": "newspaper",
                "roles": ["cited"],
                "mentions": [],
            },
        ],
    )
