"""The sweep of ``scripts/sweep.py`` on a sample of the shared corpora (every 10th
article): no exception and no invariant violation on real news. The full sweep
(about 3,100 articles) is ``python scripts/sweep.py``."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2] / "shared"
SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "sweep.py"

pytestmark = [
    pytest.mark.shared,
    pytest.mark.model,
    pytest.mark.slow,
    pytest.mark.skipif(
        not (SHARED / "data").is_dir(), reason=f"needs the shared corpora in {SHARED / 'data'}"
    ),
]


def _load_sweep():
    spec = importlib.util.spec_from_file_location("quotekit_sweep", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_sweep_sample(nlp):
    sweep = _load_sweep()
    files = [f for f in sweep.DEFAULT_FILES if f.exists()]
    if not files:
        pytest.skip("no shared corpus file found")
    items = list(sweep.read_articles(files, every=10))
    assert len(items) > 100
    summary = sweep.sweep(items, nlp=nlp)
    assert summary["exceptions"] == [], summary["exceptions"][:3]
    assert summary["violations"] == [], summary["violations"][:3]
    assert summary["quotes"] > 0 and summary["entities"] > 0
