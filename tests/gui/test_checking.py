"""The check of every project runs on a worker thread (no SQL on the GUI thread), its findings
reach the GUI thread a batch at a time, and what the clerk checks live meanwhile wins."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt

from perfdesk.gui import commands
from perfdesk.services.dataset import Dataset
from tests.support.gui_helpers import press, well_formed_project

WAIT = 30_000  # ms: an upper bound on a busy machine, never a delay
PROJECTS = 250  # more than two batches of the background check


@pytest.fixture
def big_dataset(new_dataset):
    dataset = new_dataset()
    dataset.add_projects([well_formed_project(f"基层社会治理培训经费{n}", department="测试主管部门",
                                              unit="测试预算单位") for n in range(PROJECTS)])
    return dataset


@pytest.fixture
def loads(monkeypatch):
    """Every Dataset.load_projects call: (on the GUI thread?, how many projects)."""
    calls: list[tuple[bool, int]] = []
    original = Dataset.load_projects

    def recording(self, uuids=None):
        calls.append((threading.current_thread() is threading.main_thread(),
                      len(uuids) if uuids is not None else -1))
        return original(self, uuids)

    monkeypatch.setattr(Dataset, "load_projects", recording)
    return calls


def checked_off_the_gui_thread(calls) -> int:
    return sum(n for on_gui, n in calls if not on_gui)


def test_opening_a_dataset_checks_every_project_off_the_gui_thread(window, big_dataset,
                                                                   loads, qtbot):
    delivered_on = set()
    window.set_dataset(big_dataset)
    window.checker.findingsChanged.connect(
        lambda _uuids: delivered_on.add(threading.current_thread() is threading.main_thread()))
    assert window.checker.busy
    qtbot.waitUntil(lambda: not window.checker.busy, timeout=WAIT)
    uuids = window.tree_model.project_uuids()
    assert len(uuids) == PROJECTS and all(window.checker.checked(u) for u in uuids)
    assert checked_off_the_gui_thread(loads) == PROJECTS
    # the GUI thread read only the one project the clerk looks at, to show and check it
    assert [n for on_gui, n in loads if on_gui] == [1]
    assert delivered_on == {True}  # the findings are stored on the GUI thread
    assert window.statusBar().currentMessage() == ""  # 正在检查 n/m 个项目… is gone


def test_f5_checks_every_project_again_off_the_gui_thread(window, big_dataset, loads, qtbot):
    window.set_dataset(big_dataset)
    qtbot.waitUntil(lambda: not window.checker.busy, timeout=WAIT)
    loads.clear()
    window.ui.projectTree.setFocus()
    press(qtbot, window, Qt.Key.Key_F5)
    assert window.checker.busy
    qtbot.waitUntil(lambda: not window.jobs.busy, timeout=WAIT)
    assert checked_off_the_gui_thread(loads) == PROJECTS
    assert not any(on_gui for on_gui, _n in loads)


def test_the_findings_panel_says_checking_until_every_project_is_checked(window, big_dataset,
                                                                         qtbot):
    window.set_dataset(big_dataset)
    panel = window.ui.findingsPanel
    panel.ui.scopeCombo.setCurrentIndex(1)  # 全部项目
    assert window.checker.busy
    assert panel.ui.detailText.toPlainText() == "正在检查…"
    qtbot.waitUntil(lambda: not window.checker.busy, timeout=WAIT)
    qtbot.waitUntil(lambda: panel.ui.detailText.toPlainText() == "没有发现问题。", timeout=WAIT)
    assert panel.model.rowCount() == 0


def test_a_project_edited_while_the_background_check_runs_keeps_its_newer_findings(
        window, big_dataset, qtbot):
    """The worker may have read the project before the edit: its older findings must not
    replace the ones the live check made from the edit."""
    window.set_dataset(big_dataset)
    last = window.tree_model.project_uuids()[-1]
    assert window.checker.busy
    window.editing.push(commands.EditProject(window.document, last, {"attribute": ""}))
    assert "HDR-03" in {f.rule for f in window.checker.findings(last)}
    qtbot.waitUntil(lambda: not window.checker.busy, timeout=WAIT)
    assert "HDR-03" in {f.rule for f in window.checker.findings(last)}


def test_the_checks_know_the_dataset_through_the_service_the_command_line_uses(
        window, big_dataset, monkeypatch, qtbot):
    """The live checks and the worker share one context (one copy of 10,000 projects' names,
    not two) from services.checking.check_context (the command line's), built on the GUI
    thread from the project list the window has already read: opening reads that list once."""
    from perfdesk.services import checking
    from perfdesk.services.dataset import Dataset

    built: list[tuple[bool, bool]] = []
    lists: list[bool] = []
    original_context, original_list = checking.check_context, Dataset.project_list

    def recording(dataset, project_entries=None):
        built.append((threading.current_thread() is threading.main_thread(),
                      project_entries is not None))
        return original_context(dataset, project_entries)

    def listing(self):
        lists.append(threading.current_thread() is threading.main_thread())
        return original_list(self)

    monkeypatch.setattr(checking, "check_context", recording)
    monkeypatch.setattr(Dataset, "project_list", listing)
    window.set_dataset(big_dataset)
    qtbot.waitUntil(lambda: not window.checker.busy, timeout=WAIT)
    assert built == [(True, True)]
    assert lists == [True]


def test_a_rename_while_every_project_is_checked_gives_the_live_checks_their_own_context(
        window, big_dataset, qtbot):
    """The worker keeps reading the context it started with; the clerk's rename reaches the
    live checks (both namesakes marked HDR-06 at once) and stays when the check ends."""
    window.set_dataset(big_dataset)
    checker, document = window.checker, window.document
    run = checker._background
    qtbot.waitUntil(lambda: run.job is not None, timeout=WAIT)  # launched (not yet stored)
    assert checker.context is run.context
    first, second = [e.uuid for e in document.project_entries()[:2]]
    first_name = document.project(first).name
    document.push(commands.EditProject(document, second, {"name": first_name}))
    assert checker.busy and checker.context is not run.context
    assert run.context.same_named(document.project(first)) == 0  # the worker's: unchanged
    assert checker.context.same_named(document.project(first)) == 1
    assert "HDR-06" in {f.rule for f in checker.findings(first)}
    assert "HDR-06" in {f.rule for f in checker.findings(second)}
    qtbot.waitUntil(lambda: not checker.busy, timeout=WAIT)
    assert "HDR-06" in {f.rule for f in checker.findings(first)}
    assert "HDR-06" in {f.rule for f in checker.findings(second)}


def test_the_findings_are_stored_a_batch_per_turn_of_the_event_loop(window, big_dataset,
                                                                    qtbot):
    """However far the worker got, the GUI thread stores one batch at a time, so repainting
    the badges of many never holds the window up at once."""
    from perfdesk.gui.operations.check import BATCH

    stored: list[int] = []
    window.set_dataset(big_dataset)
    window.checker.findingsChanged.connect(lambda uuids: stored.append(len(uuids)))
    qtbot.waitUntil(lambda: not window.checker.busy, timeout=WAIT)
    assert sum(stored) >= PROJECTS - 1  # the project on screen was checked at once
    assert max(stored) <= BATCH and len(stored) >= PROJECTS // BATCH


def test_the_opened_dataset_is_on_screen_before_its_first_project_is_checked(window,
                                                                          big_dataset, qtbot):
    """Opening shows the tree and the first project at once; the rules load and its marks
    come at the next turn of the event loop. A project chosen later is checked at once."""
    window.set_dataset(big_dataset)
    first = window.current_project
    assert window.tree_model.project_count() == PROJECTS and first is not None
    assert not window.checker.checked(first)
    qtbot.waitUntil(lambda: window.checker.checked(first), timeout=WAIT)
    window.checker.stop()  # the background check is not what this test is about
    last = window.document.project_entries()[-1].uuid
    window.select_in_tree(last)
    assert window.current_project == last and window.checker.checked(last)
