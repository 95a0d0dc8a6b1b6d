"""Column types that keep PerfDesk's numbers exact.

SQLAlchemy's ``Numeric`` on SQLite stores a REAL and reads it back through a binary float, so
12345678.91 or 0.1 + 0.2 can come back changed. :class:`ExactDecimal` stores the decimal's own
text instead and refuses floats outright, so no float is ever involved between what a clerk
typed and what is on disk.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from sqlalchemy import Text
from sqlalchemy.types import TypeDecorator


class ExactDecimal(TypeDecorator):
    """A :class:`~decimal.Decimal` stored as its exact text (``"12345678.91"``)."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if isinstance(value, float):
            raise TypeError(f"binary float {value!r} refused: pass a Decimal or a string")
        if isinstance(value, bool):
            raise TypeError("a boolean is not an amount")
        try:
            number = value if isinstance(value, Decimal) else Decimal(str(value))
        except InvalidOperation as exc:
            raise ValueError(f"not a decimal number: {value!r}") from exc
        if not number.is_finite():
            raise ValueError(f"not a finite number: {value!r}")
        return format(number, "f")

    def process_result_value(self, value, dialect):
        return None if value is None else Decimal(value)
