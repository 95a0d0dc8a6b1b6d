"""Never losing work: a PerfDesk killed outright keeps every completed edit."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from decimal import Decimal
from pathlib import Path

import pytest

from perfdesk.services.dataset import Dataset
from perfdesk.gui.window.main_window import MainWindow

from tests.support.paths import ROOT

# How each child starts: the real window on the dataset, and the keys of a clerk.
CHILD_START = textwrap.dedent("""
    import sys
    sys.path.insert(0, {root!r})
    from pathlib import Path
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtTest import QTest
    from tests.support.gui_helpers import type_text
    from perfdesk.services.dataset import Dataset
    from perfdesk.services.drafts import draft_path
    from perfdesk.gui.application import create_application
    from perfdesk.gui.window.main_window import MainWindow
    from perfdesk.gui.models.indicator_table_model import NAME, VALUE

    app = create_application()
    window = MainWindow()
    window.show()
    QTest.qWaitForWindowExposed(window)
    window.activateWindow()
    QTest.qWaitForWindowActive(window)
    window.open_path(Path({path!r}))

    class Bot:  # the two qtbot calls gui_helpers uses, from QTest
        keyClicks = staticmethod(QTest.keyClicks)
        keyClick = staticmethod(QTest.keyClick)
""")

# The child edits through the real window, like a clerk, then waits to be killed.
CHILD = CHILD_START + textwrap.dedent("""
    window.new_project()
    form = window.ui.projectForm.ui

    type_text(Bot, form.nameEdit, "扫黑除恶专项斗争工作经费")
    QTest.keyClick(form.nameEdit, Qt.Key.Key_Tab)
    form.annualFiscalEdit.setFocus()
    QTest.keyClicks(form.annualFiscalEdit, "88.5")
    QTest.keyClick(form.annualFiscalEdit, Qt.Key.Key_Tab)
    window.new_indicator()
    grid = window.ui.indicatorGrid
    QTest.keyClick(grid.indexWidget(grid.currentIndex()), Qt.Key.Key_Escape)
    model = window.indicator_model
    model.setData(model.index(0, NAME), "群众满意度")
    model.setData(model.index(0, VALUE), ">=90%")
    form.annualGoalEdit.setFocus()
    type_text(Bot, form.annualGoalEdit, "提升人民群众安全感")

    def typing_paused_long_enough():
        # the pause in typing wrote the goal although the field was never left
        with Dataset.open(Path({path!r}), read_only=True) as ds:
            goal = ds.load_projects()[0].annual_goal
        if goal == "提升人民群众安全感":
            print("EDITED", flush=True)
        else:
            QTimer.singleShot(100, typing_paused_long_enough)

    QTimer.singleShot(100, typing_paused_long_enough)
    app.exec()
""")


def kill_when_ready(code: str, path, home, ready: str) -> None:
    """Run ``code`` (for the dataset at ``path``) in a child PerfDesk; once it prints
    ``ready``, kill it outright, as a power cut would."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PERFDESK_HOME=str(home))
    child = subprocess.Popen([sys.executable, "-c", code.format(root=str(ROOT), path=str(path))],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                             env=env, cwd=ROOT)
    try:
        line = child.stdout.readline()
        assert line.strip() == ready, child.stderr.read()
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=60)
        child.stdout.close()
        child.stderr.close()
    assert child.returncode == -signal.SIGKILL


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_reopening_after_the_process_was_killed_shows_every_completed_edit(
        gui, qtbot, new_dataset, _private_home):
    dataset = new_dataset("断电测试.perfdesk")
    path = dataset.path
    dataset.close()
    kill_when_ready(CHILD, path, _private_home, "EDITED")

    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    assert window.open_path(path)  # the killed process's lock died with it
    assert not window.document.read_only
    [project] = window.document.dataset.load_projects()
    assert project.name == "扫黑除恶专项斗争工作经费"
    assert (project.annual_fiscal, project.annual_total) == (Decimal("88.5"), Decimal("88.5"))
    assert project.annual_goal == "提升人民群众安全感"
    [indicator] = project.indicators
    assert (indicator.name, indicator.comparator, indicator.target, indicator.unit) == (
        "群众满意度", "≥", Decimal("90"), "%")
    window.select_in_tree(project.uuid)
    assert window.ui.projectForm.ui.nameEdit.text() == "扫黑除恶专项斗争工作经费"
    window.close()
    with Dataset.open(path) as again:
        assert again.counts().indicators == 1


# The child types into a cell of the grid and, with the editor still open, waits to be killed.
TYPING_CHILD = CHILD_START + textwrap.dedent("""
    grid = window.ui.indicatorGrid
    grid.setFocus()
    grid.setCurrentIndex(window.indicator_model.index(0, VALUE))
    type_text(Bot, grid, ">=95%")  # the editor stays open: never confirmed

    def kept():
        if draft_path(Path({path!r})).exists():
            print("TYPING", flush=True)
        else:
            QTimer.singleShot(100, kept)

    QTimer.singleShot(100, kept)
    app.exec()
""")


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_text_in_an_open_cell_editor_is_offered_back_after_the_process_was_killed(
        gui, qtbot, new_dataset, _private_home):
    from perfdesk.core.model import Indicator, Project
    from perfdesk.services.drafts import draft_path

    dataset = new_dataset("输入中断电.perfdesk")
    path = dataset.path
    dataset.add_project(dataset.units()[0].uuid, Project(
        name="群众满意度调查经费", indicators=[Indicator(
            level1="满意度指标", level2="服务对象满意度指标", name="群众满意度", nature="定量")]))
    dataset.close()
    kill_when_ready(TYPING_CHILD, path, _private_home, "TYPING")
    with Dataset.open(path, read_only=True) as ds:
        assert ds.load_projects()[0].indicators[0].target is None  # never confirmed

    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    assert window.open_path(path)
    (kind, title, text, yes, _no), = [a for a in gui.asked if a[0] == "ask"]
    assert "群众满意度" in text and ">=95%" in text and "指标值" in text and yes == "填回"
    [indicator] = window.document.dataset.load_projects()[0].indicators
    assert (indicator.comparator, indicator.target, indicator.unit) == ("≥", Decimal("95"), "%")
    assert not draft_path(path).exists()  # offered once
    window.document.undo_stack.undo()  # putting it back was one undoable edit
    assert window.document.dataset.load_projects()[0].indicators[0].target is None
    window.close()
