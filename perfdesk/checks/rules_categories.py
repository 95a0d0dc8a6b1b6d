"""Rules on the indicator tree: categories (CAT), required coverage (REQ) and the export's
need for at least one indicator (EXP). Category names come from :mod:`perfdesk.core.taxonomy`, so
profile 88 and profile 101 accept what their own tree holds."""

from __future__ import annotations

import re
from functools import lru_cache

from perfdesk.checks.catalogue import Fix, Severity, hit, indicator_rule, project_rule
from perfdesk.checks.rules_topics import names_satisfaction
from perfdesk.checks.wording import (
    FORM,
    P88,
    P101,
    REVIEW,
    both,
    clip,
    listing,
    profile_name,
    source,
)
from perfdesk.core.entry import is_unit_word
from perfdesk.core.i18n import Text
from perfdesk.core.taxonomy import (
    COST,
    EFFECT,
    OUTPUT,
    SATISFACTION,
    LabelKind,
    all_category_names,
    level1_names,
    level2_names,
    normalise_label,
    parent_of_level2,
    split_score,
)
from perfdesk.core.values import normalise_text

E, W, H = Severity.ERROR, Severity.WARNING, Severity.HINT

_TREE = both(P88, P101, zh="一级、二级指标按规定的指标体系设置",
             en="level-1 and level-2 categories follow the prescribed tree")


def _move_fix(f, level1: str, level2: str) -> Fix:
    changes = {"level1": level1, "level2": level2}
    label = (Text(f"一级指标改为“{level1}”，二级指标改为“{level2}”",
                  f"Set level 1 to '{level1}' and level 2 to '{level2}'") if level2 else
             Text(f"一级指标改为“{level1}”", f"Set level 1 to '{level1}'"))
    return Fix(label, indicator_changes={f.ind.uuid: changes})


def _only_child(profile: str, level1: str) -> str:
    children = level2_names(profile, level1)
    return children[0] if len(children) == 1 else ""


@indicator_rule(
    "CAT-01", E, title=("一级指标不在指标体系中", "Level-1 category not in the profile"),
    messages={
        "empty": ("第{position}条指标“{name}”没有一级指标。请选择{choices}之一。",
                  "Indicator {position} '{name}' has no level-1 category. Choose one of "
                  "{choices}."),
        "unknown": ("一级指标“{label}”不在{profile}的指标体系中。请改为{choices}之一。",
                    "The level-1 category '{label}' is not in the {profile} tree. Use one of "
                    "{choices}."),
    },
    source=_TREE)
def level1_known(f, p, ctx):
    if f.level1:
        return None
    choices = listing(level1_names(ctx.profile))
    if not f.ind.level1.strip():
        return hit("level1", "empty", position=f.position, name=clip(f.ind.name), choices=choices)
    return hit("level1", "unknown", label=clip(f.ind.level1), profile=profile_name(ctx.profile),
               choices=choices)


@indicator_rule(
    "CAT-02", W, title=("二级指标名称写在了一级指标处", "Level-2 name given as level 1"),
    messages={
        "default": ("“{label}”是二级指标，不能作一级指标。应放在“{parent}”下，二级指标为“{level2}”。"
                    "可一键调整。",
                    "'{label}' is a level-2 category, not a level-1 one. It belongs under "
                    "'{parent}' with level 2 '{level2}'. This can be fixed in one click."),
        "conflict": ("“{label}”是二级指标，不能作一级指标，应放在“{parent}”下；但二级指标已填“{given}”。"
                     "请确认二级指标后把一级指标改为“{parent}”。",
                     "'{label}' is a level-2 category; it belongs under '{parent}', but level 2 "
                     "already says '{given}'. Decide on level 2, then set level 1 to "
                     "'{parent}'."),
    },
    source=_TREE)
def level2_as_level1(f, p, ctx):
    reading = f.reading
    if reading.kind is not LabelKind.LEVEL2:
        return None
    label, given = clip(f.ind.level1), f.ind.level2.strip()
    if given and ctx.standard_level2(reading.level1, given) != reading.level2:
        return hit("level1", "conflict", label=label, parent=reading.level1, given=clip(given))
    return hit("level1", fix=_move_fix(f, reading.level1, reading.level2), label=label,
               parent=reading.level1, level2=reading.level2)


@lru_cache(maxsize=4096)
def _without_score(label: str) -> str:
    """The label as written, or read without its score when it has one (产出指标(50分))."""
    label_read, score = split_score(label)
    return label_read if score else label


@indicator_rule(
    "CAT-03", H, title=("类别名称不规范", "Non-standard category label"),
    messages={
        "level1": ("一级指标“{label}”不是标准名称，应为“{standard}”。可一键改为标准名称。",
                   "The level-1 label '{label}' is not the standard name '{standard}'. It can "
                   "be changed in one click."),
        "level2": ("二级指标“{label}”不是标准名称，应为“{standard}”。可一键改为标准名称。",
                   "The level-2 label '{label}' is not the standard name '{standard}'. It can "
                   "be changed in one click."),
        "tree2015": ("“{name}”按2015年的指标体系放在“{level1}／{level2}”下；现行体系中满意度单列为"
                     "一级指标“{standard}”。可一键调整。",
                     "'{name}' sits under '{level1} / {level2}' as in the 2015 tree; satisfaction "
                     "is now its own level-1 category '{standard}'. It can be moved in one "
                     "click."),
    },
    source=_TREE)
def category_label_standard(f, p, ctx):
    found = []
    ind = f.ind
    if f.tree2015:
        fix = _move_fix(f, f.level1, f.level2)
        return hit("level1", "tree2015", fix=fix, name=clip(ind.name) or f"#{f.position}",
                   level1=clip(ind.level1), level2=clip(ind.level2), standard=f.level1)
    # a score written after the label (产出指标(50分)) is part of the form, not a wording
    if (f.reading.kind in (LabelKind.STANDARD, LabelKind.ALIAS)
            and _without_score(ind.level1) != f.level1):
        fix = Fix(Text(f"一级指标改为“{f.level1}”", f"Set level 1 to '{f.level1}'"),
                  indicator_changes={ind.uuid: {"level1": f.level1}})
        found.append(hit("level1", "level1", fix=fix, label=clip(ind.level1), standard=f.level1))
    if (f.reading.kind is not LabelKind.LEVEL2 and f.level2
            and _without_score(ind.level2) != f.level2):
        fix = Fix(Text(f"二级指标改为“{f.level2}”", f"Set level 2 to '{f.level2}'"),
                  indicator_changes={ind.uuid: {"level2": f.level2}})
        found.append(hit("level2", "level2", fix=fix, label=clip(ind.level2), standard=f.level2))
    return found or None


@indicator_rule(
    "CAT-04", E, title=("二级指标不属于其一级指标", "Level 2 not under its level 1"),
    messages={
        "default": ("二级指标“{label}”不属于一级指标“{level1}”。“{level1}”下的二级指标是{choices}，"
                    "请改为其中之一。",
                    "The level-2 category '{label}' is not under '{level1}'. Under '{level1}' "
                    "the level-2 categories are {choices}; use one of them."),
        "elsewhere": ("二级指标“{label}”属于“{parent}”，不属于“{level1}”。请把一级指标改为"
                      "“{parent}”，或把二级指标改为{choices}之一。",
                      "The level-2 category '{label}' belongs under '{parent}', not "
                      "'{level1}'. Set level 1 to '{parent}', or level 2 to one of {choices}."),
        "level1": ("“{label}”在{profile}中是一级指标，不能作“{level1}”的二级指标。请把一级指标改为"
                   "“{label}”，二级指标选{children}之一。",
                   "In the {profile} tree '{label}' is a level-1 category, not a level-2 one "
                   "under '{level1}'. Set level 1 to '{label}' and level 2 to one of "
                   "{children}."),
    },
    source=_TREE)
def level2_under_level1(f, p, ctx):
    ind = f.ind
    if not f.level1 or f.level2 or not ind.level2.strip() or f.reading.kind is LabelKind.LEVEL2:
        return None
    label = split_score(ind.level2)[0]
    shown = clip(ind.level2)
    if label in level1_names(ctx.profile):
        return hit("level2", "level1", label=shown, level1=f.level1,
                   profile=profile_name(ctx.profile),
                   children=listing(level2_names(ctx.profile, label)))
    choices = listing(level2_names(ctx.profile, f.level1))
    parent = parent_of_level2(ctx.profile, label)
    if parent:
        return hit("level2", "elsewhere", label=shown, parent=parent, level1=f.level1,
                   choices=choices)
    return hit("level2", label=shown, level1=f.level1, choices=choices)


@indicator_rule(
    "CAT-05", W, title=("缺少二级指标", "Level-2 category missing"),
    messages={
        "default": ("“{name}”缺少二级指标。请在“{level1}”下选择{choices}之一。",
                    "'{name}' has no level-2 category. Choose one of {choices} under "
                    "'{level1}'."),
        "single": ("“{name}”缺少二级指标。“{level1}”下只有“{only}”一项，可一键填入。",
                   "'{name}' has no level-2 category. '{level1}' has only '{only}'; it can be "
                   "filled in with one click."),
    },
    source=_TREE)
def level2_missing(f, p, ctx):
    if (not f.level1 or f.ind.level2.strip() or f.reading.kind is LabelKind.LEVEL2):
        return None
    name = clip(f.ind.name) or f"#{f.position}"
    only = _only_child(ctx.profile, f.level1)
    if only:
        fix = Fix(Text(f"二级指标填入“{only}”", f"Set level 2 to '{only}'"),
                  indicator_changes={f.ind.uuid: {"level2": only}})
        return hit("level2", "single", fix=fix, name=name, level1=f.level1, only=only)
    return hit("level2", name=name, level1=f.level1,
               choices=listing(level2_names(ctx.profile, f.level1)))


_CATEGORY_NAMES = frozenset(normalise_label(n) for n in all_category_names())
_LONGEST_CATEGORY = 2 * max(map(len, _CATEGORY_NAMES))  # room for spaces between characters


# A name that is only a quantity (成本指标 “38.75万元”, 时效指标 “1年”): the target written
# where the indicator's name belongs.
_QUANTITY_NAME = re.compile(r"[≥≤＞＜＝=<>]?\s*[0-9０-９]+(?:[.．][0-9０-９]+)?\s*(?P<unit>\S*)")


@indicator_rule(
    "CAT-06", W, title=("三级指标名称是类别名称", "Category name used as the indicator name"),
    messages={
        "default": ("三级指标名称“{name}”是类别名称，不是具体指标。请写出要衡量的内容，例如“培训场次”"
                    "“政策知晓率”。",
                    "The indicator name '{name}' is a category name, not an indicator. Name what "
                    "is measured, e.g. 培训场次 (training sessions) or 政策知晓率 (policy "
                    "awareness)."),
        "quantity": ("三级指标名称“{name}”是一个数值，不是具体指标。请写出要衡量的内容（如“项目总成本”"
                     "“完成时限”），数值写在指标值中。",
                     "The indicator name '{name}' is a quantity, not an indicator. Name what is "
                     "measured (e.g. 项目总成本, 完成时限) and put the number into the value."),
    },
    source=_TREE)
def category_as_name(f, p, ctx):
    name = f.ind.name
    if name and len(name) <= _LONGEST_CATEGORY and ctx.label(name) in _CATEGORY_NAMES:
        return hit("name", name=clip(name))
    quantity = _QUANTITY_NAME.fullmatch(normalise_text(name.strip())) if name else None
    if quantity and (not quantity["unit"] or is_unit_word(quantity["unit"])):
        return hit("name", "quantity", name=clip(name))
    return None


# --- required coverage ----------------------------------------------------------------------

_COVERAGE = both(P88, P101, zh="绩效指标应包括产出、效益、满意度（及成本）等方面",
                 en="indicators cover outputs, effects, satisfaction (and costs)")


def _examples(profile: str, level1: str) -> Text:
    return listing(level2_names(profile, level1))


@project_rule(
    "REQ-01", E, title=("没有产出指标", "No output indicator"),
    message=("没有{category}。请至少设置一项{category}（如{kinds}），说明资金要完成的工作量。",
             "There is no {category} (output) indicator. Add at least one (e.g. {kinds}) "
             "stating the work the money will deliver."),
    source=_COVERAGE)
def has_output(p, ctx):
    if p.filled and OUTPUT not in p.level1s:
        return hit("indicators", category=OUTPUT, kinds=_examples(ctx.profile, OUTPUT))


@project_rule(
    "REQ-02", E, title=("没有效益指标", "No effect indicator"),
    messages={
        "default": ("没有{category}。请至少设置一项{category}（如{kinds}），说明项目带来的效果。",
                    "There is no {category} (effect) indicator. Add at least one (e.g. {kinds}) "
                    "stating what the project achieves."),
        "only_satisfaction": (
            "{category}下只有满意度指标，没有反映项目效果的指标，等于以满意度代替效益。请至少设置一项"
            "{category}（如{kinds}），说明项目带来的效果。",
            "Under {category} there are only satisfaction indicators: satisfaction stands in "
            "for the effect. Add at least one effect indicator (e.g. {kinds}) stating what "
            "the project achieves."),
    },
    source=_COVERAGE)
def has_effect(p, ctx):
    if not p.filled:
        return None
    if EFFECT not in p.level1s:
        return hit("indicators", category=EFFECT, kinds=_examples(ctx.profile, EFFECT))
    # the 2015 tree keeps 满意度 under 效益: an 效益 holding nothing else has no effect (a07)
    effects = [f for f in p.indicators if not f.blank and f.level1 == EFFECT]
    if effects and all(f.is_satisfaction or names_satisfaction(f.ind.name) for f in effects):
        return hit("indicators", "only_satisfaction", category=EFFECT,
                   kinds=_examples(ctx.profile, EFFECT))
    return None


@project_rule(
    "REQ-03", W, title=("没有满意度指标", "No satisfaction indicator"),
    message=("没有{category}。有服务对象的项目应设置服务对象满意度（如“≥90%”）；项目确实没有服务"
             "对象时，请在项目信息中标明“无服务对象”。",
             "There is no {category} (satisfaction) indicator. A project with service "
             "recipients needs their satisfaction (e.g. ≥90%); if it truly has none, mark the "
             "project as having no service recipients."),
    source=_COVERAGE)
def has_satisfaction(p, ctx):
    project = p.project
    if p.filled and not project.no_service_recipients and SATISFACTION not in p.level1s:
        if any(names_satisfaction(f.ind.name) for f in p.indicators):
            return None  # there is one, under another category: SAT-04 moves it
        return hit("indicators", category=SATISFACTION)


@project_rule(
    "REQ-04", W, title=("没有成本指标", "No cost indicator"),
    severity_by_profile={"101": E},
    messages={
        "level2": ("没有{category}。请在“{parent}”下设置{category}（如“人均培训成本≤500元/人”），"
                   "说明产出的成本控制要求。",
                   "There is no {category} (cost) indicator. Add one under '{parent}' (e.g. "
                   "人均培训成本 ≤500元/人) stating the cost limit of the outputs."),
        "level1": ("没有{category}。{profile}要求设置{category}，请在{kinds}中至少填写一项（如"
                   "“人均培训成本≤500元/人”）。",
                   "There is no {category} (cost) indicator. The {profile} tree requires one: "
                   "add at least one under {kinds} (e.g. 人均培训成本 ≤500元/人)."),
    },
    source=both(P101, P88, zh="成本指标反映预期提供的产出所需的成本控制要求",
                en="cost indicators state the cost limits of the outputs"))
def has_cost(p, ctx):
    if not p.filled or p.has_cost:
        return None
    if COST in level1_names(ctx.profile):
        return hit("indicators", "level1", category=COST, profile=profile_name(ctx.profile),
                   kinds=_examples(ctx.profile, COST))
    return hit("indicators", "level2", category=COST, parent=parent_of_level2(ctx.profile, COST))


@project_rule(
    "REQ-05", W, title=("指标太少", "Too few indicators"),
    message=("只有{count}项绩效指标，少于{min}项。请补充指标，使产出、效益、满意度各方面都有可衡量的"
             "目标。",
             "There are only {count} indicator(s), fewer than {min}. Add indicators so that "
             "outputs, effects and satisfaction each have a measurable target."),
    source=both(P88, REVIEW, zh="绩效指标应全面反映项目的产出和效果",
                en="indicators cover the project's outputs and effects"),
    settings=("min_indicators",))
def enough_indicators(p, ctx):
    if 0 < p.filled < ctx.min_indicators:
        return hit("indicators", count=p.filled, min=ctx.min_indicators)


# --- export ---------------------------------------------------------------------------------


@project_rule(
    "EXP-01", E, title=("项目没有指标", "Project without indicators"),
    message=("项目没有任何绩效指标，导出时“绩效指标”栏将为空。请至少添加{categories}各一项。",
             "The project has no indicators; its 绩效指标 cell would be empty in the export. "
             "Add at least one of each of {categories}."),
    source=source(FORM, "每个项目须填报绩效指标", "every project lists its indicators"))
def has_indicators(p, ctx):
    if not p.filled:
        return hit("indicators", categories=listing(level1_names(ctx.profile)))
