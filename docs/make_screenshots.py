"""Regenerate the screenshots in docs/screenshots/ (README and 用户指南.md use them).

    python docs/make_screenshots.py [--out FOLDER]

Runs offscreen (no display needed) with a temporary home folder, so it never touches your
settings or documents. It works the way a clerk does, through the real window, dialogs and
menus, at 1366×768, and writes:

- ``start.png``: the start screen;
- ``new-dataset.png``: the 新建数据文件 dialog filled in (grabbed as its own window);
- ``editing.png``: a project typed into that new dataset, a 三级指标 being typed with the
  name completer open;
- ``import-preview.png``: the 导入预览 of the bundled sample table (its own window);
- ``main-window.png``: the sample open, a project with problems selected, 检查结果 showing them;
- ``findings-fix.png``: a project whose 一级指标 is a level-2 name, its CAT-02 finding selected
  in 检查结果 with 自动修正 enabled;
- ``fixed.png``: the same project after the fix and the other corrections: no problems left;
- ``export-menu.png``: the 导出 menu (the top left of the window);
- ``pdf-page.png``: the first page of that project's 申报表 PDF (rendered with poppler's
  ``pdftoppm``; skipped with a message when it is not installed);
- ``main-window-en.png``: the sample window in English;
- ``main-window-200.png``: the sample window at 200 % scaling (QT_SCALE_FACTOR=2);
- ``main-window-pseudo.png``: the sample window with every text 40% longer
  (``PERFDESK_PSEUDO_LOCALE=1``), to see that nothing is clipped at 1366×768.

Qt's scaling and language are fixed per process, so each variant (Chinese, English, 200 %) is
taken by running this script again in a child process (``--variant``).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
WIDTH, HEIGHT = 1366, 768
# the sample project of main-window.png: three of its values are formulas (VAL-08)
PROJECT = "基层社会治理和网格化创新工作经费"
# the sample project of findings-fix.png and fixed.png: 质量指标 written as level 1 (CAT-02)
FIX_PROJECT = "黄埔区村居综治中心综治视联网系统项目"
# the new dataset of new-dataset.png and editing.png (names made up for the guide)
BUDGET_YEAR = 2027
DEPARTMENT = "示范区司法局"
UNIT = "示范区公共法律服务中心"
NEW_PROJECT = "公共法律服务培训经费"


def offscreen_screen(folder: Path, scale: int) -> str:
    """An offscreen platform with a screen large enough for the window at ``scale``."""
    config = folder / "screen.json"
    config.write_text(json.dumps({"screens": [{
        "name": "screen", "x": 0, "y": 0, "width": 1920 * scale, "height": 1080 * scale,
        "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}), encoding="utf-8")
    return f"offscreen:configfile={config}"


class Shooter:
    """The window of one variant and the ways to photograph it."""

    def __init__(self, variant: str, out: Path) -> None:
        sys.path.insert(0, str(ROOT))
        from PySide6.QtTest import QTest

        from perfdesk.gui.dialogs import prompts
        from perfdesk.gui.application import create_application, install_language
        from perfdesk.gui.window.main_window import MainWindow

        self.variant = variant
        self.out = out
        self.app = create_application()
        if variant == "en":
            install_language(self.app, "en")
        # the file dialogs and the system's viewer are answered here, as the tests do
        self.answers: dict[str, object] = {}
        prompts.open_table_files = lambda *_a: self.answers.pop("open_table_files")
        prompts.save_file = lambda *_a: self.answers.pop("save_file")
        prompts.choose = lambda *_a: self.answers.pop("choose")
        prompts.show_file = lambda path: None
        self.window = MainWindow()
        self.window.resize(WIDTH, HEIGHT)
        self.window.show()
        QTest.qWaitForWindowExposed(self.window)

    # --- waiting ----------------------------------------------------------------------------

    def wait_for(self, condition, timeout_ms: int = 60000) -> None:
        from PySide6.QtCore import QEventLoop, QTimer

        loop = QEventLoop()
        timer = QTimer()
        timer.timeout.connect(lambda: loop.quit() if condition() else None)
        timer.start(20)
        QTimer.singleShot(timeout_ms, loop.quit)
        loop.exec()
        timer.stop()
        if not condition():
            raise SystemExit(f"timed out waiting in variant {self.variant!r}")

    def settle(self) -> None:
        """Let queued work (checks, repaints) finish."""
        window = self.window
        self.wait_for(lambda: not window.jobs.busy)
        if window.checker is not None:
            window.checker.finish_now()
        for _ in range(3):
            self.app.processEvents()

    def on_modal(self, act, kind: type) -> list:
        """Run ``act(dialog)`` once a modal dialog of ``kind`` shows (its exec() blocks)."""
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication

        done: list = []

        def poll() -> None:
            dialog = QApplication.activeModalWidget()
            if not isinstance(dialog, kind) or not dialog.isVisible():
                QTimer.singleShot(20, poll)
                return
            for _ in range(3):
                self.app.processEvents()
            done.append(act(dialog))

        QTimer.singleShot(0, poll)
        return done

    # --- saving -----------------------------------------------------------------------------

    def save_image(self, image, name: str) -> None:
        from PySide6.QtGui import QImage

        path = self.out / name
        # no alpha channel, the strongest compression: the same picture in fewer bytes
        image.convertToFormat(QImage.Format.Format_RGB888).save(str(path), "PNG", 0)
        shown = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
        print(f"wrote {shown}")

    def save(self, name: str, crop=None) -> None:
        """The window with any pop-up (menu, completer list) painted where it shows;
        ``crop`` a QRect of it in the window's (logical) coordinates."""
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QImage, QPainter
        from PySide6.QtWidgets import QApplication

        window = self.window
        self.app.processEvents()
        ratio = window.devicePixelRatioF()
        image = QImage(window.size() * ratio, QImage.Format.Format_ARGB32)
        image.setDevicePixelRatio(ratio)  # painted in the window's (logical) coordinates
        image.fill(Qt.GlobalColor.white)
        painter = QPainter(image)
        painter.drawPixmap(0, 0, window.grab())
        for top in QApplication.topLevelWidgets():
            if top.isVisible() and top is not window and top.windowType() in (
                    Qt.WindowType.Popup, Qt.WindowType.ToolTip):
                painter.drawPixmap(top.pos() - window.pos(), top.grab())
        painter.end()
        if crop is not None:
            image = image.copy(round(crop.x() * ratio), round(crop.y() * ratio),
                               round(crop.width() * ratio), round(crop.height() * ratio))
        self.save_image(image, name)

    def save_widget(self, widget, name: str) -> None:
        """A dialog as its own window (offscreen window grabs leave dialogs out)."""
        self.app.processEvents()
        self.save_image(widget.grab().toImage(), name)


# --- the shots ------------------------------------------------------------------------------


def type_text(widget, text: str) -> None:
    """Type into a line edit as a clerk does: Chinese arrives from the input method."""
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    widget.setFocus()
    for char in text:
        if ord(char) < 128:
            QTest.keyClicks(widget, char)
        else:
            event = QInputMethodEvent()
            event.setCommitString(char)
            QApplication.sendEvent(widget, event)


def new_dataset(shot: Shooter) -> None:
    """新建数据文件 filled in and grabbed, then created."""
    from PySide6.QtWidgets import QDialogButtonBox

    from perfdesk.gui.dialogs.dataset_dialogs import NewDatasetDialog

    def fill(dialog: NewDatasetDialog) -> None:
        ui = dialog.ui
        ui.yearSpin.setValue(BUDGET_YEAR)
        ui.profileCombo.setCurrentIndex(ui.profileCombo.findData("88"))
        type_text(ui.departmentEdit, DEPARTMENT)
        type_text(ui.unitEdit, UNIT)
        ui.unitEdit.setFocus()
        shot.save_widget(dialog, "new-dataset.png")
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()

    done = shot.on_modal(fill, NewDatasetDialog)
    if not shot.window.new_dataset() or not done:
        raise SystemExit("the new dataset was not created")


# The project typed into the new dataset: (二级, 三级, 值 as typed, 依据, 解释); choosing a
# 二级 fills in its 一级, and the 值 is split into 计算符号, number and unit.
NEW_INDICATORS = (
    ("数量指标", "培训场次", "≥10场", "计划标准", ""),
    ("数量指标", "培训人次", "不少于500人次", "计划标准", ""),
    ("时效指标", "培训按计划完成率", ">=95%", "计划标准", ""),
    ("成本指标", "人均培训成本", "≤250元/人", "预算支出标准", "含场地、教材和授课费用"),
    ("社会效益指标", "政策知晓率", "≥90%", "历史标准", "培训后抽取参训人员测试"),
)


def add_row(shot: Shooter, level2: str, name: str = "", value: str = "", basis: str = "",
            explanation: str = "") -> int:
    """Ctrl+I below the current row, then its cells filled in through the grid's model (what
    each cell's editor writes); returns the new row, which becomes the current one."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from perfdesk.gui.models.indicator_table_model import BASIS, EXPLANATION, LEVEL2, NAME, VALUE

    window = shot.window
    grid, model = window.ui.indicatorGrid, window.indicator_model
    window.new_indicator()
    row = grid.currentIndex().row()
    QTest.keyClick(grid.indexWidget(grid.currentIndex()), Qt.Key.Key_Escape)
    for column, text in ((LEVEL2, level2), (NAME, name), (VALUE, value), (BASIS, basis),
                         (EXPLANATION, explanation)):
        if text:
            model.setData(model.index(row, column), text)
    grid.setCurrentIndex(model.index(row, NAME))
    return row


def save_clean(shot: Shooter, uuid: str, name: str) -> None:
    """Shoot a project the guide shows as done: the checks must find nothing left in it."""
    shot.settle()
    remaining = shot.window.checker.findings(uuid)
    if remaining:
        raise SystemExit(f"{name}: the project still has {[f.rule for f in remaining]}")
    shot.save(name)


def new_project(shot: Shooter) -> None:
    """A project typed into the new dataset; its last 三级指标 typed with the completer open."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from perfdesk.gui import commands
    from perfdesk.gui.models.indicator_table_model import BASIS, EXPLANATION, NAME, VALUE

    window = shot.window
    window.new_project()  # Ctrl+N
    uuid = window.current_project
    window.editing.push(commands.EditProject(window.document, uuid, {
        "name": NEW_PROJECT, "attribute": "新增项目",
        "period_start": BUDGET_YEAR, "period_end": BUDGET_YEAR,
        "annual_fiscal": Decimal("14.5"), "annual_other": Decimal("0"),
        "annual_total": Decimal("14.5"),
        "annual_goal": "面向全区基层法律服务人员举办公共法律服务培训10场，培训不少于500人次，"
                       "参训人员政策知晓率达到90%以上，满意度达到90%以上。"}))
    for cells in NEW_INDICATORS:
        add_row(shot, *cells)
    # the next row: 满意度 chosen as 二级, the 三级 typed, the completer offering names
    grid, model = window.ui.indicatorGrid, window.indicator_model
    row = add_row(shot, "服务对象满意度指标")
    grid.setFocus()
    grid.edit(model.index(row, NAME))
    shot.app.processEvents()
    editor = grid.indexWidget(model.index(row, NAME))
    type_text(editor, "人员满意")
    shot.wait_for(lambda: editor.completer().popup().isVisible(), 5000)
    shot.settle()
    shot.save("editing.png")
    QTest.keyClick(editor, Qt.Key.Key_Escape)  # the popup
    QTest.keyClick(editor, Qt.Key.Key_Escape)  # the editor
    model.setData(model.index(row, NAME), "参训人员满意度")  # brings 定量, ≥ and %
    for column, text in ((VALUE, "90"), (BASIS, "历史标准"), (EXPLANATION, "培训结束时问卷调查")):
        model.setData(model.index(row, column), text)
    grid.setCurrentIndex(model.index(row, VALUE))
    save_clean(shot, uuid, "new-project.png")


def import_preview(shot: Shooter) -> None:
    """导入已有表格 → the sample table's preview, grabbed, then cancelled."""
    from perfdesk.gui.dialogs.import_dialog import ImportDialog
    from perfdesk.services.sample import SAMPLE_TABLE
    from perfdesk.core.paths import resource

    shot.answers["open_table_files"] = [resource(*SAMPLE_TABLE)]

    def grab(dialog: ImportDialog) -> None:
        dialog.resize(1100, 600)
        shot.app.processEvents()
        shot.save_widget(dialog, "import-preview.png")
        dialog.reject()

    done = shot.on_modal(grab, ImportDialog)
    shot.window.import_tables()
    shot.wait_for(lambda: bool(done))
    shot.settle()


def open_sample(shot: Shooter) -> None:
    window = shot.window
    window.ui.actionOpenSample.trigger()
    shot.wait_for(lambda: window.document is not None
                  and window.document.dataset.path.name == "示例数据.perfdesk"
                  and not window.jobs.busy)
    shot.settle()


def select_project(shot: Shooter, name: str) -> str:
    window = shot.window
    uuid = next(u for u in window.tree_model.project_uuids()
                if window.navigation.project_name(u) == name)
    window.select_in_tree(uuid)
    shot.settle()
    return uuid


def sample_window(shot: Shooter, suffix: str) -> None:
    window = shot.window
    select_project(shot, PROJECT)
    panel = window.ui.findingsPanel
    panel.ui.findingsView.setCurrentIndex(panel.model.index(0, 0))
    window.ui.projectTree.setFocus()
    shot.save(f"main-window{suffix}.png")


def fix_project(shot: Shooter) -> None:
    """CAT-02 selected with 自动修正 enabled; then the project corrected until it is clean."""
    from perfdesk.gui import commands
    from perfdesk.gui.widgets.findings_panel import FindingRole
    from perfdesk.gui.models.indicator_table_model import BASIS, EXPLANATION, NAME, VALUE

    window = shot.window
    uuid = select_project(shot, FIX_PROJECT)
    panel = window.ui.findingsPanel
    model = panel.model
    row = next(r for r in range(model.rowCount())
               if model.index(r, 0).data(FindingRole).rule == "CAT-02")
    window.jump_to(uuid, model.index(row, 0).data(FindingRole))  # as a double-click does
    shot.settle()
    if not panel.ui.fixButton.isEnabled():
        raise SystemExit("自动修正 is not enabled for CAT-02")
    shot.save("findings-fix.png")

    panel.ui.fixButton.click()  # CAT-02: 一级 产出指标, 二级 质量指标
    shot.settle()
    window.editing.push(commands.EditProject(window.document, uuid, {
        "attribute": "延续项目",
        "annual_goal": "各村居通过建设综治视联网系统等信息化手段实现上下级联络、信息报送和指挥，"
                       "设备及链路正常运行率不低于98%，有效提高各村居应对问题的快速反应能力。"}))
    grid, indicators = window.ui.indicatorGrid, window.indicator_model
    # the sentence in the name goes to 指标解释; the value gets its 计算符号
    sentence = indicators.indicator(0).name
    for column, text in ((NAME, "综治视联网设备及链路正常运行率"), (EXPLANATION, sentence),
                         (VALUE, "≥98%"), (BASIS, "历史标准")):
        indicators.setData(indicators.index(0, column), text)
    grid.setCurrentIndex(indicators.index(0, NAME))
    add_row(shot, "成本指标", "单个村居点位年维保成本", "≤3000元/个", "预算支出标准",
            "年维保费用/接入点位数")
    add_row(shot, "社会效益指标", "村居视频会商接通率", "≥95%", "计划标准",
            "成功接通次数/会商发起次数")
    add_row(shot, "服务对象满意度指标", "使用单位满意度", "≥90%", "计划标准",
            "年底向各村居发放问卷")
    grid.setCurrentIndex(indicators.index(0, VALUE))
    grid.setFocus()
    save_clean(shot, uuid, "fixed.png")


def export_menu(shot: Shooter) -> None:
    from PySide6.QtCore import QRect

    window = shot.window
    menu = window.ui.menuExport
    window.ui.menubar.setActiveAction(menu.menuAction())
    shot.wait_for(menu.isVisible, 5000)
    menu.setActiveAction(window.ui.actionExportDetail)
    shot.app.processEvents()
    geometry = menu.geometry().translated(-window.pos())
    shot.save("export-menu.png", QRect(0, 0, geometry.right() + 160, geometry.bottom() + 40))
    menu.hide()
    window.ui.menubar.setActiveAction(None)
    shot.app.processEvents()


def pdf_pages(shot: Shooter, folder: Path) -> None:
    """打印 / PDF of the corrected project (当前项目), and of one that fails the checks."""
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QImage

    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        print("pdftoppm not found (poppler-utils): pdf-page.png skipped")
        return
    window = shot.window
    for name, project, crop in (("pdf-page.png", FIX_PROJECT, None),):
        select_project(shot, project)
        pdf = folder / f"{project}.pdf"
        shot.answers["choose"] = 1  # 当前项目
        shot.answers["save_file"] = pdf
        window.print_pdf()
        shot.wait_for(lambda p=pdf: p.exists() and not window.jobs.busy)
        prefix = folder / "page"
        subprocess.run([pdftoppm, "-png", "-r", "96", "-f", "1", "-l", "1", "-singlefile",
                        str(pdf), str(prefix)], check=True)
        image = QImage(str(prefix.with_suffix(".png")))
        if crop is not None:
            x, y, w, h = crop
            image = image.copy(QRect(round(x * image.width()), round(y * image.height()),
                                     round(w * image.width()), round(h * image.height())))
        shot.save_image(image, name)


def shoot(variant: str, out: Path, folder: Path) -> None:
    shot = Shooter(variant, out)
    if variant == "":
        shot.save("start.png")
        new_dataset(shot)
        new_project(shot)
        import_preview(shot)
    open_sample(shot)
    suffix = {"": "", "en": "-en", "200": "-200", "pseudo": "-pseudo"}[variant]
    sample_window(shot, suffix)
    if variant == "":
        fix_project(shot)
        export_menu(shot)
        pdf_pages(shot, folder)
    shot.window.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--variant", choices=["", "en", "200", "pseudo"], default=None,
                        help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, default=OUT, help="folder for the PNG files")
    args = parser.parse_args()
    args.out = args.out.resolve()
    args.out.mkdir(parents=True, exist_ok=True)
    if args.variant is not None:
        shoot(args.variant, args.out, Path(os.environ["HOME"]))
        return 0
    for variant in ("", "en", "200", "pseudo"):
        with tempfile.TemporaryDirectory(prefix="perfdesk-shots-") as folder:
            home = Path(folder)
            (home / "Documents").mkdir()  # datasets go to Documents/PerfDesk, as on a PC
            scale = 2 if variant == "200" else 1
            cache = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
            env = dict(os.environ, HOME=str(home), XDG_CACHE_HOME=cache,
                       QT_QPA_PLATFORM=offscreen_screen(home, scale),
                       QT_SCALE_FACTOR=str(scale), LANG="zh_CN.UTF-8")
            for name in ("PERFDESK_HOME", "XDG_DATA_HOME", "LANGUAGE", "LC_ALL",
                         "PERFDESK_PSEUDO_LOCALE"):
                env.pop(name, None)
            if variant == "pseudo":
                env["PERFDESK_PSEUDO_LOCALE"] = "1"
            subprocess.run([sys.executable, __file__, "--variant", variant, "--out",
                            str(args.out)], check=True, env=env, cwd=ROOT)
    return 0


if __name__ == "__main__":
    sys.exit(main())
