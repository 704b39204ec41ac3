"""The progress bar of a corpus run: articles done, articles/s, words/s, ETA."""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable
from typing import TextIO


class Progress:
    """A one-line progress bar on ``stream``: articles/s, words/s, ETA.

    Silent unless ``enabled`` and ``stream`` is a terminal; redrawn at most every
    ``interval`` seconds.
    """

    def __init__(
        self,
        stream: TextIO,
        total: int | None,
        *,
        enabled: bool = True,
        interval: float = 0.25,
        clock: Callable[[], float] = time.monotonic,
    ):
        isatty = getattr(stream, "isatty", None)
        self.enabled = bool(enabled and isatty and isatty())
        self.stream = stream
        self.total = total
        self.interval = interval
        self.clock = clock
        self.start = clock()
        self.articles = 0
        self.words = 0
        self.failed = 0
        self._last_draw = float("-inf")
        self._width = 0
        self.draws = 0

    def update(self, articles: int = 1, words: int = 0, failed: int = 0) -> None:
        self.articles += articles
        self.words += words
        self.failed += failed
        if self.enabled:
            now = self.clock()
            if now - self._last_draw >= self.interval:
                self._last_draw = now
                self._draw(now)

    def elapsed(self) -> float:
        return max(self.clock() - self.start, 1e-9)

    def line(self, now: float | None = None) -> str:
        elapsed = max((self.clock() if now is None else now) - self.start, 1e-9)
        art_rate = self.articles / elapsed
        word_rate = self.words / elapsed
        if self.total:
            pct = min(100.0, 100.0 * self.articles / self.total)
            done = f"{self.articles:,}/{self.total:,} articles {pct:3.0f}%"
            bar_len = 20
            filled = int(bar_len * pct / 100)
            done = f"[{'#' * filled}{'.' * (bar_len - filled)}] " + done
            remaining = max(self.total - self.articles, 0)
            eta = _hms(remaining / art_rate) if art_rate > 0 else "?"
        else:
            done, eta = f"{self.articles:,} articles", "?"
        text = f"{done} | {art_rate:,.1f} articles/s | {word_rate:,.0f} words/s | ETA {eta}"
        if self.failed:
            text += f" | {self.failed:,} failed"
        return text

    def _draw(self, now: float) -> None:
        text = self.line(now)
        cols = shutil.get_terminal_size((100, 20)).columns
        text = text[: max(cols - 1, 20)]
        pad = max(self._width - len(text), 0)
        self._width = len(text)
        self.stream.write("\r" + text + " " * pad)
        self.stream.flush()
        self.draws += 1

    def close(self) -> None:
        if self.enabled and self.draws:
            self._draw(self.clock())
            self.stream.write("\n")
            self.stream.flush()


def _hms(seconds: float) -> str:
    seconds = round(seconds)
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}"
