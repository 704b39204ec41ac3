"""Shared fixtures and the Hypothesis profiles.

Profiles: ``ci`` (the default: 2,000 examples per property, no deadline, since the
model-backed pipeline takes 5-20 ms a text) and ``dev`` (200 examples, for quick
local runs: ``HYPOTHESIS_PROFILE=dev pytest``).
"""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile(
    "ci",
    max_examples=2000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "dev",
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture(scope="session")
def nlp():
    """The default quotekit pipeline, built once per test session (skips without a model)."""
    import quotekit
    from quotekit.errors import QuotekitError

    try:
        return quotekit.load()
    except (OSError, QuotekitError) as exc:  # pragma: no cover - the model is a dependency
        pytest.skip(f"no English model: {exc}")
