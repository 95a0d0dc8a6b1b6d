"""Console output for the windowed Windows build.

PerfDesk.exe is a windowed program (no black console window when a clerk double-clicks it), so
Python starts with ``sys.stdout``/``sys.stderr`` set to ``None``. When the same exe runs a
command (``PerfDesk.exe --self-test``, ``PerfDesk.exe check …``) from a command prompt or a
script that captures its output, we still want to print: use the standard handles the process
inherited (a pipe or file), or else attach to the console of the command prompt that started us.
"""

from __future__ import annotations

import io
import os
import sys


def attach_std_streams() -> None:
    """Give a windowed Windows process working stdout/stderr when it has somewhere to write."""
    if sys.platform != "win32" or (sys.stdout is not None and sys.stderr is not None):
        return
    import ctypes
    import msvcrt
    from ctypes import wintypes

    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    kernel32.GetStdHandle.restype = wintypes.HANDLE
    kernel32.GetStdHandle.argtypes = [wintypes.DWORD]
    invalid = wintypes.HANDLE(-1).value

    def from_handle(number: int):
        handle = kernel32.GetStdHandle(number)
        if not handle or handle == invalid:
            return None
        try:
            fd = msvcrt.open_osfhandle(handle, os.O_WRONLY)
            return io.TextIOWrapper(os.fdopen(fd, "wb", buffering=0), encoding="utf-8",
                                    errors="replace", line_buffering=True)
        except OSError:
            return None

    out = from_handle(-11)  # STD_OUTPUT_HANDLE
    err = from_handle(-12)  # STD_ERROR_HANDLE
    if out is None and err is None and kernel32.AttachConsole(wintypes.DWORD(-1)):
        try:
            console = open("CONOUT$", "w", encoding="utf-8", errors="replace", buffering=1)
            out = err = console
        except OSError:
            pass
    if sys.stdout is None and out is not None:
        sys.stdout = out
    if sys.stderr is None and (err or out) is not None:
        sys.stderr = err or out
