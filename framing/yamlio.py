"""Reading the small YAML files users write (manifests, lexicons) safely.

Values come back as plain Python objects, but every mapping remembers the line
it started on and the line of each key, so errors can say ``file:line``.
Anchors and aliases are refused (a YAML "billion laughs" file cannot expand),
and so are tags, nesting deeper than :data:`MAX_YAML_DEPTH` and files larger
than :data:`MAX_YAML_BYTES`.

Every run reads the bundled lexicons and actors list (about 150 KB of YAML,
0.05 s to parse); the parsed values of a file are kept in the user cache folder
(:func:`framing.cache.resource_path`, one file per path read) and read back in
a tenth of that. The stored copy is keyed by the SHA-256 of the file's bytes,
this module's source, framing's and PyYAML's versions, and carries its own
checksum: a changed, stale or damaged copy is parsed again, never trusted.
Files that do not parse are never stored.
"""

from __future__ import annotations

import functools
import hashlib
import pickle
from pathlib import Path
from typing import Any

import yaml

from .errors import located

MAX_YAML_BYTES = 5 * 1024 * 1024
#: Deepest nesting of lists and mappings accepted (real manifests and lexicons use about 6).
MAX_YAML_DEPTH = 100
#: Files at least this large keep their parsed values in the user cache folder (smaller ones parse at once).
CACHE_MIN_BYTES = 4096


class LineDict(dict):  # type: ignore[type-arg]
    """A dict that knows the 1-based line of itself and of each key."""

    line: int
    key_lines: dict[str, int]

    def line_of(self, key: str) -> int:
        """Line of ``key`` if present, else the mapping's own line."""
        return self.key_lines.get(key, self.line)


class LineList(list):  # type: ignore[type-arg]
    """A list that knows the 1-based line it started on, and each item's line."""

    line: int
    item_lines: list[int]


class YamlProblem(ValueError):
    """Raised with a ``file:line: message`` text."""


def read_yaml(path: Path | str, *, display: str | None = None, max_bytes: int = MAX_YAML_BYTES,
              cache: bool = True) -> Any:
    """Parse a YAML file into dicts and lists that carry line numbers.

    Args:
        path: File to read.
        display: Name to use in messages (default: the path as given).
        max_bytes: Refuse larger files.
        cache: Keep (and reuse) the parsed values of a file of :data:`CACHE_MIN_BYTES` or
            more in the user cache folder; the result is the same either way.

    Raises:
        YamlProblem: Unreadable, too large, invalid YAML, or uses anchors/aliases/tags.
    """
    name = display or str(path)
    p = Path(path)
    try:
        size = p.stat().st_size
        if size > max_bytes:
            raise YamlProblem(
                located(name, None, f"file is {size / 1e6:.1f} MB; YAML files are limited to {max_bytes / 1e6:.0f} MB")
            )
        raw = p.read_bytes()
    except OSError as exc:
        raise YamlProblem(located(name, None, f"cannot read: {exc.strerror or exc}")) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise YamlProblem(located(name, line, "not valid UTF-8; save the file as UTF-8")) from None
    if not cache or len(raw) < CACHE_MIN_BYTES:
        return parse_yaml(text, name=name)
    from .cache import read_resource, resource_path, write_resource

    key = _cache_key(raw)
    slot = resource_path(_cache_name(p))
    payload = read_resource(slot, key)
    if payload is not None:
        try:
            return pickle.loads(payload)
        except Exception:  # noqa: BLE001 - a copy that does not load is parsed again
            pass
    data = parse_yaml(text, name=name)
    write_resource(slot, key, pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL))
    return data


def _cache_name(path: Path) -> str:
    """The cache file of a YAML file: one per absolute path, so edits replace their copy."""
    try:
        where = str(path.resolve())
    except OSError:
        where = str(path.absolute())
    return f"yaml-{hashlib.sha256(where.encode('utf-8', 'surrogatepass')).hexdigest()[:24]}.pickle"


def _cache_key(raw: bytes) -> str:
    """What the parsed values of ``raw`` depend on, hashed: the bytes and the code that parses them."""
    return hashlib.sha256(b"\0".join((_code_key().encode(), raw))).hexdigest()


@functools.cache
def _code_key() -> str:
    from . import __version__

    try:
        source = Path(__file__).read_bytes()
    except OSError:
        source = b""
    libyaml = "libyaml" if getattr(yaml, "CSafeLoader", None) is not None else "python"
    return f"yaml-cache 1 framing={__version__} pyyaml={yaml.__version__} {libyaml} code={hashlib.sha256(source).hexdigest()}"


def parse_yaml(text: str, *, name: str) -> Any:
    """Parse YAML text; see :func:`read_yaml`."""
    try:
        node = _compose(text, name)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        problem = exc.problem or exc.context or "invalid YAML"
        raise YamlProblem(located(name, line, f"invalid YAML: {problem}")) from None
    except yaml.YAMLError as exc:
        raise YamlProblem(located(name, None, f"invalid YAML: {exc}")) from None
    if node is None:
        return None
    return _build(node, name, set())


def _compose(text: str, name: str) -> yaml.Node | None:
    """Compose with libyaml when PyYAML has it (ten times faster on the bundled
    lexicons, which every run reads); on an error, parse again in pure Python,
    whose messages name the offending character. The nesting depth is checked
    first, on the flat event stream: PyYAML composes nodes recursively, and
    ``[[[[...`` nested 100,000 deep crashes the interpreter (libyaml) or
    exhausts Python's recursion limit."""
    fast = getattr(yaml, "CSafeLoader", None)
    if fast is not None:
        try:
            _check_depth(text, name, fast)
            return yaml.compose(text, Loader=fast)
        except yaml.YAMLError:
            pass
    _check_depth(text, name, yaml.SafeLoader)
    return yaml.compose(text, Loader=yaml.SafeLoader)


def _check_depth(text: str, name: str, loader: type) -> None:
    depth = 0
    for event in yaml.parse(text, Loader=loader):
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_YAML_DEPTH:
                line = event.start_mark.line + 1 if event.start_mark else None
                raise YamlProblem(located(name, line, f"lists or mappings nested more than {MAX_YAML_DEPTH} deep"))
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


_SCALAR = yaml.SafeLoader("")


def _build(node: yaml.Node, name: str, seen: set[int]) -> Any:
    line = node.start_mark.line + 1
    if id(node) in seen:
        raise YamlProblem(located(name, line, "YAML anchors and aliases (&, *) are not allowed"))
    seen.add(id(node))
    if node.tag.startswith("!") and not node.tag.startswith("!!"):
        raise YamlProblem(located(name, line, f"YAML tag {node.tag!r} is not allowed"))
    if isinstance(node, yaml.MappingNode):
        out = LineDict()
        out.line = line
        out.key_lines = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise YamlProblem(located(name, key_node.start_mark.line + 1, "YAML merge keys (<<) are not allowed"))
            key = _build(key_node, name, seen)
            if not isinstance(key, str | int | float | bool) or key is None:
                raise YamlProblem(located(name, key_node.start_mark.line + 1, "mapping keys must be plain text"))
            key = str(key)
            if key in out:
                raise YamlProblem(located(name, key_node.start_mark.line + 1, f"key {key!r} appears twice"))
            out[key] = _build(value_node, name, seen)
            out.key_lines[key] = key_node.start_mark.line + 1
        return out
    if isinstance(node, yaml.SequenceNode):
        items = LineList()
        items.line = line
        items.item_lines = []
        for item in node.value:
            items.append(_build(item, name, seen))
            items.item_lines.append(item.start_mark.line + 1)
        return items
    try:
        return _SCALAR.construct_object(node, deep=True)
    except yaml.YAMLError as exc:
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise YamlProblem(located(name, line, f"invalid value: {problem}")) from None
