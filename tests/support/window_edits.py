"""A PerfDesk window, offscreen, that keeps editing until it is killed (tests/gui/test_kill_window).

``python -m tests.support.window_edits DATASET`` opens the main window on DATASET and then,
turn after turn of the event loop, adds a project (Ctrl+N, one undoable command, one
transaction) and types its name into the form (each keystroke pause stores it) or undoes the
last addition. After each edit has returned (its transaction committed) it prints
``DONE <n> <projects the window's dataset holds>``, so the test knows what was completed
before the kill.
"""

from __future__ import annotations

import sys
from pathlib import Path


def main() -> None:
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtTest import QTest

    from tests.support.gui_helpers import type_text

    class Bot:  # the two qtbot calls type_text uses, from QTest
        keyClicks = staticmethod(QTest.keyClicks)
        keyClick = staticmethod(QTest.keyClick)

    from perfdesk.gui.application import create_application
    from perfdesk.gui.window.main_window import MainWindow

    app = create_application()
    window = MainWindow()
    window.show()
    QTest.qWaitForWindowExposed(window)
    if not window.open_path(Path(sys.argv[1])):
        print("NOT OPENED", flush=True)
        return
    print("OPENED", flush=True)
    done = 0

    def edit() -> None:
        nonlocal done
        done += 1
        if done % 5 == 0:
            window.undo()
        else:
            window.new_project()
            form = window.ui.projectForm.ui
            form.nameEdit.setFocus()
            form.nameEdit.selectAll()
            type_text(Bot, form.nameEdit, f"窗口项目{done}")
            QTest.keyClick(form.nameEdit, Qt.Key.Key_Tab)  # leaving the field stores it
        count = window.document.dataset.counts().projects
        print(f"DONE {done} {count}", flush=True)
        QTimer.singleShot(0, edit)

    QTimer.singleShot(0, edit)
    app.exec()


if __name__ == "__main__":
    main()
