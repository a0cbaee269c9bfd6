"""Preset (save / apply a look) and History (undo / redo, capped, serialisable)."""
import json
import unicodedata

import pytest
from hypothesis import given, settings, strategies as st

from studio.brand import BrandProfile
from studio.carousel import Carousel
from studio.history import History
from studio.outro import OutroCTA
from studio.preset import Preset, apply_preset, apply_profile, check_name, preset_from_carousel
from studio.schema import SchemaError, from_dict, to_dict
from studio.slide import Slide
from studio.typography import Typography
from property_examples import ANY_CHARACTER, examples


def styled() -> Carousel:
    return Carousel(name="Styled", format="instagram-tall", layout="post-card", theme="midnight", pattern="grid",
                    typography=Typography(title_size=48, align="center"), cta=OutroCTA.default(2),
                    brand=BrandProfile(name="Ada", handle="ada"),
                    slides=[Slide("cover", "Hi"), Slide(body="words", layout="quote")])


def test_a_preset_captures_and_reapplies_a_look():
    preset = preset_from_carousel(styled(), "  Night  ", include_profile=True)
    assert preset.name == "Night" and preset.profile.name == "Ada"
    plain = Carousel(name="Plain", slides=[Slide(body="mine"), Slide(body="other", layout="quote")])
    result = apply_preset(plain, preset)
    assert (result.format, result.layout, result.theme, result.pattern) == ("instagram-tall", "post-card",
                                                                              "midnight", "grid")
    assert result.typography == Typography(title_size=48, align="center") and result.cta == OutroCTA.default(2)
    assert result.brand.name == "Ada"
    assert [s.body for s in result.slides] == ["mine", "other"] and result.slides[1].layout == "quote"
    assert result.name == "Plain"
    assert plain.theme == "paper" and plain.brand.name == ""  # the original is untouched
    result.slides[0].body = "changed"
    result.typography.body_size = 30
    assert plain.slides[0].body == "mine" and preset.typography.body_size == 18  # no shared objects


def test_a_preset_without_profile_keeps_the_brand():
    preset = preset_from_carousel(styled(), "Look only")
    assert preset.profile is None
    mine = Carousel(brand=BrandProfile(name="Me"))
    assert apply_preset(mine, preset).brand.name == "Me"


def test_switching_profile_rebrands_and_takes_its_cta():
    c = styled()
    profile = BrandProfile(name="Client", cta=OutroCTA.default(3, "https://client.example"))
    switched = apply_profile(c, profile)
    assert switched.brand == profile and switched.cta.link == "https://client.example"
    assert apply_profile(c, BrandProfile(name="No CTA")).cta == c.cta


def test_preset_round_trips_through_json():
    preset = preset_from_carousel(styled(), "Night", include_profile=True)
    assert from_dict(Preset, json.loads(json.dumps(to_dict(preset)))) == preset


@pytest.mark.parametrize("data, message", [
    ({"name": "a/b"}, "path separator"),
    ({"name": ""}, "empty"),
    ({"name": "ok", "format": "tiktok"}, "unknown format 'tiktok'"),
    ({"name": "ok", "layout": ""}, "layout is empty"),
    ({"name": "ok", "spacing": 3}, "Preset.spacing: unknown field"),
])
def test_bad_presets_name_the_problem(data, message):
    with pytest.raises(SchemaError, match=message):
        from_dict(Preset, data)


@given(st.text(ANY_CHARACTER, max_size=100))
def test_check_name_accepts_only_clean_names(name):
    try:
        clean = check_name(name)
    except ValueError:
        return
    assert clean == clean.strip() and 0 < len(clean) <= 80
    assert "/" not in clean and "\\" not in clean and clean not in (".", "..")
    assert all(unicodedata.category(c)[0] != "C" or c in "\u200c\u200d" for c in clean)


def test_emoji_names_are_fine_but_bidi_overrides_are_not():
    assert check_name("Ada 👩‍💻") == "Ada 👩‍💻"
    with pytest.raises(ValueError, match="control"):
        check_name("evil\u202egnp.exe")


def test_undo_redo_and_a_new_change_drops_redo():
    c = Carousel(name="v0")
    h = History(c)
    assert not h.can_undo and not h.can_redo
    for i in range(1, 4):
        c.name = f"v{i}"
        assert h.record(c)
    assert not h.record(c)  # unchanged: nothing recorded
    assert h.undo().name == "v2" and h.undo().name == "v1"
    assert h.redo().name == "v2"
    c = h.current
    c.name = "branch"
    h.record(c)
    assert not h.can_redo and h.redo() is None
    assert [h.undo().name, h.undo().name, h.undo().name, h.undo()] == ["v2", "v1", "v0", None]


def test_snapshots_are_independent_of_the_live_carousel():
    c = Carousel(slides=[Slide(body="one")])
    h = History(c)
    c.slides[0].body = "two"  # edited in place, not recorded yet
    h.record(c)
    back = h.undo()
    assert back.slides[0].body == "one"
    back.slides[0].body = "edited copy"
    assert h.current.slides[0].body == "one"


def test_the_cap_drops_the_oldest():
    h = History(Carousel(name="0"), cap=3)
    for i in range(1, 6):
        h.record(Carousel(name=str(i)))
    assert len(h) == 3 and h.current.name == "5"
    assert h.undo().name == "4" and h.undo().name == "3" and h.undo() is None


def test_history_document_stores_unchanged_fields_once_and_round_trips():
    c = Carousel(slides=[Slide(body=f"slide {i}") for i in range(10)])
    h = History(c, cap=50)
    for i in range(20):
        c.name = f"name-{i}"
        h.record(c)
    h.undo()
    doc = json.loads(json.dumps(h.to_doc()))
    assert len(doc["snapshots"]) == 21 and len(doc["parts"]) < 21 + 15  # slides stored once, not 21 times
    again = History.from_doc(doc)
    assert (len(again), again.index, again.cap) == (21, 19, 50)
    assert again.current == h.current and again.redo() == h.redo()


@pytest.mark.parametrize("doc", [None, {}, {"schema": 1}, {"schema": 1, "parts": [], "snapshots": [{"name": 3}],
                                                            "cap": 5, "index": 0, "carousel_schema": 1},
                                 {"schema": 1, "parts": [5], "snapshots": [{"name": 0}], "cap": 5, "index": 0,
                                  "carousel_schema": 1}])
def test_damaged_history_documents_raise_schema_error(doc):
    with pytest.raises(SchemaError):
        History.from_doc(doc)


@settings(max_examples=examples(80), deadline=None)
@given(st.lists(st.sampled_from(["edit", "undo", "redo"]), max_size=40), st.integers(2, 6))
def test_history_behaves_like_a_list_with_a_cursor(ops, cap):
    h = History(Carousel(name="0"), cap=cap)
    model, at, n = ["0"], 0, 0
    for op in ops:
        if op == "edit":
            n += 1
            h.record(Carousel(name=str(n)))
            model = (model[: at + 1] + [str(n)])[-cap:]
            at = len(model) - 1
        elif op == "undo":
            got = h.undo()
            if at > 0:
                at -= 1
                assert got.name == model[at]
            else:
                assert got is None
        else:
            got = h.redo()
            if at < len(model) - 1:
                at += 1
                assert got.name == model[at]
            else:
                assert got is None
        assert h.current.name == model[at] and len(h) == len(model)
    again = History.from_doc(h.to_doc())
    assert again.current.name == model[at] and len(again) == len(model)
