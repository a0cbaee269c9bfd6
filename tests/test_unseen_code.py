"""Code in a thread keeps its lines and indentation: a pasted, copied or archived post that shows code gets a
code block (``` fences around it), and a slide draws its lines in the monospace face, each at its own
indentation, wrapped (further in) without losing a character, inside a panel within the margins."""
from __future__ import annotations

import json

from defusedxml import ElementTree as ET
from hypothesis import given
from hypothesis import strategies as st

from render_helpers import NS, carousel_of
from studio import fonts
from studio.code import code_lines, fence_indented_code
from studio.layouts.base import code_layout
from studio.layouts.templates import body_blocks
from studio.reading import headline_and_body, list_items, unflatten
from studio.render import make_context, render_slide
from studio.sources import load_threads, parse_paste
from studio.text import MONO_FAMILY, prepare, text_width

PYTHON = ["def dedupe(items):",
          "    seen = set()",
          "    out = []",
          "    for item in items:",
          "        if item not in seen:",
          "            seen.add(item)",
          "            out.append(item)",
          "    return out"]


def test_a_pasted_thread_keeps_the_indentation_of_its_code():
    text = "Dedupe a list, keeping the order 🧵\n\nThe trick:\n" + "\n".join(PYTHON) + \
           "\n\nIt keeps the first of each.\n\nIn JavaScript:\n```js\nconst f = (xs) => [...new Set(xs)];\n```"
    posts = [p.text for p in parse_paste(text).threads[0].posts]
    assert posts[1] == "The trick:\n```\n" + "\n".join(PYTHON) + "\n```"
    assert posts[2] == "It keeps the first of each."
    assert posts[3] == "In JavaScript:\n```js\nconst f = (xs) => [...new Set(xs)];\n```"


def test_a_code_block_is_one_post_whatever_blank_lines_and_rules_it_holds():
    code = "```yaml\nname: ci\n\n---\non: push\n\n\njobs:\n  test:\n    - run: pytest\n```"
    text = f"Our CI file:\n{code}\n\nThat is the whole file we run on every push."
    posts = [p.text for p in parse_paste(text).threads[0].posts]
    assert posts == ["Our CI file:\n" + code, "That is the whole file we run on every push."]  # blank lines too


def test_tab_indentation_keeps_its_depth():
    text = "Go:\nfunc main() {\n\tif ok {\n\t\tfmt.Println(\"hi\")\n\t}\n}\n\nDone, and it compiles on the first try."
    posts = [p.text for p in parse_paste(text).threads[0].posts]
    assert posts[0] == 'Go:\n```\nfunc main() {\n    if ok {\n        fmt.Println("hi")\n    }\n}\n```'


def test_a_copied_page_post_with_code_keeps_its_indentation():
    page = ("Dana Kim\n@danakim_dev\nMy favourite Python trick:\n" + "\n".join(PYTHON) +
            "\n10:04 AM · May 28, 2024\n12K\nViews\n"
            "Dana Kim\n@danakim_dev\n·\nMay 28\nWorks on any iterable.\n3\n12\n1.1K")
    result = parse_paste(page)
    posts = [p.text for p in result.threads[0].posts]
    assert posts == ["My favourite Python trick:\n```\n" + "\n".join(PYTHON) + "\n```", "Works on any iterable."]
    assert result.threads[0].posts[0].handle == "danakim_dev"


def test_an_archive_post_with_code_keeps_its_indentation():
    def tweet(i, text, reply=None):
        t = {"id_str": str(i), "id": str(i), "full_text": text, "created_at": "Tue May 28 10:00:00 +0000 2024",
             "favorite_count": "1", "retweet_count": "0", "entities": {}, "display_text_range": ["0", "280"]}
        if reply:
            t.update(in_reply_to_status_id_str=str(reply), in_reply_to_user_id_str="42",
                     in_reply_to_screen_name="dana")
        return {"tweet": t}
    items = [tweet(1, "Python tip 🧵"), tweet(2, "The trick:\n" + "\n".join(PYTHON[:4]), reply=1),
             tweet(3, "That's it.", reply=2)]
    result = load_threads(json.dumps(items))
    posts = [p.text for p in result.threads[0].posts]
    assert posts[1] == "The trick:\n```\n" + "\n".join(PYTHON[:4]) + "\n```"


def test_indented_prose_and_nested_lists_are_left_as_they_are():
    for text in ("   It was a dark and stormy night, and the rain fell in torrents.\nThe end.",
                 "Steps:\n- install\n  - with pip\n  - or with uv\n- run",
                 "1. Install the app\n   then open it from the menu",
                 "A few words\n  with a quiet line\nand more words"):
        assert fence_indented_code(text) == text


def test_code_lines_are_no_lists_and_no_headline():
    text = "```\nx = a - b - c - d\n- item: 1\n1. not a step\n```"
    assert unflatten(text) == text
    assert list_items(text) == []
    assert headline_and_body(text) == ("", text)


def _svg(texts, layout="headline-body", fmt="instagram-square"):
    carousel = carousel_of(texts, layout=layout, format=fmt)
    return ET.fromstring(render_slide(carousel, 1))


def _mono_runs(root):
    """(x, width, text) of every tspan drawn in the monospace face."""
    out = []
    for node in root.iter(NS + "text"):
        for t in node.iter(NS + "tspan"):
            family = fonts.family_from_css(t.get("font-family") or node.get("font-family") or "")
            if family != MONO_FAMILY:
                continue
            size = float(t.get("font-size") or node.get("font-size"))
            weight = int(t.get("font-weight") or node.get("font-weight") or 400)
            x = float((t.get("x") or "0").split()[0])
            out.append((x, text_width(t.text or "", family, weight, size), t.text or "", float(t.get("y"))))
    return out


def test_a_slide_draws_code_in_monospace_at_its_indentation_inside_its_panel():
    for layout in ("headline-body", "post-card", "big-statement", "split"):
        root = _svg(["Python tip", "The trick:\n```\n" + "\n".join(PYTHON) + "\n```"], layout)
        panels = [(float(r.get("x")), float(r.get("width"))) for r in root.iter(NS + "rect")
                  if r.get("class") == "code-panel"]
        assert len(panels) == 1, layout
        left, width = panels[0]
        view_w = float(root.get("viewBox").split()[2])
        assert 0 < left and left + width < view_w
        runs = _mono_runs(root)
        drawn = "".join(r[2] for r in runs).replace(" ", "")
        assert drawn == "".join(PYTHON).replace(" ", ""), layout  # every character, in order
        for x, w, _, _ in runs:
            assert left < x and x + w <= left + width + 0.5, layout
        if layout != "split":  # wide enough for every line: the indentation shows as x offsets
            starts = {}
            for x, _, text, y in runs:
                starts.setdefault(y, x)
            xs = sorted(starts.items())
            depths = [len(line) - len(line.lstrip()) for line in PYTHON]
            assert len(xs) == len(PYTHON), layout
            unit = (xs[1][1] - xs[0][1]) / 4  # one space of the monospace face
            assert unit > 0
            for (_, x), depth in zip(xs, depths):
                assert abs(x - xs[0][1] - depth * unit) < 0.6, layout


code_line = st.tuples(st.integers(0, 16), st.text(st.characters(min_codepoint=0x21, max_codepoint=0x7e)
                                                  | st.sampled_from(" é→λ漢"), min_size=1, max_size=160))


@given(st.lists(code_line, min_size=1, max_size=6), st.integers(220, 900), st.sampled_from([14.0, 18.0, 30.0]))
def test_property_code_lines_keep_every_character_and_stay_in_the_column(lines, width, size):
    from studio.layouts.base import TextStyle
    body = "\n".join(" " * depth + text.strip() for depth, text in lines if text.strip())
    if not body.strip() or "```" in body:
        return
    text = f"```\n{body}\n```"
    assert all(code_lines(text))
    style = TextStyle("Inter", 400, size, 1.4, "#000000", "#ff0000")
    paras = [p for p in prepare(text) if p.code]
    written = [line for line in body.split("\n")]
    assert len(paras) == len(written)
    margin = min(len(line) - len(line.lstrip(" ")) for line in written)  # the block's shared indentation
    for para, line in zip(paras, written):
        assert para.indent == len(line) - len(line.lstrip(" ")) - margin
        laid, xs = code_layout(para, 0, style, width, 100)
        assert "".join(ln.text for ln in laid).replace(" ", "") == line.replace(" ", "")
        for ln, x in zip(laid, xs):
            assert x >= 0 and x + ln.width <= width + 0.01


def test_body_blocks_keep_a_code_block_whole():
    carousel = carousel_of(["Hi", "Config:\n```\n- a: 1\n- b: 2\n```\n- a real item\n- another"])
    blocks = body_blocks(make_context(carousel), carousel.slides[1].body, 18)
    codes = [b for b in blocks if any(p.code for p in b.paras)]
    assert len(codes) == 1 and [p.text for p in codes[0].paras if p.code] == ["- a: 1", "- b: 2"]
    assert [b.marker for b in blocks if b.marker] == ["•", "•"]


prose_or_code = st.sampled_from(["def f(x):", "if ok {", "}", "return x", "x = 1", "- item", "1. step",
                                 "It was a dark night.", "npm install foo", "Thanks for reading!", "", "```",
                                 "for a in b:", "else:", "# comment", "print(f(3))", "— a dash line"])


@given(st.lists(st.tuples(st.sampled_from([0, 0, 0, 2, 4, 8, 1, 3]), prose_or_code), max_size=14))
def test_property_fencing_only_adds_fence_lines_and_is_stable(rows):
    text = "\n".join(" " * depth + line for depth, line in rows)
    fenced = fence_indented_code(text)
    assert fence_indented_code(fenced) == fenced
    added = fenced.split("\n")
    original = text.split("\n")
    it = iter(added)
    kept = []
    for line in original:  # the original lines, in order, with only "```" lines between them
        for candidate in it:
            if candidate == line:
                kept.append(line)
                break
            assert candidate == "```"
    assert kept == original
    assert all(line == "```" for line in it)


def test_alt_text_and_captions_read_the_code_without_its_fences():
    from studio.caption import draft_captions
    from studio.export.alt_text import slide_alt_text
    carousel = carousel_of(["Python tip", "The trick:\n```python\n" + "\n".join(PYTHON[:3]) + "\n```"])
    alt = slide_alt_text(carousel, 1)
    assert "`" not in alt and "def dedupe(items):" in alt and "seen = set()" in alt
    captions = draft_captions(carousel)
    assert "```" not in captions.linkedin + captions.instagram


code_body_line = st.sampled_from(["x = 1", "    return x", "", "---", "1/ not a post", "2/ nor this", "- item: 1",
                                  "        deep()", "# 🧵 comment", "Thread: no", "}", "  ", "**kwargs", "/end"])


@given(st.lists(code_body_line, min_size=1, max_size=12), st.sampled_from(["\n\n", "\n\n\n"]),
       st.sampled_from(["python", "", "js"]))
def test_property_a_fenced_block_arrives_whole_in_one_post(body, gap, lang):
    if not any(line.strip() for line in body):
        return
    code = "\n".join(line.rstrip() for line in body).strip("\n")
    block = f"```{lang}\n{code}\n```"
    text = (f"A first post that opens the thread, long enough to stand alone.{gap}Here is the code:\n{block}{gap}"
            f"And a last post that closes the thread, long enough too.")
    posts = [p.text for p in parse_paste(text).threads[0].posts]
    holding = [p for p in posts if "```" in p]
    assert len(holding) == 1
    lines = holding[0].split("\n")
    start = lines.index(f"```{lang}")
    got = "\n".join(lines[start + 1:len(lines) - 1 - lines[::-1].index("```")])
    assert got == code  # every line, its indentation, blank lines, "---", "1/", 🧵 and "/end" as written


def test_a_long_run_of_indented_prose_is_read_once_not_line_by_line(monkeypatch):
    """A 1 MB paste of indented lines took minutes: each line started a new scan to the run's end."""
    import studio.code as code
    calls = []
    real = code._code_run
    monkeypatch.setattr(code, "_code_run", lambda *a: calls.append(a[2]) or real(*a))
    text = "Notes:\n" + "\n".join("  a quiet line of prose" for _ in range(5000)) + "\nThe end."
    assert fence_indented_code(text) == text
    lines = text.split("\n")
    assert [i for i in calls if lines[i].startswith(" ")] == [1]  # the run's first line only


def test_a_line_of_code_in_a_title_shrinks_rather_than_wraps():
    carousel = carousel_of(["```\nprint('hello')\n```", "The rest of the thread is about printing things nicely."])
    root = ET.fromstring(render_slide(carousel, 0))
    runs = _mono_runs(root)
    assert "".join(r[2] for r in runs) == "print('hello')"
    assert len({r[3] for r in runs}) == 1  # one line


def test_a_short_slide_grows_its_type_only_while_its_code_keeps_its_lines():
    for line in ("pip install carousel-studio", "pip install --upgrade carousel-studio[test,bench] --quiet"):
        carousel = carousel_of(["How to install it, in one line of shell", f"Install:\n```\n{line}\n```"],
                               format="instagram-square")
        root = ET.fromstring(render_slide(carousel, 1))
        runs = _mono_runs(root)
        assert "".join(r[2] for r in runs).replace(" ", "") == line.replace(" ", "")
        rows = len({r[3] for r in runs})
        body = float(next(t for t in root.iter(NS + "text") if t.get("class") == "body").get("font-size"))
        if line == "pip install carousel-studio":
            assert rows == 1 and body > 18  # grew, and still one line
        else:
            assert rows == 2 and body == 18  # too long even at the body size: no growth, one wrap


def test_the_cover_keeps_a_thread_emoji_inside_code():
    from studio.structure import cover_texts
    hook, rest = cover_texts("Weaving threads 🧵\n```\nprint('🧵 ready')\n```")
    assert hook == "Weaving threads" and rest == "```\nprint('🧵 ready')\n```"
