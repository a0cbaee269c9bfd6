"""Share mode: a text merged past its cap is told to the typist whose merge went over and, once, to each other
person whose typing is in it now, never to someone who only once deleted a character of it (session 23 told
everyone who had ever edited the text, whether or not any character they typed was still in it)."""
from __future__ import annotations

from studio import limits
from studio.app.sample import sample_carousel
from studio.share.codocument import CoDocument


def test_someone_who_only_deleted_a_character_is_not_told_that_their_typing_went_past_the_cap():
    doc = CoDocument(sample_carousel())
    told: dict[str, list[str]] = {"ada": [], "bob": [], "cy": []}
    for person in told:
        doc.on_notice(person, told[person].append)
    slide = doc.hub.slide_ids()[1]
    doc.set_slide_text(1, title=doc.hub.text(slide, "title")[:-1], origin="cy")  # Cy deletes one character
    start = "x" * (limits.MAX_TITLE_CHARS - 4 - 7) + " ending"
    doc.set_slide_text(1, title=start, origin="ada")  # Ada replaces the whole title
    doc.replica("bob").pull()
    doc.replica("bob").set_text(slide, "title", "BBB " + start)
    doc.set_slide_text(1, title="AAA " + start, origin="ada")  # Ada's merge goes over
    assert doc.carousel.slides[1].title.endswith(start) and "AAA" in doc.carousel.slides[1].title
    assert len(told["ada"]) == 1 and "past its limit" in told["ada"][0]
    assert told["cy"] == []
    assert len(told["bob"]) == 1 and "Someone else's typing" in told["bob"][0]
