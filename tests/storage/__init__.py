"""Tests: the dataset file."""
