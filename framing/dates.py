"""Parsing the many ways news metadata writes a date into ISO 8601."""

from __future__ import annotations

import datetime as dt
import re

_MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for m in names
}
_MONTH = r"(?P<mon>[A-Za-z]{3,9})\.?"
_TIME = r"(?:[,\s]+(?:at\s+)?(?P<h>\d{1,2}):(?P<mi>\d{2})(?::\d{2})?\s*(?P<ampm>[ap]\.?m\.?)?)?"
_WEEKDAY = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+)?"
_PATTERNS = [
    # 2020-12-30, 2020-12-30T17:11:00Z, 2020/12/30 17:11
    re.compile(
        r"^(?P<y>\d{4})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})"
        r"(?:[T\s](?P<h>\d{1,2}):(?P<mi>\d{2})(?::\d{2}(?:\.\d+)?)?)?\s*(?:Z|[+-]\d{2}:?\d{2}|UTC|GMT)?$",
        re.I,
    ),
    # 21 December 2023 17:11 ; Sat 30 Dec 2020
    re.compile(rf"^{_WEEKDAY}(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH},?\s+(?P<y>\d{{4}}){_TIME}$", re.I),
    # December 21, 2023 ; Dec. 21 2023, 5:11 pm
    re.compile(rf"^{_WEEKDAY}{_MONTH}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}}){_TIME}$", re.I),
    # December 2023
    re.compile(rf"^{_MONTH}\s+(?P<y>\d{{4}})$", re.I),
    # 2023
    re.compile(r"^(?P<y>\d{4})$"),
]
# 05/15/2021 – 07:35 (US order when unambiguous, else day first), 15.05.2021
_NUMERIC = re.compile(
    rf"^{_WEEKDAY}(?P<a>\d{{1,2}})(?P<sep>[/.])(?P<b>\d{{1,2}})[/.](?P<y>\d{{4}}|\d{{2}})(?:\s*[–—,-]?\s*(?P<h>\d{{1,2}}):(?P<mi>\d{{2}}))?$",
    re.I,
)


def parse_date(value: object) -> str | None:
    """Return ``value`` as an ISO 8601 date (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``
    or ``YYYY-MM-DDTHH:MM``), ``""`` for an empty value, or ``None`` if it
    cannot be read.

    Numeric dates are read as the separator suggests when both orders make
    sense: month-first with slashes (``05/06/2021`` is 6 May, the US habit of
    English-language metadata), day-first with dots (``05.06.2021`` is 5 June);
    otherwise in the only order that makes sense (``15/05/2021``). Two-digit
    years are 2000–2069 or 1970–1999.

    Examples:
        >>> parse_date("21 December 2023 17:11")
        '2023-12-21T17:11'
        >>> parse_date("Sat, 05/15/2021 – 07:35")
        '2021-05-15T07:35'
    """
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%dT%H:%M") if (value.hour or value.minute) else value.strftime("%Y-%m-%d")
    if isinstance(value, dt.date):
        return value.isoformat()
    text = " ".join(str(value).split())
    if not text:
        return ""
    for pat in _PATTERNS:
        m = pat.match(text)
        if m:
            return _assemble(m.groupdict())
    m = _NUMERIC.match(text)
    if m:
        a, b = int(m["a"]), int(m["b"])
        if a > 12:
            day, month = a, b
        elif b > 12:
            day, month = b, a
        else:
            day, month = (b, a) if m["sep"] == "/" else (a, b)
        year = m["y"] if len(m["y"]) == 4 else str(2000 + int(m["y"]) if int(m["y"]) < 70 else 1900 + int(m["y"]))
        return _assemble({"y": year, "m": str(month), "d": str(day), "h": m["h"], "mi": m["mi"]})
    return None


def _assemble(g: dict[str, str | None]) -> str | None:
    year = int(g["y"] or 0)
    if g.get("mon"):
        month = _MONTHS.get((g["mon"] or "").lower().rstrip("."))
        if month is None:
            return None
    else:
        month = int(g["m"]) if g.get("m") else None
    day = int(g["d"]) if g.get("d") else None
    if not 1000 <= year <= 2999:
        return None
    if month is None:
        return f"{year:04d}"
    if day is None:
        return f"{year:04d}-{month:02d}" if 1 <= month <= 12 else None
    try:
        date = dt.date(year, month, day)
    except ValueError:
        return None
    if g.get("h") is None:
        return date.isoformat()
    hour, minute = int(g["h"] or 0), int(g["mi"] or 0)
    ampm = (g.get("ampm") or "").replace(".", "").lower()
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    if not (0 <= hour < 24 and 0 <= minute < 60):
        return None
    return f"{date.isoformat()}T{hour:02d}:{minute:02d}"
