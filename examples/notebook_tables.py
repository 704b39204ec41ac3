"""The notebook tutorial (docs/tutorial.md) as a script: extract, show, tables, counts.

    pip install -e ".[tables]"
    python examples/notebook_tables.py

In Jupyter, paste the cells one by one: ``articles[0]`` and ``quotekit.show(articles)``
then draw the articles with their quotes marked. The three articles are invented.
"""

from __future__ import annotations

import pandas as pd

import quotekit

TEXTS = {
    "harbour-1": (
        "Harbour to reopen in spring\n\n"
        "OSLO (Reuters) - The harbour will reopen in spring, officials said on Monday.\n\n"
        '"We cannot keep ships waiting for ever, but safety comes first," harbour master '
        "Ines Alvarado told reporters.\n\n"
        'Alvarado said the repairs would "take weeks, not months".\n\n'
        "Norwegian Transport Minister Lars Eklund told the Interfax news agency: "
        '"We will help the town, and we will pay."'
    ),
    "mill-2": (
        "The owner of the Brennan mill, Tomas Brennan, said on Tuesday that it would close.\n\n"
        '"Nobody expected this, not even me," Brennan said. "We kept going for forty years."\n\n'
        'Union leader Aiko Tanaka called the closure "a betrayal".'
    ),
    "bridge-3": (
        '"The bridge is safe," harbour master Ines Alvarado said, according to the '
        "Harbour Herald.\n\n"
        'Lars Eklund said: "We will inspect it again in May."'
    ),
}


def main() -> None:
    pd.set_option("display.width", 120)
    articles = list(quotekit.extract_many([(text, id) for id, text in TEXTS.items()]))
    print(repr(articles[0]))
    print(repr(quotekit.show(articles)))

    frames = quotekit.to_frames(articles)
    print({name: len(frame) for name, frame in frames.items()})
    quotes = frames["quotes"]
    print(quotes[["article_id", "speaker_name", "cue_text", "via_name", "text"]].to_string())

    # who is quoted most, and in how many articles
    print(quotes.groupby("speaker_name").size().sort_values(ascending=False).to_string())
    print(quotes.groupby("speaker_name")["article_id"].nunique().to_string())

    # the speakers' titles: join the quotes to the entities of the same article
    entities = frames["entities"]
    people = entities[entities["type"] == "PERSON"]
    print(people[["article_id", "id", "name", "titles"]].to_string())
    said = quotes.merge(
        people[["article_id", "id", "titles"]],
        left_on=["article_id", "speaker"],
        right_on=["article_id", "id"],
        suffixes=("", "_entity"),
    )
    print(said[["speaker_name", "titles", "text"]].to_string())

    # relayed quotes and the share of articles that quote anyone
    print(frames["sources"][["article_id", "name", "kind", "roles"]].to_string())
    print(f"{(frames['articles']['n_quotes'] > 0).mean():.0%} of articles quote someone")


if __name__ == "__main__":
    main()
