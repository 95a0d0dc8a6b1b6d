"""Regenerate the screenshots in docs/screenshots/ from the bundled sample, at 1366×768.

    python docs/make_screenshots.py

Runs offscreen (no display needed) in a temporary app-data folder, so it never touches your
settings or documents. It opens the sample exactly as a clerk does (start screen → 打开示例数据)
and writes:

- ``start.png``: the start screen;
- ``main-window.png``: the sample open, a project with problems selected, 检查结果 showing them;
- ``editing.png``: a 三级指标 cell being typed, with the name completer open;
- ``main-window-en.png``: the same window in English;
- ``main-window-200.png``: the window at 200 % scaling (QT_SCALE_FACTOR=2, 2732×1536 pixels).

Qt's scaling and language are fixed per process, so the English and 200 % shots are taken by
running this script again in a child process (``--variant``).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
WIDTH, HEIGHT = 1366, 768
# the project shown: three of its values are formulas (VAL-08), one a vague phrase
PROJECT = "基层社会治理和网格化创新工作经费"


def offscreen_screen(folder: Path, scale: int) -> str:
    """An offscreen platform with a screen large enough for the window at ``scale``."""
    config = folder / "screen.json"
    config.write_text(json.dumps({"screens": [{
        "name": "screen", "x": 0, "y": 0, "width": 1920 * scale, "height": 1080 * scale,
        "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}), encoding="utf-8")
    return f"offscreen:configfile={config}"


def shoot(variant: str, out: Path) -> None:
    sys.path.insert(0, str(ROOT))
    from PySide6.QtCore import QEventLoop, Qt, QTimer
    from PySide6.QtGui import QImage, QInputMethodEvent, QPainter
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from perfdesk.gui.app import create_application, install_language
    from perfdesk.gui.indicator_table import NAME
    from perfdesk.gui.main_window import MainWindow

    app = create_application()
    if variant == "en":
        install_language(app, "en")
    window = MainWindow()
    window.resize(WIDTH, HEIGHT)
    window.show()
    QTest.qWaitForWindowExposed(window)

    def wait_for(condition, timeout_ms: int = 60000) -> None:
        loop = QEventLoop()
        timer = QTimer()
        timer.timeout.connect(lambda: loop.quit() if condition() else None)
        timer.start(20)
        QTimer.singleShot(timeout_ms, loop.quit)
        loop.exec()
        timer.stop()
        if not condition():
            raise SystemExit(f"timed out waiting in variant {variant!r}")

    def save(name: str) -> None:
        """The window with any pop-up (completer list) painted where it shows."""
        app.processEvents()
        ratio = window.devicePixelRatioF()
        image = QImage(window.size() * ratio, QImage.Format.Format_ARGB32)
        image.setDevicePixelRatio(ratio)  # painted in the window's (logical) coordinates
        image.fill(Qt.GlobalColor.white)
        painter = QPainter(image)
        for top in QApplication.topLevelWidgets():
            if top.isVisible():
                painter.drawPixmap(top.pos() - window.pos(), top.grab())
        painter.end()
        image.save(str(out / name))
        print(f"wrote {(out / name).relative_to(ROOT)}")

    suffix = {"": "", "en": "-en", "200": "-200"}[variant]
    if variant == "":
        save("start.png")
    window.ui.startPage.ui.sampleButton.click()
    wait_for(lambda: window.document is not None and not window.jobs.busy)
    window.checker.finish_now()
    uuid = next(u for u in window.tree_model.project_uuids()
                if window._project_name(u) == PROJECT)
    window.select_in_tree(uuid)
    window.ui.findingsPanel.ui.findingsView.setCurrentIndex(
        window.ui.findingsPanel.model.index(0, 0))
    window.ui.projectTree.setFocus()
    save(f"main-window{suffix}.png")
    if variant == "":
        grid, model = window.ui.indicatorGrid, window.indicator_model
        window.new_indicator()
        QTest.keyClick(grid.indexWidget(grid.currentIndex()), Qt.Key.Key_Escape)
        app.processEvents()
        grid.setCurrentIndex(model.index(model.rowCount() - 1, NAME))
        grid.setFocus()
        for event in (QInputMethodEvent("办结", []), QInputMethodEvent()):
            if not event.preeditString():
                event.setCommitString("办结")
            QApplication.sendEvent(grid, event)
        save("editing.png")
        QTest.keyClick(grid.indexWidget(grid.currentIndex()), Qt.Key.Key_Escape)
        window.undo()  # the sample stays as it was
    window.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--variant", choices=["", "en", "200"], default=None,
                        help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, default=OUT, help="folder for the PNG files")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    if args.variant is not None:
        shoot(args.variant, args.out)
        return 0
    for variant in ("", "en", "200"):
        with tempfile.TemporaryDirectory(prefix="perfdesk-shots-") as folder:
            scale = 2 if variant == "200" else 1
            env = dict(os.environ, PERFDESK_HOME=folder,
                       QT_QPA_PLATFORM=offscreen_screen(Path(folder), scale),
                       QT_SCALE_FACTOR=str(scale), LANG="zh_CN.UTF-8")
            env.pop("LANGUAGE", None)
            env.pop("LC_ALL", None)
            subprocess.run([sys.executable, __file__, "--variant", variant, "--out",
                            str(args.out)], check=True, env=env, cwd=ROOT)
    return 0


if __name__ == "__main__":
    sys.exit(main())
