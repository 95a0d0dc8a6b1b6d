"""The perfdesk command: version, new, info, self-test, and one clear line on errors."""

from __future__ import annotations

from tests.support.cli import run_cli

from perfdesk import __version__


def test_version():
    result = run_cli("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"PerfDesk {__version__}"


def test_new_then_info(tmp_path):
    path = tmp_path / "中文 路径" / "数据.perfdesk"
    result = run_cli("new", str(path), "--year", "2025", "--profile", "101",
                     "--department", "区政法委", "--unit", "区政法委本级")
    assert result.returncode == 0, result.stderr
    assert path.exists()
    info = run_cli("info", str(path))
    assert info.returncode == 0, info.stderr
    assert "2025" in info.stdout and "101" in info.stdout
    lines = dict(line.split(None, 1) for line in info.stdout.splitlines())
    assert lines["主管部门"].strip() == "1" and lines["项目"].strip() == "0"


def test_info_in_english(tmp_path):
    path = tmp_path / "d.perfdesk"
    run_cli("new", str(path), "--year", "2025")
    info = run_cli("info", str(path), env={"LANG": "en_US.UTF-8"})
    assert "Budget year" in info.stdout


def test_errors_are_one_clear_line_with_status_2(tmp_path):
    bad = tmp_path / "表格.xlsx"
    bad.write_bytes(b"PK\x03\x04" + b"\0" * 200)
    result = run_cli("info", str(bad))
    assert result.returncode == 2
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr
    assert "不是 PerfDesk 数据文件" in result.stderr and "表格.xlsx" in result.stderr


def test_errors_in_english_when_lang_is_english(tmp_path):
    result = run_cli("info", str(tmp_path / "missing.perfdesk"), env={"LANG": "en_GB.UTF-8"})
    assert result.returncode == 2
    assert result.stderr.strip() == "perfdesk: file 'missing.perfdesk': The file does not exist."


def test_usage_errors_are_reported_in_chinese(tmp_path):
    result = run_cli("task", "--department", "某局")
    assert result.returncode == 2
    assert "缺少参数" in result.stderr and "--year" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    result = run_cli("new", str(tmp_path / "x.perfdesk"))  # neither a year nor a task file
    assert result.returncode == 2 and "--year" in result.stderr and "--task" in result.stderr
    result = run_cli("new", str(tmp_path / "x.perfdesk"), "--year", "2025", "--profile", "77")
    assert result.returncode == 2 and "无效" in result.stderr


def test_new_refuses_to_overwrite(tmp_path):
    path = tmp_path / "d.perfdesk"
    path.write_text("keep me", encoding="utf-8")
    result = run_cli("new", str(path), "--year", "2025")
    assert result.returncode == 2
    assert path.read_text(encoding="utf-8") == "keep me"


def test_self_test_passes():
    result = run_cli("self-test")
    assert result.returncode == 0, result.stderr + result.stdout
    assert "self-test passed" in result.stdout


def test_chinese_output_survives_a_console_that_cannot_encode_it(tmp_path):
    """A Windows console or pipe with a Western code page must not crash the command."""
    path = tmp_path / "数据.perfdesk"
    result = run_cli("new", str(path), "--year", "2025", env={"PYTHONIOENCODING": "cp1252"})
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert "数据.perfdesk" in result.stdout  # redirected output is UTF-8
