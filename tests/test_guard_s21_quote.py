"""A refused value is quoted at most ~60 characters with "…" (``studio.choice.quote``): a 200,000-character
unknown theme, layout, pattern, format or font in a project file or an edit gave a 200,000-character message."""
from __future__ import annotations

import json

import pytest

from studio.app.document import Document, EditError
from studio.app.sample import sample_carousel
from studio.choice import QUOTE_CHARS, quote
from studio.cli import main
from studio.project_file import carousel_to_json

HUGE = "Z" * 200_000
FIELDS = {"theme": lambda d: d.update(theme=HUGE), "layout": lambda d: d.update(layout=HUGE),
          "pattern": lambda d: d.update(pattern=HUGE), "format": lambda d: d.update(format=HUGE),
          "slide layout": lambda d: d["slides"][1].update(layout=HUGE),
          "title font": lambda d: d["brand"].update(title_font=HUGE),
          "body font": lambda d: d["typography"].update(body_font=HUGE)}


@pytest.mark.parametrize("field", FIELDS, ids=list(FIELDS))
def test_the_command_line_quotes_a_huge_unknown_value_cut(field, tmp_path, capsys):
    data = json.loads(carousel_to_json(sample_carousel()))
    FIELDS[field](data["carousel"])
    path = tmp_path / "p.json"
    path.write_text(json.dumps(data))
    code = main(["render", str(path), "-o", str(tmp_path / "out.pdf"), "--data-dir", str(tmp_path / "d")])
    err = capsys.readouterr().err
    assert code == 2
    assert "ZZZZ…'" in err and len(err) < 1_000


@pytest.mark.parametrize("edit", [lambda d: d.set_setting("theme", HUGE), lambda d: d.set_setting("layout", HUGE),
                                  lambda d: d.set_setting(HUGE, 1), lambda d: d.set_slide_layout(1, HUGE),
                                  lambda d: d.set_typography(body_font=HUGE), lambda d: d.set_brand(title_font=HUGE)])
def test_an_edit_quotes_a_huge_refused_value_cut(edit):
    doc = Document(sample_carousel())
    with pytest.raises(EditError) as refused:
        edit(doc)
    assert len(str(refused.value)) < 1_000


def test_quote_keeps_a_short_value_whole_and_cuts_a_long_one():
    assert quote("paper") == "'paper'"
    assert quote(7) == "7"
    assert quote("a" * 500) == repr("a" * QUOTE_CHARS + "…")
    assert len(quote(list(range(10_000)))) == QUOTE_CHARS + 1


@pytest.mark.parametrize("cls", ["Document", "CoDocument"])
@pytest.mark.parametrize("part", ["set_typography", "set_brand"])
def test_an_unknown_font_edit_is_refused_and_the_project_still_opens(cls, part):
    """It had been taken, and the autosaved project then failed to open ("unknown font")."""
    from studio.project_file import carousel_from_json
    from studio.share.codocument import CoDocument
    doc = (Document if cls == "Document" else CoDocument)(sample_carousel())
    before = carousel_to_json(doc.carousel)
    with pytest.raises(EditError, match="unknown font 'Nope'"):
        getattr(doc, part)(origin="ada", body_font="Nope")
    assert carousel_to_json(doc.carousel) == before
    getattr(doc, part)(origin="ada", body_font="Lora")
    assert carousel_from_json(carousel_to_json(doc.carousel)).typography is not None
