"""Lexicon packs: the bundled packs validate; bad packs give file:line errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from framing import LexiconError
from framing.cli import cli
from framing.lexicon import bundled_packs, check_pack, load_pack, load_packs

from .conftest import ROOT

GOOD = """\
format: 1
pack: mini
version: "0.1"
sides:
  a: {label: Side A}
  b: {label: Side B}
concepts:
  - id: city
    label: A city
    category: place
    variants:
      - side: a
        terms: [Stepanakert]
      - side: b
        terms: [Khankendi, Xankəndi]
"""


def write(tmp_path: Path, text: str, name: str = "pack.yaml") -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_bundled_packs_are_valid() -> None:
    for path in sorted((ROOT / "lexicons").glob("*.yaml")):
        assert check_pack(path) == [], path
    names = {p.name for p in load_packs()}
    assert names == {"karabakh", "russia-ukraine", "distancing"}


def test_bundled_karabakh_covers_the_brief() -> None:
    pack = load_pack(ROOT / "lexicons" / "karabakh.yaml")
    ids = {c.id for c in pack.concepts}
    # one concept for each of the 29 toponym pairs of the terminology reference (§1A)
    toponyms = ["stepanakert", "shusha", "martakert", "martuni", "hadrut", "askeran", "khojaly", "lachin", "kashatagh",
                "kalbajar", "zangilan", "qubadli", "jabrayil", "fuzuli", "aghdam", "shahumyan", "madaghis", "talish",
                "getashen", "martunashen", "karmir_shuka", "sarnaghbyur", "jraberd", "vazgenashen", "khtsaberd",
                "dadivank", "syunik", "yerevan", "sevan"]
    assert len(toponyms) == 29
    assert set(toponyms) <= ids
    spellings = {t.lower() for c in pack.concepts for v in c.variants for t in v.terms}
    for t in ["stepanakert", "khankendi", "xankəndi", "xankandi", "khankendy", "ханкенди", "shushi", "shusha", "artsakh",
              "nagorno-karabakh", "karabakh", "separatist", "karabakh forces", "azeri", "azerbaijani", "lachin corridor",
              "44-day war", "patriotic war", "second karabakh war", "blockade", "ethnic cleansing"]:
        assert t in spellings, t


def test_good_pack_loads(tmp_path: Path) -> None:
    pack = load_pack(write(tmp_path, GOOD))
    assert pack.name == "mini"
    assert [v.side for v in pack.concept("city").variants] == ["a", "b"]
    assert pack.n_terms == 3


BAD = [
    ("invalid YAML", GOOD.replace("  - id: city", "  - id: [city"), 9, "invalid YAML"),
    ("unknown side", GOOD.replace("side: b", "side: c"), 14, "unknown side 'c'"),
    ("duplicate across concepts", GOOD + """\
  - id: town
    label: The same city
    variants:
      - side: a
        terms: [Khankendi]
""", 19, "claimed by two concepts: 'city'"),
    ("duplicate via hyphen/space", GOOD.replace("[Stepanakert]", "[Nagorno-Karabakh, Nagorno Karabakh]"), 12, "appears twice"),
    ("empty concept", GOOD + "  - id: empty\n    label: Nothing\n    variants: []\n", 18, "has no variants"),
    ("variant without terms", GOOD.replace("terms: [Stepanakert]", "terms: []"), 13, "has no terms"),
    ("unknown key", GOOD.replace("    category: place", "    categroy: place"), 10, "unknown concept key 'categroy'"),
    ("not format 1", GOOD.replace("format: 1", "format: 2"), 1, "format must be 1"),
    ("anchor bomb", "format: 1\npack: x\na: &a [1, 2]\nb: [*a, *a]\n", 3, "anchors and aliases"),
]


@pytest.mark.parametrize(("name", "text", "line", "message"), BAD, ids=[b[0] for b in BAD])
def test_bad_pack_reports_file_and_line(tmp_path: Path, name: str, text: str, line: int, message: str) -> None:
    path = write(tmp_path, text)
    problems = check_pack(path)
    assert problems, name
    assert any(p.startswith(f"{path}:{line}: ") and message in p for p in problems), problems
    with pytest.raises(LexiconError, match=rf"^{path}:\d+: "):
        load_pack(path)


def test_empty_file(tmp_path: Path) -> None:
    path = write(tmp_path, "")
    assert check_pack(path) == [f"{path}:1: file is empty; a pack needs format, pack, sides and concepts"]


def test_ten_megabyte_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    path.write_text(GOOD + "# " + "x" * (10 * 1024 * 1024) + "\n", encoding="utf-8")
    problems = check_pack(path)
    assert len(problems) == 1
    assert problems[0].startswith(f"{path}: file is 10.5 MB; YAML files are limited to 5 MB")


def test_cli_check_exit_codes(tmp_path: Path) -> None:
    runner = CliRunner()
    ok = runner.invoke(cli, ["lexicon", "check", str(write(tmp_path, GOOD, "good.yaml"))])
    assert ok.exit_code == 0
    assert "ok (naming pack mini 0.1: 1 concepts, 3 terms; sides: a, b)" in ok.output
    bad = runner.invoke(cli, ["lexicon", "check", str(write(tmp_path, GOOD.replace("side: b", "side: c"), "bad.yaml"))])
    assert bad.exit_code == 1
    assert f"{tmp_path / 'bad.yaml'}:14: unknown side 'c'" in bad.output
    assert "Traceback" not in bad.output


def test_cli_show_lists_variants() -> None:
    res = CliRunner().invoke(cli, ["lexicon", "show", str(ROOT / "lexicons" / "karabakh.yaml"), "--concept", "shusha"])
    assert res.exit_code == 0
    assert "shusha —" in res.output
    assert "armenian" in res.output and "Shushi" in res.output
    assert "azerbaijani" in res.output and "Şuşa" in res.output


def test_analyze_with_bad_lexicon_is_one_line_error(tmp_path: Path) -> None:
    bad = write(tmp_path, GOOD.replace("side: b", "side: c"))
    res = CliRunner().invoke(cli, ["analyze", str(ROOT / "seeds"), "-o", str(tmp_path / "o"), "--lexicon", str(bad)])
    assert res.exit_code == 1
    assert res.stderr.startswith(f"framing: error: {bad}:14: unknown side 'c'")
    assert not (tmp_path / "o").exists() or not any((tmp_path / "o").iterdir())


def test_bundled_packs_found() -> None:
    assert {p.stem for p in bundled_packs()} == {"karabakh", "russia-ukraine", "distancing"}


def test_lexicons_ship_inside_the_package() -> None:
    """An installed wheel has no checkout beside it: the packs are packaged under framing/data/lexicons."""
    import framing

    packaged = Path(framing.__file__).resolve().parent / "data" / "lexicons"
    for name in ("karabakh.yaml", "russia-ukraine.yaml", "distancing.yaml", "actors.yaml"):
        assert (packaged / name).read_bytes() == (ROOT / "lexicons" / name).read_bytes()


def test_karabakh_scope_counts_azerbaijani_spellings() -> None:
    # A text that only uses Azerbaijani-alphabet names is still about Karabakh.
    from framing import analyze_text

    terms = analyze_text("Xankəndi şəhərində yeni məktəb açıldı.").terms
    assert terms[["text", "concept", "side"]].values.tolist() == [["Xankəndi", "stepanakert", "azerbaijani"]]
