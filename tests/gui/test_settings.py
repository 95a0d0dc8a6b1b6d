"""App settings: declared once, typed, stored in the app-data folder (never the registry)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray

from perfdesk.gui import settings as s


def test_defaults_then_values_survive_a_restart(tmp_path, _private_home):
    first = s.Settings()
    assert first.path.parent == Path(_private_home)
    assert first.get(s.LANGUAGE) == "zh_CN"
    assert first.get(s.RECENT_FILES) == ()
    first.set(s.LANGUAGE, "en")
    first.set(s.WINDOW_GEOMETRY, QByteArray(b"\x01\x02geometry"))
    again = s.Settings()
    assert again.get(s.LANGUAGE) == "en"
    assert bytes(again.get(s.WINDOW_GEOMETRY)) == b"\x01\x02geometry"


def test_recent_files_most_recent_first_without_duplicates_or_missing_files(tmp_path):
    files = []
    for name in ("一.perfdesk", "二.perfdesk", "三.perfdesk"):
        path = tmp_path / name
        path.write_bytes(b"x")
        files.append(path)
    settings = s.Settings()
    for path in files:
        settings.add_recent(path)
    settings.add_recent(files[0])
    assert settings.recent_files() == [files[0].resolve(), files[2].resolve(), files[1].resolve()]
    files[2].unlink()
    assert settings.recent_files() == [files[0].resolve(), files[1].resolve()]
    settings.add_recent(files[1])
    assert s.Settings().recent_files()[0] == files[1].resolve()


def test_a_single_recent_file_comes_back_as_a_list(tmp_path):
    path = tmp_path / "only.perfdesk"
    path.write_bytes(b"x")
    settings = s.Settings()
    settings.add_recent(path)
    assert s.Settings().recent_files() == [path.resolve()]
