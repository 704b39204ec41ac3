"""``quotekit.registry``: a custom table that cannot be read, or has the wrong shape,
is a coded ``QuotekitError`` naming the file and the reader (no raw ValueError)."""

from __future__ import annotations

import pytest

import quotekit
from quotekit import registry
from quotekit.errors import QuotekitError


@pytest.fixture
def tables(tmp_path):
    (tmp_path / "broken.json").write_text('{"elisions": ["tis",', encoding="utf-8")
    (tmp_path / "numbers.json").write_text("[1, 2, 3]", encoding="utf-8")
    (tmp_path / "object.json").write_text('{"a": []}', encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(
    "reader, name, code, says",
    [
        (registry.quote_words_v1, "broken.json", "E105", "quotekit.quote_words.v1"),
        (registry.quote_words_v1, "missing.json", "E105", "Can't read file"),
        (registry.quote_words_v1, "numbers.json", "E106", "needs a JSON object"),
        (registry.titles_v1, "numbers.json", "E106", "quotekit.titles.v1"),
        (registry.countries_v1, "object.json", "E106", "needs a JSON array of objects"),
        (registry.countries_v1, "numbers.json", "E106", "something other than objects"),
        (registry.news_organisations_v1, "broken.json", "E105", "news_orgs.json"),
    ],
)
def test_unusable_custom_tables_are_coded(tables, reader, name, code, says):
    # Regression: a malformed custom table raised a raw ValueError from the parser.
    with pytest.raises(QuotekitError, match=code) as info:
        reader(path=str(tables / name))
    assert says in str(info.value) and str(tables / name) in str(info.value)


@pytest.mark.model
def test_load_with_a_broken_table_says_which(tables):
    words = {"@misc": "quotekit.quote_words.v1", "path": str(tables / "broken.json")}
    with pytest.raises(QuotekitError, match=r"E105.*broken\.json.*quote_words"):
        quotekit.load(quotes={"words": words})
