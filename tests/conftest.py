"""Shared fixtures. Every test runs with the network blocked."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"
CORPORA = SHARED / "corpora"


class NetworkBlocked(RuntimeError):
    """Raised when code under test tries to open a network connection."""


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, object]]:
    """Make every attempt to reach the network fail loudly, and record it."""
    attempts: list[tuple[str, object]] = []

    def guard(name: str):
        def blocked(*args: object, **kwargs: object) -> None:
            attempts.append((name, args[1:2] if len(args) > 1 else args))
            raise NetworkBlocked(f"network access attempted: {name}{args[1:2]}")

        return blocked

    monkeypatch.setattr(socket.socket, "connect", guard("connect"))
    monkeypatch.setattr(socket.socket, "connect_ex", guard("connect_ex"))
    monkeypatch.setattr(socket, "create_connection", guard("create_connection"))
    monkeypatch.setattr(socket, "getaddrinfo", guard("getaddrinfo"))
    return attempts


@pytest.fixture(autouse=True, scope="session")
def private_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The command line caches per-article work in ~/.cache by default: tests use their own file."""
    import os

    path = tmp_path_factory.mktemp("cache") / "documents.sqlite"
    old = os.environ.get("FRAMING_CACHE")
    os.environ["FRAMING_CACHE"] = str(path)
    yield path
    if old is None:
        os.environ.pop("FRAMING_CACHE", None)
    else:
        os.environ["FRAMING_CACHE"] = old


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


def shared_corpus(name: str) -> Path:
    """Path of a corpus in ../shared/corpora, or skip the test when absent (a user's clone)."""
    path = CORPORA / name
    if not path.exists():
        pytest.skip(f"{path} not present (../shared is only beside the developers' checkout)")
    return path
