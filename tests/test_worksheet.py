"""The classroom worksheet and its answer key."""

from __future__ import annotations

import pytest

import framing
from framing.lexicon import Concept, Variant
from framing.reportdata import ReportData
from framing.worksheet import EXERCISES, TITLES, render_worksheet
from framing.worksheet_plan import Lean, plan_worksheet, swaps_in, variants_by_side
from tests.test_report_pdf import OUTLETS, needs_poppler, pdf_fonts, pdf_text

# outlet_aliases sorts the names: Al-Ahram Weekly < Azerbaijani Media Roundup < Turan < Unnamed … < ZeroHedge
LETTERS = {"Al-Ahram Weekly": "Outlet A", "Azerbaijani Media Roundup": "Outlet B", "Turan": "Outlet C",
           "Unnamed WordPress site": "Outlet D", "ZeroHedge": "Outlet E"}


@pytest.fixture(scope="module")
def seeds_data() -> ReportData:
    analysis = framing.analyze("seeds")
    return ReportData(analysis, title="Nagorno-Karabakh seed articles", lexicons=analysis.run.get("lexicons", []))


@pytest.fixture(scope="module")
def sheets(seeds_data) -> tuple[bytes, bytes]:
    return render_worksheet(seeds_data, seed=0)


@needs_poppler
def test_student_sheet_is_blind(sheets, tmp_path):
    text = " ".join(pdf_text(sheets[0], tmp_path))
    for outlet in OUTLETS:
        assert outlet.lower() not in text.lower(), outlet
    for author in ("Tyler Durden", "Fuad Muxtarlı"):
        assert author not in text
    for letter in LETTERS.values():
        assert letter in text


@needs_poppler
def test_student_sheet_has_every_exercise_and_room_to_write(sheets, tmp_path):
    text = " ".join(pdf_text(sheets[0], tmp_path))
    # the seeds have contested terms, scare quotes, quotes with verbs, a swappable sentence and headlines
    for n, kind in enumerate(EXERCISES, 1):
        assert f"Exercise {n}: {TITLES[kind]}" in text
    for field in ("Name:", "Class:", "Date:", "Excerpt 1 · Outlet A", "Excerpt 5 · Outlet E"):
        assert field in text
    assert "Mixed / can't tell" in text  # the tick boxes of exercise 5


@needs_poppler
def test_answer_key_names_every_outlet_behind_its_letter(sheets, tmp_path):
    text = " ".join(pdf_text(sheets[1], tmp_path))
    for outlet, letter in LETTERS.items():
        assert f"{letter} {outlet}" in text, (letter, outlet)
    assert "Answer key (for teachers)" in text


@needs_poppler
def test_answer_key_has_the_expected_answers(sheets, tmp_path):
    student = " ".join(pdf_text(sheets[0], tmp_path, "s.pdf"))
    key = " ".join(pdf_text(sheets[1], tmp_path, "k.pdf"))
    # Rewrite: the seed sentence with most concepts to swap (seed 000, Azerbaijani Media Roundup).
    # karabakh.yaml: Karabakh (azerbaijani, weak) → Artsakh (armenian, strong, first term);
    # Azerbaijani → Azeri (armenian's only variant); Xocavand → Martuni (moderate beats weak Khonashen).
    assert "accompanied into Karabakh by the Russian peacekeepers that attacked units of the Azerbaijani army in Xocavand" in student
    assert "accompanied into Artsakh by the Russian peacekeepers that attacked units of the Azeri army in Martuni" in key
    assert "Xocavand (Azerbaijani usage) → Martuni (Armenian usage)" in key
    # Scare quotes: the excerpts of seed 001 (Outlet C) and 004 (Outlet D) put the Karabakh Armenians' name
    # for their polity in quotation marks right after a distancing word, in the outlet's own voice:
    # 'the unrecognized "Nagorno-Karabakh Republic,"' and 'the self-proclaimed “Republic of Artsakh”'
    assert "“Nagorno-Karabakh Republic,” (a lexicon term: Armenian usage): after a distancing marker" in key
    assert "“Republic of Artsakh” (a lexicon term: Armenian usage): after a distancing marker" in key
    # Quotes: the excerpt of seed 002 (Outlet A) reports Ombudsman Artak Beklaryan's campaign "in which he
    # called upon the international community to focus attention on war crimes": 'he' is Beklaryan (the
    # person just named), armenian side in lexicons/actors.yaml, and "call upon" is neutral in the verb table
    assert "he → Artak Beklaryan (person; armenian side) — “called upon” (neutral); indirect quote" in key
    # Side: naming_lean gives Turan 0.60 of Azerbaijani names over 5 concepts
    assert "Outlet C Turan Azerbaijani usage Azerbaijani usage 0.60" in key


def test_same_seed_same_bytes_other_seed_other_sheet(seeds_data, sheets):
    assert render_worksheet(seeds_data, seed=0) == sheets
    other = plan_worksheet(seeds_data, seed=1)
    first = plan_worksheet(seeds_data, seed=0)
    assert [(e.doc.id, e.start) for e in other.excerpts] != [(e.doc.id, e.start) for e in first.excerpts]
    # every outlet still has exactly one excerpt, in letter order
    assert [e.doc.outlet for e in other.excerpts] == sorted(LETTERS)


@needs_poppler
def test_worksheet_fonts_are_embedded(sheets, tmp_path):
    for pdf in sheets:
        rows = pdf_fonts(pdf, tmp_path)
        assert rows and all(r[-5] == "yes" for r in rows)


def test_a_corpus_without_terms_still_gives_a_worksheet(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text("The weather was mild on Tuesday. Farmers sold apples.\n", encoding="utf-8")
    data = ReportData(framing.analyze(corpus, defaults={"outlet": "Local"}), title="plain")
    student, key = render_worksheet(data)
    assert student.startswith(b"%PDF-") and key.startswith(b"%PDF-")
    plan = plan_worksheet(data)
    assert plan.excerpts == [] and plan.rewrite is None and plan.headlines == []


# -- planning helpers ------------------------------------------------------------------
def concept(cid: str, *variants: tuple[str, tuple[str, ...], str]) -> Concept:
    return Concept(cid, cid.title(), "place", tuple(Variant(s, t, w) for s, t, w in variants))


STEP = concept("stepanakert", ("armenian", ("Stepanakert", "Ստեփանակերտ"), "strong"),
               ("azerbaijani", ("Khankendi", "Xankəndi"), "strong"))
MARTUNI = concept("martuni", ("armenian", ("Khonashen",), "weak"), ("armenian", ("Martuni",), "moderate"),
                  ("azerbaijani", ("Khojavend",), "strong"))
SEPS = concept("separatists", ("azerbaijani", ("separatist",), "weak"), ("international", ("Karabakh forces",), "moderate"))


def test_variants_by_side_takes_the_strongest_variant():
    assert variants_by_side(MARTUNI) == {"armenian": "Martuni", "azerbaijani": "Khojavend"}
    assert variants_by_side(STEP) == {"armenian": "Stepanakert", "azerbaijani": "Khankendi"}


def row(start: int, end: int, text: str, term: str, cid: str, side: str, voice: str = "authorial") -> dict:
    return {"start": start, "end": end, "text": text, "term": term, "pack": "k", "concept": cid, "side": side,
            "voice": voice, "category": "place"}


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        ([row(0, 9, "Khankendi", "Khankendi", "stepanakert", "azerbaijani")], [("Khankendi", "Stepanakert")]),
        ([row(0, 11, "Stepanakert", "Stepanakert", "stepanakert", "armenian")], [("Stepanakert", "Khankendi")]),
        ([row(0, 9, "khojavend", "Khojavend", "martuni", "azerbaijani")], [("khojavend", "Martuni")]),  # capital kept from the lexicon
        # negative cases: a quoted word is the speaker's; a neutral or international word has no "other side";
        # a concept the other side has no name for cannot be swapped
        ([row(0, 9, "Khankendi", "Khankendi", "stepanakert", "azerbaijani", voice="quoted")], []),
        ([row(0, 15, "Karabakh forces", "Karabakh forces", "separatists", "international")], []),
        ([row(0, 11, "separatists", "separatist", "separatists", "azerbaijani")], []),
        ([row(0, 9, "Khankendi", "Khankendi", "unknown_concept", "azerbaijani")], []),
    ],
)
def test_swaps(rows, expected):
    concepts = {("k", c.id): c for c in (STEP, MARTUNI, SEPS)}
    assert [(s.original, s.replacement) for s in swaps_in(rows, concepts)] == expected


def test_swap_keeps_plural_and_capital():
    armenians = concept("people", ("armenian", ("Artsakhi",), "strong"), ("azerbaijani", ("Karabakh Armenian",), "weak"))
    rows = [row(0, 18, "Karabakh Armenians", "Karabakh Armenian", "people", "azerbaijani")]
    (s,) = swaps_in(rows, {("k", "people"): armenians})
    assert s.replacement == "Artsakhis"  # plural s added; capital kept


@pytest.mark.parametrize(
    ("sides", "hits", "answer"),
    [
        ((("azerbaijani", 0.6), ("neutral", 0.4)), 10, "azerbaijani"),
        ((("armenian", 0.43), ("international", 0.30)), 19, ""),  # no side has half the names
        ((("neutral", 0.7), ("armenian", 0.3)), 10, ""),  # neutral is not a side to guess
        ((("armenian", 1.0),), 2, ""),  # too few uses
    ],
)
def test_lean_answer(sides, hits, answer):
    assert Lean("O", sides, 3, hits, 1).answer == answer
