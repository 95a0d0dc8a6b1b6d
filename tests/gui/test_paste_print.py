"""Pasting indicators from Excel, printing the detailed form to PDF, and checking all, from the
main window (the dialogs and the PDF writer have their own tests)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from tests.support.gui_helpers import on_next_dialog, press, reactivate, well_formed_project
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialogButtonBox

from perfdesk.services.dataset import Dataset
from perfdesk.gui.models.indicator_table_model import NAME
from perfdesk.gui.window.main_window import MainWindow
from perfdesk.core.model import Indicator, Project

EXCEL_BLOCK = ("一级指标\t二级指标\t三级指标\t指标值\r\n"
               "产出指标\t数量指标\t培训场次\t≥10场\r\n"
               "\t质量指标\t培训合格率\t>=95%\r\n"
               "效益指标\t社会效益指标\t政策知晓率\t抽样\r\n")


@pytest.fixture
def window(gui, qtbot, new_dataset):
    dataset = new_dataset()
    unit = dataset.units()[0].uuid
    dataset.add_project(unit, Project(name="网格化服务经费", annual_goal="完成。", indicators=[
        Indicator(level1="满意度指标", level2="服务对象满意度指标", name="群众满意度",
                  nature="定量", comparator="≥", target=Decimal(90), unit="%")]))
    win = MainWindow()
    qtbot.addWidget(win)
    win.resize(1200, 700)
    win.show()
    qtbot.waitExposed(win)
    win.set_dataset(dataset)
    win.checker.finish_now()
    yield win
    win.close()


def stored(window) -> Project:
    with Dataset.open(window.document.dataset.path, read_only=True) as ds:
        return ds.load_project(window.current_project)


def test_a_block_pasted_from_excel_is_previewed_then_added_as_one_undo_step(window, qtbot):
    QGuiApplication.clipboard().setText(EXCEL_BLOCK)
    grid = window.ui.indicatorGrid
    grid.setFocus()
    grid.setCurrentIndex(window.indicator_model.index(0, NAME))

    def accept(dialog):
        rows = dialog.model.rowCount()
        dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
        return rows

    seen = on_next_dialog(accept)
    press(qtbot, grid, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert seen == [3]
    reactivate(qtbot, window)
    names = [i.name for i in stored(window).indicators]
    assert names == ["群众满意度", "培训场次", "培训合格率", "政策知晓率"]
    second = stored(window).indicators[2]
    assert (second.level1, second.level2, second.comparator, second.target) == (
        "产出指标", "质量指标", "≥", Decimal("95"))
    assert window.document.undo_stack.undoText() == "粘贴 3 个指标"
    window.undo()
    assert [i.name for i in stored(window).indicators] == ["群众满意度"]


def test_a_cancelled_paste_adds_nothing(window, qtbot):
    QGuiApplication.clipboard().setText(EXCEL_BLOCK)
    window.ui.indicatorGrid.setFocus()
    on_next_dialog(lambda dialog: dialog.reject())
    press(qtbot, window.ui.indicatorGrid, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert len(stored(window).indicators) == 1
    assert not window.document.undo_stack.canUndo()


def test_ctrl_p_writes_the_detailed_form_as_a_pdf_and_opens_it(window, gui, qtbot, tmp_path):
    target = tmp_path / "申报表.pdf"
    gui.answers["save_file"] = target
    press(qtbot, window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: any(kind == "show_file" for kind, *_ in gui.asked), timeout=30000)
    assert ("show_file", target) in gui.asked
    assert target.read_bytes().startswith(b"%PDF")


def test_f5_checks_every_project_again_off_the_gui_thread(window, qtbot):
    unit = window.document.dataset.units()[0].uuid
    project = well_formed_project()  # four indicators
    window.document.add_project(unit, project)
    assert "REQ-05" not in {f.rule for f in window.checker.findings(project.uuid)}
    window.document.dataset.update_settings({"min_indicators": 5})  # behind the window's back
    window.ui.projectTree.setFocus()
    press(qtbot, window, Qt.Key.Key_F5)
    assert window.jobs.busy
    qtbot.waitUntil(lambda: not window.jobs.busy, timeout=30000)
    assert "REQ-05" in {f.rule for f in window.checker.findings(project.uuid)}


PER_PLACE_BLOCK = ("一级指标\t二级指标\t三级指标\t指标方向\t指标值\t\t\r\n"
                   "\t\t\t\t白水村\t东山村\t西岭村\r\n"
                   "产出指标\t数量指标\t新建村级活动场所\t≥\t1个\t1个\t2个\r\n"
                   "\t质量指标\t设施验收合格率\t≥\t100%\t100%\t100%\r\n"
                   "\t时效指标\t项目完成时限\t≤\t6个月\t8个月\t6个月\r\n")


def test_a_block_with_a_value_column_per_place_lands_as_one_target_per_row(window, qtbot):
    """Copied from a county's table whose 指标值 stands over one column per 村: the preview
    says how each row's places were combined, Enter confirms, and each row becomes one
    indicator with one target (summed, the same, or left empty where the places differ)."""
    QGuiApplication.clipboard().setText(PER_PLACE_BLOCK)
    grid = window.ui.indicatorGrid
    grid.setFocus()
    grid.setCurrentIndex(window.indicator_model.index(0, NAME))

    def confirm(dialog):
        seen = (dialog.model.rowCount(), dialog.ui.noticesLabel.text())
        qtbot.keyClick(dialog, Qt.Key.Key_Return)
        return seen

    seen = on_next_dialog(confirm)
    press(qtbot, grid, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    (rows, notices), = seen
    assert rows == 3
    assert ("第 3 行：指标“新建村级活动场所”按属地分列（白水村 1个、东山村 1个、西岭村 2个），"
            "以“个”计可以相加，已合计为 ≥4个") in notices
    assert "第 5 行：指标“项目完成时限”按属地分列" in notices and "指标值留空" in notices
    reactivate(qtbot, window)
    got = [(i.name, i.comparator, i.target, i.unit) for i in stored(window).indicators]
    assert got == [("群众满意度", "≥", Decimal(90), "%"),
                   ("新建村级活动场所", "≥", Decimal(4), "个"),
                   ("设施验收合格率", "≥", Decimal(100), "%"),
                   ("项目完成时限", "≤", None, "")]
    assert window.document.undo_stack.undoText() == "粘贴 3 个指标"
