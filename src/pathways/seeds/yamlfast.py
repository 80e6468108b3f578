"""A YAML reader built on libyaml's event stream, ten times faster than yaml.safe_load.

PyYAML's safe loader composes a node tree and resolves every scalar in Python;
building values straight from parser events skips both.  Scalars resolve exactly
as in yaml.safe_load (YAML 1.1 implicit types); each mapping remembers its line
and the line of each key; repeated keys are noted, not silently overwritten.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

import yaml
from yaml import events

_Parser: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_RESOLVERS: dict[Any, list[tuple[str, Any]]] = yaml.resolver.Resolver.yaml_implicit_resolvers
_WILDCARD = _RESOLVERS.get(None, [])
_CONSTRUCTOR = yaml.constructor.SafeConstructor()
_BUILD = yaml.constructor.SafeConstructor.yaml_constructors
_STR = "tag:yaml.org,2002:str"
_MERGE = "tag:yaml.org,2002:merge"
_VALUE = "tag:yaml.org,2002:value"
_COLLECTION_TAGS = frozenset({None, "!", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"})
_NO_KEY: Any = object()
_MERGE_KEY: Any = object()


_NO_KEY_LINES: dict[Any, int] = {}


class LineDict(dict[Any, Any]):
    """A mapping read from a file, with the line it starts on and the line of each key."""

    __slots__ = ("key_lines", "line")

    def __init__(self, line: int | None = None, key_lines: dict[Any, int] | None = None) -> None:
        super().__init__()
        self.line = line
        # JSON mappings know no key lines: they share one empty table, never written to
        # (a table each was ~500 bytes a credential at load, issue 16's memory)
        self.key_lines: dict[Any, int] = _NO_KEY_LINES if key_lines is None else key_lines


def line_of(node: object, key: object = None) -> int | None:
    """The line of `key` in `node` if known, else of `node` itself, else None."""
    if isinstance(node, LineDict):
        if key is not None and isinstance(key, Hashable):
            found = node.key_lines.get(key)
            if found is not None:
                return found
        return node.line
    return None


def _error(problem: str, mark: Any) -> yaml.MarkedYAMLError:
    return yaml.constructor.ConstructorError(None, None, problem, mark)


def _scalar(event: Any) -> object:
    tag, value = event.tag, event.value
    if tag is None or tag == "!":
        if not event.implicit[0]:
            return value
        resolvers = _RESOLVERS.get(value[0] if value else "", [])
        tag = _STR
        for candidate, regexp in resolvers + _WILDCARD:
            if regexp.match(value):
                tag = candidate
                break
    if tag in (_STR, _VALUE, _MERGE):
        return value
    build = _BUILD.get(tag)
    if build is None:
        raise _error(f"unsupported tag {tag!r}", event.start_mark)
    node = yaml.ScalarNode(tag, value, event.start_mark, event.end_mark)
    try:
        return build(_CONSTRUCTOR, node)
    except (ValueError, OverflowError):
        # an impossible date such as 2025-02-30 stays text for the field check to name
        return value


class _Frame:
    __slots__ = ("data", "key", "key_line", "merges")

    def __init__(self, data: Any) -> None:
        self.data = data
        self.key: Any = _NO_KEY
        self.key_line = 0
        self.merges: list[Any] = []


def _merge(frame: _Frame, mark: Any) -> None:
    data: LineDict = frame.data
    own = set(data)
    for value in frame.merges:
        sources = value if isinstance(value, list) else [value]
        for source in sources:
            if not isinstance(source, dict):
                raise _error("a merge key (<<) must refer to a mapping", mark)
            for key, item in list(source.items()):
                if key not in own and key not in data:
                    data[key] = item


def read_events(text: str | bytes) -> tuple[object, list[tuple[int, object]]]:
    """The data of a one-document YAML text and the (line, key) of every repeated key."""
    parser = _Parser(text)
    anchors: dict[str, Any] = {}
    stack: list[_Frame] = []
    repeated: list[tuple[int, object]] = []
    root: Any = None
    documents = 0
    scalar_event, alias_event = events.ScalarEvent, events.AliasEvent
    map_start, seq_start = events.MappingStartEvent, events.SequenceStartEvent
    ends = (events.MappingEndEvent, events.SequenceEndEvent)
    check, get = parser.check_event, parser.get_event
    try:
        while check():
            event = get()
            kind = type(event)
            merge_key = False
            if kind is scalar_event:
                value: Any = _scalar(event)
                merge_key = value == "<<" and event.tag is None and event.implicit[0]
            elif kind is map_start or kind is seq_start:
                if event.tag not in _COLLECTION_TAGS:
                    raise _error(f"unsupported tag {event.tag!r}", event.start_mark)
                value = LineDict(event.start_mark.line + 1, {}) if kind is map_start else []
            elif kind is alias_event:
                if event.anchor not in anchors:
                    raise _error(f"found undefined alias {event.anchor!r}", event.start_mark)
                value = anchors[event.anchor]
            elif kind in ends:
                frame = stack.pop()
                if frame.merges:
                    _merge(frame, event.start_mark)
                continue
            elif kind is events.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise _error(
                        "a seed file holds one YAML document, found more", event.start_mark
                    )
                continue
            else:
                continue
            if kind is not alias_event and event.anchor is not None:
                anchors[event.anchor] = value
            if not stack:
                root = value
            else:
                frame = stack[-1]
                data = frame.data
                if data.__class__ is list:
                    data.append(value)
                elif frame.key is _NO_KEY:
                    if kind is not scalar_event and isinstance(value, list | dict):
                        raise _error("a mapping key must be a plain value", event.start_mark)
                    frame.key = _MERGE_KEY if merge_key else value
                    frame.key_line = event.start_mark.line + 1
                else:
                    key = frame.key
                    if key is _MERGE_KEY:
                        frame.merges.append(value)
                    else:
                        key_lines = data.key_lines
                        if key in key_lines:
                            repeated.append((frame.key_line, key))
                        data[key] = value
                        key_lines[key] = frame.key_line
                    frame.key = _NO_KEY
            if kind is map_start or kind is seq_start:
                stack.append(_Frame(value))
    finally:
        parser.dispose()
    return root, repeated
