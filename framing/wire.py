"""Detecting wire copy: articles that relay a news agency or another outlet.

An article relays an agency when it carries the agency's dateline ("KYIV
(Reuters) -"), credits it ("Reuters reported", "according to AFP", "told the
Associated Press", "unverified by Reuters", "Reporting by …; Editing by …"), or
was syndicated through another outlet ("via ZeroHedge"). A bare mention of an
agency's name is not enough.
"""

from __future__ import annotations

import re

#: Canonical agency name → the names it goes by (case-sensitive where an acronym).
AGENCIES: dict[str, tuple[str, ...]] = {
    "Reuters": ("Reuters",),
    "AP": ("Associated Press", "AP"),
    "AFP": ("Agence France-Presse", "Agence France Presse", "AFP"),
    "Anadolu": ("Anadolu Agency", "Anadolu"),
    "TASS": ("TASS",),
    "RIA Novosti": ("RIA Novosti",),
    "Interfax": ("Interfax",),
    "Xinhua": ("Xinhua",),
    "dpa": ("dpa", "Deutsche Presse-Agentur"),
    "EFE": ("EFE",),
    "ANSA": ("ANSA",),
    "UPI": ("UPI", "United Press International"),
    "Bloomberg": ("Bloomberg",),
    "Armenpress": ("Armenpress",),
    "AZERTAC": ("AZERTAC", "Azertac"),
    "APA": ("APA",),
    "Trend": ("Trend News Agency",),
    "Turan": ("Turan news agency", "Turan Information Agency"),
    "Sputnik": ("Sputnik",),
}

_NAME_TO_CANON = {alias: canon for canon, aliases in AGENCIES.items() for alias in aliases}
_NAMES = "|".join(sorted((re.escape(a) for a in _NAME_TO_CANON), key=len, reverse=True))
_A = rf"(?P<a>{_NAMES})"
#: ``\b(?:NAMES)\b``, written so that each alternative opens with its first letter: every
#: name starts with a word character, so the ``\b`` before it is "no word character before
#: that letter", tested right after it by ``(?<!\w.)``. An expression whose alternatives all
#: open with a literal lets the regular-expression engine skip, at C speed, to the places
#: where one of those letters stands (a leading ``\b`` made it try every position).
_ANY_NAME = re.compile(
    "(?:" + "|".join(f"{re.escape(a[0])}(?<!\\w.){re.escape(a[1:])}"
                     for a in sorted(_NAME_TO_CANON, key=lambda a: len(re.escape(a)), reverse=True)) + r")\b"
)

_CUES = [
    # Datelines: "KYIV (Reuters) -", "(AP) —"
    re.compile(rf"\({_A}\)\s*[-–—]"),
    re.compile(rf"(?<![\w])(?:the\s+)?{_A}\s+(?:reported|reports|details|detailed|writes|wrote|learned|has learned|understands|cited|quoted|notes|noted|reviewed|obtained|confirmed)\b"),
    re.compile(rf"\b(?:[Aa]ccording to|[Tt]old|[Ii]nterview with|[Ss]peaking to|[Rr]eported by|[Cc]ited by|[Rr]eports by)\s+(?:the\s+)?{_A}\b"),
    re.compile(rf"\b(?:unverified by|not (?:be(?:en)?\s+)?(?:independently\s+)?verified by|could not be (?:independently\s+)?verified by)\s+(?:the\s+)?{_A}\b"),
    re.compile(rf"\b{_A}\s+(?:could not|was unable to|cannot|can ?not|has not been able to)\s+(?:independently\s+)?(?:verify|confirm)"),
    re.compile(rf"\b{_A}\s+contributed to this (?:report|story|article)"),
    re.compile(rf"(?:\(c\)|©|Copyright)\s*(?:\d{{4}}\s+)?(?:The\s+)?{_A}\b"),
]
_REUTERS_CREDIT = re.compile(r"\bReporting by [^\n;]{2,120};\s*(?:additional reporting by [^\n;]{2,120};\s*)?[Ee]diting by")
_VIA = re.compile(r"^\s*via\s+(?P<a>[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,3}?)(?:\s+News)?(?=\s+https?://|\s*$|\s+[A-Z])", re.M)


def find_wire(text: str, *, outlet: str = "", extra: str = "") -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Find the agencies or outlets an article relays.

    Args:
        text: The cleaned article text.
        outlet: The article's own outlet; it is never reported as its own source.
        extra: Text removed during cleaning (footers such as "via ZeroHedge News"), also searched.

    Returns:
        ``(sources, evidence)``: sorted canonical names, and the phrases that show each.

    Examples:
        >>> find_wire("The death toll remains unverified by Reuters.")
        (('Reuters',), ('unverified by Reuters',))
        >>> find_wire("Reuters journalists were among the guests.")
        ((), ())
    """
    found: dict[str, str] = {}
    own = outlet.lower()
    haystack = text if not extra else f"{text}\n{extra}"
    # Look for cues only around mentions of an agency: one scan of the text (at C speed
    # between the first letters of the names).
    for hit in _ANY_NAME.finditer(haystack):
        lo, hi = max(0, hit.start() - 90), min(len(haystack), hit.end() + 90)
        window = haystack[lo:hi]
        for pat in _CUES:
            for m in pat.finditer(window):
                name = _NAME_TO_CANON.get(m.group("a"))
                if name and name not in found:
                    found[name] = m.group(0).strip()
    m = _REUTERS_CREDIT.search(haystack) if "diting by" in haystack else None
    if m and "Reuters" not in found:
        found["Reuters"] = m.group(0)[:80]
    for m in _VIA.finditer(haystack) if "via " in haystack else ():
        name = _NAME_TO_CANON.get(m.group("a"), m.group("a").strip())
        if name not in found:
            found[name] = m.group(0).strip().split(" http")[0]
    result = sorted((k, v) for k, v in found.items() if not own or not _same_outlet(k, own))
    return tuple(k for k, _ in result), tuple(v for _, v in result)


def _same_outlet(name: str, own: str) -> bool:
    n = name.lower().replace(" ", "")
    o = own.replace(" ", "")
    return n in o or o in n
