"""Batches of article parts through a pipeline: an ``Article``, or the failure, per part.

``extract_many`` cuts every text into parts (``longdoc.split_text``), groups the
parts into batches (``batches``: at most ``batch_size`` parts and, past the first
part, at most ``BATCH_CHARS`` characters, so a long article goes through in small
batches and memory follows the part size, not the text length) and runs each batch
here or in a worker process (``quotekit.parallel``) through ``process_batch``.

``process_batch`` never raises for one bad text: when the batch fails, it runs the
batch's texts one at a time, so the text that raises is found and only its part
gets a ``Failure``; the other texts of the batch still give their Articles.
"""

from __future__ import annotations

import pickle
import traceback
from collections.abc import Iterable, Iterator
from typing import NamedTuple

from spacy.language import Language
from spacy.tokens import Doc

from .model import Article

#: The characters of one batch, past its first part: spaCy's parser holds about
#: 3 KB per character of a batch at once (a 1.5M-character article in one batch
#: of 15 parts peaks at 4.5 GB, part by part at about 0.5 GB); news articles of a
#: few thousand characters still go in batches of ``batch_size``.
BATCH_CHARS = 100_000


class Part(NamedTuple):
    """Where one part of one input text belongs."""

    position: int  # the text's position in the input
    n_parts: int  # how many parts the text was cut into
    offset: int  # where the part starts in the text
    id: str | None  # the article id
    original: str | None = None  # the part as given, when the pipeline gets placeholders


class Failure(NamedTuple):
    """A part that could not be processed: the exception and its traceback (text)."""

    exception: BaseException
    traceback: str
    remote: bool = False  # raised in a worker process (see ``portable``)


#: One batch: ``(text for the pipeline, Part)`` pairs.
Batch = list[tuple[str, Part]]
#: What a batch gives, in order: ``(Article or Failure, Part)`` for each of its parts.
Results = list[tuple["Article | Failure", Part]]


def batches(
    parts: Iterable[tuple[str, Part]], batch_size: int, batch_chars: int = BATCH_CHARS
) -> Iterator[Batch]:
    """``parts`` in batches of at most ``batch_size`` parts and ``batch_chars`` characters.

    A part longer than ``batch_chars`` is a batch of its own. A full batch is given
    as soon as it is full (the next part is not waited for).
    """
    batch: Batch = []
    chars = 0
    for item in parts:
        size = len(item[0])
        if batch and chars + size > batch_chars:
            yield batch
            batch, chars = [], 0
        batch.append(item)
        chars += size
        if len(batch) >= batch_size or chars >= batch_chars:
            yield batch
            batch, chars = [], 0
    if batch:
        yield batch


def process_batch(nlp: Language, batch: Batch) -> Results:
    """The Article (or the Failure) of every part of ``batch``, in order.

    A batch that fails is run again one text at a time, so that only the text that
    raises gets a ``Failure``.
    """
    try:
        docs = list(nlp.pipe((text for text, _ in batch), batch_size=len(batch)))
        return [(_article(doc, part), part) for doc, (_, part) in zip(docs, batch)]
    except Exception as exc:  # noqa: BLE001  one bad text must not cost the batch
        if len(batch) == 1:
            return [(Failure(exc, traceback.format_exc()), batch[0][1])]
    return [_one(nlp, text, part) for text, part in batch]


def _one(nlp: Language, text: str, part: Part) -> tuple[Article | Failure, Part]:
    try:
        doc = next(iter(nlp.pipe([text], batch_size=1)))
        return _article(doc, part), part
    except Exception as exc:  # noqa: BLE001  reported as this part's Failure
        return Failure(exc, traceback.format_exc()), part


def _article(doc: Doc, part: Part) -> Article:
    return Article.from_doc(doc, id=part.id, text=part.original)


def portable(results: Results) -> Results:
    """``results`` with every Failure marked ``remote`` and its exception made
    picklable (for a worker's reply).

    An exception that does not survive pickling is replaced by a ``RuntimeError``
    that names its type and message.
    """
    out: Results = []
    for result, part in results:
        if isinstance(result, Failure):
            exc = result.exception
            try:
                pickle.loads(pickle.dumps(exc))
            except Exception:  # noqa: BLE001  any pickling problem
                exc = RuntimeError(f"{type(exc).__name__}: {exc}")
            result = Failure(exc, result.traceback, remote=True)
        out.append((result, part))
    return out


def describe(exc: BaseException) -> str:
    """``"Type: message"``, shortened, for an error record."""
    text = f"{type(exc).__name__}: {exc}"
    return text if len(text) <= 300 else text[:297] + "..."
