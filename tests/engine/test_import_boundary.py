"""The engine is only the runtime: no module in bot/engine imports the flow tooling
(bot.flowtools), the web framework or the database, not even inside a function."""

from __future__ import annotations

import ast
import subprocess
import sys

from tests.engine.fakes import ROOT

ENGINE = ROOT / "bot" / "engine"
FORBIDDEN = (
    "bot.flowtools",
    "bot.store",
    "bot.web",
    "fastapi",
    "starlette",
    "sqlmodel",
    "sqlalchemy",
    "asyncpg",
    "aiosqlite",
)


def imported_names(tree: ast.AST) -> list[str]:
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
            names += [f"{node.module}.{alias.name}" for alias in node.names]
    return names


def forbidden(name: str) -> bool:
    return any(name == bad or name.startswith(bad + ".") for bad in FORBIDDEN)


def test_no_engine_module_names_a_forbidden_import() -> None:
    found = [
        f"{path.relative_to(ROOT)}: {name}"
        for path in sorted(ENGINE.glob("*.py"))
        for name in imported_names(ast.parse(path.read_text(encoding="utf-8")))
        if forbidden(name)
    ]
    assert found == []


def test_the_scan_sees_imports_inside_functions() -> None:
    tree = ast.parse("def f():\n    from bot.flowtools.check import run_check\n")
    assert any(forbidden(name) for name in imported_names(tree))


def test_importing_every_engine_module_loads_none_of_them() -> None:
    modules = ", ".join(f"bot.engine.{path.stem}" for path in sorted(ENGINE.glob("[!_]*.py")))
    prefixes = tuple(f"{bad}." for bad in FORBIDDEN)
    code = (
        f"import sys, {modules}; "
        f"bad = [m for m in sys.modules if (m + '.').startswith({prefixes!r})]; "
        "print(bad); sys.exit(1 if bad else 0)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_place_and_language_modules_never_import_the_engine() -> None:
    """The engine uses bot.geo and bot.i18n; they stay below it (no cycle)."""
    found = [
        f"{path.relative_to(ROOT)}: {name}"
        for package in ("geo", "i18n")
        for path in sorted((ROOT / "bot" / package).rglob("*.py"))
        for name in imported_names(ast.parse(path.read_text(encoding="utf-8")))
        if name == "bot.engine" or name.startswith("bot.engine.")
    ]
    assert found == []


def test_no_engine_module_imports_inside_a_function() -> None:
    """Dependencies in plain sight: imports at the top (or for type checking only)."""
    found = []
    for path in sorted(ENGINE.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                inner = [n for n in ast.walk(node) if isinstance(n, ast.Import | ast.ImportFrom)]
                found += [f"{path.relative_to(ROOT)}:{n.lineno}" for n in inner]
    assert found == []
