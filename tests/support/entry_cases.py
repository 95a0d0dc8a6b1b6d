"""The text a clerk types, pastes or imports into one 指标值 cell, and what must be stored
whichever way it came (issue 10: one meaning of a cell for typing, paste and both importers)."""

from __future__ import annotations

from decimal import Decimal

# A target in ASCII spelling followed by a remark in brackets, as last year's tables have it.
SURVEY = ">=95%（问卷调查）"

# (指标性质, 计算符号, 指标值, 计量单位, grade, value as written, 指标解释): the target canonical,
# nothing kept "as written", the remark moved into 指标解释.
SURVEY_STORED = ("定量", "≥", Decimal("95"), "%", "", "", "问卷调查")


def stored_target(indicator) -> tuple:
    """The fields of ``indicator`` that the three ways of entry must agree on."""
    return (indicator.nature, indicator.comparator, indicator.target, indicator.unit,
            indicator.grade, indicator.value_text, indicator.explanation)
