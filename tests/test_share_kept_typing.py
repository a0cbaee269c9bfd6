"""The plain studio's unanswered typing, sent again by the page loaded after it: put back once, on the right text."""
from __future__ import annotations

from hypothesis import given, settings, strategies as st
from property_examples import examples

from components.shared_text import Made, Unanswered, merge_base, put_back_plain
from studio.app import Document
from studio.share.document import rebase
from studio.app.sample import sample_carousel


def typing(slide: str = "", field: str = "body", *, index: int = 1, base: str = "", value: str = "",
           page: str = "page-1") -> Unanswered:
    return Unanswered(key=f"k-{page}-{slide}-{field}-{index}", page=page, project=None, slide=slide, index=index,
                      field=field, base=base, sent=None, seq=0, value=value)


def test_what_the_server_never_heard_is_put_back_once_on_the_text_now():
    doc, made = Document(sample_carousel()), Made()
    body = doc.carousel.slides[1].body
    made.page("page-1")
    made.heard("page-1", ("1", "body"), body + " A")  # the server heard " A" from that box, not " B"
    doc.set_slide_text(1, body=body + " A")
    doc.set_slide_text(1, body="Now: " + body + " A")  # someone else's edit since
    lost = typing(base=body, value=body + " A B")
    put_back_plain(doc, lost, made.heard_last(lost))
    assert doc.carousel.slides[1].body == "Now: " + body + " A B"
    made.heard("page-1", ("1", "body"), body + " A B")  # every letter heard: nothing to put back
    put_back_plain(doc, lost, made.heard_last(lost))
    assert doc.carousel.slides[1].body == "Now: " + body + " A B"


def test_nothing_heard_from_the_box_merges_from_the_text_it_had_before_the_typing():
    doc, made = Document(sample_carousel()), Made()
    title = doc.carousel.slides[2].title
    made.page("page-1")
    lost = typing(field="title", index=2, base=title, value=title + "!")
    put_back_plain(doc, lost, made.heard_last(lost))
    assert doc.carousel.slides[2].title == title + "!"


def test_after_a_restart_the_box_text_is_taken_and_a_moved_slide_is_found_by_its_text():
    doc, made = Document(sample_carousel()), Made()
    body = doc.carousel.slides[2].body
    doc.set_slide_text(2, body=body + " hal")  # saved before the restart: part of the typing
    doc.delete_slide(1)  # the slide moved up
    lost = typing(index=2, base=body, value=body + " half typed")
    assert made.heard_last(lost) is None  # this server never knew the page
    put_back_plain(doc, lost, made.heard_last(lost))
    assert doc.carousel.slides[1].body == body + " half typed"


def test_the_outro_texts_and_the_project_name_are_put_back_too():
    doc, made = Document(sample_carousel()), Made()
    headline, name = doc.carousel.cta.headline, doc.carousel.name
    made.page("page-1")
    for lost in (typing("cta", "headline", base=headline, value=headline + " now"),
                 typing("meta", "name", base=name, value=name + " 2"),
                 typing("cta", "link", base="", value="https://example.org")):  # not a text kept this way
        put_back_plain(doc, lost, made.heard_last(lost))
    assert (doc.carousel.cta.headline, doc.carousel.name, doc.carousel.cta.link) == (
        headline + " now", name + " 2", sample_carousel().cta.link)


def test_typing_heard_then_undone_stays_undone_though_the_box_sent_the_undone_text_after_it():
    """Heard "Qz", then Undo: the box sends the text the server gave it back, which is then the last heard. The
    tab's entry (saved after the undo, so never forgotten) still holds "Qz": it must not come back."""
    doc, made = Document(sample_carousel()), Made()
    title = doc.carousel.slides[2].title
    made.page("page-1")
    for text in (title + "Q", title + "Qz", title):  # typed, typed, the undo's text echoed by the box
        made.heard("page-1", ("2", "title"), text)
    lost = typing(field="title", index=2, base=title, value=title + "Qz")
    put_back_plain(doc, lost, made.heard_last(lost))
    assert doc.carousel.slides[2].title == title


def test_a_deleted_page_is_remembered_for_a_while_then_forgotten_and_the_memory_tidied():
    """A tab reloading soon after its page was deleted still has its typing merged; once the page has been gone
    ``GONE_S`` its record goes (kept for good, such records pinned heap pages: issue 13), and its typing is still
    merged onto the text now, never taking the box whole over another tab's words (review, session 25)."""
    from hand_clock import HandClock
    clock, tidied = HandClock(), []
    doc, made = Document(sample_carousel()), Made()
    body = doc.carousel.slides[1].body
    made.heard("page-1", ("1", "body"), body + " A")
    doc.set_slide_text(1, body=body + " A")
    doc.set_slide_text(1, body="Now: " + body + " A")  # another tab's edit since
    lost = typing(base=body, value=body + " A B")
    made.gone("page-1", then=lambda: tidied.append(1), clock=clock)
    clock.advance(Made.GONE_S - 1)
    assert made.heard_last(lost) == body + " A" and not tidied
    clock.advance(2)  # 31 s after the page was deleted
    assert made.heard_last(lost) is None and tidied == [1]
    assert put_back_plain(doc, lost, made.heard_last(lost)) is None
    assert doc.carousel.slides[1].body == "Now: " + body + " A B"  # the other tab's words kept, " A B" once
    made.gone("never-known", then=lambda: tidied.append(2), clock=clock)
    clock.advance(Made.GONE_S)
    assert tidied == [1, 2]


def test_with_no_record_typing_that_meets_another_tabs_words_is_shown_not_written():
    """No record of what the server heard, and another tab wrote at the very place of the typing: which words are
    whose is uncertain, so the text is left as it is and the typing is shown, whole."""
    doc = Document(sample_carousel())
    body = doc.carousel.slides[1].body
    doc.set_slide_text(1, body=body + " from B")
    told = put_back_plain(doc, typing(base=body, value=body + " A B"), None)
    assert doc.carousel.slides[1].body == body + " from B"
    assert told is not None and f"“{body} A B”" in told


def test_with_no_record_typing_elsewhere_in_the_text_is_merged_with_the_other_tabs_words():
    doc = Document(sample_carousel())
    title = doc.carousel.slides[2].title
    doc.set_slide_text(2, title="So: " + title)  # another tab, at the start
    assert put_back_plain(doc, typing(field="title", index=2, base=title, value=title + "!"), None) is None
    assert doc.carousel.slides[2].title == "So: " + title + "!"
    name = doc.carousel.name
    doc.rename("The " + name)
    assert put_back_plain(doc, typing("meta", "name", base=name, value=name + " 2"), None) is None
    assert doc.carousel.name == "The " + name + " 2"


@given(base=st.text(alphabet="ab .", min_size=1, max_size=30), typed=st.text(alphabet="XYZ", min_size=1, max_size=8),
       other=st.text(alphabet="123", min_size=1, max_size=8), data=st.data())
@settings(max_examples=examples(300), deadline=None)
def test_with_no_record_a_tabs_typing_lands_once_beside_another_tabs_words(base, typed, other, data):
    """No record of the page (forgotten, or a restart): whatever part of the typing the server heard, and wherever
    else another tab wrote, the typing merged against ``merge_base`` gives both, the typing once."""
    at = data.draw(st.integers(0, len(base)), "at")
    there = data.draw(st.integers(0, len(base)).filter(lambda q: q != at), "there")
    heard = data.draw(st.integers(0, len(typed)), "heard")

    def written(mine: str, theirs: str) -> str:
        inserts = sorted([(at, mine), (there, theirs)])
        out, start = [], 0
        for place, words in inserts:
            out += [base[start:place], words]
            start = place
        return "".join(out) + base[start:]

    current = written(typed[:heard], other)
    against = merge_base(base, written(typed, ""), current)
    assert against is not None and rebase(against, written(typed, ""), current) == written(typed, other)
