"""A background job and the window use one open dataset at once: an export or a check of all
projects reads on a worker thread while the clerk clicks through projects, and an import
writes on one while the window keeps reading. Each gets a connection of its own, so neither
fails ("cannot start a transaction within a transaction") and readers see only what was
committed."""

from __future__ import annotations

import threading

from tests.storage.test_datasetfile import make_v1_file

from perfdesk.core.model import Indicator, Project
from perfdesk.services.dataset import Dataset


def many_projects(ds, count: int = 200) -> None:
    ds.add_projects([Project(name=f"项目{n}", department="测试主管部门", unit="测试预算单位",
                             indicators=[Indicator(name="培训场次")]) for n in range(count)])


def read_beside(ds, background, foreground) -> list[str]:
    """Run ``background`` on a thread while ``foreground`` runs here; the errors of both."""
    errors: list[str] = []

    def run(work):
        try:
            work()
        except Exception as exc:  # noqa: BLE001 - reported to the test
            errors.append(repr(exc))

    thread = threading.Thread(target=run, args=(background,))
    thread.start()
    run(foreground)
    thread.join()
    return errors


def test_a_worker_reads_while_the_window_reads(new_dataset):
    ds = new_dataset()
    many_projects(ds)
    errors = read_beside(ds, lambda: [ds.load_projects() for _ in range(20)],
                         lambda: [ds.counts() for _ in range(300)])
    assert errors == []


def test_the_window_reads_while_an_import_writes_on_a_worker(new_dataset):
    ds = new_dataset()
    many_projects(ds, 20)
    seen: list[int] = []
    errors = read_beside(ds, lambda: many_projects(ds, 2000),
                         lambda: [seen.append(ds.counts().projects) for _ in range(200)])
    assert errors == []
    assert set(seen) <= {20, 2020}  # never half an import
    assert ds.counts().projects == 2020


def test_an_old_file_open_read_only_is_read_from_two_threads(tmp_path):
    path = tmp_path / "旧版.perfdesk"
    make_v1_file(path)
    with Dataset.open(path, read_only=True) as ds:  # upgraded in memory: one connection
        errors = read_beside(ds, lambda: [ds.load_projects() for _ in range(200)],
                             lambda: [ds.counts() for _ in range(500)])
    assert errors == []
