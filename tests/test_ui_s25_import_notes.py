"""The reader's notes on an import (a quoted post left out, photos a copied page does not carry) are told once the
posts are in a project, in a notice that stays until closed; while "New project / Add these posts" is asked they
are not shown (on a phone they covered those buttons and said "Imported" before anything was)."""
from __future__ import annotations

from pathlib import Path

from nicegui.testing.user_notify import UserNotify

from background import running
from ui_helpers import click, until

PAGE = (Path(__file__).parent / "fixtures" / "sources" / "copied-page-logged-out.txt").read_text(encoding="utf-8")


class Notices(UserNotify):
    """NiceGUI's notice recorder, keeping each notice's options too."""

    def __init__(self) -> None:
        super().__init__()
        self.options: dict[str, dict] = {}

    def __call__(self, message: str, **kwargs) -> None:
        super().__call__(message, **kwargs)
        self.options[message] = kwargs


def notes(studio) -> list[str]:
    return [m for m in studio.notify.messages if "with notes" in m]


async def ask_where(studio, testid) -> None:
    doc = studio.shared.document
    doc.set_slide_text(1, body="My own words on slide two.")  # a project with slides of its own: the choice is asked
    studio.notify = Notices()
    testid(studio, "source-input")[0].value = PAGE
    click(studio, testid(studio, "source-import")[0])
    await until(lambda: testid(studio, "import-ask-new"), timeout=60)


async def test_notes_wait_for_the_choice_then_stay_until_closed(studio, testid):
    await ask_where(studio, testid)
    assert notes(studio) == []  # nothing imported yet: nothing said over the question
    click(studio, testid(studio, "import-ask-new")[0])
    await until(lambda: notes(studio), timeout=60)
    (told,) = notes(studio)
    assert told.startswith("Imported with notes:")
    assert "left out the quoted post by @jonpark" in told and "1 post had photos or videos" in told
    assert "Translate post" in told  # every note, none cut to "(and 1 more)"
    options = studio.notify.options[told]
    assert options["timeout"] == 0 and options["close_button"]  # stays until the creator closes it
    assert any("imported and laid out" in m for m in studio.notify.messages)


async def test_adding_the_posts_tells_the_notes_after_they_are_added(studio, testid):
    await ask_where(studio, testid)
    posts = len(studio.shared.document.carousel.thread.posts)
    click(studio, testid(studio, "import-ask-add")[0])
    await until(lambda: notes(studio), timeout=60)
    assert len(studio.shared.document.carousel.thread.posts) > posts
    assert studio.notify.messages.index(notes(studio)[0]) > 0  # after "N posts added to the cards"


async def test_a_dismissed_question_imports_nothing_and_tells_no_notes(studio, testid):
    await ask_where(studio, testid)
    (dialog,) = testid(studio, "import-ask")
    dialog.submit(None)
    await until(lambda: not running("ask where the thread goes"))
    await until(lambda: not testid(studio, "import-ask-new"), timeout=60)
    assert notes(studio) == []
