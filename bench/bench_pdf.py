"""How fast the PDF of the detailed form is written (what 导出 PDF makes the clerk wait for).

Projects: 100 × 6 indicators (bench/common.py's sample projects). PerfDesk:
``write_projects_pdf`` (line breaking with Chinese rules, merged category cells, page breaks,
the bundled font embedded, an atomic replace). Floor: bare QPdfWriter + QPainter drawing the
same page count with the same cells and texts (``drawRect`` + ``drawText`` with Qt's own word
wrap), without any layout of its own. Run it with QT_QPA_PLATFORM=offscreen on a machine
without a display.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from common import best_of, report, sample_projects

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QMarginsF, QRectF, Qt  # noqa: E402
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPainter, QPdfWriter  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from perfdesk.gui.fonts import install_fonts  # noqa: E402
from perfdesk.gui.printing.detail_pdf import GRID_COLUMNS, HEADER_COLUMNS, write_projects_pdf  # noqa: E402


def main() -> None:
    app = QApplication.instance() or QApplication([])
    family = install_fonts()
    projects = list(sample_projects(100))
    folder = Path(tempfile.mkdtemp(prefix="perfdesk-bench-"))

    def ours():
        write_projects_pdf(projects, folder / "ours.pdf", year=2025, filled_by="张三",
                           phone="020-12345678")

    def floor():
        writer = QPdfWriter(str(folder / "floor.pdf"))
        writer.setResolution(1200)
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                         QPageLayout.Orientation.Landscape,
                                         QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter))
        painter = QPainter(writer)
        font = QFont(family)
        font.setPointSizeF(9)
        painter.setFont(font)
        mm = 1200 / 25.4
        flags = int(Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignVCenter)
        for n, project in enumerate(projects):
            if n:
                writer.newPage()
            painter.drawText(QRectF(15 * mm, 10 * mm, 267 * mm, 11 * mm), flags,
                             f"2025年项目支出绩效目标申报表 {project.unit}")
            y = 28.0
            for text in (project.name, project.department, project.attribute, "123.45",
                         "120.00", "3.45", project.annual_goal, project.midterm_goal):
                rect = QRectF(15 * mm, y * mm, sum(HEADER_COLUMNS) * mm, 7 * mm)
                painter.drawRect(rect)
                painter.drawText(rect, flags, text)
                y += 7
            for indicator in project.indicators:
                x = 15.0
                cells = (indicator.level1, indicator.level2, indicator.name, indicator.nature,
                         *indicator.value_columns(), indicator.basis, indicator.explanation)
                for width, text in zip(GRID_COLUMNS, cells):
                    rect = QRectF(x * mm, y * mm, width * mm, 7 * mm)
                    painter.drawRect(rect)
                    painter.drawText(rect, flags, text)
                    x += width
                y += 7
        painter.end()

    try:
        ours()
        report("PDF of 100 projects × 6 indicators", best_of(ours, 3), best_of(floor, 3))
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    app.quit()


if __name__ == "__main__":
    main()
