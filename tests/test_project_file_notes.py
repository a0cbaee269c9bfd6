"""What a project file needed changed to open (a thread post cut at its caps) reaches the person: the studio's
notice when it is opened there, a warning on the command line."""
from __future__ import annotations


from studio.app.imports import read_input
from studio.post import Post, Thread
from studio.project_file import carousel_to_json
from studio.structure import carousel_from_thread
from ui_helpers import open_project_file

LONG = "x" * 45_004  # one post over the 40,000-character cap, as an older studio saved it


def long_post_project() -> bytes:
    carousel = carousel_from_thread(Thread("t", [Post("a", "Ferns, a thread"), Post("b", "They like shade.")]))
    carousel.thread.posts[1].text = LONG
    carousel.name = "Ferns"
    return carousel_to_json(carousel).encode()


def test_the_command_line_is_told_of_a_post_cut_when_the_project_opens(tmp_path):
    path = tmp_path / "ferns.json"
    path.write_bytes(long_post_project())
    carousel, warnings = read_input(path)
    assert len(carousel.thread.posts[1].text) < len(LONG)
    assert any("post 2" in w and "45,004" in w for w in warnings), warnings


async def test_the_studio_tells_of_a_post_cut_when_the_project_opens(studio):
    await open_project_file(studio, long_post_project())
    await studio.should_see("Opened with changes")
    await studio.should_see("45,004")
