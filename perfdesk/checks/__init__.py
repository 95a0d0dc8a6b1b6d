"""The checking engine: what a reviewer would send back, found while the clerk types.

Every rule of the catalogue (``shared/spec/rules.md``, listed in ``docs/rules.md`` and by
``perfdesk check --rules``) is one small function with its entry in the registry
(:data:`RULES`, :mod:`.catalogue`): ID, severity, a message in Chinese and English saying what is
wrong and how to fix it, the policy it rests on, and the ⚙ settings it reads. A check returns
:class:`Finding` objects that point at one project field or at one field of one indicator, so
the GUI can mark that field and jump to it; where the correction is certain a finding carries a
:class:`Fix` (pure field changes) the GUI offers as one undoable click and the CLI applies, both
with :func:`perfdesk.services.fixes.apply_fix`. The rules read projects, never a dataset file.

Usage::

    context = check_context(dataset)                  # once per dataset (perfdesk.services)
    findings = check_project(project, context)       # on every edit, cheap
    changes = apply_fix(dataset, finding)             # a certain fix (perfdesk.services.fixes)

Adding a rule is one function and its entry, in the module of its catalogue section::

    @indicator_rule(
        "VAL-14", Severity.WARNING, title=("…", "…"),
        message=("指标值“{value}”……。请……。", "The value '{value}' … ."),
        source=source(P101, "…", "…"), when=("target",))
    def new_rule(f, p, ctx):          # f: IndicatorFacts, p: ProjectFacts, ctx: CheckContext
        if …:
            return hit("value", value=clip(f.display))

A ⚙ threshold it reads is added to ``SETTINGS`` in :mod:`.context` with its default.
"""

# Importing the rule modules registers their rules, in catalogue order.
from perfdesk.checks import (  # noqa: F401
    rules_categories,
    rules_fit,
    rules_header,
    rules_review,
    rules_self_evaluation,
    rules_topics,
    rules_values,
)
from perfdesk.checks.context import (
    SETTINGS,
    CheckContext,
    Setting,
    default_settings,
    validate_settings,
)
from perfdesk.checks.catalogue import RULES, Finding, Fix, Rule, Severity
from perfdesk.checks.runner import check_project, check_projects, has_errors, projects_with_errors
from perfdesk.checks.wording import location_text

__all__ = [
    "RULES", "SETTINGS", "CheckContext", "Finding", "Fix", "Rule", "Setting", "Severity",
    "check_project", "check_projects", "default_settings", "has_errors", "projects_with_errors",
    "validate_settings", "location_text",
]

