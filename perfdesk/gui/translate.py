"""``_t``: the GUI's texts written outside a QObject method, translated by Qt Linguist.

Inside a widget class ``self.tr("…")`` does the job (its context is the class). Module-level
code, commands and models use ``_t("…")`` instead: ui/compile.py runs pyside6-lupdate with
``-tr-function-alias tr+=_t``, which collects every ``_t("…")`` literal into
resources/translations/*.ts under the empty context, and :func:`_t` looks them up there.
The source texts are Chinese; English comes from perfdesk_en.ts.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def _t(text: str) -> str:
    """``text`` in the interface language."""
    return QCoreApplication.translate("", text)
