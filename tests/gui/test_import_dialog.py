"""The import preview: counts, projects under their units, what needed guessing, 导入/取消."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from perfdesk.gui.dialogs.import_dialog import ImportDialog, ImportTreeModel, NoticeTableModel
from perfdesk.core.i18n import Text
from perfdesk.core.model import Indicator, Project

from tests.support.contract_shapes import Finding, Notice
from tests.support.contract_shapes import ImportResult as Result


def project(name, department="区委政法委", unit="综治中心", indicators=3, total="10.00"):
    return Project(name=name, department=department, unit=unit,
                   annual_total=Decimal(total) if total else None,
                   source_ref=f"公开表.xlsx/Sheet1/{name}",
                   indicators=[Indicator(level1="产出指标", name=f"{name}指标{k}")
                               for k in range(indicators)])


def sample() -> Result:
    projects = [project("办公经费"), project("网格化经费", indicators=5, total="2.5"),
                project("执法监督经费", unit="执法大队", indicators=1),
                project("扫黑除恶经费", department="公安分局", unit="刑侦大队", indicators=0,
                        total="")]
    notices = [Notice(Text("“质量指标”是二级指标，已放到产出指标下。", "Level 2 given as level 1."),
                      "公开表.xlsx 第 12 行"),
               Notice(Text("指标值“抽样”无法读出目标，已原样保留。", "Kept '抽样' as written."),
                      "公开表.xlsx 第 5 行")]
    return Result(projects, notices)


def make(qtbot, result=None, **kwargs) -> ImportDialog:
    dialog = ImportDialog(result or sample(), **kwargs)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def tree_rows(model, parent=QModelIndex(), depth=0):
    rows = []
    for r in range(model.rowCount(parent)):
        index = model.index(r, 0, parent)
        rows.append(("  " * depth + index.data(),
                     *(model.index(r, c, parent).data() for c in range(1, model.columnCount()))))
        rows.extend(tree_rows(model, index, depth + 1))
    return rows


def test_the_preview_counts_what_will_be_imported_and_shows_the_tree(qtbot):
    dialog = make(qtbot, files=[Path("/数据/公开表.xlsx")])
    assert dialog.windowTitle() == "导入预览"
    summary = dialog.ui.summaryLabel.text()
    assert summary == "从 “公开表.xlsx” 读到 2 个主管部门、3 个预算单位、4 个项目、9 个指标。"
    assert tree_rows(dialog.tree) == [
        ("区委政法委（3 个项目）", "9", "22.50"),
        ("  综治中心（2 个项目）", "8", "12.50"),
        ("    办公经费", "3", "10.00"),
        ("    网格化经费", "5", "2.50"),
        ("  执法大队（1 个项目）", "1", "10.00"),
        ("    执法监督经费", "1", "10.00"),
        ("公安分局（1 个项目）", "0", ""),
        ("  刑侦大队（1 个项目）", "0", ""),
        ("    扫黑除恶经费", "0", ""),
    ]
    assert dialog.ui.projectTree.isExpanded(dialog.tree.index(0, 0))
    assert dialog.ok_button.text() == "导入 4 个项目" and dialog.ok_button.isEnabled()


def test_a_project_without_indicators_stands_out(qtbot):
    dialog = make(qtbot)
    model = dialog.tree
    dept = model.index(1, 0)
    project_index = model.index(0, ImportTreeModel.INDICATORS, model.index(0, 0, dept))
    assert project_index.data() == "0"
    assert project_index.data(Qt.ItemDataRole.ForegroundRole) is not None
    name = model.index(0, 0, model.index(0, 0, dept))
    assert name.data(Qt.ItemDataRole.ToolTipRole) == "来源：公开表.xlsx/Sheet1/扫黑除恶经费"
    assert name.data(ImportTreeModel.ProjectRole).name == "扫黑除恶经费"


def test_the_notices_say_where_and_what_was_guessed(qtbot):
    dialog = make(qtbot)
    model = dialog.notices
    assert model.rowCount() == 2
    assert [model.index(0, c).data() for c in range(2)] == [
        "公开表.xlsx 第 12 行", "“质量指标”是二级指标，已放到产出指标下。"]
    assert "2 处" in dialog.ui.noticesHeading.text()
    assert dialog.ui.noticeTable.isVisible()


def test_no_notices_says_so_and_hides_the_list(qtbot):
    dialog = make(qtbot, Result([project("办公经费")]))
    assert dialog.ui.noticesHeading.text() == "读取时没有需要判断的地方。"
    assert not dialog.ui.noticeTable.isVisible()


def test_problem_counts_per_project_when_checks_ran(qtbot):
    result = sample()
    office, grid = result.projects[0], result.projects[1]
    findings = {
        office.uuid: [Finding("REQ-02", "error", office.uuid, None, "indicators", Text("缺", "x")),
                      Finding("CAT-05", "warning", office.uuid, "i", "level2", Text("缺", "x")),
                      Finding("CAT-05", "warning", office.uuid, "j", "level2", Text("缺", "x"))],
        grid.uuid: [Finding("STD-01", "hint", grid.uuid, "k", "basis", Text("提示", "x"))],
    }
    dialog = make(qtbot, result, findings=findings)
    model = dialog.tree
    assert model.columnCount() == 4
    assert model.headerData(3, Qt.Orientation.Horizontal) == "检查"
    dept = model.index(0, 0)
    unit = model.index(0, 0, dept)
    assert model.index(0, 3, dept.parent()).data() == "1 错误 2 警告"
    assert model.index(0, 3, unit).data() == "1 错误 2 警告"  # 办公经费
    assert model.index(1, 3, unit).data() == "无"  # hints are not counted
    assert "检查发现 1 处错误、2 处警告" in dialog.ui.summaryLabel.text()


def test_without_checks_there_is_no_problem_column(qtbot):
    dialog = make(qtbot)
    assert dialog.tree.columnCount() == 3
    assert "检查" not in dialog.ui.summaryLabel.text()


def test_import_and_cancel(qtbot):
    dialog = make(qtbot)
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert [p.name for p in dialog.projects()][:2] == ["办公经费", "网格化经费"]
    again = make(qtbot)
    cancel = again.ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel)
    assert cancel.text() == "取消"
    with qtbot.waitSignal(again.rejected):
        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)


def test_an_empty_result_cannot_be_imported(qtbot):
    dialog = make(qtbot, Result([]))
    assert not dialog.ok_button.isEnabled()
    assert "没有在文件中找到项目" in dialog.ui.summaryLabel.text()


def test_many_files_are_named_briefly(qtbot):
    files = [Path(f"表{n}.xlsx") for n in range(5)]
    dialog = make(qtbot, files=files)
    assert "“表0.xlsx”、“表1.xlsx”、“表2.xlsx” 等 5 个文件" in dialog.ui.summaryLabel.text()


def test_a_large_import_opens_with_only_departments_expanded(qtbot):
    projects = [project(f"项目{n}", unit=f"单位{n // 50}") for n in range(600)]
    dialog = make(qtbot, Result(projects))
    view = dialog.ui.projectTree
    dept = dialog.tree.index(0, 0)
    assert view.isExpanded(dept)
    assert not view.isExpanded(dialog.tree.index(0, 0, dept))
    assert dialog.tree.projects == 600 and dialog.tree.indicators == 1800


def test_the_models_pass_the_model_tester(qtmodeltester):
    result = sample()
    qtmodeltester.check(ImportTreeModel(result.projects))
    qtmodeltester.check(ImportTreeModel(result.projects, {}))
    qtmodeltester.check(NoticeTableModel(result.notices))


def test_each_notice_shows_how_much_it_matters(qtbot):
    from perfdesk.core.severity import HINT

    result = sample()
    result.notices[1] = Notice(Text("指标值“>=95%”已按规范写作“≥95%”。", "Written as ≥95%."),
                               "公开表.xlsx 第 5 行", HINT)
    dialog = make(qtbot, result)
    model = dialog.notices
    assert model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole) == "警告"  # unless known better
    assert model.index(1, 0).data(Qt.ItemDataRole.ToolTipRole) == "提示"
    assert not model.index(1, 0).data(Qt.ItemDataRole.DecorationRole).isNull()
