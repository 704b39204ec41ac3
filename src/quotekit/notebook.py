"""quotekit in a notebook: ``quotekit.show(articles)``.

A single ``Article`` already shows itself in Jupyter (``Article._repr_html_``);
``show`` shows many in one output::

    import quotekit

    articles = list(quotekit.extract_many(texts))
    quotekit.show(articles)            # the last expression of a cell: displayed
    quotekit.show(articles, limit=5)   # only the first five, with a note of the rest

``show`` returns an ``ArticlesView``, an object with ``_repr_html_``, which is what
Jupyter, JupyterLab, VS Code and Colab display; IPython is not needed (to display
one in the middle of a cell, pass it to ``IPython.display.display``). Outside a
notebook its ``repr()`` is one short line per article, and ``to_html()`` gives the
self-contained page of ``quotekit.render.render_html``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from .errors import Errors, QuotekitError
from .model import Article
from .render import render_html, render_notebook

__all__ = ["DEFAULT_LIMIT", "ArticlesView", "show"]

#: How many articles ``show`` draws unless told otherwise.
DEFAULT_LIMIT = 20


class ArticlesView:
    """Articles to display in a notebook: ``_repr_html_`` draws them, ``repr`` lists them."""

    def __init__(self, articles: Iterable[Article], limit: int | None = DEFAULT_LIMIT) -> None:
        self.articles: list[Article] = list(articles)
        self.limit = limit

    def __len__(self) -> int:
        return len(self.articles)

    def __iter__(self) -> Iterator[Article]:
        return iter(self.articles)

    def __repr__(self) -> str:
        shown = self.articles if self.limit is None else self.articles[: self.limit]
        lines = [f"<{len(self.articles)} articles>"] + [f"  {a!r}" for a in shown]
        if len(shown) < len(self.articles):
            lines.append(f"  ... and {len(self.articles) - len(shown)} more")
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        return render_notebook(self.articles, limit=self.limit)

    def to_html(self, title: str = "quotekit") -> str:
        """The self-contained page of all the articles (``quotekit.render.render_html``)."""
        return render_html(self.articles, title=title)


def show(articles: Any, *, limit: int | None = DEFAULT_LIMIT) -> ArticlesView:
    """Show articles in a notebook: their text with quotes marked, and a table of quotes.

    articles (Article | Iterable[Article]): one article, or many (a list, a generator,
        ``quotekit.extract_many(...)``).
    limit (int | None): draw at most this many articles (None: all of them); a note
        says how many more there are.
    RETURNS (ArticlesView): displayed by the notebook when it is a cell's last value.
    RAISES (QuotekitError): ``E120`` for anything but ``Article`` objects (records
        from ``to_dict()`` or a JSONL file have no text to show), ``E121`` for a
        ``limit`` that is not a positive int or None.
    """
    if limit is not None and (isinstance(limit, bool) or not isinstance(limit, int) or limit < 1):
        raise QuotekitError(Errors.E121.format(limit=limit))
    if isinstance(articles, Article):
        articles = [articles]
    elif isinstance(articles, (str, bytes, Mapping)) or not isinstance(articles, Iterable):
        raise QuotekitError(Errors.E120.format(position=0, type=type(articles).__name__))
    items = list(articles)
    for position, item in enumerate(items):
        if not isinstance(item, Article):
            raise QuotekitError(Errors.E120.format(position=position, type=type(item).__name__))
    return ArticlesView(items, limit=limit)
