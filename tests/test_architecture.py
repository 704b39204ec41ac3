"""The house rules of ``src/quotekit`` (docs/architecture.md), checked on the source.

- no import circle between quotekit's modules, counting imports inside functions
  (``if TYPE_CHECKING:`` imports do not count);
- no module over 600 lines and no function over 80 lines;
- no component imports another component (nor another component's private package);
- ``cli.py`` is imported by nothing; ``text/`` imports neither spaCy nor components.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "quotekit"
MAX_MODULE_LINES = 600
MAX_FUNCTION_LINES = 80


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {_module_name(p): p for p in sorted(SRC.rglob("*.py"))}


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _resolve(module: str, is_package: bool, node: ast.ImportFrom) -> list[str]:
    """The quotekit modules an ``from … import …`` names (a package's submodules too)."""
    if node.level:
        base = module.split(".") if is_package else module.split(".")[:-1]
        base = base[: len(base) - (node.level - 1)]
        target = ".".join(base + ([node.module] if node.module else []))
    else:
        target = node.module or ""
    out = []
    for alias in node.names:
        sub = f"{target}.{alias.name}"
        out.append(sub if sub in MODULES else target)
    return out


def imports_of(module: str) -> set[str]:
    """Every quotekit module ``module`` imports, at any depth of its code."""
    path = MODULES[module]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    is_package = path.name == "__init__.py"
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and _is_type_checking(node):
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.split(".")[0] == "quotekit")
        elif isinstance(node, ast.ImportFrom):
            found.update(_resolve(module, is_package, node))
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    return {m for m in found if m in MODULES and m != module}


GRAPH = {m: imports_of(m) for m in MODULES}


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out: list[list[str]] = []
    counter = [0]

    def strong(v: str) -> None:
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on_stack.add(v)
        for w in graph[v]:
            if w not in index:
                strong(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    for v in sorted(graph):
        if v not in index:
            strong(v)
    return out


def _parent_package_edge(a: str, b: str) -> bool:
    """A package's ``__init__`` importing its own submodule is not a circle."""
    return b.startswith(a + ".") and MODULES[a].name == "__init__.py"


def test_no_import_circle():
    pruned = {m: {t for t in ts if not _parent_package_edge(m, t)} for m, ts in GRAPH.items()}
    assert _cycles(pruned) == []


def test_modules_are_short():
    long = {
        m: n
        for m, p in MODULES.items()
        if (n := len(p.read_text().splitlines())) > MAX_MODULE_LINES
    }
    assert long == {}


def test_functions_are_short():
    long = []
    for module, path in MODULES.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                n = (node.end_lineno or node.lineno) - node.lineno + 1
                if n > MAX_FUNCTION_LINES:
                    long.append(f"{module}.{node.name}: {n} lines")
    assert long == []


def _component_of(module: str) -> str | None:
    """``entities`` for quotekit.components.entities and quotekit.components._entities.*."""
    parts = module.split(".")
    if len(parts) < 3 or parts[1] != "components":
        return None
    name = parts[2].lstrip("_")
    return name if name and name != "spans" else None


def test_no_component_imports_another():
    crossings = [
        f"{m} -> {t}"
        for m, ts in GRAPH.items()
        for t in ts
        if _component_of(m) and _component_of(t) and _component_of(m) != _component_of(t)
    ]
    assert crossings == []


def test_cli_is_imported_by_nothing():
    assert [m for m, ts in GRAPH.items() if "quotekit.cli" in ts] == []


@pytest.mark.parametrize("module", sorted(m for m in MODULES if m.startswith("quotekit.text")))
def test_text_utilities_stand_alone(module):
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module if not node.level else "." * node.level + node.module)
    assert not {n for n in names if n.split(".")[0] == "spacy"}
    assert not (
        GRAPH[module] - {m for m in MODULES if m.startswith("quotekit.text")} - {"quotekit.errors"}
    )


#: What each room may import of quotekit besides itself (docs/architecture.md).
ALLOWED = {
    "components": {"errors", "extensions", "registry", "text"},
    "registry": {"errors"},
    "text": {"errors"},
    "evaluate": {"api", "errors", "pipeline", "text", "model"},
    "corpus": {"api", "errors", "pipeline", "model", "flatten", "frames", "parquet"}
    | {"provenance", "schema", "records", "optional", "render", "text"},
}


def _room(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "quotekit"


@pytest.mark.parametrize("room", sorted(ALLOWED))
def test_rooms_import_only_what_they_may(room):
    wrong = sorted(
        f"{m} -> {t}"
        for m, ts in GRAPH.items()
        if _room(m) == room
        for t in ts
        if _room(t) != room and _room(t) not in ALLOWED[room]
    )
    assert wrong == []
