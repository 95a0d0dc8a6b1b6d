"""The main window's status bar, one module per thing it tells the clerk (as qutebrowser keeps
``mainwindow/statusbar/``): where the open file is (:mod:`.path`), that every edit is saved
(:mod:`.saved`), how many projects and indicators there are (:mod:`.counts`), how many errors
and warnings (:mod:`.problems`), and how far the background check got (:mod:`.progress`).
:mod:`.bar` puts them in the window and has each follow the open dataset.
"""
