"""报送 and 汇总 in the window, driven as a clerk drives them: 报送… lists what the checks left,
waits for a 审核说明 on each, writes the file to the chosen folder and offers its folder and
its path; 接收报送… takes a folder and shows a result per file, a hand-edited one taken only
when accepted, and the tree shows the received projects; 报送情况… tints the missing unit and
exports as xlsx. Screenshots of the three dialogs go to /tmp/perfdesk-submitting/."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from perfdesk.services.dataset import Dataset
from perfdesk.services.submission.submit import submit
from perfdesk.services.submission.task import dataset_from_task, make_task
from tests.support.gui_helpers import double_click, press, reactivate, type_text
from tests.support.submissions import clean_project, project_with_a_warning

SHOTS = Path("/tmp/perfdesk-submitting")


def shot(widget, name: str) -> None:
    SHOTS.mkdir(exist_ok=True)
    widget.grab().save(str(SHOTS / f"{name}.png"))


@pytest.fixture
def office(tmp_path):
    """A task for 甲小学 and 乙中学; 甲's dataset (a clean project, one with a warning)."""
    tasks = tmp_path / "任务"
    tasks.mkdir()
    main, units = make_task(tasks, year=2026, profile="88", department="某某区教育局",
                            units=[("甲小学", "001"), ("乙中学", "002")])
    with dataset_from_task(units[0], tmp_path / "甲.perfdesk") as unit:
        unit.add_project(unit.units()[0].uuid, clean_project())
        unit.add_project(unit.units()[0].uuid, project_with_a_warning())
    stick = tmp_path / "U盘"
    stick.mkdir()
    dataset_from_task(main, tmp_path / "汇总.perfdesk").close()
    return tmp_path, stick


def wait_jobs(qtbot, window) -> None:
    qtbot.waitUntil(lambda: not window.jobs.busy)


def open_dataset(qtbot, window, path) -> None:
    window.resize(1366, 768)
    assert window.open_path(path)
    window.checker.finish_now()
    wait_jobs(qtbot, window)


def test_the_menu_offers_what_the_dataset_kind_allows(window, qtbot, office):
    tmp, _stick = office
    actions = window.submitting.actions
    assert window.submitting.menu.title() == "报送(&S)"
    assert [a.isEnabled() for a in (actions["submit"], actions["receive"])] == [False, False]
    open_dataset(qtbot, window, tmp / "甲.perfdesk")
    assert actions["submit"].isEnabled() and not actions["receive"].isEnabled()
    open_dataset(qtbot, window, tmp / "汇总.perfdesk")
    assert not actions["submit"].isEnabled() and actions["receive"].isEnabled()
    assert actions["status"].isEnabled() and actions["fromTask"].isEnabled()


def test_submit_waits_for_an_explanation_then_writes_to_the_stick(window, qtbot, office):
    tmp, stick = office
    open_dataset(qtbot, window, tmp / "甲.perfdesk")
    window.submitting.actions["submit"].trigger()
    dialog = window.submitting.submit_dialog
    wait_jobs(qtbot, window)
    table = dialog.ui.findingsTable
    assert table.rowCount() == 1 and table.item(0, dialog.RULE).text() == "REQ-04"
    assert "1 个警告" in dialog.ui.summaryLabel.text()
    assert dialog.ui.changesText.toPlainText() == "这是第一次报送。"
    dialog.ui.folderEdit.setText(str(stick))
    assert not dialog.ok_button.isEnabled()  # the warning has no 审核说明 yet
    shot(dialog, "submit")
    assert table.currentColumn() == dialog.EXPLANATION
    reactivate(qtbot, dialog)
    press(qtbot, table, Qt.Key.Key_F2)
    type_text(qtbot, table, "按实结算，不单列成本")
    press(qtbot, QApplication.focusWidget(), Qt.Key.Key_Return)  # the cell commits (queued)
    qtbot.waitUntil(dialog.ok_button.isEnabled)
    press(qtbot, dialog.ok_button, Qt.Key.Key_Space)
    wait_jobs(qtbot, window)
    [written] = list(stick.iterdir())
    assert written.name == "2026年绩效目标_甲小学_第1次报送.xlsx"
    assert dialog.ui.pages.currentWidget() is dialog.ui.donePage
    assert str(written) in dialog.ui.doneLabel.text()
    shot(dialog, "submitted")
    press(qtbot, dialog.ui.copyPathButton, Qt.Key.Key_Space)
    assert QApplication.clipboard().text() == str(written)
    press(qtbot, dialog.ui.openFolderButton, Qt.Key.Key_Space)
    with Dataset.open(tmp / "甲.perfdesk", read_only=True) as ds:
        [sent] = ds.submissions("sent")
    assert sent["manifest"]["findings"][0]["explanation"] == "按实结算，不单列成本"


def test_double_clicking_a_finding_goes_to_its_project(window, qtbot, office, gui):
    tmp, _stick = office
    open_dataset(qtbot, window, tmp / "甲.perfdesk")
    window.select_in_tree(window.tree_model.project_uuids()[0])  # 教师培训
    window.submitting.actions["submit"].trigger()
    dialog = window.submitting.submit_dialog
    wait_jobs(qtbot, window)
    table = dialog.ui.findingsTable
    rect = table.visualItemRect(table.item(0, dialog.MESSAGE))
    double_click(table.viewport(), rect.center())
    assert window.document.project(window.current_project).name == "校园维修"


def test_a_folder_is_received_and_a_hand_edited_file_taken_only_when_accepted(window, qtbot,
                                                                               office, gui):
    tmp, stick = office
    with Dataset.open(tmp / "甲.perfdesk") as unit:
        first = submit(unit, stick, explain_all="按实结算").path
        unit.update_project(unit.project_list()[0].uuid, annual_goal="完成教师培训12期。")
        second = submit(unit, stick, explain_all="按实结算").path
    wb = load_workbook(second)  # someone changes the second file in Excel
    ws = wb[wb.sheetnames[0]]
    cell = next(c for row in ws.iter_rows() for c in row if c.value == "完成教师培训12期。")
    cell.value = "完成教师培训15期。"
    wb.save(second)
    open_dataset(qtbot, window, tmp / "汇总.perfdesk")
    assert window.tree_model.project_uuids() == []
    window.submitting.actions["receive"].trigger()
    dialog = window.submitting.receive_dialog
    gui.answers["choose_folder"] = stick
    press(qtbot, dialog.ui.addFolderButton, Qt.Key.Key_Space)
    wait_jobs(qtbot, window)
    table = dialog.ui.resultsTable
    results = {table.item(r, dialog.FILE).text(): table.item(r, dialog.RESULT).text()
               for r in range(table.rowCount())}
    assert results == {first.name: "已接收", second.name: "被手工修改，未接收"}
    assert len(window.tree_model.project_uuids()) == 2  # the tree shows what came in
    table.setCurrentCell(1, dialog.RESULT)
    assert "年度目标" in dialog.ui.detailText.toPlainText()
    assert dialog.ui.acceptChangedButton.isEnabled()
    shot(dialog, "receive")
    press(qtbot, dialog.ui.acceptChangedButton, Qt.Key.Key_Space)
    wait_jobs(qtbot, window)
    assert table.item(1, dialog.RESULT).text() == "已接收"
    assert "修改项目：教师培训（年度目标" in dialog.ui.detailText.toPlainText()
    goals = {window.document.project(u).annual_goal for u in window.tree_model.project_uuids()}
    assert "完成教师培训15期。" in goals
    press(qtbot, dialog.ui.addFolderButton, Qt.Key.Key_Space)  # the stick again: duplicates
    wait_jobs(qtbot, window)
    assert {table.item(r, dialog.RESULT).text() for r in range(2)} == {"已跳过（重复）"}
    stack = window.document.undo_stack  # each receipt is one undo step; duplicates add none
    assert stack.count() == 2 and stack.undoText() == "接收报送"
    window.undo()
    goals = {window.document.project(u).annual_goal for u in window.tree_model.project_uuids()}
    assert "完成教师培训15期。" not in goals
    window.undo()
    assert window.tree_model.project_uuids() == []
    with Dataset.open(tmp / "汇总.perfdesk", read_only=True) as merged:
        assert merged.submissions("received") == []  # the receipts went with them


def test_status_tints_the_missing_unit_and_exports_it(window, qtbot, office, gui):
    tmp, stick = office
    with Dataset.open(tmp / "甲.perfdesk") as unit:
        path = submit(unit, stick, explain_all="按实结算").path
    with Dataset.open(tmp / "汇总.perfdesk") as merged:
        from perfdesk.services.submission.receive import receive
        receive(merged, [path])
    open_dataset(qtbot, window, tmp / "汇总.perfdesk")
    window.submitting.actions["status"].trigger()
    dialog = window.submitting.status_dialog
    model = dialog.model
    assert [model.text(r, 0) for r in range(2)] == ["甲小学", "乙中学"]
    assert [model.text(r, 2) for r in range(2)] == ["已报送", "未报送"]
    assert model.headerData(3, Qt.Orientation.Horizontal) == "报送次数"
    assert model.data(model.index(1, 0), Qt.ItemDataRole.BackgroundRole) is not None
    assert model.data(model.index(0, 0), Qt.ItemDataRole.BackgroundRole) is None
    assert "尚未报送：乙中学" in dialog.ui.summaryLabel.text()
    shot(dialog, "status")
    gui.answers["save_file"] = tmp / "报送情况.xlsx"
    press(qtbot, dialog.ui.exportButton, Qt.Key.Key_Space)
    wait_jobs(qtbot, window)
    ws = load_workbook(tmp / "报送情况.xlsx").active
    assert [c.value for c in ws[3]][:3] == ["甲小学", "001", "已报送"]


def test_a_dataset_from_a_task_file_opens_set_up_for_its_unit(window, qtbot, office, gui):
    tmp, _stick = office
    gui.answers["open_task_file"] = tmp / "任务" / "2026年绩效目标任务_乙中学.json"
    gui.answers["save_file"] = tmp / "乙.perfdesk"
    window.submitting.actions["fromTask"].trigger()
    wait_jobs(qtbot, window)
    assert window.document.path == tmp / "乙.perfdesk"
    assert [u.name for u in window.document.units()] == ["乙中学"]
    assert window.submitting.actions["submit"].isEnabled()
