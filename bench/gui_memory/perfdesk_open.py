"""PerfDesk's side of bench_gui_memory.py: the desktop app opens a dataset, shows its tree and
checks every project in the background (the badges fill in); then prints the process's peak
resident memory in KiB.

    QT_QPA_PLATFORM=offscreen python bench/gui_memory/perfdesk_open.py DATASET
"""

import os
import sys
from pathlib import Path

from peak import peak_kib


def main(path: str) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    from perfdesk.gui.application import create_application
    from perfdesk.gui.window.main_window import MainWindow

    app = create_application()
    window = MainWindow()
    window.resize(1366, 768)
    window.show()
    app.processEvents()
    assert window.open_path(Path(path), read_only=True)
    window.ui.projectTree.viewport().repaint()
    loop = QEventLoop()
    tick = QTimer()
    tick.setInterval(10)
    tick.timeout.connect(lambda: None if window.checker.busy else loop.quit())
    tick.start()
    loop.exec()
    tick.stop()
    print(window.tree_model.project_count(), peak_kib())
    sys.stdout.flush()
    os._exit(0)  # the figure is printed; tearing the window down is not part of it


if __name__ == "__main__":
    main(sys.argv[1])
