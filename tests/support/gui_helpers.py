"""Helpers for driving real widgets like a clerk does (keys, input method, mouse)."""

from __future__ import annotations

import itertools

from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QInputMethodEvent, QMouseEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication, QComboBox, QLineEdit


def type_text(qtbot, widget, text: str) -> None:
    """Type ``text`` into ``widget`` as a clerk does: ASCII as keys, Chinese as an input
    method commits it (QTest cannot send non-ASCII keys). Once typing has opened a cell
    editor inside ``widget``, the rest goes to that editor."""
    for is_ascii, run in itertools.groupby(text, key=lambda ch: ord(ch) < 128):
        run = "".join(run)
        target = focused()
        if target is None or not (target is widget or widget.isAncestorOf(target)):
            target = widget
        if is_ascii:
            for char in run:  # a key may open a cell editor: the next goes there
                target = focused()
                if target is None or not (target is widget or widget.isAncestorOf(target)):
                    target = widget
                qtbot.keyClicks(target, char)
        else:  # an input method shows the composition, then commits it
            QApplication.sendEvent(target, QInputMethodEvent(run, []))
            target = focused() if focused() is not None and widget.isAncestorOf(focused()) \
                and focused() is not widget else target
            commit = QInputMethodEvent()
            commit.setCommitString(run)
            QApplication.sendEvent(target, commit)


def type_into(qtbot, widget, text: str) -> None:
    widget.setFocus()
    type_text(qtbot, widget, text)


def press(qtbot, widget, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(widget, key, modifier)


def focused():
    return QApplication.focusWidget()


def cell_editor(grid) -> QLineEdit | QComboBox:
    editor = focused()
    assert editor is not None and grid.isAncestorOf(editor), "no cell editor is open"
    if isinstance(editor.parent(), QComboBox):
        return editor.parent()
    return editor


def double_click(widget, pos) -> None:
    """A double-click as a window system delivers it (press, release, double-click, release);
    QTest's mouseDClick sends no double-click event to item views on the offscreen platform."""
    local = QPointF(pos)
    screen = QPointF(widget.mapToGlobal(pos))
    for kind, buttons in ((QEvent.Type.MouseButtonPress, Qt.MouseButton.LeftButton),
                          (QEvent.Type.MouseButtonRelease, Qt.MouseButton.NoButton),
                          (QEvent.Type.MouseButtonDblClick, Qt.MouseButton.LeftButton),
                          (QEvent.Type.MouseButtonRelease, Qt.MouseButton.NoButton)):
        QApplication.sendEvent(widget, QMouseEvent(kind, local, screen, Qt.MouseButton.LeftButton,
                                                   buttons, Qt.KeyboardModifier.NoModifier))


def enter(qtbot, grid) -> None:
    """Press Enter in the open cell editor; the grid commits it and moves on (queued)."""
    press(qtbot, cell_editor(grid), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: grid.state() != QAbstractItemView.State.EditingState)
    reactivate(qtbot, grid.window())


def reactivate(qtbot, window) -> None:
    """The offscreen platform leaves a closed completer popup as the active window (a desktop
    gives activation back to the main window); do what the desktop does."""
    if not window.isActiveWindow():
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)


def shown_window(qtbot, dataset, settings=None, size=(1366, 768)):
    """The main window at ``size`` (a clerk's usual 1366×768), shown with ``dataset`` open
    and its first check finished."""
    from perfdesk.gui.window.main_window import MainWindow

    win = MainWindow(settings) if settings is not None else MainWindow()
    qtbot.addWidget(win)
    win.resize(*size)
    win.show()
    qtbot.waitExposed(win)
    win.set_dataset(dataset)
    win.checker.finish_now()
    return win


def escape(qtbot, grid) -> None:
    press(qtbot, cell_editor(grid), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: grid.state() != QAbstractItemView.State.EditingState)


def well_formed_indicators():
    """Four indicators the checks accept (rules.md's example of a well-formed project)."""
    from decimal import Decimal

    from perfdesk.core.model import Indicator

    rows = (("产出指标", "数量指标", "培训场次", "≥", "10", "场"),
            ("效益指标", "社会效益指标", "政策知晓率", "≥", "90", "%"),
            ("满意度指标", "服务对象满意度指标", "参训人员满意度", "≥", "90", "%"),
            ("产出指标", "成本指标", "人均培训成本", "≤", "500", "元/人"))
    return [Indicator(level1=l1, level2=l2, name=name, nature="定量", comparator=comparator,
                      target=Decimal(target), unit=unit, basis="计划标准")
            for l1, l2, name, comparator, target, unit in rows]


def well_formed_project(name: str = "基层社会治理培训经费", **fields):
    """A project the checks find nothing wrong with (unless ``fields`` say otherwise)."""
    from perfdesk.core.model import Project

    values = dict(name=name, attribute="新增项目", period_start=2025, period_end=2025,
                  annual_goal="完成培训10场，参训人员满意度达到90%以上。",
                  indicators=well_formed_indicators())
    values.update(fields)
    return Project(**values)


def on_next_dialog(act, kind: type | None = None) -> list:
    """Run ``act(dialog)`` on the next modal dialog (of ``kind``) once it shows: a modal
    dialog's exec() blocks the test until then. Returns a list that receives act's result."""
    from PySide6.QtCore import QTimer

    done: list = []

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or (kind is not None and not isinstance(dialog, kind)):
            QTimer.singleShot(10, poll)
            return
        done.append(act(dialog))

    QTimer.singleShot(0, poll)
    return done


def show_project(window, name: str) -> str:
    """Select the project named ``name`` in the tree, as a clerk clicks it; its uuid."""
    uuid = next(p.uuid for p in window.document.dataset.load_projects() if p.name == name)
    window.select_in_tree(uuid)
    assert window.current_project == uuid
    return uuid
