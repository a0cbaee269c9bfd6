"""Session 21's rough items: each test fails on the code before it."""
from __future__ import annotations

import unicodedata

import pytest
from hypothesis import example, given, settings, strategies as st

from render_helpers import NS, carousel_of, parse, runs
from studio import render
from studio.layouts.templates import list_of
from studio.reading import list_reading
from studio.text import prepare, wrap_para

_THAI = ("กขคงจฉชซญดตถทนบปผพฟมยรลวสหอฮ", "เแโใไ", "ะาำ", "่้๊๋ิีึืุู็ั์")
_LAO = ("ກຂຄງຈສຊຍດຕຖທນບປຜຝພຟມຢຣລວຫອຮ", "ເແໂໃໄ", "ະາຳ", "່້ິີຶືຸູັ")


@st.composite
def _syllables(draw):
    consonants, leading, following, marks = draw(st.sampled_from([_THAI, _LAO]))
    syllable = st.tuples(st.sampled_from(("",) + tuple(leading)), st.sampled_from(consonants),
                         st.sampled_from(("",) + tuple(marks)), st.sampled_from(("",) + tuple(following)),
                         st.sampled_from(("",) + tuple(consonants))).map("".join)
    return "".join(draw(st.lists(syllable, min_size=4, max_size=30))), leading, following


@settings(max_examples=150, deadline=None)
@given(_syllables(), st.sampled_from([40, 60, 90, 130]))
def test_a_thai_or_lao_word_wider_than_its_line_is_cut_between_syllables(found, width):
    # a made-up word (no dictionary knows it) cut at the edge left "แ" at a line's end, or started a line with
    # "ะ" or "า": a syllable cut in two ("ผแ" | "ผาห")
    word, leading, following = found
    lines = wrap_para(prepare(word)[0], "Inter", 400, 18, width)
    assert "".join(line.text for line in lines) == word
    for above, below in zip(lines, lines[1:]):
        assert above.text[-1] not in leading, (above.text, below.text)
        assert below.text[0] not in following and not unicodedata.category(below.text[0]).startswith("M"), \
            (above.text, below.text)


def _slide(body: str, layout: str) -> str:
    """The SVG of the page that draws ``body`` (a post between two others)."""
    c = carousel_of(["Hook.", body, "Last."], layout=layout, format="instagram-square")
    counts = render.pages_per_slide(c)
    return render.render_slides(c)[counts[0]]


def _x_of(svg: str, word: str) -> float:
    return next(r.x for r in runs(svg) if r.text.strip().startswith(word))


_NESTED = "How I write:\n1. Write\n  - outline\n  - draft\n2. Edit\n   • cut words\n3. Publish"


@pytest.mark.parametrize("layout", ["list", "headline-body", "image-focus", "split"])
def test_an_indented_bullet_under_an_item_is_a_nested_row(layout):
    # "Write - outline - draft": the sub-bullets were folded into their item's words, dashes and all
    svg = _slide(_NESTED, layout)
    dots = [n for n in parse(svg).iter(NS + "circle") if n.get("class") == "sub-marker"]
    assert len(dots) == 3
    drawn = [r.text.strip() for r in runs(svg) if r.role == "body"]
    assert "-" not in " ".join(drawn).split() and "•" not in " ".join(drawn)
    assert _x_of(svg, "outline") > _x_of(svg, "Write") and _x_of(svg, "cut") > _x_of(svg, "Edit")
    assert _x_of(svg, "outline") == pytest.approx(_x_of(svg, "cut"))
    assert _x_of(svg, "Publish") == pytest.approx(_x_of(svg, "Write"))
    dot_x = sorted(float(n.get("cx")) for n in dots)
    assert dot_x[-1] < _x_of(svg, "outline") and dot_x[0] > _x_of(svg, "Write") - 1


def test_nested_rows_read_as_rows_under_their_item():
    assert list_of(_NESTED) == ("How I write:", ["Write", "outline", "draft", "Edit", "cut words", "Publish"],
                                ["1", "◦", "◦", "2", "◦", "3"])
    # a bullet list nested in a bullet list; a wrapped nested item still joins its row
    assert list_of("Tools:\n- Figma\n    - for design and\n      prototypes\n- Notion") == (
        "Tools:", ["Figma", "for design and prototypes", "Notion"], ["•", "◦", "•"])


_STEPS = "The plan:\n1. Pick one idea\n2. Write it down\nStep 3: Share it\nStep 4: Ship it"


def test_numbered_rows_among_step_rows_keep_their_numbers_as_written_with_no_empty_column():
    # "Step 3:" rows had no marker yet kept the numbers' column: their text started far right of "01 Pick…"
    intro, items, markers = list_of(_STEPS)
    assert items == ["1. Pick one idea", "2. Write it down", "Step 3: Share it", "Step 4: Ship it"]
    assert markers == [""] * 4
    svg = _slide(_STEPS, "list")
    assert not [r for r in runs(svg) if r.role == "marker"]
    lefts = {round(_x_of(svg, w), 1) for w in ("1.", "2.", "Step 3", "Step 4")}
    assert len(lefts) == 1


@pytest.mark.parametrize("body, digits", [
    ("أهم النصائح:\n١. اكتب كل يوم\n٢. انشر بانتظام\n٣. تعلم من الجمهور", "١٢٣"),
    ("نکته‌ها:\n۱. هر روز بنویس\n۲. منظم منتشر کن\n۳. یاد بگیر", "۱۲۳"),
    ("मेरे नियम:\n१. रोज़ लिखो\n२. नियमित पोस्ट करो\n३. सीखते रहो", "१२३"),
])
@pytest.mark.parametrize("layout", ["list", "headline-body"])
def test_a_list_numbered_in_its_scripts_digits_keeps_them(body, digits, layout):
    # "١. اكتب" was drawn with a Latin "01" badge (or a "1" circle): the creator's digit was swapped for ours
    svg = _slide(body, layout)
    markers = [r.text for r in runs(svg) if r.role == "marker"]
    assert not any(ch.isascii() and ch.isdigit() for m in markers for ch in m)
    drawn = "".join(r.text for r in runs(svg))
    assert all(d in drawn for d in digits)


def test_a_plain_line_after_a_list_is_a_paragraph_of_its_own():
    # "That is all I need." ran on in the last row ("…across lines That is all I need.")
    text = "What I use:\n- Figma for design\n- Notion for notes that\n  run long\nThat is all I need. Nothing else."
    assert list_of(text)[1:] == (["Figma for design", "Notion for notes that run long",
                                  "That is all I need. Nothing else."], ["•", "•", ""])
    text = "Rules:\n1. Ship it.\n2. Rest well.\nThe rest is noise."
    assert list_of(text)[1:] == (["Ship it.", "Rest well.", "The rest is noise."], ["1", "2", ""])
    # a wrapped item goes on: no sentence ended, or the next line starts with a small letter
    assert list_of("Rules:\n1. Ship it\n2. Rest when\nYou can.")[1] == ["Ship it", "Rest when You can."]
    assert list_of("Rules:\n1. Ship it.\n2. Rest (e.g.\nnaps).")[1] == ["Ship it.", "Rest (e.g. naps)."]


_WORD = st.sampled_from(["ship", "Ship", "rest.", "Rest!", "it", "It?", "(e.g.", "now)", "“Yes.”", "later"])
_LINE = st.tuples(st.sampled_from(["- ", "• ", "1. ", "2. ", "  - ", "   • ", "", "  ", "Step 3: "]),
                  st.lists(_WORD, min_size=1, max_size=4))


@settings(max_examples=300, deadline=None)
@given(st.lists(_LINE, min_size=1, max_size=8))
@example([("- ", ["ship"]), ("- ", ["rest."]), ("", ["It?", "later"])])
@example([("1. ", ["ship"]), ("  ", ["later"]), ("2. ", ["Rest!"]), ("", ["Ship", "it"]), ("", ["later"])])
def test_every_list_line_is_read_once_in_order(lines):
    # the property of ``list_reading``: each word in the lead-in or one row, in the creator's order; and a plain
    # line that starts a sentence after the list's last item (which ended one) is a row of its own
    words = [[w[0] + f"{i}_{k}" + w[1:] for k, w in enumerate(ws)] for i, (_, ws) in enumerate(lines)]
    text = "\n".join(lead + " ".join(ws) for (lead, _), ws in zip(lines, words))
    want = [w for ws in words for w in ws]
    lead, entries = list_reading(text)
    intro, items, _ = list_of(text)
    marks = ("-", "•", "1.", "2.", "Step", "3:")
    assert [w for w in (lead + " " + " ".join(item for _, item in entries)).split() if w not in marks] == want
    assert [w for w in (intro + " " + " ".join(items)).split() if w not in marks] == want
    went_on = any(not lead.strip() for lead, _ in lines[1:-1])  # an earlier row went on: the last one may too
    if entries and len(lines) >= 2 and lines[-1][0] == "" and lines[-2][0].strip() and not went_on and \
            words[-2][-1].rstrip("”")[-1] in ".!?" and words[-1][0][0].isupper():
        assert entries[-1] == ("¶", " ".join(words[-1]))


def test_a_bullet_under_an_item_numbered_in_its_scripts_digits_is_nested_too():
    svg = _slide("خطتي:\n١. اكتب\n- مسودة أولى\n٢. انشر\n٣. تعلم", "headline-body")
    assert len([n for n in parse(svg).iter(NS + "circle") if n.get("class") == "sub-marker"]) == 1


def test_a_long_essay_in_the_list_layout_is_read_as_text_not_hundreds_of_rows():
    # a premium post's 400 sentences became 400 one-sentence rows: 43 square pages, over the cap, refused
    essay = " ".join(f"Sentence number {n} says a thing." for n in range(30))
    c = carousel_of(["Hook.", essay, "Last."], layout="list", format="instagram-square")
    pages = render.render_slides(c)
    assert not [n for svg in pages for n in parse(svg).iter(NS + "rect") if n.get("class") == "list-row"]
    assert "29" in " ".join(r.text for svg in pages for r in runs(svg))


def test_a_line_of_ascii_drawing_is_never_taken_as_the_headline():
    # "+--------+ +---------+" (the top of a box diagram) was set as the slide's title, in the title face
    from studio.reading import headline_and_body
    art = "+--------+ +---------+\n| client | ---> | db |\n+--------+ +---------+"
    assert headline_and_body(art) == ("", art)
    assert headline_and_body("|------|------:|\n| Free | $0 |")[0] == ""
    assert headline_and_body("🔥🔥🔥\nBig news today.")[0] == "🔥🔥🔥"
    svg = _slide(art, "headline-body")
    assert not [r for r in runs(svg) if r.role == "title"]


def test_numbered_lines_among_step_lines_in_a_body_keep_their_numbers_as_written():
    # a body drew "1" "2" badges beside "Pick one idea" and plain "Step 3: …" lines under them
    svg = _slide(_STEPS, "headline-body")
    assert not [r for r in runs(svg) if r.role == "marker"]
    assert len({round(_x_of(svg, w), 1) for w in ("1.", "2.", "Step 3", "Step 4")}) == 1
