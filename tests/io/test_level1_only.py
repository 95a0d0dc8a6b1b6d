"""A grid with only a 一级 column (指标 | 指标内容 | 指标值, the 88号 申报表 sample, corpus g04) in
run-together text: each row read by meaning, level 2 left empty, every cut said."""

from __future__ import annotations

from decimal import Decimal

from perfdesk.io import read_table

HEADER = ("附件2 项目支出绩效目标申报表项 目 名 称 某省湿地保护监测经费主管部门及代码215某省林业厅 "
          "实施单位某省湿地保护中心资金总额: 其中:当年财政拨款项目资金申请 (万元)其他资金"
          "项目绩效目标完成全省湿地资源监测;发布年度湿地监测报告。")
GRID = ("指标 指标内容 指标值产出指标 年度、季度监测报告份数 各 2 份监测样点数量 ≥120 个项目绩效指标"
        "2023年度巡护人员培训人数 150 人监测数据上报及时率100%效益指标 湿地生态状况 有效提高"
        "对湿地保护的宣传作用 让公众了解湿地保护的意义。对提")


def _read(tmp_path, text):
    path = tmp_path / "申报表.txt"
    path.write_text(text + "\n", encoding="utf-8")
    result = read_table(path)
    return result, [n.text() for n in result.notices]


def test_a_level1_only_grid_reads_each_row_with_its_value_and_no_level2(tmp_path):
    result, told = _read(tmp_path, HEADER + GRID)
    (project,) = result.projects
    assert (project.name, project.department, project.unit) == (
        "某省湿地保护监测经费", "某省林业厅", "某省湿地保护中心")
    assert project.annual_goal == "完成全省湿地资源监测;发布年度湿地监测报告。"
    got = [(i.level1, i.level2, i.name, i.comparator, i.target, i.unit, i.value_display())
           for i in project.indicators]
    assert got == [
        ("产出指标", "", "年度、季度监测报告份数", "", None, "", "各2份"),
        ("产出指标", "", "监测样点数量", "≥", Decimal(120), "个", "≥120个"),
        # 2023年度 is part of the name: a number before 年度 is no value
        ("产出指标", "", "2023年度巡护人员培训人数", "", Decimal(150), "人", "150人"),
        ("产出指标", "", "监测数据上报及时率", "", Decimal(100), "%", "100%"),
        ("效益指标", "", "湿地生态状况", "", None, "", "有效提高"),
        ("效益指标", "", "对湿地保护的宣传作用", "", None, "", "让公众了解湿地保护的意义。")]
    # the side label between two rows, each cut of a value glued to the next name, the
    # truncated last name and the missing level 2 are each said
    assert any("“项目绩效指标”是表格左侧合并单元格的标签" in t for t in told)
    assert any("按定性用语“有效提高”的结尾切分" in t and "下一行从“对湿地保护的宣传作用" in t
               for t in told)
    assert any("按句号切分" in t and "“让公众了解湿地保护的意义。”" in t for t in told)
    assert any("“对提”之后没有指标值（文字到此中断，原表不完整）" in t for t in told)
    assert any("只有一级指标一栏" in t and "6 个指标的二级指标留空" in t for t in told)
    # the code glued in front of the department under 主管部门及代码 is its code, not its name
    assert any("前面的 215 是主管部门编码" in t for t in told)
    assert project.department_code == "215" and not project.department.startswith("215")


def test_a_value_with_no_phrase_and_no_sentence_end_is_not_guessed(tmp_path):
    # 扩大影响 is no known qualitative phrase and no 。 ends it: its end cannot be found
    grid = "指标 指标内容 指标值产出指标 监测样点数量 120 个效益指标 社会影响 扩大影响范围"
    result, told = _read(tmp_path, HEADER + grid)
    (project,) = result.projects
    assert [i.name for i in project.indicators] == ["监测样点数量"]
    assert any("“社会影响”的指标值“扩大影响范围”" in t and "找不到结尾" in t and "未导入" in t
               for t in told)


def test_a_code_before_a_department_without_a_code_label_stays_in_the_name(tmp_path):
    result, _told = _read(tmp_path, HEADER.replace("主管部门及代码", "主管部门") + GRID)
    (project,) = result.projects
    assert project.department == "215某省林业厅"


def test_run_together_funds_read_the_fiscal_and_other_amounts_after_their_fund_names(tmp_path):
    header = HEADER.replace("资金总额: 其中:当年财政拨款项目资金申请 (万元)其他资金",
                            "年度资金总额:38.75万元其中:财政拨款少数民族发展资金37万元其他资金中央衔接资金1.75万元")
    result, told = _read(tmp_path, header + GRID)
    (project,) = result.projects
    assert (project.annual_total, project.annual_fiscal, project.annual_other) == (
        Decimal("38.75"), Decimal(37), Decimal("1.75"))
    assert any("“财政拨款”写作“少数民族发展资金37万元”，已读作 37 万元" in t for t in told)
