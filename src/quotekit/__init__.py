"""quotekit: who said what, through which news organisation, and who and what
the article is about.

>>> import quotekit
>>> article = quotekit.extract('"We will win," Jane Doe said.')
>>> article.quotes[0].text
'We will win,'

``article.reported`` holds reported speech, attributions without quotation marks
("The minister said the plan would be dropped").

In a notebook an ``Article`` shows itself (its text with the quotes and reported
speech marked, and tables of them); ``quotekit.show(articles)`` shows many, and
``quotekit.to_frames(articles)`` gives pandas DataFrames (``pip install
"quotekit[tables]"``). ``quotekit.output_schema()`` is the JSON Schema of
``Article.to_dict()``.
"""

from .api import extract, extract_many
from .errors import QuotekitError, WorkerError
from .frames import to_frames, write_quotes_csv
from .model import Article, ArticleError, Entity, Mention, Quote, Reported, Source
from .notebook import ArticlesView, show
from .pipeline import add_components, load
from .provenance import provenance
from .records import ArticleRecord, ErrorRecord, OutputRecord
from .render import render_html
from .schema import output_schema, validate_record

__version__ = "0.1.0"

__all__ = [
    "Article",
    "ArticleError",
    "ArticleRecord",
    "ArticlesView",
    "Entity",
    "ErrorRecord",
    "Mention",
    "OutputRecord",
    "Quote",
    "QuotekitError",
    "Reported",
    "Source",
    "WorkerError",
    "__version__",
    "add_components",
    "extract",
    "extract_many",
    "load",
    "output_schema",
    "provenance",
    "render_html",
    "show",
    "to_frames",
    "validate_record",
    "write_quotes_csv",
]
