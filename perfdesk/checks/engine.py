"""The checking engine: the rule registry, what a check reports, and running the rules.

A rule is one small function plus its entry (ID, severity, messages, policy source, settings
it reads), registered with :func:`project_rule` or :func:`indicator_rule`. The function looks
at one project (or one indicator of it) through the precomputed :mod:`~perfdesk.checks.facts`
and returns :class:`Hit` objects — where the problem is, the message's parameters, a fix if one
is certain; the engine turns hits into :class:`Finding` objects with the rule's ID, severity and
message. Adding a rule is writing one function and its entry; nothing else changes.

Two relations between rules keep the list a clerk sees short and specific:
``fallback`` rules (VAL-13) speak only when no other rule said anything about the same field of
the same indicator, and ``supersedes`` drops a general rule when a specific one fired on the
same indicator (SAT-02 says more than VAL-02 about a 满意度 target without ``≥``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from perfdesk.checks.facts import KINDS, ProjectFacts
from perfdesk.core.i18n import Text
from perfdesk.core.severity import Severity

if TYPE_CHECKING:  # pragma: no cover
    from perfdesk.checks.context import CheckContext
    from perfdesk.core.model import Indicator, Project


@dataclass(frozen=True, slots=True)
class Fix:
    """A certain correction, as a pure description of field changes.

    Every caller applies it with :func:`perfdesk.services.fixes.apply_fix`, one transaction
    whose change set the GUI keeps for undo.

    Attributes:
        label: what the fix does, for the button or the report.
        project_changes: Project field -> new value.
        indicator_changes: indicator uuid -> {Indicator field -> new value}.
    """

    label: Text
    # compared, but not hashed (dicts cannot be): findings can live in sets
    project_changes: dict[str, Any] = field(default_factory=dict, hash=False)
    indicator_changes: dict[str, dict[str, Any]] = field(default_factory=dict, hash=False)


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem found in one place.

    Attributes:
        rule: the rule ID (``"VAL-08"``).
        severity: error, warning or hint.
        project_uuid: the project it is in.
        indicator_uuid: the indicator it is in, or ``None`` for the project header.
        field: a Project field name (or ``"department"``, ``"unit"``, ``"indicators"``) when
            ``indicator_uuid`` is None; an Indicator field name, or ``"value"`` for the 指标值
            cell as a whole, when it is set.
        message: what is wrong and how to fix it.
        fix: a certain correction, or ``None``.
    """

    rule: str
    severity: Severity
    project_uuid: str
    indicator_uuid: str | None
    field: str
    message: Text
    fix: Fix | None = None


@dataclass(slots=True)
class Hit:
    """What a rule function reports: the engine adds rule, severity, project and message."""

    field: str
    params: dict[str, Any]
    variant: str = "default"
    fix: Fix | None = None
    severity: Severity | None = None  # only when a variant is milder than the rule
    indicator: "Indicator | None" = None  # a project rule pointing into one indicator


def hit(field: str, variant: str = "default", *, fix: Fix | None = None,
        severity: Severity | None = None, indicator: "Indicator | None" = None,
        **params: Any) -> Hit:
    """Shorthand for rule functions: ``return hit("value", word=w)``."""
    return Hit(field, params, variant, fix, severity, indicator)


PROJECT, INDICATOR = "project", "indicator"


@dataclass(frozen=True)
class Rule:
    """One entry of the catalogue (``shared/spec/rules.md``).

    Attributes:
        id: stable ID used in messages, JSON, tests and settings (``"VAL-08"``).
        severity: the rule's severity; ``severity_by_profile`` overrides it per profile.
        title: a short name for lists and settings.
        messages: variant -> message template (what is wrong and how to fix it); the
            template's ``{names}`` come from the hit's parameters (a :class:`Text` parameter
            gives each language its own wording).
        source: the policy or practice the rule rests on.
        settings: the dataset settings (⚙) it reads.
        scope: ``"project"`` (called once per project) or ``"indicator"`` (once per row).
        check: the rule function.
        fallback: speaks only when no other rule reported the same indicator field.
        supersedes: rule IDs dropped for an indicator when this rule fires on it.
        on_blank: also runs on a blank indicator row (no name, no value).
        when: the kinds of row (:data:`perfdesk.checks.facts.KINDS`) an indicator rule looks
            at; it runs only on rows of all these kinds (a 满意度 rule on 满意度 rows).
    """

    id: str
    severity: Severity
    title: Text
    messages: Mapping[str, Text]
    source: Text
    settings: tuple[str, ...]
    scope: str
    check: Callable[..., Any]
    severity_by_profile: Mapping[str, Severity] = field(default_factory=dict)
    fallback: bool = False
    supersedes: tuple[str, ...] = ()
    on_blank: bool = False
    when: tuple[str, ...] = ()

    @property
    def when_mask(self) -> int:
        mask = 0
        for kind in self.when:
            mask |= KINDS[kind]
        return mask

    def severity_for(self, profile: str) -> Severity:
        return self.severity_by_profile.get(profile, self.severity)

    def message(self, variant: str, params: Mapping[str, Any]) -> Text:
        template = self.messages[variant]
        zh = {k: (v.zh if isinstance(v, Text) else v) for k, v in params.items()}
        en = {k: (v.en if isinstance(v, Text) else v) for k, v in params.items()}
        return Text(template.zh.format(**zh), template.en.format(**en))


# The catalogue's section order; within a section rules sort by number.
SECTIONS = ("HDR", "FUND", "GOAL", "CAT", "REQ", "ROW", "VAL", "SAT", "COST", "TIME", "IN",
            "STD", "EXP")

RULES: dict[str, Rule] = {}  # in catalogue order; filled as the rule modules register


def _catalogue_key(rule_id: str) -> tuple[int, int]:
    section, number = rule_id.rsplit("-", 1)
    return SECTIONS.index(section), int(number)


def _register(scope: str, rule_id: str, severity: Severity, *, title: tuple[str, str],
              message: tuple[str, str] | None = None,
              messages: Mapping[str, tuple[str, str]] | None = None,
              source: tuple[str, str], settings: tuple[str, ...] = (),
              severity_by_profile: Mapping[str, Severity] | None = None,
              fallback: bool = False, supersedes: tuple[str, ...] = (),
              on_blank: bool = False, when: tuple[str, ...] = ()):
    all_messages = dict(messages or {})
    if message is not None:
        all_messages["default"] = message

    def register(fn: Callable[..., Any]) -> Callable[..., Any]:
        if rule_id in RULES:
            raise ValueError(f"rule {rule_id} registered twice")
        _catalogue_key(rule_id)  # refuses an ID outside the catalogue's sections
        unknown = set(when) - set(KINDS)
        if unknown:
            raise ValueError(f"rule {rule_id}: unknown kinds of row {sorted(unknown)}")
        entry = Rule(
            id=rule_id, severity=severity, title=Text(*title),
            messages={k: Text(*v) for k, v in all_messages.items()}, source=Text(*source),
            settings=tuple(settings), scope=scope, check=fn,
            severity_by_profile=dict(severity_by_profile or {}), fallback=fallback,
            supersedes=tuple(supersedes), on_blank=on_blank, when=tuple(when))
        ordered = sorted([*RULES.values(), entry], key=lambda r: _catalogue_key(r.id))
        RULES.clear()
        RULES.update((r.id, r) for r in ordered)
        return fn

    return register


def project_rule(rule_id: str, severity: Severity, **entry: Any):
    """Register ``fn(project_facts, context) -> Hit | Iterable[Hit] | None``."""
    return _register(PROJECT, rule_id, severity, **entry)


def indicator_rule(rule_id: str, severity: Severity, **entry: Any):
    """Register ``fn(indicator_facts, project_facts, context) -> Hit | Iterable[Hit] | None``,
    called once for every indicator row of the project."""
    return _register(INDICATOR, rule_id, severity, **entry)


class Plan:
    """The rules a context runs, with their severity in its profile, ready to call: project
    rules, and for each kind of indicator row the indicator rules that apply to it."""

    __slots__ = ("project", "_indicator", "_blank", "_by_kinds", "superseding")

    def __init__(self, profile: str, disabled: Iterable[str]) -> None:
        off = set(disabled)
        active = [r for r in RULES.values() if r.id not in off]
        self.project = tuple((r.check, r, r.severity_for(profile))
                             for r in active if r.scope == PROJECT)
        indicator = [r for r in active if r.scope == INDICATOR]
        indicator.sort(key=lambda r: r.fallback)  # stable: catalogue order otherwise
        self._indicator = tuple((r.when_mask, (r.check, r, r.severity_for(profile)))
                                for r in indicator)
        self._blank = tuple(entry for _mask, entry in self._indicator if entry[1].on_blank)
        self._by_kinds: dict[int, tuple] = {}
        self.superseding = frozenset(r.id for r in active if r.supersedes)

    def for_row(self, kinds: int, blank: bool) -> tuple:
        """(check, rule, severity) of the indicator rules to run on a row of these kinds."""
        if blank:
            return self._blank
        found = self._by_kinds.get(kinds)
        if found is None:
            found = self._by_kinds[kinds] = tuple(
                entry for mask, entry in self._indicator if mask & kinds == mask)
        return found


# --- running the rules ----------------------------------------------------------------------


def check_project(project: "Project", context: "CheckContext") -> list["Finding"]:
    """Every finding for one project: header findings first, then each indicator's in order.

    Cheap enough to run on every keystroke: derived facts are computed once per call, and
    label readings, parsed values and settings-derived word lists are cached on ``context``.
    """
    plan = context.plan
    facts = ProjectFacts(project, context)
    puid = project.uuid
    findings: list[Finding] = []
    for check, rule, severity in plan.project:
        result = check(facts, context)
        if result is None:
            continue
        for h in _hits(result):
            findings.append(Finding(
                rule.id, h.severity or severity, puid,
                h.indicator.uuid if h.indicator is not None else None, h.field,
                rule.message(h.variant, h.params), h.fix))
    # Project rules may point into an indicator (ROW-03): such findings are listed with the
    # indicator's own, and count for its fallback rules.
    pointed: dict[str, list[Finding]] = {}
    if findings:
        header = []
        for f in findings:
            if f.indicator_uuid is None:
                header.append(f)
            else:
                pointed.setdefault(f.indicator_uuid, []).append(f)
        findings = header
    for_row = plan.for_row
    for item in facts.indicators:
        uuid = item.ind.uuid
        found: list[Finding] = pointed.pop(uuid, []) if pointed else []
        for check, rule, severity in for_row(item.kinds, item.blank):
            result = check(item, facts, context)
            if result is None:
                continue
            for h in _hits(result):
                if rule.fallback and any(f.field == h.field for f in found):
                    continue
                found.append(Finding(rule.id, h.severity or severity, puid, uuid, h.field,
                                     rule.message(h.variant, h.params), h.fix))
        if len(found) > 1 and plan.superseding:
            dropped = {d for f in found if f.rule in plan.superseding
                       for d in RULES[f.rule].supersedes}
            if dropped:
                found = [f for f in found if f.rule not in dropped]
        findings.extend(found)
    for rest in pointed.values():  # pragma: no cover - rules point only at the project's rows
        findings.extend(rest)
    return findings


def _hits(result: Hit | Iterable[Hit] | None) -> Iterable[Hit]:
    if result is None:
        return ()
    if isinstance(result, Hit):
        return (result,)
    return result


def check_projects(projects: Iterable["Project"], context: "CheckContext"
                   ) -> dict[str, list["Finding"]]:
    """Findings for many projects, keyed by project uuid, in the order given.

    Same-named projects of one 预算单位 (HDR-06) are found among the given projects as well as
    among the siblings the context knows.
    """
    projects = list(projects)
    context = context.with_projects(projects)
    return {p.uuid: check_project(p, context) for p in projects}
