"""The 绩效指标 cell is split into items the way a reader would, for every variation real
tables show (domain.md §5.1)."""

from __future__ import annotations

import pytest

from perfdesk.io.indicator_text import render_cell, split_items


def triples(text):
    items, prefix = split_items(text)
    assert prefix == ""
    return [(i.label, i.name, i.value) for i in items]


CANONICAL = [("产出指标", "培训场次", "≥10场"), ("效益指标", "政策知晓率", "≥90%")]


@pytest.mark.parametrize("text", [
    "1、产出指标：培训场次，年度指标值：≥10场。2、效益指标：政策知晓率，年度指标值：≥90%。",
    "1、产出指标：培训场次，年度指标值：≥10场。\n2、效益指标：政策知晓率，年度指标值：≥90%。",
    "1、产出指标：培训场次，年度指标值：≥10场。 2、效益指标：政策知晓率，年度指标值：≥90%。",
    "1、产出指标：培训场次。年度指标值：≥10场。2、效益指标：政策知晓率。年度指标值：≥90%",
    "1、产出指标：培训场次，年度指标值：≥10场。。2、效益指标：政策知晓率，年度指标值：≥90%。。",
    "1、產出指標：培训场次，年度指标值：≥10场。2、效益指標：政策知晓率，年度指标值：≥90%。",
    "１、产出指标：培训场次，年度指标值：≥10场。２、效益指标：政策知晓率，年度指标值：≥90%。",
    "1.产出指标:培训场次,年度指标值:≥10场。2.效益指标:政策知晓率,年度指标值:≥90%。",
    "  1、 产出指标 ：培训场次，年度指标值：≥10场。\r\n\r\n2、效益指标：政策知晓率，年度指标值：≥90%。  ",
], ids=["nothing-between", "line-break", "space", "full-stop-before-value-no-final",
        "doubled-full-stop", "traditional", "full-width-digits", "ascii-punctuation",
        "blanks-around"])
def test_every_separator_variation_gives_the_same_items(text):
    items = triples(text)
    labels = [label.replace("產出指標", "产出指标").replace("效益指標", "效益指标")
              for label, _, _ in items]
    assert labels == ["产出指标", "效益指标"]
    assert [(n, v) for _, n, v in items] == [(n, v) for _, n, v in CANONICAL]


def test_commas_colons_and_full_stops_inside_names_and_values_stay_inside():
    text = ("1、产出指标：发动政法系统聚焦年度工作，创作主题微电影。年度指标值：全年制作发布10部以上作品，"
            "讲好故事。2、产出指标：来穗人员登记率、注销率，年度指标值：抽查：抽样登记率=登记数/总人数；"
            "抽样注销率=注销数/总人数。3、效益指标：委托高校开展2021年度课题研究项目一个，年度指标值：100%")
    assert triples(text) == [
        ("产出指标", "发动政法系统聚焦年度工作，创作主题微电影", "全年制作发布10部以上作品，讲好故事"),
        ("产出指标", "来穗人员登记率、注销率", "抽查：抽样登记率=登记数/总人数；抽样注销率=注销数/总人数"),
        ("效益指标", "委托高校开展2021年度课题研究项目一个", "100%"),
    ]


def test_a_level2_label_and_aliases_start_items_too():
    text = ("1、质量指标：维保期内设备正常，年度指标值：100%。2、项目效益指标：群众受益，年度指标值：好。"
            "3、社会公众或服务对象满意度指标：满意度，年度指标值：≥90%。")
    assert [label for label, _, _ in triples(text)] == [
        "质量指标", "项目效益指标", "社会公众或服务对象满意度指标"]


def test_an_enumeration_inside_a_value_does_not_start_items():
    text = ("1、产出指标：培训，年度指标值：1、完成培训：10场；2、完成考核：2次。"
            "2、效益指标：知晓率，年度指标值：≥90%。")
    assert triples(text) == [("产出指标", "培训", "1、完成培训：10场；2、完成考核：2次"),
                             ("效益指标", "知晓率", "≥90%")]


def test_an_item_number_glued_to_the_previous_value_is_found():
    assert triples("1、产出指标：培训场次，年度指标值：10场2、效益指标：知晓率，年度指标值：≥90%") == [
        ("产出指标", "培训场次", "10场"), ("效益指标", "知晓率", "≥90%")]


def test_unnumbered_items_one_per_line():
    assert triples("产出指标：培训场次，年度指标值：≥10场\n效益指标：知晓率，年度指标值：≥90%") == [
        ("产出指标", "培训场次", "≥10场"), ("效益指标", "知晓率", "≥90%")]


def test_an_unknown_label_with_the_next_number_is_still_an_item():
    assert [label for label, _, _ in triples(
        "1、产出指标：a，年度指标值：1个。2、服务质量指标：b，年度指标值：好。")] == ["产出指标", "服务质量指标"]


def test_an_item_without_a_value_keeps_its_name():
    items, _ = split_items("1、产出指标：培训场次。2、效益指标：知晓率，年度指标值：≥90%。")
    assert (items[0].name, items[0].value, items[0].has_value) == ("培训场次", "", False)
    assert items[1].has_value


def test_source_keeps_the_whole_item_as_written():
    items, _ = split_items("1、产出指标：a，年度指标值：≥1个。。 2、效益指标：b，年度指标值：好")
    assert [i.source for i in items] == ["1、产出指标：a，年度指标值：≥1个。。", "2、效益指标：b，年度指标值：好"]


def test_text_before_the_first_item_is_reported():
    items, prefix = split_items("绩效指标如下：1、产出指标：a，年度指标值：1个。")
    assert prefix == "绩效指标如下：" and len(items) == 1


def test_rendering_reads_back_to_the_same_items():
    text = render_cell(CANONICAL)
    assert text == ("1、产出指标：培训场次，年度指标值：≥10场。\n"
                    "2、效益指标：政策知晓率，年度指标值：≥90%。")
    assert triples(text) == CANONICAL


def test_empty_cell_has_no_items():
    assert split_items("   ") == ([], "")
