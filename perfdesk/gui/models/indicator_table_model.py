"""The indicator grid's model: one row per indicator of the current project, typed columns.

Columns follow the official layout (一级 │ 二级 │ 三级指标 │ 性质 │ 符号 │ 值 │ 单位 │ 依据 │ 解释);
a 绩效自评表's project has its results after 值 and 单位 (分值 │ 全年实际值 │ 得分 │ 未完成原因,
:func:`perfdesk.core.fields.grid_columns`), so the columns from 依据 on move right there.
What the text typed into a cell means is the core's (:func:`perfdesk.core.entry.
typed_indicator_changes`: ``>=95%`` typed into 值 becomes 计算符号 ≥, target 95 and unit %, a
remark in brackets moves into 指标解释; choosing a 二级指标 fills in its 一级指标; a name from the
library fills in the categories of an empty row); :meth:`IndicatorTableModel.setData` pushes
the changes as one undoable command and says what the clerk should know (``entryNoted``).
Rows follow the document's signals; each cell carries the check findings that point at it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal

from perfdesk.core import entry, values
from perfdesk.core.entry import grades_of
from perfdesk.core.fields import GRID_COLUMNS, grid_cell_of, grid_columns
from perfdesk.core.errors import NotFoundError
from perfdesk.gui import commands
from perfdesk.core.severity import Severity, rank
from perfdesk.gui.labels import grid_header, indicator_field
from perfdesk.gui.severity_style import MUTED, TINTS
from perfdesk.gui.translate import _t
from perfdesk.core.taxonomy import QUALITATIVE

if TYPE_CHECKING:  # the data layer loads when a dataset opens, not at start-up
    from perfdesk.gui.checking import LiveChecker
    from perfdesk.gui.document import DatasetDocument
    from perfdesk.core.model import Indicator

# The columns every project's grid has in these places (a 自评表's results come after UNIT);
# BASIS and EXPLANATION are where a target table has them: IndicatorTableModel.column_of says
# where they are for the project shown.
(LEVEL1, LEVEL2, NAME, NATURE, COMPARATOR, VALUE, UNIT, BASIS, EXPLANATION) = range(9)
COLUMN_COUNT = len(GRID_COLUMNS)
_NUMBERS = frozenset({"weight", "score"})  # a 自评表's 分值 and 得分, shown as exact numbers
_LONG_TEXT = frozenset({"name", "explanation", "value", "actual", "shortfall"})

# Roles.
UuidRole = Qt.ItemDataRole.UserRole + 1
FieldRole = Qt.ItemDataRole.UserRole + 2  # the field name of the column
FindingsRole = Qt.ItemDataRole.UserRole + 3  # findings shown at this cell
SeverityRole = Qt.ItemDataRole.UserRole + 4  # worst severity at this cell, or ""
IndicatorRole = Qt.ItemDataRole.UserRole + 5  # the Indicator
CommentsRole = Qt.ItemDataRole.UserRole + 6  # the open 审核意见 of the cell

_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_EDIT = int(Qt.ItemDataRole.EditRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_BACKGROUND = int(Qt.ItemDataRole.BackgroundRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_HANDLED_ROLES = frozenset({_DISPLAY, _EDIT, _TOOLTIP, _BACKGROUND, _FOREGROUND, _ALIGNMENT,
                            int(UuidRole), int(FieldRole), int(FindingsRole), int(SeverityRole),
                            int(IndicatorRole), int(CommentsRole)})
_MARK_ROLES = [Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ToolTipRole, SeverityRole,
               FindingsRole]
_CENTRE = int(Qt.AlignmentFlag.AlignCenter)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_READ_ONLY = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_EDITABLE = _READ_ONLY | Qt.ItemFlag.ItemIsEditable




def value_edit_text(indicator: Indicator) -> str:
    """What the 值 cell shows and its editor starts from."""
    if indicator.nature == QUALITATIVE and indicator.grade:
        return indicator.grade
    if indicator.value_text:
        return indicator.value_text
    if indicator.target is not None:
        return values.format_number(indicator.target)
    return indicator.grade


class IndicatorTableModel(QAbstractTableModel):
    """The indicators of one project (or none).

    Signals:
        entryNoted(str, int, str): an indicator uuid, a column and what the clerk should know
            about the text just typed there (a remark moved into 指标解释); the note stays in
            the cell's tooltip until the indicator changes again.
    """

    entryNoted = Signal(str, int, str)

    def __init__(self, document: DatasetDocument, checker: LiveChecker | None = None,
                 parent=None) -> None:
        super().__init__(parent)
        self.document = document
        self.checker = checker
        self.project_uuid: str | None = None
        # The field each column edits (its kind's, core.fields.grid_columns); "value" edits the
        # 指标值 as a whole (target, grade or raw text).
        self.columns: tuple[str, ...] = GRID_COLUMNS
        # The project's Indicator objects, in order. They are the document's cached objects
        # (edits change them in place); the list itself follows the document's signals, so
        # while rows are being inserted or removed it still describes the rows the view has.
        self._rows: list[Indicator] = []
        self._cell_findings: dict[tuple[str, int], list] = {}
        self._entry_notes: dict[tuple[str, int], str] = {}  # what typing there made us say
        self._cell_comments: dict[tuple[str, int], list] = {}  # open 审核意见 per cell
        document.indicatorChanged.connect(self._indicator_changed)
        document.indicatorAdded.connect(self._indicator_added)
        document.indicatorRemoved.connect(self._indicator_removed)
        document.indicatorMoved.connect(self._indicator_moved)
        document.projectRemoved.connect(self._project_removed)
        document.projectChanged.connect(self._project_changed)
        document.treeChanged.connect(self._tree_changed)
        document.commentsChanged.connect(self._comments_changed)
        if checker is not None:
            checker.findingsChanged.connect(self._findings_changed)

    # --- the project shown ------------------------------------------------------------------

    def set_project(self, uuid: str | None) -> None:
        self.beginResetModel()
        if self.project_uuid is not None:
            self.document.unpin(self.project_uuid)
        self.project_uuid = uuid
        self._entry_notes.clear()
        project = self.document.project(uuid) if uuid is not None else None
        if project is not None:
            self.document.pin(uuid)
        self.columns = grid_columns(project.kind if project is not None else "")
        self._rows = list(project.indicators) if project is not None else []
        self._index_findings()
        self._index_comments()
        self.endResetModel()

    def indicator(self, row: int) -> Indicator:
        return self._rows[row]

    def row_of(self, uuid: str) -> int:
        for row, indicator in enumerate(self._rows):
            if indicator.uuid == uuid:
                return row
        return -1

    def uuids(self) -> list[str]:
        return [i.uuid for i in self._rows]

    def field_of(self, column: int) -> str:
        """The field the column edits (``value`` is the 指标值 cell as a whole)."""
        return self.columns[column]

    def column_of(self, field: str) -> int:
        """The column that shows ``field`` (a part of the target: 值; a field the grid has no
        column for: 三级指标); where a finding or a comment about it is marked."""
        return grid_cell_of(field, self.columns)

    @property
    def grades(self) -> tuple[str, ...]:
        return grades_of(self.document.settings())

    @property
    def profile(self) -> str:
        return self.document.profile

    # --- QAbstractTableModel ----------------------------------------------------------------

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal:
            if not 0 <= section < len(self.columns):
                return None
            if role == Qt.ItemDataRole.DisplayRole:
                return grid_header(self.columns[section])
            if role == Qt.ItemDataRole.ToolTipRole:
                return indicator_field(self.columns[section])
            return None
        if role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self._rows):
            return str(section + 1)
        return None

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self.document.read_only:
            return _READ_ONLY
        column = index.column()
        if (column == COMPARATOR or column == UNIT) and \
                self._rows[index.row()].nature == QUALITATIVE:
            return _READ_ONLY  # a grade has no comparator or unit
        return _EDITABLE

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        # Called for every role of every visible cell on each repaint: unasked roles leave
        # at once.
        role = int(role)
        if role not in _HANDLED_ROLES or not index.isValid():
            return None
        row, column = index.row(), index.column()
        indicator = self._rows[row]
        if role == _DISPLAY or role == _EDIT:
            return self._text(indicator, column)
        if role == _BACKGROUND:
            found = self._cell_findings.get((indicator.uuid, column))
            return TINTS[Severity.of(found[0])] if found else None
        if role == _ALIGNMENT:
            if column == NATURE or column == COMPARATOR:
                return _CENTRE
            if column == VALUE and indicator.target is not None and not indicator.value_text:
                return _RIGHT
            if self.columns[column] in _NUMBERS:
                return _RIGHT
            return None
        if role == _FOREGROUND:
            if (column == COMPARATOR or column == UNIT) and indicator.nature == QUALITATIVE:
                return MUTED
            return None
        if role == _TOOLTIP:
            return self._tooltip(indicator, column)
        if role == UuidRole:
            return indicator.uuid
        if role == FieldRole:
            return self.columns[column]
        if role == IndicatorRole:
            return indicator
        if role == FindingsRole:
            return self._cell_findings.get((indicator.uuid, column), [])
        if role == CommentsRole:
            return self._cell_comments.get((indicator.uuid, column), [])
        if role == SeverityRole:
            found = self._cell_findings.get((indicator.uuid, column))
            return Severity.of(found[0]) if found else ""
        return None

    def marks(self) -> list[tuple[int, int, str]]:
        """(row, column, severity) of every cell with a finding, for the grid to outline."""
        rows = {indicator.uuid: row for row, indicator in enumerate(self._rows)}
        return [(rows[uuid], column, Severity.of(found[0]))
                for (uuid, column), found in self._cell_findings.items() if uuid in rows]

    def commented(self) -> list[tuple[int, int]]:
        """(row, column) of every cell with an open 审核意见, for the grid to mark."""
        rows = {indicator.uuid: row for row, indicator in enumerate(self._rows)}
        return [(rows[uuid], column) for (uuid, column) in self._cell_comments if uuid in rows]

    def _index_comments(self) -> None:
        self._cell_comments = {}
        if self.project_uuid is None:
            return
        for comment in self.document.comments(self.project_uuid):
            if comment.status != "open" or not comment.indicator_uuid:
                continue
            column = self.column_of(comment.field)
            self._cell_comments.setdefault((comment.indicator_uuid, column), []).append(comment)

    def _comments_changed(self) -> None:
        before = set(self._cell_comments)
        self._index_comments()
        rows = {indicator.uuid: row for row, indicator in enumerate(self._rows)}
        for uuid, column in before | set(self._cell_comments):
            if uuid in rows:
                index = self.index(rows[uuid], column)
                self.dataChanged.emit(index, index, [Qt.ItemDataRole.ToolTipRole, CommentsRole])

    def _text(self, indicator: Indicator, column: int) -> str:
        if column == VALUE:
            return value_edit_text(indicator)
        field = self.columns[column]
        if column in (COMPARATOR, UNIT) and indicator.nature == QUALITATIVE:
            return getattr(indicator, field) or "—"
        if field in _NUMBERS:
            number = getattr(indicator, field)
            return "" if number is None else values.format_number(number)
        return getattr(indicator, field) or ""

    def _tooltip(self, indicator: Indicator, column: int) -> str:
        lines = []
        noted = self._entry_notes.get((indicator.uuid, column))
        if noted:
            lines.append(noted)
        for finding in self._cell_findings.get((indicator.uuid, column), []):
            lines.append(finding_text(finding))
        for comment in self._cell_comments.get((indicator.uuid, column), []):
            lines.append(_t("审核意见：%1（%2）").replace("%1", comment.text).replace(
                "%2", comment.author))
        if self.columns[column] in _LONG_TEXT:
            text = self._text(indicator, column)
            if len(text) > 12:
                lines.insert(0, text)
        if column == VALUE and indicator.target is not None:
            lines.insert(0, _t("指标值：%1").replace("%1", indicator.value_display()))
        if column == LEVEL1 and indicator.level1_source and \
                indicator.level1_source != indicator.level1:
            lines.append(_t("导入时写作：%1").replace("%1", indicator.level1_source))
        if column == NAME and indicator.source_text:
            lines.append(_t("导入原文：%1").replace("%1", indicator.source_text))
            if indicator.source_ref:
                lines.append(_t("来源：%1").replace("%1", indicator.source_ref))
        return "\n\n".join(lines) or None

    def setData(self, index: QModelIndex, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or self.project_uuid is None:
            return False
        indicator = self.indicator(index.row())
        column = index.column()
        typed = self.typed_changes(indicator, column, value)
        if not typed.fields:
            self.drop_preview()  # a preview may have shown what was not committed
            self._note(indicator.uuid, column, typed.notes)
            return False
        label = indicator_field(self.columns[column])
        done = self.document.push(commands.EditIndicator(
            self.document, self.project_uuid, indicator.uuid, typed.fields,
            text=_t("修改“%1”").replace("%1", label)))
        if done:
            self._note(indicator.uuid, column, typed.notes)
        return done

    def typed_changes(self, indicator: Indicator, column: int, text: Any) -> entry.Reading:
        """What typing ``text`` into ``column`` of ``indicator`` would change, and the notes."""
        return entry.typed_indicator_changes(indicator, self.columns[column], text,
                                             profile=self.profile, grades=self.grades)

    def _note(self, uuid: str, column: int, notes: list[entry.CellNote]) -> None:
        if not notes:
            return
        text = "\n".join(str(n.message) for n in notes)
        self._entry_notes[(uuid, column)] = text
        row = self.row_of(uuid)
        if row >= 0:
            index = self.index(row, column)
            self.dataChanged.emit(index, index, [Qt.ItemDataRole.ToolTipRole])
        self.entryNoted.emit(uuid, column, text)

    # --- findings ---------------------------------------------------------------------------

    def drop_preview(self) -> None:
        """An edit was abandoned: show the findings of what is stored again."""
        if self.checker is not None and self.project_uuid is not None:
            self.checker.recheck(self.project_uuid)

    def _index_findings(self) -> None:
        self._cell_findings = {}
        if self.checker is None or self.project_uuid is None:
            return
        for finding in self.checker.findings(self.project_uuid):
            if finding.indicator_uuid is None:
                continue
            column = self.column_of(finding.field)
            self._cell_findings.setdefault((finding.indicator_uuid, column), []).append(finding)
        for found in self._cell_findings.values():
            found.sort(key=rank)

    def _findings_changed(self, uuids: list) -> None:
        if self.project_uuid not in uuids or not self._rows:
            return
        before = self._mark_levels()
        self._index_findings()
        after = self._mark_levels()
        # only the cells whose mark changed are repainted (this runs on every keystroke)
        rows = {indicator.uuid: row for row, indicator in enumerate(self._rows)}
        for uuid, column in set(before) ^ set(after) | {
                key for key in set(before) & set(after) if before[key] != after[key]}:
            if uuid in rows:
                index = self.index(rows[uuid], column)
                self.dataChanged.emit(index, index, _MARK_ROLES)

    def _mark_levels(self) -> dict[tuple[str, int], str]:
        return {key: Severity.of(found[0]) for key, found in self._cell_findings.items()}

    # --- following the document -------------------------------------------------------------

    def _indicator_changed(self, project_uuid: str, uuid: str, _fields: list) -> None:
        if project_uuid != self.project_uuid:
            return
        for key in [k for k in self._entry_notes if k[0] == uuid]:
            del self._entry_notes[key]  # said about the text before this change
        row = self.row_of(uuid)
        if row >= 0:
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.columns) - 1))

    def _indicator_added(self, project_uuid: str, position: int) -> None:
        if project_uuid != self.project_uuid:
            return
        indicator = self.document.project(project_uuid).indicators[position]
        self.beginInsertRows(QModelIndex(), position, position)
        self._rows.insert(position, indicator)
        self.endInsertRows()
        self._renumber(position)

    def _indicator_removed(self, project_uuid: str, position: int) -> None:
        if project_uuid != self.project_uuid or position >= len(self._rows):
            return
        self.beginRemoveRows(QModelIndex(), position, position)
        del self._rows[position]
        self.endRemoveRows()
        self._renumber(position)

    def _indicator_moved(self, project_uuid: str, old: int, new: int) -> None:
        if project_uuid != self.project_uuid or old == new:
            return
        destination = new + 1 if new > old else new
        self.beginMoveRows(QModelIndex(), old, old, QModelIndex(), destination)
        self._rows.insert(new, self._rows.pop(old))
        self.endMoveRows()
        self._renumber(min(old, new))

    def _renumber(self, first: int) -> None:
        if first < len(self._rows):
            self.headerDataChanged.emit(Qt.Orientation.Vertical, first, len(self._rows) - 1)

    def _project_removed(self, uuid: str) -> None:
        if uuid == self.project_uuid:
            self.set_project(None)

    def _project_changed(self, uuid: str, fields: list) -> None:
        if uuid == self.project_uuid and "kind" in fields:
            self.set_project(uuid)  # a 自评表's grid has other columns

    def _tree_changed(self) -> None:
        if self.project_uuid is None:
            return
        try:
            self.document.project(self.project_uuid)
        except NotFoundError:  # the project went away with its unit or an undone import
            self.set_project(None)
            return
        self.set_project(self.project_uuid)  # the document reloaded its projects


def finding_text(finding: Any) -> str:
    """A finding as one tooltip paragraph: severity, message (what and how to fix), fix."""
    text = f"{Severity.of(finding).label}（{finding.rule}）：{finding.message}"
    if finding.fix is not None:
        text += "\n" + _t("可自动修正：%1").replace("%1", str(finding.fix.label))
    return text

