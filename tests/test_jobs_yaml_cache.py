"""The parsed values of a YAML file kept in the user cache folder (framing.yamlio.read_yaml)."""

from __future__ import annotations

from pathlib import Path

import pytest

from framing import yamlio
from framing.lexicon import bundled_lexicon_dir, load_packs
from framing.yamlio import CACHE_MIN_BYTES, LineDict, LineList, YamlProblem, read_yaml


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("FRAMING_CACHE", str(folder / "documents.sqlite"))
    return folder


def _big_yaml(path: Path, word: str = "alpha") -> Path:
    # line 1 "name: ...", line 2 "items:", then one item per line from line 3: item k on line 3 + k
    lines = [f"name: {word}", "items:"] + [f"  - {word}{k}" for k in range(600)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert path.stat().st_size >= CACHE_MIN_BYTES  # 600 lines of at least 10 bytes
    return path


def _stored(folder: Path) -> list[Path]:
    return sorted(folder.glob("yaml-*.pickle")) if folder.exists() else []


def _no_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(text: str, *, name: str) -> None:
        raise AssertionError(f"{name} was parsed again")

    monkeypatch.setattr(yamlio, "parse_yaml", fail)


def test_second_read_comes_from_the_cache_with_its_line_numbers(cache_dir: Path, tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    path = _big_yaml(tmp_path / "big.yaml")
    first = read_yaml(path)
    assert len(_stored(cache_dir)) == 1
    _no_parsing(monkeypatch)
    again = read_yaml(path)
    assert again == first
    assert isinstance(again, LineDict) and isinstance(again["items"], LineList)
    assert again.line == 1 and again.key_lines == {"name": 1, "items": 2}
    assert again["items"][0] == "alpha0" and again["items"][599] == "alpha599"
    assert again["items"].item_lines[:2] == [3, 4] and again["items"].item_lines[599] == 602  # 3 + 599
    assert again is not first  # a fresh copy: a caller may change what it got


def test_an_edited_file_is_parsed_again(cache_dir: Path, tmp_path: Path) -> None:
    path = _big_yaml(tmp_path / "big.yaml", "alpha")
    assert read_yaml(path)["name"] == "alpha"
    _big_yaml(path, "beta")
    got = read_yaml(path)
    assert got["name"] == "beta" and got["items"][5] == "beta5"
    assert len(_stored(cache_dir)) == 1  # the path's one copy was replaced


@pytest.mark.parametrize("damage", [
    lambda b: b[:-10],                      # cut short
    lambda b: b[:-5] + b"XXXXX",            # altered payload (checksum differs)
    lambda b: b"not a framing resource\n",  # something else
])
def test_a_damaged_copy_is_never_trusted(cache_dir: Path, tmp_path: Path, damage) -> None:  # type: ignore[no-untyped-def]
    path = _big_yaml(tmp_path / "big.yaml")
    first = read_yaml(path)
    (stored,) = _stored(cache_dir)
    stored.write_bytes(damage(stored.read_bytes()))
    again = read_yaml(path)
    assert again == first and again.key_lines == {"name": 1, "items": 2}
    assert read_yaml(path) == first  # rewritten whole
    assert yamlio.pickle.loads(stored.read_bytes().split(b"\n", 3)[3]) == first


def test_small_files_and_cache_false_are_not_stored(cache_dir: Path, tmp_path: Path) -> None:
    small = tmp_path / "small.yaml"
    small.write_text("name: x\nitems: [1, 2]\n", encoding="utf-8")  # 23 bytes, under CACHE_MIN_BYTES
    assert read_yaml(small) == {"name": "x", "items": [1, 2]}
    big = _big_yaml(tmp_path / "big.yaml")
    assert read_yaml(big, cache=False)["items"][1] == "alpha1"
    assert _stored(cache_dir) == []


@pytest.mark.parametrize(("tail", "message"), [
    ("bad: [unclosed\n", "invalid YAML"),
    ("other: &a 1\nref: *a\n", "anchors and aliases"),
    ("name: twice\n", "appears twice"),
])
def test_files_that_do_not_parse_are_never_stored(cache_dir: Path, tmp_path: Path, tail: str, message: str) -> None:
    path = _big_yaml(tmp_path / "big.yaml")
    path.write_text(path.read_text(encoding="utf-8") + tail, encoding="utf-8")
    for _ in range(2):  # the same error the second time: nothing was kept
        with pytest.raises(YamlProblem, match=message):
            read_yaml(path)
    assert _stored(cache_dir) == []


def test_an_unwritable_cache_folder_only_costs_the_parse(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("FRAMING_CACHE", str(blocker / "sub" / "documents.sqlite"))  # its folder cannot be made
    path = _big_yaml(tmp_path / "big.yaml")
    assert read_yaml(path)["items"][2] == "alpha2"
    assert read_yaml(path)["items"][2] == "alpha2"


def test_bundled_packs_load_the_same_from_the_cache(cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fresh = load_packs()
    assert len(_stored(cache_dir)) == len(fresh)  # every bundled pack is larger than CACHE_MIN_BYTES
    _no_parsing(monkeypatch)
    cached = load_packs()
    assert cached == fresh
    assert [p.path for p in cached] == [p.path for p in fresh]
    assert all(Path(p.path).parent == bundled_lexicon_dir() for p in cached)
