"""PerfDesk's tests, laid out like the code."""
