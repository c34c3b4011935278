"""A passive report whose source opens the sentence.

'Looking at Azerbaijan government pages on social media, ..., while only 25 civilian losses
were mentioned.': the passive has no 'by' agent; the pages the sentence opens with are where the
words were found, so they are the source, and the passive's subject is what they reported. Only
a phrase that names a place words are published (pages, a website, a statement, a channel) can
be such a source: 'In Baku, 25 losses were reported' names no one.
"""

from __future__ import annotations

import re

from .mentions import Mention
from .tokens import TOKEN

# 'Looking at X,', 'On X,', 'In X,' where X ends in a publishing place (and 'on social media' etc.)
_SOURCE_OPENER = re.compile(
    r"\s*(?:Looking\s+at|Judging\s+by|On|In)\s+(?P<src>(?:the\s+)?[^,;:]{0,60}?\b"
    r"(?:pages?|websites?|sites?|accounts?|channels?|statements?|reports?|posts?|feeds?|bulletins?|briefings?)"
    r"(?:\s+(?:on|of)\s+[^,;:]{1,30})?)\s*,\s"
)
# where the passive's subject starts: after a clause boundary before it
_BOUNDARY = re.compile(r"(?:,\s+(?:while|whereas|and|but|though|although)?|;|\b(?:while|whereas))\s+")
_AUX = re.compile(r"(?:\s+(?:were|was|are|is|have\s+been|has\s+been|had\s+been|be))+\s*$")
RULE = "a passive report, its source the pages the sentence opens with"


def source_and_subject(text: str, sent: tuple[int, int], cue_start: int) -> tuple[Mention, int, int] | None:
    """For a passive cue at ``cue_start`` in the sentence ``sent``: the source phrase that opens
    the sentence, and the ``(start, end)`` of the passive's subject; None unless both are there."""
    m = _SOURCE_OPENER.match(text, sent[0], cue_start)
    if m is None:
        return None
    aux = _AUX.search(text, m.end(), cue_start)
    if aux is None:
        return None
    start = m.end()
    for b in _BOUNDARY.finditer(text, m.end(), aux.start()):
        start = b.end()
    if len(TOKEN.findall(text, start, aux.start())) < 2:
        return None
    # pages, a website, a statement: an organisation's voice, whatever words name it
    return Mention(m.group("src"), m.start("src"), m.end("src"), "organisation"), start, aux.start()
