"""The paste preview: what will be created, problem cells marked, rows chosen, confirm/cancel."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from perfdesk.gui.dialogs.paste_dialog import TINTS, PasteDialog, PasteRowsModel, collect_notes
from perfdesk.core.i18n import Text
from perfdesk.io.paste import parse_paste

from tests.support.contract_shapes import Finding

HEADING = "一级指标\t二级指标\t三级指标\t指标性质\t计算符号\t指标值\t计量单位\t指标值设定依据\t指标解释"
EXCEL = (HEADING + "\r\n"
         "产出指标\t数量指标\t培训场次\t定量\t≥\t10\t场\t计划标准\t\"按年度计划\n统计\"\r\n"
         "\t质量指标\t验收合格率\t定量\t≥\t95\t%\t行业标准\t\r\n"
         "其他指标\t\t系统运维\t\t\t抽样\t\t\t\r\n"
         "满意度指标\t\t\t定量\t≥\t90\t%\t\t\r\n")

COL = {name: n for n, name in enumerate(PasteRowsModel.COLUMNS)}


def make(qtbot, text=EXCEL, **kwargs) -> PasteDialog:
    dialog = PasteDialog.from_text(text, profile="88", grades=("达成", "好"), **kwargs)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def cell(dialog, row, column, role=Qt.ItemDataRole.DisplayRole):
    model = dialog.model
    return model.data(model.index(row, COL[column]), role)


def test_the_preview_shows_each_row_as_it_will_be_created(qtbot):
    dialog = make(qtbot)
    assert dialog.windowTitle() == "粘贴预览"
    model = dialog.model
    assert model.rowCount() == 4
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())
            ] == ["新建", "一级指标", "二级指标", "三级指标", "指标性质", "计算符号", "指标值",
                  "计量单位", "指标值设定依据", "指标解释"]
    assert model.headerData(0, Qt.Orientation.Vertical) == "第 2 行"
    assert [cell(dialog, 1, c) for c in ("level1", "level2", "name", "comparator", "value",
                                         "unit", "basis")] == [
        "产出指标", "质量指标", "验收合格率", "≥", "95", "%", "行业标准"]
    assert cell(dialog, 0, "explanation") == "按年度计划 统计"
    assert cell(dialog, 2, "value") == "抽样"
    summary = dialog.ui.summaryLabel.text()
    assert "读到 4 行指标" in summary and "第 1 行的表头" in summary
    assert "错误" in summary
    assert dialog.ok_button.text() == "新建 4 个指标" and dialog.ok_button.isEnabled()


def test_cells_with_problems_are_coloured_and_explain_themselves(qtbot):
    dialog = make(qtbot)
    # an unknown category is an error, an unreadable value a warning, a missing name an error
    assert cell(dialog, 2, "level1", Qt.ItemDataRole.BackgroundRole) == TINTS["error"]
    assert "不是本数据文件" in cell(dialog, 2, "level1", Qt.ItemDataRole.ToolTipRole)
    assert cell(dialog, 2, "value", Qt.ItemDataRole.BackgroundRole) == TINTS["warning"]
    assert cell(dialog, 2, "value", Qt.ItemDataRole.ToolTipRole).startswith("警告：")
    assert cell(dialog, 3, "name", Qt.ItemDataRole.BackgroundRole) == TINTS["error"]
    # the row's 新建 cell carries the row's worst colour; clean cells carry none
    assert cell(dialog, 2, "include", Qt.ItemDataRole.BackgroundRole) == TINTS["error"]
    assert cell(dialog, 0, "name", Qt.ItemDataRole.BackgroundRole) is None
    assert cell(dialog, 0, "include", Qt.ItemDataRole.BackgroundRole) is None


def test_confirm_returns_the_new_indicators(qtbot):
    dialog = make(qtbot)
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    created = dialog.indicators()
    assert [i.name for i in created] == ["培训场次", "验收合格率", "系统运维", ""]
    assert created[1].target == Decimal("95") and created[1].level1 == "产出指标"


def test_unticked_rows_are_not_created_and_nothing_at_all_disables_confirm(qtbot):
    dialog = make(qtbot)
    model = dialog.model
    for row in (2, 3):
        assert model.setData(model.index(row, 0), Qt.CheckState.Unchecked.value,
                             Qt.ItemDataRole.CheckStateRole)
    assert dialog.ok_button.text() == "新建 2 个指标"
    assert cell(dialog, 2, "name", Qt.ItemDataRole.ForegroundRole) is not None  # greyed
    assert [i.name for i in dialog.indicators()] == ["培训场次", "验收合格率"]
    for row in (0, 1):
        model.setData(model.index(row, 0), Qt.CheckState.Unchecked, Qt.ItemDataRole.CheckStateRole)
    assert not dialog.ok_button.isEnabled()


def test_cancel_creates_nothing(qtbot):
    dialog = make(qtbot)
    cancel = dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel)
    assert cancel.text() == "取消"
    with qtbot.waitSignal(dialog.rejected):
        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Rejected


def test_escape_cancels(qtbot):
    dialog = make(qtbot)
    with qtbot.waitSignal(dialog.rejected):
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)


def test_an_empty_clipboard_says_what_to_copy_and_cannot_be_confirmed(qtbot):
    dialog = make(qtbot, text="\r\n")
    assert "没有可以新建为指标的内容" in dialog.ui.summaryLabel.text()
    assert not dialog.ok_button.isEnabled()


def test_block_notices_are_shown(qtbot):
    text = "2025年项目支出绩效目标申报表\t\t\r\n" + EXCEL
    dialog = make(qtbot, text=text)
    assert dialog.ui.noticesLabel.isVisible()
    assert "上方的 1 行" in dialog.ui.noticesLabel.text()
    clean = make(qtbot)
    assert not clean.ui.noticesLabel.isVisible()


def test_a_paste_without_headings_at_the_name_column(qtbot):
    dialog = make(qtbot, text="参训人员满意度\t定量\t≥\t90\t%\r\n", start_column=2,
                  level1="满意度指标", level2="服务对象满意度指标")
    assert "没有表头" in dialog.ui.summaryLabel.text()
    assert "“三级指标”列开始" in dialog.ui.summaryLabel.text()
    assert cell(dialog, 0, "level2") == "服务对象满意度指标"


def test_check_findings_on_the_new_rows_are_marked_at_their_cells(qtbot):
    seen = []

    def check(indicators):
        seen.extend(indicators)
        first, second = indicators[0], indicators[1]
        return [
            Finding("SAT-02", "warning", "p", first.uuid, "comparator",
                        Text("满意度目标应写作“≥”。", "Use ≥.")),
            Finding("VAL-06", "error", "p", second.uuid, "target",
                        Text("比率不能超过100%。", "A rate cannot exceed 100%.")),
            Finding("REQ-02", "error", "p", None, "indicators",
                        Text("缺少效益指标。", "No effect indicator.")),
            Finding("ROW-02", "warning", "p", "someone-else", "name",
                        Text("重名。", "Duplicate.")),
        ]

    dialog = make(qtbot, check=check)
    assert len(seen) == 4
    assert cell(dialog, 0, "comparator", Qt.ItemDataRole.BackgroundRole) == TINTS["warning"]
    assert "SAT-02" in cell(dialog, 0, "comparator", Qt.ItemDataRole.ToolTipRole)
    assert cell(dialog, 1, "value", Qt.ItemDataRole.BackgroundRole) == TINTS["error"]
    assert "比率不能超过100%" in cell(dialog, 1, "value", Qt.ItemDataRole.ToolTipRole)
    notes = collect_notes(dialog.pasted, [])
    assert all(n.message != "缺少效益指标。" for ns in notes.values() for n in ns)


def test_the_rows_model_passes_the_model_tester(qtmodeltester):
    result = parse_paste(EXCEL)
    model = PasteRowsModel(result, collect_notes(result))
    qtmodeltester.check(model)


def test_messages_follow_the_language(qtbot):
    from perfdesk.core import i18n

    i18n.set_language("en")
    dialog = make(qtbot)
    assert "not a level-1 category" in cell(dialog, 2, "level1", Qt.ItemDataRole.ToolTipRole)


def test_a_paste_without_headings_finds_its_columns_by_their_values(qtbot):
    # a name, a target and a remark copied from a working sheet, pasted at 三级指标: the
    # target is read as the value (not dropped as a 性质), the remark as the explanation
    dialog = make(qtbot, text="参训人员满意度\t≥90%\t问卷调查\r\n群众知晓率\t>=85%\t抽样调查\r\n",
                  start_column=2, level1="满意度指标", level2="服务对象满意度指标")
    assert "按内容认出了各列" in dialog.ui.summaryLabel.text()
    assert "三级指标、值、解释" in dialog.ui.noticesLabel.text()
    assert (cell(dialog, 0, "comparator"), cell(dialog, 0, "value")) == ("≥", "90")
    assert cell(dialog, 1, "explanation") == "抽样调查"
    first = dialog.indicators()[0]
    assert (first.comparator, first.target, first.unit, first.explanation) == (
        "≥", Decimal("90"), "%", "问卷调查")
