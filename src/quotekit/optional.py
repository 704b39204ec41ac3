"""Optional dependencies: import one, or raise a coded error that names the extra."""

from __future__ import annotations

import importlib
from types import ModuleType

from .errors import Errors, QuotekitError

__all__ = ["TablesNotInstalled", "require"]


class TablesNotInstalled(QuotekitError, ImportError):
    """Raised when a table or schema feature is used without pandas, pyarrow or jsonschema."""


def require(package: str, feature: str) -> ModuleType:
    """Import ``package`` for ``feature``.

    package (str): the module to import (``"pandas"``, ``"pyarrow.parquet"``).
    feature (str): what needs it, for the message (``"quotekit.frames.to_frames()"``).
    RETURNS (ModuleType): the module.
    RAISES (TablesNotInstalled): ``E090``, a ``QuotekitError`` and an ``ImportError``,
        which says to ``pip install "quotekit[tables]"``.
    """
    try:
        return importlib.import_module(package)
    except ImportError as exc:
        top = package.split(".")[0]
        raise TablesNotInstalled(Errors.E090.format(feature=feature, package=top)) from exc
