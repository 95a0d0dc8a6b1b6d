"""The catalogue as a clerk or a reviewer reads it: one line per rule (ID, severity per
profile, title, message, whether a fix is offered, policy source), for ``perfdesk check
--rules`` and for ``docs/rules.md``, which is generated from it (``python -m
perfdesk.checks.listing > docs/rules.md``; a test fails while the file is stale)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from perfdesk.checks.catalogue import RULES, SECTIONS, Rule
from perfdesk.core.taxonomy import PROFILES

_PLACEHOLDER = re.compile(r"\{[a-z_]+\}")
SECTION_TITLES = {
    "HDR": "项目信息", "FUND": "资金", "GOAL": "绩效目标", "CAT": "指标类别", "REQ": "指标覆盖",
    "ROW": "指标行", "WGT": "权重", "VAL": "指标值", "UNIT": "计量单位", "FIT": "指标与类别、项目相符",
    "SAT": "满意度", "COST": "成本", "TIME": "时效", "IN": "投入与过程", "STD": "设定依据",
    "EXP": "导出", "EVAL": "自评结果",
}


@dataclass(frozen=True)
class RuleLine:
    id: str
    severities: dict[str, str]  # profile -> severity word
    title: str
    message: str  # the first variant's message, placeholders shown as …
    fix: bool  # some variant offers a one-click fix
    source: str


def rule_line(rule: Rule) -> RuleLine:
    first = next(iter(rule.messages.values()))
    return RuleLine(
        id=rule.id,
        severities={p: str(rule.severity_for(p).label.zh) for p in PROFILES},
        title=rule.title.zh,
        message=_PLACEHOLDER.sub("…", first.zh),
        fix=any("一键" in m.zh for m in rule.messages.values()),
        source=rule.source.zh)


def lines() -> list[RuleLine]:
    return [rule_line(r) for r in RULES.values()]


def as_text() -> str:
    """The catalogue for a terminal: ID, severity (88/101), title."""
    out = []
    for line in lines():
        sev = "/".join(dict.fromkeys(line.severities.values()))
        out.append(f"{line.id:<9}{sev:<7}{line.title}{'（可一键修复）' if line.fix else ''}")
    return "\n".join(out) + "\n"


def as_json() -> list[dict]:
    return [{"id": ln.id, "severity": {p: RULES[ln.id].severity_for(p).value for p in PROFILES},
             "title": ln.title, "message": ln.message, "fix": ln.fix, "source": ln.source}
            for ln in lines()]


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def as_markdown() -> str:
    """``docs/rules.md``: the whole catalogue, by section."""
    out = ["# 检查规则一览（Rule catalogue）", "",
           "本文件由 `python -m perfdesk.checks.listing > docs/rules.md` 从规则注册表生成，请勿手工修改；"
           "`perfdesk check --rules` 列出同样的内容。ID 与 `shared/spec/rules.md` 一致，新规则使用新 ID。",
           "", "Generated from the rule registry; do not edit by hand. Severity is given per "
           "profile (财预〔2015〕88号 / 财预〔2021〕101号).", ""]
    by_section: dict[str, list[RuleLine]] = {}
    for line in lines():
        by_section.setdefault(line.id.rsplit("-", 1)[0], []).append(line)
    for section in SECTIONS:
        rows = by_section.get(section)
        if not rows:
            continue
        out += [f"## {section} {SECTION_TITLES.get(section, '')}", "",
                "| ID | 88 | 101 | 规则 | 提示（示例） | 一键修复 | 依据 |",
                "|---|---|---|---|---|---|---|"]
        for ln in rows:
            out.append(f"| {ln.id} | {ln.severities['88']} | {ln.severities['101']} | "
                       f"{_cell(ln.title)} | {_cell(ln.message)} | {'是' if ln.fix else ''} | "
                       f"{_cell(ln.source)} |")
        out.append("")
    return "\n".join(out)


if __name__ == "__main__":  # pragma: no cover - the docs generator
    import sys

    import perfdesk.checks  # noqa: F401  (registers the rules)

    sys.stdout.write(as_markdown())
