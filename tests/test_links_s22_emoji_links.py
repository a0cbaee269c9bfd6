"""A link whose path holds an emoji spelled with joiners or tag letters is still a link, drawn as X shows it."""
from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from studio import links
from studio.export import export_pdf

from render_helpers import carousel_of

FAMILY = "\U0001F468\u200d\U0001F469\u200d\U0001F467"
SCOTLAND = "\U0001F3F4\U000E0067\U000E0062\U000E0073\U000E0063\U000E0074\U000E007F"


@pytest.mark.parametrize("emoji", [FAMILY, SCOTLAND, "\u2764\ufe0f", "\U0001F44D\U0001F3FD"])
def test_an_emoji_in_a_link_path_keeps_the_link(emoji):
    url = f"https://example.com/family/{emoji}/photos"
    assert links.target(url).startswith("https://example.com/family/%")
    assert links.shown(url).startswith("example.com/family/")


@pytest.mark.parametrize("hidden", ["\u202e", "\u200b", "\u0007", "\U000E0067"])
def test_a_control_or_stray_invisible_character_in_a_link_is_still_no_link(hidden):
    assert links.target(f"https://example.com/a{hidden}b") == ""


def test_the_pdf_links_a_post_link_with_a_joined_emoji():
    c = carousel_of(["Cover words for this one.", f"Photos: https://example.com/family/{FAMILY}/album here",
                     "Third post."], format="linkedin-portrait")
    buf = io.BytesIO()
    export_pdf(c, buf)
    reader = PdfReader(io.BytesIO(buf.getvalue()), strict=True)
    uris = {str(a.get_object()["/A"]["/URI"]) for p in reader.pages for a in p.get("/Annots") or []}
    assert "https://example.com/family/%F0%9F%91%A8%E2%80%8D%F0%9F%91%A9%E2%80%8D%F0%9F%91%A7/album" in uris
