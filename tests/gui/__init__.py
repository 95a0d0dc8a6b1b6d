"""Tests: the desktop app, driven through real widgets offscreen."""
