"""The progress bar of a corpus run (tqdm): articles done, articles/s, words/s, ETA.

    [#########...........]  46% 1,004/2,188 articles | 7.1 articles/s | 2,260 words/s | ETA 0:02:47

It is drawn on stderr only when stderr is a terminal and the run is not
``--quiet``, redrawn at most every ``interval`` seconds, and cleared around writes
to a terminal stdout (``Progress.writing``), so records and bar don't mix.
"""

from __future__ import annotations

import io
import os
import shutil
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TextIO

from tqdm import tqdm

__all__ = ["Progress"]

#: The bar's layout: tqdm fills the fields; ``{desc}`` is ``Progress.line()``: the
#: rates, the ETA and the failures, all from quotekit's own clock.
BAR_FORMAT = "[{bar:20}] {percentage:3.0f}% {n:,}/{total:,} articles | {desc}"
#: The layout when the total is unknown (stdin, pipes).
COUNT_FORMAT = "{n:,} articles | {desc}"


class Progress:
    """A one-line tqdm bar on ``stream``: articles done of ``total``, articles/s, words/s, ETA.

    Silent unless ``enabled`` and ``stream`` is a terminal. ``clock`` is the time
    source of the rates (tests pass their own).
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
        self.draws = 0
        self._bar: tqdm | None = None

    def restart(self) -> None:
        """Start the clock of the rates now (when the pipeline is loaded and work begins)."""
        self.start = self.clock()

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
        """The text after the bar: articles/s, words/s, ETA and failures."""
        elapsed = max((self.clock() if now is None else now) - self.start, 1e-9)
        art_rate = self.articles / elapsed
        word_rate = self.words / elapsed
        text = f"{art_rate:,.1f} articles/s | {word_rate:,.0f} words/s"
        if self.total:  # no total (stdin, pipes): no ETA
            remaining = max(self.total - self.articles, 0)
            text += f" | ETA {_hms(remaining / art_rate) if art_rate > 0 else '?'}"
        if self.failed:
            text += f" | {self.failed:,} failed"
        return text

    def _draw(self, now: float) -> None:
        if self._bar is None:  # drawn as it is made
            self._bar = tqdm(
                total=self.total or None,
                initial=self.articles,
                desc=self.line(now),
                file=self.stream,
                bar_format=BAR_FORMAT if self.total else COUNT_FORMAT,
                ascii=".#",
                ncols=_size(self.stream)[0],
                nrows=_size(self.stream)[1],
                # quotekit decides when to draw (``interval``); tqdm only draws.
                mininterval=0,
                miniters=0,
                leave=True,
            )
        else:
            self._bar.ncols, self._bar.nrows = _size(self.stream)  # follows a resized terminal
            self._bar.n = self.articles
            self._bar.set_description_str(self.line(now), refresh=False)
            self._bar.refresh()
        self.draws += 1

    @contextmanager
    def writing(self, out: TextIO) -> Iterator[None]:
        """Clear the bar while the block writes to ``out`` (a terminal), then redraw it."""
        if self._bar is None:
            yield
            return
        with tqdm.external_write_mode(file=out):
            yield

    def close(self) -> None:
        if self._bar is not None:  # the last figures, then a newline
            self._bar.n = self.articles
            self._bar.set_description_str(self.line(), refresh=False)
            self._bar.close()
            self._bar = None


def _size(stream: TextIO) -> tuple[int, int]:
    """(columns, rows) of the terminal ``stream`` is on; (100, 20) for what cannot be
    told or is 0, as on a pseudo-terminal nobody sized, where tqdm would draw nothing."""
    try:
        size = os.get_terminal_size(stream.fileno())
    except (AttributeError, OSError, ValueError, io.UnsupportedOperation):
        size = shutil.get_terminal_size((100, 20))
    return (size.columns if size.columns > 20 else 100, size.lines if size.lines > 1 else 20)


def _hms(seconds: float) -> str:
    seconds = round(seconds)
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}"
