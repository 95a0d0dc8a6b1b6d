"""Shared test setup: headless Qt, and a private app-data folder so no test touches a real
user's settings, logs or documents."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("LANG", "zh_CN.UTF-8")

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "resources" / "samples" / "000_05425078e2155506.txt"


@pytest.fixture(autouse=True)
def _private_home(tmp_path_factory, monkeypatch):
    home = tmp_path_factory.mktemp("perfdesk-home")
    monkeypatch.setenv("PERFDESK_HOME", str(home))
    monkeypatch.delenv("LANGUAGE", raising=False)
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    from perfdesk import i18n

    i18n.set_language(None)
    yield home
    i18n.set_language(None)


@pytest.fixture
def new_dataset(tmp_path):
    """A fresh dataset file with one department and one unit; closed after the test."""
    from perfdesk.dataset import Dataset

    opened = []

    def make(name: str = "测试.perfdesk", profile: str = "88", year: int = 2025):
        ds = Dataset.create(tmp_path / name, year=year, profile=profile,
                            department="测试主管部门", unit="测试预算单位")
        opened.append(ds)
        return ds

    yield make
    for ds in opened:
        ds.close()


def run_cli(*args: str, env: dict | None = None, cwd: Path | None = None):
    """Run ``python -m perfdesk`` in a subprocess; returns the CompletedProcess."""
    import subprocess

    full_env = dict(os.environ)
    full_env.update(env or {})
    return subprocess.run([sys.executable, "-m", "perfdesk", *args], capture_output=True,
                          text=True, encoding="utf-8", env=full_env, cwd=cwd, timeout=300)


@pytest.fixture
def gui(qapp, tmp_path, monkeypatch):
    """The Qt application set up as PerfDesk sets it up (Chinese), in Qt's test mode.

    Message boxes and file dialogs (perfdesk.gui.prompts) never block a test: each returns what
    the test put in ``gui.answers`` (default: the first choice) and is recorded in
    ``gui.asked``.
    """
    from PySide6.QtCore import QStandardPaths

    from perfdesk.gui import app, prompts

    QStandardPaths.setTestModeEnabled(True)
    app.create_application()

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
                 "open_table_files", "save_file", "choose_folder"):
        monkeypatch.setattr(prompts, kind, record(kind))
    yield recorder
    app.install_language(qapp, "zh_CN")
