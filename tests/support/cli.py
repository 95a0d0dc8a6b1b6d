"""Running the real ``perfdesk`` command in a subprocess, as a clerk or a script does."""

from __future__ import annotations

import os
import sys
from pathlib import Path


def run_cli(*args: str, env: dict | None = None, cwd: Path | None = None):
    """Run ``python -m perfdesk`` in a subprocess; returns the CompletedProcess."""
    import subprocess

    full_env = dict(os.environ)
    full_env.update(env or {})
    return subprocess.run([sys.executable, "-m", "perfdesk", *args], capture_output=True,
                          text=True, encoding="utf-8", env=full_env, cwd=cwd, timeout=300)
