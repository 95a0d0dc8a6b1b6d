"""Tests: the repository as a whole: architecture, README, user guide, generated files."""
