"""A project file whose slide title, text or alt text is over its cap opens whole and says so at once (slide,
field, length, cap, what to do); every export refuses it naming each such text, never cutting one; the command
line's ``render`` prints that message and exits non-zero with nothing written. Every cap counts characters one
way (``limits.chars``), so a text the studio's boxes take is one export takes, emoji and all."""
from __future__ import annotations

import json
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from studio import limits
from studio.app import Studio
from studio.app.document import Document, EditError
from studio.app.sample import sample_carousel
from studio.export.pages import check_slides
from studio.project_file import carousel_to_json
from studio.sources import read_project
from ui_helpers import open_project_file, until

TITLE = "T" * (limits.MAX_TITLE_CHARS + 100)
ALT = "😀" * (limits.MAX_ALT_CHARS + 1)  # 2,001 code points, 4,002 UTF-16 units


def over_cap_project() -> bytes:
    """The sample carousel with slide 2's title and slide 3's alt text over their caps, as a hand-made file."""
    data = json.loads(carousel_to_json(sample_carousel()))
    data["carousel"]["name"] = "Ferns"
    data["carousel"]["slides"][1]["title"] = TITLE
    data["carousel"]["slides"][2]["alt_text"] = ALT
    return json.dumps(data, ensure_ascii=False).encode()


NAMED = ("the title of slide 2 (2,100 characters; the limit is 2,000)",
         "the alt text of slide 3 (2,001 characters; the limit is 2,000)")


async def test_the_studio_names_each_over_cap_slide_text_when_the_project_opens(studio):
    await open_project_file(studio, over_cap_project())
    for named in NAMED:
        await studio.should_see(named)
    await studio.should_see("cannot be exported until each is shortened")
    carousel = studio.shared.document.carousel
    assert carousel.slides[1].title == TITLE and carousel.slides[2].alt_text == ALT  # kept whole


async def test_the_export_dialog_says_it_before_the_click_and_the_export_refuses_naming_each(studio, testid):
    from ui_helpers import click

    studio.shared.projects.open_file(read_project(over_cap_project()))
    click(studio, testid(studio, "export-open")[0])
    await studio.should_see("Nothing is exported until then")
    await studio.should_see("Not exported until the texts named above are shortened.")
    await studio.should_not_see("Ready: ")
    (shown,) = [w for w in testid(studio, "identity-warning") if "The title of slide 2 has 2,100" in _text(studio, w)]
    assert NAMED[1] in _text(studio, shown)
    click(studio, testid(studio, "export-pdf")[0])
    await until(lambda: any("never cuts your words" in str(m) and NAMED[1] in str(m) for m in studio.notify.messages))


def _text(user, element) -> str:
    with user:
        return " ".join(getattr(e, "text", "") for e in element.descendants())


def test_a_saved_project_reopened_says_it_again_and_export_names_every_text(tmp_path):
    from studio.export import ExportError

    studio = Studio(tmp_path / "data")
    studio.projects.open_file(read_project(over_cap_project()))
    told = [n for n in studio.notices if "texts over their limits" in n]
    assert len(told) == 1 and all(named in told[0] for named in NAMED)
    with pytest.raises(ExportError) as refused:
        check_slides(studio.carousel)
    message = str(refused.value)
    assert "title of slide 2 has 2,100 characters" in message and NAMED[1] in message
    assert "never cuts" in message
    studio.close()


def test_render_of_such_a_file_prints_the_message_exits_non_zero_and_writes_nothing(tmp_path, capsys, monkeypatch):
    from studio.cli import main

    source = tmp_path / "ferns.json"
    source.write_bytes(over_cap_project())
    for out in (tmp_path / "ferns.pdf", tmp_path / "slides"):
        monkeypatch.setattr(sys, "argv", ["carousel-studio", "render", str(source), "-o", str(out)])
        code = main()
        err = capsys.readouterr().err
        assert code != 0 and not out.exists()
        assert "Traceback" not in err
        assert "error: the title of slide 2 has 2,100 characters; the limit is 2,000" in err
        assert NAMED[1] in err and "Nothing is exported until then" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ferns.json"]


# Pieces an emoji-heavy text is made of: an emoji of one code point, of three (a joiner), a flag (two), a letter
# and its mark (two), a skin tone alone, a CJK letter, ASCII.
PIECES = ["😀", "👩\u200d💻", "🇫🇷", "e\u0301", "\U0001F3FD", "中", "a", " "]
FIELDS = {"alt_text": limits.MAX_ALT_CHARS, "title": limits.MAX_TITLE_CHARS}


@st.composite
def near_cap(draw):
    """(field, a text within a few characters of that field's cap, made of emoji and letters)."""
    field = draw(st.sampled_from(sorted(FIELDS)))
    unit = "".join(draw(st.lists(st.sampled_from(PIECES), min_size=1, max_size=6)))
    cap = FIELDS[field]
    return field, (unit * (cap // len(unit) + 2))[:cap + draw(st.integers(-3, 3))]


def _edit(doc: Document, field: str, text: str) -> None:
    if field == "alt_text":
        doc.set_slide_alt_text(1, text)
    else:
        doc.set_slide_text(1, **{field: text})


@given(near_cap())
def test_what_the_boxes_take_exports_and_what_they_refuse_is_named_at_open_and_export(case):
    from studio.export import ExportError

    from studio.share.codocument import CoDocument

    field, text = case
    taken_by = []
    for cls in (Document, CoDocument):  # the studio's boxes, and share mode's (a browser's shared box calls it)
        doc = cls(sample_carousel())
        try:
            _edit(doc, field, text)
            taken_by.append(True)
        except EditError:
            taken_by.append(False)
    taken = taken_by[0]
    assert taken_by == [len(text) <= FIELDS[field]] * 2  # the documented count: code points
    carousel = sample_carousel()
    setattr(carousel.slides[1], field, text)  # as a file holds it, taken or not
    reopened = read_project(carousel_to_json(carousel))
    assert getattr(reopened.slides[1], field) == text  # never cut at open
    named = limits.slides_over_caps(reopened)
    if taken:
        assert named == []
        limits.check_texts(reopened)
        if field == "alt_text":  # (a 2,000-character title is laid out: its pages are the layout's own tests)
            check_slides(doc.carousel)
            assert getattr(doc.carousel.slides[1], field) == text
    else:
        what = "alt text" if field == "alt_text" else "title"
        assert named == [f"the {what} of slide 2 ({len(text):,} characters; the limit is {FIELDS[field]:,})"]
        with pytest.raises(ExportError, match=f"the {what} of slide 2 has {len(text):,} characters"):
            check_slides(reopened)


def test_a_project_name_over_its_cap_is_named_at_open_as_the_slide_texts_are(tmp_path):
    data = json.loads(over_cap_project())
    data["carousel"]["name"] = "N" * 300
    studio = Studio(tmp_path / "data")
    studio.projects.open_file(read_project(json.dumps(data)))
    (told,) = [n for n in studio.notices if "texts over their limits" in n]
    assert "the project name (300 characters; the limit is 200)" in told and all(named in told for named in NAMED)
    assert studio.carousel.name == "N" * 300
    studio.close()


def test_a_file_with_many_over_cap_texts_names_ten_and_counts_the_rest():
    import dataclasses

    from studio.app.projects import project_notices

    carousel = sample_carousel()
    content = carousel.slides[1]
    carousel.slides = [dataclasses.replace(content, alt_text=ALT) for _ in range(12)] + carousel.slides[-1:]
    (notice,) = [n for n in project_notices(carousel) if "texts over their limits" in n]
    assert "the alt text of slide 10 (2,001" in notice and "slide 11 (" not in notice and "and 2 more" in notice
    with pytest.raises(limits.LimitError) as refused:  # the first in full, then ten more named
        limits.check_texts(carousel)
    assert "the alt text of slide 11 (2,001" in str(refused.value) and "and 1 more" in str(refused.value)
