"""The preview shown before an imported table is added to the dataset.

An old Excel file or a published table rarely reads cleanly: a level-2 name where level 1
belongs, 抽样 as a target, a header repeated at every page break. Before anything is
written the clerk sees what PerfDesk understood — how many departments, units, projects and
indicators, each project under its unit with its indicator count, funds and (when checks are
available) its problems — and every place where the reader had to guess (the importer's
notices), then chooses 导入 or 取消. Reading and deciding where projects go is the import
service's job; this dialog only shows its plan (an object with ``projects`` and ``notices``
with ``message`` and ``location``: :class:`perfdesk.services.importing.ImportPlan`), and the
import then adds exactly those projects.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QFormLayout,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from perfdesk.gui.forms.ui_import_dialog import Ui_ImportDialog
from perfdesk.core.severity import ERROR, WARNING, Severity, summarise
from perfdesk.gui.icons import icon
from perfdesk.gui.severity_style import COLOURS, ICON_NAMES
from perfdesk.core.values import format_money
from perfdesk.services.importing import table_owner

if TYPE_CHECKING:  # the data layer loads when a dataset opens, not at start-up
    from perfdesk.core.model import Project

DUPLICATES_LISTED = 200  # namesakes listed by name; the heading gives the whole count
EXPAND_ALL_UP_TO = 200  # projects; a bigger import opens with only the departments expanded


class _Node:
    """A department, a unit or a project in the preview tree."""

    __slots__ = ("kind", "name", "parent", "children", "row", "project", "indicators",
                 "funds", "errors", "warnings", "projects")

    def __init__(self, kind: str, name: str, parent: "_Node | None") -> None:
        self.kind = kind  # "root", "department", "unit", "project"
        self.name = name
        self.parent = parent
        self.children: list[_Node] = []
        self.row = len(parent.children) if parent is not None else 0
        self.project: Project | None = None
        self.indicators = 0
        self.funds: Decimal | None = None
        self.errors = 0
        self.warnings = 0
        self.projects = 0
        if parent is not None:
            parent.children.append(self)


class ImportTreeModel(QAbstractItemModel):
    """主管部门 → 预算单位 → 项目, with indicator counts, funds and problem counts.

    Columns: NAME, INDICATORS, FUNDS (年度资金总额, 万元), PROBLEMS (only meaningful when
    findings were given). Department and unit rows add up their projects.
    """

    NAME, INDICATORS, FUNDS, PROBLEMS = range(4)
    ProjectRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, projects: Sequence[Project],
                 findings: dict[str, list[Any]] | None = None, parent=None) -> None:
        super().__init__(parent)
        self.has_findings = findings is not None
        self.root = _Node("root", "", None)
        departments: dict[str, _Node] = {}
        units: dict[tuple[str, str], _Node] = {}
        for project in projects:
            dept = departments.get(project.department)
            if dept is None:
                dept = departments[project.department] = _Node(
                    "department", project.department, self.root)
            unit = units.get((project.department, project.unit))
            if unit is None:
                unit = units[(project.department, project.unit)] = _Node(
                    "unit", project.unit, dept)
            node = _Node("project", project.name, unit)
            node.project = project
            node.indicators = len(project.indicators)
            node.funds = project.annual_total
            node.projects = 1
            counts = summarise((findings or {}).get(project.uuid, ()))
            node.errors, node.warnings = counts.errors, counts.warnings
            for above in (unit, dept, self.root):
                above.indicators += node.indicators
                above.errors += node.errors
                above.warnings += node.warnings
                above.projects += 1
                if node.funds is not None:
                    above.funds = (above.funds or Decimal(0)) + node.funds
        self.departments = len(departments)
        self.units = len(units)

    # --- tree shape -------------------------------------------------------------------------

    def _node(self, index: QModelIndex | QPersistentModelIndex) -> _Node:
        return index.internalPointer() if index.isValid() else self.root

    def index(self, row: int, column: int,
              parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> QModelIndex:
        if parent.isValid() and parent.column() != 0:
            return QModelIndex()
        node = self._node(parent)
        if not (0 <= row < len(node.children) and 0 <= column < self.columnCount()):
            return QModelIndex()
        return self.createIndex(row, column, node.children[row])

    def parent(self, index: QModelIndex | QPersistentModelIndex = QModelIndex()
               ) -> QModelIndex:  # type: ignore[override]
        if not index.isValid():
            return QModelIndex()
        node: _Node = index.internalPointer()
        up = node.parent
        if up is None or up is self.root:
            return QModelIndex()
        return self.createIndex(up.row, 0, up)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._node(parent).children)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 4 if self.has_findings else 3

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (self.tr("主管部门 / 预算单位 / 项目"), self.tr("指标数"),
                  self.tr("年度资金（万元）"), self.tr("检查"))
        return titles[section] if 0 <= section < self.columnCount() else None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    # --- content ----------------------------------------------------------------------------

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        node: _Node = index.internalPointer()
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.NAME:
                name = node.name or self.tr("（未填写）")
                if node.kind != "project":
                    return self.tr("%1（%2 个项目）").replace("%1", name).replace(
                        "%2", str(node.projects))
                return name
            if column == self.INDICATORS:
                return str(node.indicators)
            if column == self.FUNDS:
                return format_money(node.funds)
            if column == self.PROBLEMS:
                return self.problems_text(node)
        if role == Qt.ItemDataRole.TextAlignmentRole and column != self.NAME:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == self.INDICATORS and node.kind == "project" and node.indicators == 0:
                return COLOURS[ERROR]
            if column == self.PROBLEMS and node.errors:
                return COLOURS[ERROR]
            if column == self.PROBLEMS and node.warnings:
                return COLOURS[WARNING]
        if role == Qt.ItemDataRole.ToolTipRole and node.kind == "project":
            assert node.project is not None
            ref = node.project.source_ref
            return self.tr("来源：%1").replace("%1", ref) if ref else None
        if role == self.ProjectRole:
            return node.project
        return None

    def problems_text(self, node: _Node) -> str:
        parts = []
        if node.errors:
            parts.append(self.tr("%1 错误").replace("%1", str(node.errors)))
        if node.warnings:
            parts.append(self.tr("%1 警告").replace("%1", str(node.warnings)))
        return " ".join(parts) or self.tr("无")

    @property
    def projects(self) -> int:
        return self.root.projects

    @property
    def indicators(self) -> int:
        return self.root.indicators


class NoticeTableModel(QAbstractTableModel):
    """The importer's notices: where (file, sheet, row), how much it matters (the severity's
    icon) and what it had to guess."""

    LOCATION, MESSAGE = range(2)

    def __init__(self, notices: Iterable[Any], parent=None) -> None:
        super().__init__(parent)
        self.notices = list(notices)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.notices)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else 2

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {self.LOCATION: self.tr("位置"), self.MESSAGE: self.tr("说明")}.get(section)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.notices):
            return None
        notice = self.notices[index.row()]
        if role == Qt.ItemDataRole.DecorationRole and index.column() == self.LOCATION:
            return icon(ICON_NAMES[Severity.of(notice)])
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == self.LOCATION:
            return str(Severity.of(notice).label)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if index.column() == self.LOCATION:
                return str(getattr(notice, "location", "") or "")
            if index.column() == self.MESSAGE:
                return str(notice.message)
        return None


class DuplicatesBox(QGroupBox):
    """The projects already in the dataset (or read twice) and the clerk's choice for them.

    Attributes:
        choices: the policy of each radio button (``skip``, ``replace``, ``keep``).
    """

    def __init__(self, duplicates: Sequence[Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from perfdesk.services.importing import KEEP, REPLACE, SKIP

        self.setTitle(self.tr("已有同名项目（%1 个）：请选择怎样处理").replace(
            "%1", str(len(duplicates))))
        layout = QVBoxLayout(self)
        explanation = QLabel(self.tr(
            "下列项目在数据文件中（或本次导入的另一个文件中）已有同名项目（同一主管部门、预算单位下）。"
            "选择处理方式后才能导入；导入后可以撤销。"), self)
        explanation.setWordWrap(True)
        layout.addWidget(explanation)
        self.list = QListWidget(self)
        self.list.setObjectName("duplicateList")
        for duplicate in duplicates[:DUPLICATES_LISTED]:
            self.list.addItem(self.describe(duplicate))
        if len(duplicates) > DUPLICATES_LISTED:
            self.list.addItem(self.tr("…… 另有 %1 个").replace(
                "%1", str(len(duplicates) - DUPLICATES_LISTED)))
        rows = min(len(duplicates), 5)
        self.list.setFixedHeight(self.list.sizeHintForRow(0) * rows + 2 * self.list.frameWidth()
                                 + 4)
        layout.addWidget(self.list)
        buttons = QHBoxLayout()
        self.group = QButtonGroup(self)
        self.choices: dict[QRadioButton, str] = {}
        for text, policy in ((self.tr("跳过(&S)：保留数据文件中的"), SKIP),
                             (self.tr("替换(&R)：换成表中的"), REPLACE),
                             (self.tr("都保留(&K)：另存一个"), KEEP)):
            button = QRadioButton(text, self)
            button.setObjectName(f"{policy}Choice")
            self.group.addButton(button)
            self.choices[button] = policy
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)

    def describe(self, duplicate: Any) -> str:
        project = duplicate.project
        where = project.unit or self.tr("（未填写单位）")
        if duplicate.existing_uuid:
            return self.tr("%1（%2）：数据文件中已有").replace("%1", project.name).replace(
                "%2", where)
        return self.tr("%1（%2）：与“%3”中的项目同名").replace("%1", project.name).replace(
            "%2", where).replace("%3", duplicate.earlier_file.name
                                 if duplicate.earlier_file is not None else "")

    def policy(self) -> str | None:
        """The chosen policy, or ``None`` while none is chosen."""
        checked = self.group.checkedButton()
        return self.choices.get(checked) if checked is not None else None


class UnitBox(QGroupBox):
    """Where the projects go whose table names no 主管部门/预算单位 (or a 预算单位 the dataset
    cannot place): one of the dataset's units or a new one, typed, the table's own
    department and unit offered first. 放入 places them; the preview then shows them under it."""

    def __init__(self, count: int, units: Sequence[tuple[str, str]],
                 parent: QWidget | None = None, owner: tuple[str, str] = ("", "")) -> None:
        super().__init__(self.tr("表中没有写全主管部门和预算单位"), parent)
        layout = QVBoxLayout(self)
        explanation = QLabel(self.tr(
            "%1 个项目的表格没有写全它们属于哪个单位。请选择（或输入）主管部门和预算单位"
            "（表中写了的已先填入），再点“放入”。"
        ).replace("%1", str(count)), self)
        explanation.setWordWrap(True)
        layout.addWidget(explanation)
        form = QFormLayout()
        self.department = QComboBox(self)
        self.department.setObjectName("departmentCombo")
        self.unit = QComboBox(self)
        self.unit.setObjectName("unitCombo")
        for combo in (self.department, self.unit):
            combo.setEditable(True)
            combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.units = list(units)
        for department in dict.fromkeys(d for d, _u in self.units):
            self.department.addItem(department)
        for _d, unit in self.units:
            self.unit.addItem(unit)
        form.addRow(self.tr("主管部门"), self.department)
        form.addRow(self.tr("预算单位"), self.unit)
        layout.addLayout(form)
        self.place_button = QPushButton(self.tr("放入"), self)
        self.place_button.setObjectName("placeButton")
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.place_button)
        layout.addLayout(row)
        self.unit.currentIndexChanged.connect(self._department_of_unit)
        if self.units:
            self._department_of_unit(self.unit.currentIndex())
        department, unit = owner
        if unit:  # what the table says, kept unless the clerk changes it
            self.unit.setEditText(unit)
            self.department.setEditText(department or next(
                (d for d, u in self.units if u == unit), ""))
        elif department:
            self.department.setEditText(department)

    def _department_of_unit(self, index: int) -> None:
        """Choosing one of the dataset's units brings its department."""
        if 0 <= index < len(self.units):
            self.department.setEditText(self.units[index][0])

    def chosen(self) -> tuple[str, str]:
        return self.department.currentText().strip(), self.unit.currentText().strip()


class ImportDialog(QDialog):
    """Preview of an import; ``exec()``/``open()`` it, then import on ``accepted``.

    Attributes:
        imported: the ImportResult-shaped object shown.
        tree: the projects (:class:`ImportTreeModel`).
        notices: the notices (:class:`NoticeTableModel`).
    """

    def __init__(self, result: Any, *, files: Sequence[str | Path] = (),
                 findings: dict[str, list[Any]] | None = None,
                 parent: QWidget | None = None,
                 place: Callable[[str, str], None] | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_ImportDialog()
        self.ui.setupUi(self)
        self.imported = result
        self.files = [Path(f) for f in files]
        self.findings = findings
        self.place = place
        self.tree = ImportTreeModel(result.projects, findings, self)
        self.notices = NoticeTableModel(result.notices, self)
        self.ui.projectTree.setModel(self.tree)
        self.ui.noticeTable.setModel(self.notices)
        self.layout_label = QLabel(self.layouts_text(), self)
        self.layout_label.setObjectName("layoutLabel")
        self.layout_label.setWordWrap(True)
        self.layout_label.setVisible(bool(self.layout_label.text()))
        self.ui.layout.insertWidget(self.ui.layout.indexOf(self.ui.summaryLabel) + 1,
                                    self.layout_label)
        self.unit_box: UnitBox | None = None
        if getattr(result, "unplaced", None) and place is not None:
            self.unit_box = UnitBox(len(result.unplaced), getattr(result, "units", []), self,
                                    owner=table_owner(result.unplaced))
            self.unit_box.setObjectName("unitBox")
            self.ui.layout.insertWidget(self.ui.layout.indexOf(self.layout_label) + 1,
                                        self.unit_box)
            self.unit_box.place_button.clicked.connect(self._place)

        header = self.ui.projectTree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, self.tree.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        if self.tree.projects <= EXPAND_ALL_UP_TO:
            self.ui.projectTree.expandAll()
        else:
            self.ui.projectTree.expandToDepth(0)
        self.ui.noticeTable.horizontalHeader().setSectionResizeMode(
            NoticeTableModel.LOCATION, QHeaderView.ResizeMode.ResizeToContents)
        # one line per notice (the whole text is in its tooltip), whatever their number
        self.ui.noticeTable.verticalHeader().setDefaultSectionSize(
            self.fontMetrics().height() + 8)
        self.ui.splitter.setStretchFactor(0, 3)
        self.ui.splitter.setStretchFactor(1, 2)

        self.duplicates: DuplicatesBox | None = None
        if getattr(result, "duplicates", None):
            self.duplicates = DuplicatesBox(result.duplicates, self)
            self.duplicates.setObjectName("duplicatesBox")
            self.ui.layout.insertWidget(self.ui.layout.indexOf(self.ui.buttonBox),
                                        self.duplicates)
            self.duplicates.group.buttonToggled.connect(self._update_ok)
        self.ok_button = self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        self._update_ok()
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.ui.summaryLabel.setText(self.summary(findings))
        count = len(self.notices.notices)
        if count:
            self.ui.noticesHeading.setText(self.tr(
                "读取时需要判断的地方（%1 处）：请看一下是否理解正确；原文会随指标保存，导入后也能查看。"
            ).replace("%1", str(count)))
        else:
            self.ui.noticesHeading.setText(self.tr("读取时没有需要判断的地方。"))
        self.ui.noticeTable.setVisible(bool(count))

    def policy(self) -> str | None:
        """What to do with the duplicates (``skip``, ``replace``, ``keep``); ``None`` when
        there are none or the clerk has not chosen yet."""
        return self.duplicates.policy() if self.duplicates is not None else None

    def _update_ok(self, *_args) -> None:
        """导入 names how many projects it adds (and replaces); it waits for a choice about
        the duplicates."""
        import dataclasses

        if getattr(self.imported, "unplaced", None):
            self.ok_button.setText(self.tr("请先选择项目所属的单位"))
            self.ok_button.setEnabled(False)
            return
        if self.duplicates is None:
            self.ok_button.setText(self.tr("导入 %1 个项目").replace(
                "%1", str(self.tree.projects)))
            self.ok_button.setEnabled(self.tree.projects > 0)
            return
        policy = self.policy()
        if policy is None:
            self.ok_button.setText(self.tr("请先选择同名项目的处理方式"))
            self.ok_button.setEnabled(False)
            return
        decided = dataclasses.replace(self.imported, policy=policy)  # the plan as it would be
        added, replaced = len(decided.to_add), len(decided.to_replace)
        if replaced:
            text = self.tr("导入 %1 个项目（替换 %2 个）").replace("%1", str(added)).replace(
                "%2", str(replaced))
        else:
            text = self.tr("导入 %1 个项目").replace("%1", str(added))
        self.ok_button.setText(text)
        self.ok_button.setEnabled(bool(added or replaced))

    def layouts_text(self) -> str:
        """Which layout each file was recognised as."""
        layouts = list(getattr(self.imported, "layouts", None) or [])
        if not layouts and getattr(self.imported, "layout", ""):
            layouts = [self.imported.layout]
        if not layouts:
            return ""
        names = [f.name for f in self.files] or [""] * len(layouts)
        if len(layouts) == 1:
            return self.tr("识别为：%1").replace("%1", layouts[0])
        lines = [self.tr("“%1”识别为：%2").replace("%1", name).replace("%2", layout)
                 for name, layout in zip(names, layouts)]
        return "\n".join(lines)

    def _place(self) -> None:
        """放入: the unplaced projects go to the unit chosen; the preview shows them there."""
        from perfdesk.core.errors import PerfDeskError

        assert self.unit_box is not None and self.place is not None
        department, unit = self.unit_box.chosen()
        if not department or not unit:
            self.unit_box.setTitle(self.tr("请同时填写主管部门和预算单位"))
            return
        try:
            self.place(department, unit)
        except PerfDeskError as exc:
            self.unit_box.setTitle(str(exc))
            return
        self.tree = ImportTreeModel(self.imported.projects, self.findings, self)
        self.ui.projectTree.setModel(self.tree)
        self.ui.projectTree.expandAll()
        self.notices = NoticeTableModel(self.imported.notices, self)
        self.ui.noticeTable.setModel(self.notices)
        self.ui.noticeTable.setVisible(True)
        self.ui.summaryLabel.setText(self.summary(self.findings))
        self.unit_box.hide()
        if getattr(self.imported, "duplicates", None) and self.duplicates is None:
            self.duplicates = DuplicatesBox(self.imported.duplicates, self)
            self.duplicates.setObjectName("duplicatesBox")
            self.ui.layout.insertWidget(self.ui.layout.indexOf(self.ui.buttonBox),
                                        self.duplicates)
            self.duplicates.group.buttonToggled.connect(self._update_ok)
        self._update_ok()
        self.ok_button.setFocus()

    def accept(self) -> None:
        if getattr(self.imported, "unplaced", None):
            return  # never imported before the clerk placed them
        if self.duplicates is not None and self.policy() is None:
            return  # never imported before the clerk chose
        super().accept()

    def summary(self, findings: dict[str, list[Any]] | None) -> str:
        tree = self.tree
        if tree.projects == 0:
            return self.tr("没有在文件中找到项目，没有可以导入的内容。请确认选择的是绩效目标表。")
        source = ""
        if self.files:
            names = "、".join(f"“{f.name}”" for f in self.files[:3])
            if len(self.files) > 3:
                names += self.tr(" 等 %1 个文件").replace("%1", str(len(self.files)))
            source = self.tr("从 %1 ").replace("%1", names)
        text = self.tr("%1读到 %2 个主管部门、%3 个预算单位、%4 个项目、%5 个指标。") \
            .replace("%1", source).replace("%2", str(tree.departments)) \
            .replace("%3", str(tree.units)).replace("%4", str(tree.projects)) \
            .replace("%5", str(tree.indicators))
        if findings is not None:
            if tree.root.errors or tree.root.warnings:
                text += self.tr("检查发现 %1 处错误、%2 处警告，导入后可在“检查结果”中逐条修改。") \
                    .replace("%1", str(tree.root.errors)).replace("%2", str(tree.root.warnings))
            else:
                text += self.tr("检查没有发现错误或警告。")
        return text

    def projects(self) -> list[Project]:
        """The projects the import will add (all of them, in file order)."""
        return list(self.imported.projects)
