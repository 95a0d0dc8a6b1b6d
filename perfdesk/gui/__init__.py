"""The desktop app (Qt). It calls the core (perfdesk.services.dataset, checks, io) and never runs SQL.

Everything here may import PySide6; nothing outside this package may.
"""

import PySide6.QtCore  # noqa: E402,F401  (loads PySide6's import hook, replaced just below)

from perfdesk.gui.pyside_hook import skip_source_scan  # noqa: E402

skip_source_scan()
