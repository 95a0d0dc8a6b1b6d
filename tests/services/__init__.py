"""Tests: dataset services."""
