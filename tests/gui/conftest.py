"""What the GUI tests share: the main window, shown on the offscreen screen and closed after
the test (which stops its jobs and releases its dataset)."""

from __future__ import annotations

import pytest


@pytest.fixture
def window(gui, qtbot):
    from perfdesk.gui.window.main_window import MainWindow

    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()
