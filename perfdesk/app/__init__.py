"""The composition root: the ``perfdesk`` entry point that starts either the command line
or the desktop app, and the end-to-end self-test of an installed or frozen PerfDesk.
"""
