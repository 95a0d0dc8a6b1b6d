"""Floor for bench_check_process.py: a process that opens a dataset with PerfDesk and loads
every project with its indicators (``Dataset.load_projects``), and nothing else: the cost of
loading what ``perfdesk check`` then checks.

    python bench/floor/load_dataset.py DATASET
"""

import sys

from perfdesk.services.dataset import Dataset


def main(path: str) -> None:
    with Dataset.open(path, read_only=True) as ds:
        projects = ds.load_projects()
    print(len(projects))


if __name__ == "__main__":
    main(sys.argv[1])
