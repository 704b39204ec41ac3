"""The private parts of ``quotekit_attribution`` (see ``components/attribution.py``).

- ``words``: the word lists of the config, frozen once per component;
- ``index``: the candidate index of one document (quotes, entities, paragraphs,
  sentences and cue tokens by token; the speaker mention a head token stands for);
- ``frames``: cue frames, the cue of a quote and the speaker a cue names;
- ``rules``: the rules tried in order for each quote;
- ``resolve``: speaker mentions to entity ids (pronouns, titles, descriptions);
- ``via``: the news organisation that relayed each quote;
- ``context``: the per-call object that ties them together for one document.
"""
