"""How fast a big block pasted from Excel is read into indicators (what the preview waits for).

Block: 2,000 indicator rows with a heading row, merged 一级/二级 cells left blank below their
first row, a quoted multi-line 指标解释 in every tenth row, CRLF line ends — the text Excel puts
on the clipboard. PerfDesk: ``parse_paste`` (headings found, categories carried down, every
value parsed, every cell's problems noted). Floor: the csv module splitting the same text plus
``values.parse`` and an ``Indicator`` per row — the work no reader can skip. Target: far below
the time a clerk takes to notice (100 ms for a few hundred rows).
"""

from __future__ import annotations

import csv
import io

from common import best_of, report, sample_projects

from perfdesk.core import values
from perfdesk.core.model import Indicator
from perfdesk.io.paste import parse_paste

HEADING = "一级指标\t二级指标\t三级指标\t指标性质\t计算符号\t指标值\t计量单位\t指标值设定依据\t指标解释"


def excel_text(rows: int) -> str:
    lines = [HEADING]
    previous = ("", "")
    count = 0
    for project in sample_projects(rows // 6 + 1):
        for indicator in project.indicators:
            level1 = indicator.level1 if indicator.level1 != previous[0] else ""
            level2 = indicator.level2 if (indicator.level1, indicator.level2) != previous else ""
            previous = (indicator.level1, indicator.level2)
            explanation = indicator.explanation
            if count % 10 == 0:
                explanation = f'"{explanation}\n（按季度汇总，年底核对）"'
            lines.append("\t".join((level1, level2, indicator.name, indicator.nature,
                                    indicator.comparator, str(indicator.target), indicator.unit,
                                    indicator.basis, explanation)))
            count += 1
            if count == rows:
                return "\r\n".join(lines) + "\r\n"
    return "\r\n".join(lines) + "\r\n"


def main() -> None:
    text = excel_text(2_000)

    def ours():
        result = parse_paste(text)
        assert len(result.rows) == 2_000

    def floor():
        rows = list(csv.reader(io.StringIO(text), delimiter="\t"))[1:]
        made = []
        for cells in rows:
            parsed = values.parse(cells[4] + cells[5] + cells[6])
            made.append(Indicator(level1=cells[0], level2=cells[1], name=cells[2],
                                  basis=cells[7], explanation=cells[8],
                                  **Indicator.fields_for_value(parsed.value)))
        assert len(made) == 2_000

    ours()
    report("paste 2,000 rows from Excel", best_of(ours), best_of(floor))


if __name__ == "__main__":
    main()
