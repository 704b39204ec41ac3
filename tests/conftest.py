"""Shared fixtures, the Hypothesis profiles and the slow-test switch.

Profiles: ``dev`` (the default for a local ``pytest -q``: 100 examples per property) and
``ci`` (2,000 examples, chosen when the ``CI`` environment variable is set, as on CI, or
with ``HYPOTHESIS_PROFILE=ci``). Neither has a deadline, since the model-backed pipeline
takes 5-20 ms a text.

Tests marked ``slow`` (whole-corpus sweeps, million-character articles, Dask clusters,
the browser) run on CI and with ``pytest --run-slow`` (or ``QUOTEKIT_SLOW=1``); a local
``pytest -q`` skips them and says so.
"""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, settings

IN_CI = bool(os.environ.get("CI"))

settings.register_profile(
    "ci",
    max_examples=2000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "dev",
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if IN_CI else "dev"))


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--run-slow", action="store_true", help="also run the tests marked slow (CI does)"
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if IN_CI or config.getoption("--run-slow") or os.environ.get("QUOTEKIT_SLOW"):
        return
    skip = pytest.mark.skip(reason="slow: runs on CI, or locally with --run-slow")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def nlp():
    """The default quotekit pipeline, built once per test session (skips without a model)."""
    import quotekit
    from quotekit.errors import QuotekitError

    try:
        return quotekit.load()
    except (OSError, QuotekitError) as exc:  # pragma: no cover - the model is a dependency
        pytest.skip(f"no English model: {exc}")
