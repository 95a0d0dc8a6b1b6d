"""The desktop app (Qt). It calls the core (perfdesk.services.dataset, checks, io) and never runs SQL.

Everything here may import PySide6; nothing outside this package may.
"""
