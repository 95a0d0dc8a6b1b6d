"""Tests: Excel and text import/export, paste."""
