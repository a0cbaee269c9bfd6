"""Code blocks on a slide: drawn from the panel's edge, at a size at which their lines do not wrap."""
from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from render_helpers import carousel_of
from studio.layouts.templates import body_blocks, code_wraps, grown, plan_column
from studio.render import make_context
from studio.text import MONO_FAMILY, cluster_em, prepare, wrap_from


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



def test_type_does_not_grow_so_far_that_a_line_of_code_wraps():
    """A short slide's type grows to fill the page, but never to a size at which its code wraps."""
    code = "```\nresult = []\nfor x in items:\n    if x > 0:\n        result.append(x * 2)\n```"
    carousel = carousel_of(["Hi", code])
    ctx = make_context(carousel)
    slide = carousel.slides[1]
    tried = []

    def build(c, s):
        tried.append(s)
        return plan_column(c, slide, s, c.content, body=body_blocks(c, slide.body, s))

    drawn, col = grown(ctx, ctx.body_size, ctx.content, build)
    assert not code_wraps(col)
    assert drawn.body_size > ctx.body_size  # it grew …
    biggest = max(tried)
    assert drawn.body_size < biggest  # … and stopped where the next step wraps the code
    assert code_wraps(build(replace(ctx, body_size=biggest), biggest))


def test_a_slide_whose_code_wraps_keeps_its_size():
    code = "```\n" + "result = [x * 2 for x in items if x > 0 and x % 3 and not x.hidden]" + "\n```"
    carousel = carousel_of(["Hi", code])
    ctx = make_context(carousel)
    slide = carousel.slides[1]
    drawn, col = grown(ctx, ctx.body_size, ctx.content,
                       lambda c, s: plan_column(c, slide, s, c.content, body=body_blocks(c, slide.body, s)))
    assert code_wraps(col) and drawn.body_size == ctx.body_size


_TOKENS = st.lists(st.sampled_from(["load", "settings", "x", "Path", "json", "_cache", "read_text", "utf8"]),
                   min_size=1, max_size=3).map("_".join)


@given(names=st.lists(_TOKENS, min_size=2, max_size=8), joins=st.lists(st.sampled_from(["(", ".", ", ", "["]),
                                                                        min_size=7, max_size=7),
       width=st.floats(150, 600))
def test_a_line_of_code_too_long_for_its_panel_goes_on_token_by_token(names, joins, width):
    """A wrapped line of code ends after an opening bracket or a comma, or before a member (".loads("), never
    inside a name, unless the name alone is wider than the panel."""
    line = names[0] + "".join(j + n for j, n in zip(joins, names[1:]))
    para = next(p for p in prepare(f"```\n{line}\n```") if p.code)
    lines = wrap_from(para, 0, MONO_FAMILY, 400, 18, width)
    assert "".join(c.text for l in lines for c in para.clusters[l.start:l.end]).replace(" ", "") \
        == line.replace(" ", "")  # nothing lost
    fits = max(len(n) for n in names) * 18 * cluster_em("x", MONO_FAMILY, 400) < width * 0.8
    for done, after in zip(lines, lines[1:]):
        left, right = para.clusters[done.end - 1].text, para.clusters[after.start].text
        if fits:
            assert left in "([{," or right == ".", (line, left, right)


def test_a_wrapped_call_reads_token_by_token():
    para = next(p for p in prepare("```\nraw = json.loads(path.read_text(encoding=\"utf-8\"))\n```") if p.code)
    lines = wrap_from(para, 0, MONO_FAMILY, 400, 18, 18 * cluster_em("x", MONO_FAMILY, 400) * 26)
    assert ["".join(c.text for c in para.clusters[l.start:l.end]) for l in lines] == \
        ["raw = json.loads(path", ".read_text(", "encoding=\"utf-8\"))"]


def _placed_code(line: str, width_chars: float):
    from studio.layouts.base import TextStyle, block, fit_flow
    st = TextStyle("Inter", 400, 18.0, 1.35, "#000", "#f00")
    room = width_chars * 18 * cluster_em("x", MONO_FAMILY, 400)
    blk = block(f"```\n{line}\n```", st)
    placed, rest, _ = fit_flow((blk,), room + 2 * 0.6 * 18, 1e6)
    return [p for p in placed if p.line.para.code], st


def test_a_line_of_code_a_little_too_long_is_drawn_smaller_on_one_line():
    line = "total = items.reduce((sum, item) => sum + item.price, 0);"  # 57 characters
    placed, st = _placed_code(line, len(line) / 1.1)
    assert len(placed) == 1 and placed[0].text_style.size < st.size


def test_a_line_of_code_far_too_long_keeps_its_size_and_goes_on_token_by_token():
    line = "total = items.reduce((sum, item) => sum + item.price, 0);"
    placed, st = _placed_code(line, len(line) / 2)
    assert len(placed) > 1 and all(p.text_style is st for p in placed)


def test_a_name_a_little_too_long_for_a_narrow_panel_is_drawn_smaller_and_whole():
    line = "x(" + "environment_overrides" + ", y)" * 6
    placed, st = _placed_code(line, len("environment_overrides") / 1.1 + 2)
    texts = ["".join(c.text for c in p.line.para.clusters[p.line.start:p.line.end]) for p in placed]
    assert placed[0].text_style.size < st.size and any("environment_overrides" in t for t in texts)


def test_a_short_argument_stays_with_its_call():
    para = next(p for p in prepare("```\nconsole.log(`Total: ${total.toFixed(2)}`);\n```") if p.code)
    for width in range(12, 40):
        lines = wrap_from(para, 0, MONO_FAMILY, 400, 18, 18 * cluster_em("x", MONO_FAMILY, 400) * width)
        texts = ["".join(c.text for c in para.clusters[l.start:l.end]) for l in lines]
        assert not any(t.startswith("2)") for t in texts), texts
