"""The PDF of the detailed form: A4 landscape, Chinese text embedded and extractable, the grid
continuing under a repeated heading, failing projects marked, written atomically."""

from __future__ import annotations

import os
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest

from perfdesk.core.errors import Cancelled, PerfDeskError
from perfdesk.gui.printing import detail_pdf as pdf
from perfdesk.gui.printing.detail_pdf import wrap_text, write_projects_pdf
from perfdesk.core.model import Indicator, Project

needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None or shutil.which("pdffonts") is None,
    reason="poppler-utils (pdftotext, pdffonts) is not installed; .ci/run installs it")

LEVELS = [("产出指标", "数量指标", "培训场次", "≥", "10", "场"),
          ("产出指标", "质量指标", "验收合格率", "≥", "95", "%"),
          ("产出指标", "时效指标", "按期完成率", "＝", "100", "%"),
          ("产出指标", "成本指标", "人均培训成本", "≤", "500", "元/人"),
          ("效益指标", "社会效益指标", "政策知晓率", "≥", "90", "%"),
          ("满意度指标", "服务对象满意度指标", "参训人员满意度", "≥", "90", "%")]


def project(name: str = "基层社会治理综合服务经费", indicators: int = 6, **fields) -> Project:
    items = []
    for k in range(indicators):
        l1, l2, label, comp, num, unit = LEVELS[min(k * len(LEVELS) // max(indicators, 1),
                                                    len(LEVELS) - 1)]
        items.append(Indicator(level1=l1, level2=l2, name=f"{label}{k + 1}", nature="定量",
                               comparator=comp, target=Decimal(num), unit=unit,
                               basis="计划标准", explanation="按年度工作计划统计"))
    values = dict(name=name, code="440112220001", department="中共广州市黄埔区委政法委员会",
                  unit="黄埔区社会治理综合服务中心", attribute="延续项目", period_start=2025,
                  period_end=2027, annual_total=Decimal("123.45"),
                  annual_fiscal=Decimal("120.00"), annual_other=Decimal("3.45"),
                  midterm_total=Decimal("300"), midterm_fiscal=Decimal("290"),
                  midterm_other=Decimal("10"),
                  annual_goal="完成年度培训10场，群众满意度达到90%以上。",
                  midterm_goal="三年内建成覆盖全区的基层社会治理综合服务体系。",
                  indicators=items)
    values.update(fields)
    return Project(**values)


def text_of(path: Path, page: int | None = None) -> str:
    args = ["pdftotext", "-layout"]
    if page is not None:
        args += ["-f", str(page), "-l", str(page)]
    return subprocess.run([*args, str(path), "-"], capture_output=True, text=True,
                          encoding="utf-8", check=True).stdout


def page_count(path: Path) -> int:
    return text_of(path).count("\f")


def test_one_project_is_one_a4_landscape_page_with_the_whole_form(qapp, tmp_path):
    out = write_projects_pdf([project()], tmp_path / "申报表.pdf", year=2025,
                             filled_by="张三", phone="020-82112345")
    assert out == tmp_path / "申报表.pdf"
    data = out.read_bytes()
    assert data.startswith(b"%PDF")
    assert b"/MediaBox [0 0 841" in data or b"/MediaBox [0 0 842" in data  # 297 mm wide
    if shutil.which("pdftotext"):
        assert page_count(out) == 1
        text = text_of(out)
        for expected in ("2025年项目支出绩效目标申报表", "填报单位（盖章）：黄埔区社会治理综合服务中心",
                         "单位：万元", "项目名称", "基层社会治理综合服务经费", "项目编码",
                         "主管部门", "实施单位", "项目属性", "延续项目", "项目期",
                         "2025年至2027年", "中期资金总额", "年度资金总额", "其中：财政拨款",
                         "其他资金", "300.00", "123.45", "3.45", "中长期目标", "年度目标",
                         "完成年度培训10场", "一级指标", "二级指标", "三级指标", "指标性质",
                         "计算符号", "计量单位", "指标值设定依据", "指标解释", "培训场次1",
                         "服务对象满意度指标", "元/人", "填报人", "张三", "联系电话",
                         "020-82112345", "填报日期", "审核意见", "（盖章）", "第 1 页，共 1 页"):
            assert expected in text, expected
        assert "未通过检查" not in text


@needs_poppler
def test_the_period_is_printed_with_its_months_when_known(qapp, tmp_path):
    seven = project(period_start=2023, period_start_month=7, period_end=2024,
                    period_end_month=1)
    out = write_projects_pdf([seven], tmp_path / "申报表.pdf", year=2024)
    text = text_of(out)
    assert "2023年7月至2024年1月" in text and "2023年至2024年" not in text


@needs_poppler
def test_the_chinese_font_is_embedded_and_the_text_extracts_as_chinese(qapp, tmp_path):
    out = write_projects_pdf([project()], tmp_path / "a.pdf", year=2025)
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True,
                           check=True).stdout.splitlines()[2:]
    assert fonts, "no fonts in the PDF"
    for line in fonts:
        columns = line.split()
        assert "Type 3" not in line, line
        emb, uni = columns[-5], columns[-3]
        assert emb == "yes" and uni == "yes", line
    assert any(line.startswith("PerfDeskSerifSC") for line in fonts)
    text = text_of(out)
    # the ideograph 目 (U+76EE), not the look-alike Kangxi radical ⽬ (U+2F6C)
    assert "项目" in text and "\u2f6c" not in text


def test_the_font_is_embedded_without_external_tools(qapp, tmp_path):
    data = write_projects_pdf([project()], tmp_path / "a.pdf", year=2025).read_bytes()
    assert b"/FontFile2" in data and b"/ToUnicode" in data
    assert b"/Type3" not in data


@needs_poppler
def test_each_project_starts_a_new_page(qapp, tmp_path):
    projects = [project(f"项目甲{n}") for n in range(3)]
    out = write_projects_pdf(projects, tmp_path / "三个.pdf", year=2026)
    assert page_count(out) == 3
    for page in range(1, 4):
        text = text_of(out, page)
        assert f"项目甲{page - 1}" in text and "2026年项目支出绩效目标申报表" in text


@needs_poppler
def test_a_long_grid_continues_on_the_next_page_under_a_repeated_heading(qapp, tmp_path):
    out = write_projects_pdf([project("大项目", indicators=40)], tmp_path / "长.pdf", year=2025)
    pages = page_count(out)
    assert pages >= 2
    first, second, last = text_of(out, 1), text_of(out, 2), text_of(out, pages)
    assert "三级指标" in first and "三级指标" in second
    assert "（续）" in second and "大项目" in second and "项目资金" not in second
    assert f"第 2 页，共 {pages} 页" in second
    assert "审核意见" in last and "审核意见" not in first
    names = set()
    for page in range(1, pages + 1):
        names.update(w for w in text_of(out, page).split() if w.startswith(
            ("培训场次", "验收合格率", "按期完成率", "人均培训成本", "政策知晓率", "参训人员满意度")))
    assert len(names) == 40  # every indicator printed once somewhere


@needs_poppler
def test_merged_categories_are_printed_once_per_run_and_page(qapp, tmp_path):
    out = write_projects_pdf([project(indicators=12)], tmp_path / "并.pdf", year=2025)
    text = text_of(out, 1)
    assert "参训人员满意度12" in text  # the whole grid is on the first page
    # 12 indicators: six 一级 runs collapse to three labels, 二级 runs to six
    words = text.split()
    assert words.count("产出指标") == 1
    assert words.count("效益指标") == 1
    assert words.count("数量指标") == 1
    assert words.count("服务对象满意度指标") == 1


@needs_poppler
def test_a_very_long_explanation_is_wrapped_and_split_across_pages(qapp, tmp_path):
    long = project(indicators=2)
    long.indicators[0].explanation = "这是对指标计算方法的详细说明。" * 200
    out = write_projects_pdf([long], tmp_path / "长文.pdf", year=2025)
    assert page_count(out) >= 2
    # every character of it is printed once (lines of other cells interleave in the text)
    assert text_of(out).count("详") == 200


@needs_poppler
def test_values_are_shown_as_typed_and_money_is_exact(qapp, tmp_path):
    p = project(indicators=0, annual_total=Decimal("0.1"), annual_fiscal=Decimal("1.005"),
                annual_other=None, midterm_total=None)
    p.indicators = [
        Indicator(level1="产出指标", level2="质量指标", name="合格率", nature="定量",
                  comparator="≥", target=Decimal("95"), unit="%", value_text=">=95%"),
        Indicator(level1="效益指标", level2="社会效益指标", name="社会影响", nature="定性",
                  grade="较好"),
        Indicator(level1="效益指标", level2="社会效益指标", name="运维保障", value_text="年度评估"),
    ]
    text = text_of(write_projects_pdf([p], tmp_path / "值.pdf", year=2025))
    assert "0.10" in text and "1.005" in text  # more than two places is never rounded away
    assert "较好" in text and "年度评估" in text and ">=95%" not in text


def test_a_project_without_indicators_still_prints_its_form(qapp, tmp_path):
    out = write_projects_pdf([project(indicators=0)], tmp_path / "空.pdf", year=2025)
    if shutil.which("pdftotext"):
        assert "（未填写绩效指标）" in text_of(out)


def test_cancel_leaves_the_previous_file_and_no_leftovers(qapp, tmp_path):
    target = tmp_path / "旧.pdf"
    target.write_bytes(b"%PDF-previous")
    calls = []

    def progress(done, total):
        calls.append((done, total))
        if done == 1:
            raise Cancelled()

    with pytest.raises(Cancelled):
        write_projects_pdf([project(), project()], target, year=2025, progress=progress)
    assert calls == [(0, 2), (1, 2)]
    assert target.read_bytes() == b"%PDF-previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["旧.pdf"]


def test_progress_counts_projects(qapp, tmp_path):
    calls = []
    write_projects_pdf([project(), project(), project()], tmp_path / "p.pdf", year=2025,
                       progress=lambda done, total: calls.append((done, total)))
    assert calls == [(0, 3), (1, 3), (2, 3), (3, 3)]


def test_a_file_open_in_a_pdf_reader_gives_a_clear_message_and_is_untouched(
        qapp, tmp_path, monkeypatch):
    target = tmp_path / "打开中.pdf"
    target.write_bytes(b"%PDF-open-in-reader")

    def locked(src, dst):  # what Windows does while a reader holds the file
        raise PermissionError(13, "Permission denied", str(dst))

    monkeypatch.setattr(pdf.os, "replace", locked)
    with pytest.raises(PerfDeskError) as caught:
        write_projects_pdf([project()], target, year=2025)
    message = str(caught.value)
    assert "打开中.pdf" in message and "其他程序" in message
    assert target.read_bytes() == b"%PDF-open-in-reader"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["打开中.pdf"]


def test_a_missing_folder_and_an_empty_selection_are_refused(qapp, tmp_path):
    with pytest.raises(PerfDeskError, match="文件夹不存在"):
        write_projects_pdf([project()], tmp_path / "没有" / "a.pdf", year=2025)
    with pytest.raises(PerfDeskError, match="没有要输出的项目"):
        write_projects_pdf([], tmp_path / "a.pdf", year=2025)


@pytest.mark.skipif(os.name == "nt" or os.geteuid() == 0,
                    reason="root (and Windows) ignore folder permissions")
def test_a_read_only_folder_is_refused_clearly(qapp, tmp_path):
    folder = tmp_path / "只读"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        with pytest.raises(PerfDeskError, match="权限"):
            write_projects_pdf([project()], folder / "a.pdf", year=2025)
    finally:
        folder.chmod(0o755)


def test_the_suffix_is_added_when_missing(qapp, tmp_path):
    assert write_projects_pdf([project()], tmp_path / "申报表", year=2025) == \
        tmp_path / "申报表.pdf"


def test_the_pdf_can_be_written_off_the_gui_thread(qtbot, tmp_path):
    from perfdesk.gui.fonts import install_fonts
    from perfdesk.gui.jobs import JobRunner, JobState

    install_fonts()
    runner = JobRunner()
    target = tmp_path / "后台.pdf"
    job = runner.run(lambda progress: write_projects_pdf(
        [project(), project()], target, year=2025, progress=progress), title="导出 PDF")
    with qtbot.waitSignal(job.finished, timeout=20_000):
        pass
    assert job.state is JobState.SUCCEEDED and job.result == target
    assert target.read_bytes().startswith(b"%PDF")


# --- line breaking --------------------------------------------------------------------------


def one_per_char(chunk: str) -> float:
    return float(len(chunk))


def test_chinese_breaks_between_characters_to_fill_each_line():
    assert wrap_text("一二三四五六七", 3, one_per_char) == ["一二三", "四五六", "七"]


def test_closing_punctuation_never_starts_a_line_and_opening_never_ends_one():
    assert wrap_text("一二三，四五", 3, one_per_char) == ["一二", "三，四", "五"]
    assert wrap_text("一二（三四", 3, one_per_char) == ["一二", "（三四"]


def test_numbers_and_latin_words_stay_whole_unless_wider_than_a_line():
    assert wrap_text("达到95.5%以上", 5, one_per_char) == ["达到", "95.5%", "以上"]
    assert wrap_text("ABCDEFGH", 3, one_per_char) == ["ABC", "DEF", "GH"]


def test_line_breaks_in_the_text_are_kept_and_trailing_blank_lines_dropped():
    assert wrap_text("一\n\n二\r\n", 5, one_per_char) == ["一", "", "二"]
    assert wrap_text("", 5, one_per_char) == [""]


def test_wrapped_lines_do_not_start_with_a_blank():
    assert wrap_text("Hello world again", 6, one_per_char) == ["Hello", "world", "again"]


@needs_poppler
def test_the_pdf_prints_the_official_order_and_labels_a_continued_group(qapp, tmp_path):
    mixed = project(indicators=6)
    mixed.indicators.reverse()  # entered 满意度 first
    out = write_projects_pdf([mixed], tmp_path / "序.pdf", year=2025)
    text = text_of(out)
    assert text.index("培训场次1") < text.index("政策知晓率5") < text.index("参训人员满意度6")
    many = project(indicators=60)
    for indicator in many.indicators:
        indicator.level1, indicator.level2 = "产出指标", "数量指标"
    out = write_projects_pdf([many], tmp_path / "续.pdf", year=2025)
    assert page_count(out) >= 2
    grid_pages = [text_of(out, page) for page in range(2, page_count(out) + 1)
                  if "定量" in text_of(out, page)]  # pages with indicator rows
    assert grid_pages
    for text in grid_pages:
        assert "产出指标" in text and "数量指标" in text


def self_evaluation(**fields) -> Project:
    from perfdesk.core.model import SELF_EVALUATION

    items = [Indicator(level1="满意度指标", level2="服务对象满意度指标", name="受益群众满意度",
                       comparator="≥", target=Decimal("90"), unit="%", actual="93%",
                       weight=Decimal("10"), score=Decimal("10")),
             Indicator(level1="产出指标", level2="数量指标", name="改造供水工程", comparator="≥",
                       target=Decimal("12"), unit="处", actual="11处", weight=Decimal("30.5"),
                       score=Decimal("27.75"), shortfall="一处工程因雨季延期")]
    evaluated = project(kind=SELF_EVALUATION, indicators=0, **fields)
    evaluated.indicators = items
    return evaluated


@needs_poppler
def test_a_self_evaluation_prints_its_own_form(qapp, tmp_path):
    """The 自评表's PDF says what its Excel sheet says: title, label block, the grid with
    全年实际值, 分值, 得分 and 偏差原因, the 总分 -- and none of the 申报表's own labels."""
    out = write_projects_pdf([self_evaluation()], tmp_path / "自评表.pdf", year=2024)
    text = text_of(out)
    for expected in ("项目支出绩效自评表（2024年度）", "项目名称", "基层社会治理综合服务经费",
                     "主管部门", "实施单位", "年度资金总额", "123.45", "其中：财政拨款", "120.00",
                     "其他资金", "3.45", "年度总体目标", "完成年度培训10场", "年度指标值",
                     "全年实际值", "分值", "得分", "偏差原因分析及改进措施", "改造供水工程",
                     "≥12处", "11处", "30.5", "27.75", "一处工程因雨季延期", "≥90%", "93%"):
        assert expected in text, expected
    lines = text.splitlines()
    (total,) = [line for line in lines if "总分" in line]
    assert total.split() == ["总分", "40.5", "37.75"]
    # the official order: 产出 before 满意度
    assert text.index("改造供水工程") < text.index("受益群众满意度")
    for absent in ("项目支出绩效目标申报表", "项目属性", "项目期", "中期资金总额", "中长期目标",
                   "指标性质", "审核意见", "填报人", "填报单位"):
        assert absent not in text, absent


@needs_poppler
def test_a_self_evaluation_prints_its_budget_execution_and_its_goal_as_achieved(qapp, tmp_path):
    """The 自评表's funding block on paper as on its sheet: 年初预算数 | 全年预算数 | 全年执行数 |
    分值 | 执行率 (worked out) | 得分 per row, 预期目标 beside 实际完成情况, and a 总分 that
    counts the funding row's points."""
    evaluated = self_evaluation(initial_total=Decimal("130.00"), executed_total=Decimal("111.11"),
                                executed_fiscal=Decimal("108.00"), funds_weight=Decimal("10"),
                                funds_score=Decimal("9"), goal_actual="已完成培训9场，覆盖八个街道")
    text = text_of(write_projects_pdf([evaluated], tmp_path / "自评表.pdf", year=2024))
    lines = text.splitlines()
    heads = next(line for line in lines if "年初预算数" in line)
    assert heads.split()[-6:] == ["年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"]
    total_row = next(line for line in lines if "年度资金总额" in line)
    assert total_row.split()[-6:] == ["130.00", "123.45", "111.11", "10", "90.00%", "9"]
    fiscal_row = next(line for line in lines if "其中：财政拨款" in line)
    assert fiscal_row.split()[-4:] == ["108.00", "—", "—", "—"]
    assert "预期目标" in text and "实际完成情况" in text and "已完成培训9场，覆盖八个街道" in text
    (total,) = [line for line in lines if "总分" in line]
    assert total.split() == ["总分", "50.5", "46.75"]


def test_a_department_target_prints_the_department_form_with_its_tasks(qapp, tmp_path):
    from perfdesk.core.model import DEPARTMENT_WHOLE, Task

    whole = project(name="某县林业局", kind=DEPARTMENT_WHOLE, unit_code="316",
                    project_funds=Decimal("60.80"), basic_funds=Decimal("110.61"),
                    annual_total=Decimal("171.41"), duties="负责全县森林资源保护。",
                    tasks=[Task(function="森林资源保护", name="森林防火", content="巡护林区",
                                item="森林防火经费", total=Decimal("49.8"),
                                fiscal=Decimal("45"), other=Decimal("4.8")),
                           Task(name="人员工资", item="基本支出", total=Decimal("110.61"))])
    out = write_projects_pdf([whole], tmp_path / "部门整体.pdf", year=2026)
    text = text_of(out)
    for expected in ("部门（单位）整体支出绩效目标申报表（2026年度）", "部门预算编码", "316",
                     "部门职能职责概述", "负责全县森林资源保护。", "年度资金总额", "171.41",
                     "项目支出", "60.80", "基本支出", "110.61", "年度主要任务", "任务名称",
                     "主要内容", "预算金额（万元）", "财政拨款", "森林防火", "巡护林区",
                     "森林防火经费", "49.80", "金额合计", "160.41", "年度总体目标",
                     "年度绩效指标", "指标值", "≥10场", "审核意见"):
        assert expected in text, expected
    # a 申报 project's fields make no sense on it
    for absent in ("项目属性", "项目期", "中期资金总额", "中长期目标"):
        assert absent not in text, absent
