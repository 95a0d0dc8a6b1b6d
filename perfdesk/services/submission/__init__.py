"""报送 and 汇总: task files from the 主管部门, submissions from the units, receiving and
merging them, and who handed in what.

Headless (no Qt): the CLI (``perfdesk task|submit|receive|status``) and the GUI's dialogs call
these services.

- :mod:`.task`: the 任务文件 (format ``perfdesk.task``): year, profile, department, units with
  codes and per-unit secrets, check settings, deadline; a dataset set up from it.
- :mod:`.submit`: check, explanations (审核说明), the sealed submission file, the 报送记录 and
  what changed since the last submission.
- :mod:`.receive`: verifying and merging submissions into a 主管部门 dataset.
- :mod:`.status`: 报送情况, per unit, as data, JSON and xlsx.

Identity travels with the data: projects and indicators keep their UUIDs from the unit's
dataset through the submission into the merged dataset, and each submission has its own ID
and the ID of the one before; a later return file (审核意见) can point at all of them.
"""
