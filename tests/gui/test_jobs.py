"""Long work off the GUI thread: progress shown only when it takes a while, 取消 that leaves the
dataset as it was, failures told in a message box, writing jobs one at a time."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QThread, Qt
from PySide6.QtWidgets import QApplication, QMainWindow

from perfdesk.core import paths
from perfdesk.core.errors import Cancelled, PerfDeskError
from perfdesk.gui.jobs import JobRunner, JobState, ProgressDialog
from perfdesk.core.model import Project

WAIT = 10_000  # ms: an upper bound for a job on a busy machine, never a delay


@pytest.fixture
def window(qtbot):
    window = QMainWindow()
    qtbot.addWidget(window)
    window.show()
    return window


@pytest.fixture
def runner(window):
    runner = JobRunner(window)
    yield runner
    runner.cancel_all()
    runner.wait_all(WAIT)


def test_a_quick_job_runs_off_the_gui_thread_and_reports_its_result_without_a_dialog(
        qtbot, runner):
    gui_thread = QThread.currentThread()
    seen = {}
    results = []

    def work(progress):
        seen["thread"] = QThread.currentThread()
        progress(1, 1)
        return 42

    job = runner.run(work, title="导出", on_success=results.append)
    assert runner.busy and job.running
    with qtbot.waitSignal(job.finished, timeout=WAIT):
        pass
    assert seen["thread"] is not gui_thread
    assert job.state is JobState.SUCCEEDED and job.result == 42 and results == [42]
    assert not runner.busy
    assert runner.dialogs == {} and runner.message_box is None
    assert not any(isinstance(w, ProgressDialog) for w in QApplication.topLevelWidgets())


def test_a_slow_job_shows_progress_after_the_delay_and_closes_it_when_done(qtbot, runner):
    runner.delay_ms = 50
    release = threading.Event()

    def work(progress):
        progress(3, 10)
        release.wait(WAIT / 1000)
        progress(10, 10)
        return "done"

    job = runner.run(work, title="导出 PDF", label="正在写入 PDF…")
    assert runner.dialogs == {}  # not at once: a quick job must not flash a window
    qtbot.waitUntil(lambda: job in runner.dialogs and runner.dialogs[job].isVisible(),
                    timeout=WAIT)
    dialog = runner.dialogs[job]
    assert dialog.windowTitle() == "导出 PDF" and dialog.label.text() == "正在写入 PDF…"
    assert dialog.cancel_button.text() == "取消"
    qtbot.waitUntil(lambda: dialog.bar.value() == 3 and dialog.bar.maximum() == 10,
                    timeout=WAIT)
    with qtbot.waitSignal(job.finished, timeout=WAIT):
        release.set()
    assert job.result == "done"
    assert not dialog.isVisible() and runner.dialogs == {}


def test_cancel_stops_the_work_and_the_dataset_is_unchanged(qtbot, runner, new_dataset):
    dataset = new_dataset()
    before = dataset.counts()
    runner.delay_ms = 0
    reached = threading.Event()
    release = threading.Event()
    cancelled = []
    succeeded = []

    def work(progress):
        projects = []
        for n in range(5):
            progress(n, 5)
            projects.append(Project(name=f"项目{n}", department="测试主管部门",
                                    unit="测试预算单位", annual_goal="目标"))
            if n == 1:
                reached.set()
                release.wait(WAIT / 1000)
        progress(5, 5)
        return dataset.add_projects(projects)  # only reached when not cancelled

    job = runner.run(work, title="导入", writes=True, on_success=succeeded.append,
                     on_cancel=lambda: cancelled.append(True))
    qtbot.waitUntil(lambda: job in runner.dialogs and runner.dialogs[job].isVisible(),
                    timeout=WAIT)
    assert reached.wait(WAIT / 1000)
    dialog = runner.dialogs[job]
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert not dialog.cancel_button.isEnabled() and dialog.label.text() == "正在取消…"
    with qtbot.waitSignal(job.finished, timeout=WAIT):
        release.set()
    assert job.state is JobState.CANCELLED and isinstance(job.error, Cancelled)
    assert cancelled == [True] and succeeded == []
    assert runner.message_box is None  # a cancel is not an error
    assert dataset.counts() == before
    assert not dialog.isVisible()


def test_escape_in_the_progress_dialog_cancels_too(qtbot, runner):
    runner.delay_ms = 0
    release = threading.Event()

    def work(progress):
        release.wait(WAIT / 1000)
        progress(1, 2)
        return "finished anyway"

    job = runner.run(work, title="全部检查")
    qtbot.waitUntil(lambda: job in runner.dialogs and runner.dialogs[job].isVisible(),
                    timeout=WAIT)
    assert runner.dialogs[job].bar.maximum() == 0  # no total yet: a busy bar
    qtbot.keyClick(runner.dialogs[job], Qt.Key.Key_Escape)
    assert job.cancel_requested
    with qtbot.waitSignal(job.finished, timeout=WAIT):
        release.set()
    assert job.state is JobState.CANCELLED


def test_a_perfdesk_error_is_shown_with_its_file_and_row(qtbot, runner):
    failures = []

    def work(progress):
        raise PerfDeskError("不是绩效目标表。", "Not a target table.", file="/tmp/旧表.xlsx",
                            row=3)

    job = runner.run(work, title="导入", on_failure=failures.append)
    with qtbot.waitSignal(job.finished, timeout=WAIT):
        pass
    assert job.state is JobState.FAILED and failures == [job.error]
    box = runner.message_box
    assert box is not None and box.isVisible() and box.windowTitle() == "导入"
    assert box.text() == "文件“旧表.xlsx”，第 3 行：不是绩效目标表。"
    assert not (paths.log_dir() / "perfdesk.log").exists()  # an expected failure: no log
    box.close()


def test_an_unexpected_error_is_logged_with_its_traceback_and_shown_in_one_line(
        qtbot, runner):
    def work(progress):
        raise ValueError("boom\nsecond line")

    job = runner.run(work, title="导出")
    with qtbot.waitSignal(job.finished, timeout=WAIT):
        pass
    text = runner.message_box.text()
    assert "ValueError" in text and "boom" in text and "second line" not in text
    assert "\n" not in text and "数据没有改动" in text
    log_text = (paths.log_dir() / "perfdesk.log").read_text(encoding="utf-8")
    assert "Traceback" in log_text and "boom" in log_text and "导出" in log_text
    assert str(paths.log_dir()) in text
    runner.message_box.close()


def test_messages_follow_the_language(qtbot, runner):
    from perfdesk.core import i18n

    i18n.set_language("en")

    def work(progress):
        raise PerfDeskError("坏文件。", "Broken file.", file="a.xlsx")

    job = runner.run(work, title="Import")
    with qtbot.waitSignal(job.finished, timeout=WAIT):
        pass
    assert runner.message_box.text() == "file 'a.xlsx': Broken file."
    runner.message_box.close()


def test_writing_jobs_run_one_at_a_time_while_reading_jobs_run_beside_them(qtbot, runner):
    events: list[str] = []
    lock = threading.Lock()
    release_first = threading.Event()
    first_running = threading.Event()

    def note(what):
        with lock:
            events.append(what)

    def first(progress):
        note("first start")
        first_running.set()
        release_first.wait(WAIT / 1000)
        note("first end")

    def second(progress):
        note("second start")
        note("second end")

    def reader(progress):
        note("reader ran")

    writing = []
    runner.writing_changed.connect(writing.append)
    a = runner.run(first, title="导入", writes=True)
    b = runner.run(second, title="导入", writes=True)
    assert runner.writing and writing == [True]
    assert first_running.wait(WAIT / 1000)
    c = runner.run(reader, title="导出")
    with qtbot.waitSignal(c.finished, timeout=WAIT):
        pass
    assert "reader ran" in events and "second start" not in events
    assert b.state is JobState.WAITING
    with qtbot.waitSignals([a.finished, b.finished], timeout=WAIT):
        release_first.set()
    assert events.index("first end") < events.index("second start")
    assert writing == [True, False] and not runner.writing


def test_progress_from_a_busy_loop_is_throttled_before_it_reaches_the_gui(qtbot, runner):
    updates = []

    def work(progress):
        for n in range(20_000):
            progress(n, 20_000)
        progress(20_000, 20_000)

    job = runner.run(work, title="全部检查")
    job.progressed.connect(lambda done, total: updates.append(done))
    with qtbot.waitSignal(job.finished, timeout=WAIT):
        pass
    assert updates and updates[-1] == 20_000
    assert len(updates) < 2_000


def test_work_in_the_background_shows_no_progress_dialog_however_long_it_takes(qtbot, runner):
    """The check after opening a dataset: the clerk did not start it, so no dialog pops up."""
    runner.delay_ms = 0
    release = threading.Event()

    def work(progress):
        progress(1, 2)
        release.wait(WAIT / 1000)
        return "checked"

    job = runner.run(work, title="全部检查", progress_dialog=False)
    with qtbot.waitSignal(job.progressed, timeout=WAIT):  # past the (zero) delay
        pass
    assert runner.dialogs == {}
    assert not any(isinstance(w, ProgressDialog) for w in QApplication.topLevelWidgets())
    with qtbot.waitSignal(job.finished, timeout=WAIT):
        release.set()
    assert job.result == "checked"


def test_waiting_for_a_job_returns_once_its_work_returned(qtbot, runner):
    """Job.wait(): what the work left behind can be used at once (before an export), while
    its outcome still arrives through the event loop."""
    release = threading.Event()
    left_behind = []

    def work(progress):
        release.wait(WAIT / 1000)
        left_behind.append("findings")
        return len(left_behind)

    job = runner.run(work, title="全部检查")
    assert not job.wait(0)
    release.set()
    assert job.wait(WAIT / 1000)
    assert left_behind == ["findings"] and job.running  # not reported yet
    with qtbot.waitSignal(job.finished, timeout=WAIT):
        pass
    assert job.state is JobState.SUCCEEDED and job.result == 1
