"""The import graph of studio/ and components/: no cycles, and the core never imports the studio UI.

Imports inside functions count (they run sooner or later); only ``if TYPE_CHECKING:`` blocks are left out.
"""
from __future__ import annotations

import ast
import functools
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("studio", "components")
SERVER_ENTRY = "studio.cli.serve"  # the one place the core starts the studio's web server


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for package in PACKAGES for p in (ROOT / package).rglob("*.py")}


def _is_type_checking(node: ast.AST) -> bool:
    return isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)


def _named(node: ast.AST, module: str, path: Path) -> list[str]:
    """The modules an import statement names (``from . import x`` names the submodule x)."""
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    if node.level:
        base = package.split(".")[:len(package.split(".")) - (node.level - 1)]
        source = ".".join(base + ([node.module] if node.module else []))
    else:
        source = node.module or ""
    return [f"{source}.{a.name}" if f"{source}.{a.name}" in MODULES else source for a in node.names]


def imports_of(module: str) -> set[str]:
    """Modules of studio/ and components/ that ``module`` imports, anywhere in its code."""
    path = MODULES[module]
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            if _is_type_checking(child):
                for other in child.orelse:
                    visit(other)
                continue
            if isinstance(child, (ast.Import, ast.ImportFrom)):
                for name in _named(child, module, path):
                    while name and name not in MODULES:
                        name = name.rpartition(".")[0]
                    if name and name != module:
                        found.add(name)
            visit(child)

    visit(ast.parse(path.read_text(encoding="utf-8")))
    return found


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


@functools.cache
def graph() -> dict[str, set[str]]:
    """Parsed on first use, not while pytest collects (a run of other tests does not pay for it)."""
    return {module: imports_of(module) for module in MODULES}


def test_no_import_cycles():
    assert cycles(graph()) == []


def test_the_core_imports_the_studio_ui_only_to_start_the_server():
    reaching = {m for m, deps in graph().items() if m.startswith("studio") and any(d.startswith("components")
                                                                                 for d in deps)}
    assert reaching <= {SERVER_ENTRY}


def test_the_checker_sees_cycles_and_imports_inside_functions():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert "studio.registry" in graph()["studio.project_file"]
    assert "components.app" in graph()[SERVER_ENTRY]  # imported inside run()
