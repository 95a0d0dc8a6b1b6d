"""Datasets on removable drives or network shares are recognised and copied to the local disk."""

from __future__ import annotations

import sqlite3
from decimal import Decimal

import pytest

from perfdesk.services import placement
from perfdesk.services.dataset import Dataset
from perfdesk.core.errors import NotADatasetError
from perfdesk.core.model import Project
from perfdesk.core.paths import documents_dir

MOUNTS = """\
/dev/sda1 / ext4 rw,relatime 0 0
/dev/sdb1 /media/clerk/KINGSTON vfat rw,nosuid 0 0
server:/export /srv/share nfs4 rw,relatime 0 0
//fileserver/财务 /home/clerk/财务\\040共享 cifs rw 0 0
tmpfs /tmp tmpfs rw 0 0
"""


@pytest.mark.parametrize(("path", "kind"), [
    ("/media/clerk/KINGSTON/2025年绩效目标.perfdesk", placement.REMOVABLE),
    ("/run/media/clerk/U盘/数据.perfdesk", placement.REMOVABLE),
    ("/mnt/usb/数据.perfdesk", placement.REMOVABLE),
    ("/srv/share/单位/数据.perfdesk", placement.NETWORK),
    ("/home/clerk/财务 共享/数据.perfdesk", placement.NETWORK),
    ("/home/clerk/Documents/PerfDesk/数据.perfdesk", None),
    ("/tmp/数据.perfdesk", None),
])
def test_removable_drives_and_network_shares_are_recognised(path, kind):
    assert placement.risky_location(path, mounts=MOUNTS) == kind


def test_a_local_copy_holds_everything_including_what_is_still_in_the_log(new_dataset, tmp_path):
    dataset = new_dataset("U盘上的数据.perfdesk")
    unit = dataset.units()[0].uuid
    dataset.add_project(unit, Project(name="出租屋管理经费", annual_total=Decimal("12.30")))
    # the dataset is still open: its last edits may sit in the write-ahead log
    copy = placement.copy_to_local(dataset.path)
    assert copy.parent == documents_dir()
    assert copy.name == "U盘上的数据.perfdesk"
    dataset.close()
    with Dataset.open(copy) as local:
        [project] = local.load_projects()
    assert (project.name, project.annual_total) == ("出租屋管理经费", Decimal("12.30"))
    second = placement.copy_to_local(dataset.path)
    assert second.name == "U盘上的数据（2）.perfdesk"  # never overwrites an earlier copy


def test_something_that_is_not_a_dataset_is_not_copied(tmp_path):
    path = tmp_path / "表格.perfdesk"
    path.write_bytes(b"PK\x03\x04 not a dataset")
    with pytest.raises(NotADatasetError):
        placement.copy_to_local(path)
    assert not documents_dir().exists() or not any(documents_dir().iterdir())


def test_the_copy_is_a_dataset_sqlite_can_check(new_dataset):
    dataset = new_dataset()
    copy = placement.copy_to_local(dataset.path)
    conn = sqlite3.connect(copy)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()
