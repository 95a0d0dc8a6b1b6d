"""One name per field, in both languages, for every caller."""

from __future__ import annotations

from perfdesk.core.fields import (
    GRID_COLUMNS,
    GRID_HEADERS,
    SELF_EVALUATION_GRID_COLUMNS,
    grid_cell_of,
    grid_columns,
    in_sentence,
    indicator_label,
    project_label,
)
from perfdesk.core.model import INDICATOR_FIELDS, PROJECT_FIELDS


def test_every_field_of_the_model_has_a_name_in_both_languages():
    for field in (*PROJECT_FIELDS, "department", "unit", "indicators"):
        label = project_label(field)
        assert label.zh != field and label.en and label.zh != label.en, field
    for field in (*INDICATOR_FIELDS, "value"):
        label = indicator_label(field)
        assert label.zh != field and label.en and label.zh != label.en, field
    assert set(GRID_HEADERS) == set(SELF_EVALUATION_GRID_COLUMNS)


def test_a_self_evaluation_grid_has_its_results_after_the_value_and_unit():
    from perfdesk.core.model import DEPARTMENT_WHOLE, SELF_EVALUATION

    columns = grid_columns(SELF_EVALUATION)
    assert columns[columns.index("unit") + 1:columns.index("basis")] == (
        "actual", "weight", "score", "shortfall")  # as the official 自评表 orders them
    assert [str(GRID_HEADERS[f].zh) for f in columns[7:11]] == ["全年实际值", "分值", "得分",
                                                                 "未完成原因"]
    assert grid_columns("") == grid_columns(DEPARTMENT_WHOLE) == GRID_COLUMNS
    assert grid_cell_of("score", columns) == columns.index("score")
    assert grid_cell_of("score") == GRID_COLUMNS.index("name")  # no such cell: the row's name
    assert grid_cell_of("target", columns) == columns.index("value")


def test_the_official_wording_and_names_that_say_which_one():
    assert project_label("annual_fiscal").zh == "年度财政拨款"  # 其中：财政拨款 under 年度
    assert project_label("midterm_fiscal").zh == "中期财政拨款"
    assert indicator_label("scoring").zh == "评(扣)分标准"  # as domain.md writes it
    assert {indicator_label(f).zh for f in ("value", "target", "grade", "value_text")} == {"指标值"}


def test_a_name_inside_an_english_sentence_is_lower_case_but_abbreviations_stay():
    assert in_sentence(project_label("annual_total")).en == "annual total"
    assert in_sentence(indicator_label("value")).zh == "指标值"
    from perfdesk.core.i18n import Text

    assert in_sentence(Text("编码", "ID")).en == "ID"


def test_an_unknown_field_is_named_by_itself():
    assert project_label("colour").zh == "colour" and indicator_label("x").en == "x"
