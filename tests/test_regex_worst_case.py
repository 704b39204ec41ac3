"""Every regular expression in the package against its worst case (no ReDoS).

For each pattern the table below holds inputs built from long runs of the
characters its quantifiers accept, arranged so that there is no match (or a
match only at the very end): the input that makes a backtracking engine work
hardest. A linear pattern goes through 100,000 characters in well under a second;
a quadratic or exponential one does not finish. The only timing assertion is a
generous bound (``LIMIT`` seconds) that catches that.

* Patterns of the ``regex`` module run in this process with ``timeout=LIMIT``.
* Patterns of the stdlib ``re`` run in a subprocess: ``re`` holds the GIL inside a
  match, so a thread can't be abandoned; the subprocess is killed at the limit.

``test_every_pattern_has_a_worst_case`` parses the package's sources and fails
when a ``re``/``regex`` pattern appears that this table does not cover.
"""

from __future__ import annotations

import ast
import importlib
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
import regex

import quotekit

LIMIT = 5.0
N = 100_000
SRC = Path(quotekit.__file__).parent

#: Patterns written inline in a function are named ``"file.py::function"``; the
#: pattern is read from the source, so the test follows the code.

#: (module, attribute or None, inline pattern or None, method, inputs)
CASES = {
    "text.encodable.UNENCODABLE": (
        "quotekit.text.encodable",
        "UNENCODABLE",
        None,
        "sub",
        ["a" * N, "\ud800" * N, "a\udfff" * (N // 2)],
    ),
    "_quotes.marks._MARK_RE": (
        "quotekit.components._quotes.marks",
        "_MARK_RE",
        None,
        "finditer",
        ["a" * N, " " * N],
    ),
    "_quotes.marks._TAG_RE": (
        "quotekit.components._quotes.marks",
        "_TAG_RE",
        None,
        "finditer",
        ["<a" + " x" * (N // 2), "<a" * (N // 2), "<" + "a" * N, "<!" + "=" * N + "\n>"],
    ),
    "_quotes.classify._NON_SPACE": (
        "quotekit.components._quotes.classify",
        "_NON_SPACE",
        None,
        "search",
        [" " * N, "\n" * N, " \t\n\r" * (N // 4)],
    ),
    "_quotes.classify._WORD_RE": (
        "quotekit.components._quotes.classify",
        "_WORD_RE",
        None,
        "findall",
        [
            "a-" * (N // 2) + "-",
            "a." * (N // 2) + ".",
            "a'\u2019" * (N // 3),
            "_" * N,
            "ab-" * (N // 3) + "_",
        ],
    ),
    "countries._LEADING_THE": (
        "quotekit.components._entities.countries",
        "_LEADING_THE",
        None,
        "search",
        ["the" + " " * N + "\x00", "THE\t" * (N // 4)],
    ),
    "countries._POSSESSIVE": (
        "quotekit.components._entities.countries",
        "_POSSESSIVE",
        None,
        "search",
        ["'" * N + "x", "'s" * (N // 2) + "x", "\u2019" * N + "x"],
    ),
    "countries._WHITESPACE": (
        "quotekit.components._entities.countries",
        "_WHITESPACE",
        None,
        "sub",
        [" " * N + "x", " \t\n" * (N // 3)],
    ),
    "abbreviations._ABBREVIATION": (
        "quotekit.text.abbreviations",
        "_ABBREVIATION",
        None,
        "match",
        ["A." * (N // 2), "A" * N, "A.A.A.A." + "a" * N],
    ),
    "longdoc._affix_runs": (
        "quotekit.longdoc",
        "_affix_runs",
        None,
        "finditer",
        [("!" * 499 + "a") * (N // 500), "\u201c" * N, "!" * N + "a"],
    ),
    "boilerplate._all_paywall": (
        "quotekit.components.boilerplate",
        None,
        "components/boilerplate.py::_all_paywall",
        "split",
        ["." * N + "x", ".!?" * (N // 3), "a." * (N // 2)],
    ),
    "boilerplate.default_phrases().editors_note": (
        "quotekit.components.boilerplate",
        "default_phrases",
        None,
        "search",
        ["ATTENTION EDITOR" * (N // 16), "THIS IMAGE WAS " * (N // 15)],
    ),
    "boilerplate.CAPTION_CREDIT": (
        "quotekit.components.boilerplate",
        "CAPTION_CREDIT",
        None,
        "search",
        [
            "(AP" + "x" * N,
            "(" + "a" * 39 + "/" + "b" * 39 + " via " + "c" * 29 + "(" * N,
            ("(" + "a " * 20 + "/" + "b " * 20) * (N // 82),
            "via " * (N // 4),
            "REUTERS/" + "A" * N + "\nx",
            "Photo credit: " + "x" * N + "\nx",
            ("(AP " + "x" * 79) * (N // 83),
            ")" + " " * N + "x",
        ],
    ),
    "sources.DATELINE": (
        "quotekit.components._sources.patterns",
        "DATELINE",
        None,
        "search",
        [
            "A" * N,
            "Abc " * (N // 4) + "(",
            "(" + "a" * N,
            "Abc, " * (N // 5) + "(X)x",
            ("Abc Def Ghi Jkl, Mno Pqr, May 12, 2024  " * (N // 40)),
            "(" + "a " * (N // 2),
        ],
    ),
    "sources.SLASH_VIA": (
        "quotekit.components._sources.patterns",
        "SLASH_VIA",
        None,
        "finditer",
        [
            "A" * N,
            ("Abc " * 3 + "Abc/") * (N // 16),
            ("Abc Def/Ghi Jkl " * (N // 16)) + "via",
            "A/" * (N // 2),
            ("A" + "-" * 30 + " ") * (N // 32),
        ],
    ),
    "sources.SLASH_AGENCY": (
        "quotekit.components._sources.patterns",
        "slash_agency_pattern",
        None,
        "finditer",
        ["a/" + "Abc " * (N // 4), ("a/Abc Def Ghi Imag ") * (N // 19), "a/" * (N // 2)],
    ),
}


#: Patterns built by a function from a word list: the arguments to build them with.
BUILD_ARGS = {
    "slash_agency_pattern": lambda: (
        importlib.import_module("quotekit.registry").source_words_v1()["photo_agency_names"],
    ),
}


def _inline_pattern(where: str) -> tuple[str, str]:
    """The module (``re``/``regex``) and literal pattern of the first call in
    ``file.py::function``."""
    file, function = where.split("::")
    tree = ast.parse((SRC / file).read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and node.name == function:
            for call in ast.walk(node):
                if (
                    isinstance(call, ast.Call)
                    and isinstance(call.func, ast.Attribute)
                    and isinstance(call.func.value, ast.Name)
                    and call.func.value.id in ("re", "regex")
                    and call.args
                    and isinstance(call.args[0], ast.Constant)
                ):
                    return call.func.value.id, call.args[0].value
    raise LookupError(f"no literal pattern in {where}")


def _pattern(module: str, attr: str | None, inline: str | None):
    if inline is not None:
        engine, source = _inline_pattern(inline)
        return importlib.import_module(engine).compile(source)
    value = getattr(importlib.import_module(module), attr)
    if attr == "default_phrases":  # built from the shipped phrases table
        return value().editors_note
    if callable(value) and not hasattr(value, "pattern"):
        return value(*BUILD_ARGS[attr]()) if attr in BUILD_ARGS else value(500)
    return value


def _drain(pattern, method: str, text: str, **kw) -> None:
    if method == "finditer":
        for _ in pattern.finditer(text, **kw):
            pass
    elif method == "sub":
        pattern.sub(" ", text, **kw)
    elif method == "split":
        pattern.split(text, **kw)
    else:
        getattr(pattern, method)(text, **kw)


_CHILD = textwrap.dedent("""
    import importlib, re, sys, time
    module, attr, inline, method, idx = sys.argv[1:6]
    sys.path.insert(0, sys.argv[6])
    from test_regex_worst_case import CASES, _drain, _pattern
    case = CASES[sys.argv[7]]
    pattern = _pattern(case[0], case[1], case[2])
    text = case[4][int(idx)]
    print("ready", flush=True)
    t0 = time.perf_counter()
    _drain(pattern, method, text)
    print(f"{time.perf_counter() - t0:.3f}", flush=True)
""")


@pytest.mark.parametrize(
    "name, index", [(n, i) for n, c in CASES.items() for i in range(len(c[4]))]
)
def test_worst_case(name, index):
    module, attr, inline, method, inputs = CASES[name]
    pattern = _pattern(module, attr, inline)
    text = inputs[index]
    if isinstance(pattern, regex.Pattern):
        t0 = time.perf_counter()
        try:
            _drain(pattern, method, text, timeout=LIMIT)
        except TimeoutError:
            pytest.fail(f"{name} did not finish input {index} in {LIMIT} s")
        assert time.perf_counter() - t0 < LIMIT
        return
    # stdlib re: a subprocess, killed at the limit once its imports are done.
    proc = subprocess.Popen(
        [
            sys.executable,
            "-c",
            _CHILD,
            module,
            str(attr),
            str(inline),
            method,
            str(index),
            str(Path(__file__).parent),
            name,
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout.readline().strip() == "ready", proc.stderr.read()
        try:
            proc.wait(timeout=LIMIT)
        except subprocess.TimeoutExpired:
            pytest.fail(
                f"{name} ({pattern.pattern!r}) did not finish input {index} "
                f"({len(text)} characters) in {LIMIT} s: catastrophic backtracking"
            )
        assert proc.returncode == 0, proc.stderr.read()
        assert float(proc.stdout.readline()) < LIMIT
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def _package_patterns() -> dict[str, str]:
    """``{"file:line": pattern}`` for every literal pattern passed to ``re``/``regex``."""
    found = {}
    for path in sorted(SRC.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and isinstance(node.func.value, ast.Name)
                and node.func.value.id in ("re", "regex")
                and node.func.attr
                in (
                    "compile",
                    "search",
                    "match",
                    "fullmatch",
                    "sub",
                    "subn",
                    "findall",
                    "finditer",
                    "split",
                )
                and node.args
            ):
                arg = node.args[0]
                key = f"{path.relative_to(SRC)}:{node.lineno}"
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    found[key] = arg.value
                else:  # built at run time: covered by a case named after its file
                    found[key] = f"<built in {path.relative_to(SRC)}>"
    return found


def test_every_pattern_has_a_worst_case():
    covered = set()
    for module, attr, inline, _, _ in CASES.values():
        pattern = _pattern(module, attr, inline)
        covered.add(pattern.pattern)
    covered.add("<built in longdoc.py>")  # longdoc._affix_runs(n), in CASES
    # boilerplate.phrase_pattern(phrases): the shipped editors' notes, in CASES
    covered.add("<built in components/boilerplate.py>")
    covered.add("<built in components/tagmap.py>")  # the model's rules: test below
    missing = {k: p for k, p in _package_patterns().items() if p not in covered}
    assert not missing, f"patterns without a worst case in {__file__}: {missing}"


@pytest.mark.model
def test_tagmap_model_regexes_worst_case():
    """``quotekit_tagmap`` compiles the REGEX rules of the model's attribute ruler; each
    runs on one token's text. Feed each the longest token a text can hold."""
    import spacy

    from quotekit.components.tagmap import _compile
    from quotekit.pipeline import resolve_model

    nlp = spacy.load(resolve_model(), exclude=["lemmatizer"])
    sources = [
        cond
        for rec in nlp.get_pipe("attribute_ruler").patterns
        for pattern in rec["patterns"]
        for token_pattern in pattern
        for cond in token_pattern.values()
        if isinstance(cond, dict) and "REGEX" in cond
    ]
    assert sources, "the model has regex rules; the test would check nothing"
    for cond in sources:
        compiled = _compile([{"LOWER": cond}], lambda k, v: v)[0][0][2]
        for text in ("n" * N, "n'" * (N // 2), "y'" * (N // 2) + "!", "nothin" * (N // 6)):
            t0 = time.perf_counter()
            compiled.search(text)
            assert time.perf_counter() - t0 < LIMIT, cond
