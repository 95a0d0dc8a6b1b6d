"""Navigation keys per filled cell when a clerk types a project into the real window (issue 13;
aim: at most 1).

A fixed reference project, typed with the keyboard only through the main window at 1366×768:
Ctrl+N, the header (name, 属性, funds, 年度目标), then seven indicators covering 产出 / 效益 /
满意度, one 定性 (a grade) and one deadline (时效). Every key that is not text (Tab, Shift+Tab,
Enter, Ctrl+Enter, Ctrl+N, Ctrl+I, arrows, F2, F4) is a navigation key; text is typed as a
clerk types it (ASCII as keys, Chinese committed by the input method). A filled cell is a
header field or a grid cell that is not empty once the project is stored (a target typed as
≥90% fills 符号, 值 and 单位 at once, as three cells of the Excel template would need).

The clerk uses what the grid offers: Ctrl+Enter for the next indicator in the same
categories, Shift+Tab back to 二级指标 for another category (a 二级 brings its 一级), Tab from
性质 straight to 值 (``>=10场`` fills 符号 and 单位, so Tab goes on to 依据).

The script checks that what is stored is the reference project, then prints the navigation
keys, the filled cells and their ratio. Before the Excel keys (issue 13's trial on main: 131
navigation keys for one project with seven indicators, about 35 of them getting out of traps);
with them, 61 navigation keys for 63 filled cells (0.97).

Run offscreen: ``QT_QPA_PLATFORM=offscreen python bench/bench_entry_keys.py``.
"""

from __future__ import annotations

import itertools
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QInputMethodEvent  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QAbstractItemView, QApplication  # noqa: E402

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
TAB, ENTER = Qt.Key.Key_Tab, Qt.Key.Key_Return
BACKTAB = Qt.Key.Key_Backtab  # what Qt delivers for Shift+Tab on Windows and X11

# (level1 typed or None to keep the row above's, level2, name, nature typed or None, value,
#  basis, explanation)
INDICATORS = [
    ("产", "数", "培训场次", None, ">=10场", "计划标准", "全年组织培训"),
    (None, None, "参训人次", None, ">=500人次", "计划标准", "按签到统计"),
    (None, "质", "培训合格率", None, ">=95%", "行业标准", "考核合格人数占比"),
    (None, "时", "培训完成时间", None, "2026年12月底前", "计划标准", "按年度计划"),
    ("效", "社", "基层治理能力", "定性", "较好", "其他", "专家评议"),
    (None, None, "群众知晓率", None, ">=90%", "计划标准", "问卷调查"),
    ("满", "服", "参训人员满意度", None, ">=90%", "行业标准", "问卷调查"),
]


class Clerk:
    """Presses keys at the focused widget and counts the ones that are not text."""

    def __init__(self, app) -> None:
        self.app = app
        self.navigation = 0

    @staticmethod
    def target():
        """Where the window system delivers a key: an open popup (a list, suggestions), else
        the focused widget."""
        return QApplication.activePopupWidget() or QApplication.focusWidget()

    def key(self, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
        self.navigation += 1
        QTest.keyClick(self.target(), key, modifier)
        self.settle()

    def text(self, text: str) -> None:
        for is_ascii, run in itertools.groupby(text, key=lambda ch: ord(ch) < 128):
            run = "".join(run)
            if is_ascii:
                for char in run:
                    QTest.keyClicks(self.target(), char)
            else:
                target = QApplication.focusWidget()
                QApplication.sendEvent(target, QInputMethodEvent(run, []))
                commit = QInputMethodEvent()
                commit.setCommitString(run)
                QApplication.sendEvent(QApplication.focusWidget(), commit)
            self.settle()

    def settle(self) -> None:
        for _ in range(3):  # Enter in a cell editor commits on the next turn of the loop
            self.app.processEvents()

    def tab_to(self, widget) -> None:
        while QApplication.focusWidget() is not widget:
            self.key(TAB)


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="perfdesk-bench-"))
    os.environ.setdefault("PERFDESK_HOME", str(folder / "home"))
    from perfdesk.gui.application import create_application
    from perfdesk.gui.models.indicator_table_model import COLUMN_COUNT
    from perfdesk.gui.window.main_window import MainWindow
    from perfdesk.services.dataset import Dataset

    app = create_application()
    dataset = Dataset.create(folder / "bench.perfdesk", year=2026, profile="88")
    dataset.add_unit_under("主管部门", "预算单位")
    window = MainWindow()
    window.resize(1366, 768)
    window.show()
    window.set_dataset(dataset)
    window.activateWindow()
    app.processEvents()
    clerk = Clerk(app)
    form = window.ui.projectForm.ui
    grid = window.ui.indicatorGrid

    window.ui.projectTree.setFocus()
    clerk.key(Qt.Key.Key_N, CTRL)  # 新建项目: the cursor is in 项目名称
    clerk.text("基层社会治理培训经费")
    clerk.tab_to(form.attributeCombo)
    clerk.text("延")  # 延续项目, chosen by its first character
    clerk.tab_to(form.annualFiscalEdit)
    clerk.text("120")
    clerk.key(TAB)
    clerk.text("3.45")
    clerk.tab_to(form.annualGoalEdit)
    clerk.text("完成培训10场，参训人员满意度达到90%以上。")
    clerk.key(Qt.Key.Key_I, CTRL)  # the first indicator, its 一级指标 open

    for number, (l1, l2, name, nature, value, basis, explanation) in enumerate(INDICATORS):
        if number == 0:  # the first indicator: its 一级指标 is open
            clerk.text(l1)
            clerk.key(TAB)
        elif l2 is not None:  # another category: back to 二级指标, which brings its 一级
            clerk.key(BACKTAB, SHIFT)
        if l2 is not None:
            clerk.text(l2)
            clerk.key(TAB)
        clerk.text(name)
        clerk.key(TAB)  # 性质
        if nature is not None:
            clerk.text(nature)
        clerk.key(TAB)  # 值 (an empty 符号 is filled by what is typed there)
        clerk.text(value)
        clerk.key(TAB)  # 依据 (past the 单位 the value brought; a grade has none)
        clerk.text(basis)
        clerk.key(TAB)
        clerk.text(explanation)
        if number + 1 < len(INDICATORS):
            clerk.key(ENTER, CTRL)  # the next indicator below, in the same categories
        else:
            clerk.key(ENTER)
    while grid.state() == QAbstractItemView.State.EditingState:
        clerk.settle()

    with Dataset.open(dataset.path, read_only=True) as ds:
        project = ds.load_project(window.current_project)
    header = [project.name, project.attribute, project.annual_fiscal, project.annual_other,
              project.annual_goal]
    model = window.indicator_model
    cells = sum(1 for row in range(model.rowCount()) for column in range(COLUMN_COUNT)
                if (model.index(row, column).data() or "") not in ("", "—"))
    filled = sum(1 for v in header if v not in (None, "")) + cells
    got = [(i.level1, i.level2, i.name, i.nature, i.value_display(), i.basis, i.explanation)
           for i in project.indicators]
    for row in got:
        print("  ", " │ ".join(str(v) for v in row))
    assert len(got) == len(INDICATORS), f"{len(got)} indicators stored"
    assert [g[2] for g in got] == [i[2] for i in INDICATORS], "names differ"
    assert got[4][3] == "定性" and got[4][4] == "较好", got[4]
    assert "12月底前" in got[3][4] and "≥" not in got[3][4], got[3]
    print(f"navigation keys: {clerk.navigation}")
    print(f"filled cells: {filled} (header {filled - cells}, grid {cells})")
    print(f"navigation keys per filled cell: {clerk.navigation / filled:.2f} (aim ≤ 1; "
          f"before: 131 navigation keys for the same size of project)")
    window.close()


if __name__ == "__main__":
    main()
