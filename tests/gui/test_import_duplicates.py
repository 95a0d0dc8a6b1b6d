"""Importing a table whose projects the dataset already holds: the preview lists them and asks
跳过 / 替换 / 都保留; nothing is imported before the clerk chose, and the choice is applied as
one undoable step."""

from __future__ import annotations

import pytest
from tests.support import io_tables
from tests.support.gui_helpers import on_next_dialog, press, reactivate
from tests.support.io_tables import ROWS
from PySide6.QtCore import Qt

from perfdesk.gui import commands
from perfdesk.gui.dialogs.import_dialog import ImportDialog
from perfdesk.gui.window.main_window import MainWindow


@pytest.fixture
def window(gui, qtbot, new_dataset, tmp_path):
    win = MainWindow()
    qtbot.addWidget(win)
    win.resize(1200, 700)
    win.show()
    qtbot.waitExposed(win)
    win.set_dataset(new_dataset())
    rows = [[r[2], r[3], r[4]] for r in ROWS]
    win.table = io_tables.write_text(tmp_path / "单位自己的表.csv",
                                     [["项目名称", "绩效目标", "绩效指标"], *rows])
    gui.answers["open_table_files"] = [win.table]
    on_next_dialog(lambda dialog: press(qtbot, dialog, Qt.Key.Key_Return), ImportDialog)
    win.ui.actionImport.trigger()  # the first import: no duplicates, 导入 at once
    qtbot.waitUntil(lambda: win.tree_model.project_count() == 3, timeout=60000)
    reactivate(qtbot, win)
    yield win
    win.close()


def again(window, qtbot, keys):
    """Import the same table again; at the preview, press ``keys`` (each a (key, modifier))
    and report what the preview showed before and after."""
    def act(dialog):
        reactivate(qtbot, dialog)  # the desktop activates a dialog it shows
        seen = {"ok": (dialog.ok_button.isEnabled(), dialog.ok_button.text()),
                "listed": [dialog.duplicates.list.item(r).text()
                           for r in range(dialog.duplicates.list.count())]}
        press(qtbot, dialog, Qt.Key.Key_Return)  # 导入 before choosing: nothing happens
        seen["still_open"] = dialog.isVisible()
        for key, modifier in keys:
            press(qtbot, dialog, key, modifier)
            if modifier == ALT:  # a mnemonic clicks its button as an animated click
                qtbot.waitUntil(lambda: dialog.policy() is not None)
        seen["chosen"] = (dialog.policy(), dialog.ok_button.text())
        if dialog.isVisible():
            dialog.reject()
        return seen

    seen = on_next_dialog(act, ImportDialog)
    window.ui.actionImport.trigger()
    qtbot.waitUntil(lambda: bool(seen), timeout=60000)
    qtbot.waitUntil(lambda: not window.jobs.busy, timeout=60000)
    reactivate(qtbot, window)
    return seen[0]


ALT = Qt.KeyboardModifier.AltModifier
NONE = Qt.KeyboardModifier.NoModifier


def test_the_duplicates_are_listed_and_nothing_is_imported_before_a_choice(window, qtbot):
    seen = again(window, qtbot, [])
    assert seen["ok"] == (False, "请先选择同名项目的处理方式")
    assert len(seen["listed"]) == 3 and all("数据文件中已有" in t for t in seen["listed"])
    assert ROWS[0][2] in seen["listed"][0]
    assert seen["still_open"]  # Enter did not import
    assert window.tree_model.project_count() == 3
    assert window.document.undo_stack.count() == 1  # only the first import


def test_replace_puts_the_tables_project_in_place_as_one_undo_step(window, qtbot):
    document = window.document
    first = window.tree_model.project_uuids()[0]
    goal = document.project(first).annual_goal
    document.push(commands.EditProject(document, first, {"annual_goal": "改过的年度目标"}))
    seen = again(window, qtbot, [(Qt.Key.Key_R, ALT), (Qt.Key.Key_Return, NONE)])
    assert seen["chosen"] == ("replace", "导入 0 个项目（替换 3 个）")
    qtbot.waitUntil(lambda: document.project(first).annual_goal == goal, timeout=60000)
    assert window.tree_model.project_count() == 3  # in place: same projects, same identity
    assert window.tree_model.project_uuids()[0] == first
    assert document.undo_stack.undoText() == "导入 0 个项目（替换 3 个）"
    window.undo()
    assert document.project(first).annual_goal == "改过的年度目标"


def test_keep_both_adds_a_second_copy_and_skip_adds_nothing(window, qtbot):
    seen = again(window, qtbot, [(Qt.Key.Key_S, ALT)])
    assert seen["chosen"][0] == "skip"  # all three skipped: nothing to import, 取消 it is
    assert window.tree_model.project_count() == 3
    seen = again(window, qtbot, [(Qt.Key.Key_K, ALT), (Qt.Key.Key_Return, NONE)])
    assert seen["chosen"] == ("keep", "导入 3 个项目")
    qtbot.waitUntil(lambda: window.tree_model.project_count() == 6, timeout=60000)
    window.undo()
    assert window.tree_model.project_count() == 3
