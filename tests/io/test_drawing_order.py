"""A 绩效自评表 whose text a PDF viewer gave in drawing order (issue 11, corpus e03): read by
stated rules (labels of the vocabulary, level-2 labels / names / value rows paired by count,
short name parts joined to the part before), every join told with its line, and refused with
file and line where the counts do not line up. The tables here are made up in e03's shape,
with other names, numbers and drawing orders."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from perfdesk.core.errors import PerfDeskError
from perfdesk.core.model import SELF_EVALUATION
from perfdesk.io import read_table

# page 1: the name before its label, the value run before the names, a wrapped tail (率) drawn
# after the values, amounts in 元 with thousands commas; page 2: labels before their values,
# the 年度资金总额 row's cells scattered, the value headings after the 总分 label
MADE_UP = """城东区文化体育局2023年度项目自评.pdf
财政项目支出绩效自评表 (2023 年度)
城东社区 健身步道维护项目 项目名称 主管部门 某市城东区文化体育局
年初预算数 全年预算数 全年执行数 分值 执行率 得分
1,200,000.00 1,200,000.00 1,140,000 10 9.5 1,200,000.00 1,200,000.00 1,140,000 —
上年结转资金 0 0 — 其他资金 0 0 — 年度资金总额 项目资金 (元) 某市城东区 体育设施管理所 实施单位 其中:当年财政拨款 预期目标 年度 总体 目标 95.00%
实际完成情况 已完成全年步道维护任务。 一级指标 二级指标 数量指标 三级指标 步道维护覆盖 年度 指标值 实际 完成值 分值 得分
>=95% 97% 15 15 =100% 100% 15 14 按期 按期 20 20 <=120万元 114万元 10 10 >=500人次 620人次 20 20 >=90% 96% 10 10 100 98.5
率 产出指标 质量指标 绩 效 指 标 设施完好率 时效指标 成本指标 维护按期完成 维护成本控制 效益指标 社会效益指标 步道日均使用 人次 满意度指标 服务对象满意度指标 居民满意度 总分 -1-
财政项目支出绩效自评表 (2023 年度)
项目名称 青少年 游泳培训补贴 主管部门 某市城东区文化体育局 年初预算数 全年预算数 全年执行数 分值 执行率 得分
80,000.00 80,000.00 8.8 其中:当年财政拨款 0 0 — 上年结转资金 0 0 — 其他资金 0 0 —
年度资金总额 项目资金 (元) 某市城东区 青少年体育学校 实施单位 70,400 预期目标 年度 总体 目标 10 88.00% 实际完成情况 完成暑期游泳培训补贴发放。
一级指标 二级指标 三级指标 数量指标 产出指标 绩 效 指 标 培训人数 质量指标 培训考核合格率 效益指标 社会效益指标 满意度指标 服务对象满意度指标 游泳技能掌握人数 家长满意度 总分 -2-
年度 指标值 实际 完成值 分值 得分 >=200人 186人 20 18.6 >=85% 90% 30 30 >=150人 160人 20 20 >=90% 95% 20 20 100 97.4
"""


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "自评表.txt"
    path.write_text(text, encoding="utf-8")
    return path


def _told(result) -> list[tuple[int | None, str]]:
    return [(n.location.row, str(n.message)) for n in result.notices]


def test_a_drawing_order_self_evaluation_is_read_project_by_project(tmp_path):
    result = read_table(_write(tmp_path, MADE_UP))
    first, second = result.projects
    assert result.layout.startswith("绩效自评表")
    assert [(p.name, p.unit, p.department, p.annual_total, p.annual_goal, p.kind)
            for p in result.projects] == [
        ("城东社区健身步道维护项目", "某市城东区体育设施管理所", "某市城东区文化体育局",
         Decimal(120), "", SELF_EVALUATION),
        ("青少年游泳培训补贴", "某市城东区青少年体育学校", "某市城东区文化体育局",
         Decimal(8), "", SELF_EVALUATION)]
    assert [(i.level1, i.level2, i.name, i.value_display(), i.actual, i.weight, i.score)
            for i in first.indicators] == [
        ("产出指标", "数量指标", "步道维护覆盖率", "≥95%", "97%", Decimal(15), Decimal(15)),
        ("产出指标", "质量指标", "设施完好率", "＝100%", "100%", Decimal(15), Decimal(14)),
        ("产出指标", "时效指标", "维护按期完成", "按期", "按期", Decimal(20), Decimal(20)),
        ("产出指标", "成本指标", "维护成本控制", "≤120万元", "114万元", Decimal(10), Decimal(10)),
        ("效益指标", "社会效益指标", "步道日均使用人次", "≥500人次", "620人次", Decimal(20),
         Decimal(20)),
        ("满意度指标", "服务对象满意度指标", "居民满意度", "≥90%", "96%", Decimal(10), Decimal(10))]
    assert [(i.level2, i.name, i.value_display(), i.actual, i.weight, i.score)
            for i in second.indicators] == [
        ("数量指标", "培训人数", "≥200人", "186人", Decimal(20), Decimal("18.6")),
        ("质量指标", "培训考核合格率", "≥85%", "90%", Decimal(30), Decimal(30)),
        ("社会效益指标", "游泳技能掌握人数", "≥150人", "160人", Decimal(20), Decimal(20)),
        ("服务对象满意度指标", "家长满意度", "≥90%", "95%", Decimal(20), Decimal(20))]


def test_every_join_is_told_with_its_line(tmp_path):
    told = _told(read_table(_write(tmp_path, MADE_UP)))
    # a name's tail drawn three lines after its head, and one drawn right after it
    assert (9, "“率”不能单独作为指标名称，是前面“步道维护覆盖”折行的末尾，已连读为“步道维护覆盖率”，请核对。") in told
    assert (9, "“人次”不能单独作为指标名称，是前面“步道日均使用”折行的末尾，已连读为“步道日均使用人次”，"
               "请核对。") in told
    # a label's value wrapped over blanks, before its label (line 3) and after it (line 11)
    assert any(row == 3 and "“项目名称”的内容“城东社区 健身步道维护项目”中的空格是折行" in m for row, m in told)
    assert any(row == 11 and "“项目名称”的内容“青少年 游泳培训补贴”中的空格是折行" in m for row, m in told)
    assert any(row == 13 and "已按标签读取" in m and "“绩 效 指 标”→“绩效指标”" in m for row, m in told)
    # the 年度资金总额 row split by meaning, its 全年预算数 in 元 given in 万元
    assert any(row == 12 and "执行率 88.00%，分值 10，得分 8.8" in m and "全年执行数 70,400" in m
               and "读作 8 万元" in m for row, m in told)
    assert any(row == 1 and "城东区文化体育局2023年度项目自评.pdf" in m and "未读取" in m
               for row, m in told)
    assert not any("不一致" in m for _row, m in told)  # 总分 and 执行率 agree with the rows


def test_a_total_score_that_disagrees_with_the_rows_is_said(tmp_path):
    result = read_table(_write(tmp_path, MADE_UP.replace("10 10 100 98.5", "10 10 100 99.5")))
    assert (8, "总分一行的得分 99.5 与各行得分及预算执行得分之和 98.5 不一致，请核对。") in _told(result)


def test_more_names_than_level2_labels_is_refused_with_file_and_line(tmp_path):
    # two 数量指标 rows drawn with one merged label: which name is under which label is a guess
    text = MADE_UP.replace("步道维护覆盖 年度", "步道维护覆盖 新建步道长度 年度")
    path = _write(tmp_path, text)
    with pytest.raises(PerfDeskError) as refused:
        read_table(path)
    assert refused.value.file == str(path) and refused.value.row == 7
    assert "二级指标有 6 个" in str(refused.value) and "三级指标名称有 7 个" in str(refused.value)
    assert "自评表.txt" in str(refused.value) and "第 7 行" in str(refused.value)


def test_a_value_split_by_a_blank_breaks_the_rows_and_is_refused(tmp_path):
    path = _write(tmp_path, MADE_UP.replace("按期 按期 20 20", "12月 底前 按期 20 20"))
    with pytest.raises(PerfDeskError) as refused:
        read_table(path)
    assert refused.value.row == 8  # the first number no row could take: the value run broke
    assert "不在任何指标行的数值之中" in str(refused.value)


def test_fewer_value_rows_than_names_is_refused(tmp_path):
    path = _write(tmp_path, MADE_UP.replace(" >=90% 96% 10 10 100 98.5", ""))
    with pytest.raises(PerfDeskError) as refused:
        read_table(path)
    assert refused.value.row == 8
    assert "数值有 5 行" in str(refused.value) and "三级指标名称有 6 个" in str(refused.value)


def test_header_text_that_two_labels_could_hold_is_refused(tmp_path):
    # 项目名称 A 主管部门 B 实施单位: B could be the department's or the implementing unit's
    text = MADE_UP.replace("项目名称 青少年 游泳培训补贴 主管部门 某市城东区文化体育局 年初预算数",
                           "项目名称 青少年游泳培训补贴 主管部门 某市城东区文化体育局 实施单位 年初预算数")
    text = text.replace("项目资金 (元) 某市城东区 青少年体育学校 实施单位 70,400", "项目资金 (元) 70,400")
    path = _write(tmp_path, text)
    with pytest.raises(PerfDeskError) as refused:
        read_table(path)
    assert refused.value.row == 11 and "表头的文字无法唯一地对应到各标签" in str(refused.value)


def test_a_funds_row_whose_cells_cannot_be_told_apart_leaves_the_total_empty(tmp_path):
    # 得分 9.4 is no 分值 × 执行率 (10 × 95% = 9.5): which number is which is not known
    result = read_table(_write(tmp_path, MADE_UP.replace("1,140,000 10 9.5", "1,140,000 10 9.4")))
    assert result.projects[0].annual_total is None
    assert result.projects[1].annual_total == Decimal(8)
    assert any(row == 5 and "找不到唯一一对分值和得分" in m for row, m in _told(result))


def test_a_copy_cut_before_the_values_keeps_names_and_says_so(tmp_path):
    text = MADE_UP[:MADE_UP.index("年度 指标值 实际 完成值 分值 得分 >=200人")] + "年度 指标值\n"
    result = read_table(_write(tmp_path, text))
    second = result.projects[1]
    assert [(i.level2, i.name, i.value_display(), i.weight) for i in second.indicators] == [
        ("数量指标", "培训人数", "", None), ("质量指标", "培训考核合格率", "", None),
        ("社会效益指标", "游泳技能掌握人数", "", None), ("服务对象满意度指标", "家长满意度", "", None)]
    assert any(row == 15 and m.startswith("文字在指标值之前中断（原表不完整）")  # the row once
               for row, m in _told(result))


def test_the_same_cut_before_the_last_page_is_refused(tmp_path):
    # only the file's end can be a cut copy: a page with no values before another is refused
    cut = MADE_UP.replace(">=95% 97% 15 15 =100% 100% 15 14 按期 按期 20 20 <=120万元 114万元 10 10 "
                          ">=500人次 620人次 20 20 >=90% 96% 10 10 100 98.5", "")
    with pytest.raises(PerfDeskError) as refused:
        read_table(_write(tmp_path, cut))
    assert "没有找到各指标行的指标值" in str(refused.value)


def test_the_shanghai_putuo_table_imports_with_its_joins_and_its_cut_told():
    path = Path(__file__).resolve().parents[1] / "corpus" / "tables" / "e03_shanghai_putuo_tiyu" \
        / "source.txt"
    result = read_table(path)
    first, second = result.projects
    assert [i.name for i in first.indicators] == [
        "与委托运营方结算完成率", "合同结算条款完成率", "费用结算及时性", "与委托运营方合同完成率", "场馆开放满意度"]
    assert (first.annual_total, second.annual_total) == (Decimal(25), Decimal(2))
    told = [m for _row, m in _told(result)]
    assert told.count("“率”不能单独作为指标名称，是前面“与委托运营方结算完成”折行的末尾，"
                      "已连读为“与委托运营方结算完成率”，请核对。") == 1
    # the published 执行率 86.19% is not 215,457.6 ÷ 250000.00 (86.18%): said, not hidden
    assert any("执行率 86.19% 与全年执行数 ÷ 全年预算数" in m and "86.18%" in m for m in told)
    assert any("文字在指标值之前中断" in m for m in told)
    assert all(i.target is None and i.weight is None for i in second.indicators)


def test_a_labelled_value_with_no_field_is_named_not_dropped(tmp_path):
    text = MADE_UP.replace("主管部门 某市城东区文化体育局\n年初预算数",
                           "主管部门 某市城东区文化体育局 项目类别 本级 支出项目\n年初预算数")
    result = read_table(_write(tmp_path, text))
    assert result.projects[0].department == "某市城东区文化体育局"
    assert (3, "“项目类别”的内容“本级支出项目”没有对应的字段，未导入。") in _told(result)
