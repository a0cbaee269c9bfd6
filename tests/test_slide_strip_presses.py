"""Alt+Left/Right presses that the socket delivers late, twice or not at all (assets/slide_strip.js sends each press
again, with those before it still unanswered, until answered): the server applies each once, in the order pressed,
and answers the last; a press while a long strip is hidden for its redraw is not dropped."""
from __future__ import annotations

import json

from test_slide_strip_keys import long_strip_mid_drawing, slide_name, strip_of, strip_row, told
from ui_helpers import until


def sent(user, row, args: dict) -> None:
    """``reorder`` as the socket hands it to NiceGUI (``Client.handle_event``: an element that ignores events, e.g.
    a hidden one, never hears it)."""
    listener = next(h for h in row._event_listeners.values() if h.type == "reorder")
    with user:
        row.client.handle_event({"id": row.id, "listener_id": listener.id, "args": [json.dumps(args)]})


async def test_presses_late_or_twice_are_applied_once_each_in_the_order_pressed(studio, testid):
    """Press 1 was lost (sent into a connection the server had closed): press 2 carries it. Press 1 then comes late, and press
    2 again (sent again before its answer came): nothing more moves, and the answer names press 2 (the page waited
    for it: before, it was told press 1 last, and the late copy moved the slide a third place)."""
    doc = studio.shared.document
    row = strip_row(studio, testid)
    moving = doc.carousel.slides[1]
    name = slide_name(studio, testid, 1)
    second = {"slide": name, "step": 1, "key": 2, "earlier": [[1, name, 1]], "session": "a"}
    sent(studio, row, second)
    assert doc.carousel.slides.index(moving) == 3
    sent(studio, row, {"slide": name, "step": 1, "key": 1, "earlier": [], "session": "a"})  # late
    sent(studio, row, second)  # again
    assert doc.carousel.slides.index(moving) == 3
    await until(lambda: (row.props.get("focus") or {}).get("seq") == 2)
    assert told(studio, testid) == {"slide": 3, "seq": 2} and row.props["focus"]["session"] == "a"
    # Alt+Left, Alt+Right, Alt+Left: in the order pressed, wherever they come (at the start, the first Alt+Left
    # first would be clamped there and the slide would end one place further on)
    first = doc.carousel.slides[0]
    name = slide_name(studio, testid, 0)
    presses = [[3, name, -1], [4, name, 1], [5, name, -1]]
    sent(studio, row, {"slide": name, "step": -1, "key": 5, "earlier": presses[:2], "session": "a"})
    sent(studio, row, {"slide": name, "step": 1, "key": 4, "earlier": presses[:1], "session": "a"})
    assert doc.carousel.slides[0] is first
    # the row drawn again on the page (a new session) counts its presses from 1 again
    sent(studio, row, {"slide": name, "step": 1, "key": 1, "earlier": [], "session": "b"})
    assert doc.carousel.slides[1] is first
    await until(lambda: row.props["focus"]["session"] == "b")
    assert told(studio, testid) == {"slide": 1, "seq": 1}


async def test_a_press_while_a_long_strip_is_hidden_for_its_redraw_moves_the_slide(studio, testid, monkeypatch):
    """A strip of over 25 slides is hidden while it empties for a redraw; NiceGUI dropped the messages of a hidden
    element, so a press then (the focus fallen to the page, which the strip takes for one more step) moved nothing
    and was never answered."""
    doc = studio.shared.document
    row, strip, heard, draws = await long_strip_mid_drawing(studio, testid, monkeypatch)
    monkeypatch.undo()
    await until(lambda: not row.visible)  # emptied, hidden meanwhile
    moving = doc.carousel.slides[2]
    name = strip.moves.names.name(moving)  # (its thumbnail's data-slide: the items are going)
    sent(studio, row, {"slide": name, "step": 1, "key": 1, "earlier": [], "session": "a"})
    assert doc.carousel.slides[3] is moving
    await until(lambda: "focus" in row.props)
    assert told(studio, testid) == {"slide": 3, "seq": 1}


async def test_a_drag_sent_again_or_late_moves_the_slide_once_to_where_it_was_let_go(studio, testid):
    """A drag let go is a press too (assets/slide_strip.js sends it again until answered): its copies move the slide
    once, in front of the slide it was let go before, and the answer names it (a drag lost on a dead socket was lost:
    no copy came, and the server did not know a drag by its number)."""
    doc = studio.shared.document
    row = strip_row(studio, testid)
    slides = list(doc.carousel.slides)
    name, before = slide_name(studio, testid, 1), slide_name(studio, testid, 4)
    drag = {"slide": name, "step": {"to": 3, "before": before}, "key": 1, "earlier": [], "session": "d"}
    sent(studio, row, drag)
    sent(studio, row, drag)  # again: its answer had not come yet
    assert doc.carousel.slides == slides[:1] + slides[2:4] + [slides[1]] + slides[4:]
    await until(lambda: (row.props.get("focus") or {}).get("seq") == 1)
    assert row.props["focus"]["session"] == "d"
    # a key press after it carries the drag still unanswered: the drag is not made twice
    press = {"slide": name, "step": -1, "key": 2, "earlier": [[1, name, drag["step"]]], "session": "d"}
    sent(studio, row, press)
    assert doc.carousel.slides == slides[:1] + slides[2:3] + [slides[1]] + slides[3:]
    await until(lambda: row.props["focus"]["seq"] == 2)


async def test_a_drag_let_go_where_it_was_taken_from_draws_the_strip_again(studio, testid):
    """A drag that moves nothing (let go past the outro, which stays last) is answered, and the strip drawn again:
    the page's thumbnails, shifted while they waited, go back at once."""
    doc = studio.shared.document
    row = strip_row(studio, testid)
    strip = strip_of(row)
    slides = list(doc.carousel.slides)
    last = len(slides) - 2  # the last slide before the outro
    rebuilds = strip._rebuilds
    sent(studio, row, {"slide": slide_name(studio, testid, last), "step": {"to": last + 1}, "key": 1,
                       "earlier": [], "session": "e"})
    assert doc.carousel.slides == slides
    assert strip._rebuilds > rebuilds
    await until(lambda: (row.props.get("focus") or {}).get("seq") == 1)


async def test_a_drag_of_a_slide_gone_meanwhile_moves_nothing_and_is_answered(studio, testid):
    doc = studio.shared.document
    row = strip_row(studio, testid)
    name = slide_name(studio, testid, 2)
    doc.delete_slide(2)  # someone else deletes it
    slides = list(doc.carousel.slides)
    sent(studio, row, {"slide": name, "step": {"to": 0, "before": slide_name(studio, testid, 0)}, "key": 1,
                       "earlier": [], "session": "f"})
    assert doc.carousel.slides == slides
    await until(lambda: (row.props.get("focus") or {}).get("seq") == 1)


async def test_a_message_listing_thousands_of_presses_draws_the_strip_once_and_makes_a_few(studio, testid):
    """A hostile (or broken) page lists 2,000 unanswered drags that move nothing, or 2,000 Alt+Arrow presses, in one
    message: the strip is drawn once, and only the first few are made (a real page's next copy carries the rest).
    Before, each one was made and drew the strip again, and every other browser waited seconds for the server."""
    from components.slide_moves import Presses
    row = strip_row(studio, testid)
    strip = strip_of(row)
    name, behind = slide_name(studio, testid, 2), slide_name(studio, testid, 3)
    in_place = {"to": 2, "before": behind}
    rebuilds = strip._rebuilds
    sent(studio, row, {"slide": name, "step": in_place, "key": 2000, "session": "h",
                       "earlier": [[i, name, in_place] for i in range(1, 2000)]})
    assert strip._rebuilds == rebuilds + 1
    await until(lambda: (row.props.get("focus") or {}).get("seq") == Presses.MOST)
    said, rebuilds = strip._said, strip._rebuilds
    sent(studio, row, {"slide": name, "step": 1, "key": 2000, "session": "k",
                       "earlier": [[i, name, 1 if i % 2 else -1] for i in range(1, 2000)]})
    assert strip._said == said + Presses.MOST  # each made moves the slide (there and back)
    assert strip._rebuilds <= rebuilds + 1
    await until(lambda: (row.props.get("focus") or {}).get("seq") == Presses.MOST)
    # the page's next copy carries the rest: the next few are made
    sent(studio, row, {"slide": name, "step": 1, "key": 2000, "session": "k",
                       "earlier": [[i, name, 1 if i % 2 else -1] for i in range(1, 2000)]})
    assert strip._said == said + 2 * Presses.MOST
