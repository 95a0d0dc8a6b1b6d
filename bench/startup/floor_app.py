"""The floor for the start-up benchmark: the smallest PySide6 app with a main window.

Frozen with the same spec options as PerfDesk (bench/startup/floor.spec). It prints
``PERFDESK-READY window`` once its window is on screen and quits.
"""

import sys

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow


class ShownProbe(QObject):
    def eventFilter(self, obj, event):  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Expose and obj.isExposed():
            print("PERFDESK-READY window", flush=True)
            QTimer.singleShot(0, QApplication.quit)
            obj.removeEventFilter(self)
        return False


def main() -> int:
    app = QApplication(sys.argv)
    window = QMainWindow()
    window.setWindowTitle("floor")
    window.setCentralWidget(QLabel("floor"))
    window.resize(1024, 700)
    window.show()
    probe = ShownProbe()
    window.windowHandle().installEventFilter(probe)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
