"""quotekit as plain spaCy: add components by name, save, reload, look at span groups.

Run: python examples/spacy_native.py
"""

import tempfile
from pathlib import Path

import spacy

import quotekit

text = (Path(__file__).parent / "article.txt").read_text(encoding="utf-8")

nlp = quotekit.load()
with tempfile.TemporaryDirectory() as tmp:
    nlp.to_disk(tmp)
    reloaded = spacy.load(tmp)  # entry points resolve quotekit's factories
    doc = reloaded(text)

for span in doc.spans["quotekit_quotes"]:
    print(f"{span.id_:>4} {span.label_:<8} speaker={span.kb_id_ or '-':<4} {span.text[:60]}")
for span in doc.spans["quotekit_sources"]:
    print(f"source {span.text!r} as {span.label_}")

html = spacy.displacy.render(doc, style="span", options={"spans_key": "quotekit_quotes"})
print(f"displaCy markup: {len(html)} characters")
print(quotekit.Article.from_doc(doc).to_dict()["quotes"][0]["speaker_mention"])
