"""Who said what in the bundled example article, through quotekit's Python API.

Run: python examples/quickstart.py
"""

from pathlib import Path

import quotekit

text = (Path(__file__).parent / "article.txt").read_text(encoding="utf-8")
article = quotekit.extract(text, id="harbour")

for quote in article.quotes:
    speaker = article.entity(quote.speaker)
    via = article.source(quote.via)
    who = (
        speaker.name
        if speaker
        else f"({quote.speaker_mention.text})"
        if quote.speaker_mention
        else "?"
    )
    relay = f" via {via.name}" if via else ""
    print(f"{who}{relay}: {quote.text}")

print()
print(
    "Countries:", ", ".join(f"{e.name} ({e.iso})" for e in article.entities if e.type == "COUNTRY")
)
print("Sources:", ", ".join(f"{s.name} ({', '.join(s.roles)})" for s in article.sources))
