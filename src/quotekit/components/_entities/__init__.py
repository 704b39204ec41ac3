"""The parts of ``quotekit_entities``, split by job (private; see ``components/entities.py``).

- ``countries``: the country table's index and look-up (pure Python, no spaCy);
- ``lexicon``: the tables and word sets the component builds once, at construction;
- ``work``: the per-document state, made for each call;
- ``country_mentions``, ``people``, ``titles``, ``organisations``: one pass each;
- ``clusters`` and ``forms``: entities made of mentions, and the written forms they keep;
- ``records``: the entity records and spans written to the ``Doc``.
"""
