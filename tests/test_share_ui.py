"""Share mode through NiceGUI's simulated users: presence, propagation, per-person undo, deleted-slide notice."""
from __future__ import annotations

import re

import pytest

from ui_helpers import click, trigger, until

pytestmark = pytest.mark.nicegui_main_file("tests/share_main.py")


async def person(create_user, name: str | None, stored: list | None = None):
    """A browser whose localStorage remembers ``name`` (None: a first visit)."""
    user = create_user()
    user.javascript_rules[re.compile(r".*localStorage\.getItem.*")] = lambda _: name
    user.javascript_rules[re.compile(r".*sessionStorage\.getItem.*")] = lambda _: None  # no project kept yet
    user.javascript_rules[re.compile(r".*localStorage\.setItem\((.*)\)")] = \
        lambda m: stored.append(m.group(1)) if stored is not None else None
    await user.open("/")
    return user


def texts(user, testid, name: str) -> list[str]:
    with user:
        return [e.text for e in testid(user, name)]


@pytest.fixture
async def ada_and_bob(studio_data, create_user, testid):
    from components.app import current_studio
    ada = await person(create_user, "Ada Lovelace")
    bob = await person(create_user, "Bob")
    await until(lambda: len(current_studio().document.slide_ids(None)) and
                len(texts(ada, testid, "face")) == 2 and len(texts(bob, testid, "face")) == 2)
    return ada, bob, current_studio()


async def test_a_first_visit_asks_for_a_name_and_the_browser_remembers_it(studio_data, create_user, testid):
    stored: list[str] = []
    cy = await person(create_user, None, stored)
    await until(lambda: testid(cy, "your-name"))
    (name,) = testid(cy, "your-name")
    name.value = "Cy Twombly"
    (join,) = testid(cy, "join")
    click(cy, join)
    await until(lambda: texts(cy, testid, "face") == ["CT"] and stored)
    assert stored == ['"carousel-studio-name", "Cy Twombly"']


async def test_typing_reaches_the_other_browser_and_both_keep_their_words(ada_and_bob, testid):
    ada, bob, studio = ada_and_bob
    (ada_body,), (bob_body,) = testid(ada, "slide-body"), testid(bob, "slide-body")
    before = ada_body.value
    ada_body.value = before + " Ada"
    await until(lambda: bob_body.value == before + " Ada")
    bob_body.value = "Bob " + before  # Bob's box had not shown Ada's word yet
    await until(lambda: ada_body.value == bob_body.value == "Bob " + before + " Ada")
    assert studio.document.carousel.slides[0].body == "Bob " + before + " Ada"


async def test_undo_takes_back_only_your_own_edit(ada_and_bob, testid):
    ada, bob, studio = ada_and_bob
    count = len(studio.document.carousel.slides)
    trigger(ada, testid(ada, "slide-thumb")[3], "click")
    click(ada, testid(ada, "delete-slide")[0])
    (bob_body,) = testid(bob, "slide-body")
    bob_body.value = "Bob typed this"
    click(bob, testid(bob, "undo")[0])
    await until(lambda: studio.document.carousel.slides[0].body != "Bob typed this")
    assert len(studio.document.carousel.slides) == count - 1  # Ada's delete stays
    click(ada, testid(ada, "undo")[0])
    await until(lambda: len(studio.document.carousel.slides) == count)


async def test_you_are_told_who_deleted_the_slide_you_were_on(ada_and_bob, testid):
    ada, bob, _ = ada_and_bob
    trigger(bob, testid(bob, "slide-thumb")[2], "click")
    trigger(ada, testid(ada, "slide-thumb")[2], "click")
    click(ada, testid(ada, "delete-slide")[0])
    # The simulated users share one ui.notify (the last user touched gets every notice), so this
    # checks the words; test_share_codocument checks that only the person on the slide is told.
    notices = lambda: [m for u in (ada, bob) for m in u.notify.messages if "deleted the slide" in m]  # noqa: E731
    await until(lambda: notices() == ["Ada Lovelace deleted the slide you were on."])


def descendant(element, testid: str):
    return next(e for e in element.descendants() if e.props.get("data-testid") == testid)


async def open_project(user, testid, name: str) -> None:
    """Open the project named ``name`` from the projects dialog."""
    click(user, testid(user, "projects-open")[0])
    await until(lambda: any(name in [e.text for e in row.descendants() if hasattr(e, "text")]
                            for row in testid(user, "project-row")))
    row = next(r for r in testid(user, "project-row") if name in [getattr(e, "text", "") for e in r.descendants()])
    click(user, descendant(row, "project-open"))


async def test_new_and_open_change_only_your_own_project_and_people_on_one_project_co_edit(ada_and_bob, testid):
    ada, bob, studio = ada_and_bob
    (bob_body,) = testid(bob, "slide-body")
    bob_body.value = "Bob's words"
    await until(lambda: studio.document.project_id is not None)
    click(ada, testid(ada, "projects-open")[0])
    with ada:
        new = next(iter(ada.find("New from the sample").elements))
    click(ada, new)
    await until(lambda: testid(ada, "slide-body")[0].value != "Bob's words")
    (ada_name,) = testid(ada, "project-name")
    ada_name.value = "Ada's carousel"
    await until(lambda: "Ada's carousel" in [p.name for p in studio.projects.list()])
    assert bob_body.value == "Bob's words" and studio.document.carousel.slides[0].body == "Bob's words"
    assert studio.document.carousel.name != "Ada's carousel"
    await until(lambda: any("on “Ada's carousel”" in f.props["aria-label"] for f in testid(bob, "face")))

    await open_project(bob, testid, "Ada's carousel")  # Bob joins Ada's project: they co-edit it
    await until(lambda: testid(bob, "project-name")[0].value == "Ada's carousel")
    (ada_body,), (bob_body,) = testid(ada, "slide-body"), testid(bob, "slide-body")
    bob_body.value = "Bob in Ada's carousel"
    await until(lambda: ada_body.value == "Bob in Ada's carousel")
    assert not any(" on “" in f.props["aria-label"] for f in testid(ada, "face"))  # both on one project
    assert studio.document.carousel.slides[0].body == "Bob's words"  # the project Bob left is as he left it


async def test_everyone_sees_who_is_here_and_the_strip_who_is_on_each_slide(ada_and_bob, testid):
    ada, bob, _ = ada_and_bob
    assert texts(ada, testid, "shared-with") == ["You and 1 other"]  # who is here, and how many
    assert texts(bob, testid, "face") == ["AL", "B"]
    trigger(ada, testid(ada, "slide-thumb")[2], "click")
    faces = lambda user: [(i, f.text) for i, t in enumerate(testid(user, "slide-thumb"))  # noqa: E731
                          for f in t.descendants() if f.props.get("data-testid") == "slide-face"]
    await until(lambda: faces(bob) == [(2, "AL")])
    assert ("B", 0) in [(text, i) for i, text in faces(ada)]  # Bob is on the first slide
    trigger(ada, testid(ada, "slide-thumb")[4], "click")
    await until(lambda: faces(bob) == [(4, "AL")])  # it follows her


def test_a_burst_of_someone_elses_keystrokes_redraws_the_picture_once_after_it():
    """Another person's typing sends its text at once and the slide's picture (tens of KB) once it pauses
    (``Settle``): five keystrokes in a row, one redraw, after the last."""
    from components.view import Settle
    from hand_clock import HandClock
    drawn: list[int] = []
    clock = HandClock()
    settle = Settle(lambda: drawn.append(len(drawn)), quiet=0.05, longest=60, clock=clock)
    for _ in range(5):
        settle()
        clock.advance(0.04)
    assert drawn == []
    clock.advance(0.01)
    assert drawn == [0]
    clock.advance(10)
    assert drawn == [0]
