"""quotekit's spaCy components. Importing this package registers their factories."""

from . import attribution, boilerplate, entities, quotes, sources, tagmap  # noqa: F401
