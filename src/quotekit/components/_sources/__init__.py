"""The parts of ``quotekit_sources`` (``quotekit.components.sources``), split by job.

- ``records``: the output's enumerations, organisation records and mentions;
- ``words``: the word lists and verb forms, built once per component from its config;
- ``patterns``: the dateline and slash-credit regular expressions;
- ``gazetteer``: the known organisations, their aliases, phrase matchers and look-up;
- ``context``: what one document's work shares (ranges to skip, paragraphs, mentions);
- ``discovery``: organisations the gazetteer lacks, named by a frame;
- ``units``: a mention widened to its unit ("the Reuters news agency");
- ``frames``: the cited-role frames and the speaker a frame attaches to;
- ``credits``: datelines, photo and slash credits;
- ``anaphors``: "the newspaper reported", standing for a named organisation;
- ``work``: the per-document object that runs them in order and writes the output.

Nothing here keeps per-document state between calls: a ``DocWork`` (and the
``DocContext`` it holds) is made for each document and dropped after.
"""
