"""Pasting cells copied from Excel or WPS: the clipboard's text read into new indicators, with
the problems of each cell for the preview."""

from __future__ import annotations

from decimal import Decimal

from perfdesk.io.paste import GRID_COLUMNS, parse_paste, split_cells

HEADING = "一级指标\t二级指标\t三级指标\t指标性质\t计算符号\t指标值\t计量单位\t指标值设定依据\t指标解释"


def rows(*lines: str) -> str:
    """Text as Excel puts it on the clipboard: rows joined and ended by CRLF."""
    return "".join(line + "\r\n" for line in lines)


def problems(row, severity=None):
    return {(p.field, p.severity) for p in row.problems
            if severity is None or p.severity == severity}


# --- the clipboard's text -------------------------------------------------------------------


def test_excel_text_splits_into_rows_and_cells_and_drops_the_final_line_end():
    assert split_cells("a\tb\r\nc\td\r\n") == [["a", "b"], ["c", "d"]]
    assert split_cells("a\tb") == [["a", "b"]]
    assert split_cells("a\t\t\r\n") == [["a", "", ""]]


def test_a_cell_with_line_breaks_arrives_quoted_and_is_unquoted():
    # Excel writes a cell holding a line break in quotes, with inner quotes doubled, and
    # the line break inside the cell as a bare LF while rows end in CRLF.
    text = '培训场次\t"按""年度计划""\n统计场次"\t计划标准\r\n下一行\t\t\r\n'
    assert split_cells(text) == [["培训场次", '按"年度计划"\n统计场次', "计划标准"],
                                 ["下一行", "", ""]]


def test_a_quote_inside_an_ordinary_cell_is_text():
    text = '他说"好"\t"开头引号\t"书名"的解释\t末尾"\r\n'
    assert split_cells(text) == [['他说"好"', '"开头引号', '"书名"的解释', '末尾"']]


def test_line_feed_and_carriage_return_rows_and_a_byte_order_mark_are_read():
    assert split_cells("\ufeffa\tb\nc\td\n") == [["a", "b"], ["c", "d"]]
    assert split_cells("a\rb\r") == [["a"], ["b"]]


def test_a_quoted_cell_at_the_very_end_without_a_line_end():
    assert split_cells('x\t"多\n行"') == [["x", "多\n行"]]


# --- a block with a heading row -------------------------------------------------------------


def test_a_detailed_form_block_becomes_indicators_with_merged_categories_carried_down():
    text = rows(
        HEADING,
        '产出指标\t数量指标\t培训场次\t定量\t≥\t10\t场\t计划标准\t"按年度工作计划\n统计"',
        "\t\t培训人次\t定量\t≥\t500\t人次\t计划标准\t",
        "\t质量指标\t验收合格率\t定量\t≥\t95\t%\t行业标准\t",
        "效益指标\t社会效益指标\t政策知晓率\t定量\t≥\t90\t%\t历史标准\t",
        "满意度指标\t服务对象满意度指标\t参训人员满意度\t定量\t≥\t90\t%\t计划标准\t",
    )
    result = parse_paste(text)
    assert result.heading_line == 1
    assert [r.line for r in result.rows] == [2, 3, 4, 5, 6]
    got = [(i.level1, i.level2, i.name, i.value_display()) for i in result.indicators()]
    assert got == [
        ("产出指标", "数量指标", "培训场次", "≥10场"),
        ("产出指标", "数量指标", "培训人次", "≥500人次"),
        ("产出指标", "质量指标", "验收合格率", "≥95%"),
        ("效益指标", "社会效益指标", "政策知晓率", "≥90%"),
        ("满意度指标", "服务对象满意度指标", "参训人员满意度", "≥90%"),
    ]
    first = result.rows[0].indicator
    assert first.nature == "定量" and first.comparator == "≥" and first.unit == "场"
    assert first.target == Decimal("10") and isinstance(first.target, Decimal)
    assert first.value_text == ""  # the canonical rendering: nothing kept "as written"
    assert first.basis == "计划标准" and first.explanation == "按年度工作计划\n统计"
    assert first.source_ref == "粘贴 第2行"
    assert result.problem_count() == 0


def test_columns_are_found_by_heading_in_any_order_and_unknown_ones_are_reported():
    text = rows(
        "序号\t三级指标\t指标值及单位\t一级指标\t绩效标准\t评分细则",
        "1\t办结率\t≥98%\t产出指标\t计划标准\t按比例扣分",
    )
    result = parse_paste(text)
    indicator = result.indicators()[0]
    assert (indicator.name, indicator.level1, indicator.value_display(), indicator.basis) == (
        "办结率", "产出指标", "≥98%", "计划标准")
    assert result.columns == ("", "name", "value", "level1", "basis", "")
    assert any("序号" in n.zh and "评分细则" in n.zh for n in result.notices)


def test_title_rows_above_the_heading_and_the_footer_below_the_grid_are_skipped():
    text = rows(
        "2025年项目支出绩效目标申报表\t\t\t\t\t\t\t\t",
        "填报单位（盖章）：某某局\t\t\t\t\t\t\t单位：万元\t",
        HEADING,
        "产出指标\t数量指标\t巡查次数\t定量\t≥\t12\t次\t计划标准\t每月一次",
        HEADING,  # the heading repeated at a page break
        "\t时效指标\t按时完成率\t定量\t＝\t100\t%\t计划标准\t",
        "填报人：张三\t\t联系电话：020-12345678\t\t\t\t\t\t",
        "审核意见\t\t\t\t\t\t\t\t",
    )
    result = parse_paste(text)
    assert result.heading_line == 3
    assert [i.name for i in result.indicators()] == ["巡查次数", "按时完成率"]
    assert result.rows[1].indicator.level2 == "时效指标"
    notices = [n.zh for n in result.notices]
    assert any("上方的 2 行" in n for n in notices)
    assert any(n.startswith("第 7 行") and "表尾" in n and "填报人" in n for n in notices)


def test_a_value_column_with_the_unit_column_empty_or_repeating_the_unit():
    text = rows(
        "三级指标\t指标值\t计量单位\t一级指标\t二级指标",
        "覆盖率\t95%\t%\t产出指标\t质量指标",
        "经费\t≤28.8万元\t\t产出指标\t成本指标",
    )
    result = parse_paste(text)
    a, b = result.indicators()
    assert (a.comparator, a.target, a.unit) == ("", Decimal("95"), "%")
    assert (b.comparator, b.target, b.unit) == ("≤", Decimal("28.8"), "万元")
    assert result.problem_count() == 0


def test_a_numeric_cell_becomes_an_exact_decimal():
    result = parse_paste(rows(HEADING, "产出指标\t成本指标\t人均成本\t定量\t≤\t0.1\t万元\t\t"))
    indicator = result.indicators()[0]
    assert indicator.target == Decimal("0.1") and str(indicator.target) == "0.1"
    assert indicator.value_display() == "≤0.1万元"


def test_comparator_words_and_ascii_in_the_symbol_column_become_the_typed_symbol():
    text = rows(HEADING,
                "产出指标\t数量指标\t场次\t定量\t不低于\t10\t场\t\t",
                "\t\t投诉件数\t定量\t<=\t5\t件\t\t",
                "\t\t完成天数\t定量\t以下\t30\t天\t\t")
    a, b, c = parse_paste(text).indicators()
    assert (a.comparator, b.comparator, c.comparator) == ("≥", "≤", "≤")
    assert a.value_display() == "≥10场" and a.value_text == ""


def test_a_value_in_another_spelling_is_stored_canonical_and_the_preview_says_so():
    result = parse_paste(rows(HEADING, "产出指标\t质量指标\t合格率\t定量\t\t>=95%\t\t\t"))
    indicator = result.indicators()[0]
    assert (indicator.comparator, indicator.target, indicator.unit) == ("≥", Decimal(95), "%")
    assert indicator.value_text == "" and indicator.value_display() == "≥95%"
    (note,) = result.rows[0].problems
    assert (note.field, note.severity, note.adjusted) == ("value", "hint", True)
    assert ">=95%" in note.message.zh and "≥95%" in note.message.zh
    assert ">=95%" in indicator.source_text  # the row as pasted is kept


def test_a_remark_after_the_target_moves_into_the_explanation():
    result = parse_paste(rows(HEADING,
                              "满意度指标\t服务对象满意度指标\t群众满意度\t定量\t\t>=95%（问卷调查）"
                              "\t\t\t年末统计"))
    indicator = result.indicators()[0]
    assert (indicator.nature, indicator.comparator, indicator.target, indicator.unit,
            indicator.value_text) == ("定量", "≥", Decimal(95), "%", "")
    assert indicator.explanation == "年末统计；问卷调查"
    assert "问卷调查" in result.rows[0].problems_at("value")[0].message.zh
    assert "（问卷调查）" in indicator.source_text


def test_full_width_digits_are_read():
    indicator = parse_paste(rows(HEADING, "产出指标\t数量指标\t人数\t定量\t≥\t６００００\t人\t\t")
                            ).indicators()[0]
    assert indicator.target == Decimal("60000")


def test_qualitative_grades_and_the_nature_column():
    text = rows(HEADING,
                "效益指标\t社会效益指标\t社会影响\t定性\t\t好\t\t\t",
                "\t\t治理成效\t定性\t\t优良\t\t\t")
    result = parse_paste(text)
    a, b = result.indicators()
    assert (a.nature, a.grade, a.value_display()) == ("定性", "好", "好")
    assert (b.nature, b.grade) == ("定性", "优良")
    assert problems(result.rows[1]) == {("value", "hint")}


# --- problems per cell ----------------------------------------------------------------------


def test_unreadable_values_are_kept_verbatim_and_marked():
    text = rows(HEADING,
                "产出指标\t质量指标\t系统运维保障及时率\t\t\t年度评估\t\t\t",
                "\t\t注销率\t\t\t抽样\t\t\t")
    result = parse_paste(text)
    assert [i.value_display() for i in result.indicators()] == ["年度评估", "抽样"]
    assert [i.value_text for i in result.indicators()] == ["年度评估", "抽样"]
    for row in result.rows:
        assert problems(row) == {("value", "warning")}
        assert row.cells["value"] in row.problems_at("value")[0].message.zh


def test_a_formula_with_a_target_keeps_the_target_and_warns():
    result = parse_paste(rows(HEADING, "产出指标\t质量指标\t登记率\t定量\t\t已登记数/应登记数≥98%\t\t\t"))
    indicator = result.indicators()[0]
    assert (indicator.comparator, indicator.target, indicator.unit) == ("≥", Decimal(98), "%")
    assert indicator.value_text == "已登记数/应登记数≥98%"
    message = result.rows[0].problems_at("value")[0]
    assert message.severity == "warning" and "指标解释" in message.message.zh


def test_an_empty_name_and_an_empty_value_are_errors():
    text = rows(HEADING,
                "产出指标\t数量指标\t\t定量\t≥\t10\t场\t\t",
                "\t\t培训场次\t定量\t\t\t\t\t")
    result = parse_paste(text)
    assert problems(result.rows[0], "error") == {("name", "error")}
    assert problems(result.rows[1], "error") == {("value", "error")}
    assert len(result.rows) == 2  # nothing is thrown away: the preview shows both


def test_an_unknown_level1_category_is_an_error_naming_the_profile_categories():
    result = parse_paste(rows(HEADING, "其他指标\t数量指标\t场次\t定量\t≥\t1\t场\t\t"))
    row = result.rows[0]
    assert row.indicator.level1 == "其他指标"  # kept as written for the clerk to fix
    (problem,) = row.problems_at("level1")
    assert problem.severity == "error"
    assert "产出指标" in problem.message.zh and "满意度指标" in problem.message.zh


def test_a_level2_not_under_its_level1_is_an_error():
    result = parse_paste(rows(HEADING, "产出指标\t社会效益指标\t场次\t定量\t≥\t1\t场\t\t"))
    (problem,) = result.rows[0].problems_at("level2")
    assert problem.severity == "error" and "数量指标" in problem.message.zh


def test_aliases_are_stored_as_the_standard_names_and_a_level2_as_level1_kept_for_the_check():
    text = rows(HEADING,
                "项目完成指标\t数量指标\t场次\t定量\t≥\t1\t场\t\t",
                "质量指标\t\t合格率\t定量\t≥\t95\t%\t\t",
                "效益指标\t环境效益指标\t减排量\t定量\t≥\t5\t吨\t\t",
                "滿意度指標\t\t满意度\t定量\t≥\t90\t%\t\t")
    result = parse_paste(text)
    got = [(i.level1, i.level2, i.level1_source) for i in result.indicators()]
    assert got == [("产出指标", "数量指标", "项目完成指标"),  # the alias read, its wording kept
                   ("质量指标", "质量指标", "质量指标"),  # CAT-02 moves it under 产出指标
                   ("效益指标", "生态效益指标", "效益指标"),  # 环境效益指标 read as its standard name
                   ("满意度指标", "", "滿意度指標")]  # CAT-05 fills in the only level 2
    assert problems(result.rows[0]) == {("level1", "hint")}
    assert problems(result.rows[1]) == {("level1", "warning")}
    assert problems(result.rows[2]) == {("level2", "hint")}
    assert problems(result.rows[3]) == {("level2", "warning")}
    assert [n.adjusted for n in result.rows[0].problems] == [True]  # told: stored otherwise
    assert [n.adjusted for n in result.rows[1].problems] == [True]  # level 2 was filled in
    assert [n.adjusted for n in result.rows[2].problems] == [True]


def test_profile_101_has_cost_as_a_level1_category():
    line = "成本指标\t经济成本指标\t人均成本\t定量\t≤\t500\t元/人\t\t"
    assert parse_paste(rows(HEADING, line), profile="101").problem_count("error") == 0
    assert parse_paste(rows(HEADING, line), profile="88").problem_count("error") == 1


def test_a_comparator_or_unit_cell_contradicting_the_value_is_an_error():
    text = rows(HEADING,
                "产出指标\t数量指标\t场次\t定量\t≤\t≥10场\t场\t\t",
                "\t\t覆盖率\t定量\t≥\t28.8万元\t%\t\t")
    result = parse_paste(text)
    assert problems(result.rows[0]) == {("comparator", "error")}
    assert result.rows[0].indicator.comparator == "≥"  # the value's own comparator counts
    assert problems(result.rows[1]) == {("unit", "error")}
    cost = result.rows[1].indicator  # both units kept: the check (VAL-05) asks which is right
    assert (cost.unit, cost.target, cost.value_display()) == ("%", Decimal("28.8"), "≥28.8万元")


def test_an_unreadable_comparator_and_nature_are_marked():
    result = parse_paste(rows(HEADING, "产出指标\t数量指标\t场次\t数字\t约\t10\t场\t\t"))
    assert problems(result.rows[0]) == {("comparator", "error"), ("nature", "warning")}
    assert result.indicators()[0].nature == "定量"  # judged from the value


def test_a_nature_contradicting_the_value_is_a_warning_and_both_are_kept():
    result = parse_paste(rows(HEADING, "产出指标\t数量指标\t场次\t定性\t≥\t10\t场\t\t"))
    assert problems(result.rows[0]) == {("nature", "warning")}
    indicator = result.indicators()[0]  # the check (VAL-10) says 定性 takes a grade
    assert (indicator.nature, indicator.target, indicator.value_display()) == (
        "定性", Decimal(10), "≥10场")


def test_weight_is_read_as_an_exact_number_or_marked():
    text = rows("一级指标\t二级指标\t三级指标\t指标值\t权重",
                "产出指标\t数量指标\t场次\t≥10场\t10",
                "\t\t人次\t≥500人次\t十分")
    result = parse_paste(text)
    assert result.indicators()[0].weight == Decimal("10")
    assert result.indicators()[1].weight is None
    assert problems(result.rows[1]) == {("weight", "error")}


# --- a block without headings ---------------------------------------------------------------


def test_without_headings_the_grid_column_order_is_assumed():
    text = rows("产出指标\t数量指标\t培训场次\t定量\t≥\t10\t场\t计划标准\t按计划统计",
                "\t\t培训人次\t定量\t≥\t500\t人次\t计划标准\t")
    result = parse_paste(text)
    assert result.heading_line is None
    assert result.columns == GRID_COLUMNS
    assert [(i.level1, i.level2, i.name, i.value_display()) for i in result.indicators()] == [
        ("产出指标", "数量指标", "培训场次", "≥10场"), ("产出指标", "数量指标", "培训人次", "≥500人次")]


def test_a_block_pasted_at_the_name_column_takes_the_categories_of_the_current_row():
    text = rows("参训人员满意度\t定量\t≥\t90\t%", "政策知晓率\t定量\t≥\t85\t%")
    result = parse_paste(text, start_column=2, level1="满意度指标", level2="服务对象满意度指标")
    assert result.columns == ("name", "nature", "comparator", "value", "unit")
    assert [(i.level1, i.level2, i.value_display()) for i in result.indicators()] == [
        ("满意度指标", "服务对象满意度指标", "≥90%"), ("满意度指标", "服务对象满意度指标", "≥85%")]


def test_a_single_column_of_names_pasted_without_categories_is_marked():
    result = parse_paste("场次\r\n人次\r\n", start_column=2)
    assert [i.name for i in result.indicators()] == ["场次", "人次"]
    for row in result.rows:
        assert ("level1", "error") in problems(row)


def test_columns_beyond_the_grid_are_reported():
    text = "产出指标\t数量指标\t场次\t定量\t≥\t10\t场\t计划标准\t解释\t多余1\t多余2\r\n"
    result = parse_paste(text)
    assert len(result.rows) == 1
    assert any("2 列" in n.zh for n in result.notices)


def test_ragged_rows_and_empty_rows_are_tolerated():
    text = "产出指标\t数量指标\t场次\r\n\r\n\t\t人次\t定量\t≥\t5\t人次\r\n\t\t\t\t\r\n"
    result = parse_paste(text)
    assert [i.name for i in result.indicators()] == ["场次", "人次"]
    assert [r.line for r in result.rows] == [1, 3]


def test_an_empty_clipboard_gives_nothing():
    result = parse_paste("")
    assert result.rows == [] and result.notices == []
    assert parse_paste("\r\n\r\n").rows == []


def test_messages_have_english_too():
    result = parse_paste(rows(HEADING, "其他\t\t\t\t\t抽样\t\t\t"))
    for problem in result.rows[0].problems:
        assert problem.message.en and problem.message.zh != problem.message.en


def test_pasting_the_survey_target_stores_what_typing_and_import_store(new_dataset):
    from perfdesk.core.model import Project
    from tests.support.entry_cases import SURVEY, SURVEY_STORED, stored_target

    result = parse_paste(rows(HEADING, f"满意度指标\t服务对象满意度指标\t群众满意度\t\t\t{SURVEY}\t\t\t"))
    (note,) = result.rows[0].problems_at("value")  # the preview says where the remark went
    assert note.adjusted and "问卷调查" in note.message.zh and "指标解释" in note.message.zh
    ds = new_dataset()
    uuid = ds.add_project(ds.units()[0].uuid, Project(name="满意度调查经费",
                                                       indicators=result.indicators())
                          ).added_uuids("project")[0]
    (indicator,) = ds.load_project(uuid).indicators
    assert stored_target(indicator) == SURVEY_STORED
    assert SURVEY in indicator.source_text  # the row as pasted stays with the indicator
