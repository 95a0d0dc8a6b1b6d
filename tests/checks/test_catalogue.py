"""The catalogue is documented from the registry: ``perfdesk check --rules`` lists every rule
(ID, severity per profile, title in Chinese) and ``docs/rules.md`` is generated from it, so the
two never drift from what the checker does."""

from __future__ import annotations

import json
from pathlib import Path

from perfdesk.checks import RULES
from perfdesk.checks import listing
from perfdesk.cli import main

DOCS = Path(__file__).resolve().parents[2] / "docs" / "rules.md"


def test_docs_rules_md_is_generated_from_the_registry_and_up_to_date():
    assert DOCS.read_text(encoding="utf-8") == listing.as_markdown(), (
        "docs/rules.md is stale: run python -m perfdesk.checks.listing > docs/rules.md")


def test_docs_list_every_rule_with_both_profiles_severities_and_its_source():
    text = DOCS.read_text(encoding="utf-8")
    for rule in RULES.values():
        assert f"| {rule.id} |" in text
    line = next(ln for ln in text.splitlines() if ln.startswith("| REQ-04 |"))
    assert "| 警告 | 错误 |" in line  # a warning in profile 88, an error in 101
    assert "财预" in line


def test_check_rules_lists_the_catalogue_with_chinese_titles(capsys):
    assert main(["check", "--rules"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert [ln.split()[0] for ln in out] == list(RULES)
    assert out[0].startswith("HDR-01") and "项目名称为空" in out[0]
    req4 = next(ln for ln in out if ln.startswith("REQ-04"))
    assert "警告/错误" in req4


def test_check_rules_as_json_gives_message_fix_and_source(capsys):
    assert main(["check", "--rules", "--format", "json"]) == 0
    rules = json.loads(capsys.readouterr().out)
    by_id = {r["id"]: r for r in rules}
    assert set(by_id) == set(RULES)
    assert by_id["REQ-04"]["severity"] == {"88": "warning", "101": "error"}
    assert by_id["CAT-02"]["fix"] is True
    assert "财预" in by_id["CAT-01"]["source"] and "请" in by_id["CAT-01"]["message"]


def test_check_without_inputs_says_what_to_give(capsys):
    assert main(["check"]) == 2
    assert "--rules" in capsys.readouterr().err


def test_a_milder_rule_that_can_give_an_error_says_so():
    """Counting projects with errors runs only the rules that may give one (or take one
    away): a rule whose hit raises itself to an error must be marked ``escalates``."""
    import inspect
    import re

    from perfdesk.checks import RULES

    raising = re.compile(r"severity\s*=\s*(E\b|Severity\.ERROR|ERROR\b)")
    for rule in RULES.values():
        if raising.search(inspect.getsource(rule.check)):
            assert rule.escalates, rule.id
