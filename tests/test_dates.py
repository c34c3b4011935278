"""Dates to ISO 8601: a table of the forms news metadata uses."""

from __future__ import annotations

import datetime as dt

import pytest

from framing.dates import parse_date

CASES = [
    ("2020-12-30", "2020-12-30"),
    ("2020-12-30T17:11:00Z", "2020-12-30T17:11"),
    ("2020-12-30 17:11:05+03:00", "2020-12-30T17:11"),
    ("21 December 2023 17:11", "2023-12-21T17:11"),
    ("30 Dec 2020", "2020-12-30"),
    ("December 21, 2023", "2023-12-21"),
    ("Sept. 20, 2023, 5:11 pm", "2023-09-20T17:11"),
    ("Sat, 05/15/2021 – 07:35", "2021-05-15T07:35"),
    ("15/05/2021", "2021-05-15"),  # only day-first makes sense
    ("05/06/2021", "2021-05-06"),  # slashes, ambiguous: month first
    ("05.06.2021", "2021-06-05"),  # dots, ambiguous: day first
    ("10/18/16", "2016-10-18"),
    ("May 2021", "2021-05"),
    ("2023", "2023"),
    (dt.date(2020, 10, 8), "2020-10-08"),
    (dt.datetime(2021, 5, 15, 7, 35), "2021-05-15T07:35"),
    ("", ""),
    (None, ""),
    # unreadable
    ("32 Dec 2020", None),
    ("2021-02-30", None),
    ("the day before yesterday", None),
    ("13/13/2020", None),
    ("25:00 1 May 2020", None),
]


@pytest.mark.parametrize(("value", "expected"), CASES)
def test_parse_date(value: object, expected: str | None) -> None:
    assert parse_date(value) == expected
