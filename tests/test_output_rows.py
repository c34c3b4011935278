"""format_rows: the column-wise fast path writes exactly what CsvTable.write writes cell by cell."""

from __future__ import annotations

import csv
import io
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing.output import CsvTable, OutputDir, format_cell, format_rows


def _cell_by_cell(rows: list[dict], columns: list[str]) -> str:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows([format_cell(r.get(c)) for c in columns] for r in rows)
    return buf.getvalue()


@pytest.mark.parametrize(
    ("rows", "columns", "expected"),
    [
        # a comma and a quote force quoting ("q" doubled); NaN and None are empty; bools are lower case
        ([{"a": "x,y", "b": 1, "c": 1.5, "d": True}, {"a": 'q"', "b": None, "c": math.nan, "d": False}],
         ["a", "b", "c", "d"], '"x,y",1,1.5,true\n"q""",,,false\n'),
        # a missing key is an empty cell; one column alone stays one cell per line
        ([{"a": "x"}, {}], ["a"], 'x\n""\n'),
        # a list is joined with "; ", a dict is JSON with sorted keys, an empty dict is empty
        ([{"l": [1, "b"], "m": {"z": 1, "a": 2}, "e": {}}], ["l", "m", "e"], '1; b,"{""a"": 2, ""z"": 1}",\n'),
        # floats keep repr precision: 0.1 + 0.2 is 0.30000000000000004; -0.0 keeps its sign
        ([{"f": 0.1 + 0.2}, {"f": -0.0}], ["f"], "0.30000000000000004\n-0.0\n"),
        # a line break inside a cell is quoted
        ([{"t": "two\nlines", "n": 10**20}], ["t", "n"], '"two\nlines",100000000000000000000\n'),
        ([], ["a"], ""),
    ],
)
def test_format_rows_by_hand(rows: list[dict], columns: list[str], expected: str) -> None:
    assert format_rows(rows, columns) == expected


_VALUES = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True, allow_infinity=True),
    st.text(alphabet=st.sampled_from(list('ab ,"\n\r\t;é\u2028')), max_size=6),
    st.lists(st.integers(), max_size=2), st.dictionaries(st.sampled_from("xy"), st.integers(), max_size=2),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.dictionaries(st.sampled_from(["a", "b", "c"]), _VALUES), min_size=1, max_size=5),
       st.lists(st.sampled_from(["a", "b", "c"]), min_size=1, max_size=3, unique=True))
def test_format_rows_equals_cell_by_cell(rows: list[dict], columns: list[str]) -> None:
    assert format_rows(rows, columns) == _cell_by_cell(rows, columns)


def test_csv_table_write_rows_equals_write(tmp_path) -> None:
    rows = [{"a": "x,y", "b": 2.5}, {"a": True, "b": math.nan}]
    with OutputDir(tmp_path / "o") as out:
        t1 = CsvTable(out, "one.csv", ["a", "b"])
        for r in rows:
            t1.write(r)
        t2 = CsvTable(out, "many.csv", ["a", "b"])
        t2.write_rows(rows)
        out.commit({})
    one = (tmp_path / "o" / "one.csv").read_text(encoding="utf-8")
    assert one == 'a,b\n"x,y",2.5\ntrue,\n'
    assert (tmp_path / "o" / "many.csv").read_text(encoding="utf-8") == one


_ONE_ROW_VALUES = st.one_of(
    _VALUES,
    st.floats(allow_nan=True).map(lambda x: __import__("numpy").float64(x)),
    st.integers(-(2**63), 2**63 - 1).map(lambda x: __import__("numpy").int64(x)),
)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.sampled_from(["a", "b", "c", "d"]), _ONE_ROW_VALUES),
       st.lists(st.sampled_from(["a", "b", "c", "d"]), min_size=2, max_size=4, unique=True))
def test_one_row_cell_by_cell_equals_the_csv_module(row: dict, columns: list[str]) -> None:
    # a document's row takes the one-row path; numpy numbers are written as Python's
    assert format_rows([row], columns) == _cell_by_cell([row], columns)
