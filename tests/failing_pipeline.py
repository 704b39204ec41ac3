"""A quotekit pipeline that fails on purpose, for the tests of failure isolation.

``failing_nlp()`` is ``quotekit.load()`` plus a last component that raises
``ValueError`` on a text holding ``RAISE-HERE`` and ends its process on one holding
``DIE-HERE`` (as a worker killed from outside would). Run as a script, it is the
``quotekit`` command on that pipeline (``python tests/failing_pipeline.py extract
...``), so subprocess tests can feed the CLI a record that makes the pipeline raise.
"""

from __future__ import annotations

import os
import sys

from spacy.language import Language

import quotekit
from quotekit import api

RAISE = "RAISE-HERE"
DIE = "DIE-HERE"


@Language.component("qk_test_fail_on_marker")
def _fail_on_marker(doc):
    if RAISE in doc.text:
        raise ValueError("component failed on purpose")
    if DIE in doc.text:
        os._exit(3)
    return doc


def failing_nlp():
    nlp = quotekit.load()
    nlp.add_pipe("qk_test_fail_on_marker", last=True)
    return nlp


def main() -> int:
    from quotekit.cli import main as cli_main

    api._DEFAULT_NLP = failing_nlp()
    return cli_main()


if __name__ == "__main__":
    sys.exit(main())
