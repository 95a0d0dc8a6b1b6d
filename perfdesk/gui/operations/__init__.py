"""The long jobs a clerk starts from the window, outside the window: import, export, PDF,
the sample, checking every project.

One module per operation, as Anki keeps ``aqt/operations/``. Each operation is a function that
asks on the GUI thread what it needs (which files, where to save), runs the work through the
window's :class:`~perfdesk.gui.jobs.JobRunner` off the GUI thread (progress, 取消, errors in the
clerk's words), and reports the outcome on the GUI thread (a status-bar line, the file shown,
the imported projects selected). Work that reads the dataset on a worker thread reads it
through the document's reading service (:meth:`DatasetDocument.project_loader`), which gives
each thread a connection of its own: SQLite lets a reader run beside the writer, and a
connection is never shared across threads.
"""
