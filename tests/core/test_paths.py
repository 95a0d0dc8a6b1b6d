"""Where PerfDesk keeps its own files: the app-data folder, portable mode beside the exe, and
resources found in a checkout, an installation or a frozen bundle."""

from __future__ import annotations

import sys

from perfdesk.core import paths


def test_tests_never_touch_the_real_app_data_folder(_private_home):
    assert paths.app_data_dir() == _private_home
    assert paths.log_dir() == _private_home / "logs"
    assert paths.documents_dir() == _private_home / "datasets"


def frozen_at(monkeypatch, folder):
    monkeypatch.delenv("PERFDESK_HOME", raising=False)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(folder / "PerfDesk.exe"))
    monkeypatch.setattr(sys, "_MEIPASS", str(folder / "_internal"), raising=False)


def test_portable_marker_keeps_settings_and_logs_beside_the_exe(tmp_path, monkeypatch):
    stick = tmp_path / "U盘" / "PerfDesk"
    stick.mkdir(parents=True)
    (stick / "portable").write_bytes(b"")
    frozen_at(monkeypatch, stick)
    assert paths.portable_dir() == stick / "PerfDesk-data"
    assert paths.app_data_dir() == stick / "PerfDesk-data"
    assert paths.log_dir() == stick / "PerfDesk-data" / "logs"
    assert paths.log_dir().is_dir()
    # live datasets still go to the local documents folder, never onto the stick
    assert stick not in paths.documents_dir().parents


def test_without_the_marker_a_frozen_app_uses_the_user_profile(tmp_path, monkeypatch):
    folder = tmp_path / "PerfDesk"
    folder.mkdir()
    frozen_at(monkeypatch, folder)
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "Local"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    assert paths.portable_dir() is None
    assert folder not in paths.app_data_dir().parents


def test_frozen_resources_come_from_the_bundle(tmp_path, monkeypatch):
    frozen_at(monkeypatch, tmp_path)
    assert paths.resources_dir() == tmp_path / "_internal" / "perfdesk" / "resources"


def test_a_checkout_finds_its_resources():
    assert (paths.resources_dir() / "samples" / "000_05425078e2155506.txt").is_file()
    assert paths.resource("templates", "detail_template.xlsx").is_file()
