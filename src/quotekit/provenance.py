"""What produced an output: quotekit, model and spaCy versions, pipeline and config.

``provenance(nlp)`` is plain JSON-able data, the same for the same pipeline, to
store next to a run's output; ``provenance_metadata(nlp)`` is the same as a
``dict[str, str]`` for Parquet key-value metadata, and
``provenance_from_metadata`` reads it back. Both are cheap (they read
``nlp.meta`` and ``nlp.config``; nothing is resolved or loaded).

Example::

    from quotekit.provenance import provenance

    provenance(quotekit.load())["model"]  # "en_core_web_sm"
"""

from __future__ import annotations

import functools
import hashlib
import json
from collections.abc import Mapping
from importlib import metadata as importlib_metadata
from typing import Any

import spacy
from spacy.language import Language

__all__ = [
    "MAX_VALUE_CHARS",
    "PROVENANCE_KEYS",
    "provenance",
    "provenance_from_metadata",
    "provenance_metadata",
]

#: The keys of ``provenance()``, in order.
PROVENANCE_KEYS = (
    "quotekit_version",
    "model",
    "model_version",
    "spacy_version",
    "pipeline",
    "config",
)
#: A config value whose JSON is longer than this is recorded by digest: the
#: ``quotekit_tagmap`` patterns (copied from the model's attribute_ruler, ~20 KB)
#: or a user's long extra lists would otherwise fill every Parquet footer.
MAX_VALUE_CHARS = 2000
_FACTORY_PREFIX = "quotekit_"


def provenance(nlp: Language) -> dict[str, Any]:
    """Where the output of ``nlp`` comes from.

    nlp (Language): a quotekit pipeline (``quotekit.load()``).
    RETURNS (dict): ``quotekit_version``, ``model`` (``"en_core_web_sm"``: the
        model's ``lang`` and ``name``), ``model_version``, ``spacy_version`` (the
        spaCy running), ``pipeline`` (the active component names, in order) and
        ``config``: for each quotekit component, its section of ``nlp.config`` as
        JSON data, unresolved; a value longer than ``MAX_VALUE_CHARS`` as JSON is
        replaced by ``{"sha256": ..., "json_chars": ..., "items": ...}``.
    """
    meta = nlp.meta
    lang, name = meta.get("lang"), meta.get("name")
    config = nlp.config
    components: dict[str, Any] = {}
    for pipe_name in nlp.pipe_names:
        factory = nlp.get_pipe_meta(pipe_name).factory
        if factory.startswith(_FACTORY_PREFIX):
            section = config["components"].get(pipe_name, {})
            components[pipe_name] = {k: _summarised(_plain(v)) for k, v in section.items()}
    return {
        "quotekit_version": _quotekit_version(),
        "model": f"{lang}_{name}" if lang and name else name,
        "model_version": meta.get("version"),
        "spacy_version": spacy.__version__,
        "pipeline": list(nlp.pipe_names),
        "config": components,
    }


def provenance_metadata(nlp: Language) -> dict[str, str]:
    """``provenance(nlp)`` as str values for Parquet key-value metadata.

    RETURNS (dict[str, str]): the same keys; str values as they are, the others
        (``pipeline``, ``config``, a missing version) as compact JSON with sorted keys.
    """
    return {
        key: value if isinstance(value, str) else json.dumps(value, sort_keys=True)
        for key, value in provenance(nlp).items()
    }


def provenance_from_metadata(metadata: Mapping[Any, Any]) -> dict[str, Any]:
    """Read ``provenance_metadata`` back from a file's key-value metadata.

    metadata (Mapping): str or bytes keys and values, e.g.
        ``pyarrow.parquet.read_schema(path).metadata``; other keys are ignored.
    RETURNS (dict): the ``PROVENANCE_KEYS`` present, with JSON values parsed.
    """
    out: dict[str, Any] = {}
    for raw_key, raw_value in metadata.items():
        key = raw_key.decode() if isinstance(raw_key, bytes) else raw_key
        if key not in PROVENANCE_KEYS:
            continue
        value = raw_value.decode() if isinstance(raw_value, bytes) else raw_value
        if key in ("pipeline", "config") or value == "null":
            value = json.loads(value)
        out[key] = value
    return {key: out[key] for key in PROVENANCE_KEYS if key in out}


@functools.lru_cache(maxsize=1)
def _quotekit_version() -> str:
    try:
        return importlib_metadata.version("quotekit")
    except importlib_metadata.PackageNotFoundError:  # pragma: no cover - run from a checkout
        return "unknown"


def _plain(value: Any) -> Any:
    """A config value as JSON data: mappings, lists, str, numbers, bools, None."""
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return repr(value)


def _summarised(value: Any) -> Any:
    text = json.dumps(value, sort_keys=True)
    if len(text) <= MAX_VALUE_CHARS:
        return value
    return {
        "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
        "json_chars": len(text),
        "items": len(value) if isinstance(value, (list, dict)) else None,
    }
