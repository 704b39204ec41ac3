"""quotekit: who said what, through which news organisation, and who and what
the article is about.

>>> import quotekit
>>> article = quotekit.extract('"We will win," Jane Doe said.')
>>> article.quotes[0].text
'We will win,'
"""

from .api import extract, extract_many
from .errors import QuotekitError, WorkerError
from .model import Article, ArticleError, Entity, Mention, Quote, Source
from .pipeline import add_components, load

__version__ = "0.1.0"

__all__ = [
    "Article",
    "ArticleError",
    "Entity",
    "Mention",
    "Quote",
    "QuotekitError",
    "Source",
    "WorkerError",
    "__version__",
    "add_components",
    "extract",
    "extract_many",
    "load",
]
