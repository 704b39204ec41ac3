"""Invented articles and hand-made records for the schema, table and Parquet tests.

Nobody and nothing here is real. Together the texts give quotes with and without
a speaker, with a ``via`` source, a partial quote, a quote over two paragraphs
(its text holds a newline, a quotation mark and a comma), an unattributed quote,
a dateline and a cited source, a country with its ISO code, people with titles
and an affiliation, and reported speech (with a named speaker, and with only a
description of one).
"""

from __future__ import annotations

import copy
from typing import Any

HARBOUR = (
    "PORT ELM, Norway (Reuters) - The harbour will close for repairs, officials said on "
    "Monday.\n\n"
    '"We cannot keep ships waiting for ever, but safety comes first," Harbour Master '
    "Jane Doe told reporters.\n\n"
    'She added that the work would "take weeks, not months".\n\n'
    "Norwegian Transport Minister Lars Eklund told the Interfax news agency: "
    '"We will help the town, and we will pay."'
)
FACTORY = (
    "Acme Corp said on Tuesday it would cut 200 jobs.\n\n"
    '"This was a hard decision," chief executive Marta Kowalczyk said in a statement, '
    'adding that the company had "no other choice".\n\n'
    'Unions in Kenya called the move "a betrayal, plain and simple," according to the '
    "Harbour Herald."
)
WINTER = (
    '"Nobody saw this coming."\n\n'
    "The town of Port Elm was quiet on Sunday, and the mayor's office, which called "
    'the closure "regrettable, but necessary," did not comment further.\n\n'
    '"It will be a long winter.\n\n'
    '"We will get through it," said Tomas Brennan, 54, a fisherman.'
)
EMPTY = "The council meets again on Thursday."
TEXTS = {"harbour": HARBOUR, "factory": FACTORY, "winter": WINTER, "empty": EMPTY}

#: A hand-made article record with every kind of value (nulls included).
RECORD: dict[str, Any] = {
    "id": "hand-1",
    "quotes": [
        {
            "id": "q0",
            "start": 0,
            "end": 30,
            "text": 'We said, "no",\nand\r\nwe left',
            "kind": "full",
            "speaker": "e0",
            "speaker_mention": {"start": 31, "end": 39, "text": "Jane Doe"},
            "cue": {"start": 40, "end": 44, "text": "said"},
            "via": "s0",
            "rule": "cue",
        },
        {
            "id": "q1",
            "start": 50,
            "end": 60,
            "text": "odd, words",
            "kind": "partial",
            "speaker": None,
            "speaker_mention": None,
            "cue": None,
            "via": None,
            "rule": None,
        },
    ],
    "reported": [
        {
            "id": "r0",
            "start": 110,
            "end": 140,
            "text": "the harbour would close, soon",
            "speaker": "e0",
            "speaker_mention": {"start": 31, "end": 39, "text": "Jane Doe"},
            "cue": {"start": 105, "end": 109, "text": "said"},
            "via": "s0",
        },
        {
            "id": "r1",
            "start": 150,
            "end": 166,
            "text": "costs would fall",
            "speaker": None,
            "speaker_mention": None,
            "cue": None,
            "via": None,
        },
    ],
    "entities": [
        {
            "id": "e0",
            "type": "PERSON",
            "name": "Jane Doe",
            "aliases": ["Jane Doe", "Doe"],
            "mentions": [{"start": 31, "end": 39, "text": "Jane Doe"}],
            "titles": ["Harbour Master"],
            "affiliation": "Norway",
            "iso": None,
        },
        {
            "id": "e1",
            "type": "COUNTRY",
            "name": "Norway",
            "aliases": ["Norway"],
            "mentions": [
                {"start": 70, "end": 76, "text": "Norway"},
                {"start": 80, "end": 89, "text": "Norwegian"},
            ],
            "titles": [],
            "affiliation": None,
            "iso": "NO",
        },
    ],
    "sources": [
        {
            "id": "s0",
            "name": "Harbour Herald",
            "kind": "newspaper",
            "roles": ["cited", "credit"],
            "mentions": [{"start": 90, "end": 104, "text": "Harbour Herald"}],
        }
    ],
}

#: An error record as ``quotekit extract`` writes it for a broken JSONL line.
ERROR_RECORD: dict[str, Any] = {
    "id": "broken-7",
    "error": {
        "code": "E008",
        "message": "[E008] Line 7 of in.jsonl is not a JSON object with a 'text' string.",
        "input": "in.jsonl:7",
    },
    "quotes": [],
    "reported": [],
    "entities": [],
    "sources": [],
}


def record(**changes: Any) -> dict[str, Any]:
    """A deep copy of ``RECORD`` with top-level keys changed."""
    out = copy.deepcopy(RECORD)
    out.update(changes)
    return out
