"""Shared wording of the rules: the policy sources they cite and how values are quoted.

Messages quote what the clerk wrote; long text is clipped so a message stays one line. Fields
are named as everywhere else (:mod:`perfdesk.core.fields`).
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from perfdesk.core.fields import in_sentence, indicator_label, project_label
from perfdesk.core.i18n import Text
from perfdesk.core.taxonomy import PROFILE_TITLES

# The documents the rules rest on. Where a point comes from local practice rather than a
# national text, the source says so.
P88 = ("财预〔2015〕88号《中央部门预算绩效目标管理办法》",
       "Caiyu [2015] No. 88 (measures on budget performance targets)")
P101 = ("财预〔2021〕101号《中央部门项目支出核心绩效目标和指标设置及取值指引（试行）》",
        "Caiyu [2021] No. 101 (guidelines on core performance targets and indicator values)")
FORM = ("《项目支出绩效目标申报表》填报要求", "the filing rules of the project performance target form")
REVIEW = ("主管部门、财政部门审核口径", "the review practice of departments and finance bureaus")


def source(base: tuple[str, str], zh: str, en: str) -> tuple[str, str]:
    """A rule's source: a document and the point of it the rule checks."""
    return f"{base[0]}：{zh}", f"{base[1]}: {en}"


def both(*bases: tuple[str, str], zh: str, en: str) -> tuple[str, str]:
    """A source resting on several documents."""
    return ("；".join(b[0] for b in bases) + f"：{zh}",
            "; ".join(b[1] for b in bases) + f": {en}")


def clip(text: str, limit: int = 24) -> str:
    """``text`` cut to ``limit`` characters for quoting in a one-line message."""
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def amount(number: Decimal) -> str:
    """An exact amount as written in a message (plain notation, never exponent)."""
    return format(number, "f")


def cents(number: Decimal) -> str:
    return format(number.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP), "f")


def listing(names) -> Text:
    """Names joined as a list, in each language's punctuation."""
    names = list(names)
    return Text("、".join(f"“{n}”" for n in names), ", ".join(f"'{n}'" for n in names))


def profile_name(profile: str) -> Text:
    return Text(*PROFILE_TITLES[profile])


def period(start: int | None, end: int | None) -> str:
    return f"{start if start is not None else '?'}–{end if end is not None else '?'}"


# --- where a finding is, in words -----------------------------------------------------------

def location_text(finding, project) -> Text:
    """Where a finding is, as a clerk would say it: ``项目属性`` or
    ``第5条指标“诉求解答率”的指标值``."""
    if finding.indicator_uuid is None:
        return in_sentence(project_label(finding.field))
    label = in_sentence(indicator_label(finding.field))
    for position, ind in enumerate(project.indicators, 1):
        if ind.uuid == finding.indicator_uuid:
            name = clip(ind.name, 16)
            if name:
                return Text(f"第{position}条指标“{name}”的{label.zh}",
                            f"indicator {position} ('{name}'), {label.en}")
            return Text(f"第{position}条指标的{label.zh}", f"indicator {position}, {label.en}")
    return label
