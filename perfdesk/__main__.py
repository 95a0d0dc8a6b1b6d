"""``python -m perfdesk`` and the frozen PerfDesk.exe run the same entry point as ``perfdesk``."""

import sys

from perfdesk.cli import main
from perfdesk.winconsole import attach_std_streams

attach_std_streams()
sys.exit(main())
