"""Rules for what reviewers send back that the first catalogue did not catch (issue 12), from
published review guidance (``tests/corpus/review_guidance.json``, the G-numbers below) and the
rules proposed from it (``tests/corpus/reviewer_rules.md``): spending-side indicators in
disguise (IN-02), template words left in a name (ROW-04), a task sentence as the name
(ROW-05), a slogan with a bare percentage (VAL-14), a 数量指标 given as a rate (VAL-15), an
entitlement set below 100% (VAL-16)."""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

from perfdesk.checks.catalogue import Fix, Severity, hit, indicator_rule
from perfdesk.checks.wording import REVIEW, clip, source
from perfdesk.core.i18n import Text
from perfdesk.core.taxonomy import SATISFACTION, is_money_unit, simplified
from perfdesk.core.values import normalise_text

E, W, H = Severity.ERROR, Severity.WARNING, Severity.HINT
_HUNDRED = Decimal(100)
# numbering in front of a name: 1、 (1) ① 一、
_NUMBERING = re.compile(r"^(?:[0-9０-９]{1,2}[、.．)）]|[（(][0-9一二三四五六七八九十]{1,2}[)）]|"
                        r"[一二三四五六七八九十]{1,2}、|[①-⑳])\s*")
# what a measurable name ends with (VAL-14, ROW-05)
_MEASURABLE = re.compile(
    r"(?:率|比例|比重|占比|满意度|满意率|知晓率|安全感|幸福感|获得感|指数|得分|数|数量|人数|人次|次数|个数|"
    r"件数|场次|天数|时长|时间|时限|面积|长度|里程|金额|成本|费用|标准|期限|周期|量|度)$")


# What these rules ask of a name or a unit depends on the text alone: asked once per text (a
# dataset repeats its names across projects and years), the check stays cheaper than loading.
_CACHE = 4096


@lru_cache(maxsize=_CACHE)
def _bare(name: str) -> str:
    return _NUMBERING.sub("", name.strip())


@lru_cache(maxsize=256)
def _percent(unit: str) -> bool:
    return normalise_text(unit) in ("%", "百分比")


@lru_cache(maxsize=_CACHE)
def _measurable(name: str) -> bool:
    return bool(_MEASURABLE.search(name))


# --- IN-02 ----------------------------------------------------------------------------------

_SPENDING = re.compile(
    r"资金(?:到位|下达|拨付|支付|支出)及时(?:率|性)|到位及时(?:率|性)|(?:预算|资金)(?:当年)?下达(?:及时)?率|"
    r"(?:资金|经费|预算)支出(?:率|进度|时效性?)|执行进度|拨付(?:及时)?(?:率|性)|结余率|结转率|科目调整|"
    r"(?:经费|资金)(?:支出|使用|审批)(?:合规|规范)(?:性|率)?|经费审批流程|财务(?:管理)?(?:规范|合规)性|"
    r"及时支出|(?:资金|预算)(?:支付|执行)(?:完成)?率|资金的?供应|资金金额|资金执行|"
    # funds arriving or paid as the thing measured (资金到位时间, 资金到位及时支付率), settling
    # the bills (费用结算及时性, 结算款支付及时性, 合同结算条款完成率), the money spent (经费完成
    # 情况/进度, 经费使用完成情况), 专款专用, a project's funds paid out (奖补资金兑付率)
    r"资金(?:到位|拨付|下达)(?:时间|时限)|到位及时|支付及时(?:率|性)|"
    r"(?:费用|款项|经费|资金)结算|结算(?:款|条款)|结算及时|"
    r"(?:经费|资金|预算)(?:使用)?完成(?:情况|进度|率)|专款专用|(?:奖补|项目|专项|财政)资金兑付")
_BENEFIT_REACHES = re.compile(r"发放|到户|到人|兑付到")


@indicator_rule(
    "IN-02", W, title=("以预算执行代替产出或效果", "Budget execution posing as a result"),
    message=("“{name}”衡量的是预算执行和资金管理过程（“{word}”），不是这笔钱带来的产出或效果。预算执行"
             "情况在执行监控和绩效自评中另行考核，请删除本指标，改为资金买到的产出（如完成的数量、"
             "质量、时限）。",
             "'{name}' measures budget execution or fund management ('{word}'), not what the "
             "money produces or achieves. Budget execution is assessed separately in monitoring "
             "and self-evaluation; delete this indicator and state an output the money buys."),
    source=source(REVIEW, "预算执行率、资金到位率等反映资金落实和执行过程，不是绩效（《项目支出绩效评价"
                  "共性指标体系框架》；部门预算项目支出绩效自评表填表说明）",
                  "budget execution and funds in place are process, not performance"))
def spending_as_result(f, p, ctx):
    name = f.ind.name
    word = spending_word(name)
    if word and not (f.is_cost and is_money_unit(f.ind.unit)):
        return hit("name", name=clip(name), word=word)
    return None


@lru_cache(maxsize=_CACHE)
def spending_word(name: str) -> str:
    """The words of budget execution or fund management in a name (IN-02), or ``""``."""
    if _BENEFIT_REACHES.search(name):
        return ""
    m = _SPENDING.search(name)
    return m.group() if m else ""


# --- ROW-04 / ROW-05 ------------------------------------------------------------------------

_TEMPLATE_PREFIX = re.compile(
    r"^(?:指标|三级指标|绩效指标|指标名称|指标内容)\s*[0-9０-９一二三四五六七八九十]*\s*[：:、.．)）]\s*")
_TEMPLATE_WHOLE = re.compile(
    r"^[（(]?(?:三级指标|指标名称|指标内容|请填写.*|请输入.*|请选择.*|填写说明|自定义|自行设置|具体指标|"
    r"其他指标|示例)[)）]?$|^(?:例|例如|如)[：:]")


# the template's own note left after a name: 成活率(目标), 满意度（必填）
_TEMPLATE_NOTE = re.compile(r"\s*[（(]\s*(?:目标|必填|选填|可选|可选填|自定义)\s*[)）]\s*$")
# the template's hint of how to fill the row, left in brackets in the name: (≥台) (≤万元) (＝个)
# — a comparator and a unit, no number (with ** in it, it is ROW-03's placeholder)
_TEMPLATE_HINT = re.compile(r"[（(]\s*([≥≤＞＜><=＝≧≦])\s*([^\d（()）*＊×xX.．…]{1,6})\s*[)）]")
_HINT_COMPARATOR = {"≧": "≥", "≦": "≤", ">": "＞", "<": "＜", "=": "＝"}


@lru_cache(maxsize=_CACHE)
def _maybe_template(name: str) -> bool:
    return bool(_TEMPLATE_WHOLE.search(name) or _TEMPLATE_PREFIX.match(name)
                or _TEMPLATE_NOTE.search(name)
                or (("(" in name or "（" in name) and _TEMPLATE_HINT.search(name)))


@indicator_rule(
    "ROW-04", W, title=("指标名称留有模板文字", "Template words left in the name"),
    messages={
        "prefix": ("三级指标名称中留有模板文字“{word}”。请删去模板文字，只保留所衡量的内容（“{fixed}”）。"
                   "可一键删去。",
                   "The indicator name still has the template's words '{word}'. Delete them and "
                   "keep what is measured ('{fixed}'); this can be done in one click."),
        "whole": ("三级指标名称“{name}”是模板文字，不是指标。请写出要衡量的内容，如“培训人次”。",
                  "The indicator name '{name}' is the template's text, not an indicator. Name "
                  "what is measured, e.g. 培训人次."),
        "hint": ("三级指标名称中留有模板提示“{word}”。请删去名称中的提示，把计算符号“{comparator}”和"
                 "计量单位“{unit}”填入指标值和计量单位栏（名称“{fixed}”）。可一键改正。",
                 "The indicator name still has the template's hint '{word}'. Delete it and put "
                 "the comparator '{comparator}' and the unit '{unit}' into their cells (name "
                 "'{fixed}'); this can be done in one click."),
    },
    severity_by_profile={}, escalates=True,
    source=source(REVIEW, "报送的表格不得保留模板文字", "submitted tables keep no template text"))
def template_words(f, p, ctx):
    name = f.ind.name.strip()
    if not name or not _maybe_template(name):
        return None
    if _TEMPLATE_WHOLE.search(name):
        return hit("name", "whole", severity=E, name=clip(name))
    m = _TEMPLATE_PREFIX.match(name)
    fixed, words = (name[m.end():].strip(), [m.group().strip()]) if m else (name, [])
    note = _TEMPLATE_NOTE.search(fixed)
    if note:  # the template's note after the name: 成活率(目标)
        fixed, words = fixed[:note.start()].strip(), [*words, note.group().strip()]
    if words and fixed:
        word = "”“".join(words)
        fix = Fix(Text(f"名称改为“{clip(fixed)}”", f"Rename to '{clip(fixed)}'"),
                  indicator_changes={f.ind.uuid: {"name": fixed}})
        return hit("name", "prefix", fix=fix, word=word, fixed=clip(fixed))
    if words:
        return None
    h = _TEMPLATE_HINT.search(name)
    if h is None:
        return None
    fixed = (name[:h.start()] + name[h.end():]).strip()
    if not fixed:
        return None
    comparator = _HINT_COMPARATOR.get(h.group(1), h.group(1))
    unit = h.group(2).strip()
    ind = f.ind
    changes = {"name": fixed}
    if not ind.comparator:
        changes["comparator"] = comparator
    if not ind.unit:
        changes["unit"] = unit
    fix = Fix(Text(f"名称改为“{clip(fixed)}”，计算符号和单位填入对应栏",
                   f"Rename to '{clip(fixed)}', comparator and unit into their cells"),
              indicator_changes={ind.uuid: changes})
    return hit("name", "hint", fix=fix, word=h.group(), comparator=comparator, unit=unit,
               fixed=clip(fixed))


_TASK_VERB = re.compile(r"^(?:开展|做好|完成|确保|推进|组织|落实|加强|实施|发动|协助|配合|按照|根据|通过|"
                        r"围绕|聚焦|全面|积极|认真|"
                        # paying out, as a task (按年度发放……补贴)
                        r"(?:按(?:年度|年|季度|季|月|时|期|规定|标准))?(?:发放|兑现|支付))")
# a deadline written into the name (2022年12月底前发放完毕): the target, as a sentence
_DEADLINE = re.compile(r"(?:19|20)\d{2}年(?:[0-9０-９]{1,2}月)?(?:[0-9０-９]{1,2}日)?(?:底|末)?(?:前|以前|之前)")
# a target written after the name (发放准确率100%): the name is what comes before it (VAL-09's)
_TRAILING_TARGET = re.compile(r"[≥≤＞＜＝=]?\s*[0-9０-９]+(?:\.[0-9]+)?\s*[%％]?$")
# a placeholder in brackets ((≥**%)) is ROW-03's; what is left is judged
_PLACEHOLDER_HINT = re.compile(r"[（(][^（()）]*[*＊×…][^（()）]*[)）]")
_WORK_END = re.compile(r"(?:项目|工作|活动|任务)$")
_SENTENCE_MARKS = re.compile(r"[，,。；;！!？?]")


@indicator_rule(
    "ROW-05", W, title=("三级指标是一句工作任务", "A task sentence as the indicator name"),
    message=("三级指标“{name}”是一句工作任务，不是指标。请改成“对象＋度量”的短名称（如“培训人次”"
             "“系统正常运行率”），任务内容写到年度目标中。",
             "The indicator '{name}' is a task sentence, not an indicator. Shorten it to 'what + "
             "measure' (e.g. 培训人次, 系统正常运行率) and put the task in the annual goal."),
    source=source(REVIEW, "三级指标是对二级指标内容的具体、指标化的文字表述（《绩效目标填报指南》）",
                  "a level-3 indicator is a specific, measurable wording"),
    settings=("sentence_max_chars",))
def task_as_name(f, p, ctx):
    if _names_task(f.ind.name):
        return hit("name", name=clip(_bare(f.ind.name)))
    return None


@lru_cache(maxsize=_CACHE)
def _names_task(name: str) -> bool:
    """Whether an indicator's name (as written) is a task sentence (ROW-05)."""
    # 補(bǔ)助經(jīng)費: the pinyin readings are no sentence
    return _is_task(_PLACEHOLDER_HINT.sub("", simplified(_bare(name))).strip())


@lru_cache(maxsize=_CACHE)
def _is_task(name: str) -> bool:
    if not name or _TEMPLATE_PREFIX.match(name):
        return False  # ROW-04 speaks
    return bool(_SENTENCE_MARKS.search(name) or len(name) > 25
                or ((_TASK_VERB.search(name) or _DEADLINE.search(name))
                    and not _measurable(_TRAILING_TARGET.sub("", name)))
                or _WORK_END.search(name))


# --- VAL-14 / VAL-15 / VAL-16 ---------------------------------------------------------------

_SLOGAN_VERB = re.compile(r"^(?:促进|推动|推进|维护|提升|提高|加强|加快|保障|确保|改善|优化|助力|营造|增强|"
                          r"巩固|深化|强化|打造|实现|构建|落实|完善|规范|服务|保护)")
_SLOGAN_NOUN = re.compile(r"(?:发展|稳定|水平|能力|环境|氛围|形象|秩序|效能|作用|建设|治理|和谐|质量|安全|"
                          r"卫生|面貌|效果|成效|时效|(?:可持续|持续|长期|使用|稳定)性)$")
# the state of a system or its management (管理制度健全、执行有效性): nothing to count either
_SYSTEM_STATE = re.compile(r"(?:制度|机制|管理|体系).*(?:健全|完善|有效|规范)性?$")


@indicator_rule(
    "VAL-14", W, title=("口号式指标配百分比", "A slogan with a bare percentage"),
    message=("“{name}”是工作口号，不是可以统计的对象，“{value}”说不清是什么的百分比。请把名称改成能"
             "计数或计算的量（如“政策知晓率”“群众安全感”），并在指标解释中写明计算口径。",
             "'{name}' is a slogan, not something that can be counted; '{value}' is a "
             "percentage of nothing in particular. Name a quantity that can be counted or "
             "computed and give its calculation in 指标解释."),
    source=source(REVIEW, "绩效指标应通过清晰、可衡量的指标值予以体现（《项目支出绩效评价共性指标体系框架》）",
                  "indicators are clear and measurable"))
def slogan_percentage(f, p, ctx):
    ind = f.ind
    if ind.target is None or f.is_satisfaction:
        return None
    # a bare percentage: in %, or a number up to 100 with no unit at all (长期使用性 | 100)
    if not (_percent(ind.unit) or (not ind.unit.strip() and 0 < ind.target <= _HUNDRED)):
        return None
    name = _bare(ind.name)
    if _measurable(name) or not (_SLOGAN_VERB.search(name) or _SLOGAN_NOUN.search(name)
                                 or _SYSTEM_STATE.search(name)):
        return None
    return hit("name", name=clip(name), value=clip(f.display))


_RATE_NAME = re.compile(r"(?:率|比例|比重|占比)$")


@indicator_rule(
    "VAL-15", W, title=("数量指标写成了比率", "A quantity indicator given as a rate"),
    message=("数量指标“{name}”写成了比率（{value}）。数量指标应写完成了多少（人、次、个……），如"
             "“培训人次≥280人次”；比率请放到质量指标或效益指标下。",
             "The quantity indicator '{name}' is given as a rate ({value}). A quantity "
             "indicator says how much is delivered (people, times, items …); put rates under "
             "质量指标 or 效益指标."),
    source=source(REVIEW, "数量指标反映项目计划完成的产品或服务数量", "quantity indicators count "
                  "what is delivered"))
def quantity_as_rate(f, p, ctx):
    ind = f.ind
    if f.level2 != "数量指标" or not f.has_value:
        return None
    if _percent(ind.unit) or _rate_named(ind.name) or f.display.endswith("%"):
        return hit("value", name=clip(ind.name), value=clip(f.display))
    return None


_NAME_NOTE = re.compile(r"[（(][^（()）]*[)）]$")


@lru_cache(maxsize=_CACHE)
def _rate_named(name: str) -> bool:
    """Whether a name is that of a rate, its unit note aside (成活率(%), 成活率(≥**%))."""
    return bool(_RATE_NAME.search(_NAME_NOTE.sub("", _bare(name)).strip()))


# 发放率, and 发放准确率 / 发放准确性 (what is paid, paid right)
_ENTITLEMENT_NAME = re.compile(r"(?:发放|兑现|享受|落实|到户|到人|覆盖|救助|资助)(?:准确)?的?(?:比)?(?:率|"
                               r"(?<=准确)性)$")
_BENEFIT = re.compile(r"补贴|补助|救助|低保|特困|五保|津贴|抚恤|优抚|养老金|高龄|资助|助学金|奖学金|生活费|"
                      r"慰问金|救济|孤儿|应保尽保|应救尽救|应助尽助|工资|薪酬|报酬")
_UPTAKE = re.compile(r"参保|续保|签约|接种|知晓|满意|申领|申报")


@indicator_rule(
    "VAL-16", W, title=("应享待遇目标低于100%", "An entitlement set below 100%"),
    message=("“{name}”是符合条件者都应享受的待遇，目标“{value}”等于允许部分符合条件的对象拿不到。"
             "请写“＝100%”；确因对象动态调整等原因达不到，请在指标解释中说明。",
             "'{name}' is an entitlement every eligible person must receive; a target of "
             "'{value}' allows some to go without. Write ＝100%, or explain in 指标解释 why it "
             "cannot be reached."),
    source=source(REVIEW, "救助覆盖率以“是否应救尽救”评价，100%为优（邯郸 困难群众救助 绩效目标）",
                  "benefits reach everyone eligible"), when=("target",))
def entitlement_below_full(f, p, ctx):
    ind = f.ind
    if (not _percent(ind.unit) or ind.target >= _HUNDRED or f.level1 == SATISFACTION
            or not _entitlement(ind.name)):
        return None
    project = p.project
    if not (_benefit_named(ind.name) or _BENEFIT.search(simplified(project.name))
            or _BENEFIT.search(project.annual_goal)):
        return None
    fix = None
    if not f.written:
        fix = Fix(Text("目标改为“＝100%”", "Set the target to ＝100%"),
                  indicator_changes={ind.uuid: {"comparator": "＝", "target": _HUNDRED}})
    return hit("value", fix=fix, name=clip(_bare(ind.name)), value=clip(f.display))


@lru_cache(maxsize=_CACHE)
def _entitlement_words(name: str) -> str:
    """An indicator's name as VAL-16 reads it: no numbering, simplified, without a trailing
    (%) (發放的比率(%) as 发放的比率)."""
    return re.sub(r"[(（][%％][)）]$", "", simplified(_bare(name)))


@lru_cache(maxsize=_CACHE)
def _entitlement(name: str) -> bool:
    """Whether the name is that of an entitlement's rate (发放率), not an uptake or spending."""
    words = _entitlement_words(name)
    return bool(_ENTITLEMENT_NAME.search(words) and not _UPTAKE.search(words)
                and not _SPENDING.search(words))


@lru_cache(maxsize=_CACHE)
def _benefit_named(name: str) -> bool:
    return bool(_BENEFIT.search(_entitlement_words(name)))



