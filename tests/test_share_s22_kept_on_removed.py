"""Share mode: a keystroke that reaches a slide someone's undo (or delete) took out, before the typist's page heard of
it, is never dropped: it is kept with the slide (a redo, or an undo of the delete, brings it back) and the typist is
told who took the slide out, their typing quoted."""
from __future__ import annotations

import dataclasses

import pytest

from studio.app.sample import sample_carousel
from studio.share.document import SharedDocument
from studio.share.sync import Channel, TextBox
from studio.slide import Slide
from ui_helpers import click, trigger, until

pytestmark_ui = pytest.mark.nicegui_main_file("tests/share_main.py")


@dataclasses.dataclass
class Scene:
    """Ada and Bob share a carousel with a fresh slide in it; Bob's page has a box on its title."""
    hub: SharedDocument
    ada: object
    bob: object
    slide: str
    channel: Channel
    box: TextBox
    outbox: list
    told: list[str]

    def send(self, message: dict) -> None:
        """Bob's page sends ``message`` (a box's edit) to the server."""
        self.channel.edit(message["slide"], message["field"], message["edits"], message["base"], message["seq"])

    def deliver(self) -> list:
        """What the server sent Bob's page reaches its box; the box's answers (its next edits)."""
        answers = [self.box.receive(sent) for sent in self.outbox]
        self.outbox.clear()
        return [a for a in answers if a]

    def take_out(self, how: str) -> None:
        """Ada takes the fresh slide out: by an undo of its adding, or by deleting it."""
        if how == "undo":
            assert self.ada.undo(who="Ada")
        else:
            carousel = self.ada.carousel()
            self.ada.commit(dataclasses.replace(carousel, slides=[s for s in carousel.slides if s.title != "Fresh"]),
                            who="Ada")

    def bring_back(self, how: str) -> None:
        """Ada brings the slide back: a redo of the undo, or an undo of the delete."""
        assert (self.ada.redo if how == "undo" else self.ada.undo)(who="Ada")


def _scene(wake=None) -> Scene:
    hub = SharedDocument(sample_carousel())
    ada, bob = hub.replica("ada", capture_ms=0), hub.replica("bob", capture_ms=0)
    carousel = ada.carousel()
    ada.commit(dataclasses.replace(carousel, slides=[*carousel.slides[:2], Slide(title="Fresh"), *carousel.slides[2:]]))
    bob.pull()
    slide = bob.slide_ids()[2]
    outbox: list = []
    told: list[str] = []
    channel = Channel(bob, outbox.append, wake, told.append)
    box = TextBox(slide, "title")
    channel.watch(slide, "title")
    box.receive(outbox.pop())
    return Scene(hub, ada, bob, slide, channel, box, outbox, told)


@pytest.fixture
def scene() -> Scene:
    return _scene()


@pytest.mark.parametrize("how, notice", [
    ("undo", "Ada's undo took out the slide you were typing in. Your typing is kept with it and comes back if they "
             "redo: “ idea”"),
    ("delete", "Ada deleted the slide you were typing in. Your typing is kept with it (undoing the delete brings it "
               "back): “ idea”"),
])
def test_typing_reaching_a_slide_taken_out_is_kept_the_typist_told_and_it_comes_back_with_the_slide(
        scene, how, notice):
    message = scene.box.type("Fresh idea")  # on its way when Ada takes the slide out
    scene.take_out(how)
    assert scene.slide not in scene.hub.slide_ids()
    scene.channel.refresh()  # Bob's replica hears of it first
    scene.send(message)
    assert scene.told == [notice]
    assert scene.slide not in scene.hub.slide_ids()
    scene.bring_back(how)
    scene.bob.pull()
    hub, slide = scene.hub, scene.slide
    assert hub.text(slide, "title") == scene.ada.text(slide, "title") == scene.bob.text(slide, "title") == "Fresh idea"
    assert scene.ada.carousel() == scene.bob.carousel() == hub.carousel()
    assert [s.title for s in hub.carousel().slides].count("Fresh idea") == 1


def test_several_keystrokes_reaching_the_taken_out_slide_come_back_in_the_order_typed(scene):
    first = scene.box.type("Fresh i")
    scene.take_out("undo")
    scene.channel.refresh()
    scene.box.type("Fresh id")  # typed while the first is in flight
    scene.box.type("Fresh idea")
    scene.deliver()
    answer = [first]
    while answer:  # each answer lets the box send what it typed since
        scene.send(answer.pop())
        answer += scene.deliver()
    assert scene.told and scene.told[-1].endswith("“ idea”")
    scene.bring_back("undo")
    scene.bob.pull()
    assert scene.hub.text(scene.slide, "title") == scene.bob.text(scene.slide, "title") == "Fresh idea"


def test_kept_typing_of_a_closed_tab_comes_back_through_the_redoer(scene):
    message = scene.box.type("Fresh idea")
    scene.take_out("undo")
    scene.channel.refresh()
    scene.send(message)
    scene.channel.close()
    scene.bob.disconnect()  # Bob's tab is gone
    scene.bring_back("undo")
    assert scene.hub.text(scene.slide, "title") == "Fresh idea"


@pytestmark_ui
async def test_a_browsers_keystroke_after_anothers_undo_is_told_and_comes_back_with_the_redo(
        studio_data, create_user, testid):
    from test_share_ui import person, texts
    from components.app import current_studio
    from components.shared_text import _TEXTS
    ada = await person(create_user, "Ada Lovelace")
    bob = await person(create_user, "Bob")
    studio = current_studio()
    await until(lambda: len(texts(ada, testid, "face")) == 2 and len(texts(bob, testid, "face")) == 2)
    count = len(studio.document.carousel.slides)
    trigger(ada, testid(ada, "slide-thumb")[2], "click")
    click(ada, testid(ada, "add-slide")[0])
    await until(lambda: len(studio.document.carousel.slides) == count + 1)
    added = studio.document.carousel.slides
    new = next(i for i in range(count + 1) if i >= len(sample_carousel().slides) or added[i] != sample_carousel().slides[i])
    slide = studio.document.hub.slide_ids()[new]
    trigger(bob, testid(bob, "slide-thumb")[new], "click")
    (bob_title,) = testid(bob, "slide-title")
    await until(lambda: bob_title.slide == slide)
    texts_of_bob = next(t for t in list(_TEXTS.values()) if bob_title in t.boxes)
    base = texts_of_bob.channel.versions[(slide, "title")]
    shown = texts_of_bob.channel.sent[(slide, "title")][base].text
    click(ada, testid(ada, "undo")[0])  # Ada's undo arrives first; Bob's page has not heard it
    await until(lambda: slide not in studio.document.hub.slide_ids())
    trigger(bob, bob_title, "edit", {"slide": slide, "edits": [[len(shown), len(shown), "Bob's line"]],
                                     "base": base, "seq": 1})
    notices = lambda: [m for u in (ada, bob) for m in u.notify.messages if "undo took out" in m]  # noqa: E731
    await until(lambda: notices())
    assert notices() == ["Ada Lovelace's undo took out the slide you were typing in. Your typing is kept with it "
                         "and comes back if they redo: “Bob's line”"]
    click(ada, testid(ada, "redo")[0])
    await until(lambda: slide in studio.document.hub.slide_ids())
    await until(lambda: studio.document.carousel.slides[new].title == shown + "Bob's line")


def test_a_box_on_a_deleted_slide_reads_empty_and_typing_after_it_heard_goes_after_the_text_it_showed():
    scene = _scene(wake=lambda: None)
    message = scene.box.type("Fresh idea")
    scene.take_out("delete")
    scene.channel.refresh()  # the box hears its slide is gone ("") with its typing still in flight
    scene.deliver()
    scene.send(message)
    scene.deliver()
    assert scene.box.value == "" and scene.box.in_flight is None  # like every box of a gone slide
    scene.send(scene.box.type("!"))  # typed on the "" it shows
    assert scene.told[-1].endswith("“!”")
    scene.bring_back("delete")
    assert scene.hub.text(scene.slide, "title") == "Fresh idea!"
