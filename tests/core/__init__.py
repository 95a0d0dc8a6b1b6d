"""Tests: the domain: model, values, taxonomy, library, paths."""
