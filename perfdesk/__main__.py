"""``python -m perfdesk`` and the frozen PerfDesk.exe run the same entry point as ``perfdesk``."""

import sys

from perfdesk.app.main import main
from perfdesk.cli.winconsole import attach_std_streams

attach_std_streams()
sys.exit(main())
