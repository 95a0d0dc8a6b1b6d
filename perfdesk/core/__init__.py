"""The domain itself, with no I/O: the model, target values, the indicator tree, field
labels, severities and what a clerk's text in a cell means. Imports nothing else of PerfDesk.
"""
