"""The architecture holds: the core never imports Qt, the package list is complete."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def core_modules() -> list[str]:
    modules = []
    for path in sorted((ROOT / "perfdesk").rglob("*.py")):
        rel = path.relative_to(ROOT).with_suffix("")
        parts = list(rel.parts)
        if parts[-1] == "__init__":
            parts.pop()
        if parts[-1] == "__main__" or (len(parts) > 1 and parts[1] == "gui"):
            continue
        modules.append(".".join(parts))
    return modules


def test_the_core_imports_with_qt_made_unimportable():
    modules = core_modules()
    assert "perfdesk.dataset" in modules and "perfdesk.values" in modules
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
        from perfdesk.selftest import run_self_test
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
        import perfdesk.gui.app
        import perfdesk.gui.main_window
        heavy = ("sqlalchemy", "sqlmodel", "pydantic", "openpyxl", "alembic", "xlrd",
                 "perfdesk.model", "perfdesk.dataset", "perfdesk.checks", "perfdesk.io")
        print(sorted(m for m in heavy if m in sys.modules))
    """)
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=ROOT, timeout=120, env={**__import__("os").environ,
                                                        "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
