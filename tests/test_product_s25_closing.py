"""Session 25: a short closing sentence after a list of short unpunctuated items ("That's the list.", "Hope this
helps!", "Follow for more.") is a line of its own in the List layout, not the last item's words (only "That's it." /
"That's all." / "Done." were); a title ("It's a Wonderful Life."), a one-word line or a wrapped item stays in its
item, and no word is lost."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from render_helpers import carousel_of, runs
from studio import render
from studio.layouts.templates import list_of

CLOSINGS = ["That's the list.", "Hope this helps!", "Follow for more.", "Save this for later 🔖", "Hope this helps! 🙏",
            "Thanks for reading.", "That’s my whole process.", "Your turn: which one would you add?",
            "And that's the list.", "Hope I helped!"]


@pytest.mark.parametrize("closing", [c for c in CLOSINGS if c[-1] in ".!?🙏"])
@pytest.mark.parametrize("bullet", ["1.", "-"])
def test_a_short_closing_sentence_after_a_list_of_labels_is_its_own_line(closing, bullet):
    marks = ["1.", "2.", "3."] if bullet == "1." else ["-"] * 3
    _, items, markers = list_of(f"My stack:\n{marks[0]} Notion\n{marks[1]} Figma\n{marks[2]} Linear\n{closing}")
    assert items == ["Notion", "Figma", "Linear", closing]
    assert markers[3] == ""


def test_it_is_drawn_apart_from_the_last_item():
    svg = render.render_slides(carousel_of(["Intro", "My process:\n1. Write\n2. Edit\n3. Publish\nThat's the list."],
                                           layout="list", format="instagram-square"))[1]
    body = [r.text for r in runs(svg) if r.role == "body"]
    assert "Publish" in body and "That's the list." in body


@pytest.mark.parametrize("text, last", [
    ("Films:\n1. Watch Home Alone\n2. Rewatch Elf\n3. Rewatch\nIt's a Wonderful Life.", "Rewatch It's a Wonderful Life."),
    ("Three things:\n1. Write daily\n2. Edit hard\n3. Watch\nThis is Spinal Tap.", "Watch This is Spinal Tap."),
    ("Steps:\n1. Plan\n2. Ship\nEasy.", "Ship Easy."),
    ("Steps:\n1. Plan\n2. Decide\nWhat matters.", "Decide What matters."),  # no closing opener
    ("Read:\n1. Deep Work\n2. Read\nHope Street Stories.", "Read Hope Street Stories."),  # a title: capitals
    ("Steps:\n1. Write\n2. Publish and\nHope this helps!", "Publish and Hope this helps!"),  # "and" asks for more
    ("Steps:\n1. Smile\n2. Say\nThanks for reading.", "Say Thanks for reading."),  # what to say
    ("Steps:\n1. Write the draft tonight\n2. Edit\n3. Publish\nHope this helps!", "Publish Hope this helps!"),
    ("Steps:\n1. Write.\n2. Edit\n3. Publish\nHope this helps!", "Publish Hope this helps!"),  # not all labels
    ("Steps:\n1. Write\n2. Edit\n3. Publish\nFollow for more. It helps.", "Publish Follow for more. It helps."),
])
def test_a_title_or_a_wrapped_item_stays_in_its_item(text, last):
    _, items, _ = list_of(text)
    assert items[-1] == last


_LABEL = st.lists(st.sampled_from(["Write", "Edit", "Ship", "Rest", "Notion", "Figma", "Plan it", "Read more"]),
                  min_size=2, max_size=5)
_LINE = st.sampled_from(CLOSINGS + ["It's a Wonderful Life.", "Easy.", "What matters.", "Thanks, Maya.", "Done."])


@given(_LABEL, _LINE, st.booleans())
def test_no_word_is_lost_or_moved(labels, line, numbered):
    rows = [f"{n}. {w}" if numbered else f"- {w}" for n, w in enumerate(labels, 1)]
    text = "Steps:\n" + "\n".join(rows) + "\n" + line
    lead, items, _ = list_of(text)
    assert " ".join([lead] + items).split() == ("Steps: " + " ".join(labels) + " " + line).split()
