"""Where a table's 年度目标 stands (issue 11): right above the grid, under 本年度绩效目标, beside a
block heading. Shapes from the corpus tables a07, a08, b05, written as a clerk's workbook."""

from __future__ import annotations

from perfdesk.io import read_table
from tests.support.io_tables import write_xlsx

GRID = [
    ["绩效指标", "一级指标", "二级指标", "三级指标", "指标值"],
    [None, "产出指标", "数量指标", "安置小区物业费", "8个"],
]
GOAL = "目标1：维护辖区各安置小区安全巡逻、环境卫生及物业日常管理"


def test_a_goal_right_above_the_grid_is_the_goal_not_a_heading(tmp_path):
    """年度目标 | its text, in the row right above the grid's heading (corpus a08): that row is
    the label block's last, not the upper half of a two-row heading."""
    path = write_xlsx(tmp_path / "申报表.xlsx", [
        ["项目名称", "物业管理"], ["主管部门", "县财政局"], ["年度目标", GOAL], *GRID],
        merges=["B3:E3"])
    (project,) = read_table(path).projects
    assert project.annual_goal == GOAL
    assert [i.name for i in project.indicators] == ["安置小区物业费"]


def test_the_goal_under_this_years_label_and_beside_a_block_heading(tmp_path):
    """本年度绩效目标 is the year's goal beside 实施期绩效目标 (corpus a07); 年度总体目标 with
    the block heading 年度履职目标 under it keeps the text right of it (corpus b05)."""
    this_year = write_xlsx(tmp_path / "a.xlsx", [
        ["项目支出名称", "雾炮车降尘抑尘服务"], ["预算部门", "某市环境卫生管理处"],
        ["实施期绩效目标", "全市空气质量达到优良（实施期）"],
        ["本年度绩效目标", "全市空气质量达到优良"], *GRID])
    (project,) = read_table(this_year).projects
    assert (project.annual_goal, project.midterm_goal) == ("全市空气质量达到优良",
                                                           "全市空气质量达到优良（实施期）")
    beside = write_xlsx(tmp_path / "b.xlsx", [
        ["项目名称", "志鉴编纂"], ["主管部门", "某市地方志研究室"],
        ["年度总体目标", "目标1：确保本室各人员工资及福利的发放"],
        ["年度履职目标", "部门职能", None, "年度目标任务"],
        [None, "组织编纂地方志", None, "完成年鉴出版"], *GRID])
    (project,) = read_table(beside).projects
    assert project.annual_goal == "目标1：确保本室各人员工资及福利的发放"


def test_a_one_year_tables_only_overall_goal_is_the_years_goal(tmp_path):
    """A 专项 or 中央预算内投资 target table (corpus c03, e02, e08) gives one goal, 总体目标,
    and no 年度目标: it is the year's goal, said; where 年度目标 stands beside it, or the
    project runs several years, 总体目标 stays the long-term goal."""
    one_year = write_xlsx(tmp_path / "专项.xlsx", [
        ["专项名称", "农村饮水安全巩固提升工程"], ["主管部门", "某区水利局"],
        ["总体目标", "改善提升9200人饮水条件"], *GRID])
    read = read_table(one_year)
    (project,) = read.projects
    assert (project.annual_goal, project.midterm_goal) == ("改善提升9200人饮水条件", "")
    assert any("总体目标" in str(n.message) and "年度目标" in str(n.message) for n in read.notices)
    several = write_xlsx(tmp_path / "跨年.xlsx", [
        ["项目名称", "农村饮水安全巩固提升工程"], ["主管部门", "某区水利局"],
        ["项目期", "2025年至2027年"], ["总体目标", "改善提升9200人饮水条件"], *GRID])
    (project,) = read_table(several).projects
    assert (project.annual_goal, project.midterm_goal) == ("", "改善提升9200人饮水条件")


def test_an_empty_funding_cell_above_the_goal_row_is_empty_and_nothing_is_said_of_the_goal(
        tmp_path):
    """其他资金 left blank in the last funding row, 总体目标 | its text in the row below (corpus
    a08, d02, e02): the goal is the goal, 其他资金 stays empty, and no notice calls the goal
    text an amount that is not a number."""
    path = write_xlsx(tmp_path / "专项.xlsx", [
        ["专项名称", "农村饮水安全巩固提升工程"], ["主管部门", "某区水利局"],
        ["资金情况(万元)", "其中:财政拨款", 500], [None, "其他资金", None],
        ["总体目标", "改善提升9200人饮水条件"], *GRID])
    read = read_table(path)
    (project,) = read.projects
    assert project.annual_goal == "改善提升9200人饮水条件"
    assert project.annual_other is None and project.annual_fiscal == 500
    assert not [n for n in read.notices if "不是数字" in str(n.message)]
