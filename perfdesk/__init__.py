"""PerfDesk 绩效目标填报助手.

The package splits into a headless core (models and storage, rules, Excel/text I/O, CLI) that
never imports Qt, and the GUI in :mod:`perfdesk.gui`. ``__version__`` is the one source of the
version: pyproject.toml, the CLI, the dataset file and the Windows exe all read it from here.
"""

__version__ = "0.1.0"
