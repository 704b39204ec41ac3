"""The functions most users call: ``extract`` and ``extract_many``.

Both run on a lazily built, cached default pipeline (``quotekit.load()``), or on
the ``nlp`` you pass. Texts longer than ``max_chars`` are split at paragraph
boundaries outside quotations, processed in parts and merged, so every offset
indexes the original text.
"""

from __future__ import annotations

import threading
from collections.abc import Generator, Iterable, Iterator
from typing import Any

from spacy.language import Language

from .components._quotes import QuoteWords
from .errors import Errors, QuotekitError
from .longdoc import merge_articles, split_text
from .model import Article
from .parallel import pipe_articles
from .pipeline import load

_DEFAULT_NLP: Language | None = None
_LOCK = threading.Lock()

#: Parts longer than this are split (spaCy's parser needs about 1 GB per 100,000
#: characters of one Doc; parts keep memory flat and time linear).
DEFAULT_MAX_CHARS = 100_000


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

    text (str): the article.
    id (str | None): an id carried into the result.
    nlp (Language | None): a quotekit pipeline; default: the cached ``quotekit.load()``.
    max_chars (int): longer texts are processed in parts of at most this size.
    RETURNS (Article): the result.
    RAISES (TypeError): when ``text`` is not a str.
    """
    if not isinstance(text, str):
        raise TypeError(Errors.E002.format(type=type(text).__name__))
    return next(iter(extract_many([(text, id)], nlp=nlp, max_chars=max_chars)))


def extract_many(
    texts: Iterable[str | tuple[str, str | None]],
    *,
    n_process: int = 1,
    batch_size: int = 16,
    nlp: Language | None = None,
    max_chars: int = DEFAULT_MAX_CHARS,
) -> Iterator[Article]:
    """Stream ``Article``s for many texts through ``nlp.pipe``, in input order.

    texts (iterable): plain strings, or ``(text, id)`` pairs.
    n_process (int): with more than 1, that many worker processes each run the
        pipeline on a batch of texts and build its Articles; a free worker takes the
        next batch. Only Articles cross between processes, not Docs.
    batch_size (int): texts per batch (for ``nlp.pipe``, and per worker task).
    nlp (Language | None): a quotekit pipeline; default: the cached ``quotekit.load()``.
    max_chars (int): longer texts are processed in parts of at most this size (capped
        at ``nlp.max_length``).
    YIELDS (Article): one per input text.
    RAISES (TypeError): when an item is neither a str nor a ``(str, id)`` pair (the
        message names its position); raised when the iteration reaches it.
    RAISES (QuotekitError): a ValueError, when ``n_process``, ``batch_size`` or
        ``max_chars`` is not a positive int.
    RAISES (WorkerError): when a worker process dies (``n_process > 1``).
    """
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
    nlp = nlp or default_nlp()
    max_chars = min(max_chars, nlp.max_length)
    # Texts split in parts stay in this process (only the parts go to workers).
    full_texts: dict[int, str] = {}
    # A bad item ends the input: the items before it are processed and yielded,
    # then it raises.
    bad_item: list[TypeError] = []
    parts = _parts(texts, max_chars, full_texts, bad_item, _scanner_words(nlp))
    pending: dict[int, list[tuple[int, Article]]] = {}
    stream = _articles(nlp, parts, n_process, batch_size)
    try:
        for article, (index, n_parts, offset, item_id) in stream:
            if n_parts == 1:
                yield article
                continue
            pending.setdefault(index, []).append((offset, article))
            if len(pending[index]) == n_parts:
                yield merge_articles(full_texts.pop(index), item_id, pending.pop(index))
    finally:
        stream.close()  # with n_process > 1, ends the workers at once when stopped early
    if bad_item:
        raise bad_item[0]


def _scanner_words(nlp: Language) -> QuoteWords | None:
    """The word lists of the pipeline's quote scanner, so long texts split where it reads."""
    if "quotekit_quotes" not in nlp.pipe_names:
        return None
    words = getattr(nlp.get_pipe("quotekit_quotes"), "words", None)
    return words if isinstance(words, QuoteWords) else None


def _articles(
    nlp: Language, parts: Iterator[tuple[str, tuple]], n_process: int, batch_size: int
) -> Generator[tuple[Article, tuple], None, None]:
    """``(Article, context)`` for every part, in order: here, or in worker processes."""
    if n_process > 1:
        yield from pipe_articles(nlp, parts, n_process, batch_size)
        return
    for doc, ctx in nlp.pipe(parts, as_tuples=True, batch_size=batch_size):
        yield Article.from_doc(doc, id=ctx[-1]), ctx


def _parts(
    texts: Iterable[Any],
    max_chars: int,
    full_texts: dict[int, str],
    bad_item: list[TypeError],
    words: QuoteWords | None = None,
) -> Iterator[tuple[str, tuple]]:
    """``(part text, (index, n_parts, offset, id))`` for every part of every text.

    Stops at the first item that is not a str or a ``(str, id)`` pair and leaves
    its ``TypeError`` in ``bad_item``.
    """
    if isinstance(texts, (str, bytes)):
        raise TypeError(Errors.E018.format(type=type(texts).__name__))
    for index, item in enumerate(texts):
        if isinstance(item, str):
            text, item_id = item, None
        elif isinstance(item, tuple) and len(item) == 2 and isinstance(item[0], str):
            text, item_id = item
        else:
            bad_item.append(TypeError(Errors.E003.format(type=type(item).__name__, index=index)))
            return
        if item_id is not None and not isinstance(item_id, str):
            item_id = str(item_id)
        pieces = split_text(text, max_chars, words=words)
        if len(pieces) == 1:
            yield text, (index, 1, 0, item_id)
            continue
        full_texts[index] = text
        for start, end in pieces:
            yield text[start:end], (index, len(pieces), start, item_id)
