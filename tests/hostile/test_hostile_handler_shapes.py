"""Kept answers to "does this handler take an argument?" equal what NiceGUI works out each time."""
from __future__ import annotations

import functools

from components import handler_shapes


class Panel:
    def plain(self): ...
    def takes(self, event): ...
    def optional(self, event=None): ...
    def spread(self, *args): ...
    @staticmethod
    def static(event): ...
    def __call__(self, event): ...


def _no_args(): ...
def _one(event): ...
def _keyword_only(*, event): ...
def _keyword_default(*, event=None): ...


def _handlers():
    panel = Panel()
    for n in range(3):  # handlers made in a loop, as a page does for each tile
        yield lambda n=n: n
        yield lambda event, n=n: (event, n)
        yield lambda event: event
        yield lambda *_: None
    yield from (panel.plain, panel.takes, panel.optional, panel.spread, Panel.static, Panel.takes, panel,
                _no_args, _one, _keyword_only, _keyword_default, functools.partial(_one, 1), functools.partial(_one),
                print, len)


def test_every_kept_answer_is_the_answer_nicegui_gives():
    handler_shapes._known.clear()
    for _ in range(2):  # the second round answers from what the first kept
        for handler in _handlers():
            assert handler_shapes.expects_arguments(handler) is handler_shapes._ask(handler), handler
    assert handler_shapes._known  # something was kept


def test_a_handler_reshaped_by_a_decorator_is_asked_each_time():
    @functools.wraps(_no_args)
    def wrapped(event): ...
    assert handler_shapes._shape(wrapped) is None
    assert handler_shapes.expects_arguments(wrapped) is handler_shapes._ask(wrapped)
