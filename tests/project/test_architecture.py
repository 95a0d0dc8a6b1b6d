"""The architecture holds: import rules over the whole tree, the core imports without Qt, the
package list is complete.

The layers (README, "Map of the code"): ``core`` (the domain) imports nothing else of PerfDesk;
``storage`` and ``checks`` import only ``core``; ``io`` imports ``core``; ``services`` may use
all four; ``cli`` and ``gui`` go through ``services`` (never ``storage``); only ``app`` (the
entry point and the self-test) may import both the command line and the GUI. Qt belongs to
the GUI alone, SQL to storage alone.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
import tomllib
from pathlib import Path

import pytest

from tests.support.paths import ROOT


def core_modules() -> list[str]:
    modules = []
    for path in sorted((ROOT / "perfdesk").rglob("*.py")):
        rel = path.relative_to(ROOT).with_suffix("")
        parts = list(rel.parts)
        if parts[-1] == "__init__":
            parts.pop()
        if parts[-1] == "__main__" or (len(parts) > 1 and parts[1] in ("gui", "app")):
            continue
        modules.append(".".join(parts))
    return modules


def test_the_core_imports_with_qt_made_unimportable():
    modules = core_modules()
    assert "perfdesk.services.dataset" in modules and "perfdesk.core.values" in modules
    code = textwrap.dedent(f"""
        import importlib, sys
        class Block:
            def find_spec(self, name, path=None, target=None):
                if name == "PySide6" or name.startswith("PySide6.") or name == "shiboken6":
                    raise ImportError("Qt is blocked in this test: " + name)
        sys.meta_path.insert(0, Block())
        for name in {modules!r}:
            importlib.import_module(name)
        assert not any(m.startswith("PySide6") for m in sys.modules)
        print("imported", len({modules!r}))
    """)
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("imported")


def test_every_package_is_listed_in_pyproject():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    found = {".".join(p.parent.relative_to(ROOT).parts)
             for p in (ROOT / "perfdesk").rglob("__init__.py")}
    found.add("perfdesk.resources")
    assert found == listed


def test_the_gui_layer_runs_no_sql():
    gui = ROOT / "perfdesk" / "gui"
    if not gui.exists():
        return
    for path in gui.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        for word in ("sqlalchemy", "sqlite3", "sqlmodel", "perfdesk.storage"):
            assert word not in text, f"{path.name} uses {word}"


def test_the_window_module_loads_without_the_data_layer():
    """Start-up speed: the main window's code imports no SQLAlchemy, SQLModel, pydantic,
    openpyxl or Alembic; they load when a dataset opens (bench/bench_startup.py)."""
    code = textwrap.dedent("""
        import sys
        import perfdesk.cli
        import perfdesk.gui.application
        import perfdesk.gui.window.main_window
        heavy = ("sqlalchemy", "sqlmodel", "pydantic", "openpyxl", "alembic", "xlrd",
                 "perfdesk.core.model", "perfdesk.services.dataset", "perfdesk.checks", "perfdesk.io")
        print(sorted(m for m in heavy if m in sys.modules))
    """)
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=ROOT, timeout=120, env={**__import__("os").environ,
                                                        "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


# --- import rules -----------------------------------------------------------------------------

QT = {"PySide6", "shiboken6"}
SQL = {"sqlalchemy", "sqlmodel", "alembic", "sqlite3"}
EXCEL = {"openpyxl", "xlrd"}
# layer -> (PerfDesk layers it may import, third-party top-level packages it must not import)
LAYERS: dict[str, tuple[set[str], set[str]]] = {
    "core": (set(), QT | EXCEL | {"sqlalchemy", "alembic", "sqlite3"}),
    "storage": ({"core"}, QT | EXCEL),
    "checks": ({"core"}, QT | SQL | EXCEL),
    "io": ({"core"}, QT | SQL),
    "services": ({"core", "storage", "checks", "io"}, QT | SQL),
    "cli": ({"core", "services", "checks", "io"}, QT | SQL),
    "gui": ({"core", "services", "checks", "io"}, SQL | EXCEL),
    "app": ({"core", "storage", "services", "checks", "io", "cli", "gui"}, set()),
}
TOP_LEVEL = {"__init__": "core", "__main__": "app"}  # perfdesk/__init__.py holds the version


def _layer_of(module: str) -> str | None:
    parts = module.split(".")
    if parts[0] != "perfdesk":
        return None
    if len(parts) == 1:
        return "core"
    return TOP_LEVEL.get(parts[1], parts[1])


def _imports(path: Path, module: str):
    import ast

    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                name = ".".join(base + ([node.module] if node.module else []))
            else:
                name = node.module or ""
            if name.split(".")[0] == "perfdesk":  # from perfdesk.gui import commands
                for alias in node.names:
                    yield node.lineno, f"{name}.{alias.name}"
            else:
                yield node.lineno, name


def import_violations(root: Path) -> list[str]:
    """Every import under ``root/perfdesk`` that breaks a layer rule, as readable lines."""
    found = []
    for path in sorted((root / "perfdesk").rglob("*.py")):
        rel = path.relative_to(root).with_suffix("")
        parts = list(rel.parts)
        if parts[-1] == "__init__" and len(parts) > 2:
            parts.pop()
        module = ".".join(parts) if parts != ["perfdesk", "__init__"] else "perfdesk"
        layer = _layer_of(module if module != "perfdesk.__main__" else "perfdesk.__main__")
        if module == "perfdesk.__init__":
            layer = "core"
        allowed, banned = LAYERS[layer]
        for line, name in _imports(path, module):
            where = f"{rel.as_posix()}.py:{line}"
            target = _layer_of(name)
            if target is None:
                top = name.split(".")[0]
                if top in banned:
                    found.append(f"{where}: {layer} imports {name}")
            elif name in ("perfdesk", "perfdesk.__version__"):
                continue
            elif target != layer and target not in allowed:
                found.append(f"{where}: {layer} imports {name} ({target})")
    return found


def test_every_module_keeps_the_import_rules():
    assert import_violations(ROOT) == []


@pytest.mark.parametrize("layer, module_text, expected", [
    ("core", "from PySide6.QtCore import QObject\n", "core imports PySide6.QtCore"),
    ("core", "from perfdesk.gui import commands\n", "core imports perfdesk.gui.commands"),
    ("checks", "import perfdesk.storage.tables\n", "checks imports perfdesk.storage.tables"),
    ("gui", "from perfdesk.storage import datasetfile\n", "gui imports perfdesk.storage"),
    ("gui", "import sqlalchemy as sa\n", "gui imports sqlalchemy"),
    ("services", "from sqlalchemy import select\n", "services imports sqlalchemy"),
    ("cli", "def f():\n    from perfdesk.gui.application import run_app\n",
     "cli imports perfdesk.gui.application"),
])
def test_the_import_rules_catch_a_broken_layer(tmp_path, layer, module_text, expected):
    """The rule test is not a formality: each kind of broken import is reported."""
    package = tmp_path / "perfdesk" / layer
    package.mkdir(parents=True)
    (tmp_path / "perfdesk" / "__init__.py").write_text("")
    (package / "__init__.py").write_text("")
    (package / "broken.py").write_text(module_text)
    found = import_violations(tmp_path)
    assert len(found) == 1 and expected in found[0], found
    assert found[0].startswith(f"perfdesk/{layer}/broken.py:")


def test_qt_and_the_gui_are_blocked_outside_the_gui_tests():
    """tests/conftest.py hides Qt from every test outside tests/gui (this one included)."""
    with pytest.raises(ImportError, match="blocked outside tests/gui"):
        import PySide6.QtCore  # noqa: F401
    with pytest.raises(ImportError, match="blocked outside tests/gui"):
        import perfdesk.gui.document  # noqa: F401
