"""The self-test: proves, on the machine at hand, that PerfDesk can do its job end to end.

Run as ``perfdesk self-test`` or ``PerfDesk --self-test`` (the frozen build). It works in a new
temporary folder whose name holds Chinese characters (normal on clerks' PCs), writes
``selftest.log`` beside the dataset it creates, and exits 0 only if every step passed. A failing
step is named on stderr and in the log, and the folder is kept for inspection.

Each step is a function taking the :class:`Context`; :data:`STEPS` lists them in order.
"""

from __future__ import annotations

import shutil
import sqlite3
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from perfdesk import __version__


class SelfTestFailure(Exception):
    """A step found something wrong."""


@dataclass
class Context:
    folder: Path
    log_file: Path
    screenshot: str | None = None
    state: dict = field(default_factory=dict)

    def log(self, message: str) -> None:
        with open(self.log_file, "a", encoding="utf-8") as fh:
            fh.write(f"{time.strftime('%H:%M:%S')} {message}\n")

    def expect(self, condition: bool, message: str) -> None:
        if not condition:
            raise SelfTestFailure(message)


def step_environment(ctx: Context) -> None:
    """Record where and what is running."""
    import platform

    from perfdesk.core.paths import is_frozen, resources_dir

    ctx.log(f"PerfDesk {__version__}, Python {sys.version.split()[0]}, {platform.platform()}")
    ctx.log(f"frozen={is_frozen()} executable={sys.executable}")
    ctx.log(f"resources={resources_dir()}")
    ctx.expect(resources_dir().is_dir(), f"resources folder missing: {resources_dir()}")


def step_bundle(ctx: Context) -> None:
    """Everything the app loads at run time is found: Excel template, sample table, fonts,
    indicator library, the compiled Designer forms and resources, PerfDesk's English and Qt's
    Chinese translations, and (frozen on Windows) Qt's Windows platform plugin."""
    import importlib
    import pkgutil

    from perfdesk.core.paths import is_frozen, resource

    for parts in (("templates", "detail_template.xlsx"),
                  ("templates", "self_evaluation_template.xlsx"),
                  ("templates", "department_template.xlsx"),
                  ("samples", "000_05425078e2155506.txt"),
                  ("fonts", "PerfDeskSerifSC-Regular.otf"),
                  ("indicator_library.json",)):
        path = resource(*parts)
        ctx.expect(path.is_file() and path.stat().st_size > 0, f"missing resource {path}")
    import perfdesk.gui.forms as forms

    names = [m.name for m in pkgutil.iter_modules(forms.__path__) if m.name.startswith("ui_")]
    ctx.expect(len(names) >= 5, f"only {len(names)} compiled Designer forms found")
    for name in names:
        importlib.import_module(f"perfdesk.gui.forms.{name}")
    from PySide6.QtCore import QFile, QLibraryInfo, QTranslator

    import perfdesk.gui.resources_rc  # noqa: F401  (registers the compiled resources)

    for path in (":/translations/perfdesk_en.qm", ":/icons/perfdesk.svg"):
        ctx.expect(QFile.exists(path), f"compiled resource {path} missing")
    ctx.expect(QTranslator().load(":/translations/perfdesk_en.qm"),
               "PerfDesk's English translation does not load")
    qt_translations = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    ctx.expect(QTranslator().load("qtbase_zh_CN", qt_translations),
               f"Qt's own Chinese translation (qtbase_zh_CN.qm) not found in {qt_translations}")
    if is_frozen() and sys.platform == "win32":
        plugins = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath))
        ctx.expect((plugins / "platforms" / "qwindows.dll").is_file(),
                   f"Qt's Windows platform plugin is missing from {plugins}")
    ctx.log(f"bundle: {len(names)} forms, translations in {qt_translations}")


def step_safe_xml(ctx: Context) -> None:
    """defusedxml is active: a workbook carrying an XML entity bomb is refused."""
    import zipfile

    from perfdesk.core.errors import PerfDeskError
    from perfdesk.io import read_table
    from perfdesk.io.safety import require_defused_xml

    require_defused_xml()
    bomb = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
            + "".join(f'<!ENTITY lol{i} "{("&lol%s;" % (i - 1 if i > 1 else "")) * 10}">'
                      for i in range(1, 9))
            + ']><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            '<sheets><sheet name="&lol8;" sheetId="1" r:id="rId1" xmlns:r="http://schemas.'
            'openxmlformats.org/officeDocument/2006/relationships"/></sheets></workbook>')
    from openpyxl import Workbook

    good = ctx.folder / "正常.xlsx"
    Workbook().save(good)
    path = ctx.folder / "炸弹.xlsx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(path, "w") as dst:
        for item in src.infolist():
            dst.writestr(item, bomb if item.filename == "xl/workbook.xml" else src.read(item))
    try:
        read_table(path)
    except PerfDeskError as exc:
        ctx.expect("XML" in str(exc), f"the XML bomb was refused for another reason: {exc}")
        ctx.log(f"XML bomb refused: {exc}")
    else:
        raise SelfTestFailure("a workbook with an XML entity bomb was read")


def step_create_dataset(ctx: Context) -> None:
    """Create a dataset in a folder whose path holds Chinese characters."""
    from perfdesk.services.dataset import Dataset

    path = ctx.folder / "自检数据.perfdesk"
    with Dataset.create(path, year=2025, profile="88", department="自检主管部门",
                        unit="自检预算单位") as ds:
        counts = ds.counts()
    ctx.expect(counts.departments == 1 and counts.units == 1, f"unexpected counts {counts}")
    ctx.state["dataset"] = path


def step_migrate(ctx: Context) -> None:
    """Create a file at schema version 1 and let opening it upgrade it, with a backup."""
    from perfdesk.services.dataset import Dataset
    from perfdesk.storage.datasetfile import APPLICATION_ID
    from perfdesk.storage.migrations import SCHEMA_VERSION, migrate

    old = ctx.folder / "旧版数据.perfdesk"
    conn = sqlite3.connect(old, isolation_level=None)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute("PRAGMA foreign_keys = OFF")
    migrate(conn, 0, 1)
    conn.execute("INSERT INTO dataset_info VALUES (1, 'u', '旧数据', 2024, '88', "
                 "'2024-01-01T00:00:00+00:00', '', '0.0.1', '{}')")
    conn.close()
    with Dataset.open(old) as ds:
        ctx.expect(ds.info.schema_version == SCHEMA_VERSION,
                   f"schema {ds.info.schema_version} after upgrade, want {SCHEMA_VERSION}")
        ctx.expect(ds.backup is not None and ds.backup.exists(), "no backup made before upgrade")
        ctx.log(f"upgraded 1 -> {SCHEMA_VERSION}, backup {ds.backup.name}")


def step_write_read(ctx: Context) -> None:
    """Write a project with exact amounts and indicators, reopen, read it back."""
    from perfdesk.services.dataset import Dataset
    from perfdesk.core.model import Indicator, Project

    path = ctx.state["dataset"]
    project = Project(
        name="自检项目", attribute="新增项目", period_start=2025, period_end=2025,
        annual_total=Decimal("12345678.91"), annual_fiscal=Decimal("12345678.61"),
        annual_other=Decimal("0.30"), annual_goal="完成自检。",
        indicators=[Indicator(level1="产出指标", level2="数量指标", name="培训场次",
                              nature="定量", comparator="≥", target=Decimal("10"), unit="场")])
    with Dataset.open(path) as ds:
        ds.add_project(ds.units()[0].uuid, project)
    with Dataset.open(path, read_only=True) as ds:
        back = ds.load_project(project.uuid)
    ctx.expect(back.annual_total == Decimal("12345678.91"), f"amount {back.annual_total!r}")
    ctx.expect(back.annual_fiscal + back.annual_other == back.annual_total, "amounts not exact")
    ctx.expect([i.value_display() for i in back.indicators] == ["≥10场"],
               f"indicators {[i.value_display() for i in back.indicators]}")


def step_check(ctx: Context) -> None:
    """Complete the self-test project and check it: well-formed, it gives no error and no
    warning; a category written in the wrong column is found, and its fix applied."""
    from perfdesk.checks import Severity, check_project
    from perfdesk.services.checking import check_context
    from perfdesk.services.dataset import Dataset
    from perfdesk.services.fixes import apply_fix
    from perfdesk.core.model import Indicator

    def serious(findings):
        return [f"{f.rule} {f.message}" for f in findings if f.severity is not Severity.HINT]

    with Dataset.open(ctx.state["dataset"]) as ds:
        uuid = next(e.uuid for e in ds.project_list() if e.name == "自检项目")
        for ind in ds.load_project(uuid).indicators:
            ds.update_indicator(ind.uuid, basis="计划标准")
        for level1, level2, name, comparator, target, unit in (
                ("效益指标", "社会效益指标", "政策知晓率", "≥", "90", "%"),
                ("满意度指标", "服务对象满意度指标", "参训人员满意度", "≥", "90", "%"),
                ("产出指标", "成本指标", "人均培训成本", "≤", "500", "元/人")):
            ds.add_indicator(uuid, Indicator(
                level1=level1, level2=level2, name=name, nature="定量", comparator=comparator,
                target=Decimal(target), unit=unit, basis="计划标准"))
        context = check_context(ds)
        found = check_project(ds.load_project(uuid), context)
        ctx.expect(not serious(found), f"a well-formed project was flagged: {serious(found)}")
        ds.add_indicator(uuid, Indicator(
            level1="质量指标", name="自检合格率", nature="定量", comparator="≥",
            target=Decimal("95"), unit="%", basis="计划标准"))
        misplaced = [f for f in check_project(ds.load_project(uuid), context)
                     if f.rule == "CAT-02"]
        ctx.expect(len(misplaced) == 1 and misplaced[0].fix is not None,
                   "质量指标 as level 1 was not found (CAT-02)")
        apply_fix(ds, misplaced[0])
        after = check_project(ds.load_project(uuid), context)
        ctx.expect(not serious(after), f"the fix left findings: {serious(after)}")
        ctx.log(f"checked: {len(found)} hint(s) on a well-formed project; CAT-02 found and fixed")


def step_import_sample(ctx: Context) -> None:
    """Import the bundled sample table (PDF-extracted text) into the self-test dataset."""
    from perfdesk.services.dataset import Dataset
    from perfdesk.core.paths import resource
    from perfdesk.services.importing import import_files

    sample = resource("samples", "000_05425078e2155506.txt")
    with Dataset.open(ctx.state["dataset"]) as ds:
        added, notices = import_files(ds, [sample])
        counts = ds.counts()
    ctx.expect((len(added.project_uuids), added.indicators) == (22, 79),
               f"sample gave {len(added.project_uuids)} projects / {added.indicators} "
               "indicators, want 22 / 79")
    ctx.expect((len(added.department_uuids), len(added.unit_uuids)) == (1, 1),
               f"sample made {len(added.department_uuids)} departments / "
               f"{len(added.unit_uuids)} units, want 1 / 1")
    ctx.log(f"imported sample: {counts}, {len(notices)} notices")


def step_export_layouts(ctx: Context) -> None:
    """Export both official layouts into the self-test folder and read them back exactly."""
    from perfdesk.services.dataset import Dataset
    from perfdesk.io import export_detail, export_disclosure, read_table

    with Dataset.open(ctx.state["dataset"], read_only=True) as ds:
        projects = ds.load_projects()
        year = ds.info.budget_year
    for name, export in (("公开表", export_disclosure), ("申报表", export_detail)):
        path = export(projects, ctx.folder / f"自检{name}.xlsx", year=year)
        back = read_table(path)
        ctx.expect(back.restored == len(projects) and back.projects == projects,
                   f"{path.name}: {back.restored} of {len(projects)} projects came back")
        ctx.log(f"exported and read back {path.name} ({path.stat().st_size} bytes)")


def step_pdf(ctx: Context) -> None:
    """Write the PDF of the detailed form for every project, with its Chinese font embedded."""
    from perfdesk.services.dataset import Dataset
    from perfdesk.gui.application import create_application
    from perfdesk.gui.printing.detail_pdf import write_projects_pdf

    _offscreen_without_display()
    create_application()
    with Dataset.open(ctx.state["dataset"], read_only=True) as ds:
        projects = ds.load_projects()
        year = ds.info.budget_year
    path = write_projects_pdf(projects, ctx.folder / "自检申报表.pdf", year=year,
                              filled_by="自检")
    data = path.read_bytes()
    ctx.expect(data.startswith(b"%PDF-"), f"{path.name} is not a PDF")
    ctx.expect(b"/FontFile" in data, f"{path.name} embeds no font")
    ctx.log(f"PDF {path.name}: {len(data)} bytes, {data.count(b'/Type /Page') } page objects")


def _offscreen_without_display() -> None:
    import os

    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY")
                                                 or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def step_gui(ctx: Context) -> None:
    """Open the dataset in the main window (offscreen when there is no display), check that
    the tree and the form show it, and save a screenshot when one was asked for."""
    import os

    from perfdesk.services.dataset import Dataset
    from perfdesk.gui.application import create_application
    from perfdesk.gui.window.main_window import MainWindow
    from perfdesk.core.paths import is_frozen

    _offscreen_without_display()

    with Dataset.open(ctx.state["dataset"], read_only=True) as ds:
        projects = ds.counts().projects
        own = next(e.uuid for e in ds.project_list() if e.name == "自检项目")
    app = create_application()
    platform = app.platformName()
    ctx.log(f"Qt platform plugin: {platform}")
    if is_frozen() and sys.platform == "win32" and not os.environ.get("QT_QPA_PLATFORM"):
        ctx.expect(platform == "windows", f"Qt loaded the '{platform}' platform plugin, "
                   "not 'windows'")
    window = MainWindow()
    try:
        window.resize(1366, 768)
        ctx.expect(window.open_path(ctx.state["dataset"]), "the window did not open the dataset")
        shown = window.tree_model.project_count()
        ctx.expect(shown == projects, f"the tree shows {shown} projects, want {projects}")
        window.select_in_tree(own)
        name = window.ui.projectForm.ui.nameEdit.text()
        ctx.expect(name == "自检项目", f"the form shows {name!r}")
        window.checker.finish_now()
        ctx.log(f"window: {shown} projects, {window.checker.totals()} findings")
        if ctx.screenshot:
            ctx.expect(window.grab().save(ctx.screenshot), f"cannot save {ctx.screenshot}")
            ctx.log(f"screenshot {ctx.screenshot}")
    finally:
        window.close()


STEPS: list[Callable[[Context], None]] = [
    step_environment,
    step_bundle,
    step_safe_xml,
    step_create_dataset,
    step_migrate,
    step_write_read,
    step_check,
    step_import_sample,
    step_export_layouts,
    step_pdf,
    step_gui,
]


def run_self_test(*, keep: bool = False, screenshot: str | None = None) -> int:
    folder = Path(tempfile.mkdtemp(prefix="PerfDesk自检-"))
    ctx = Context(folder=folder, log_file=folder / "selftest.log", screenshot=screenshot)
    ctx.log(f"self-test in {folder}")
    started = time.perf_counter()
    for step in STEPS:
        name = step.__name__.removeprefix("step_")
        t0 = time.perf_counter()
        try:
            step(ctx)
        except Exception as exc:  # report any failure as the step's
            ctx.log(f"FAIL {name}: {exc}\n{traceback.format_exc()}")
            print(f"self-test FAILED at step '{name}': {exc}", file=sys.stderr)
            print(f"log: {ctx.log_file}", file=sys.stderr)
            _write_exe_log(ctx)
            return 1
        ctx.log(f"ok   {name} ({(time.perf_counter() - t0) * 1000:.0f} ms)")
        print(f"ok   {name}")
    ctx.log(f"all {len(STEPS)} steps passed in {time.perf_counter() - started:.1f} s")
    print(f"self-test passed ({len(STEPS)} steps); log: {ctx.log_file}")
    _write_exe_log(ctx)
    if not keep:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


def _write_exe_log(ctx: Context) -> None:
    """Frozen builds also leave a copy of the log beside the executable when they can."""
    from perfdesk.core.paths import executable_dir, is_frozen

    if not is_frozen():
        return
    try:
        shutil.copyfile(ctx.log_file, executable_dir() / "selftest.log")
    except OSError:
        pass
