"""The shared Document (studio.app.document) and the caption helper (studio.caption), without a browser."""
from __future__ import annotations

import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image as PILImage

from studio.caption import INSTAGRAM_LIMIT, LINKEDIN_LIMIT, alt_texts, draft_captions, hashtags, key_points
from studio.image import load_image
from studio.post import Post, Thread
from studio.app.document import Document, EditError, split_text
from studio.app.events import LookChanged, OrderChanged, ProjectSwitched, SlideChanged, SourceChanged
from studio.structure import carousel_from_thread
from property_examples import examples


def thread(*texts: str, author: str = "", handle: str = "") -> Thread:
    return Thread("t", [Post(f"p{i}", text, author_name=author, handle=handle) for i, text in enumerate(texts, 1)])


@pytest.fixture
def ws() -> Document:
    source = thread("Why ferns love shade 🧵", "1) Shade\nLeaves keep their water.", "2) Water\nMornings only.",
                    "3) Soil\nLoose and rich. #ferns #gardening")
    return Document(carousel_from_thread(source), clock=lambda: 0.0)  # time stands still: typing is one burst


def test_every_edit_is_announced_with_what_changed(ws):
    seen = []
    unsubscribe = ws.subscribe(seen.append)
    ws.set_setting("theme", "midnight", origin="tab-a")
    ws.set_slide_text(1, body="New words", origin="tab-b")
    ws.move_slide(1, 2)
    ws.set_thread(thread("Another thread"))
    assert seen == [LookChanged("tab-a", "theme"), SlideChanged("tab-b", 1, frozenset({"body"})), OrderChanged(),
                    SourceChanged()]
    assert seen[1].text_only and not SlideChanged(None, 1, frozenset({"image"})).text_only
    unsubscribe()
    ws.set_setting("theme", "paper")
    assert len(seen) == 4


def test_typing_in_one_field_is_one_undo_step(ws):
    original = ws.carousel.slides[1].body
    for n in range(1, 8):
        ws.set_slide_text(1, body=original + "x" * n)
    ws.set_setting("layout", "list")
    assert ws.undo() and ws.carousel.layout == "headline-body"
    assert ws.carousel.slides[1].body == original + "x" * 7
    assert ws.undo() and ws.carousel.slides[1].body == original
    assert ws.redo() and ws.carousel.slides[1].body == original + "x" * 7


def test_undo_right_after_typing_restores_the_text(ws):
    original = ws.carousel.slides[2].title
    ws.set_slide_text(2, title="Typed")
    assert ws.can_undo
    assert ws.undo()
    assert ws.carousel.slides[2].title == original
    assert not ws.can_undo


def test_posts_onto_slides(ws):
    """Each post still has its own slide as laid out, so each drop moves the post (see test_post_moves.py)."""
    count = len(ws.carousel.slides)
    index = ws.insert_post_as_slide("p3", 1)
    assert index == 1 and len(ws.carousel.slides) == count
    assert ws.carousel.slides[1].title == "2) Water" and ws.carousel.slides[1].post_ids == ["p3"]
    assert ws.add_post_to_slide("p4", 1) == 1
    assert "Loose and rich" in ws.carousel.slides[1].body and ws.carousel.slides[1].post_ids == ["p3", "p4"]
    assert ws.replace_slide_with_post("p2", 1) == 1
    assert ws.carousel.slides[1].post_ids == ["p2"] and "Mornings" not in ws.carousel.slides[1].body
    assert [s.post_ids for s in ws.carousel.slides] == [["p1"], ["p2"], []]


def test_new_slides_stay_in_front_of_the_outro(ws):
    end = len(ws.carousel.slides)
    assert ws.insert_post_as_slide("p2", end + 5) == end - 2  # p2's own slide moved to the end
    ws.set_slide_text(end - 2, body="Edited")
    assert ws.insert_post_as_slide("p2", end + 5) == end - 1  # a copy: its slide was edited
    assert ws.carousel.slides[-1].kind == "outro"
    assert ws.add_slide(999) == len(ws.carousel.slides) - 2


def test_the_outro_refuses_posts_and_merges(ws):
    last = len(ws.carousel.slides) - 1
    with pytest.raises(EditError, match="call to action"):
        ws.add_post_to_slide("p2", last)
    with pytest.raises(EditError, match="outro"):
        ws.merge_with_next(last - 1)
    with pytest.raises(EditError, match="no longer in the source"):
        ws.insert_post_as_slide("missing", 1)


def test_apply_image(ws):
    buffer = io.BytesIO()
    PILImage.new("RGB", (80, 60), (1, 2, 3)).save(buffer, "PNG")
    photo = load_image(buffer.getvalue())
    ws.carousel.thread.posts[1].images.append(photo)
    ws.apply_image("p2", 2)
    assert ws.carousel.slides[2].image == photo
    with pytest.raises(EditError, match="no image"):
        ws.apply_image("p3", 2)


def test_strip_operations(ws):
    count = len(ws.carousel.slides)
    assert ws.duplicate_slide(1) == 2 and len(ws.carousel.slides) == count + 1
    assert ws.delete_slide(2) == 2 and len(ws.carousel.slides) == count
    ws.set_slide_text(1, body="First paragraph here.\n\nSecond paragraph there.")
    assert ws.split_slide(1) == 2
    assert (ws.carousel.slides[1].body, ws.carousel.slides[2].body) == ("First paragraph here.",
                                                                         "Second paragraph there.")
    ws.merge_with_next(1)
    assert ws.carousel.slides[1].body == "First paragraph here.\n\nSecond paragraph there."
    assert ws.move_slide(1, 3) == 3
    with pytest.raises(EditError, match="too short"):
        ws.set_slide_text(0, body="")
        ws.split_slide(0)


def test_a_cover_merged_with_a_post_splits_back_into_both():
    """The newcomer merged a two-post thread's cover with its post, and Split said the slide was too short."""
    ws = Document(carousel_from_thread(thread("First post of a tiny thread.", "Second post, ending here.")))
    before = [(s.kind, s.title, s.body, list(s.post_ids)) for s in ws.carousel.slides]
    ws.merge_with_next(0)
    assert ws.carousel.slides[0].post_ids == ["p1", "p2"]
    assert ws.split_slide(0) == 1
    assert [(s.title, s.body, s.post_ids) for s in ws.carousel.slides[:2]] == [
        (before[0][1], "", ["p1"]), ("", "Second post, ending here.", ["p2"])]
    ws.set_slide_text(1, body="Mine, not a post's.\n\nSecond post, ending here.")
    ws.split_slide(1)
    assert [s.post_ids for s in ws.carousel.slides[1:3]] == [[], ["p2"]]


def test_last_slide_cannot_be_deleted():
    ws = Document(carousel_from_thread(thread()))
    assert len(ws.carousel.slides) == 1
    with pytest.raises(EditError, match="at least one slide"):
        ws.delete_slide(0)


def test_settings_are_validated(ws):
    with pytest.raises(EditError, match="There is no theme called 'sparkly'"):
        ws.set_setting("theme", "sparkly")
    ws.set_setting("pattern", None)
    with pytest.raises(EditError, match="title_size"):
        ws.set_typography(title_size=500)
    ws.set_typography(title_size=44, body_size=20)
    assert (ws.carousel.typography.title_size, ws.carousel.typography.body_size) == (44, 20)
    with pytest.raises(EditError, match="accent"):
        ws.set_brand(accent="red")
    ws.set_cta_variant(3)
    assert ws.carousel.cta.variant == 3 and ws.carousel.cta.button == "Save"
    with pytest.raises(EditError):
        ws.rename("   ")


def test_load_announces_a_new_document(ws):
    seen = []
    ws.subscribe(seen.append)
    ws.load(carousel_from_thread(thread("Other")), "abc")
    assert isinstance(seen[-1], ProjectSwitched) and ws.project_id == "abc" and not ws.history.can_undo


@given(st.text(alphabet=st.sampled_from("ab .!?\n"), max_size=200))
@settings(max_examples=examples(200), deadline=None)
def test_split_text_never_loses_words(text):
    first, second = split_text(text)
    assert first.split() + second.split() == text.split()


# -- captions ------------------------------------------------------------------------------------------

def test_captions_from_a_thread():
    source = thread("Why ferns love shade. A short thread 🧵", "1) Shade\nLeaves keep their water.",
                    "2) Water\nMornings only. #ferns", "3) Soil\nLoose and rich. #Gardening #ferns",
                    author="Ada Lovelace", handle="ada")
    carousel = carousel_from_thread(source)
    captions = draft_captions(carousel)
    assert captions.linkedin.startswith("Why ferns love shade.")
    assert "→ 1) Shade" not in captions.linkedin and "→ Shade" in captions.linkedin
    assert "• Water" in captions.instagram
    assert captions.linkedin.rstrip().endswith("#ferns #Gardening")
    assert "Based on a thread by Ada Lovelace (@ada)." in captions.linkedin
    assert key_points(carousel)[:3] == ["Shade", "Water", "Soil"]
    assert hashtags(carousel) == ["#ferns", "#Gardening"]


def test_no_credit_for_the_creators_own_posts():
    carousel = carousel_from_thread(thread("My own thread. Here it is.", "1) A point\nText.", handle="me"))
    carousel.brand.handle = "me"
    assert "Based on a thread" not in draft_captions(carousel).linkedin


def test_captions_stay_within_platform_limits():
    long = thread("Hook sentence here.", *[f"{n}) Point number {n} " + "word " * 80 for n in range(1, 60)])
    captions = draft_captions(carousel_from_thread(long))
    assert len(captions.linkedin) <= LINKEDIN_LIMIT and len(captions.instagram) <= INSTAGRAM_LIMIT
    assert captions.instagram.startswith("Hook sentence here.")


def test_alt_text_for_every_slide():
    carousel = carousel_from_thread(thread("A hook. With a subtitle here.", "1) Point\nThe body of it."))
    carousel.slides[1].alt_text = "My own description"
    texts = alt_texts(carousel)
    assert len(texts) == len(carousel.slides)
    assert texts[1] == "My own description"
    assert carousel.cta.headline in texts[-1]


# -- the studio's shared state across a restart ------------------------------------------------------

def test_studio_reopens_the_last_project_with_its_undo_history(tmp_path):
    from studio.app import Studio
    first = Studio(tmp_path)
    assert first.document.project_id is None  # the sample is not saved until it is edited
    first.document.set_setting("theme", "midnight")
    first.document.rename("Kept across restarts")
    first.autosaver.flush()
    again = Studio(tmp_path)
    ws = again.document
    assert (ws.carousel.name, ws.carousel.theme) == ("Kept across restarts", "midnight")
    assert ws.project_id == first.document.project_id
    assert ws.undo() and ws.carousel.name != "Kept across restarts" and ws.carousel.theme == "midnight"
    assert ws.undo() and ws.carousel.theme == "paper"


def test_opening_a_project_is_not_an_edit_and_writes_nothing(tmp_path):
    """Starting the studio reopens the last project, and the projects list opens another: neither writes
    the project again (its "updated" time stays); the first edit after opening is saved."""
    from studio.app import Saved, Studio
    first = Studio(tmp_path)
    first.document.rename("Written once")
    first.autosaver.flush()
    kept = first.document.project_id
    first.projects.new()
    first.document.rename("The other one")
    first.autosaver.flush()
    other = first.document.project_id
    first.close()
    files = {p.name: p.read_bytes() for p in (tmp_path / "projects").iterdir()}

    again = Studio(tmp_path)  # reopens "The other one"
    saved = []
    again.subscribe(lambda event: saved.append(event) if isinstance(event, Saved) else None)
    again.autosaver.flush()
    again.projects.open(kept)
    again.autosaver.flush()
    assert again.document.project_id == kept and again.document.carousel.name == "Written once"
    assert saved == [] and {p.name: p.read_bytes() for p in (tmp_path / "projects").iterdir()} == files
    third = Studio(tmp_path)
    assert third.document.project_id == kept  # still the one opened last
    third.close()

    again.document.rename("Edited after opening")
    again.autosaver.flush()
    assert saved == [Saved(kept)] and other != kept


def test_old_exports_are_pruned(tmp_path):
    import os
    from studio.app import Studio
    studio = Studio(tmp_path)
    studio.exports_dir.mkdir(parents=True, exist_ok=True)
    for n in range(25):
        path = studio.exports_dir / f"{n:02d}.pdf"
        path.write_bytes(b"%PDF")
        os.utime(path, (1_700_000_000 + n, 1_700_000_000 + n))
    studio.prune_exports(keep=20)
    assert sorted(p.name for p in studio.exports_dir.iterdir()) == [f"{n:02d}.pdf" for n in range(5, 25)]


def test_keystrokes_coalesce_by_the_injected_clock(ws):
    original = ws.carousel.slides[1].body
    now = [100.0]
    doc = Document(ws.carousel, clock=lambda: now[0])
    doc.set_slide_text(1, body="a")
    now[0] += 1.0  # within the coalescing gap: the same undo step
    doc.set_slide_text(1, body="ab")
    now[0] += 5.0  # a pause: a new step
    doc.set_slide_text(1, body="abc")
    doc.undo()
    assert doc.carousel.slides[1].body == "ab"
    doc.undo()
    assert doc.carousel.slides[1].body == original


def test_the_studio_announces_saved_and_save_failed(tmp_path, monkeypatch):
    from studio.app import Saved, SaveFailed, Studio
    from studio.store import StoreError
    studio = Studio(tmp_path)
    seen = []
    studio.subscribe(seen.append)
    studio.document.rename("Saved once")
    studio.autosaver.flush()
    assert seen[-1] == Saved(studio.document.project_id)

    def full(*args, **kwargs):
        raise StoreError("the disk is full")
    monkeypatch.setattr(studio.store.projects, "save", full)
    studio.document.rename("Not saved")
    studio.autosaver.flush()
    assert seen[-1] == SaveFailed(studio.document.project_id, "the disk is full")
    assert studio.carousel.name == "Not saved"  # the edit itself is kept
