"""Share mode: two people each typing within the outro headline's cap on their own copy can merge past it. The merged
headline is drawn cut at the cap, and the next keystroke's message says it is over the limit, not that it came from
an old project (it said "(an old project)")."""
from __future__ import annotations

import pytest

from studio import limits
from studio.app.document import EditError
from studio.app.sample import sample_carousel
from studio.render import render_slide
from studio.share.codocument import CoDocument

CAP = limits.MAX_CTA_HEADLINE_CHARS


def test_typing_merged_past_the_cap_is_drawn_cut_and_told_plainly():
    doc = CoDocument(sample_carousel())
    base = "q" * (CAP - 5)
    doc.set_cta(origin="ada", headline=base)
    doc.replica("bob").pull()
    doc.set_cta(origin="ada", headline=base + "ЖЖЖЖЖ")
    doc.set_cta(origin="bob", headline=base + "ΩΩΩΩΩ")  # bob's page had not heard ada's letters yet
    doc.flush()
    merged = doc.carousel.cta.headline
    assert len(merged) == CAP + 5
    drawn = render_slide(doc.carousel, len(doc.carousel.slides) - 1)
    over = merged[CAP:][0]
    assert drawn.count(over) == 0 and drawn.count(merged[CAP - 1]) >= 1  # the five letters past the cap: not drawn
    doc.replica("ada").pull()
    with pytest.raises(EditError) as refused:
        doc.set_cta(origin="ada", headline=doc.replica("ada").text("cta", "headline") + "!")
    assert "over the limit already" in str(refused.value) and "old project" not in str(refused.value)
