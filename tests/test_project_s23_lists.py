"""No list in a project file can be inflated: a slide lists each post of the thread once (repeats and ids of no
post dropped, said at open), a post keeps at most MAX_POST_IMAGES photos, a file holds at most MAX_PROJECT_VALUES
values; every door that opens a project (upload, command line, the store) keeps those caps. A slide's layout is
keyed by the one post it draws, never by walking its list (attacker s23: one post id listed 200,000 times held the
studio's event loop 9 s on open, 13 s on a theme click)."""
from __future__ import annotations

import base64
import io
import json
import sys

import pytest
from PIL import Image as PILImage

from studio import limits, render
from studio.app import Studio
from studio.app.sample import sample_carousel
from studio.project_file import carousel_to_json
from studio.sources import SourceError, read_project
from ui_helpers import open_project_file

REPEATS = 5_000


def project(change) -> bytes:
    """The sample carousel as a hand-made file, ``change`` applied to its JSON."""
    doc = json.loads(carousel_to_json(sample_carousel()))
    doc["carousel"]["name"] = "Ferns"
    change(doc["carousel"])
    return json.dumps(doc).encode()


def post_id(carousel: dict, n: int) -> str:
    return carousel["thread"]["posts"][n]["id"]


def repeated(carousel: dict) -> None:
    """Slide 2 lists post 1 REPEATS times and post 2 in between."""
    first, second = post_id(carousel, 0), post_id(carousel, 1)
    carousel["slides"][1]["post_ids"] = [first] * (REPEATS // 2 - 1) + [second] + [first, second] * (REPEATS // 4)


def test_a_slide_lists_each_post_once_in_its_order_and_the_open_notice_says_so():
    notes: list[str] = []
    carousel = read_project(project(repeated), notes)
    posts = carousel.thread.posts
    assert carousel.slides[1].post_ids == [posts[0].id, posts[1].id]
    told = [n for n in notes if "slide 2 listed a post more than once" in n]
    assert len(told) == 1 and f"{REPEATS - 2:,} repeats" in told[0] and "every word is kept" in told[0]
    assert [s.post_ids for s in carousel.slides[2:]] == [s.post_ids for s in sample_carousel().slides[2:]]
    quiet: list[str] = []
    read_project(carousel_to_json(sample_carousel()).encode(), quiet)  # a file the studio wrote: no note
    assert quiet == []


def test_ids_of_no_post_are_dropped_with_a_note_naming_them():
    def unknown(carousel: dict) -> None:
        carousel["slides"][2]["post_ids"] = ["ghost-1", post_id(carousel, 1), "ghost-2"]
        carousel["slides"][4]["post_ids"] = ["ghost-3"]

    notes: list[str] = []
    carousel = read_project(project(unknown), notes)
    assert carousel.slides[2].post_ids == [carousel.thread.posts[1].id] and carousel.slides[4].post_ids == []
    (told,) = [n for n in notes if "does not hold" in n]
    assert told.startswith("slides 3 and 5 listed posts the file's thread does not hold")
    assert all(repr(ghost) in told for ghost in ("ghost-1", "ghost-2", "ghost-3"))


def test_a_file_without_a_thread_keeps_no_post_id():
    def no_thread(carousel: dict) -> None:
        carousel["slides"][1]["post_ids"] = ["1", "2"]
        carousel["thread"] = None

    notes: list[str] = []
    carousel = read_project(project(no_thread), notes)
    assert all(not slide.post_ids for slide in carousel.slides)
    assert any("'1', '2'" in n and "dropped" in n for n in notes)


def _png(colour: tuple[int, int, int]) -> dict:
    buffer = io.BytesIO()
    PILImage.new("RGB", (8, 8), colour).save(buffer, "PNG")
    return {"data": base64.b64encode(buffer.getvalue()).decode(), "mime": "image/png", "width": 8, "height": 8}


def test_a_post_keeps_its_first_photos_up_to_the_cap_and_says_how_many_went():
    photos = [_png((i, 0, 0)) for i in range(limits.MAX_POST_IMAGES + 5)]

    def many(carousel: dict) -> None:
        carousel["thread"]["posts"][1]["images"] = photos

    notes: list[str] = []
    carousel = read_project(project(many), notes)
    kept = carousel.thread.posts[1].images
    assert [image.data for image in kept] == [base64.b64decode(p["data"]) for p in photos[:limits.MAX_POST_IMAGES]]
    (told,) = [n for n in notes if "photos" in n]
    assert told.startswith("post 2 of the carousel's thread") and f"has {len(photos)} photos" in told
    assert "the other 5 dropped" in told


def test_a_file_of_more_values_than_any_carousel_holds_is_refused_before_any_other_work(monkeypatch):
    from studio.sources import project as door

    monkeypatch.setattr(door, "MAX_PROJECT_VALUES", 2_000)  # the real cap, 1,000,000, takes a 6 MB file to pass
    read_project(carousel_to_json(sample_carousel()).encode())  # a usual file is well under it
    with pytest.raises(SourceError) as refused:
        read_project(project(repeated))
    assert str(refused.value) == ("not a carousel file: the JSON holds more than 2,000 values (texts, numbers, "
                                  "list items); a carousel file at every cap holds about 130,000")


def test_a_slide_s_layout_is_keyed_by_the_post_it_draws_not_by_walking_its_list(monkeypatch):
    carousel = read_project(carousel_to_json(sample_carousel()).encode())
    slide = carousel.slides[1]
    slide.post_ids = [slide.post_ids[0]] * 100_000  # as no door gives it: the key must not walk the list
    slide.layout = "post-card"
    walked = 0
    sig = render._sig

    def counting(value):
        nonlocal walked
        walked += 1
        return sig(value)

    render.clear_cache()
    monkeypatch.setattr(render, "_sig", counting)
    render.lay_out_slide(carousel, 1)
    assert walked < 10_000
    drawn = render.render_slide(carousel, 1)
    carousel.thread.posts[0].author_name = "Ada Fern"  # the post the card draws: a new key, drawn again
    assert "Ada Fern" not in drawn and "Ada Fern" in render.render_slide(carousel, 1)


def test_render_of_a_file_listing_a_post_again_and_again_says_so_and_renders(tmp_path, capsys, monkeypatch):
    from studio.cli import main

    source = tmp_path / "ferns.json"
    source.write_bytes(project(repeated))
    out = tmp_path / "ferns.pdf"
    monkeypatch.setattr(sys, "argv", ["carousel-studio", "render", str(source), "-o", str(out)])
    assert main() == 0
    err = capsys.readouterr().err
    assert "warning: slide 2 listed a post more than once" in err and "Traceback" not in err
    assert out.read_bytes().startswith(b"%PDF")


def test_a_stored_project_listing_a_post_again_and_again_opens_with_it_once(tmp_path):
    studio = Studio(tmp_path / "data")
    studio.projects.open_file(sample_carousel())
    first = studio.carousel.slides[1].post_ids[0]
    studio.close()
    for path in (tmp_path / "data" / "projects").glob("*.json*"):
        if path.name.endswith(".history.json"):
            continue
        doc = json.loads(path.read_text())
        doc["carousel"]["slides"][1]["post_ids"] = [first] * REPEATS
        path.write_text(json.dumps(doc))
    again = Studio(tmp_path / "data")
    assert again.carousel.slides[1].post_ids == [first]
    again.close()


async def test_the_studio_opens_such_a_file_with_a_notice_and_the_post_card_names_each_slide_once(studio):
    await open_project_file(studio, project(repeated))
    await studio.should_see("slide 2 listed a post more than once")
    posts = studio.shared.document.carousel.thread.posts
    assert studio.shared.document.carousel.slides[1].post_ids == [posts[0].id, posts[1].id]
    await studio.should_not_see("slide 2, slide 2")


def test_an_undo_history_read_back_lists_each_post_once():
    from studio.history import History

    carousel = sample_carousel()
    first = carousel.slides[1].post_ids[0]
    carousel.slides[1].post_ids = [first] * REPEATS  # as an old history may hold it
    history = History.from_doc(History(carousel).to_doc())
    assert history.current.slides[1].post_ids == [first]
