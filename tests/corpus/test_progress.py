"""Tests for quotekit.corpus.progress: the progress bar."""

from __future__ import annotations

import io
import os
import shutil

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


def test_progress_draws_on_an_unsized_terminal(monkeypatch):
    # A pseudo-terminal nobody sized reports 0 x 0; tqdm would then draw nothing.
    zero = os.terminal_size((0, 0))
    monkeypatch.setattr(os, "get_terminal_size", lambda *a: zero)
    monkeypatch.setattr(shutil, "get_terminal_size", lambda *a: zero)
    stream = FakeTTY()
    progress = Progress(stream, total=None, clock=iter(range(100)).__next__)
    progress.update(3, 30)
    progress.close()
    last = stream.getvalue().rstrip("\n").split("\r")[-1]
    assert last.startswith("3 articles | ") and "words/s" in last
    assert "ETA" not in last  # no total, no ETA


def test_bar_is_cleared_while_a_record_goes_to_the_same_terminal():
    now = [0.0]
    err, out = FakeTTY(), FakeTTY()
    progress = Progress(err, total=2, clock=lambda: now[0])
    progress.update(1, 10)
    drawn = err.getvalue()
    with progress.writing(out):
        out.write("record\n")
    progress.close()
    assert out.getvalue() == "record\n"
    # cleared before the write, drawn again after it
    assert err.getvalue().startswith(drawn) and len(err.getvalue()) > len(drawn)
    assert "2/2" not in drawn and "1/2 articles" in err.getvalue().split("\r")[-1]
