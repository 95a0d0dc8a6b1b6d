"""报送情况: per unit of the task, whether and what it submitted, and who is still missing."""

from __future__ import annotations

from pathlib import Path

JSON_FORMAT = "perfdesk.status"
COLUMNS = (("unit", "预算单位"), ("code", "单位编码"), ("submitted", "是否报送"),
           ("state", "状态"), ("open_comments", "待答复意见"), ("comments", "审核意见"),
           ("number", "报送次数"), ("at", "报送时间"), ("received_at", "接收时间"),
           ("projects", "项目数"), ("indicators", "指标数"), ("errors", "错误"),
           ("warnings", "警告"), ("explained", "已说明"), ("changed", "含手工修改"),
           ("app_version", "PerfDesk 版本"), ("rules_version", "审核规则版本"),
           ("submission_id", "报送编号"))


def status(dataset) -> dict:
    """The 报送情况 of a 主管部门's dataset: one row per unit (the task's units first, in its
    order, then any other unit that submitted), the latest submission received from each."""
    from perfdesk.services.submission.returns import RETURN_SENT

    info = dataset.info
    latest: dict[str, dict] = {}
    owner: dict[str, str] = {}  # project uuid -> unit key, for counting comments
    for r in dataset.submissions("received"):
        latest[r["unit_code"] or r["unit_name"]] = r
        for p in r["manifest"].get("projects") or []:
            owner[p.get("uuid", "")] = r["unit_code"] or r["unit_name"]
    returned = {r["unit_code"] or r["unit_name"]: r for r in dataset.submissions(RETURN_SENT)}
    opened: dict[str, int] = {}
    written: dict[str, int] = {}
    for c in dataset.comments():
        key = owner.get(c.project_uuid)
        if key is not None:
            written[key] = written.get(key, 0) + 1
            opened[key] = opened.get(key, 0) + c.is_open
    units = [(u["name"], u.get("code", "")) for u in info.task.get("units", [])]
    known = {c or n for n, c in units}
    units += [(r["unit_name"], r["unit_code"]) for k, r in latest.items() if k not in known]
    rows = []
    for name, code in units:
        key = code or name
        r = latest.get(key)
        back = returned.get(key)
        row = {"unit": name, "code": code, "submitted": r is not None,
               "state": "未报送" if r is None else (
                   "已退回" if back is not None and back["previous_id"] == r["submission_id"]
                   else ("已重新报送" if back is not None else "已报送")),
               "open_comments": opened.get(key, 0), "comments": written.get(key, 0),
               "returned_at": back["at"] if back is not None else ""}
        if r is not None:
            m = r["manifest"]
            row.update(number=r["number"], at=m.get("created_at", ""), received_at=r["at"],
                       projects=m["counts"]["projects"], indicators=m["counts"]["indicators"],
                       errors=m["check"]["errors"], warnings=m["check"]["warnings"],
                       explained=m["check"]["explained"],
                       changed=r["state"] == "received_changed",
                       app_version=m.get("app_version", ""),
                       rules_version=m.get("rules_version", ""),
                       submission_id=r["submission_id"], file=Path(r["file"]).name)
        rows.append(row)
    return {"format": JSON_FORMAT, "version": 1,
            "department": (info.task.get("department") or {}).get("name", ""),
            "year": info.budget_year, "deadline": info.task.get("deadline", ""),
            "units": rows, "submitted": sum(1 for r in rows if r["submitted"]),
            "returned": [r["unit"] for r in rows if r["state"] == "已退回"],
            "open_comments": sum(r["open_comments"] for r in rows),
            "missing": [r["unit"] for r in rows if not r["submitted"]]}


def cell(row: dict, key: str):
    value = row.get(key, "")
    if key == "submitted":
        return "已报送" if value else "未报送"
    if key == "changed":
        return "是" if value else ("否" if row.get("submitted") else "")
    if key == "number" and value:
        return f"第{value}次"
    return value


def export_status(report: dict, path: str | Path) -> Path:
    """The 报送情况 as an xlsx workbook (written atomically)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    from perfdesk.io import writing

    target = writing.check_target(Path(path))
    wb = Workbook(write_only=True)
    styles = writing.Styles(wb)
    styles.define("title", font=Font(name="宋体", size=14, bold=True))
    styles.define("head", font=Font(name="宋体", size=11, bold=True))
    styles.define("text", font=Font(name="宋体", size=10.5))
    ws = wb.create_sheet("报送情况")
    for index, (_key, label) in enumerate(COLUMNS):
        ws.column_dimensions[writing.get_column_letter(index + 1)].width = max(
            10, writing.display_width(label) + 4)
    rows = writing.RowWriter(ws, styles)
    rows.add([(f"{report['year']}年{report['department']}绩效目标报送情况"
               f"（已报送 {report['submitted']}/{len(report['units'])}）", "title")], 28)
    rows.add([(label, "head") for _k, label in COLUMNS])
    for row in report["units"]:
        rows.add([(cell(row, key), "text") for key, _label in COLUMNS])
    if report["missing"]:
        rows.add([("未报送：" + "、".join(report["missing"]), "head")])
    rows.close()
    return writing.save_atomically(wb, target)
