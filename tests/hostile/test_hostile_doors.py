"""Validate at every door: texts XML and JSON cannot carry are removed on the way in, with a note,
and a value that slipped past never stops saving or page building."""
from __future__ import annotations

import json

import pytest
from hostile_helpers import project_json

from studio.app.brands import Brands
from studio.brand import BrandProfile
from studio.carousel import Carousel
from studio.render import render_slide
from studio.slide import Slide
from studio.sources import read_project
from studio.sources.cleanup import safe_fields, safe_text
from studio.store import Store
from studio.store.kits import kit_to_json, read_kit
from studio.store.storage import dumps_compact


@pytest.mark.parametrize("raw,clean", [
    ("x\ud800", "x"),                      # the poisoned title
    ("\udfff lead", " lead"),
    ("a\x00b\x1bc\x7f", "abc\x7f"),       # C0 controls go; DEL is valid XML and stays
    ("tab\tline\nreturn\r", "tab\tline\nreturn\r"),
    ("\ud83d\ude00 pair", "\U0001F600 pair"),  # a surrogate pair written as escapes is its emoji
    ("\ufffe\uffff", ""),
])
def test_safe_text_removes_only_what_cannot_be_carried(raw, clean):
    assert safe_text(raw) == clean


def test_safe_text_returns_valid_text_untouched():
    text = "Γειά σου 👋🏽 <b>bold</b> &amp; 中文"
    assert safe_text(text) is text


def test_safe_fields_names_the_paths_that_changed():
    data, changed = safe_fields({"slides": [{"title": "x\ud800", "body": "ok"}], "k\x01": "v"}, "carousel")
    assert data == {"slides": [{"title": "x", "body": "ok"}], "k": "v"}
    assert changed == ["carousel.slides[0].title"]


def test_poisoned_project_file_loads_clean_with_a_note():
    notes: list[str] = []
    carousel = read_project(project_json("x\ud800"), notes)
    assert carousel.slides[0].title == "x"
    assert "carousel.slides[0].title" in notes[0] and "every word is kept" in notes[0]
    render_slide(carousel, 0).encode("utf-8")  # page building works


@pytest.mark.parametrize("schema", [0, -1, 10**40, "1", True, None])
def test_bad_schema_numbers_get_a_clear_message(schema):
    from studio.sources import SourceError
    doc = json.loads(project_json())
    doc["schema"] = schema
    with pytest.raises(SourceError, match="schema|number"):
        read_project(json.dumps(doc))


def test_poisoned_project_already_in_the_store_opens_and_keeps_saving(tmp_path):
    store = Store(tmp_path)
    pid = store.projects.save(Carousel(name="ok", slides=[Slide("cover", "fine")]))
    path = tmp_path / "projects" / f"{pid}.json"
    doc = json.loads(path.read_text())
    doc["carousel"]["slides"][0]["title"] = "x\ud800"
    path.write_text(json.dumps(doc))  # ASCII escapes: what an old studio or a hand edit could leave
    carousel = Store(tmp_path).projects.load(pid)
    assert carousel.slides[0].title == "x"
    store2 = Store(tmp_path)
    carousel.slides[0].title = "still \ud800 poisoned by an edit"  # a value that slipped past a door
    store2.projects.save(carousel, pid)
    assert Store(tmp_path).projects.load(pid).slides[0].title == "still  poisoned by an edit"


def test_dumps_compact_never_fails_on_a_lone_surrogate():
    assert json.loads(dumps_compact({"a": ["x\ud800y"]})) == {"a": ["xy"]}


def test_kit_with_a_poisoned_website_imports_clean(tmp_path):
    kit = kit_to_json([BrandProfile(name="Acme", website="acme.example")], [], "2026-01-01T00:00:00Z")
    kit = kit.replace(b'"acme.example"', b'"acme.example\\ud800"')
    notes: list[str] = []
    profiles, _ = read_kit(kit, "kit.json", notes)
    assert profiles[0].website == "acme.example" and "profiles[0].website" in notes[0]
    path = tmp_path / "kit.json"
    path.write_bytes(kit)
    summary = Brands(Store(tmp_path / "data")).import_kits(path)
    assert "website" in str(summary)


def test_kit_export_never_fails_on_a_lone_surrogate():
    kit = kit_to_json([BrandProfile(name="Acme", website="x\ud800")], [], "2026-01-01T00:00:00Z")
    assert json.loads(kit)["profiles"][0]["website"] == "x"


def test_edits_from_a_browser_are_made_safe():
    """A browser can send a lone surrogate over the websocket (JSON escapes it); it never reaches the model."""
    from studio.app import Document
    ws = Document(Carousel(slides=[Slide("cover", "Hook"), Slide(body="b")]))
    ws.set_slide_text(0, title="x\ud800", body="a\x00b")
    ws.set_slide_alt_text(1, "alt\udfff")
    ws.rename("name\ud800")
    ws.set_brand(website="acme\ud800.example", handle="h\x01")
    ws.set_cta(headline="Follow\ud800")
    c = ws.carousel
    assert (c.slides[0].title, c.slides[0].body, c.slides[1].alt_text, c.name) == ("x", "ab", "alt", "name")
    assert (c.brand.website, c.brand.handle, c.cta.headline) == ("acme.example", "h", "Follow")
    render_slide(c, 0).encode("utf-8")
