"""Finding one's way: what is selected in the project tree and what the form and grid show
for it, the search box and problem filter over the tree, F8 / Shift+F8 through the findings in
reading order across projects, and the jump from a finding to the field it is about.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer
from PySide6.QtWidgets import QApplication

from perfdesk.gui.models.indicator_table_model import LEVEL1
from perfdesk.gui.models.project_tree_model import DEPARTMENT, PROJECT, UNIT, KindRole, UuidRole
from perfdesk.gui.translate import _t
from perfdesk.gui.widgets.findings_panel import location_key

if TYPE_CHECKING:
    from perfdesk.gui.window.main_window import MainWindow


class Navigation:
    """The tree's selection and the jumps to findings.

    Attributes:
        current_project: the uuid of the project the form and the grid show, or ``None``.
    """

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.current_project: str | None = None
        self._saved_tree: tuple[set[str], str] = (set(), "")
        self._last_place: tuple[str, tuple] | None = None  # where F8 went last
        ui = window.ui
        window.search.textChanged.connect(self.filter_changed)
        ui.problemFilter.currentIndexChanged.connect(self.filter_changed)
        # after the double-click has finished, or the list would take the focus back
        ui.findingsPanel.jumpRequested.connect(lambda uuid, finding: QTimer.singleShot(
            0, lambda: self.jump_to(uuid, finding)))

    def follow(self) -> None:
        """A dataset was opened: follow its tree (call after the models are in place)."""
        window = self.window
        tree = window.ui.projectTree
        tree.fit_columns()
        tree.selectionModel().currentChanged.connect(self._tree_current_changed)
        window.tree_model.modelAboutToBeReset.connect(self._remember_tree)
        window.tree_model.modelReset.connect(self._restore_tree)
        tree.expandToDepth(0)
        document = window.document
        document.indicatorAdded.connect(lambda *_: self.update_indicator_count())
        document.indicatorRemoved.connect(lambda *_: self.update_indicator_count())
        window.checker.findingsChanged.connect(lambda _uuids: window.proxy.refilter())

    # --- what is selected -------------------------------------------------------------------

    def current_tree(self) -> tuple[str, str]:
        """The kind and uuid of the tree's current row (``("", "")`` when there is none)."""
        index = self.window.ui.projectTree.currentIndex()
        if not index.isValid():
            return "", ""
        return index.data(KindRole), index.data(UuidRole)

    def _tree_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        window = self.window
        kind = current.data(KindRole) if current.isValid() else None
        uuid = current.data(UuidRole) if current.isValid() else None
        self.show_project(uuid if kind == PROJECT else None)
        if kind in (UNIT, DEPARTMENT):
            node_name = current.data(Qt.ItemDataRole.DisplayRole)
            if kind == UNIT:
                count = window.proxy.rowCount(current)
                text = _t("预算单位“%1”：%2 个项目。").replace("%1", node_name).replace(
                    "%2", str(count))
                if not window.document.read_only:
                    text += "\n" + _t("按 Ctrl+N 在此单位下新建项目。")
            else:
                text = _t("主管部门“%1”。\n选择一个预算单位或项目，或在“项目”菜单中新建预算单位。"
                          ).replace("%1", node_name)
            window.ui.noProjectLabel.setText(text)
        elif kind is None:
            window.ui.noProjectLabel.setText(_t("在左侧选择一个项目，或按 Ctrl+N 新建项目。"))
        window.menu_actions.update()

    def show_project(self, uuid: str | None) -> None:
        """Show a project in the form and the grid (``None``: the placeholder page)."""
        if uuid == self.current_project:
            return
        window = self.window
        ui = window.ui
        ui.projectForm.commit_pending()
        self.current_project = uuid
        checker = window.checker
        if uuid and checker is not None and not checker.checked(uuid):
            checker.check_soon(uuid)  # its turn in the background check has not come yet
        ui.projectForm.show_project(uuid)
        if window.indicator_model is not None:
            window.indicator_model.set_project(uuid)
        ui.findingsPanel.set_project(uuid)
        window.reviewing.show_project(uuid)
        self.update_indicator_count()
        ui.projectPages.setCurrentWidget(ui.editorSplitter if uuid else ui.noProjectPage)
        window.menu_actions.update()

    def select_in_tree(self, uuid: str) -> None:
        """Make ``uuid`` (a department, unit or project) the tree's current row, clearing a
        filter that hides it."""
        window = self.window
        if window.tree_model is None:
            return
        source = window.tree_model.index_of(uuid)
        index = window.proxy.mapFromSource(source)
        if not index.isValid() and window.proxy.active:  # hidden by the filter: clear it
            window.search.clear()
            window.ui.problemFilter.setCurrentIndex(0)
            index = window.proxy.mapFromSource(source)
        if index.isValid():
            tree = window.ui.projectTree
            tree.scrollTo(index)
            tree.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)

    def select_first_project(self) -> None:
        model = self.window.tree_model
        if model is None:
            return
        uuids = model.project_uuids()
        if uuids:
            self.select_in_tree(uuids[0])
        elif model.unit_uuids():
            self.select_in_tree(model.unit_uuids()[0])

    def _remember_tree(self) -> None:
        self._saved_tree = self.window.ui.projectTree.open_rows()

    def _restore_tree(self) -> None:
        window = self.window
        expanded, current = self._saved_tree
        window.ui.projectTree.reopen_rows(expanded)
        if current and window.tree_model is not None and \
                window.tree_model.index_of(current).isValid():
            self.current_project = None if current != self.current_project else current
            self.select_in_tree(current)
        else:
            self.show_project(None)

    def project_name(self, uuid: str) -> str:
        model = self.window.tree_model
        if model is None:
            return ""
        index = model.index_of(uuid)
        return index.data(Qt.ItemDataRole.DisplayRole) if index.isValid() else ""

    def indicator_positions(self, uuid: str) -> dict[str, int]:
        document = self.window.document
        if document is None:
            return {}
        return {i.uuid: n for n, i in enumerate(document.project(uuid).indicators)}

    def grid_has_focus(self) -> bool:
        ui = self.window.ui
        focus = QApplication.focusWidget()
        return focus is not None and (focus is ui.indicatorGrid
                                      or ui.indicatorPanel.isAncestorOf(focus))

    def update_indicator_count(self) -> None:
        """（5 个） above the grid: how many indicators the shown project has."""
        model = self.window.indicator_model
        count = model.rowCount() if model is not None and self.current_project else 0
        self.window.ui.indicatorCount.setText(
            _t("（%1 个）").replace("%1", str(count)) if count else "")

    # --- the search box and the problem filter ----------------------------------------------

    def filter_changed(self, *_args) -> None:
        window = self.window
        window.proxy.set_text(window.search.text())
        window.proxy.set_level(window.ui.problemFilter.currentIndex())
        if window.proxy.active:
            window.ui.projectTree.expandAll()
        self._keep_in_step()

    def _keep_in_step(self) -> None:
        """The form never stays on a project the filtered tree no longer shows (the clerk
        would edit a project they cannot see): the first one shown takes its place, or none."""
        window = self.window
        if window.tree_model is None or self.current_project is None:
            return
        shown = window.proxy.mapFromSource(window.tree_model.index_of(self.current_project))
        if shown.isValid():
            return
        proxy = window.proxy

        def first(parent: QModelIndex) -> QModelIndex:
            for row in range(proxy.rowCount(parent)):
                index = proxy.index(row, 0, parent)
                if index.data(KindRole) == PROJECT:
                    return index
                found = first(index)
                if found.isValid():
                    return found
            return QModelIndex()

        index = first(QModelIndex())
        if index.isValid():
            window.ui.projectTree.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)
        else:
            window.ui.projectTree.selectionModel().clearCurrentIndex()
            self.show_project(None)

    def focus_search(self) -> None:
        self.window.search.setFocus()
        self.window.search.selectAll()

    # --- findings ---------------------------------------------------------------------------

    def _ordered_findings(self, project_uuid: str) -> list:
        positions = self.indicator_positions(project_uuid)
        return sorted(self.window.checker.findings(project_uuid),
                      key=lambda f: location_key(f, positions))

    def jump_to_problem(self, step: int) -> None:
        """F8 / Shift+F8: the next or previous finding in reading order, across projects."""
        window = self.window
        if window.checker is None or window.tree_model is None:
            return
        window.checker.finish_now()
        order = window.tree_model.project_uuids()
        if not order:
            return
        selected = window.ui.findingsPanel.current_finding()
        start = self.current_project if self.current_project in order else order[0]
        start_index = order.index(start)
        findings = self._ordered_findings(start)
        position = -1 if step > 0 else len(findings)
        found = False
        if selected is not None and selected[0] == start:
            for n, finding in enumerate(findings):
                if finding == selected[1]:
                    position, found = n, True
                    break
        last = self._last_place
        if not found and last is not None and last[0] == start:
            # the finding jumped to last is gone (fixed): go on from its place, not from the
            # first finding again
            positions = self.indicator_positions(start)
            before = sum(1 for f in findings if location_key(f, positions) < last[1])
            position = before - 1 if step > 0 else before
        position += step
        if 0 <= position < len(findings):
            self.jump_to(start, findings[position])
            return
        count = len(order)
        for offset in range(1, count + 1):
            uuid = order[(start_index + step * offset) % count]
            findings = self._ordered_findings(uuid)
            if findings:
                self.jump_to(uuid, findings[0 if step > 0 else -1])
                return
        window.statusBar().showMessage(_t("没有发现问题。"), 4000)

    def jump_to(self, project_uuid: str, finding: Any) -> None:
        """Show the project and put the cursor in the field the finding is about."""
        window = self.window
        if window.tree_model is None or finding is None:
            return
        if project_uuid != self.current_project:
            self.select_in_tree(project_uuid)
        window.ui.findingsDock.show()
        window.ui.findingsPanel.select(finding)
        self._last_place = (project_uuid,
                            location_key(finding, self.indicator_positions(project_uuid)))
        self.focus_place(project_uuid, finding.indicator_uuid, finding.field)

    def focus_place(self, project_uuid: str, indicator_uuid: str | None, field: str) -> None:
        """Show the project and put the cursor in one of its fields (an indicator's, when
        ``indicator_uuid`` is given): where a finding or a review comment points."""
        window = self.window
        ui = window.ui
        if window.tree_model is None:
            return
        if project_uuid != self.current_project:
            self.select_in_tree(project_uuid)
        model, grid = window.indicator_model, ui.indicatorGrid
        if indicator_uuid:
            row = model.row_of(indicator_uuid)
            if row >= 0:
                index = model.index(row, model.column_of(field))
                grid.setFocus()
                grid.setCurrentIndex(index)
                grid.scrollTo(index)
                return
        if field == "indicators":
            grid.setFocus()
            if model.rowCount():
                grid.setCurrentIndex(model.index(0, LEVEL1))
            return
        if field in ("department", "unit"):
            ui.projectTree.setFocus()
            return
        ui.projectForm.focus_field(field or "name")
