"""Nested markup from character spans that may overlap.

Highlights come from several tables (paragraphs, quotes, scare quotes,
lexicon terms) whose spans nest (a term inside a quote) or partly overlap
(a quote that runs past the end of a scare-quoted phrase). The markup is
built from the sorted span boundaries, never by replacing strings in the
text: between two consecutive boundaries the set of open spans is constant,
so each piece of text is escaped once and wrapped in exactly the elements
that cover it. A span that would cross an element opened before it is closed
and reopened around the crossing, so the result always nests properly.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

# C0/C1 controls (except tab, newline), lone surrogates and noncharacters are not allowed in HTML text
_BAD_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]")


def esc(value: object) -> str:
    """Escape any value for HTML text or a double-quoted attribute.

    ``html.escape`` with ``quote=True`` turns ``& < > " '`` into entities;
    characters HTML does not allow (NUL, other controls, lone surrogates) become
    U+FFFD so the page stays well formed.
    """
    if value is None or value != value:  # None, or NaN from a DataFrame cell
        return ""
    text = str(value)
    return html.escape(_BAD_CHARS.sub("\ufffd", text), quote=True)


@dataclass(frozen=True, slots=True)
class Span:
    """An element to wrap around ``text[start:end]``.

    Attributes:
        start: First character (offset into the text).
        end: One past the last character.
        layer: 0 for block elements (paragraphs), which always enclose the
            inline layer 1 (quotes, scare quotes, terms).
        rank: Order among spans with the same extent: lower is outer.
        tag: Element name (``p``, ``span``).
        attrs: Attribute markup of the first (or only) piece, already escaped,
            with a leading space.
        attrs_more: Attribute markup of later pieces when the span has to be
            split (no ``id``, no ``tabindex``), already escaped.
        tail: Markup placed just before the first piece closes (a tooltip).
    """

    start: int
    end: int
    layer: int
    rank: int
    tag: str
    attrs: str = ""
    attrs_more: str = ""
    tail: str = ""


def render_spans(text: str, spans: list[Span], *, masks: list[tuple[int, int, str]] | None = None) -> str:
    """Escape ``text`` and wrap it in ``spans``, nested properly.

    Spans outside the text are clipped; empty spans are dropped. Outer spans
    come first: lower ``layer``, then earlier start, then longer, then lower
    ``rank``. Text outside every layer-0 span that is only whitespace is
    written bare (between paragraphs).

    ``masks`` are ``(start, end, replacement)`` ranges that must not overlap
    (blind mode: an outlet's name in its own article becomes "Outlet A"); the
    replacement is shown once, in whatever elements cover the range's start.

    Returns:
        The markup; its text content (without tails) equals ``text``
        with forbidden characters replaced (and masked ranges replaced).
    """
    n = len(text)
    items: list[tuple[tuple[int, int, int, int, int], Span]] = []
    for seq, s in enumerate(spans):
        a, b = max(0, s.start), min(n, s.end)
        if a < b:
            clipped = s if (a, b) == (s.start, s.end) else Span(a, b, s.layer, s.rank, s.tag, s.attrs, s.attrs_more, s.tail)
            items.append(((s.layer, a, -b, s.rank, seq), clipped))
    items.sort(key=lambda item: item[0])
    ordered = [span for _, span in items]
    starts: dict[int, list[int]] = {}
    ends: dict[int, list[int]] = {}
    for i, s in enumerate(ordered):
        starts.setdefault(s.start, []).append(i)
        ends.setdefault(s.end, []).append(i)
    mask_at: dict[int, tuple[int, str]] = {}
    for ms, me, repl in masks or ():
        if 0 <= ms < me <= n:
            mask_at[ms] = (me, repl)
    mask_starts = sorted(mask_at)
    bounds = sorted({0, n, *starts, *ends, *mask_at, *(me for me, _ in mask_at.values())})
    active: set[int] = set()
    stack: list[int] = []
    opened: set[int] = set()
    tailed: set[int] = set()
    out: list[str] = []

    def close(i: int) -> None:
        s = ordered[i]
        if i not in tailed:
            tailed.add(i)
            out.append(s.tail)
        out.append(f"</{s.tag}>")

    for a, b in zip(bounds, bounds[1:], strict=False):
        active.difference_update(ends.get(a, ()))
        active.update(starts.get(a, ()))
        piece = text[a:b]
        desired = sorted(active)
        if not any(ordered[i].layer == 0 for i in desired) and not piece.strip():
            desired = []
        keep = 0
        while keep < len(stack) and keep < len(desired) and stack[keep] == desired[keep]:
            keep += 1
        for i in reversed(stack[keep:]):
            close(i)
        for i in desired[keep:]:
            s = ordered[i]
            out.append(f"<{s.tag}{s.attrs_more if i in opened else s.attrs}>")
            opened.add(i)
        stack = desired
        out.append(_masked_piece(piece, a, mask_at, mask_starts))
    for i in reversed(stack):
        close(i)
    return "".join(out)


def _masked_piece(piece: str, a: int, mask_at: dict[int, tuple[int, str]], mask_starts: list[int]) -> str:
    """The escaped piece starting at ``a``, or the mask's replacement (once) if a mask covers it."""
    if mask_starts:
        import bisect

        i = bisect.bisect_right(mask_starts, a) - 1
        if i >= 0:
            ms = mask_starts[i]
            me, repl = mask_at[ms]
            if a < me:
                return f'<span class="masked">{esc(repl)}</span>' if a == ms else ""
    return esc(piece)
