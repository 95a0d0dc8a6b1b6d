"""Tests: what the tests share: paths, sample tables, check samples, GUI helpers."""
