"""Editing from the window: new, delete, move and rename in the tree and the grid, the
dataset's properties, pasting indicators copied from Excel, applying a finding's fix, undo and
redo.

Thin glue: each action reads what is selected, builds one undoable command
(:mod:`perfdesk.gui.commands`) and pushes it through the document; the views follow the
document's signals, and the selection moves to what the clerk would work on next.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QGuiApplication

from perfdesk.gui import commands
from perfdesk.gui.dialogs import prompts
from perfdesk.gui.dialogs.dataset_dialogs import DatasetPropertiesDialog, NewUnitDialog
from perfdesk.gui.models.indicator_table_model import LEVEL1, NAME, grades_of
from perfdesk.gui.models.project_tree_model import (
    DEPARTMENT,
    NAME_COLUMN,
    PROJECT,
    UNIT,
    UuidRole,
)
from perfdesk.gui.translate import _t

if TYPE_CHECKING:
    from perfdesk.core.model import Indicator
    from perfdesk.gui.window.main_window import MainWindow


class Editing:
    """The window's edit actions."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        ui = window.ui
        ui.findingsPanel.fixRequested.connect(self.apply_fix)
        ui.indicatorGrid.delegate.previewRequested.connect(self._preview_indicator)
        ui.indicatorGrid.addBelowRequested.connect(self.new_indicator)
        ui.indicatorGrid.clearRequested.connect(self.clear_cells)

    def follow(self) -> None:
        """A dataset was opened: report the edits it refuses."""
        self.window.document.editFailed.connect(self._edit_failed)

    @property
    def _writable(self) -> bool:
        document = self.window.document
        return document is not None and not document.read_only

    def push(self, command) -> bool:
        """Do ``command`` as one undoable step; ``False`` when it was refused."""
        document = self.window.document
        return document is not None and document.push(command)

    def undo(self) -> None:
        window = self.window
        if window.document is not None:
            window.ui.projectForm.commit_pending()
            window.document.undo_stack.undo()

    def redo(self) -> None:
        window = self.window
        if window.document is not None:
            window.ui.projectForm.commit_pending()
            window.document.undo_stack.redo()

    def _edit_failed(self, message: str) -> None:
        prompts.warn(self.window, _t("修改没有保存"), message)

    # --- the tree ---------------------------------------------------------------------------

    def _target_unit(self) -> str:
        """The unit a new project goes to: the selected one, or the first."""
        model = self.window.tree_model
        kind, uuid = self.window.navigation.current_tree()
        if kind == PROJECT:
            return model.unit_of(uuid)
        if kind == UNIT:
            return uuid
        if kind == DEPARTMENT:
            index = model.index_of(uuid)
            if model.rowCount(index):
                return model.index(0, 0, index).data(UuidRole)
        units = model.unit_uuids()
        return units[0] if units else ""

    def new_project(self) -> None:
        """Ctrl+N: a project after the selected one, in the selected unit (a unit is asked
        for first when there is none)."""
        from perfdesk.core.model import Project

        if not self._writable:
            return
        window = self.window
        unit = self._target_unit()
        if not unit:
            self.new_unit()
            unit = self._target_unit()
            if not unit:
                return
        year = window.document.info.budget_year
        project = Project(period_start=year, period_end=year)
        position = None
        kind, uuid = window.navigation.current_tree()
        if kind == PROJECT:
            position = window.tree_model.index_of(uuid).row() + 1
        if self.push(commands.AddProject(window.document, unit, project, position)):
            window.navigation.select_in_tree(project.uuid)
            window.ui.projectForm.focus_field("name")

    def new_unit(self) -> None:
        window = self.window
        if not self._writable:
            return
        document = window.document
        departments = [d.name for d in document.departments()]
        units: dict[str, set[str]] = {}
        by_uuid = {d.uuid: d.name for d in document.departments()}
        for unit in document.units():
            units.setdefault(by_uuid[unit.department_uuid], set()).add(unit.name)
        kind, uuid = window.navigation.current_tree()
        current = ""
        if kind:
            index = window.tree_model.index_of(uuid)
            while index.parent().isValid():
                index = index.parent()
            current = index.data(Qt.ItemDataRole.DisplayRole)
        dialog = NewUnitDialog(departments, current, window, units)
        if dialog.exec() != dialog.DialogCode.Accepted:
            return
        command = commands.AddUnit(window.document, *dialog.values())
        if self.push(command):
            window.navigation.select_in_tree(command.unit_uuid)

    def rename_selected(self) -> None:
        tree = self.window.ui.projectTree
        index = tree.currentIndex()
        if index.isValid():
            tree.edit(index.siblingAtColumn(NAME_COLUMN))

    def delete_selected(self) -> None:
        """Delete: the selected indicators in the grid, else the tree's current row."""
        if not self._writable:
            return
        window = self.window
        if window.navigation.grid_has_focus():
            self._delete_indicators()
            return
        if window.ui.projectTree.hasFocus() or not window.current_project:
            self._delete_tree_item()

    def _delete_tree_item(self) -> None:
        window = self.window
        model = window.tree_model
        kind, uuid = window.navigation.current_tree()
        if not kind:
            return
        index = model.index_of(uuid)
        name = index.data(Qt.ItemDataRole.DisplayRole)
        if kind == PROJECT:
            command = commands.DeleteProjects(window.document, [uuid])
            row, parent = index.row(), index.parent()
        else:
            projects = sum(model.rowCount(model.index(r, 0, index))
                           for r in range(model.rowCount(index))) \
                if kind == DEPARTMENT else model.rowCount(index)
            what = _t("主管部门") if kind == DEPARTMENT else _t("预算单位")
            if projects and not prompts.ask(
                    window, _t("删除%1").replace("%1", what),
                    _t("“%1”下有 %2 个项目，将一并删除（可以撤销）。确定删除吗？").replace(
                        "%1", name).replace("%2", str(projects)),
                    _t("删除"), _t("取消")):
                return
            command = (commands.DeleteDepartment(window.document, uuid) if kind == DEPARTMENT
                       else commands.DeleteUnit(window.document, uuid))
            row, parent = -1, QModelIndex()
        if self.push(command) and kind == PROJECT:
            siblings = model.rowCount(parent)
            target = model.index(min(row, siblings - 1), 0, parent) if siblings else parent
            if target.isValid():
                window.navigation.select_in_tree(target.data(UuidRole))

    def move_selected(self, step: int) -> None:
        """Alt+↑ / Alt+↓: the project in the tree, or the indicator in the grid."""
        if not self._writable:
            return
        window = self.window
        if window.ui.projectTree.hasFocus():
            kind, uuid = window.navigation.current_tree()
            if kind == PROJECT:
                index = window.tree_model.index_of(uuid)
                target = index.row() + step
                if 0 <= target < window.tree_model.rowCount(index.parent()):
                    if self.push(commands.MoveProject(window.document, uuid, target)):
                        window.navigation.select_in_tree(uuid)
            return
        grid, model = window.ui.indicatorGrid, window.indicator_model
        current = grid.currentIndex()
        if not current.isValid() or window.current_project is None:
            return
        target = current.row() + step
        if not 0 <= target < model.rowCount():
            return
        uuid = model.indicator(current.row()).uuid
        if self.push(commands.MoveIndicator(window.document, window.current_project, uuid,
                                            target)):
            grid.setCurrentIndex(model.index(target, current.column()))

    # --- the grid ---------------------------------------------------------------------------

    def new_indicator(self) -> None:
        """Ctrl+I: an indicator below the current one, in its categories, being edited."""
        from perfdesk.core.model import Indicator

        window = self.window
        if not self._writable or window.current_project is None:
            return
        grid, model = window.ui.indicatorGrid, window.indicator_model
        current = grid.currentIndex()
        position = current.row() + 1 if current.isValid() else model.rowCount()
        indicator = Indicator()
        if current.isValid():  # clerks add several indicators per category
            above = model.indicator(current.row())
            indicator = Indicator(level1=above.level1, level2=above.level2)
        if not self.push(commands.AddIndicators(window.document, window.current_project,
                                                [indicator], position)):
            return
        index = model.index(position, NAME if indicator.level1 else LEVEL1)
        grid.setFocus()
        grid.setCurrentIndex(index)
        grid.edit(index)

    def clear_cells(self, cells: list) -> None:
        """Delete on cells of the grid: each emptied, all of them one undoable step."""
        window = self.window
        if not self._writable or window.current_project is None:
            return
        model = window.indicator_model
        stack = window.document.undo_stack
        if len(cells) > 1:
            stack.beginMacro(_t("清除 %1 个单元格").replace("%1", str(len(cells))))
        try:
            for row, column in cells:
                model.setData(model.index(row, column), "", Qt.ItemDataRole.EditRole)
        finally:
            if len(cells) > 1:
                stack.endMacro()

    def _delete_indicators(self) -> None:
        window = self.window
        grid, model = window.ui.indicatorGrid, window.indicator_model
        rows = sorted({i.row() for i in grid.selectionModel().selectedIndexes()}
                      | ({grid.currentIndex().row()} if grid.currentIndex().isValid() else set()))
        if not rows or window.current_project is None:
            return
        uuids = [model.indicator(r).uuid for r in rows]
        column = max(grid.currentIndex().column(), 0)
        if self.push(commands.DeleteIndicators(window.document, window.current_project, uuids)):
            count = model.rowCount()
            if count:
                grid.setCurrentIndex(model.index(min(rows[0], count - 1), column))

    def paste_indicators(self) -> None:
        """Ctrl+V in the grid: a block copied from Excel, previewed, then added as one edit."""
        window = self.window
        if not self._writable or window.current_project is None:
            return
        text = QGuiApplication.clipboard().text()
        grid, model = window.ui.indicatorGrid, window.indicator_model
        current = grid.currentIndex()
        position = current.row() + 1 if current.isValid() else model.rowCount()
        above = model.indicator(current.row()) if current.isValid() else None
        project = window.document.project(window.current_project)
        checker = window.checker

        def check(indicators: list[Indicator]) -> list:
            rows = [*project.indicators[:position], *indicators, *project.indicators[position:]]
            return checker.engine.check_project(project.model_copy(update={"indicators": rows}),
                                                checker.context)

        from perfdesk.gui.dialogs.paste_dialog import PasteDialog  # loaded on first use

        dialog = PasteDialog.from_text(
            text, profile=window.document.profile, grades=model.grades, columns=model.columns,
            start_column=max(current.column(), 0) if current.isValid() else 0,
            level1=above.level1 if above else "", level2=above.level2 if above else "",
            check=check, parent=window)
        if dialog.exec() != dialog.DialogCode.Accepted:
            return
        indicators = dialog.indicators()
        if indicators and self.push(commands.AddIndicators(
                window.document, window.current_project, indicators, position,
                text=_t("粘贴 %1 个指标").replace("%1", str(len(indicators))))):
            grid.setFocus()
            grid.setCurrentIndex(model.index(position, NAME))

    def _preview_indicator(self, indicator_uuid: str, changes: dict) -> None:
        """A cell still being typed in: its project checked as if the text were stored."""
        window = self.window
        if window.checker is None or window.current_project is None:
            return
        if changes:
            window.checker.preview_indicator(window.current_project, indicator_uuid, changes)
        else:
            window.checker.recheck(window.current_project)

    # --- the dataset and the findings -------------------------------------------------------

    def edit_dataset_properties(self) -> None:
        window = self.window
        document = window.document
        if document is None:
            return
        info = document.info
        settings = document.settings()
        dialog = DatasetPropertiesDialog(info.path, info.title, info.budget_year, info.profile,
                                         grades_of(settings), window, document.read_only)
        if dialog.exec() != dialog.DialogCode.Accepted or document.read_only:
            return
        title, year, profile, grades = dialog.values()
        changes = {k: v for k, v in (("title", title), ("budget_year", year),
                                     ("profile", profile)) if getattr(info, k) != v}
        new_settings = None
        if tuple(grades) != grades_of(settings):
            new_settings = dict(settings, grades=list(grades))
        if changes or new_settings is not None:
            self.push(commands.EditDatasetInfo(document, changes, new_settings))

    def apply_fix(self, project_uuid: str, finding: Any) -> None:
        if self.window.document is None or finding is None or finding.fix is None:
            return
        self.push(commands.ApplyFix(self.window.document, finding))

    def apply_selected_fix(self) -> None:
        current = self.window.ui.findingsPanel.current_finding()
        if current is not None:
            self.apply_fix(*current)
