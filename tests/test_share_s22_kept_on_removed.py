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


def _fresh_slide(hub: SharedDocument, ada, bob) -> str:
    carousel = ada.carousel()
    ada.commit(dataclasses.replace(carousel, slides=[*carousel.slides[:2], Slide(title="Fresh"), *carousel.slides[2:]]))
    bob.pull()
    return bob.slide_ids()[2]


def _bobs_box(bob, slide: str, told: list[str]) -> tuple[Channel, TextBox, list]:
    outbox: list = []
    channel = Channel(bob, outbox.append, tell=told.append)
    box = TextBox(slide, "title")
    channel.watch(slide, "title")
    box.receive(outbox.pop())
    return channel, box, outbox


def test_typing_reaching_a_slide_an_undo_took_out_comes_back_with_the_redo_and_the_typist_is_told():
    hub = SharedDocument(sample_carousel())
    ada, bob = hub.replica("ada", capture_ms=0), hub.replica("bob", capture_ms=0)
    slide = _fresh_slide(hub, ada, bob)
    told: list[str] = []
    channel, box, outbox = _bobs_box(bob, slide, told)
    message = box.type("Fresh idea")  # on its way when Ada undoes
    assert ada.undo(who="Ada") and slide not in hub.slide_ids()
    channel.refresh()  # Bob's replica hears of the undo first
    channel.edit(message["slide"], message["field"], message["edits"], message["base"], message["seq"])
    assert told == ["Ada's undo took out the slide you were typing in. Your typing is kept with it and comes back "
                    "if they redo: “ idea”"]
    assert slide not in hub.slide_ids()
    assert ada.redo(who="Ada")
    bob.pull()
    assert hub.text(slide, "title") == ada.text(slide, "title") == bob.text(slide, "title") == "Fresh idea"
    assert ada.carousel() == bob.carousel() == hub.carousel()


def test_several_keystrokes_reaching_the_taken_out_slide_come_back_in_the_order_typed():
    hub = SharedDocument(sample_carousel())
    ada, bob = hub.replica("ada", capture_ms=0), hub.replica("bob", capture_ms=0)
    slide = _fresh_slide(hub, ada, bob)
    told: list[str] = []
    channel, box, outbox = _bobs_box(bob, slide, told)
    first = box.type("Fresh i")
    assert ada.undo(who="Ada")
    channel.refresh()
    box.type("Fresh id")  # typed while the first is in flight
    box.type("Fresh idea")
    for sent in outbox:
        box.receive(sent)
    outbox.clear()
    answer = [first]
    while answer:  # each answer lets the box send what it typed since
        m = answer.pop()
        channel.edit(m["slide"], m["field"], m["edits"], m["base"], m["seq"])
        for sent in outbox:
            again = box.receive(sent)
            if again:
                answer.append(again)
        outbox.clear()
    assert told and told[-1].endswith("“ idea”")
    assert ada.redo(who="Ada")
    bob.pull()
    assert hub.text(slide, "title") == bob.text(slide, "title") == "Fresh idea"


def test_typing_reaching_a_deleted_slide_is_kept_in_it_and_an_undo_of_the_delete_brings_it_back():
    hub = SharedDocument(sample_carousel())
    ada, bob = hub.replica("ada", capture_ms=0), hub.replica("bob", capture_ms=0)
    slide = _fresh_slide(hub, ada, bob)
    told: list[str] = []
    channel, box, _ = _bobs_box(bob, slide, told)
    message = box.type("Fresh idea")
    carousel = ada.carousel()
    ada.commit(dataclasses.replace(carousel, slides=[s for s in carousel.slides if s.title != "Fresh"]), who="Ada")
    channel.refresh()
    channel.edit(message["slide"], message["field"], message["edits"], message["base"], message["seq"])
    assert told == ["Ada deleted the slide you were typing in. Your typing is kept with it (undoing the delete "
                    "brings it back): “ idea”"]
    assert slide not in hub.slide_ids()
    assert ada.undo(who="Ada")
    bob.pull()
    assert hub.text(slide, "title") == bob.text(slide, "title") == "Fresh idea"
    assert [s.title for s in hub.carousel().slides].count("Fresh idea") == 1


def test_kept_typing_of_a_closed_tab_comes_back_through_the_redoer():
    hub = SharedDocument(sample_carousel())
    ada, bob = hub.replica("ada", capture_ms=0), hub.replica("bob", capture_ms=0)
    slide = _fresh_slide(hub, ada, bob)
    told: list[str] = []
    channel, box, _ = _bobs_box(bob, slide, told)
    message = box.type("Fresh idea")
    assert ada.undo(who="Ada")
    channel.refresh()
    channel.edit(message["slide"], message["field"], message["edits"], message["base"], message["seq"])
    channel.close()
    bob.disconnect()  # Bob's tab is gone
    assert ada.redo(who="Ada")
    assert hub.text(slide, "title") == "Fresh idea"


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
    hub = SharedDocument(sample_carousel())
    ada, bob = hub.replica("ada", capture_ms=0), hub.replica("bob", capture_ms=0)
    slide = _fresh_slide(hub, ada, bob)
    told: list[str] = []
    outbox: list = []
    channel = Channel(bob, outbox.append, lambda: None, told.append)
    box = TextBox(slide, "title")
    channel.watch(slide, "title")
    box.receive(outbox.pop())
    message = box.type("Fresh idea")
    carousel = ada.carousel()
    ada.commit(dataclasses.replace(carousel, slides=[s for s in carousel.slides if s.title != "Fresh"]), who="Ada")
    channel.refresh()  # the box hears its slide is gone ("") with its typing still in flight
    for sent in outbox:
        box.receive(sent)
    outbox.clear()
    channel.edit(message["slide"], message["field"], message["edits"], message["base"], message["seq"])
    for sent in outbox:
        box.receive(sent)
    outbox.clear()
    assert box.value == "" and box.in_flight is None  # like every box of a gone slide
    again = box.type("!")  # typed on the "" it shows
    channel.edit(again["slide"], again["field"], again["edits"], again["base"], again["seq"])
    assert told[-1].endswith("“!”")
    assert ada.undo(who="Ada")
    assert hub.text(slide, "title") == "Fresh idea!"
