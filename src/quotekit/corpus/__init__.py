"""Corpus runs: ``quotekit extract`` over files, directories, globs and stdin.

- ``inputs``: the one path walker, the text and JSONL readers, error records;
- ``shards``: inputs grouped into shards, each one output file, and their names;
- ``writer``: atomic shard output and the manifests ``--resume`` checks;
- ``progress``: the progress bar;
- ``formats``: json, jsonl and table output on stdout;
- ``runner``: records through the pipeline, to stdout or to shard files;
- ``dask``: the same on a Dask cluster, and ``extract_bag``/``extract_dataframe``
  (import ``quotekit.corpus.dask``; Dask itself is imported only when used).

Nothing here imports the command line (``quotekit.cli``): it parses the arguments
and hands them in.
"""

from __future__ import annotations

from .inputs import InputRecord, error_output, iter_inputs, read_jsonl, read_text_file, walk_inputs
from .progress import Progress
from .runner import (
    EXIT_OK,
    EXIT_SOME_FAILED,
    EXIT_USAGE,
    execute,
    process_records,
    run_local,
    run_stream,
)
from .shards import Shard, assign_names, discover_shards
from .writer import ShardWriter, is_complete

__all__ = [
    "EXIT_OK",
    "EXIT_SOME_FAILED",
    "EXIT_USAGE",
    "InputRecord",
    "Progress",
    "Shard",
    "ShardWriter",
    "assign_names",
    "discover_shards",
    "error_output",
    "execute",
    "is_complete",
    "iter_inputs",
    "process_records",
    "read_jsonl",
    "read_text_file",
    "run_local",
    "run_stream",
    "walk_inputs",
]
