"""Storage: the dataset file (one SQLite file per dataset), its schema, its migrations, and all
the SQL PerfDesk runs: opening (:mod:`.store`), reading (:mod:`.queries`) and the one write
transaction each edit is, with its change log and the change set it returns (:mod:`.writes`).

Nothing outside this package runs SQL; the GUI and the CLI go through :mod:`perfdesk.services`.
"""
