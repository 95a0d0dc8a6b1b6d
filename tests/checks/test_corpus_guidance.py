"""The reviewer-guidance corpus stays consistent as people add quotations and suggestions.

The rules of issue 12 are built from tests/corpus/review_guidance.json, reviewer_rules.md and
indicator_suggestions.json; a quotation without a rule, a rule citing a missing quotation, or a
suggested indicator that breaks the very checks it is meant to illustrate would mislead whoever
implements them. tests/corpus/validate_corpus.py holds the checks; these tests run it.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


def _validator():
    spec = importlib.util.spec_from_file_location("validate_corpus", CORPUS / "validate_corpus.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _load(name):
    return json.loads((CORPUS / name).read_text(encoding="utf-8"))


def test_guidance_quotations_map_to_rules_and_are_all_cited():
    v = _validator()
    quotes = _load("review_guidance.json")
    problems: list[str] = []
    by_rule = v.check_guidance(quotes, (CORPUS / "reviewer_rules.md").read_text(encoding="utf-8"),
                               problems)
    assert problems == []
    assert len(quotes) >= 30
    assert {"IN-02", "VAL-14", "GOAL-05", "VAL-16"} <= set(by_rule)


def test_every_suggested_indicator_passes_the_proposed_checks():
    v = _validator()
    problems: list[str] = []
    per_kind = v.check_suggestions(_load("indicator_suggestions.json"), problems)
    assert problems == []
    assert sum(per_kind.values()) >= 60
    assert set(per_kind) == set(v.PROJECT_KINDS)


def test_a_suggestion_that_breaks_a_rule_is_caught():
    v = _validator()
    good = _load("indicator_suggestions.json")[0]
    problems: list[str] = []
    v.check_suggestion(dict(good, name="人均培训成本", level2="成本指标", unit="个"), "x", problems)
    v.check_suggestion(dict(good, name="补助发放率", level2="质量指标", unit="%", target="95"), "y",
                       problems)
    assert problems == ["x: a cost indicator must be money (COST-01)",
                        "y: an entitlement is ＝100% (VAL-16)"]
