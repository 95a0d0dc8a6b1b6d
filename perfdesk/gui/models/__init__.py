"""Qt item models over the document: the project tree, the indicator grid, findings.
"""
