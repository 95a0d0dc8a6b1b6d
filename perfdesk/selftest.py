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

    from perfdesk.paths import is_frozen, resources_dir

    ctx.log(f"PerfDesk {__version__}, Python {sys.version.split()[0]}, {platform.platform()}")
    ctx.log(f"frozen={is_frozen()} executable={sys.executable}")
    ctx.log(f"resources={resources_dir()}")
    ctx.expect(resources_dir().is_dir(), f"resources folder missing: {resources_dir()}")


def step_create_dataset(ctx: Context) -> None:
    """Create a dataset in a folder whose path holds Chinese characters."""
    from perfdesk.dataset import Dataset

    path = ctx.folder / "自检数据.perfdesk"
    with Dataset.create(path, year=2025, profile="88", department="自检主管部门",
                        unit="自检预算单位") as ds:
        counts = ds.counts()
    ctx.expect(counts.departments == 1 and counts.units == 1, f"unexpected counts {counts}")
    ctx.state["dataset"] = path


def step_migrate(ctx: Context) -> None:
    """Create a file at schema version 1 and let opening it upgrade it, with a backup."""
    from perfdesk.dataset import Dataset
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
    from perfdesk.dataset import Dataset
    from perfdesk.model import Indicator, Project

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
    from perfdesk.checks import CheckContext, Severity, apply_fix, check_project
    from perfdesk.dataset import Dataset
    from perfdesk.model import Indicator

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
        context = CheckContext.from_dataset(ds)
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
    from perfdesk.dataset import Dataset
    from perfdesk.io import import_files
    from perfdesk.paths import resource

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
    from perfdesk.dataset import Dataset
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


STEPS: list[Callable[[Context], None]] = [
    step_environment,
    step_create_dataset,
    step_migrate,
    step_write_read,
    step_check,
    step_import_sample,
    step_export_layouts,
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
    from perfdesk.paths import executable_dir, is_frozen

    if not is_frozen():
        return
    try:
        shutil.copyfile(ctx.log_file, executable_dir() / "selftest.log")
    except OSError:
        pass
