"""The window's widgets: the project form, the indicator grid view, the findings panel,
the start screen.
"""
