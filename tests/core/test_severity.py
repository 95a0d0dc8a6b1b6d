"""One scale of seriousness for findings, paste problems and import notices."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from perfdesk.core import i18n
from perfdesk.core.severity import (
    ERROR,
    HINT,
    ORDER,
    WARNING,
    Severity,
    Summary,
    rank,
    summarise,
    worst,
)


@dataclass
class Thing:
    severity: object


def test_the_levels_are_ordered_most_serious_first_and_equal_their_names():
    assert ORDER == (ERROR, WARNING, HINT)
    assert [level.rank for level in ORDER] == [0, 1, 2]
    assert ERROR == "error" and {"warning": 1}[WARNING] == 1  # stored and passed as words


def test_anything_with_a_severity_is_read_the_same_way():
    assert Severity.of("hint") is HINT
    assert Severity.of(Thing(WARNING)) is WARNING and Severity.of(Thing("error")) is ERROR
    assert sorted([Thing("hint"), Thing("error"), Thing("warning")], key=rank)[0].severity \
        == "error"
    with pytest.raises(ValueError):
        Severity.of("fatal")


def test_worst_and_counts():
    things = [Thing(HINT), Thing("warning"), Thing(WARNING), ERROR]
    assert worst(things) is ERROR and worst([HINT]) is HINT and worst([]) is None
    summary = summarise(things)
    assert summary == Summary(errors=1, warnings=2, hints=1)
    assert summary.problems == 3 and summary.count("warning") == 2
    assert summary + Summary(hints=2) == Summary(1, 2, 3)


def test_names_and_counts_in_both_languages():
    assert (ERROR.label.zh, ERROR.label.en) == ("错误", "Error")
    text = Summary(3, 5, 2).text()
    assert text.zh == "错误 3，警告 5，提示 2" and text.en == "errors 3, warnings 5, hints 2"
    i18n.set_language("en")
    try:
        assert str(HINT.label) == "Hint"
    finally:
        i18n.set_language(None)
