"""The readability dictionaries kept in the user cache folder (framing.cache.read_resource / write_resource)."""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import pickle
from pathlib import Path

import pytest

from framing import word_data
from framing.cache import read_resource, resource_path, write_resource

KEY = "k" * 64


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private cache folder, and the readability dictionaries loaded afresh (and afterwards)."""
    monkeypatch.setenv("FRAMING_CACHE", str(tmp_path / "documents.sqlite"))
    word_data._resources.cache_clear()
    yield tmp_path
    word_data._resources.cache_clear()


def _header(key: str, payload: bytes) -> bytes:
    # the layout written by write_resource: magic line, key line, SHA-256 line, then the payload
    return b"framing-resource 1\n" + key.encode() + b"\n" + hashlib.sha256(payload).hexdigest().encode() + b"\n"


def test_resource_path_is_beside_the_document_cache(folder: Path) -> None:
    assert resource_path("x.pickle") == folder / "x.pickle"


def test_round_trip(folder: Path) -> None:
    path = folder / "sub" / "r.bin"  # the folder is created
    assert write_resource(path, KEY, b"abc\n\x00def")
    assert path.read_bytes() == _header(KEY, b"abc\n\x00def") + b"abc\n\x00def"
    assert read_resource(path, KEY) == b"abc\n\x00def"
    assert [p.name for p in path.parent.iterdir()] == ["r.bin"]  # no temporary file left


@pytest.mark.parametrize(
    ("content", "why"),
    [
        (None, "missing"),
        (b"", "empty"),
        (_header("other", b"abc") + b"abc", "another key (stale)"),
        (_header(KEY, b"abc") + b"ab", "cut short"),
        (_header(KEY, b"abc") + b"abd", "altered payload"),
        (b"framing-resource 2\n" + _header(KEY, b"abc")[19:] + b"abc", "another layout"),
        (_header(KEY, b"abc")[:-66], "no checksum line"),
    ],
)
def test_a_bad_file_reads_as_none(folder: Path, content: bytes | None, why: str) -> None:
    path = folder / "r.bin"
    if content is not None:
        path.write_bytes(content)
    assert read_resource(path, KEY) is None, why


def test_an_unwritable_place_is_reported_not_raised(folder: Path) -> None:
    blocker = folder / "file"
    blocker.write_text("x")
    assert write_resource(blocker / "r.bin", KEY, b"abc") is False  # its folder would be a file
    assert read_resource(blocker / "r.bin", KEY) is None


def _writer(path: str, n: int, rounds: int) -> None:
    for _ in range(rounds):
        write_resource(path, KEY, bytes([n]) * 300_000)


def test_concurrent_writers_leave_a_whole_file(folder: Path) -> None:
    """Four processes rewrite the file while this one reads it: each read is a whole payload."""
    path = folder / "r.bin"
    ctx = multiprocessing.get_context("fork")
    procs = [ctx.Process(target=_writer, args=(str(path), n, 30)) for n in range(1, 5)]
    for p in procs:
        p.start()
    seen = set()
    while any(p.is_alive() for p in procs):
        got = read_resource(path, KEY)
        if got is not None:
            assert len(got) == 300_000 and got == got[:1] * 300_000  # one writer's bytes, all of them
            seen.add(got[0])
    for p in procs:
        p.join()
        assert p.exitcode == 0
    final = read_resource(path, KEY)
    assert final is not None and final[0] in {1, 2, 3, 4}
    assert [p.name for p in folder.iterdir()] == ["r.bin"]


def _fresh() -> word_data._Resources:
    word_data._resources.cache_clear()
    return word_data._resources()


def test_dictionaries_are_cached_and_read_back_the_same(folder: Path) -> None:
    built = _fresh()  # nothing cached: parsed from the packages, then written
    path = folder / word_data._RESOURCES_FILE
    assert path.is_file()
    loaded = _fresh()
    assert loaded is not built
    assert loaded.cmu == built.cmu and loaded.easy == built.easy
    assert (loaded.hyphenation.trie, loaded.hyphenation.pad) == (built.hyphenation.trie, built.hyphenation.pad)
    # by hand: "abbey" AE1 B IY0 has two stress marks -> 2 syllables; "the" is an easy word
    assert loaded.cmu["abbey"] == 2 and "the" in loaded.easy


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[: len(data) // 2],  # cut short
        lambda data: b"garbage",  # not a resource file
        # a valid header over a payload that is not the dictionaries (checksum right, content wrong)
        lambda data: _header(data.split(b"\n")[1].decode(), pickle.dumps(("x", 1))) + pickle.dumps(("x", 1)),
        # a pickle that does not load
        lambda data: _header(data.split(b"\n")[1].decode(), b"\x80\x05junk") + b"\x80\x05junk",
        # the words and counts do not pair up (strict zip)
        lambda data: _header(data.split(b"\n")[1].decode(), _bad_pairs()) + _bad_pairs(),
        # stale: written for other code or data
        lambda data: _header("0" * 64, data.split(b"\n", 3)[3]) + data.split(b"\n", 3)[3],
    ],
)
def test_a_damaged_or_stale_file_is_rebuilt(folder: Path, damage) -> None:
    good = _fresh()
    path = folder / word_data._RESOURCES_FILE
    original = path.read_bytes()
    path.write_bytes(damage(original))
    again = _fresh()  # no exception: parsed again, and the file rewritten
    assert again.cmu == good.cmu and again.easy == good.easy and again.hyphenation.trie == good.hyphenation.trie
    assert read_resource(path, original.split(b"\n")[1].decode()) is not None


def _bad_pairs() -> bytes:
    return pickle.dumps(("a\nb", b"\x01", frozenset(), {}, 0, 2, 2))


def test_an_unwritable_cache_folder_still_scores(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = folder / "file"
    blocker.write_text("x")
    monkeypatch.setenv("FRAMING_CACHE", str(blocker / "documents.sqlite"))
    res = _fresh()
    assert res.cmu["abbey"] == 2
    assert not (blocker.parent / word_data._RESOURCES_FILE).exists()


def _build_and_report(queue: multiprocessing.Queue) -> None:
    res = _fresh()
    queue.put((len(res.cmu), len(res.easy), res.cmu["abbey"]))


def test_two_processes_building_at_once(folder: Path) -> None:
    """Two cold processes build and write the file together: both get the dictionaries, the file is whole."""
    ctx = multiprocessing.get_context("fork")
    queue = ctx.Queue()
    procs = [ctx.Process(target=_build_and_report, args=(queue,)) for _ in range(2)]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
        assert p.exitcode == 0
    got = [queue.get(timeout=5) for _ in procs]
    ref = _fresh()
    assert got == [(len(ref.cmu), len(ref.easy), 2)] * 2
    assert sorted(os.listdir(folder)) == [word_data._RESOURCES_FILE]
