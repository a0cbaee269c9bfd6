"""Whether a handler takes an argument, worked out once per kind of handler instead of once per element.

NiceGUI asks ``inspect.signature`` whether a change handler takes an argument three times for every
element it creates (its props, classes and style) and again for events. That was 29 % of the event
loop's time when a page was built or 300 slide thumbnails were redrawn (13,518 calls for one redraw).
The answer depends only on the handler's code, how many defaults it has, its keyword-only defaults and
whether it is bound to an object, so it is kept by those. Anything else (a partial, a wrapped or
callable object) is asked as before.
"""
from __future__ import annotations

import types
from collections.abc import Callable, Hashable
from typing import Any

from nicegui import helpers

LIMIT = 10_000  # kinds of handler kept (the studio has a few hundred); past it the memory starts afresh

_ask = helpers.expects_arguments
_known: dict[Hashable, bool] = {}


def _shape(func: Callable[..., Any]) -> Hashable | None:
    """What the answer depends on, or None when it is not simply the function's own parameters."""
    bound = isinstance(func, types.MethodType)
    target = func.__func__ if bound else func
    if type(target) is not types.FunctionType or hasattr(target, "__wrapped__") or \
            getattr(target, "__signature__", None) is not None:
        return None
    return target.__code__, len(target.__defaults__ or ()), tuple(target.__kwdefaults__ or ()), bound


def expects_arguments(func: Callable[..., Any]) -> bool:
    """``nicegui.helpers.expects_arguments``, answered from what earlier handlers of the same shape gave."""
    shape = _shape(func)
    if shape is None:
        return _ask(func)
    answer = _known.get(shape)
    if answer is None:
        if len(_known) >= LIMIT:
            _known.clear()
        answer = _known[shape] = _ask(func)
    return answer


def install() -> None:
    """NiceGUI's modules look the helper up on ``nicegui.helpers`` at each call: put this one there."""
    helpers.expects_arguments = expects_arguments
