"""No edit makes a carousel of more than MAX_SLIDES slides or a project of more than MAX_POSTS posts: duplicating,
adding, splitting, dropping a post, adding posts or laying out a thread are refused at the door with the studio's
message, in plain and share mode, so the studio never autosaves a project its own reader refuses."""
from __future__ import annotations

import copy
import dataclasses

import pytest

from studio.app.document import Document, EditError
from studio.app.imports import Imports
from studio.app.sample import sample_carousel
from studio.limits import MAX_POSTS, MAX_SLIDES
from studio.project_file import carousel_to_json
from studio.share.codocument import CoDocument
from studio.slide import Slide
from studio.sources.project import read_project


def full_carousel(extra_post: bool = False):
    """The sample with MAX_SLIDES slides (content slides copied in front of the outro)."""
    carousel = sample_carousel()
    content = next(s for s in carousel.slides if s.kind == "content")
    while len(carousel.slides) < MAX_SLIDES:
        carousel.slides.insert(1, dataclasses.replace(copy.deepcopy(content), post_ids=[]))
    if extra_post:  # a post with no slide of its own, to drop onto the strip
        post = copy.deepcopy(carousel.thread.posts[1])
        post.id, post.text = "loose", "A post with no slide yet."
        carousel.thread.posts.append(post)
    return carousel


DOORS = {"add": lambda d: d.add_slide(2, origin="ada"),
         "duplicate": lambda d: d.duplicate_slide(1, origin="ada"),
         "split": lambda d: d.split_slide(1, origin="ada"),
         "drop a post": lambda d: d.insert_post_as_slide("loose", 2, origin="ada")}


@pytest.mark.parametrize("cls", [Document, CoDocument])
@pytest.mark.parametrize("door", DOORS, ids=list(DOORS))
def test_no_door_makes_more_slides_than_the_cap(cls, door):
    doc = cls(full_carousel(extra_post=True))
    before = carousel_to_json(doc.carousel)
    with pytest.raises(EditError, match=f"at most {MAX_SLIDES} slides") as refused:
        DOORS[door](doc)
    assert "301" in str(refused.value)
    assert carousel_to_json(doc.carousel) == before
    assert len(read_project(before.encode()).slides) == MAX_SLIDES  # what autosave keeps opens again


@pytest.mark.parametrize("door", DOORS, ids=list(DOORS))
def test_under_the_cap_every_door_still_adds_a_slide(door):
    carousel = full_carousel(extra_post=True)
    del carousel.slides[1]
    doc = Document(carousel)
    DOORS[door](doc)
    assert len(doc.carousel.slides) == MAX_SLIDES


def test_duplicating_again_and_again_stops_at_the_cap():
    doc = Document(sample_carousel())
    with pytest.raises(EditError, match=f"at most {MAX_SLIDES} slides"):
        for _ in range(MAX_SLIDES + 5):
            doc.duplicate_slide(1)
    assert len(doc.carousel.slides) == MAX_SLIDES
    assert len(read_project(carousel_to_json(doc.carousel).encode()).slides) == MAX_SLIDES


def many_posts(count: int):
    thread = copy.deepcopy(sample_carousel().thread)
    post = thread.posts[1]
    thread.posts = [dataclasses.replace(copy.deepcopy(post), id=f"n{i}", text=f"Point {i}.") for i in range(count)]
    return thread


@pytest.mark.parametrize("cls", [Document, CoDocument])
def test_adding_posts_past_the_cap_is_refused(cls, tmp_path):
    doc = cls(sample_carousel())
    before = carousel_to_json(doc.carousel)
    with pytest.raises(EditError, match=f"at most {MAX_POSTS} posts"):
        Imports(doc, tmp_path).add_posts(many_posts(MAX_POSTS), origin="ada")
    assert carousel_to_json(doc.carousel) == before


def test_a_thread_that_lays_out_past_the_slide_cap_is_refused(tmp_path):
    """The most posts an import takes lay out as the most slides a carousel holds (with the outro); one more post
    (a thread from elsewhere than an import) would be one slide too many."""
    doc = Document(sample_carousel())
    doc.set_slide_text(1, title="Mine")
    imports = Imports(doc, tmp_path)
    with pytest.raises(EditError, match=f"at most {MAX_SLIDES} slides"):
        imports.lay_out(many_posts(MAX_POSTS + 1), origin="ada")
    with pytest.raises(EditError, match=f"at most {MAX_SLIDES} slides"):
        imports.new_project(many_posts(MAX_POSTS + 1))
    assert doc.carousel.slides[1].title == "Mine"
    imports.lay_out(many_posts(MAX_POSTS), origin="ada")
    assert len(doc.carousel.slides) == MAX_SLIDES


def test_an_old_project_over_the_cap_may_still_shrink():
    carousel = full_carousel()
    carousel.slides.insert(1, Slide(kind="content", title="One too many", body="x"))
    doc = Document(carousel)
    doc.delete_slide(1)
    assert len(doc.carousel.slides) == MAX_SLIDES


def test_the_command_line_refuses_a_thread_over_the_post_cap(tmp_path, capsys):
    from studio.cli import main
    path = tmp_path / "t.txt"
    path.write_text("\n\n".join(f"Point {i} of the thread, one sentence." for i in range(MAX_POSTS + 1)))
    code = main(["render", str(path), "-o", str(tmp_path / "out.pdf"), "--data-dir", str(tmp_path / "d")])
    assert code == 2
    assert f"at most {MAX_POSTS}" in capsys.readouterr().err
    assert not (tmp_path / "out.pdf").exists()


def test_the_outro_is_not_duplicated():
    """Duplicate with the outro selected had made two outros, the first of them mid-carousel."""
    doc = Document(sample_carousel())
    last = len(doc.carousel.slides) - 1
    with pytest.raises(EditError, match="outro cannot be duplicated"):
        doc.duplicate_slide(last)
    assert [s.kind for s in doc.carousel.slides].count("outro") == 1
