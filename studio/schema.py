"""Dataclass <-> JSON-ready dict conversion with validation that names the field.

Every model class is a plain dataclass. ``to_dict`` turns one into JSON-ready
data; ``from_dict`` builds it back and raises ``SchemaError("slides[2].layout:
expected text, got 3")`` for anything that does not fit, so a user with a
hand-edited file learns exactly where it went wrong.
"""
from __future__ import annotations

import base64
import binascii
import dataclasses
import types
import typing
from functools import cache
from typing import Any, Literal, TypeVar, Union, get_args, get_origin

T = TypeVar("T")


class SchemaError(ValueError):
    """Data that does not match the model; the message starts with the field path."""


def to_dict(obj: Any) -> Any:
    """Convert a dataclass tree into JSON-ready data (bytes become base64 text)."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: to_dict(getattr(obj, f.name)) for f in dataclasses.fields(obj)
                if f.metadata.get("serialize", True)}
    if isinstance(obj, (list, tuple)):
        return [to_dict(v) for v in obj]
    if isinstance(obj, dict):
        return {k: to_dict(v) for k, v in obj.items()}
    if isinstance(obj, bytes):
        return base64.b64encode(obj).decode("ascii")
    return obj


def from_dict(cls: type[T], data: Any, path: str = "") -> T:
    """Build ``cls`` from JSON data, checking every field; unknown fields are refused."""
    return _convert(cls, data, path or cls.__name__)


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


_TYPE_WORDS = {str: "text", int: "a whole number", float: "a number", bool: "true or false",
               bytes: "base64 data", list: "a list", dict: "an object"}


def _describe(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return "text " + repr(value[:30])
    return _TYPE_WORDS.get(type(value), type(value).__name__)


def _fail(path: str, expected: str, value: Any) -> SchemaError:
    return SchemaError(f"{path}: expected {expected}, got {_describe(value)}")


def _convert(tp: Any, value: Any, path: str) -> Any:
    origin = get_origin(tp)
    if origin in (Union, types.UnionType):
        args = get_args(tp)
        if value is None and type(None) in args:
            return None
        inner = [a for a in args if a is not type(None)]
        if len(inner) == 1:
            return _convert(inner[0], value, path)
        for a in inner:
            try:
                return _convert(a, value, path)
            except SchemaError:
                continue
        raise _fail(path, " or ".join(_TYPE_WORDS.get(a, getattr(a, "__name__", str(a))) for a in inner), value)
    if origin is Literal:
        choices = get_args(tp)
        if not any(value == c and type(value) is type(c) for c in choices):
            raise SchemaError(f"{path}: expected one of {', '.join(map(repr, choices))}, got {_describe(value)}")
        return value
    if origin in (list, tuple):
        if not isinstance(value, list):
            raise _fail(path, "a list", value)
        (item,) = get_args(tp)[:1] or (Any,)
        items = [_convert(item, v, f"{path}[{i}]") for i, v in enumerate(value)]
        return items if origin is list else tuple(items)
    if origin is dict:
        if not isinstance(value, dict):
            raise _fail(path, "an object", value)
        _, vt = get_args(tp)
        return {str(k): _convert(vt, v, f"{path}.{k}") for k, v in value.items()}
    if tp is Any:
        return value
    if dataclasses.is_dataclass(tp):
        return _build(tp, value, path)
    if tp is bytes:
        if not isinstance(value, str):
            raise _fail(path, "base64 data", value)
        try:
            return base64.b64decode(value.encode("ascii"), validate=True)
        except (binascii.Error, UnicodeEncodeError):
            raise SchemaError(f"{path}: the base64 data is damaged") from None
    if tp is float:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return value  # ints stay ints so a file round-trips byte for byte
        raise _fail(path, "a number", value)
    if tp in (str, int, bool):
        if isinstance(value, tp) and not (tp is int and isinstance(value, bool)):
            return value
        raise _fail(path, _TYPE_WORDS[tp], value)
    raise SchemaError(f"{path}: cannot read a value of type {tp!r}")  # a model bug, not user input


def _shown(key: str) -> str:
    """A field name as a message shows it: plain when it is a name, quoted and cut short otherwise
    (a key from a file may hold a line break or a megabyte)."""
    return key if key.isidentifier() and len(key) <= 40 else repr(key[:40] + ("…" if len(key) > 40 else ""))


def _build(cls: type, value: Any, path: str) -> Any:
    if not isinstance(value, dict):
        raise _fail(path, "an object", value)
    hints = _hints(cls)
    fields = {f.name: f for f in dataclasses.fields(cls) if f.init}
    unknown = sorted(set(value) - set(fields))
    if unknown:
        raise SchemaError(f"{path}.{_shown(unknown[0])}: unknown field (known: {', '.join(sorted(fields))})")
    kwargs = {}
    for name, f in fields.items():
        if name in value:
            kwargs[name] = _convert(hints[name], value[name], f"{path}.{name}")
        elif f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
            raise SchemaError(f"{path}.{name}: missing")
    try:
        return cls(**kwargs)
    except (ValueError, TypeError) as exc:  # __post_init__ validation
        raise SchemaError(f"{path}: {exc}") from None
