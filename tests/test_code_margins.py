"""A code block is drawn from its panel's edge: the indentation all its lines share is not drawn."""
from hypothesis import given
from hypothesis import strategies as st

from studio.text import prepare


def _code(paras):
    return [(p.indent, "".join(c.text for c in p.clusters)) for p in paras if p.code]


def test_an_indented_paste_is_drawn_from_the_panel_edge_with_its_depths_kept():
    text = "Instead of:\n```\n    result = []\n    for x in items:\n        if x > 0:\n\n            keep(x)\n```\nwrite:"
    assert _code(prepare(text)) == [(0, "result = []"), (0, "for x in items:"), (4, "if x > 0:"), (8, "keep(x)")]


def test_each_block_has_its_own_margin():
    text = "```\n  a = 1\n```\nthen\n```\n      b = 2\n        c = 3\n```"
    assert _code(prepare(text)) == [(0, "a = 1"), (0, "b = 2"), (2, "c = 3")]


@given(margin=st.integers(0, 12), depths=st.lists(st.integers(0, 8), min_size=1, max_size=6))
def test_every_line_keeps_its_depth_relative_to_the_block(margin, depths):
    lines = [" " * (margin + d) + f"x{i} = {i}" for i, d in enumerate(depths)]
    got = _code(prepare("```\n" + "\n".join(lines) + "\n```"))
    low = min(depths)
    assert got == [(d - low, f"x{i} = {i}") for i, d in enumerate(depths)]
