"""The small dialogs: new dataset, new budget unit, dataset properties, settings, guide.

Each composes its generated form (``ui/<name>.ui``), validates what is typed before OK is
allowed, and hands back plain values; the caller turns them into a Dataset call or an undoable
command.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from perfdesk.services import placement
from perfdesk.gui.dialogs import prompts
from perfdesk.gui.forms.ui_dataset_properties_dialog import Ui_DatasetPropertiesDialog
from perfdesk.gui.forms.ui_new_dataset_dialog import Ui_NewDatasetDialog
from perfdesk.gui.forms.ui_new_unit_dialog import Ui_NewUnitDialog
from perfdesk.gui.forms.ui_settings_dialog import Ui_SettingsDialog
from perfdesk.gui.translate import _t
from perfdesk.gui.widgets.spin_boxes import select_on_focus
from perfdesk.core.i18n import ZH, language
from perfdesk.core.paths import documents_dir
from perfdesk.core.taxonomy import PROFILE_TITLES, PROFILES

_UNSAFE_FILE_CHARS = re.compile(r'[\\/:*?"<>|\r\n\t]')



PROFILE_NOTES = {
    "88": QT_TRANSLATE_NOOP("Dialogs", "成本指标是产出指标下的二级指标。许多地区仍在使用。"),
    "101": QT_TRANSLATE_NOOP("Dialogs", "成本指标单列为一级指标，下设经济、社会、生态环境成本指标。"),
}


def profile_title(profile: str) -> str:
    zh, en = PROFILE_TITLES[profile]
    return zh if language() == ZH else en


def profile_explanation(profile: str) -> str:
    """What a profile means, with its level-1 categories, in the clerk's language."""
    separator = "、" if language() == ZH else ", "
    return (_t("一级指标：%1。").replace("%1", separator.join(PROFILES[profile]))
            + QCoreApplication.translate("Dialogs", PROFILE_NOTES[profile]))


def _fill_profiles(combo) -> None:
    for profile in PROFILES:
        combo.addItem(profile_title(profile), profile)


def _set_ok(buttons: QDialogButtonBox, enabled: bool) -> None:
    buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(enabled)


def _show_error(label, text: str) -> None:
    label.setText(text)
    label.setStyleSheet("color: #d32f2f")
    label.setVisible(bool(text))


@dataclass(frozen=True)
class NewDataset:
    path: Path
    year: int
    profile: str
    department: str
    unit: str


class NewDatasetDialog(QDialog):
    """新建数据文件: 预算年度, 指标体系 (explained), 主管部门, 预算单位, where to save it.

    Never on a USB stick or a network share: a dataset is written at every edit, and one
    pulled out or cut off mid-write is damaged (the reason datasets opened from there are
    copied to this computer first, see :mod:`perfdesk.services.placement`).
    """

    def __init__(self, parent: QWidget | None = None, folder: Path | None = None, *,
                 for_import: bool = False) -> None:
        super().__init__(parent)
        self.ui = Ui_NewDatasetDialog()
        self.ui.setupUi(self)
        ui = self.ui
        if for_import:  # from the start screen's 导入已有表格: say why this comes first
            self.setWindowTitle(self.tr("新建数据文件（导入前）"))
            why = QLabel(self.tr("导入的表格要放进一个数据文件，之后的每处修改都保存在其中。"
                                 "请先在这里新建一个，然后再选择要导入的表格。"), self)
            why.setObjectName("importExplanation")
            why.setWordWrap(True)
            self.layout().insertWidget(0, why)
        _fill_profiles(ui.profileCombo)
        ui.yearSpin.setValue(date.today().year + 1)  # budgets are prepared for next year
        select_on_focus(ui.yearSpin)
        ui.folderEdit.setText(str(folder or documents_dir()))
        self._name_edited = False
        self._risky: tuple[str, bool] = ("", False)  # (folder, on a stick or a share)
        ui.profileCombo.currentIndexChanged.connect(self._profile_changed)
        ui.yearSpin.valueChanged.connect(self._suggest_name)
        ui.unitEdit.textEdited.connect(self._suggest_name)
        ui.departmentEdit.textEdited.connect(self._suggest_name)
        ui.fileNameEdit.textEdited.connect(self._name_typed)
        ui.browseButton.clicked.connect(self._browse)
        for edit in (ui.departmentEdit, ui.unitEdit, ui.fileNameEdit, ui.folderEdit):
            edit.textChanged.connect(self._validate)
        ui.buttonBox.accepted.connect(self.accept)
        ui.buttonBox.rejected.connect(self.reject)
        self._profile_changed()
        self._suggest_name()
        self._validate()

    def _profile_changed(self, *_args) -> None:
        self.ui.profileExplanation.setText(profile_explanation(self.ui.profileCombo.currentData()))

    def _name_typed(self, _text: str) -> None:
        self._name_edited = True

    def _suggest_name(self, *_args) -> None:
        if self._name_edited:
            return
        who = self.ui.unitEdit.text().strip() or self.ui.departmentEdit.text().strip()
        name = _t("%1年绩效目标").replace("%1", str(self.ui.yearSpin.value()))
        if who:
            name += f"-{who}"
        self.ui.fileNameEdit.setText(_UNSAFE_FILE_CHARS.sub("", name))

    def _browse(self) -> None:
        chosen = prompts.choose_folder(self, _t("选择保存位置"), Path(self.ui.folderEdit.text()))
        if chosen is not None:
            self.ui.folderEdit.setText(str(chosen))

    def result_path(self) -> Path:
        name = self.ui.fileNameEdit.text().strip()
        if not name.endswith(placement.EXTENSION):
            name += placement.EXTENSION
        return Path(self.ui.folderEdit.text().strip()) / name

    def _validate(self, *_args) -> None:
        ui = self.ui
        problem = ""
        name = ui.fileNameEdit.text().strip()
        if ui.unitEdit.text().strip() and not ui.departmentEdit.text().strip():
            problem = _t("填写预算单位时也需要填写主管部门。")
        elif not name:
            problem = _t("请填写文件名。")
        elif _UNSAFE_FILE_CHARS.search(name):
            problem = _t("文件名不能包含 \\ / : * ? \" < > | 等字符。")
        elif not ui.folderEdit.text().strip():
            problem = _t("请选择保存位置。")
        elif self._on_removable_or_network(ui.folderEdit.text().strip()):
            problem = _t("这个位置在 U 盘或网络共享上，数据文件请保存在本机（例如“文档/PerfDesk”）。"
                         "需要带走或报送时，请导出 Excel 或 PDF 文件。")
        elif self.result_path().exists():
            problem = _t("该位置已有同名文件，请换一个文件名。")
        _show_error(ui.errorLabel, problem)
        _set_ok(ui.buttonBox, not problem)

    def _on_removable_or_network(self, folder: str) -> bool:
        if self._risky[0] != folder:  # asked again only when the folder changes
            self._risky = (folder, placement.risky_location(folder) is not None)
        return self._risky[1]

    def values(self) -> NewDataset:
        ui = self.ui
        return NewDataset(self.result_path(), ui.yearSpin.value(), ui.profileCombo.currentData(),
                          ui.departmentEdit.text().strip(), ui.unitEdit.text().strip())


class NewUnitDialog(QDialog):
    """新建预算单位 under an existing or a new 主管部门."""

    def __init__(self, departments: list[str], current: str = "",
                 parent: QWidget | None = None, units: dict[str, set[str]] | None = None
                 ) -> None:
        super().__init__(parent)
        self.ui = Ui_NewUnitDialog()
        self.ui.setupUi(self)
        self._units = units or {}
        ui = self.ui
        ui.departmentCombo.addItems(departments)
        if current:
            ui.departmentCombo.setCurrentText(current)
        ui.departmentCombo.editTextChanged.connect(self._validate)
        ui.unitEdit.textChanged.connect(self._validate)
        ui.buttonBox.accepted.connect(self.accept)
        ui.buttonBox.rejected.connect(self.reject)
        ui.unitEdit.setFocus()
        self._validate()

    def _validate(self, *_args) -> None:
        department = self.ui.departmentCombo.currentText().strip()
        unit = self.ui.unitEdit.text().strip()
        # an empty field only keeps OK disabled; a name that is taken is said at once
        taken = unit in self._units.get(department, set())
        _show_error(self.ui.errorLabel, _t("该主管部门下已有同名的预算单位。") if taken else "")
        _set_ok(self.ui.buttonBox, bool(department and unit) and not taken)

    def values(self) -> tuple[str, str, str]:
        return (self.ui.departmentCombo.currentText().strip(), self.ui.unitEdit.text().strip(),
                self.ui.codeEdit.text().strip())


class DatasetPropertiesDialog(QDialog):
    """数据文件属性: title, 预算年度, profile and the 定性 grade list."""

    def __init__(self, path: Path, title: str, year: int, profile: str,
                 grades: tuple[str, ...], parent: QWidget | None = None,
                 read_only: bool = False) -> None:
        super().__init__(parent)
        self.ui = Ui_DatasetPropertiesDialog()
        self.ui.setupUi(self)
        ui = self.ui
        ui.pathValue.setText(str(path))
        ui.titleEdit.setText(title)
        ui.yearSpin.setValue(year)
        select_on_focus(ui.yearSpin)
        _fill_profiles(ui.profileCombo)
        ui.profileCombo.setCurrentIndex(ui.profileCombo.findData(profile))
        ui.gradesEdit.setPlainText("\n".join(grades))
        ui.profileCombo.currentIndexChanged.connect(self._profile_changed)
        ui.gradesEdit.textChanged.connect(self._validate)
        ui.buttonBox.accepted.connect(self.accept)
        ui.buttonBox.rejected.connect(self.reject)
        self._original_profile = profile
        self._profile_changed()
        for widget in (ui.titleEdit, ui.yearSpin, ui.profileCombo, ui.gradesEdit):
            widget.setEnabled(not read_only)
        self._validate()

    def _profile_changed(self, *_args) -> None:
        profile = self.ui.profileCombo.currentData()
        text = profile_explanation(profile)
        if profile != self._original_profile:
            text += _t("更换指标体系后，所有项目会按新体系重新检查；已填的一级/二级指标不会被改动。")
        self.ui.profileExplanation.setText(text)

    def grades(self) -> tuple[str, ...]:
        lines = [line.strip() for line in self.ui.gradesEdit.toPlainText().splitlines()]
        return tuple(dict.fromkeys(line for line in lines if line))

    def _validate(self, *_args) -> None:
        problem = "" if self.grades() else _t("至少需要一个定性等级。")
        _show_error(self.ui.errorLabel, problem)
        _set_ok(self.ui.buttonBox, not problem)

    def values(self) -> tuple[str, int, str, tuple[str, ...]]:
        ui = self.ui
        return (ui.titleEdit.text().strip(), ui.yearSpin.value(), ui.profileCombo.currentData(),
                self.grades())


class SettingsDialog(QDialog):
    """设置: interface language (after a restart), 填报人 and 联系电话 for exports."""

    LANGUAGES = (("zh_CN", "中文（简体）"), ("en", "English"))

    def __init__(self, language_code: str, filled_by: str, phone: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_SettingsDialog()
        self.ui.setupUi(self)
        ui = self.ui
        for code, name in self.LANGUAGES:
            ui.languageCombo.addItem(name, code)
        ui.languageCombo.setCurrentIndex(max(0, ui.languageCombo.findData(language_code)))
        ui.filledByEdit.setText(filled_by)
        ui.phoneEdit.setText(phone)
        ui.buttonBox.accepted.connect(self.accept)
        ui.buttonBox.rejected.connect(self.reject)

    def values(self) -> tuple[str, str, str]:
        ui = self.ui
        return (ui.languageCombo.currentData(), ui.filledByEdit.text().strip(),
                ui.phoneEdit.text().strip())


class GuideDialog(QDialog):
    """使用说明: how to work with PerfDesk, in a few paragraphs."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_t("使用说明"))
        layout = QVBoxLayout(self)
        browser = QTextBrowser(self)
        browser.setOpenExternalLinks(False)
        browser.setHtml(guide_html())
        layout.addWidget(browser)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(640, 520)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)


def guide_html() -> str:
    return _t(
        "<h3>PerfDesk 怎么用</h3>"
        "<p><b>1. 建立数据文件。</b>每个预算年度一个数据文件（文件 → 新建数据文件），默认保存在"
        "“文档/PerfDesk”中。已有的绩效目标表可以用“导入已有表格”读进来。</p>"
        "<p><b>2. 填写项目。</b>左侧是 主管部门 → 预算单位 → 项目。按 Ctrl+N 新建项目，在右侧"
        "表单中填写项目名称、属性、项目期、资金和年度目标。资金只接受最多两位小数的金额，"
        "年度资金总额会随财政拨款和其他资金自动合计。</p>"
        "<p><b>3. 填写指标。</b>按 Ctrl+I 新建一行指标。一级、二级指标从下拉列表中选择；三级指标"
        "输入关键字即可从常用指标库中选择。指标值可以直接输入“≥95%”或“不低于95%”，程序会自动"
        "拆分为计算符号、数值和计量单位。Enter 确认并移到下一格，Alt+↑/↓ 调整顺序。</p>"
        "<p><b>4. 看检查结果。</b>每次修改后立即检查。有问题的字段带红色（错误）或橙色（警告）"
        "边框，鼠标停留可看到问题和改法；右侧“检查结果”列出全部问题，双击或按 F8 跳到字段，"
        "可自动修正的问题点一下修正按钮即可（可撤销）。</p>"
        "<p><b>5. 不会丢失。</b>每处修改立即保存到数据文件，没有“保存”按钮；Ctrl+Z 撤销，"
        "Ctrl+Y 重做。U 盘或网络共享上的数据文件会先复制到本机再打开。</p>"
        "<p><b>6. 导出和打印。</b>导出菜单可以生成公开格式的绩效目标表和每个项目一页的申报表"
        "（Excel），以及用于签字盖章的 PDF。</p>")
