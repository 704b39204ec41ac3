"""Tests for quotekit.corpus.progress: the progress bar."""

from __future__ import annotations

import io

import pytest

from quotekit.corpus.progress import Progress


# ---------------------------------------------------------------------- progress
class FakeTTY(io.StringIO):
    def isatty(self):
        return True


def test_progress_throttled_with_rates_and_eta():
    now = [0.0]
    stream = FakeTTY()
    progress = Progress(stream, total=1200, clock=lambda: now[0])
    for _ in range(400):  # 400 articles in 1 second, 10 words each
        now[0] += 0.0025
        progress.update(1, 10)
    assert 1 <= progress.draws <= 5  # at most ~4 a second
    progress.close()
    last = stream.getvalue().split("\r")[-1]
    assert "400/1,200 articles" in last and "33%" in last
    assert "400.0 articles/s" in last and "4,000 words/s" in last
    assert "ETA 0:00:02" in last  # 800 left at 400/s


@pytest.mark.parametrize("stream, enabled", [(io.StringIO(), True), (FakeTTY(), False)])
def test_progress_silent_off_tty_or_quiet(stream, enabled):
    progress = Progress(stream, total=10, enabled=enabled, clock=iter(range(100)).__next__)
    for _ in range(10):
        progress.update(1, 5)
    progress.close()
    assert stream.getvalue() == ""
