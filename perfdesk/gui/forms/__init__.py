"""Modules generated from ui/*.ui by ui/compile.py."""
