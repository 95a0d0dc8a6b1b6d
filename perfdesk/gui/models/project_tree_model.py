"""The project tree's model: 主管部门 → 预算单位 → 项目, with each project's problems.

:class:`ProjectTreeModel` reads the tree from the dataset's fast project list (no project is
loaded to show it, so a dataset of 10,000 projects opens at once) and follows the document's
signals: a renamed project changes its row, an added or deleted project inserts or removes
exactly its row, and other structural edits (imports, units, moves) reread the tree. Between it
and the view (:mod:`perfdesk.gui.widgets.project_tree`, which paints the problems as badges)
sits the filter of the search box (:mod:`perfdesk.gui.models.project_filter_proxy`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtGui import QColor

from perfdesk.gui import commands
from perfdesk.core.severity import EMPTY_SUMMARY, Summary
from perfdesk.gui.icons import icon
from perfdesk.gui.translate import _t

if TYPE_CHECKING:
    from perfdesk.gui.checking import LiveChecker
    from perfdesk.gui.document import DatasetDocument

DEPARTMENT, UNIT, PROJECT = "department", "unit", "project"

# Columns.
NAME_COLUMN = 0
PROBLEMS_COLUMN = 1
COLUMN_COUNT = 2

# Roles.
KindRole = Qt.ItemDataRole.UserRole + 1  # DEPARTMENT / UNIT / PROJECT
UuidRole = Qt.ItemDataRole.UserRole + 2
SummaryRole = Qt.ItemDataRole.UserRole + 3  # checking.Summary (aggregated for units, departments)
SearchTextRole = Qt.ItemDataRole.UserRole + 4  # what the filter box matches
OpenCommentsRole = Qt.ItemDataRole.UserRole + 5  # 审核意见 waiting for an answer (summed up)




class Node:
    __slots__ = ("kind", "uuid", "name", "code", "parent", "children")

    def __init__(self, kind: str, uuid: str, name: str, code: str = "",
                 parent: "Node | None" = None) -> None:
        self.kind = kind
        self.uuid = uuid
        self.name = name
        self.code = code
        self.parent = parent
        self.children: list[Node] = []

    def row(self) -> int:
        return self.parent.children.index(self) if self.parent is not None else 0


class ProjectTreeModel(QAbstractItemModel):
    """主管部门 → 预算单位 → 项目 of one dataset."""

    def __init__(self, document: DatasetDocument, checker: LiveChecker | None = None,
                 parent=None) -> None:
        super().__init__(parent)
        self.document = document
        self.checker = checker
        self._root = Node("root", "", "")
        self._projects: dict[str, Node] = {}
        self._units: dict[str, Node] = {}
        self._departments: dict[str, Node] = {}
        self._badges: dict[str, Summary] = {}  # what each project's badge shows now
        self._open_comments: dict[str, int] = {}  # project uuid -> 审核意见 still open
        self._count_comments()
        self._build()
        document.projectChanged.connect(self._project_changed)
        document.projectAdded.connect(self._project_added)
        document.projectRemoved.connect(self._project_removed)
        document.treeChanged.connect(self.reload)
        document.commentsChanged.connect(self._comments_changed)
        if checker is not None:
            checker.findingsChanged.connect(self._findings_changed)

    # --- building ---------------------------------------------------------------------------

    def _build(self) -> None:
        root = Node("root", "", "")
        departments: dict[str, Node] = {}
        units: dict[str, Node] = {}
        projects: dict[str, Node] = {}
        for d in self.document.departments():
            node = Node(DEPARTMENT, d.uuid, d.name, d.code, root)
            root.children.append(node)
            departments[d.uuid] = node
        for u in self.document.units():
            parent = departments[u.department_uuid]
            node = Node(UNIT, u.uuid, u.name, u.code, parent)
            parent.children.append(node)
            units[u.uuid] = node
        for p in self.document.project_entries():
            parent = units[p.unit_uuid]
            node = Node(PROJECT, p.uuid, p.name, p.code, parent)
            parent.children.append(node)
            projects[p.uuid] = node
        self._root, self._departments, self._units, self._projects = (
            root, departments, units, projects)

    def reload(self) -> None:
        """Reread the whole tree (views keep their expansion and selection by uuid)."""
        self.beginResetModel()
        self._build()
        self.endResetModel()

    # --- lookups ----------------------------------------------------------------------------

    def node(self, index: QModelIndex) -> Node:
        if index.isValid():
            return index.internalPointer()
        return self._root

    def index_of(self, uuid: str, column: int = NAME_COLUMN) -> QModelIndex:
        node = self._projects.get(uuid) or self._units.get(uuid) or self._departments.get(uuid)
        if node is None:
            return QModelIndex()
        return self.createIndex(node.row(), column, node)

    def project_uuids(self) -> list[str]:
        """Every project in tree order."""
        return [p.uuid for d in self._root.children for u in d.children for p in u.children]

    def unit_uuids(self) -> list[str]:
        return [u.uuid for d in self._root.children for u in d.children]

    def unit_of(self, project_uuid: str) -> str:
        node = self._projects.get(project_uuid)
        return node.parent.uuid if node is not None else ""

    def project_count(self) -> int:
        return len(self._projects)

    def summary(self, node: Node) -> Summary:
        if self.checker is None:
            return EMPTY_SUMMARY
        if node.kind == PROJECT:
            return self.checker.summary(node.uuid)
        total = EMPTY_SUMMARY
        for child in node.children:
            total = total + self.summary(child)
        return total

    def open_comments(self, node: Node) -> int:
        if node.kind == PROJECT:
            return self._open_comments.get(node.uuid, 0)
        return sum(self.open_comments(child) for child in node.children)

    def _count_comments(self) -> None:
        counts: dict[str, int] = {}
        for comment in self.document.comments():
            if comment.status == "open":
                counts[comment.project_uuid] = counts.get(comment.project_uuid, 0) + 1
        self._open_comments = counts

    def _comments_changed(self) -> None:
        before = self._open_comments
        self._count_comments()
        for uuid in set(before) | set(self._open_comments):
            node = self._projects.get(uuid)
            while node is not None and node is not self._root:
                index = self.createIndex(node.row(), NAME_COLUMN, node)
                self.dataChanged.emit(index, index, [OpenCommentsRole,
                                                     Qt.ItemDataRole.ToolTipRole])
                node = node.parent

    # --- QAbstractItemModel -----------------------------------------------------------------

    def index(self, row: int, column: int, parent: QModelIndex = QModelIndex()) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        node = self.node(parent)
        return self.createIndex(row, column, node.children[row])

    def parent(self, index: QModelIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        if not index.isValid():
            return QModelIndex()
        node: Node = index.internalPointer()
        parent = node.parent
        if parent is None or parent is self._root:
            return QModelIndex()
        return self.createIndex(parent.row(), 0, parent)

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self.node(parent).children)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return COLUMN_COUNT

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == NAME_COLUMN and not self.document.read_only:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        node: Node = index.internalPointer()
        column = index.column()
        if role == KindRole:
            return node.kind
        if role == UuidRole:
            return node.uuid
        if role == SummaryRole:
            return self.summary(node)
        if role == SearchTextRole:
            return self._search_text(node)
        if role == OpenCommentsRole:
            return self.open_comments(node)
        if column == NAME_COLUMN:
            if role == Qt.ItemDataRole.DisplayRole:
                return node.name or _t("（未命名项目）")
            if role == Qt.ItemDataRole.EditRole:
                return node.name
            if role == Qt.ItemDataRole.DecorationRole:
                return icon(node.kind)
            if role == Qt.ItemDataRole.ToolTipRole:
                return self._tooltip(node)
            if role == Qt.ItemDataRole.ForegroundRole and node.kind == PROJECT and not node.name:
                return QColor("#757575")
        elif column == PROBLEMS_COLUMN:
            if role == Qt.ItemDataRole.ToolTipRole:
                return self._problems_tooltip(self.summary(node))
            if role == Qt.ItemDataRole.AccessibleTextRole:
                return self._problems_tooltip(self.summary(node))
        return None

    def setData(self, index: QModelIndex, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() != NAME_COLUMN:
            return False
        node: Node = index.internalPointer()
        name = str(value).strip()
        if name == node.name or (not name and node.kind != PROJECT):
            return False
        if node.kind == PROJECT:
            command = commands.EditProject(self.document, node.uuid, {"name": name})
        elif node.kind == UNIT:
            command = commands.RenameUnit(self.document, node.uuid, name)
        else:
            command = commands.RenameDepartment(self.document, node.uuid, name)
        return self.document.push(command)

    def _tooltip(self, node: Node) -> str:
        kinds = {DEPARTMENT: _t("主管部门"), UNIT: _t("预算单位"), PROJECT: _t("项目")}
        lines = [f"{kinds[node.kind]}：{node.name}"]
        if node.code:
            lines.append(_t("编码：%1").replace("%1", node.code))
        problems = self._problems_tooltip(self.summary(node))
        if problems:
            lines.append(problems)
        waiting = self.open_comments(node)
        if waiting:
            lines.append(_t("%1 条审核意见待答复").replace("%1", str(waiting)))
        return "\n".join(lines)

    @staticmethod
    def _problems_tooltip(summary: Summary) -> str:
        parts = []
        if summary.errors:
            parts.append(_t("%1 个错误").replace("%1", str(summary.errors)))
        if summary.warnings:
            parts.append(_t("%1 个警告").replace("%1", str(summary.warnings)))
        if summary.hints:
            parts.append(_t("%1 个提示").replace("%1", str(summary.hints)))
        return _t("，").join(parts)

    def _search_text(self, node: Node) -> str:
        parts = [node.name, node.code]
        if node.kind == PROJECT:
            unit = node.parent
            parts += [unit.name, unit.code, unit.parent.name]
            if self.checker is not None:
                for finding in self.checker.findings(node.uuid):
                    parts += [finding.rule, str(finding.message)]
        return "\n".join(p for p in parts if p).casefold()

    # --- following the document -------------------------------------------------------------

    def _project_changed(self, uuid: str, fields: list) -> None:
        node = self._projects.get(uuid)
        if node is None or not ({"name", "code"} & set(fields)):
            return
        project = self.document.project(uuid)
        node.name, node.code = project.name, project.code
        index = self.createIndex(node.row(), NAME_COLUMN, node)
        self.dataChanged.emit(index, index)

    def _project_added(self, uuid: str, unit_uuid: str, position: int) -> None:
        unit = self._units.get(unit_uuid)
        if unit is None or uuid in self._projects:
            self.reload()
            return
        project = self.document.project(uuid)
        row = len(unit.children) if position < 0 else min(position, len(unit.children))
        self.beginInsertRows(self.createIndex(unit.row(), 0, unit), row, row)
        node = Node(PROJECT, uuid, project.name, project.code, unit)
        unit.children.insert(row, node)
        self._projects[uuid] = node
        self.endInsertRows()

    def _project_removed(self, uuid: str) -> None:
        node = self._projects.get(uuid)
        if node is None:
            return
        unit = node.parent
        row = node.row()
        self.beginRemoveRows(self.createIndex(unit.row(), 0, unit), row, row)
        del unit.children[row]
        del self._projects[uuid]
        self.endRemoveRows()
        self._summary_changed(unit)

    def _findings_changed(self, uuids: list) -> None:
        # one dataChanged per unit for the rows whose badge changed (a batch of the
        # background check brings a hundred projects, mostly neighbours), then the unit's
        # and its department's totals
        changed: dict[int, tuple[Node, list[int]]] = {}
        for uuid in uuids:
            node = self._projects.get(uuid)
            if node is None:
                continue
            summary = self.checker.summary(uuid)
            if self._badges.get(uuid) == summary:
                continue  # the counts a badge shows did not change: nothing to repaint
            self._badges[uuid] = summary
            changed.setdefault(id(node.parent), (node.parent, []))[1].append(node.row())
        for unit, rows in changed.values():
            first, last = min(rows), max(rows)
            self.dataChanged.emit(self.createIndex(first, NAME_COLUMN, unit.children[first]),
                                  self.createIndex(last, PROBLEMS_COLUMN, unit.children[last]))
            self._summary_changed(unit)

    def _summary_changed(self, node: Node) -> None:
        """Aggregated badges of a unit and its department follow their projects."""
        while node is not None and node is not self._root:
            index = self.createIndex(node.row(), PROBLEMS_COLUMN, node)
            self.dataChanged.emit(index, index)
            node = node.parent
