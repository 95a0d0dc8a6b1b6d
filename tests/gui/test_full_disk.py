"""A full disk seen from the window: opening a dataset and typing into it end in the plain
message the export already gives (磁盘已满), never 内部错误 or silence, and leave no empty
``.lock`` and nothing half-stored behind."""

from __future__ import annotations

import errno

from tests.support.gui_helpers import press, type_text
from tests.support.storage_faults import full_disk
from PySide6.QtCore import Qt

from perfdesk.core.model import Project
from perfdesk.services.dataset import Dataset
from perfdesk.storage.lock import lock_path


def test_opening_on_a_full_disk_says_so_and_leaves_no_lock(window, gui, new_dataset,
                                                           monkeypatch):
    dataset = new_dataset("满盘上的数据.perfdesk")
    path = dataset.path
    dataset.close()
    before = path.read_bytes()
    real_open = open

    class FullFile:
        def __init__(self, handle):
            self._handle = handle

        def write(self, data):
            raise OSError(errno.ENOSPC, "No space left on device")

        def __getattr__(self, name):
            return getattr(self._handle, name)

    def full_open(file, mode="r", *args, **kwargs):
        handle = real_open(file, mode, *args, **kwargs)
        return FullFile(handle) if str(file).endswith(".lock") and "a" in mode else handle

    monkeypatch.setattr("builtins.open", full_open)
    assert not window.open_path(path)
    monkeypatch.undo()
    [(kind, title, text)] = gui.asked
    assert kind == "warn" and title == "无法打开数据文件"
    assert "磁盘已满" in text and "内部错误" not in text and "满盘上的数据.perfdesk" in text
    assert window.document is None and window.ui.pages.currentWidget() is window.ui.startPage
    assert not lock_path(path).exists()
    assert path.read_bytes() == before


def test_a_name_typed_when_the_disk_fills_is_refused_aloud(window, gui, qtbot, new_dataset):
    dataset = new_dataset()
    dataset.add_project(dataset.units()[0].uuid, Project(name="原来的名称"))
    window.set_dataset(dataset)
    window.checker.finish_now()
    window.select_in_tree(window.tree_model.project_uuids()[0])
    name = window.ui.projectForm.ui.nameEdit
    name.setFocus()
    name.selectAll()
    with full_disk():
        type_text(qtbot, name, "新名称")
        press(qtbot, name, Qt.Key.Key_Tab)
    warnings = [entry for entry in gui.asked if entry[0] == "warn"]
    assert warnings, "the clerk must be told the name was not stored"
    [(_kind, title, text)] = warnings
    assert title == "修改没有保存" and "磁盘已满" in text and "内部错误" not in text
    with Dataset.open(dataset.path, read_only=True) as stored:
        assert [p.name for p in stored.project_list()] == ["原来的名称"]
    assert window.document.undo_stack.count() == 0
