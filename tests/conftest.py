"""Shared test setup: headless Qt, a private app-data folder so no test touches a real user's
settings, logs or documents, and Qt (and the GUI's code) blocked outside ``tests/gui``.

The tests are laid out like the code. Everything outside ``tests/gui`` tests the headless core,
so there Qt is not just unused but unavailable: while such a test module is imported and while
such a test runs, PySide6, shiboken6 and ``perfdesk.gui`` are hidden from ``sys.modules`` and any
import of them raises ImportError. (pytest-qt itself has imported Qt by then; hiding the modules, rather than
only refusing new imports, is what makes the block real. ``testpaths`` runs the GUI tests
last, so no Qt object is alive while a core test runs.)
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

GUI_TESTS = Path(__file__).resolve().parent / "gui"
_QT = ("PySide6", "shiboken6")
_GUI_CODE = "perfdesk.gui"


class _QtBlock:
    """A meta-path finder refusing Qt while :data:`active`."""

    active = False

    def find_spec(self, name, path=None, target=None):
        if self.active and (name.split(".")[0] in _QT or name == _GUI_CODE
                            or name.startswith(_GUI_CODE + ".")):
            raise ImportError(f"Qt and the GUI are blocked outside tests/gui: {name}")
        return None


_BLOCK = _QtBlock()
sys.meta_path.insert(0, _BLOCK)


def _outside_gui(path) -> bool:
    return path is not None and GUI_TESTS not in Path(path).resolve().parents


class _QtHidden:
    """Within the block: Qt's modules out of sys.modules and new imports refused."""

    def __enter__(self):
        self.hidden = {name: sys.modules.pop(name) for name in list(sys.modules)
                       if name.split(".")[0] in _QT or name == _GUI_CODE
                       or name.startswith(_GUI_CODE + ".")}
        _BLOCK.active = True

    def __exit__(self, *exc):
        _BLOCK.active = False
        sys.modules.update(self.hidden)


@pytest.hookimpl(hookwrapper=True)
def pytest_make_collect_report(collector):
    if isinstance(collector, pytest.Module) and _outside_gui(collector.path):
        with _QtHidden():
            yield
    else:
        yield


@pytest.hookimpl(hookwrapper=True)
def pytest_pyfunc_call(pyfuncitem):
    # Only around the test's own body: pytest-qt's hooks before and after it still see Qt.
    if _outside_gui(pyfuncitem.path):
        with _QtHidden():
            yield
    else:
        yield

def pytest_collection_modifyitems(config, items):
    """Tests marked ``slow`` (kill -9 suites, the heaviest bad inputs: minutes of whole
    processes) run only with ``PERFDESK_SLOW_TESTS=1``, so the default suite stays quick."""
    if os.environ.get("PERFDESK_SLOW_TESTS") == "1":
        return
    skip = pytest.mark.skip(reason="slow: set PERFDESK_SLOW_TESTS=1 to run it")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("LANG", "zh_CN.UTF-8")



@pytest.fixture(autouse=True)
def _private_home(tmp_path_factory, monkeypatch):
    home = tmp_path_factory.mktemp("perfdesk-home")
    monkeypatch.setenv("PERFDESK_HOME", str(home))
    monkeypatch.delenv("LANGUAGE", raising=False)
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    from perfdesk.core import i18n

    i18n.set_language(None)
    yield home
    i18n.set_language(None)


@pytest.fixture
def new_dataset(tmp_path):
    """A fresh dataset file with one department and one unit; closed after the test."""
    from perfdesk.services.dataset import Dataset

    opened = []

    def make(name: str = "测试.perfdesk", profile: str = "88", year: int = 2025):
        ds = Dataset.create(tmp_path / name, year=year, profile=profile,
                            department="测试主管部门", unit="测试预算单位")
        opened.append(ds)
        return ds

    yield make
    for ds in opened:
        ds.close()


@pytest.fixture
def gui(qapp, tmp_path, monkeypatch):
    """The Qt application set up as PerfDesk sets it up (Chinese), in Qt's test mode.

    Message boxes and file dialogs (perfdesk.gui.dialogs.prompts) never block a test: each returns what
    the test put in ``gui.answers`` (default: the first choice) and is recorded in
    ``gui.asked``.
    """
    from PySide6.QtCore import QStandardPaths

    from perfdesk.gui import application

    from perfdesk.gui.dialogs import prompts

    QStandardPaths.setTestModeEnabled(True)
    application.create_application()

    class Prompts:
        answers: dict = {}
        asked: list = []

    recorder = Prompts()
    recorder.answers = {}
    recorder.asked = []

    def record(kind):
        def answer(*args, **_kwargs):
            if kind != "show_file":  # every other prompt takes the parent window first
                args = args[1:]
            recorder.asked.append((kind, *args))
            default = {"ask": True, "choose": 0}.get(kind)
            return recorder.answers.get(kind, default)
        return answer

    for kind in ("inform", "warn", "ask", "choose", "show_file", "open_dataset_file",
                 "open_table_files", "save_file", "choose_folder", "open_submission_files",
                 "open_task_file"):
        monkeypatch.setattr(prompts, kind, record(kind))
    yield recorder
    application.install_language(qapp, "zh_CN")
