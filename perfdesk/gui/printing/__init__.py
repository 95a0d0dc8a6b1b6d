"""Printing: the detailed form drawn as a PDF.
"""
