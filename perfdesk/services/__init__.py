"""What every caller does to a dataset: open it, read it, edit it in one transaction
each (saying what changed), import into it, fix it. The GUI and the CLI go through here.
"""
