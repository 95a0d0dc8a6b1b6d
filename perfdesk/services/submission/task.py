"""The 任务文件: what a 主管部门 sends its units so that every submission matches.

A task file is JSON (``{"format": "perfdesk.task", "version": 1, …}``) holding the budget
year, the profile, the department (name, code), the units (name, code and, per unit, a secret
for signing), the check settings (thresholds, word lists, rules switched off), and the
deadline. :func:`make_task` writes the department's file (every unit's secret: it stays at the
主管部门) and one file per unit holding only that unit's secret, which is what a unit gets.
Opening a unit's file (:func:`dataset_from_task`) gives a dataset already set up for that unit.
"""

from __future__ import annotations

import json
import re
import secrets
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from perfdesk import __version__
from perfdesk.core.errors import PerfDeskError
from perfdesk.core.model import new_uuid

FORMAT = "perfdesk.task"
VERSION = 1
DEPARTMENT_ROLE, UNIT_ROLE = "department", "unit"


@dataclass(slots=True)
class TaskUnit:
    name: str
    code: str = ""
    secret: str = ""


@dataclass(slots=True)
class Task:
    """A task as read from or written to a task file."""

    year: int
    profile: str
    department: str
    units: list[TaskUnit]
    department_code: str = ""
    deadline: str = ""
    settings: dict = field(default_factory=dict)
    task_id: str = field(default_factory=new_uuid)
    role: str = DEPARTMENT_ROLE
    created_at: str = ""

    def unit(self, name_or_code: str) -> TaskUnit | None:
        key = (name_or_code or "").strip()
        return next((u for u in self.units if key in (u.name, u.code) and key), None)

    def to_json(self) -> dict:
        return {"format": FORMAT, "version": VERSION, "role": self.role, "task_id": self.task_id,
                "year": self.year, "profile": self.profile,
                "department": {"name": self.department, "code": self.department_code},
                "units": [{"name": u.name, "code": u.code, "secret": u.secret}
                          for u in self.units],
                "settings": self.settings, "deadline": self.deadline,
                "created_at": self.created_at, "app_version": __version__}

    @classmethod
    def from_json(cls, data: dict, path: Path | None = None) -> "Task":
        bad = PerfDeskError("任务文件内容不完整或格式不对，无法使用。请向主管部门重新索取。",
                            "The task file is incomplete or malformed; ask the department "
                            "for it again.", file=path)
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise bad
        if int(data.get("version", 0)) > VERSION:
            raise PerfDeskError("任务文件由更新版本的 PerfDesk 生成，请升级 PerfDesk。",
                                "The task file was made by a newer PerfDesk; upgrade.", file=path)
        try:
            units = [TaskUnit(str(u["name"]), str(u.get("code", "")), str(u.get("secret", "")))
                     for u in data["units"]]
            return cls(year=int(data["year"]), profile=str(data["profile"]),
                       department=str(data["department"]["name"]),
                       department_code=str(data["department"].get("code", "")),
                       units=units, deadline=str(data.get("deadline", "")),
                       settings=dict(data.get("settings") or {}),
                       task_id=str(data["task_id"]), role=str(data.get("role", UNIT_ROLE)),
                       created_at=str(data.get("created_at", "")))
        except (KeyError, TypeError, ValueError) as exc:
            raise bad from exc

    def for_unit(self, unit: TaskUnit) -> "Task":
        """The task as that unit gets it: only its own entry and secret."""
        return Task(self.year, self.profile, self.department, [unit], self.department_code,
                    self.deadline, dict(self.settings), self.task_id, UNIT_ROLE, self.created_at)


def read_task(path: str | Path) -> Task:
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise PerfDeskError("找不到任务文件。", "The task file does not exist.", file=path) from exc
    except (OSError, ValueError) as exc:
        raise PerfDeskError("任务文件无法读取（不是有效的 JSON）。",
                            "The task file cannot be read (not valid JSON).", file=path) from exc
    return Task.from_json(data, path)


def _safe(name: str) -> str:
    return re.sub(r'[\\/:*?"<>|\s]+', "_", name).strip("_") or "单位"


def write_json(path: Path, data: dict, *, what: tuple[str, str] = ("任务文件", "task file")
               ) -> None:
    """Write JSON through a temporary file and a rename (never half a file); ``what`` names
    the file in the message when it fails (a task file, a return file)."""
    tmp = path.with_name(f".~{path.name}.tmp")
    try:
        tmp.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
        tmp.replace(path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise PerfDeskError(f"写入{what[0]}失败（{exc.strerror or exc}）。",
                            f"Writing the {what[1]} failed ({exc.strerror or exc}).",
                            file=path) from exc


def make_task(folder: str | Path, *, year: int, profile: str, department: str,
              units: list[tuple[str, str]], department_code: str = "", deadline: str = "",
              settings: dict | None = None) -> tuple[Path, list[Path]]:
    """Write the department's task file and one per unit into ``folder``; returns their
    paths (the department's first). Each unit gets a fresh random secret."""
    from perfdesk.services.dataset import _check_profile, _check_year

    _check_year(year)
    _check_profile(profile)
    folder = Path(folder)
    if not folder.is_dir():
        raise PerfDeskError("要保存任务文件的文件夹不存在。", "The folder does not exist.",
                            file=folder)
    names = [n.strip() for n, _c in units]
    if not department.strip() or not names or any(not n for n in names) or \
            len(set(names)) != len(names):
        raise PerfDeskError("任务需要主管部门名称和至少一个预算单位，单位名称不能为空或重复。",
                            "A task needs the department and at least one unit; unit names "
                            "must be given and distinct.")
    task = Task(year, profile, department.strip(),
                [TaskUnit(n.strip(), (c or "").strip(), secrets.token_hex(32)) for n, c in units],
                department_code, deadline, dict(settings or {}),
                created_at=datetime.now(timezone.utc).isoformat(timespec="seconds"))
    main = folder / f"{year}年绩效目标任务_{_safe(task.department)}（主管部门留存）.json"
    write_json(main, task.to_json())
    written = []
    for unit in task.units:
        path = folder / f"{year}年绩效目标任务_{_safe(unit.name)}.json"
        write_json(path, task.for_unit(unit).to_json())
        written.append(path)
    return main, written


def dataset_from_task(task_path: str | Path, dataset_path: str | Path, *, unit: str = ""):
    """A new dataset set up from a task file: a unit's dataset (its department and unit made,
    the task's year, profile and check settings) or, from the department's file, the 主管部门's
    汇总 dataset. Returns the open :class:`~perfdesk.services.dataset.Dataset`."""
    from perfdesk.services.dataset import Dataset

    task = read_task(task_path)
    if task.role == DEPARTMENT_ROLE and not unit:
        ds = Dataset.create(dataset_path, year=task.year, profile=task.profile,
                            title=f"{task.year}年{task.department}绩效目标汇总",
                            department=task.department)
        return _set_up(ds, task, DEPARTMENT_ROLE)
    if len(task.units) == 1 and not unit:
        chosen = task.units[0]
    else:
        chosen = task.unit(unit)
        if chosen is None:
            raise PerfDeskError(f"任务文件中没有预算单位“{unit}”。请指定单位名称或编码（--unit）。",
                                f"The task file has no unit '{unit}'; name it (--unit).",
                                file=Path(task_path))
    ds = Dataset.create(dataset_path, year=task.year, profile=task.profile,
                        department=task.department, unit=chosen.name)
    return _set_up(ds, task.for_unit(chosen), UNIT_ROLE, code=chosen.code)


def _set_up(ds, task: Task, kind: str, *, code: str = ""):
    """A new dataset made the task's: its unit's code, the task kept, the task's check
    settings; closed again (and the error raised) when any of it fails."""
    try:
        if code:
            ds.update_unit(ds.units()[0].uuid, code=code)
        ds.set_task(task.to_json(), kind=kind)
        if task.settings:
            ds.update_settings(task.settings)
    except BaseException:
        ds.close()
        raise
    return ds
