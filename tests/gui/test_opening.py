"""Opening datasets: the start screen, new datasets, files on a USB stick, locked or foreign
files, read-only use, and a window that remembers its layout."""

from __future__ import annotations

import sqlite3

from tests.support.gui_helpers import on_next_dialog, reactivate
from PySide6.QtCore import QByteArray, Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel

from perfdesk.services import placement
from perfdesk.services.dataset import Dataset
from perfdesk.gui import settings as s
from perfdesk.gui.dialogs.dataset_dialogs import NewDatasetDialog
from perfdesk.gui.window.main_window import MainWindow
from perfdesk.gui.widgets.start_page import PathRole
from perfdesk.core.model import Project
from perfdesk.core.paths import documents_dir
from perfdesk.storage.datasetfile import APPLICATION_ID


def test_the_start_screen_creates_a_dataset_with_the_keyboard(window, qtbot, tmp_path):
    assert window.ui.pages.currentWidget() is window.ui.startPage

    def fill(dialog):
        ui = dialog.ui
        assert ui.folderEdit.text() == str(documents_dir())
        assert "产出指标" in ui.profileExplanation.text()
        ui.yearSpin.setValue(2026)
        ui.departmentEdit.setText("中共广州市黄埔区委政法委员会")
        ui.unitEdit.setText("中共广州市黄埔区委政法委员会")
        ui.unitEdit.textEdited.emit(ui.unitEdit.text())
        ui.folderEdit.setText(str(tmp_path))
        assert ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
        qtbot.keyClick(ui.unitEdit, Qt.Key.Key_Return)

    done = on_next_dialog(fill, NewDatasetDialog)
    qtbot.keyClick(window, Qt.Key.Key_N,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert done
    path = tmp_path / "2026年绩效目标-中共广州市黄埔区委政法委员会.perfdesk"
    assert window.document is not None and window.document.dataset.path == path
    assert window.ui.pages.currentWidget() is window.ui.editorPage
    info = window.document.dataset.info
    assert (info.budget_year, info.profile) == (2026, "88")
    assert [u.name for u in window.document.dataset.units()] == ["中共广州市黄埔区委政法委员会"]
    assert s.Settings().recent_files()[0] == path.resolve()
    # the new unit is selected: Ctrl+N puts a project in it
    reactivate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert window.tree_model.project_count() == 1


def test_recent_files_reopen_from_the_start_screen(window, qtbot, new_dataset):
    dataset = new_dataset("最近的数据.perfdesk")
    path = dataset.path
    dataset.close()
    s.Settings().add_recent(path)
    window.opening.refresh_recent()
    recent = window.ui.startPage.ui.recentList
    assert recent.count() == 1 and recent.item(0).data(PathRole) == path.resolve()
    recent.setFocus()
    recent.setCurrentRow(0)
    qtbot.keyClick(recent, Qt.Key.Key_Return)
    assert window.document is not None and window.document.dataset.path == path.resolve()
    window.close_dataset()
    assert window.ui.pages.currentWidget() is window.ui.startPage


def test_a_dataset_on_a_usb_stick_is_copied_to_the_documents_folder_first(
        window, gui, new_dataset, monkeypatch):
    dataset = new_dataset("U盘数据.perfdesk")
    dataset.add_project(dataset.units()[0].uuid, Project(name="综治专项经费"))
    source = dataset.path
    dataset.close()
    before = source.read_bytes()
    monkeypatch.setattr(placement, "risky_location",
                        lambda path, **_: placement.REMOVABLE if path == source else None)
    assert window.open_path(source)
    copy = documents_dir() / "U盘数据.perfdesk"
    assert window.document.dataset.path == copy
    [(kind, title, text)] = gui.asked
    assert kind == "inform" and str(copy) in text and "U 盘" in text
    assert window.tree_model.project_count() == 1
    assert source.read_bytes() == before  # the stick was only read


def test_a_new_dataset_is_never_saved_on_a_usb_stick(window, monkeypatch, tmp_path):
    stick = tmp_path / "U盘"
    stick.mkdir()
    monkeypatch.setattr(placement, "risky_location",
                        lambda path, **_: placement.REMOVABLE if str(path) == str(stick)
                        else None)
    dialog = NewDatasetDialog(window)
    ok = dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
    dialog.ui.departmentEdit.setText("中共广州市黄埔区委政法委员会")
    dialog.ui.folderEdit.setText(str(stick))
    assert not ok.isEnabled()
    assert "U 盘" in dialog.ui.errorLabel.text() and dialog.ui.errorLabel.isVisibleTo(dialog)
    dialog.ui.folderEdit.setText(str(tmp_path))  # this computer's disk
    assert ok.isEnabled() and not dialog.ui.errorLabel.isVisibleTo(dialog)


def test_a_dataset_open_elsewhere_can_be_opened_read_only(window, gui, new_dataset, qtbot):
    dataset = new_dataset()  # stays open: it holds the writer lock
    dataset.add_project(dataset.units()[0].uuid, Project(name="区法学会经费"))
    gui.answers["ask"] = True
    assert window.open_path(dataset.path)
    [(kind, _title, text, yes, _no)] = gui.asked
    assert kind == "ask" and "已被另一个 PerfDesk 打开" in text and yes == "以只读方式打开"
    assert window.document.read_only
    assert "只读" in window.windowTitle()
    assert not window.ui.actionNewProject.isEnabled()
    assert not window.ui.actionDelete.isEnabled()
    window.select_in_tree(window.tree_model.project_uuids()[0])
    assert window.ui.projectForm.ui.nameEdit.isReadOnly()
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert window.tree_model.project_count() == 1


def test_declining_read_only_leaves_the_start_screen(window, gui, new_dataset):
    dataset = new_dataset()
    gui.answers["ask"] = False
    assert not window.open_path(dataset.path)
    assert window.document is None


def test_files_that_are_not_datasets_are_explained_in_chinese(window, gui, tmp_path):
    bogus = tmp_path / "绩效目标表.xlsx"
    bogus.write_bytes(b"PK\x03\x04" + b"\0" * 200)
    assert not window.open_path(bogus)
    [(kind, _title, text)] = gui.asked
    assert kind == "warn" and "绩效目标表.xlsx" in text and "不是 PerfDesk 数据文件" in text

    newer = tmp_path / "新版本.perfdesk"
    conn = sqlite3.connect(newer)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute("PRAGMA user_version = 999")
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    assert not window.open_path(newer)
    assert "更新版本的 PerfDesk" in gui.asked[-1][2]
    assert window.document is None


def test_the_window_remembers_its_size_docks_and_splitters(gui, qtbot, new_dataset):
    first = MainWindow()
    qtbot.addWidget(first)
    first.resize(800, 560)  # the offscreen screen is 800×600: restoring clamps to it
    first.show()
    first.set_dataset(new_dataset("一.perfdesk"))
    first.ui.mainSplitter.setSizes([233, 500])
    first.ui.findingsDock.hide()
    first.close()
    assert not s.Settings().get(s.WINDOW_GEOMETRY).isEmpty()

    second = MainWindow()
    qtbot.addWidget(second)
    second.show()
    qtbot.waitExposed(second)
    # (the width is clamped to the 800-pixel screen; the height shows the geometry came back:
    # a first start would use the whole 600-pixel height)
    assert second.size().height() == 560
    second.set_dataset(new_dataset("二.perfdesk"))
    assert second.ui.mainSplitter.sizes()[0] == 233
    assert not second.ui.findingsDock.isVisible()
    second.close()
    assert isinstance(s.Settings().get(s.MAIN_SPLITTER), QByteArray)


def test_a_closed_window_releases_its_dataset(window, new_dataset):
    dataset = new_dataset()
    path = dataset.path
    window.set_dataset(dataset)
    window.close()
    with Dataset.open(path) as again:  # not locked any more
        assert again.counts().units == 1


def test_closing_while_the_background_check_runs_stops_it(window, new_dataset, qtbot):
    """A dataset big enough to be checked in slices, closed at once: the pending slices stop
    instead of reading the closed file (a Qt slot raising would fail this test)."""
    from PySide6.QtCore import QCoreApplication

    dataset = new_dataset()
    dataset.add_projects([Project(name=f"项目{n}", department="测试主管部门", unit="测试预算单位")
                          for n in range(300)])
    window.set_dataset(dataset)
    checker = window.checker
    assert checker.busy  # still checking in the background
    window.close_dataset()
    for _ in range(5):
        QCoreApplication.processEvents()
    assert window.document is None


def test_a_project_selected_before_the_background_check_reaches_it_shows_its_problems(
        window, new_dataset):
    """Opening a big dataset checks it in slices; the project the clerk looks at is checked
    at once, so it never shows 没有发现问题 while it has problems."""
    dataset = new_dataset()
    projects = [Project(name=f"项目{n}", department="测试主管部门", unit="测试预算单位",
                        attribute="新增项目", annual_goal="完成10场。") for n in range(300)]
    projects[-1].attribute = ""  # HDR-03: 项目属性 empty, an error
    dataset.add_projects(projects)
    window.set_dataset(dataset)
    assert window.checker.busy
    window.select_in_tree(projects[-1].uuid)
    assert any(f.rule == "HDR-03" for f in window.checker.findings(projects[-1].uuid))
    panel = window.ui.findingsPanel
    assert panel.model.rowCount() >= 1
    assert "HDR-03" in window.ui.projectForm.ui.attributeCombo.toolTip()


def test_importing_from_the_start_screen_says_why_a_dataset_comes_first(window, gui, qtbot):
    said = []

    def look(dialog):
        said.append((dialog.windowTitle(), dialog.findChild(QLabel, "importExplanation").text()))
        dialog.reject()

    on_next_dialog(look, NewDatasetDialog)
    window.ui.startPage.ui.importButton.click()
    [(title, why)] = said
    assert title == "新建数据文件（导入前）" and "导入的表格要放进一个数据文件" in why
    assert window.document is None  # cancelled: nothing made, nothing asked after it
    assert not any(kind == "open_table_files" for kind, *_ in gui.asked)
