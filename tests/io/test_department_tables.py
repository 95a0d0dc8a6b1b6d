"""A 部门整体绩效目标表 comes in as what it is: its block of tasks (88号's 年度主要任务 with a
split 预算金额 heading and a 金额合计 row; 福建's 年度履职目标) becomes the target's tasks, the
年度预算安排 split and the 部门职能职责概述 its fields, and nothing of the block lands in another
field."""

from __future__ import annotations

from decimal import Decimal

from openpyxl import Workbook

from perfdesk.core.model import DEPARTMENT_WHOLE
from perfdesk.io import read_table
from tests.corpus.agreement import HERE

D = Decimal


def official_form(path, *, sums=("60", "50", "10"), extra_rows=()):
    """A 财预〔2015〕88号 部门整体支出绩效目标申报表 as a clerk fills it in."""
    wb = Workbook()
    ws = wb.active
    ws.title = "部门整体"
    rows = [
        ["部门（单位）整体支出绩效目标申报表"],
        ["（2026年度）"],
        ["部门（单位）名称", "某县林业局"],
        ["部门职能职责概述", "负责全县森林资源保护和林业产业发展。"],
        ["年度主要任务", "任务名称", "主要内容", "预算金额（万元）"],
        [None, None, None, "总额", "财政拨款", "其他资金"],
        [None, "森林防火", "巡护林区，全年无重大森林火灾", 40, 35, 5],
        [None, "湿地保护", "维护湿地保护区", "20万元", 15, 5],
        *extra_rows,
        [None, "任务3", None, None, None, None],
        [None, "金额合计", None, *sums],
        ["年度总体目标", "全年无重大森林火灾，湿地保有量不减少。"],
        ["年度绩效指标", "一级指标", "二级指标", "三级指标", "指标值"],
        [None, "产出指标", "数量指标", "巡护里程", "≥1000公里"],
        [None, "效益指标", "生态效益指标", "湿地保有量", "≥4900公顷"],
    ]
    for row in rows:
        ws.append(row)
    ws.merge_cells(f"A5:A{10 + len(extra_rows)}")
    ws.merge_cells("D5:F5")
    wb.save(path)
    return path


def test_the_official_forms_tasks_are_read_and_its_headings_fill_no_other_field(tmp_path):
    result = read_table(official_form(tmp_path / "部门整体.xlsx"))
    [project] = result.projects
    assert project.kind == DEPARTMENT_WHOLE and project.name == "某县林业局"
    assert [(t.name, t.content, t.total, t.fiscal, t.other) for t in project.tasks] == [
        ("森林防火", "巡护林区，全年无重大森林火灾", D("40"), D("35"), D("5")),
        ("湿地保护", "维护湿地保护区", D("20"), D("15"), D("5"))]
    assert project.tasks[0].source_ref.endswith("第7行")
    assert project.duties == "负责全县森林资源保护和林业产业发展。"
    assert project.annual_goal == "全年无重大森林火灾，湿地保有量不减少。"
    # the block's 财政拨款 / 其他资金 headings are not the form's funding lines
    assert (project.annual_fiscal, project.annual_other) == (None, None)
    assert [i.name for i in project.indicators] == ["巡护里程", "湿地保有量"]
    texts = [n.message.zh for n in result.notices]
    assert any("模板中未填写的任务行（任务3）已跳过" in t for t in texts)
    assert any("年度主要任务 2 条（第 5–10 行" in t for t in texts)
    assert not any("金额合计" in t for t in texts)  # the sums agree


def test_a_total_row_that_disagrees_with_the_tasks_is_said_with_its_row(tmp_path):
    result = read_table(official_form(tmp_path / "合计不符.xlsx", sums=("70", "50", "10")))
    [project] = result.projects
    assert len(project.tasks) == 2  # 金额合计 is no task
    [notice] = [n for n in result.notices if "金额合计" in n.message.zh]
    assert "总额 70 万元与各项任务之和 60 万元不符" in notice.message.zh
    assert notice.location.row == 10


def test_an_amount_that_is_no_number_stays_empty_with_a_notice(tmp_path):
    bad = [None, "护林员培训", "培训护林员", "按实际", None, None]
    result = read_table(official_form(tmp_path / "文字金额.xlsx", extra_rows=[bad]))
    [project] = result.projects
    assert [(t.name, t.total) for t in project.tasks][-1] == ("护林员培训", None)
    [notice] = [n for n in result.notices if "按实际" in n.message.zh]
    assert notice.location.row == 9 and "已留空" in notice.message.zh


def test_the_fujian_form_gives_tasks_split_and_budget_code():
    result = read_table(HERE / "b05_ningde" / "source.xlsx")
    [project] = result.projects
    assert [(t.function[:6], t.item, t.total) for t in project.tasks] == [
        ("组织、指导、", "地情、市志编纂与年鉴出版经费", D("49.8")),
        ("确保本室各人", "地情、市志编纂与年鉴出版经费", D("11")),
        ("确保日常工作", "基本支出", D("171.41"))]
    assert (project.annual_total, project.project_funds, project.basic_funds) == (
        D("171.41"), D("60.8"), D("110.61"))
    assert project.unit_code == "901001033"


def test_a_project_form_is_read_as_before_without_tasks():
    result = read_table(HERE / "a01_wuhan_qingshan_jiaoyu" / "source.xlsx")
    assert all(not p.tasks and p.project_funds is None and p.kind != DEPARTMENT_WHOLE
               for p in result.projects)


def _exported(tmp_path, projects, *, visible_only=False):
    from openpyxl import load_workbook

    from perfdesk.io import export_detail
    from perfdesk.io.embedded import SHEET_NAME

    path = export_detail(projects, tmp_path / "部门整体导出.xlsx", year=2019)
    if visible_only:  # as a clerk's copy pasted into a new workbook: the table alone
        wb = load_workbook(path)
        del wb[SHEET_NAME]
        wb.save(path)
    return read_table(path)


def test_a_department_target_exported_comes_back_exactly(tmp_path):
    source = read_table(HERE / "b05_ningde" / "source.xlsx").projects
    back = _exported(tmp_path, source)
    assert back.restored == 1 and back.projects == source


def test_its_visible_form_alone_gives_the_same_tasks_funds_goal_and_indicators(tmp_path):
    [source] = read_table(HERE / "b05_ningde" / "source.xlsx").projects
    back = _exported(tmp_path, [source], visible_only=True)
    [got] = back.projects
    assert back.restored == 0 and got.kind == DEPARTMENT_WHOLE and got.name == source.name
    fields = ("function", "name", "content", "item", "total", "fiscal", "other")
    assert [[getattr(t, f) for f in fields] for t in got.tasks] == \
        [[getattr(t, f) for f in fields] for t in source.tasks]
    assert (got.annual_total, got.project_funds, got.basic_funds, got.unit_code) == (
        D("171.41"), D("60.8"), D("110.61"), "901001033")
    assert got.annual_goal == source.annual_goal
    shown = ("level1", "level2", "name", "explanation")
    assert [([getattr(i, f) for f in shown], i.value_display()) for i in got.indicators] == \
        [([getattr(i, f) for f in shown], i.value_display()) for i in source.indicators]
    # the 金额合计 row written is the tasks' exact sum: no notice on reading it back
    assert not any("金额合计" in n.message.zh for n in back.notices)


def test_the_official_forms_tasks_with_all_amounts_survive_the_round_trip(tmp_path):
    [source] = read_table(official_form(tmp_path / "部门整体.xlsx")).projects
    [got] = _exported(tmp_path, [source], visible_only=True).projects
    assert [(t.name, t.content, t.total, t.fiscal, t.other) for t in got.tasks] == \
        [(t.name, t.content, t.total, t.fiscal, t.other) for t in source.tasks]
    assert got.duties == source.duties and (got.annual_fiscal, got.annual_other) == (None, None)


def test_tasks_adding_up_to_more_than_the_budget_are_said():
    """b05's 基本支出 task holds the 资金总额 (171.41) itself: its tasks add up to 232.21."""
    result = read_table(HERE / "b05_ningde" / "source.xlsx")
    [notice] = [n for n in result.notices if "超过年度资金总额" in n.message.zh]
    assert "232.21 万元超过年度资金总额 171.41 万元" in notice.message.zh
    assert notice.location.row == 8
    assert not any("超过年度资金总额" in n.message.zh
                   for n in read_table(HERE / "f02_jiangxi_fuliang_linye" / "source.xlsx").notices)
