"""Import from the window previews exactly what it will import: the files are read once, the
preview shows each project where it will go, and importing adds those projects (and nothing
else) as one undoable step; what cannot be imported is said before the preview."""

from __future__ import annotations

import pytest
from tests.support import io_tables
from tests.support.gui_helpers import on_next_dialog, reactivate, type_text
from tests.support.io_tables import ROWS
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from perfdesk.gui import commands
from perfdesk.gui.dialogs.import_dialog import ImportDialog
from perfdesk.gui.window.main_window import MainWindow
from perfdesk.services import importing
from perfdesk.services.dataset import Dataset


@pytest.fixture
def window(gui, qtbot, new_dataset):
    win = MainWindow()
    qtbot.addWidget(win)
    win.resize(1200, 700)
    win.show()
    qtbot.waitExposed(win)
    win.set_dataset(new_dataset())
    yield win
    win.close()


def unit_less_table(tmp_path):
    rows = [[r[2], r[3], r[4]] for r in ROWS]
    return io_tables.write_text(tmp_path / "单位自己的表.csv",
                                [["项目名称", "绩效目标", "绩效指标"], *rows])


def test_the_preview_shows_where_projects_go_and_exactly_those_are_imported(
        window, gui, qtbot, tmp_path, monkeypatch):
    path = unit_less_table(tmp_path)
    gui.answers["open_table_files"] = [path]
    reads = []
    real = importing.read_table
    monkeypatch.setattr(importing, "read_table",
                        lambda *args, **kwargs: reads.append(args[0]) or real(*args, **kwargs))

    def look_and_accept(dialog):
        tree = dialog.tree
        department = tree.index(0, 0)
        seen = (tree.rowCount(), department.data(Qt.ItemDataRole.DisplayRole),
                tree.index(0, 0, department).data(Qt.ItemDataRole.DisplayRole),
                [(p.uuid, p.model_dump()) for p in dialog.projects()])
        dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
        return seen

    seen = on_next_dialog(look_and_accept, ImportDialog)
    window.ui.actionImport.trigger()
    qtbot.waitUntil(lambda: window.tree_model.project_count() == 3, timeout=60000)
    reactivate(qtbot, window)
    [(departments, department, unit, previewed)] = seen
    assert (departments, department, unit) == (1, "测试主管部门（3 个项目）", "测试预算单位（3 个项目）")
    assert reads == [path]  # read once: the preview and the import are the same projects
    with Dataset.open(window.document.path, read_only=True) as ds:
        stored = [(p.uuid, p.model_dump()) for p in ds.load_projects()]
    assert stored == previewed
    assert window.document.undo_stack.count() == 1
    assert window.document.undo_stack.undoText() == "导入 3 个项目"
    assert window.current_project == previewed[0][0]  # the first imported project is shown
    window.undo()
    assert window.tree_model.project_count() == 0
    window.redo()
    assert window.tree_model.project_uuids() == [uuid for uuid, _ in previewed]


def test_a_table_naming_only_its_unit_offers_that_unit_and_the_clerk_types_its_department(
        window, gui, qtbot, tmp_path):
    # c07: 预算单位：东莞市交通运输局 and no 主管部门; the dataset has two other units
    window.document.push(commands.AddUnit(window.document, "测试主管部门", "另一个预算单位"))
    rows = [[r[2], r[3], r[4]] for r in ROWS]
    path = io_tables.write_text(tmp_path / "只有预算单位.csv",
                                [["预算单位", "项目名称", "绩效目标", "绩效指标"],
                                 *[["东莞市交通运输局", *r] for r in rows]])
    gui.answers["open_table_files"] = [path]

    def look_type_and_import(dialog):
        box = dialog.unit_box
        seen = {"offered": (box.department.currentText(), box.unit.currentText())}
        box.department.lineEdit().setFocus()
        type_text(qtbot, box.department.lineEdit(), "东莞市交通运输局（部门）")
        qtbot.mouseClick(box.place_button, Qt.MouseButton.LeftButton)
        department = dialog.tree.index(0, 0)
        seen["tree"] = (department.data(Qt.ItemDataRole.DisplayRole),
                        dialog.tree.index(0, 0, department).data(Qt.ItemDataRole.DisplayRole))
        dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
        return seen

    def safely(dialog):
        try:
            return look_type_and_import(dialog)
        except Exception as exc:  # an exception in a timer would abort the process
            dialog.reject()
            return exc

    seen = on_next_dialog(safely, ImportDialog)
    window.ui.actionImport.trigger()
    qtbot.waitUntil(lambda: window.tree_model.project_count() == 3, timeout=60000)
    reactivate(qtbot, window)
    [seen] = seen
    assert not isinstance(seen, Exception), seen
    assert seen["offered"] == ("", "东莞市交通运输局")  # the table's own unit, no department
    assert seen["tree"] == ("东莞市交通运输局（部门）（3 个项目）", "东莞市交通运输局（3 个项目）")
    with Dataset.open(window.document.path, read_only=True) as ds:
        assert {(p.department, p.unit) for p in ds.load_projects()} == {
            ("东莞市交通运输局（部门）", "东莞市交通运输局")}


def test_the_clerk_picks_the_unit_of_a_table_that_names_none_and_sees_its_layout(
        window, gui, qtbot, tmp_path):
    window.document.push(commands.AddUnit(window.document, "测试主管部门", "另一个预算单位"))
    gui.answers["open_table_files"] = [unit_less_table(tmp_path)]

    def pick_and_import(dialog):
        try:
            return look_pick_and_import(dialog)
        except Exception as exc:  # an exception in a timer would abort the process
            dialog.reject()
            return exc

    def look_pick_and_import(dialog):
        ok = dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        seen = {"layout": dialog.layout_label.text(), "ok before": ok.isEnabled(),
                "ok text": ok.text()}
        box = dialog.unit_box
        assert box is not None and box.isVisible()
        box.unit.lineEdit().setFocus()
        box.unit.lineEdit().selectAll()
        type_text(qtbot, box.unit.lineEdit(), "另一个预算单位")
        assert box.department.currentText() == "测试主管部门"
        qtbot.mouseClick(box.place_button, Qt.MouseButton.LeftButton)
        department = dialog.tree.index(0, 0)
        seen["tree"] = (department.data(Qt.ItemDataRole.DisplayRole),
                        dialog.tree.index(0, 0, department).data(Qt.ItemDataRole.DisplayRole))
        seen["box hidden"] = not box.isVisible()
        seen["ok after"] = ok.isEnabled()
        ok.click()
        return seen

    seen = on_next_dialog(pick_and_import, ImportDialog)
    window.ui.actionImport.trigger()
    qtbot.waitUntil(lambda: window.tree_model.project_count() == 3, timeout=60000)
    reactivate(qtbot, window)
    [seen] = seen
    assert not isinstance(seen, Exception), seen
    assert seen["layout"] == "识别为：公开表（项目名称、绩效目标、绩效指标五列）"
    assert (seen["ok before"], seen["ok text"]) == (False, "请先选择项目所属的单位")
    assert seen["tree"] == ("测试主管部门（3 个项目）", "另一个预算单位（3 个项目）")
    assert seen["box hidden"] and seen["ok after"]
    with Dataset.open(window.document.path, read_only=True) as ds:
        assert {p.unit for p in ds.load_projects()} == {"另一个预算单位"}
    assert window.document.undo_stack.count() == 2  # the unit added above, then the import
