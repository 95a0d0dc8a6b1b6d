"""The 报送 file: the official 申报表 a reviewer opens in Excel, carrying the data and a sealed
manifest.

One ``.xlsx`` travels by USB stick or email from a 预算单位 to its 主管部门. It holds:

- the 申报表 sheets (one per project, the official layout, nothing else printed) and PerfDesk's
  very hidden data sheet with every project's full record (:mod:`.embedded`: records keep the
  project and indicator UUIDs, so later exchanges such as 审核意见 can point at them);
- a visible sheet ``报送信息`` saying, in words, who submitted what and when (not part of the
  official form: a reviewer reads it on screen);
- a very hidden sheet ``PerfDesk报送`` holding the manifest as JSON and its seal.

The manifest (format :data:`FORMAT`, version :data:`VERSION`) names the unit, department, year,
profile, app and rule-set versions, submission number, ID and previous ID, time, OS user, the
check summary with each remaining finding's explanation, and ``data_sha256``, the SHA-256 of
the embedded project data (which itself holds the hash of each project's visible sheet). The
seal is the SHA-256 of the manifest's canonical JSON (so it covers data and manifest) and,
when the unit's dataset came from a task file, an HMAC-SHA256 of that digest with the unit's
secret. A reader (:func:`read_submission`) checks all of it before anything is taken.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from perfdesk.core.errors import PerfDeskError
from perfdesk.io import detail, embedded, writing
from perfdesk.io.sources import Sheet, read_source

FORMAT = "perfdesk.submission"
VERSION = 1
SHEET_NAME = "PerfDesk报送"
INFO_SHEET = "报送信息"
MARKER = "PerfDesk submission manifest"


def canonical(manifest: dict) -> bytes:
    """The manifest's bytes as sealed: sorted keys, no spaces, UTF-8."""
    return json.dumps(manifest, ensure_ascii=False, sort_keys=True,
                      separators=(",", ":")).encode("utf-8")


def digest(manifest: dict) -> str:
    return hashlib.sha256(canonical(manifest)).hexdigest()


def signature(secret: str, sha256: str) -> str:
    """HMAC-SHA256 of the manifest digest with a unit's secret (hex)."""
    return hmac.new(secret.encode("utf-8"), sha256.encode("ascii"), hashlib.sha256).hexdigest()


def data_sha256(entries: list[embedded.Entry]) -> str:
    """The SHA-256 the embedded data sheet records for these entries."""
    header = json.loads(embedded.payload_rows(detail.KIND, entries)[0][1])
    return header["data_sha256"]


def info_lines(manifest: dict) -> list[tuple[str, str]]:
    """The 报送信息 sheet: the manifest in words."""
    check = manifest["check"]
    lines = [
        ("预算单位", manifest["unit"]["name"]), ("单位编码", manifest["unit"]["code"]),
        ("主管部门", manifest["department"]), ("预算年度", str(manifest["year"])),
        ("指标体系", manifest["profile"]), ("报送次数", f"第{manifest['number']}次报送"),
        ("报送编号", manifest["submission_id"]), ("上次报送编号", manifest["previous_id"] or "（首次报送）"),
        ("报送时间", manifest["created_at"]), ("报送人（系统用户）", manifest["os_user"]),
        ("PerfDesk 版本", manifest["app_version"]), ("审核规则版本", manifest["rules_version"]),
        ("项目数", str(manifest["counts"]["projects"])),
        ("指标数", str(manifest["counts"]["indicators"])),
        ("检查结果", f"错误 {check['errors']}，警告 {check['warnings']}，"
                 f"已说明 {check['explained']}"),
    ]
    for n, item in enumerate(manifest["findings"], 1):
        lines.append((f"审核说明 {n}",
                      f"{item['rule']}（{item['project']}，{item['where']}）：{item['explanation']}"))
    return lines


def write(path: Path, projects, *, year: int, manifest_for, secret: str = "") -> Path:
    """Write the submission workbook to ``path`` (atomically: a temporary file in the same
    folder, read back, then renamed; a full disk leaves nothing behind).

    ``manifest_for(data_sha256)`` returns the manifest (without its seal) once the data's
    hash is known. Returns the path written."""
    target = writing.check_target(path)
    sealed: dict = {}

    def extra(wb, styles, entries) -> None:
        manifest = manifest_for(data_sha256(entries))
        sha = digest(manifest)
        seal = {"sha256": sha, "hmac": signature(secret, sha) if secret else ""}
        sealed.update(manifest=manifest, seal=seal)
        info = wb.create_sheet(INFO_SHEET)
        info.column_dimensions["A"].width = 22
        info.column_dimensions["B"].width = 90
        rows = writing.RowWriter(info, styles)
        for label, text in info_lines(manifest):
            rows.add([(writing.clean_text(label), None), (writing.clean_text(text), None)])
        rows.close()
        hidden = wb.create_sheet(SHEET_NAME)
        hidden.sheet_state = "veryHidden"
        rows = writing.RowWriter(hidden, styles)
        text = canonical(manifest).decode("utf-8")
        rows.add([(MARKER, None), (json.dumps(seal), None)])
        for i in range(0, len(text), embedded.CHUNK):
            rows.add([(text[i:i + embedded.CHUNK], None)])
        rows.close()

    wb = detail.workbook(projects, year=year, extra_sheets=extra)
    return writing.save_atomically(wb, target)


# --- reading --------------------------------------------------------------------------------


class SubmissionFileError(PerfDeskError):
    """A file that cannot be received: ``reason`` is a short code (truncated, not_submission,
    tampered)."""

    def __init__(self, reason: str, zh: str, en: str, file: Path) -> None:
        super().__init__(zh, en, file=file)
        self.reason = reason


@dataclass(slots=True)
class SubmissionFile:
    """A submission as read, its seal checked against its content (not yet its signature).

    Attributes:
        manifest, seal: as they travelled.
        sheets: the 申报表 sheets.
        payload: the embedded project data.
    """

    path: Path
    manifest: dict
    seal: dict
    sheets: list[Sheet]
    payload: embedded.Payload


def read_submission(path: Path) -> SubmissionFile:
    """Read and check one submission file: complete (every zip part's checksum), a PerfDesk
    submission, its manifest and data as sealed. Raises :class:`SubmissionFileError`."""
    path = Path(path)
    try:
        with zipfile.ZipFile(path) as archive:
            bad = archive.testzip()
    except (zipfile.BadZipFile, OSError, zlib.error, EOFError, ValueError):
        bad = "?"
    if bad is not None:
        raise SubmissionFileError(
            "truncated", "文件不完整或已损坏（可能复制或下载时中断），无法接收。请让报送单位重新发送。",
            "The file is incomplete or damaged (copying or downloading may have been cut "
            "short); it cannot be received. Ask the unit to send it again.", path)
    try:
        source = read_source(path)
    except PerfDeskError as exc:
        raise SubmissionFileError("truncated", f"文件无法读取：{exc.text.zh}", f"The file cannot be read: "
                                  f"{exc.text.en}", path) from exc
    hidden = next((s for s in source.sheets if s.name == SHEET_NAME and s.rows
                   and s.rows[0] and s.rows[0][0] == MARKER), None)
    payload_sheet = embedded.find_payload_sheet(source.sheets)
    if hidden is None or payload_sheet is None:
        raise SubmissionFileError(
            "not_submission", "这不是 PerfDesk 报送文件（没有报送清单），无法接收。普通导出的表格请用“导入”。",
            "This is not a PerfDesk submission (it has no manifest); it cannot be received. "
            "Import ordinary exported tables instead.", path)
    tampered = SubmissionFileError(
        "tampered", "报送文件的清单或数据被改动过（校验值不符），无法接收。请让报送单位重新报送。",
        "The submission's manifest or data was altered (its checksum does not match); it "
        "cannot be received. Ask the unit to submit again.", path)
    try:
        seal = json.loads(hidden.rows[0][1])
        text = "".join(r[0] for r in hidden.rows[1:] if r and isinstance(r[0], str))
        manifest = json.loads(text)
        sha = str(seal["sha256"])
    except (ValueError, KeyError, TypeError, IndexError) as exc:
        raise tampered from exc
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise tampered
    if int(manifest.get("version", 0)) > VERSION:
        raise SubmissionFileError(
            "newer", f"报送文件由更新版本的 PerfDesk 生成（格式 {manifest.get('version')}），请升级后再接收。",
            f"The submission was made by a newer PerfDesk (format {manifest.get('version')}); "
            "upgrade to receive it.", path)
    if digest(manifest) != sha:
        raise tampered
    notices: list = []
    payload = embedded.read_payload(payload_sheet, notices)
    data = "".join(r[0] for r in payload_sheet.rows[1:] if r and isinstance(r[0], str))
    if payload is None or hashlib.sha256(data.encode("utf-8")).hexdigest() != \
            manifest.get("data_sha256"):
        raise tampered
    skip = {SHEET_NAME, INFO_SHEET, embedded.SHEET_NAME}
    sheets = [s for s in source.sheets if s.name not in skip and not s.hidden]
    return SubmissionFile(path, manifest, seal, sheets, payload)
