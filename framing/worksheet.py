"""The classroom worksheet: a student PDF with blind excerpts and exercises, and its answer key.

:func:`render_worksheet` draws both PDFs from one :func:`~framing.worksheet_plan.plan_worksheet`
plan. The student sheet names no outlet (they are "Outlet A", "Outlet B" …,
authors and web addresses are left out, and outlet names inside the article
text are replaced too); the answer key says which outlet is behind each letter
and gives, for every exercise, the answers the analysis found: the terms and
the side each signals, the scare quotes, each quote's speaker and verb with
its class, a model rewrite with the other side's names from the lexicon, each
outlet's naming lean with the counts behind it, and what sets the two
headlines apart.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .excerpts import Excerpt, annotated_runs, quote_line, term_lines, text_of
from .pdfdoc import (
    GREY,
    PdfDoc,
    Run,
    box_height,
    boxed,
    draw_table,
    pdf_bytes,
    ruled_lines,
    side_fill,
    tick_boxes,
)
from .worksheet_plan import Plan, concept_name, plan_worksheet

if TYPE_CHECKING:
    from .reportdata import ReportData

EXERCISES = ("naming", "scare", "quotes", "rewrite", "side", "headlines")
TITLES = {
    "naming": "Find the naming choices",
    "scare": "Spot the scare quotes",
    "quotes": "Who is quoted, and with which verb?",
    "rewrite": "Rewrite a sentence with the other side's names",
    "side": "Guess the outlet's side",
    "headlines": "Compare two headlines",
}


def render_worksheet(data: ReportData, *, seed: int = 0) -> tuple[bytes, bytes]:
    """Render the student worksheet and the teacher's answer key.

    Args:
        data: The analysis to draw from (blind or not: the worksheet is always blind).
        seed: 0 takes the richest passages; another seed varies the choice reproducibly.

    Returns:
        ``(worksheet PDF bytes, answer key PDF bytes)``.
    """
    plan = plan_worksheet(data, seed=seed)
    return _student(plan), _key(plan)


def exercises(plan: Plan) -> list[str]:
    """The exercises this plan has material for, in order (numbered 1, 2, … on both sheets)."""
    have = {
        "naming": any(e.terms for e in plan.excerpts),
        "scare": bool(plan.scare_items),
        "quotes": bool(plan.quote_items),
        "rewrite": plan.rewrite is not None,
        "side": bool(plan.leans) and bool(plan.excerpts),
        "headlines": len(plan.headlines) == 2,
    }
    return [x for x in EXERCISES if have[x]]


def _refs(plan: Plan, items: list[Excerpt]) -> str:
    nums = [str(plan.number(e)) for e in items]
    return ("Excerpt " if len(nums) == 1 else "Excerpts ") + (", ".join(nums[:-1]) + " and " + nums[-1] if len(nums) > 1 else nums[0])


def _excerpt_meta(plan: Plan, ex: Excerpt) -> str:
    date = ex.doc.date[:10]
    return f"Excerpt {plan.number(ex)} · {plan.shown(ex.doc.outlet)}" + (f" · {date}" if date else "")


# -- student sheet ------------------------------------------------------------------
def _student(plan: Plan) -> bytes:
    pdf = PdfDoc(title="Worksheet: reading the news closely", footer=f"Worksheet · {plan.title}")
    pdf.add_page()
    pdf.para("Worksheet: reading the news closely", style="B", size=20, h=9, gap=1)
    pdf.para("How do news outlets name places, people and events? Whom do they let speak?", size=11, colour=GREY, gap=5)
    for label in ("Name", "Class", "Date"):
        pdf.set_font("DejaVu", "", 10)
        y = pdf.get_y()
        pdf.cell(16, 7, label + ":")
        pdf.set_draw_color(150, 150, 150)
        pdf.line(pdf.l_margin + 16, y + 6, pdf.l_margin + 90, y + 6)
        pdf.set_xy(pdf.l_margin, y + 8)
    pdf.ln(3)
    n_outlets = len({e.doc.outlet for e in plan.excerpts})
    pdf.para(f"The excerpts below come from real news articles ({plan.title}). They were published by "
             f"{n_outlets} different outlet{'s' if n_outlets != 1 else ''}, whose names are hidden on purpose: "
             "they are called Outlet A, Outlet B and so on. Read every excerpt carefully, then do the exercises. "
             "There is not always one right answer: give your reasons.")
    if not plan.excerpts:
        pdf.para("These articles have no passage with contested names or quotes to work on.", style="B")
        return pdf_bytes(pdf)
    pdf.heading("The excerpts", level=1)
    extra = [e for e in plan.scare_items if e not in plan.excerpts]
    for ex in plan.excerpts + extra:
        runs = annotated_runs(ex, masker=plan.masker, size=10, plain=True)
        pdf.need(7 + min(box_height(pdf, runs, size=10), 100))
        pdf.para(_excerpt_meta(plan, ex), style="B", size=9.5, gap=1)
        boxed(pdf, runs, size=10)
    for n, kind in enumerate(exercises(plan), 1):
        if n == 1:
            pdf.add_page()
        pdf.heading(f"Exercise {n}: {TITLES[kind]}", level=1)
        _STUDENT[kind](pdf, plan)
    pdf.heading("Think about it", level=1)
    pdf.para("Each outlet appears here with one short excerpt. Why can one excerpt not tell you how an outlet "
             "always writes? What would you need to read to be sure?")
    ruled_lines(pdf, 4)
    return pdf_bytes(pdf)


def _s_naming(pdf: PdfDoc, plan: Plan) -> None:
    pdf.para(f"Read {_refs(plan, [e for e in plan.excerpts if e.terms])} again. Underline every name of a place, "
             "a group of people or an event that people on the other side of the conflict would say differently. "
             "Write four of them in the table, with whose name you think it is.")
    rows = [[[Run("")], [Run("")], [Run("")]] for _ in range(4)]
    draw_table(pdf, ["The word or name", "Excerpt", "Whose name is it? What would the other side say?"], rows,
               [50, 20, pdf.epw - 70], size=9, min_row=10)


def _s_scare(pdf: PdfDoc, plan: Plan) -> None:
    pdf.para(f"In {_refs(plan, plan.scare_items)}, the writer puts some words in quotation marks although nobody "
             "is quoted saying them. Circle them.")
    pdf.para("Why might a writer put a word in quotation marks like that? What does it tell you about the writer's "
             "view of the word, or of the people it names?")
    ruled_lines(pdf, 4)


def _s_quotes(pdf: PdfDoc, plan: Plan) -> None:
    pdf.para(f"In {_refs(plan, plan.quote_items)}, find every person or organisation whose words are reported. "
             "Write down who speaks and the verb that introduces their words (said, claimed, warned …).")
    n = min(sum(len(e.quotes) for e in plan.quote_items), 6)
    rows = [[[Run("")], [Run("")], [Run("")]] for _ in range(max(n, 2))]
    draw_table(pdf, ["Who speaks", "The verb", "Does the verb make them sound neutral, believable or doubtful?"],
               rows, [55, 30, pdf.epw - 85], size=9, min_row=10)
    pdf.para("Which side gets to speak more in these excerpts? Whose words are introduced with a doubtful verb?")
    ruled_lines(pdf, 2)


def _s_rewrite(pdf: PdfDoc, plan: Plan) -> None:
    r = plan.rewrite
    assert r is not None
    pdf.para(f"This sentence comes from {plan.shown(r.doc.outlet)}. It uses names that one side of the conflict "
             "prefers. Rewrite it using the names the other side would use.")
    boxed(pdf, [Run(plan.masker(r.doc.text[r.start : r.end]))], size=10)
    ruled_lines(pdf, 4)
    pdf.para("Does the sentence mean the same thing now? What changed for a reader?")
    ruled_lines(pdf, 2)


def _s_side(pdf: PdfDoc, plan: Plan) -> None:
    pdf.para("From the names each outlet uses in its own words (not inside someone's quote), whose side's names "
             "does it use most? Tick one box and give your evidence.")
    options = [plan.sides.get(s, s).replace(" usage", "") for s in plan.side_options] + ["Mixed / can't tell"]
    for lean in plan.leans:
        pdf.need(22)
        pdf.para(plan.shown(lean.outlet), style="B", gap=0.5)
        tick_boxes(pdf, options)
        ruled_lines(pdf, 1, spacing=7, label="Evidence:")


def _s_headlines(pdf: PdfDoc, plan: Plan) -> None:
    pdf.para("Two headlines from different outlets:")
    for i, h in enumerate(plan.headlines, 1):
        boxed(pdf, [Run(f"Headline {i} ({plan.shown(h.doc.outlet)}): ", "B"), Run(plan.masker(h.doc.title))], size=10.5)
    pdf.para("What happened, according to each headline? Who does what to whom?")
    ruled_lines(pdf, 3)
    pdf.para("Which words make the difference? Whose side would choose each of them?")
    ruled_lines(pdf, 3)


_STUDENT = {"naming": _s_naming, "scare": _s_scare, "quotes": _s_quotes, "rewrite": _s_rewrite,
            "side": _s_side, "headlines": _s_headlines}


# -- answer key ----------------------------------------------------------------------
def _key(plan: Plan) -> bytes:
    pdf = PdfDoc(title="Answer key: reading the news closely", footer=f"Answer key · {plan.title} · for teachers")
    pdf.add_page()
    pdf.para("Answer key (for teachers)", style="B", size=20, h=9, gap=1)
    pdf.para(f"Worksheet on {plan.title}" + (f", variant {plan.seed}" if plan.seed else "") + ". Keep this "
             "sheet away from students: it names the outlets.", size=11, colour=GREY, gap=4)
    pdf.heading("Who is behind each letter", level=1)
    rows = []
    for o in sorted(plan.aliases, key=lambda o: (plan.aliases[o], o)):
        exs = [e for e in plan.excerpts + plan.scare_items if e.doc.outlet == o]
        seen: list[Excerpt] = []
        for e in exs:
            if e not in seen:
                seen.append(e)
        where = "; ".join(f"Excerpt {plan.number(e)}: {e.doc.title or '(untitled)'}" + (f", {e.doc.date[:10]}" if e.doc.date else "")
                          for e in seen) or "no excerpt"
        rows.append([[Run(plan.aliases[o], "B")], [Run(o)], [Run(where)]])
    draw_table(pdf, ["Letter", "Outlet", "Excerpts on the sheet"], rows, [24, 50, pdf.epw - 74], size=9)
    pdf.para("The excerpts with what the analysis marked: terms shaded by whose usage they are, scare quotes bold "
             "and red, distancing words red italics, quotes underlined and numbered, speakers in bold.", size=9)
    pdf.swatch_legend([(s, plan.sides[s]) for s in plan.sides if s != "unknown"])
    pdf.ln(2)
    extra = [e for e in plan.scare_items if e not in plan.excerpts]
    for ex in plan.excerpts + extra:
        runs = annotated_runs(ex, size=9.5)
        pdf.need(7 + min(box_height(pdf, runs, size=9.5), 100))
        pdf.para(f"{_excerpt_meta(plan, ex)} ({ex.doc.outlet})", style="B", size=9.5, gap=1)
        boxed(pdf, runs, size=9.5)
    for n, kind in enumerate(exercises(plan), 1):
        if n == 1:
            pdf.add_page()
        pdf.heading(f"Exercise {n}: {TITLES[kind]}", level=1)
        _KEY[kind](pdf, plan)
    return pdf_bytes(pdf)


def _k_naming(pdf: PdfDoc, plan: Plan) -> None:
    pdf.para("The lexicon found these names (any four, with a sensible side, are a good answer). \"Own word\" means "
             "the outlet's voice; a word inside a quote is the speaker's choice, which students may also list.", size=9)
    for ex in plan.excerpts:
        if not ex.terms:
            continue
        pdf.para(f"Excerpt {plan.number(ex)} ({plan.shown(ex.doc.outlet)})", style="B", size=9.5, gap=0.5)
        lines = [x for x in term_lines(ex, plan.concepts, plan.sides, _identity) if not x.startswith("“")]
        pdf.bullets(lines, size=8.5)


def _k_scare(pdf: PdfDoc, plan: Plan) -> None:
    for ex in plan.scare_items:
        pdf.para(f"Excerpt {plan.number(ex)} ({plan.shown(ex.doc.outlet)})", style="B", size=9.5, gap=0.5)
        items = []
        for s in ex.scares:
            what = text_of(s.get("concept"))
            side = text_of(s.get("side"))
            extra = f" (a lexicon term: {plan.sides.get(side, side)})" if what else ""
            items.append(f"“{text_of(s.get('text'))}”{extra}: {text_of(s.get('reason'))}")
        pdf.bullets(items, size=8.5)
    pdf.para("What to look for: quotation marks with no speaker signal that the outlet does not take the word at "
             "face value (the so-called \"peacekeepers\"); they distance the outlet from the word, or mock it.", size=9)


def _k_quotes(pdf: PdfDoc, plan: Plan) -> None:
    pdf.para("Speaker as written → the person or body it refers to; kind of speaker; side (from the actors list, "
             "never guessed); the verb and its class. Verb classes: neutral (said), distancing (claimed, alleged: "
             "casts doubt), endorsing (confirmed, revealed: lends credit), confrontational (denied, accused).", size=9)
    for ex in plan.quote_items:
        pdf.para(f"Excerpt {plan.number(ex)} ({plan.shown(ex.doc.outlet)})", style="B", size=9.5, gap=0.5)
        pdf.bullets([quote_line(n, q, _identity) for n, q in enumerate(ex.quotes, 1)], size=8.5)
    pdf.para("Automatic attribution is right for about four quotes in five: check each answer against the text.",
             size=8.5, colour=GREY)


def _k_rewrite(pdf: PdfDoc, plan: Plan) -> None:
    r = plan.rewrite
    assert r is not None
    pdf.para(f"The sentence is from {r.doc.outlet} ({plan.shown(r.doc.outlet)}). A model answer, with the lexicon's "
             "names for the other side in bold:", size=9.5)
    text, pos, runs = r.doc.text, r.start, []
    for s in r.swaps:
        runs += [Run(text[pos : s.start]), Run(s.replacement, "B", fill=side_fill(s.to_side))]
        pos = s.end
    runs.append(Run(text[pos : r.end]))
    boxed(pdf, runs, size=10)
    pdf.bullets([f"{s.original} ({plan.sides.get(s.from_side, s.from_side)}) → {s.replacement} "
                 f"({plan.sides.get(s.to_side, s.to_side)}): {s.concept}" for s in r.swaps], size=8.5)
    pdf.para("Accept other names the other side uses; a good answer also notices words that have no neutral "
             "equivalent, and that some changes (a name for a whole army or people) change the meaning, not only "
             "the label.", size=9)


def _k_side(pdf: PdfDoc, plan: Plan) -> None:
    pdf.para("From the naming_lean table: for each side, the mean share of its names over the concepts the outlet "
             "names in its own voice (each concept counts once). A side is given as the answer when it has at least "
             "half of the names and three uses.", size=9)
    rows = []
    for lean in plan.leans:
        shares = ", ".join(f"{plan.sides.get(s, s)} {v:.2f}" for s, v in lean.sides) or "no lexicon names"
        answer = plan.sides.get(lean.answer, lean.answer) if lean.answer else "no clear lean"
        basis = f"{lean.n_concepts} concepts, {lean.n_hits} uses, {lean.n_docs} article{'s' if lean.n_docs != 1 else ''}"
        rows.append([[Run(f"{plan.shown(lean.outlet)}\n", "B"), Run(lean.outlet)], [Run(answer, "B")], [Run(shares)], [Run(basis)]])
    draw_table(pdf, ["Outlet", "Answer", "Share of each side's names", "Based on"], rows, [40, 30, 64, pdf.epw - 134], size=8.5)
    pdf.para("One excerpt, or even one article, is thin evidence: reward students who say what they would need "
             "to check before deciding.", size=9)


def _k_headlines(pdf: PdfDoc, plan: Plan) -> None:
    for i, h in enumerate(plan.headlines, 1):
        pdf.para(f"Headline {i}: {plan.shown(h.doc.outlet)} = {h.doc.outlet}", style="B", size=9.5, gap=0.5)
        pdf.para(h.doc.title, style="I", size=9.5, gap=0.5)
        items = [f"{text_of(t.get('text'))}: {plan.sides.get(text_of(t.get('side')), text_of(t.get('side')))} · "
                 f"{concept_name(plan, t)}" for t in h.terms]
        items += [f"“{text_of(s.get('text'))}”: in quotation marks, kept at a distance" for s in h.scares]
        pdf.bullets(items or ["No lexicon term or scare quote in this headline: look at the verbs and who is the subject."],
                    size=8.5)
    pdf.para("What to look for: who is the subject of the headline (who acts), the verbs (requests, ceases, "
             "attacks), the names chosen for places and armed groups, and words in quotation marks.", size=9)


def _identity(text: str) -> str:
    return text


_KEY = {"naming": _k_naming, "scare": _k_scare, "quotes": _k_quotes, "rewrite": _k_rewrite,
        "side": _k_side, "headlines": _k_headlines}
