"""The peak resident memory of this process, for both sides of bench_gui_memory.py."""

import resource


def peak_kib() -> int:
    """This process's peak resident set in KiB: ``VmHWM`` of /proc/self/status (Linux), which
    counts this program only. ``ru_maxrss`` is the fallback elsewhere; on Linux it also keeps
    the peak of the process that started this one (the benchmark, which may have just built a
    large dataset), so it is not used there."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
