"""The List layout reads a list once: every creator line lands in the lead-in or in exactly one row, in order."""
from __future__ import annotations

import itertools

import pytest

from studio.layouts.templates import list_of

KINDS = {"b": "- w{i}", "e": "✅ w{i}", "n": "{k}. w{i}", "p": "plain w{i}", "s": "   - w{i}"}  # s: indented


def _thread(shape: str) -> str:
    lines, k = ["Intro line:"], 0
    for i, kind in enumerate(shape):
        k += kind == "n"
        lines.append(KINDS[kind].format(i=i, k=k))
    return "\n".join(lines)


def _drawn_words(text: str) -> list[str]:
    intro, items, _ = list_of(text)
    return [w for w in (intro + " " + " ".join(items)).split() if w.startswith("w")]


@pytest.mark.parametrize("length", range(1, 7))
def test_every_mix_of_list_lines_draws_each_line_once_in_order(length):
    bad = []
    kinds = "benps" if length <= 5 else "benp"  # indented sub-bullets too (6 lines of 5 kinds: a slow test)
    for shape in map("".join, itertools.product(kinds, repeat=length)):
        if _drawn_words(_thread(shape)) != [f"w{i}" for i in range(length)]:
            bad.append(shape)
    assert bad == []


@pytest.mark.parametrize("length", range(2, 8))
def test_bullets_under_numbered_items_stay_with_the_item_above(length):
    # "1. Write" / "   - outline" / "   - draft" / "2. Edit" / "3. Ship": the sub-bullets outnumbered the items
    # and "1. Write" became the lead-in; indented bullets, or a run of bullets between two items, are the item's
    bad = []
    for shape in map("".join, itertools.product("nsb", repeat=length)):
        if not shape.startswith("n") or shape.count("n") < 2 or ("s" in shape and "b" in shape):
            continue
        if "b" in shape and shape.rstrip("b") != shape:
            continue  # unindented bullets after the last item may be a list of their own
        intro, items, markers = list_of(_thread(shape))
        numbers = [str(k) for k in range(1, shape.count("n") + 1)]
        if intro != "Intro line:" or [m for m in markers if m != "◦"] != numbers:  # "◦": a row nested under it
            bad.append(shape)
    assert bad == []


@pytest.mark.parametrize("text, words", [
    ("Launch plan:\n1. Build the waitlist\n- aim for 500 signups\n2. Ship the beta\n3. Ask for feedback",
     "Launch plan: Build the waitlist aim for 500 signups Ship the beta Ask for feedback"),
    ("Do this daily:\n✅ Sleep 8h\n✅ Walk\n3. Read\n4. Write\n5. Rest",
     "Do this daily: ✅ Sleep 8h ✅ Walk Read Write Rest"),
    ("My stack:\n- Editor: VS Code\n1. Figma\n2. Notion\n3. Linear\n4. Slack",
     "My stack: Editor: VS Code Figma Notion Linear Slack"),
])
def test_reviewer_lists_keep_every_line_once(text, words):
    intro, items, _ = list_of(text)
    drawn = " ".join([intro] + items).split()
    for word in words.split():
        assert drawn.count(word) == words.split().count(word), word


def test_a_list_with_code_in_it_draws_the_code():
    # the list layout read its rows from the prose lines only: "pip install x" between two items was drawn nowhere
    from render_helpers import NS, carousel_of, parse
    from studio import render
    post = "Steps:\n1. Install it\n```\npip install x\n```\n2. Run it\n3. Done"
    c = carousel_of(["Hook.", post, "Last."], layout="list", format="instagram-square")
    counts = render.pages_per_slide(c)
    pages = render.render_slides(c)[counts[0]:counts[0] + counts[1]]
    drawn = " ".join("".join(t.itertext()) for svg in pages for t in parse(svg).iter(NS + "text"))
    for word in ("Steps:", "Install", "pip", "install", "x", "Run", "Done"):
        assert word in drawn.split(), (word, drawn)


def test_a_paragraph_set_apart_after_the_list_is_a_row_of_its_own_without_a_marker():
    # "Rest Step 1: write.": a paragraph after a blank line ran on in the last row
    intro, items, markers = list_of("Do this daily:\n✅ Sleep 8h\n✅ Walk\n3. Read\n4. Write\n5. Rest\n\nStep 1: write.")
    assert intro == "Do this daily:"
    # ("Step 1:" does not go on with "5.": it is a line of its own, and the "3." rows keep their numbers)
    assert items == ["✅ Sleep 8h", "✅ Walk", "Read", "Write", "Rest", "Step 1: write."]
    assert markers == ["", "", "3", "4", "5", ""]
    assert list_of("Steps:\n1. Install it\n2. Run it\n\nThat is all.")[1:] == (
        ["Install it", "Run it", "That is all."], ["1", "2", ""])
    from studio.reading import list_reading
    assert list_reading("Intro\n- one\n\nA paragraph.")[1] == []  # one row of the creator's and a paragraph: no list


def test_points_the_creator_numbered_get_no_marker_of_ours():
    assert list_of("We did three things. First we wrote. 2. We published. 3. We repeated.")[2] == [""] * 4


def test_list_entries_hands_out_a_copy_of_the_cached_reading():
    from studio.reading import list_entries
    text = "Steps:\n1. Install it\n2. Run it"
    list_entries(text).clear()
    assert list_entries(text) == [("1", "Install it"), ("2", "Run it")]


@pytest.mark.parametrize("text, items, markers", [
    ("How I write:\n1. Outline\n2. Draft\nStep 3: edit\nStep 4: ship",
     ["1. Outline", "2. Draft", "Step 3: edit", "Step 4: ship"], ["", "", "", ""]),
    ("How I write:\nStep 1: outline\n2. Draft\n3. Edit", ["Step 1: outline", "2. Draft", "3. Edit"], ["", "", ""]),
    ("Pros:\n✅ Fast\n✅ Cheap\n➕ Open source\n➖ No docs\n🖤 Dark mode",
     ["✅ Fast", "✅ Cheap", "➕ Open source", "➖ No docs", "🖤 Dark mode"], [""] * 5),
    ("Pros:\n➕ Fast.\n➕ Cheap.\n🖤 Dark mode.", ["➕ Fast.", "➕ Cheap.", "🖤 Dark mode."], [""] * 3),
    ("Team:\n👩🏽‍💻 Ana codes\n👨‍🚀 Bo flies", ["👩🏽‍💻 Ana codes", "👨‍🚀 Bo flies"], [""] * 2),
])
def test_step_lines_and_any_emoji_led_line_are_rows_of_their_own(text, items, markers):
    # "Step 3: edit" ran into "2. Draft" ("1. Write" lost to the lead-in when it came first), and an emoji outside
    # a fixed list ("➕ Open source", "🖤 Dark mode") ran into the row above; sentence mode gave them 01 02 03
    assert list_of(text) == (text.split("\n")[0], items, markers)


@pytest.mark.parametrize("bullet", ["✅", "➕", "🖤", "🚀"])
def test_every_emoji_bullet_gets_the_same_markers_in_sentence_mode(bullet):
    assert list_of(f"We did it. {bullet} Fast. {bullet} Cheap.")[2] == ["•", "", ""]
