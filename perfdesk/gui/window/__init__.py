"""The main window, in parts with one job each.
"""
