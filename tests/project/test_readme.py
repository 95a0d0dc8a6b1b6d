"""The README's quick start stays true: exactly two commands, and CI runs the test one."""

from __future__ import annotations

import re
from pathlib import Path

from tests.support.paths import ROOT


def quick_start_commands() -> dict[str, str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    found = {}
    for name in ("run-command", "test-command"):
        block = re.search(rf"<!-- {name} -->\s*```\s*\n(.*?)\n```\s*<!-- /{name} -->", text,
                          re.S)
        assert block, f"README lacks the {name} block"
        found[name] = block.group(1).strip()
    return found


def test_quick_start_has_exactly_two_single_line_commands():
    commands = quick_start_commands()
    assert len(commands) == 2
    assert all("\n" not in c for c in commands.values())
    assert "pip install" in commands["run-command"] and "perfdesk" in commands["run-command"]
    assert "pytest" in commands["test-command"]


def test_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "test-command" in ci and 'bash -c "$test_command"' in ci
