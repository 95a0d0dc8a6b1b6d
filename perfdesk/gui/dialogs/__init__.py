"""Dialogs and the prompts (message boxes, file dialogs) tests can answer.
"""
