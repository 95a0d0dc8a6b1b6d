"""What a check needs to know beyond the project itself, prepared once.

Provinces differ, so the thresholds and word lists marked ⚙ in rules.md are dataset settings
(stored as a JSON dict in the dataset file); :func:`default_settings` gives the
catalogue's defaults and :class:`CheckContext` merges the stored values over them, validates
them, and precomputes everything the rules would otherwise redo on every keystroke (compiled
word patterns, the budget project list by unit, the sibling project names by unit, the plan of
active rules) plus small caches of label readings and parsed values.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from perfdesk.checks.catalogue import RULES
from perfdesk.checks.facts import categories
from perfdesk.checks.plan import Plan
from perfdesk.core.errors import InvalidValueError
from perfdesk.core.i18n import Text
from perfdesk.core.taxonomy import (
    DEFAULT_GRADES,
    Level1Reading,
    VAGUE_WORDS,
    check_profile,
    normalise_label,
    read_level1,
    standard_level2,
)
from perfdesk.core.values import ParseResult, name_key, parse, parse_number

if TYPE_CHECKING:  # pragma: no cover
    from perfdesk.core.model import Project


@dataclass(frozen=True, slots=True)
class Setting:
    """One ⚙ setting: its key in the dataset's JSON, kind, default and label."""

    key: str
    kind: str  # "count" (a positive whole number), "percent" (0–100), "words" (a list)
    default: Any
    label: Text
    rules: tuple[str, ...]


SETTINGS: tuple[Setting, ...] = (
    Setting("goal_max_chars", "count", 500,
            Text("年度目标最多字数", "Longest annual goal (characters)"), ("GOAL-04",)),
    Setting("min_indicators", "count", 3,
            Text("每个项目至少的指标数", "Fewest indicators per project"), ("REQ-05",)),
    Setting("sentence_max_chars", "count", 30,
            Text("指标值最多字数（超过视为一句话）", "Longest target value (characters)"),
            ("VAL-12",)),
    Setting("satisfaction_min", "percent", 80,
            Text("满意度目标下限（%）", "Lowest usual satisfaction target (%)"), ("SAT-03",)),
    Setting("vague_words", "words",
            list(VAGUE_WORDS),
            Text("含糊用语（指标值中出现即提醒）", "Vague words in target values"), ("VAL-07",)),
    Setting("grades", "words", list(DEFAULT_GRADES),
            Text("定性指标的等级", "Grades of qualitative indicators"), ("VAL-11", "VAL-13")),
    Setting("disabled_rules", "rules", [],
            Text("不检查的规则", "Rules not checked"), ()),
)
_BY_KEY = {s.key: s for s in SETTINGS}


def default_settings() -> dict[str, Any]:
    """The catalogue's defaults for every ⚙ setting (a fresh, JSON-ready dict)."""
    return {s.key: copy.deepcopy(s.default) for s in SETTINGS}


def validate_settings(settings: Mapping[str, Any] | None) -> dict[str, Any]:
    """``settings`` merged over the defaults and checked; unknown keys are ignored (a newer
    PerfDesk may have written them). Raises InvalidValueError naming the bad setting."""
    merged = default_settings()
    for key, value in (settings or {}).items():
        spec = _BY_KEY.get(key)
        if spec is None:
            continue
        merged[key] = _valid(spec, value)
    return merged


def _bad(spec: Setting, value: Any, zh: str, en: str) -> InvalidValueError:
    return InvalidValueError(
        f"检查设置“{spec.label.zh}”的值“{value}”无效：{zh}",
        f"The check setting '{spec.label.en}' has an invalid value '{value}': {en}")


def _valid(spec: Setting, value: Any) -> Any:
    if spec.kind in ("count", "percent"):
        number = _setting_number(value)
        if number is None:
            raise _bad(spec, value, "应为数字。", "it must be a number.")
        if spec.kind == "count":
            if number != number.to_integral_value() or number < 1:
                raise _bad(spec, value, "应为正整数。", "it must be a whole number above 0.")
            return int(number)
        if not Decimal(0) <= number <= Decimal(100):
            raise _bad(spec, value, "应在0到100之间。", "it must be between 0 and 100.")
        return int(number) if number == number.to_integral_value() else format(number, "f")
    if isinstance(value, str) or not isinstance(value, Iterable):
        raise _bad(spec, value, "应为词语列表。", "it must be a list of words.")
    words = [str(w).strip() for w in value]
    words = [w for w in dict.fromkeys(words) if w]
    if spec.kind == "rules":
        unknown = [w for w in words if w not in RULES]
        if unknown:
            raise _bad(spec, value, f"没有规则{'、'.join(unknown)}。",
                       f"there is no rule {', '.join(unknown)}.")
    elif spec.key == "grades" and not words:
        raise _bad(spec, value, "至少需要一个等级。", "at least one grade is needed.")
    return words


def _setting_number(value: Any) -> Decimal | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, Decimal):
        return value if value.is_finite() else None
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):  # JSON numbers come back as floats: read their shortest repr
        return parse_number(repr(value))
    if isinstance(value, str):
        return parse_number(value)
    return None


# --- names compared loosely -----------------------------------------------------------------

# --- the context ----------------------------------------------------------------------------

_CACHE_LIMIT = 4096


class CheckContext:
    """Everything a check reads besides the project: profile, budget year, settings, the
    budget project list (HDR-05) and the names of the other projects of each unit (HDR-06).

    Build it once per dataset with :func:`perfdesk.services.checking.check_context` (or directly:
    ``CheckContext(profile="101", budget_year=2025)``) and reuse it for every check; when a
    project is added, renamed or deleted, tell it with :meth:`note_project` /
    :meth:`forget_project` so HDR-06 stays right without rebuilding.
    """

    def __init__(self, profile: str = "88", budget_year: int | None = None,
                 settings: Mapping[str, Any] | None = None,
                 reference_projects: Iterable[tuple[str, str, str]] = (),
                 sibling_projects: Iterable[tuple[str, str, str, str]] = (),
                 unstated: Mapping[str, Iterable[str]] | None = None) -> None:
        """
        Args:
            profile: ``"88"`` or ``"101"``.
            budget_year: the 预算年度 (HDR-04), or ``None`` when not known.
            settings: stored settings; merged over :func:`default_settings`.
            reference_projects: the budget project list as (unit name, project name, code).
            sibling_projects: the dataset's projects as (uuid, department, unit, name).
            unstated: for a table checked as read, project uuid → the header fields
                (``"department"``, ``"unit"``) its layout has no place for at all
                (:attr:`perfdesk.io.base.ImportResult.unstated`): the table did not say, the
                clerk picks the unit at import, and HDR-02 does not report them.
        """
        self.profile = check_profile(profile)
        self.budget_year = budget_year
        self.settings = validate_settings(settings)
        s = self.settings
        self.goal_max_chars: int = s["goal_max_chars"]
        self.min_indicators: int = s["min_indicators"]
        self.sentence_max_chars: int = s["sentence_max_chars"]
        self.satisfaction_min = Decimal(str(s["satisfaction_min"]))
        self.grades: tuple[str, ...] = tuple(s["grades"])
        self.grade_set = frozenset(self.grades)
        self.vague_words: tuple[str, ...] = tuple(s["vague_words"])
        self.vague_pattern = _alternation(self.vague_words)
        self.plan = Plan(self.profile, s["disabled_rules"])
        self.unstated: dict[str, frozenset[str]] = {
            uuid: frozenset(fields) for uuid, fields in (unstated or {}).items()}

        self.reference_projects = tuple((u or "", n or "", c or "")
                                        for u, n, c in reference_projects if n)
        self._reference = _ReferenceIndex(self.reference_projects)
        self._sibling_key: dict[str, tuple[str, str, str]] = {}
        self._names: dict[str, str] = {}
        # (department, unit, name key) → the uuid of the one project so named, or the set of
        # uuids when several are (a set per project cost 2 MB at 10,000 projects)
        self._siblings: dict[tuple[str, str, str], str | set[str]] = {}
        for uuid, department, unit, name in sibling_projects:
            self._add_sibling(uuid, department, unit, name)

        # Cached readings, shared by every check made with this context:
        profile, grades = self.profile, self.grades
        #: how a level-1 label reads in the profile (taxonomy.read_level1)
        self.read_level1: Callable[[str], Level1Reading] = _Memo(
            lambda label: read_level1(profile, label))
        self._level2 = _Memo(lambda key: standard_level2(profile, *key))
        #: :func:`name_key`
        self.name_key: Callable[[str], str] = _Memo(name_key)
        #: taxonomy.normalise_label
        self.label: Callable[[str], str] = _Memo(normalise_label)
        #: values.parse with the dataset's grades
        self.parse: Callable[[str], ParseResult] = _Memo(lambda text: parse(text, grades))
        #: what a row's (level 1, level 2) labels say: :func:`perfdesk.checks.facts.categories`
        self.categories: Callable[[tuple[str, str]], tuple] = _Memo(
            lambda labels: categories(labels, self))
        #: plan → row key → the indicator rules that may speak on such a row
        #: (:func:`perfdesk.checks.runner.speaking_rules`, asked when a key repeats)
        self.speaking: dict[Plan, dict[tuple, tuple]] = {}

    def replace(self, **changes: Any) -> "CheckContext":
        """A new context with some constructor arguments changed (settings are merged)."""
        args: dict[str, Any] = dict(
            profile=self.profile, budget_year=self.budget_year, settings=self.settings,
            reference_projects=self.reference_projects,
            sibling_projects=[(u, k[0], k[1], self._names[u])
                              for u, k in self._sibling_key.items()],
            unstated=self.unstated)
        if "settings" in changes:
            changes["settings"] = {**self.settings, **(changes["settings"] or {})}
        args.update(changes)
        return CheckContext(**args)

    # --- sibling projects (HDR-06) ----------------------------------------------------------

    def _add_sibling(self, uuid: str, department: str, unit: str, name: str) -> None:
        key = ((department or "").strip(), (unit or "").strip(), name_key(name))
        self._sibling_key[uuid] = key
        self._names[uuid] = name
        if key[2]:
            found = self._siblings.get(key)
            if found is None or found == uuid:
                self._siblings[key] = uuid
            elif isinstance(found, set):
                found.add(uuid)
            else:
                self._siblings[key] = {found, uuid}

    def note_project(self, project: "Project") -> None:
        """Record a project's current unit and name (after an add, rename or move)."""
        self.forget_project(project.uuid)
        self._add_sibling(project.uuid, project.department, project.unit, project.name)

    def forget_project(self, uuid: str) -> None:
        """Stop counting a deleted project as a sibling."""
        key = self._sibling_key.pop(uuid, None)
        self._names.pop(uuid, None)
        found = self._siblings.get(key) if key is not None else None
        if found == uuid:
            del self._siblings[key]
        elif isinstance(found, set):
            found.discard(uuid)
            if len(found) == 1:
                self._siblings[key] = next(iter(found))

    def same_named(self, project: "Project") -> int:
        """How many other projects of the project's unit have the same name."""
        department, unit = (project.department or "").strip(), (project.unit or "").strip()
        key = self._sibling_key.get(project.uuid)
        if (key is None or key[0] != department or key[1] != unit
                or self._names[project.uuid] != project.name):
            key = (department, unit, self.name_key(project.name))
        # else: the key noted for it, name read once (a dataset's projects are all noted)
        found = self._siblings.get(key)
        if not found:
            return 0
        if isinstance(found, str):
            return int(found != project.uuid)
        return len(found) - (project.uuid in found)

    def with_projects(self, projects: Sequence["Project"]) -> "CheckContext":
        """This context with ``projects`` counted as siblings too (for check_projects); the
        context itself when it already knows them as they are (a dataset's own projects)."""
        changed = []
        for project in projects:
            key = self._sibling_key.get(project.uuid)
            if (key is None or self._names[project.uuid] != project.name
                    or key[0] != (project.department or "").strip()
                    or key[1] != (project.unit or "").strip()):
                changed.append(project)
        if not changed:
            return self
        other = copy.copy(self)
        other._sibling_key = dict(self._sibling_key)
        other._names = dict(self._names)
        other._siblings = {k: set(v) if isinstance(v, set) else v
                           for k, v in self._siblings.items()}
        for project in changed:
            other.note_project(project)
        return other

    # --- the budget project list (HDR-05) ---------------------------------------------------

    @property
    def has_reference(self) -> bool:
        return bool(self.reference_projects)

    def reference_match(self, project: "Project") -> tuple[str, str]:
        """How the project's name compares with the budget project list.

        Returns ("listed", "") when the name is listed for its unit (or for any unit when the
        list names none for it), ("close", name) when exactly one listed name differs only in
        spaces or punctuation, ("code", name) when its 项目编码 is listed under another name,
        and ("missing", "") otherwise.
        """
        return self._reference.match(project)

    # --- cached readings --------------------------------------------------------------------

    def standard_level2(self, level1: str, label: str) -> str:
        """:func:`perfdesk.core.taxonomy.standard_level2` in this profile, cached."""
        return self._level2((level1, label))


class _Memo(dict):
    """A pure function remembered for the texts a session repeats (labels, names, values).

    Called like the function; a text met before is answered by the dictionary lookup alone
    (no Python frame: the checker asks these hundreds of thousands of times on a big dataset).
    Bounded: when full it starts again, so a dataset of unique names cannot grow it forever.
    """

    __slots__ = ("_fn",)

    def __init__(self, fn) -> None:
        super().__init__()
        self._fn = fn

    __call__ = dict.__getitem__

    def __missing__(self, key):
        if len(self) > _CACHE_LIMIT:
            self.clear()
        found = self[key] = self._fn(key)
        return found


def _alternation(words: Sequence[str]) -> re.Pattern[str] | None:
    if not words:
        return None
    ordered = sorted(set(words), key=len, reverse=True)
    return re.compile("|".join(re.escape(w) for w in ordered))


class _ReferenceIndex:
    """The budget project list, indexed by unit, by loose name and by code."""

    def __init__(self, entries: Sequence[tuple[str, str, str]]) -> None:
        self.by_unit: dict[str, set[str]] = {}
        self.any_unit: set[str] = set()
        self.keys_by_unit: dict[str, dict[str, set[str]]] = {}
        self.keys_any: dict[str, set[str]] = {}
        self.by_code: dict[str, str] = {}
        self.all_names: set[str] = set()
        for unit, name, code in entries:
            unit, name, code = unit.strip(), name.strip(), code.strip()
            self.all_names.add(name)
            if unit:
                self.by_unit.setdefault(unit, set()).add(name)
                self.keys_by_unit.setdefault(unit, {}).setdefault(name_key(name), set()).add(name)
            else:
                self.any_unit.add(name)
                self.keys_any.setdefault(name_key(name), set()).add(name)
            if code:
                self.by_code.setdefault(code, name)

    def match(self, project: "Project") -> tuple[str, str]:
        name = (project.name or "").strip()
        unit = (project.unit or "").strip()
        if unit in self.by_unit:
            names, keys = self.by_unit[unit] | self.any_unit, {**self.keys_any}
            for k, v in self.keys_by_unit[unit].items():
                keys[k] = keys.get(k, set()) | v
        else:  # the list does not name this unit: compare with every listed name
            names = self.all_names
            keys = {}
            for per_unit in (*self.keys_by_unit.values(), self.keys_any):
                for k, v in per_unit.items():
                    keys[k] = keys.get(k, set()) | v
        if name in names:
            return "listed", ""
        close = keys.get(name_key(name), set())
        if len(close) == 1:
            return "close", next(iter(close))
        listed = self.by_code.get((project.code or "").strip())
        if listed and listed != name:
            return "code", listed
        return "missing", ""
