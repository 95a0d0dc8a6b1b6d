"""``python -m perfdesk`` runs the same entry point as the ``perfdesk`` command."""

import sys

from perfdesk.cli import main

sys.exit(main())
