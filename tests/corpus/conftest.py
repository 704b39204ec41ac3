"""Fixtures of the corpus-run tests."""

from __future__ import annotations

import pytest

from quotekit.corpus import runner
from quotekit.corpus.inputs import error_output


@pytest.fixture
def fake_processor(monkeypatch):
    """Replace the pipeline: each record becomes ``{"id", "n_chars", ...}``; counts calls."""
    calls: list[dict] = []

    def fake_process_records(records, *, nlp=None, n_process=1, batch_size=64, stderr=None):
        calls.append({"n_process": n_process, "batch_size": batch_size})
        for rec in records:
            if rec.error is not None:
                yield rec, error_output(rec)
            else:
                yield (
                    rec,
                    {
                        "id": rec.id,
                        "n_chars": len(rec.text),
                        "quotes": [],
                        "entities": [],
                        "sources": [],
                    },
                )

    monkeypatch.setattr(runner, "process_records", fake_process_records)
    monkeypatch.setattr("quotekit.api.default_nlp", lambda: None)
    return calls
