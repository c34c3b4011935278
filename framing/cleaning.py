"""Cleaning: from a raw :class:`Source` to a :class:`Document` with offsets.

Pages copied from the web carry furniture that is not the article: share
counters, bylines and datelines, a title repeated under the byline, photo
captions above the headline, comment forms, "Short link:", print-edition notes
and lists of unrelated news after the article. Each furniture line is removed
with a recorded reason; everything else is kept, and embedded social-media
posts are kept and marked. :func:`prepare` is a pure function of one source.
"""

from __future__ import annotations

import re
from itertools import compress, count
from typing import Any

from .dates import parse_date
from .errors import Diagnostic
from .fields import META_FIELDS, check_date, clean_value
from .language import guess_language
from .model import Document, Paragraph, Removal, Sentence, Source
from .sentences import split_sentences
from .wire import find_wire

# Removed lines that may still credit a source ("via ZeroHedge News").
_CREDIT_REASONS = frozenset({"syndication footer", "copyright line", "byline and date line"})
HEADER_LINES = 8  # furniture above the article is looked for in this many non-empty lines
FOOTER_LINES = 12  # ... and below it in this many

_FORMS = re.compile(
    r"^(?:leave a (?:reply|comment|review)|post a comment|add (?:a|your) comment|write a comment"
    r"|please enter your (?:comment|name|e-?mail(?: address)?)(?: here)?|you must be logged in to post a comment"
    r"|save my name,? e-?mail.*|cancel reply|submit comment|post comment|\d+\s+comments?|comments?(?:\s*\(\d+\))?"
    r"|related (?:articles|stories|news|posts)|read (?:more|also|next)|see also|more (?:stories|news) from.*"
    r"|subscribe(?: to)?.*newsletter.*|sign up for .*newsletter.*|follow us on .{1,40}|advertisement|sponsored"
    r"|share(?: this)?(?: (?:article|story|post))?|share (?:on|via) \w+.*|tweet|e-?mail|print|copy link|whatsapp|telegram|facebook|twitter"
    r"|all rights reserved\.?|tags?:.*)[.!:]*$",
    re.I,
)
_SHORT_LINK = re.compile(r"^short (?:link|url)\s*:?\s*(?:https?://\S+)?$", re.I)
_PRINT_NOTE = re.compile(
    r"^\W*(?:a version of this (?:article|story) (?:appears|appeared|was published) in print"
    r"|this (?:article|story) (?:appears|appeared|was published) in (?:the )?print).*$",
    re.I,
)
#: _SHORT_LINK, _PRINT_NOTE and _FORMS tried in that order by one match (each branch is anchored
#: at both ends, so the first branch that matches is the first of the three that would).
_FURNITURE_LINE = re.compile(
    f"(?P<short>{_SHORT_LINK.pattern})|(?P<print>{_PRINT_NOTE.pattern})|(?P<forms>{_FORMS.pattern})", re.I
)
_COPYRIGHT = re.compile(r"^(?:©|\(c\)|copyright\b).{0,120}$", re.I)
_COUNTER = re.compile(r"^[\d.,kKmM]{1,8}(?:\s*[/|]\s*[\d.,kKmM]{1,8})?(?:\s+(?:shares?|views?|comments?))?$")
_SEPARATOR = re.compile(r"^[-–—•·*]$")
_CATEGORY_BULLET = re.compile(r"^[-–—•·]\s+\S.{0,40}$")
_VIA_FOOTER = re.compile(r"^via\s+\S.*$", re.I)
_DASHES = ("—", "–", "-")  # what _POST_SIGNATURE starts with
_POST_SIGNATURE = re.compile(r"^[—–-]\s*(?P<name>[^\n]{1,80}?)\s*\(@(?P<handle>\w{1,30})\)\s*(?P<date>.{0,40})$")
_NAME_LINE = re.compile(r"^(?:By\s+)?[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3}$")
_CAPTION = re.compile(
    r"(?:^|[.;]\s)(?:the year \d{4}|(?:file|archive|stock) (?:photo|image)|photo(?: credit)?\s*:.*|\(?photo(?:graph)?:.*"
    r"|image(?: credit)?\s*:.*|getty images|[\w ]{1,40} via getty images|ap photo.*|reuters/.*|afp photo.*)\.?\)?$",
    re.I,
)
_TERMINAL = re.compile(r"[.!?…:;,\"“”'’)\]]$")


def check_meta(meta: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """Normalise metadata values; return problems (unreadable dates) as messages."""
    out = dict(meta)
    problems: list[str] = []
    if "date" in out:
        iso, problem = check_date(out["date"])
        out["date"] = iso
        if problem:
            problems.append(problem)
    return out, problems


def prepare(src: Source) -> tuple[Document, list[Diagnostic]]:
    """Clean a source and build its :class:`Document`.

    Returns:
        The document and the diagnostics raised while preparing it (an
        unknown outlet, for example). Never raises on odd text.
    """
    diags: list[Diagnostic] = []
    meta = dict(src.meta)
    title = clean_value(meta.get("title"))
    if src.clean:
        text, paragraphs, removed, found = _clean(src.text, title=title)
    else:
        text, paragraphs, removed, found = _keep(src.text)
    for key, value in found.items():
        if not meta.get(key):
            meta[key] = value
    if not title and paragraphs and paragraphs[0].kind == "title":
        title = text[paragraphs[0].start : paragraphs[0].end]
    outlet = clean_value(meta.get("outlet"))
    if not outlet and meta.get("hostname"):
        outlet = str(meta["hostname"])
    if not outlet and meta.get("url"):
        from urllib.parse import urlsplit

        outlet = (urlsplit(str(meta["url"])).hostname or "").removeprefix("www.")
    if not outlet:
        outlet = "unknown"
        diags.append(Diagnostic(src.source, "no outlet given (manifest, front matter, site name or URL); outlet set to 'unknown'", skipped=False))
    language = clean_value(meta.get("language")).lower() or guess_language(text)
    removed_text = "\n".join(r.text for r in removed if r.reason in _CREDIT_REASONS)
    wire, evidence = find_wire(text, outlet=outlet, extra=removed_text)
    sentences = tuple(
        Sentence(a, b, i) for i, p in enumerate(paragraphs) for a, b in split_sentences(text, p.start, p.end)
    )
    extra = {k: v for k, v in meta.items() if k not in META_FIELDS and k != "hostname"}
    doc = Document(
        id=src.id,
        text=text,
        outlet=outlet,
        title=title,
        date=clean_value(meta.get("date")),
        url=clean_value(meta.get("url")),
        event=clean_value(meta.get("event")),
        language=language,
        group=clean_value(meta.get("group")),
        author=clean_value(meta.get("author")),
        wire=wire,
        wire_evidence=evidence,
        paragraphs=tuple(paragraphs),
        sentences=sentences,
        removed=tuple(removed),
        source=src.source,
        sha256=src.sha256,
        notes=src.notes,
        extra=extra,
    )
    return doc, diags


def _keep(text: str) -> tuple[str, list[Paragraph], list[Removal], dict[str, str]]:
    """No cleaning: paragraphs are the lines of ``text``, offsets into it unchanged."""
    paragraphs = []
    pos = 0
    for line in text.split("\n"):
        a, b = pos, pos + len(line)
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            paragraphs.append(Paragraph(a, b, "body"))
        pos += len(line) + 1
    return text, _kinds(text, paragraphs, title=""), [], {}


def _clean(raw: str, *, title: str) -> tuple[str, list[Paragraph], list[Removal], dict[str, str]]:
    lines = raw.split("\n")
    reasons: dict[int, str] = {}
    found: dict[str, str] = {}
    stripped = list(map(str.strip, lines))  # each line stripped once, at C level
    nonempty = list(compress(count(), stripped))
    if not nonempty:
        return "", [], [], {}
    _mark_header(lines, nonempty, reasons, found, title)
    _mark_footer(lines, nonempty, reasons, found, stripped)
    match = _FURNITURE_LINE.match
    for i in nonempty:
        if i in reasons:
            continue
        s = stripped[i]
        m = match(s)
        if m is None:
            continue
        kind = m.lastgroup
        if kind == "short":
            reasons[i] = "short-link line"
        elif kind == "print":
            reasons[i] = "print-edition note"
            _print_meta(s, found)
        else:
            reasons[i] = "comment form or share/related-links furniture"
    removed = [Removal(reasons[i], stripped[i], i + 1) for i in sorted(reasons)]
    kept = [i for i in nonempty if i not in reasons] if reasons else nonempty
    blocks = _paragraph_blocks(lines, kept)
    parts: list[str] = []
    paragraphs: list[Paragraph] = []
    pos = 0
    for block in blocks:
        chunk = stripped[block[0]] if len(block) == 1 else "\n".join([stripped[i] for i in block])
        if paragraphs:
            pos += 2
            parts.append("\n\n")
        paragraphs.append(Paragraph(pos, pos + len(chunk)))
        parts.append(chunk)
        pos += len(chunk)
    text = "".join(parts)
    return text, _kinds(text, paragraphs, title=title), removed, found


def _mark_header(lines: list[str], nonempty: list[int], reasons: dict[int, str], found: dict[str, str], title: str) -> None:
    head = nonempty[:HEADER_LINES]
    candidates = [lines[i].strip() for i in head]
    first = next((c for c in candidates if not (_CAPTION.search(c) or _COUNTER.match(c))), candidates[0])
    norm_title = _norm(title) if title else ""
    # Lines above the headline (photo captions, kickers) when the headline is known.
    if norm_title:
        for k, i in enumerate(head):
            if _norm_equals(lines[i], norm_title):
                for j in head[:k]:
                    if len(lines[j].strip()) < 200:
                        reasons[j] = "text above the headline (photo caption or kicker)"
                first = lines[i].strip()
                break
    seen_title = False
    norm_first = _norm(first)
    for i in head:
        s = lines[i].strip()
        if i in reasons:
            continue
        if _norm_equals(lines[i], norm_first):
            if seen_title:
                reasons[i] = "headline repeated"
            seen_title = True
            continue
        if _COUNTER.match(s):
            reasons[i] = "share/view counter"
            continue
        if len(s) < 200 and _CAPTION.search(s):
            reasons[i] = "photo caption"
            continue
        if len(s) <= 120 and not _TERMINAL.search(s) and _has_date(s) and len(s.split()) <= 14:
            reasons[i] = "byline and date line"
            date = _date_in(s)
            if date and "date" not in found:
                found["date"] = date
            continue
        if len(s) > 120:
            break  # the article has started


def _mark_footer(
    lines: list[str], nonempty: list[int], reasons: dict[int, str], found: dict[str, str], stripped: list[str]
) -> None:
    # A list of unrelated items after the article: a bare separator followed by
    # a category bullet or a date line, once the article has had some text.
    # (A separator line is one character once stripped: only those lines are matched, and the
    # characters of the lines before one are added up when it is reached.)
    done = 0  # nonempty[:done] counted in chars
    chars = 0
    for k in compress(count(), map((1).__eq__, map(len, map(stripped.__getitem__, nonempty)))):
        i = nonempty[k]
        if not _SEPARATOR.match(stripped[i]):
            continue
        chars += sum(map(len, map(lines.__getitem__, nonempty[done:k])))  # the lines since the last separator
        done = k + 1
        if chars < 300:
            continue
        window = [stripped[j] for j in nonempty[k + 1 : k + 4]]
        if any(_CATEGORY_BULLET.match(w) or _is_date_line(w.lstrip("-–—•· ")) for w in window):
            for j in nonempty[k:]:
                reasons.setdefault(j, "page furniture after the article (section, date, unrelated news)")
            for w in window:
                d = _date_in(w.lstrip("-–—•· "))
                if d and _is_date_line(w.lstrip("-–—•· ")) and "date" not in found:
                    found["date"] = d
            break
    # Signature block at the end: author name, dateline, "via X" syndication line.
    tail = [i for i in nonempty[-FOOTER_LINES:] if i not in reasons]
    for pos in range(len(tail) - 1, -1, -1):
        i = tail[pos]
        s = lines[i].strip()
        if _VIA_FOOTER.match(s) and len(s) < 200:
            reasons[i] = "syndication footer"
        elif _is_date_line(s):
            reasons[i] = "byline and date line"
            d = _date_in(s)
            if d and "date" not in found:
                found["date"] = d
            if pos > 0 and _NAME_LINE.match(lines[tail[pos - 1]].strip()):
                reasons[tail[pos - 1]] = "byline and date line"
                found.setdefault("author", lines[tail[pos - 1]].strip().removeprefix("By "))
        elif _COPYRIGHT.match(s):
            reasons[i] = "copyright line"
        elif i in reasons:
            continue
        else:
            break


def _paragraph_blocks(lines: list[str], kept: list[int]) -> list[list[int]]:
    """Group kept lines into paragraphs.

    Text with one paragraph per line (most copy-pasted news) gives one paragraph
    per line; hard-wrapped text (blocks of short lines that do not end in
    punctuation) gives one paragraph per blank-line-separated block.
    """
    blocks: list[list[int]] = []
    for i in kept:
        if blocks and blocks[-1][-1] == i - 1:
            blocks[-1].append(i)
        else:
            blocks.append([i])
    multi = [b for b in blocks if len(b) > 1]
    inner = [lines[i].strip() for b in multi for i in b[:-1]]
    wrapped = bool(inner) and sum(1 for s in inner if 30 <= len(s) <= 100 and not _TERMINAL.search(s)) > 0.6 * len(inner)
    if wrapped:
        return blocks
    return [[i] for i in kept]


def _kinds(text: str, paragraphs: list[Paragraph], *, title: str) -> list[Paragraph]:
    """Label paragraphs: title, heading, embedded post and its signature, body."""
    out = list(paragraphs)
    for k, p in enumerate(out):
        if text[p.start : p.start + 1] not in _DASHES:
            continue  # a signature line starts with a dash (no need to copy the paragraph to see it)
        s = text[p.start : p.end]
        if _POST_SIGNATURE.match(s):
            out[k] = Paragraph(p.start, p.end, "post_signature")
            if k > 0 and out[k - 1].kind == "body":
                out[k - 1] = Paragraph(out[k - 1].start, out[k - 1].end, "embedded_post")
    if out and out[0].kind == "body":
        s = text[out[0].start : out[0].end]
        if (title and _norm_equals(s, _norm(title))) or (len(s) < 200 and not re.search(r"[.!?…]$", s) and len(out) > 1):
            out[0] = Paragraph(out[0].start, out[0].end, "title")
    for k, p in enumerate(out):
        if p.kind != "body" or k == 0:
            continue
        if _ends_terminal(text, p.start, p.end):
            continue  # most body paragraphs: told by their last character, without copying them
        s = text[p.start : p.end]
        words = s.split(None, 15)  # 16 pieces at most: enough to tell "15 words or fewer"
        if len(words) <= 15 and "\n" not in s and not s.startswith(("http", "#", "@")):
            out[k] = Paragraph(p.start, p.end, "heading")
    return out


_TERMINAL_CHARS = frozenset(".!?…:;,\"“”'’)]")  # the class of _TERMINAL


def _ends_terminal(text: str, a: int, b: int) -> bool:
    """``_TERMINAL.search(text[a:b])`` for ``0 <= a <= b <= len(text)``, from the last two characters.

    ``$`` matches at the end, or before a line feed that ends the string; a search
    tries every position of the text to find that out.
    """
    if b <= a:
        return False
    last = text[b - 1]
    if last in _TERMINAL_CHARS:
        return True
    return last == "\n" and b - 1 > a and text[b - 2] in _TERMINAL_CHARS


_WORD_RUN = re.compile(r"\w+")


def _norm(s: str) -> str:
    r"""``" ".join(re.sub(r"[^\w]+", " ", s.lower()).split())``: the word-character runs, lower-cased, joined by spaces.

    (A word character is never white space, so the runs are what the split gives.)
    """
    return " ".join(_WORD_RUN.findall(s.lower()))


_NORM_HEAD = 40  # characters of a line (over twice as long) normalised first by _norm_equals


def _norm_equals(s: str, target: str) -> bool:
    """``_norm(s) == target`` for a ``target`` that :func:`_norm` made, most lines decided by their start.

    Normalising is word by word, so the words of the part of ``s`` before a space
    are the first words of ``_norm(s)``: when they do not start ``target``, the
    two differ and the rest of ``s`` (often a whole paragraph) is never normalised.
    (Lower-casing a part ending before a space is lower-casing it in place: the
    final-sigma rule stops at the space too.)

    Most lines differ from ``target`` in their first word, told first: when the text up to
    and including the character after the first word is ASCII, lower-casing the text
    changes that word (its letters only) and nothing around it, so the word lower-cased is
    the first word of ``_norm(s)``.
    """
    m = _WORD_RUN.search(s)
    if m is None:
        return target == ""  # no word: _norm(s) is ""
    end = m.end()
    if s[: end + 1].isascii() and m.group().lower() != target.split(" ", 1)[0]:
        return False
    if len(s) > 2 * _NORM_HEAD:
        cut = s.find(" ", _NORM_HEAD)
        if cut > 0:
            head = _norm(s[:cut])
            if head and not (target == head or target.startswith(head + " ")):
                return False
    return _norm(s) == target


_DATE_IN = re.compile(
    r"(\d{1,2}\s+[A-Za-z]{3,9}\.?,?\s+\d{4}(?:,?\s+\d{1,2}:\d{2})?"
    r"|[A-Za-z]{3,9}\.?\s+\d{1,2},?\s+\d{4}(?:,?\s+\d{1,2}:\d{2})?"
    r"|\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2})?"
    r"|\d{1,2}[/.]\d{1,2}[/.]\d{4}(?:\s*[–—,-]?\s*\d{1,2}:\d{2})?)"
)


def _date_in(s: str) -> str | None:
    for m in _DATE_IN.finditer(s):
        d = parse_date(m.group(1))
        if d:
            return d
    return None


def _has_date(s: str) -> bool:
    return _date_in(s) is not None


def _is_date_line(s: str) -> bool:
    """A line that is only a date (with weekday and time), as in a dateline."""
    return bool(s) and len(s) <= 60 and parse_date(s) is not None


def _print_meta(s: str, found: dict[str, str]) -> None:
    m = re.search(r"in print in the (.+?) edition of (?:the )?(.+?)\.?\s*$", s, re.I)
    if m:
        date = parse_date(m.group(1).replace(",", " "))
        if date:
            found.setdefault("date", date)
        found.setdefault("outlet", m.group(2).strip())
