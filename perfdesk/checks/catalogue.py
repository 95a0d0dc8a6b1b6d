"""The rule catalogue: what each rule is (ID, severity, titles, messages, policy source, the
settings it reads) and what a check reports (:class:`Finding`, :class:`Fix`).

A rule is one small function plus its entry, registered with :func:`project_rule` or
:func:`indicator_rule`. The function looks at one project (or one indicator of it) through the
precomputed :mod:`~perfdesk.checks.facts` and returns :class:`Hit` objects — where the problem
is, the message's parameters, a fix if one is certain; the runner (:mod:`.runner`) turns hits
into :class:`Finding` objects with the rule's ID, severity and message. Which rules run for a
profile and its settings is the plan's business (:mod:`.plan`). Adding a rule is writing one
function and its entry; nothing else changes.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from perfdesk.checks.facts import KINDS
from perfdesk.core.i18n import Text
from perfdesk.core.model import PROJECT_KINDS
from perfdesk.core.severity import Severity

if TYPE_CHECKING:  # pragma: no cover
    from perfdesk.core.model import Indicator


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
        escalates: a variant of this milder rule is an error (ROW-04's whole template name);
            counting errors must run it.
        tables: the kinds of table (:attr:`perfdesk.core.model.Project.kind`) the rule speaks
            on, all when empty: the 自评表's results (EVAL) are not asked of a 申报表.
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
    escalates: bool = False
    tables: tuple[str, ...] = ()

    def applies_to(self, table_kind: str | None) -> bool:
        """Whether the rule speaks on a project of this kind (``None``: any kind)."""
        return table_kind is None or not self.tables or table_kind in self.tables

    def may_be_error(self, profile: str) -> bool:
        """Whether a finding of this rule can be an error in the profile."""
        return self.escalates or self.severity_for(profile) is Severity.ERROR

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
SECTIONS = ("HDR", "FUND", "GOAL", "CAT", "REQ", "ROW", "WGT", "VAL", "UNIT", "FIT", "SAT", "COST",
            "TIME", "IN", "STD", "EXP", "EVAL")

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
              on_blank: bool = False, when: tuple[str, ...] = (), escalates: bool = False,
              tables: tuple[str, ...] = ()):
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
        if set(tables) - set(PROJECT_KINDS):
            raise ValueError(f"rule {rule_id}: unknown kinds of table {sorted(tables)}")
        entry = Rule(
            id=rule_id, severity=severity, title=Text(*title),
            messages={k: Text(*v) for k, v in all_messages.items()}, source=Text(*source),
            settings=tuple(settings), scope=scope, check=fn,
            severity_by_profile=dict(severity_by_profile or {}), fallback=fallback,
            supersedes=tuple(supersedes), on_blank=on_blank, when=tuple(when),
            escalates=escalates, tables=tuple(tables))
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
