"""The word lists in data/lexicons/: rebuilt from their sources, read through the registry."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from quotekit.errors import QuotekitError
from quotekit.registry import organisation_words_v1, read_lexicon

SCRIPTS = Path(__file__).resolve().parents[1] / "scripts"


def test_shipped_lexicons_are_what_their_sources_build():
    done = subprocess.run(
        [sys.executable, str(SCRIPTS / "build_lexicons.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr


def test_builder_keeps_order_and_pairs(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "demo.tsv").write_text(
        "# comment\nlist\tentry\tvalue\nsuffixes\tgroup\nsuffixes\tnews + agency\n"
        "gender\the\tmale\ngender\tshe\tfemale\n",
        encoding="utf-8",
    )
    sys.path.insert(0, str(SCRIPTS))
    try:
        import build_lexicons
    finally:
        sys.path.remove(str(SCRIPTS))
    built = build_lexicons.build_lexicon(src / "demo.tsv")
    assert built == {
        "suffixes": ["group", ["news", "agency"]],
        "gender": {"he": "male", "she": "female"},
    }
    (src / "bad.tsv").write_text("list\tentry\tvalue\nx\ta\nx\tb\tv\n", encoding="utf-8")
    with pytest.raises(build_lexicons.LexiconError, match="bad.tsv:3"):
        build_lexicons.build_lexicon(src / "bad.tsv")


def test_reader_extends_and_copies():
    words = organisation_words_v1(extra={"name_suffixes": ["syndicate"]})
    assert words["name_suffixes"][0] == "group" and words["name_suffixes"][-1] == "syndicate"
    words["name_suffixes"].clear()
    assert organisation_words_v1()["name_suffixes"]


def test_reader_rejects_malformed_extra_with_a_coded_error():
    with pytest.raises(QuotekitError, match="E020"):
        read_lexicon("organisation_words", extra={"name_suffixes": 3})
