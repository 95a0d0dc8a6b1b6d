"""Tests: the checking engine and its rules."""
