"""Tests: the perfdesk command."""
