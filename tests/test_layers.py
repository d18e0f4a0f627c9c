"""The package's layering: imports flow one way, with no cycles, and modules stay small.

The import graph counts every import of a framing module, at module level or inside a function;
imports under ``if TYPE_CHECKING:`` are for the type checker only and do not count.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "framing"

#: Layers from the top (may import anything below) to the bottom (imports nothing of framing
#: but its own layer). A module's layer is the longest prefix listed here.
LAYERS: tuple[tuple[str, ...], ...] = (
    ("framing", "framing.__main__", "framing.cli"),
    ("framing.render",),
    ("framing.report", "framing.compare", "framing.classroom"),
    ("framing.stats", "framing.corpus"),
    ("framing.analysis", "framing.scores"),
    ("framing.annotate", "framing.models"),
    ("framing.lexicon", "framing.document"),
    ("framing.errors", "framing.io", "framing.output", "framing._version", "framing.repr_html"),
)
MAX_LINES = 600


@dataclass(frozen=True)
class Import:
    source: str
    target: str
    line: int
    in_function: bool


def _modules() -> dict[str, Path]:
    out = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts).removesuffix(".__init__")
        out[name] = path
    return out


MODULES = _modules()


def _resolve(name: str) -> str | None:
    while name and name not in MODULES:
        name = name.rpartition(".")[0]
    return name or None


def _type_checking_nodes(tree: ast.Module) -> set[int]:
    out: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            out |= {id(x) for stmt in node.body for x in ast.walk(stmt)}
    return out


def _imports(module: str, path: Path) -> Iterator[Import]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    is_package = path.name == "__init__.py"
    functions = [n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)]
    in_function = {id(x) for f in functions for x in ast.walk(f)}
    type_only = _type_checking_nodes(tree)
    for node in ast.walk(tree):
        if id(node) in type_only:
            continue
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = module if is_package else module.rpartition(".")[0]
            for _ in range(max(node.level - 1, 0)):
                base = base.rpartition(".")[0]
            if node.level:
                origin = f"{base}.{node.module}" if node.module else base
            else:
                origin = node.module or ""
            targets = [
                f"{origin}.{a.name}" if f"{origin}.{a.name}" in MODULES else origin
                for a in node.names
            ]
        else:
            continue
        resolved = {_resolve(t) for t in targets if t.split(".")[0] == "framing"}
        for target in sorted(r for r in resolved if r and r != module):
            yield Import(module, target, node.lineno, id(node) in in_function)


IMPORTS = [imp for module, path in MODULES.items() for imp in _imports(module, path)]


def layer_of(module: str) -> int:
    best, depth = -1, -1
    for index, prefixes in enumerate(LAYERS):
        for prefix in prefixes:
            if (module == prefix or module.startswith(prefix + ".")) and len(prefix) > depth:
                best, depth = index, len(prefix)
    return best


def _cycles() -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan's algorithm)."""
    edges: dict[str, set[str]] = {m: set() for m in MODULES}
    for imp in IMPORTS:
        edges[imp.source].add(imp.target)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(edges[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for module in sorted(MODULES):
        if module not in index:
            visit(module)
    return found


def test_every_module_has_a_layer() -> None:
    assert [m for m in MODULES if layer_of(m) < 0] == []


def test_imports_never_go_up_a_layer() -> None:
    upward = [
        f"{i.source}:{i.line} imports {i.target}"
        for i in IMPORTS
        if layer_of(i.target) < layer_of(i.source)
    ]
    assert upward == []


def test_no_import_cycles() -> None:
    assert _cycles() == []


#: The comments that may stand over an import inside a function (the issue's one exception).
REASONS = ("# heavy optional model:", "# optional extra:")


def _reason(module: str, line: int) -> str | None:
    """The comment over the import block that holds `line`, if it gives a reason."""
    lines = MODULES[module].read_text(encoding="utf-8").splitlines()
    k = line - 2
    while k >= 0 and lines[k].strip().startswith(("from ", "import ", ")", "    ")):
        if lines[k].strip().startswith("#"):
            break
        k -= 1
    comment = lines[k].strip() if k >= 0 else ""
    return comment if comment.startswith(REASONS) else None


def test_imports_inside_functions_say_why() -> None:
    """Framing's own modules are imported at module level, except a heavy optional model
    (scikit-learn behind framing.models) loaded only when used, under a comment saying so."""
    unexplained = [
        f"{i.source}:{i.line} imports {i.target}"
        for i in IMPORTS
        if i.in_function and _reason(i.source, i.line) is None
    ]
    assert unexplained == []


def test_the_reason_check_fails_without_a_comment(tmp_path: Path) -> None:
    path = tmp_path / "x.py"
    path.write_text("def f():\n    from framing.models import registry\n", encoding="utf-8")
    (found,) = list(_imports("framing.cli.x", path))
    MODULES["framing.cli.x"] = path
    try:
        assert found.in_function and _reason("framing.cli.x", found.line) is None
        path.write_text(
            "def f():\n    # heavy optional model: scikit-learn\n"
            "    from framing.models import registry\n",
            encoding="utf-8",
        )
        (found,) = list(_imports("framing.cli.x", path))
        assert _reason("framing.cli.x", found.line) is not None
    finally:
        del MODULES["framing.cli.x"]


@pytest.mark.parametrize("module", sorted(MODULES))
def test_module_size(module: str) -> None:
    lines = MODULES[module].read_text(encoding="utf-8").count("\n") + 1
    assert lines <= MAX_LINES, f"{module} has {lines} lines"


def test_the_checker_sees_an_upward_import_inside_a_function(tmp_path: Path) -> None:
    """The walk counts imports inside functions and resolves relative imports."""
    source = (
        "from . import output\n"
        "def f():\n"
        "    from framing.render.html import render\n"
        "    return render\n"
    )
    path = tmp_path / "io.py"
    path.write_text(source, encoding="utf-8")
    found = list(_imports("framing.io", path))
    assert [(i.target, i.in_function) for i in found] == [
        ("framing.output", False),
        ("framing.render.html", True),
    ]
    assert layer_of("framing.render.html") < layer_of("framing.io")
