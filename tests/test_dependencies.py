"""Every package the tests import is declared in pyproject.toml (dependencies or the `test` extra).

A package installed by hand once hid a missing dependency: CI passed, a fresh clone ran no test.
This reads the imports of every test file (plus ``pytest.importorskip("…")`` calls) and checks
that an installed, declared distribution provides each one.
"""
from __future__ import annotations

import ast
import functools
import re
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TESTS = ROOT / "tests"
PROJECT_PACKAGES = {"studio", "components", "benchmarks"}


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def declared_distributions(pyproject: Path, extras: tuple[str, ...] = ("test",)) -> set[str]:
    """Normalised names of the project's dependencies plus the given extras."""
    project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
    specs = list(project.get("dependencies", []))
    for extra in extras:
        specs += project.get("optional-dependencies", {}).get(extra, [])
    return {_norm(re.split(r"[\s\[<>=!~;]", spec, maxsplit=1)[0]) for spec in specs}


def imported_modules(source: str) -> set[str]:
    """Top-level names of absolute imports and ``importorskip`` calls in one Python file."""
    names = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
        elif (isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", "")) == "importorskip"
              and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
            names.add(node.args[0].value.split(".")[0])
    return names


@functools.cache
def _providers() -> dict[str, list[str]]:
    """{import name: distributions}: read from every installed distribution's file list, once (seconds)."""
    return packages_distributions()


def undeclared_imports(files: list[Path], declared: set[str], local: set[str]) -> dict[str, set[str]]:
    """{module: {file names}} for imports no declared distribution provides."""
    providers = _providers()
    missing: dict[str, set[str]] = {}
    for path in files:
        for module in imported_modules(path.read_text(encoding="utf-8")):
            if module in sys.stdlib_module_names or module in local or module == "__future__":
                continue
            if not {_norm(d) for d in providers.get(module, [])} & declared:
                missing.setdefault(module, set()).add(path.name)
    return missing


def _local_modules(folder: Path) -> set[str]:
    return PROJECT_PACKAGES | {p.stem for p in folder.rglob("*.py")} | {p.name for p in folder.rglob("*") if p.is_dir()}


def test_every_test_import_is_declared():
    files = sorted(TESTS.rglob("*.py"))
    assert len(files) > 20
    missing = undeclared_imports(files, declared_distributions(ROOT / "pyproject.toml"), _local_modules(TESTS))
    assert missing == {}, f"declare these in pyproject.toml ([project] dependencies or the test extra): {missing}"


def test_the_check_catches_an_undeclared_package(tmp_path):
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text('[project]\nname = "x"\ndependencies = ["Pillow>=11"]\n'
                         '[project.optional-dependencies]\ntest = ["pytest>=8"]\n')
    test_file = tmp_path / "test_x.py"
    test_file.write_text("import json\nimport PIL.Image\nfrom pytest import raises\nimport tinydb\n"
                         "from . import helpers\nimport pytest\npytest.importorskip('selenium')\n")
    declared = declared_distributions(pyproject)
    assert declared == {"pillow", "pytest"}
    assert undeclared_imports([test_file], declared, set()) == {"tinydb": {"test_x.py"}, "selenium": {"test_x.py"}}
