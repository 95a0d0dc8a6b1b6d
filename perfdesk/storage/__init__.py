"""Storage: the dataset file (one SQLite file per dataset), its schema and its migrations.

Nothing outside this package runs SQL; the GUI and the CLI go through :mod:`perfdesk.services.dataset`.
"""
