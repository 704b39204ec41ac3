"""quotekit_sources: organisations the gazetteer lacks, named by a frame
(``_sources.discovery``)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


# --------------------------------------------------------------------------- found by frames

FRAME_ONLY = [
    ("Prices will rise, the Zolotoy Rog news agency reported.", "Zolotoy Rog", "news_agency"),
    (
        "The Gazeta Wyborcza newspaper reported that talks had failed.",
        "Gazeta Wyborcza",
        "newspaper",
    ),
    ("Mr Ivanov told the Kommersant daily that he would appeal.", "Kommersant", "newspaper"),
    ('"We are ready," he told Rustavi television.', "Rustavi", "broadcaster"),
    ("The deal collapsed, the business weekly Ekspert reported.", "Ekspert", "newspaper"),
]


@pytest.mark.parametrize("text, name, kind", FRAME_ONLY)
def test_organisation_found_by_frame(nlp, text, name, kind):
    doc = nlp(text)
    assert [(s["name"], s["kind"], s["roles"]) for s in doc._.quotekit_sources] == [
        (name, kind, ["cited"])
    ]
