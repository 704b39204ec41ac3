"""The functions most users call: ``extract`` and ``extract_many``.

Both run on a lazily built, cached default pipeline (``quotekit.load()``), or on
the ``nlp`` you pass. Texts longer than ``max_chars`` are split at paragraph
boundaries outside quotations, processed in parts and merged, so every offset
indexes the original text.
"""

from __future__ import annotations

import collections
import threading
from collections.abc import Generator, Iterable, Iterator
from typing import Any

from spacy.language import Language

from .components._quotes import QuoteWords
from .errors import Errors, QuotekitError, Warnings, warn
from .longdoc import merge_articles, split_text
from .model import Article, ArticleError
from .parallel import pipe_batches
from .pipeline import load
from .processing import Batch, Failure, Part, batches, describe, process_batch
from .text import encodable

_DEFAULT_NLP: Language | None = None
_LOCK = threading.Lock()

#: Parts longer than this are split (spaCy's parser needs about 1 GB per 100,000
#: characters of one Doc; parts keep memory flat and time linear).
DEFAULT_MAX_CHARS = 100_000

#: The choices of ``extract_many(on_error=...)``.
ON_ERROR = ("record", "raise")


def default_nlp() -> Language:
    """The cached default pipeline, built on first use."""
    global _DEFAULT_NLP
    if _DEFAULT_NLP is None:
        with _LOCK:
            if _DEFAULT_NLP is None:
                _DEFAULT_NLP = load()
    return _DEFAULT_NLP


def extract(
    text: str,
    id: str | None = None,
    *,
    nlp: Language | None = None,
    max_chars: int = DEFAULT_MAX_CHARS,
) -> Article:
    """Find the quotes, speakers, sources and entities of one article.

    text (str): the article (any str: code points that UTF-8 cannot encode, such as
        lone surrogates, reach the pipeline as U+FFFD; offsets and texts still index
        ``text`` as given).
    id (str | None): an id carried into the result.
    nlp (Language | None): a quotekit pipeline; default: the cached ``quotekit.load()``.
    max_chars (int): longer texts are processed in parts of at most this size.
    RETURNS (Article): the result.
    RAISES (TypeError): when ``text`` is not a str (E002), or ``nlp`` not a pipeline (E102).
    RAISES (Exception): whatever the pipeline raised, when it fails on this text.
    """
    if not isinstance(text, str):
        raise TypeError(Errors.E002.format(type=type(text).__name__))
    items = [(text, id)]
    return next(iter(extract_many(items, nlp=nlp, max_chars=max_chars, on_error="raise")))


def extract_many(
    texts: Iterable[str | tuple[str, str | None]],
    *,
    n_process: int = 1,
    batch_size: int = 16,
    nlp: Language | None = None,
    max_chars: int = DEFAULT_MAX_CHARS,
    on_error: str = "record",
) -> Iterator[Article]:
    """Stream ``Article``s for many texts through the pipeline, in input order.

    texts (iterable): plain strings, or ``(text, id)`` pairs.
    n_process (int): with more than 1, that many worker processes each run the
        pipeline on a batch of texts and build its Articles; a free worker takes the
        next batch. Only Articles cross between processes, not Docs. Workers end
        with this process, even when it is killed.
    batch_size (int): texts per batch (for ``nlp.pipe``, and per worker task); a batch
        also holds at most ``processing.BATCH_CHARS`` characters past its first text,
        so the parts of a long article go through a few at a time.
    nlp (Language | None): a quotekit pipeline; default: the cached ``quotekit.load()``.
    max_chars (int): longer texts are processed in parts of at most this size (capped
        at ``nlp.max_length``).
    on_error (str): what happens to an article that cannot be processed (the pipeline
        raises on it, or the item is not a text): ``"record"`` (the default) yields an
        ``ArticleError`` in its place (an ``Article`` with no results, its ``error``
        and ``to_dict()`` the error record, code E100 or E003), warns once (W010) and
        goes on; ``"raise"`` yields the articles before it and raises the exception.
    YIELDS (Article): one per input text (an ``ArticleError`` for a failed one).
    RAISES (TypeError): ``texts`` is a single str (E018); ``nlp`` is not a pipeline
        (E102); with ``on_error="raise"``, an item is neither a str nor a ``(str, id)``
        pair (E003, raised when the iteration reaches it).
    RAISES (QuotekitError): a ValueError, when ``n_process``, ``batch_size`` or
        ``max_chars`` is not a positive int, or ``on_error`` is unknown (E101).
    RAISES (WorkerError): when a worker process dies (``n_process > 1``).
    """
    _check_arguments(n_process, batch_size, max_chars, on_error, nlp)
    if isinstance(texts, (str, bytes)):
        raise TypeError(Errors.E018.format(type=type(texts).__name__))
    nlp = nlp or default_nlp()
    return _extract_many(
        texts, nlp, n_process, batch_size, min(max_chars, nlp.max_length), on_error
    )


def _check_arguments(
    n_process: int, batch_size: int, max_chars: int, on_error: str, nlp: Any
) -> None:
    for name, value in (
        ("n_process", n_process),
        ("batch_size", batch_size),
        ("max_chars", max_chars),
    ):
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            raise QuotekitError(
                Errors.E012.format(value=value)
                if name == "n_process"
                else Errors.E017.format(name=name, value=value)
            )
    if on_error not in ON_ERROR:
        raise QuotekitError(Errors.E101.format(value=on_error))
    if nlp is not None and not isinstance(nlp, Language):
        raise TypeError(Errors.E102.format(type=type(nlp).__name__, value=nlp))


def _extract_many(
    texts: Iterable[Any],
    nlp: Language,
    n_process: int,
    batch_size: int,
    max_chars: int,
    on_error: str,
) -> Iterator[Article]:
    stream = _Stream(on_error == "raise")
    parts = stream.parts(texts, max_chars, _scanner_words(nlp))
    results = _results(nlp, batches(parts, batch_size), n_process)
    try:
        for result, part in results:
            yield from stream.add(result, part)
    finally:
        results.close()  # with n_process > 1, ends the workers at once when stopped early
    yield from stream.flush()


class _Stream:
    """The state of one ``extract_many`` call: the texts cut into parts, their results
    put back together, failures recorded or raised, everything in input order."""

    def __init__(self, raise_errors: bool) -> None:
        self.raise_errors = raise_errors
        # Texts cut in parts stay in this process (only the parts go to workers).
        self.full_texts: dict[int, str] = {}
        self.pending: dict[int, list[tuple[int, Article]]] = {}
        self.failed: set[int] = set()  # texts in parts of which one part failed
        # Items that are not texts (and texts that cannot be cut), in input order:
        # yielded (or raised) in their place.
        self.bad: collections.deque[tuple[int, Article | BaseException]] = collections.deque()
        self.warned = False

    def parts(
        self, texts: Iterable[Any], max_chars: int, words: QuoteWords | None
    ) -> Iterator[tuple[str, Part]]:
        """``(text for the pipeline, Part)`` for every part of every text.

        An item that is not a str or a ``(str, id)`` pair becomes an ArticleError
        (E003); with ``raise_errors`` the input ends there and the error is raised
        after the articles before it.
        """
        for index, item in enumerate(texts):
            if isinstance(item, str):
                text, item_id = item, None
            elif isinstance(item, tuple) and len(item) == 2 and isinstance(item[0], str):
                text, item_id = item
            else:
                self._bad_item(index, item)
                if self.raise_errors:
                    return
                continue
            if item_id is not None and not isinstance(item_id, str):
                item_id = str(item_id)
            try:
                safe = encodable(text)
                pieces = split_text(safe, max_chars, words=words)
            except Exception as exc:  # noqa: BLE001  this text fails, not the run
                if self.raise_errors:  # raised after the articles before it
                    self.bad.append((index, exc))
                    return
                self.bad.append((index, self._error(exc, index, item_id)))
                continue
            if len(pieces) == 1:
                yield safe, Part(index, 1, 0, item_id, None if safe is text else text)
                continue
            self.full_texts[index] = text
            for start, end in pieces:
                original = None if safe is text else text[start:end]
                yield safe[start:end], Part(index, len(pieces), start, item_id, original)

    def _bad_item(self, index: int, item: Any) -> None:
        message = Errors.E003.format(type=type(item).__name__, index=index)
        if self.raise_errors:
            self.bad.append((index, TypeError(message)))
            return
        rid = item[1] if isinstance(item, tuple) and len(item) == 2 else None
        rid = None if rid is None else str(rid)
        error = ArticleError(id=rid, code="E003", message=message, index=index)
        self._warn(error)
        self.bad.append((index, error))

    def add(self, result: Article | Failure, part: Part) -> Iterator[Article]:
        """The articles that ``result`` (of ``part``) completes, with the bad items before."""
        if part.position in self.failed:
            return
        if isinstance(result, Failure):
            self.full_texts.pop(part.position, None)
            self.pending.pop(part.position, None)
            if part.n_parts > 1:
                self.failed.add(part.position)
            yield from self.flush(part.position)
            yield self._failed(result, part)
            return
        if part.n_parts == 1:
            yield from self.flush(part.position)
            yield result
            return
        got = self.pending.setdefault(part.position, [])
        got.append((part.offset, result))
        if len(got) == part.n_parts:
            yield from self.flush(part.position)
            del self.pending[part.position]
            text = self.full_texts.pop(part.position)
            try:
                merged = merge_articles(text, part.id, got)
            except Exception as exc:  # noqa: BLE001  this article fails, not the run
                merged = self._error(exc, part.position, part.id)
            yield merged

    def flush(self, before: int | None = None) -> Iterator[Article]:
        """The bad items before position ``before`` (all of them when None)."""
        while self.bad and (before is None or self.bad[0][0] < before):
            _, bad = self.bad.popleft()
            if isinstance(bad, BaseException):
                raise bad
            yield bad

    def _failed(self, failure: Failure, part: Part) -> Article:
        exc = failure.exception
        if self.raise_errors and failure.remote:  # raised in a worker: bring its traceback
            raise exc from RemoteTraceback(failure.traceback)
        return self._error(exc, part.position, part.id)

    def _error(self, exc: BaseException, position: int, rid: str | None) -> Article:
        """With ``raise_errors``, ``exc`` raised; else the ArticleError for it (E100)."""
        if self.raise_errors:
            raise exc
        message = Errors.E100.format(id=rid, index=position, reason=describe(exc))
        error = ArticleError(id=rid, code="E100", message=message, index=position, exception=exc)
        self._warn(error)
        return error

    def _warn(self, error: ArticleError) -> None:
        if not self.warned:
            self.warned = True
            warn(Warnings.W010.format(message=error.message))


class RemoteTraceback(Exception):
    """The traceback of an exception raised in a worker process (its ``__cause__``)."""

    def __init__(self, tb: str) -> None:
        super().__init__(tb)
        self.tb = tb

    def __str__(self) -> str:
        return f'\n"""\n{self.tb}"""'


def _scanner_words(nlp: Language) -> QuoteWords | None:
    """The word lists of the pipeline's quote scanner, so long texts split where it reads."""
    if "quotekit_quotes" not in nlp.pipe_names:
        return None
    words = getattr(nlp.get_pipe("quotekit_quotes"), "words", None)
    return words if isinstance(words, QuoteWords) else None


def _results(
    nlp: Language, batches: Iterator[Batch], n_process: int
) -> Generator[tuple[Article | Failure, Part], None, None]:
    """``(Article or Failure, Part)`` for every part, in order: here, or in workers."""
    if n_process > 1:
        yield from pipe_batches(nlp, batches, n_process)
        return
    for batch in batches:
        yield from process_batch(nlp, batch)
