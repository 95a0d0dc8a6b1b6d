"""Typing into the real indicator grid means what pasting and importing the same text mean
(issue 10): ``>=95%（问卷调查）`` typed into 值 is stored canonical with the remark in 指标解释,
in one undoable step, and the grid says where the remark went."""

from __future__ import annotations

from decimal import Decimal

import pytest
from tests.support.entry_cases import SURVEY, SURVEY_STORED, stored_target
from tests.support.gui_helpers import enter, type_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolTip

from perfdesk.core.model import Indicator, Project
from perfdesk.gui.document import DatasetDocument
from perfdesk.gui.models.indicator_table_model import VALUE, IndicatorTableModel
from perfdesk.gui.widgets.indicator_grid import IndicatorGrid
from perfdesk.services.dataset import Dataset


@pytest.fixture
def grid(gui, qtbot, new_dataset):
    dataset = new_dataset()
    uuid = dataset.add_project(dataset.units()[0].uuid, Project(
        name="满意度调查经费", indicators=[
            Indicator(level1="满意度指标", level2="服务对象满意度指标", name="群众满意度"),
            Indicator(level1="满意度指标", level2="服务对象满意度指标", name="回访满意度",
                      explanation="电话回访")])).added_uuids("project")[0]
    document = DatasetDocument(dataset)
    model = IndicatorTableModel(document)
    view = IndicatorGrid()
    qtbot.addWidget(view)
    view.setModel(model)
    model.set_project(uuid)
    view.resize(1200, 400)
    view.show()
    qtbot.waitExposed(view)
    view.setFocus()
    yield view
    model.set_project(None)


def stored(view) -> Project:
    model = view.model()
    with Dataset.open(model.document.dataset.path, read_only=True) as ds:
        return ds.load_project(model.project_uuid)


def type_value(qtbot, view, row: int, text: str) -> None:
    view.setCurrentIndex(view.model().index(row, VALUE))
    type_text(qtbot, view, text)  # typing starts editing the cell
    enter(qtbot, view)


def test_the_survey_target_typed_is_stored_as_paste_and_import_store_it(grid, qtbot):
    model = grid.model()
    undo = model.document.undo_stack
    before = undo.count()
    with qtbot.waitSignal(model.entryNoted) as noted:
        type_value(qtbot, grid, 0, SURVEY)
    indicator = stored(grid).indicators[0]
    assert stored_target(indicator) == SURVEY_STORED
    assert model.index(0, VALUE).data() == "95"  # the 值 cell shows the number, 符号 says ≥
    # the grid says where the remark went, at the cell and in its tooltip
    uuid, column, text = noted.args
    assert (uuid, column) == (indicator.uuid, VALUE) and "问卷调查" in text and "指标解释" in text
    qtbot.waitUntil(QToolTip.isVisible)
    assert "问卷调查" in QToolTip.text()
    assert "问卷调查" in model.index(0, VALUE).data(Qt.ItemDataRole.ToolTipRole)
    # one undoable step brings back the value and the explanation together
    assert undo.count() == before + 1
    undo.undo()
    assert stored_target(stored(grid).indicators[0]) == ("", "", None, "", "", "", "")
    assert "问卷调查" not in (model.index(0, VALUE).data(Qt.ItemDataRole.ToolTipRole) or "")


def test_the_remark_is_added_after_an_explanation_already_there(grid, qtbot):
    type_value(qtbot, grid, 1, SURVEY)
    indicator = stored(grid).indicators[1]
    assert indicator.explanation == "电话回访；问卷调查"
    assert (indicator.comparator, indicator.target, indicator.unit, indicator.value_text) == (
        "≥", Decimal("95"), "%", "")


def test_another_spelling_typed_is_stored_canonical_without_a_note(grid, qtbot):
    model = grid.model()
    notes = []
    model.entryNoted.connect(lambda *args: notes.append(args))
    type_value(qtbot, grid, 0, ">=95%")
    indicator = stored(grid).indicators[0]
    assert (indicator.comparator, indicator.target, indicator.unit, indicator.value_text) == (
        "≥", Decimal("95"), "%", "")
    assert notes == []  # the cell itself now shows the canonical 符号, 值 and 单位
