"""perfdesk import / export from the command line."""

from __future__ import annotations

from tests.support.paths import SEED
from tests.support.cli import run_cli

from openpyxl import load_workbook

from perfdesk.services.dataset import Dataset
from perfdesk.io import read_table


def test_import_prints_what_was_added_and_what_was_guessed(tmp_path):
    dataset = tmp_path / "数据.perfdesk"
    assert run_cli("new", str(dataset), "--year", "2023").returncode == 0
    result = run_cli("import", str(SEED), "--into", str(dataset))
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "新建主管部门 1 个：中共广州市黄埔区委政法委员会（部门）" in out
    assert "新建预算单位 1 个：中共广州市黄埔区委政法委员会" in out
    assert "项目 22 个，指标 79 条" in out
    assert "需要核对的地方（1 处）" in out and "质量指标" in out
    with Dataset.open(dataset, read_only=True) as ds:
        assert ds.counts().indicators == 79


def test_export_both_layouts_and_import_them_elsewhere(tmp_path):
    dataset = tmp_path / "数据.perfdesk"
    run_cli("new", str(dataset), "--year", "2023")
    run_cli("import", str(SEED), "--into", str(dataset))
    for layout in ("disclosure", "detail"):
        out = tmp_path / f"{layout}.xlsx"
        result = run_cli("export", str(dataset), "--format", layout, "-o", str(out))
        assert result.returncode == 0, result.stderr
        assert "已导出 22 个项目" in result.stdout
        back = read_table(out)
        assert back.kind == layout and back.restored == 22
    # the seed's projects all have check errors (e.g. 执法监督工作经费 has no 产出指标)
    assert "检查仍有错误" in result.stdout  # said here, never printed in the table
    sheet = load_workbook(tmp_path / "disclosure.xlsx").worksheets[0]
    assert sheet.max_column == 5 and sheet["F2"].value is None


def test_errors_are_one_line_with_status_2(tmp_path):
    dataset = tmp_path / "数据.perfdesk"
    run_cli("new", str(dataset), "--year", "2023")
    bad = tmp_path / "坏表.xlsx"
    bad.write_bytes(b"PK\x03\x04 broken")
    result = run_cli("import", str(bad), "--into", str(dataset))
    assert result.returncode == 2 and result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1 and "坏表.xlsx" in result.stderr
    result = run_cli("export", str(dataset), "--format", "detail", "-o",
                     str(tmp_path / "没有这个文件夹" / "x.xlsx"), env={"LANG": "en_US.UTF-8"})
    assert result.returncode == 2
    assert result.stderr.strip() == ("perfdesk: file 'x.xlsx': The folder to save into does "
                                     "not exist.")
