"""A website or outro link that opens nothing (no web or e-mail address) says so under its box, as it is typed."""
from __future__ import annotations

from ui_helpers import open_panel, until


async def test_the_outro_link_box_says_a_file_address_is_no_link(studio, testid):
    open_panel(studio, "Outro Slide CTA")
    await until(lambda: testid(studio, "cta-link"))
    (box,) = testid(studio, "cta-link")
    box.value = "file:///etc/passwd"
    await until(lambda: "no link" in box.props.get("hint", ""))
    assert studio.shared.document.carousel.cta.link == "file:///etc/passwd"  # kept as typed, drawn as text
    box.value = "yoursite.com/guide"
    await until(lambda: box.props.get("hint") == "For example yoursite.com/guide")


async def test_the_website_box_says_words_with_a_space_are_no_link(studio, testid):
    open_panel(studio, "Brand Kit")
    await until(lambda: testid(studio, "brand-website"))
    (box,) = testid(studio, "brand-website")
    box.value = "my site example.com"
    await until(lambda: "no link" in box.props.get("hint", ""))
    box.value = "example.com"
    await until(lambda: not box.props.get("hint"))
