"""Links: X's short visible text, tracking parameters stripped, breaks only after "/" or "-",
and clickable link annotations (text, brand website, outro CTA) in the PDF."""
from __future__ import annotations

import io

import pypdfium2
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from studio import links, render, text
from studio.export import export_pdf

from render_helpers import carousel_of
from property_examples import examples


@pytest.mark.parametrize("url,target,shown", [
    ("https://example.com/guide?utm_source=x&utm_medium=social&id=7",  # the creator's campaign tags stay
     "https://example.com/guide?utm_source=x&utm_medium=social&id=7", "example.com/guide?utm_sourc…"),
    ("https://example.com/guide?fbclid=abc&id=7", "https://example.com/guide?id=7", "example.com/guide?id=7"),
    ("https://www.example.com/a?fbclid=abc&gclid=def", "https://www.example.com/a", "example.com/a"),
    ("https://x.com/ada/status/1959141055301132516?s=20&t=AbCdEf", "https://x.com/ada/status/1959141055301132516",
     "x.com/ada/status/1959141055…"),
    ("https://twitter.com/1175166450832687104/status/1959141055301132516",
     "https://twitter.com/1175166450832687104/status/1959141055301132516", "twitter.com/117516645083268…"),
    ("example.com", "https://example.com", "example.com"),
    ("https://example.com/", "https://example.com/", "example.com"),
    ("https://shop.example.com/p?t=3&s=blue", "https://shop.example.com/p?t=3&s=blue", "shop.example.com/p?t=3&s=bl…"),
    ("ada@example.com", "mailto:ada@example.com", "ada@example.com"),
])
def test_target_drops_click_trackers_and_shown_is_what_x_shows(url, target, shown):
    assert links.target(url) == target
    assert links.shown(url) == shown
    assert len(links.shown(url)) <= links.SHOWN_CHARS


def test_a_slide_shows_the_short_text_and_keeps_the_full_target():
    para, = text.prepare("Read https://example.com/guides/caching-strategies-for-teams?utm_source=x now")
    assert para.text == "Read example.com/guides/caching-… now"
    assert {c.link for c in para.clusters if c.link} == {
        "https://example.com/guides/caching-strategies-for-teams?utm_source=x"}


@settings(max_examples=examples(60), deadline=None)
@given(st.lists(st.sampled_from(["docs", "api-v2", "guide", "a", "caching", "x1", "long-name"]), min_size=3,
                max_size=8),
       st.floats(min_value=60, max_value=200))
def test_a_link_breaks_only_after_a_slash_or_hyphen(parts, width):
    para, = text.prepare("See https://example.io/" + "/".join(parts) + " today")
    lines = text.wrap_para(para, "Inter", 400, 16, width)
    clusters = para.clusters
    for line, after in zip(lines, lines[1:]):
        last, nxt = clusters[line.end - 1], clusters[after.start]
        if not (last.link and nxt.link) or last.text in "/-":
            continue
        # a break elsewhere only splits a piece (between "/" or "-") too wide for the line
        start = max(i for i in range(line.end) if i == 0 or not clusters[i - 1].link or clusters[i - 1].text in "/-")
        end = min(i for i in range(after.start, len(clusters)) if not clusters[i].link or clusters[i].text in "/-")
        piece = "".join(c.text for c in clusters[start:end + 1])
        assert text.text_width(piece, "Inter", 400, 16) > width * text.SAFETY, (line.text, after.text)


def _annotations(pdf: bytes) -> list[tuple[int, str]]:
    out = []
    for number, page in enumerate(PdfReader(io.BytesIO(pdf)).pages):
        for annot in page.get("/Annots") or []:
            annot = annot.get_object()
            action = annot.get("/A")
            if annot.get("/Subtype") == "/Link" and action is not None:
                out.append((number, action.get_object()["/URI"]))
    return out


@pytest.fixture(scope="module")
def linked_pdf() -> tuple[object, bytes]:
    c = carousel_of(["How we cut latency in half. A thread.",
                     "Start here: https://example.com/guides/caching-strategies?utm_source=x&ref_src=twsrc then "
                     "measure. **Never** guess.",
                     "1) 𝗦𝗺𝗮𝗹𝗹 Steps\nShip 𝘴𝘮𝘢𝘭𝘭 changes daily."])
    c.brand.name, c.brand.handle, c.brand.website = "Ada", "ada", "ada.dev"
    c.cta.link = "https://ada.dev/newsletter?utm_campaign=carousel"
    out = io.BytesIO()
    export_pdf(c, out)
    return c, out.getvalue()


def test_the_pdf_has_link_annotations_with_full_targets(linked_pdf):
    c, pdf = linked_pdf
    found = _annotations(pdf)
    uris = {uri for _, uri in found}
    assert "https://example.com/guides/caching-strategies?utm_source=x" in uris  # X's ref_src gone, the tag kept
    assert "https://ada.dev/newsletter?utm_campaign=carousel" in uris  # the outro's link and button
    assert "https://ada.dev" in uris  # the brand website in the footer
    last = len(render.render_slides(c, 1)) - 1
    assert sum(1 for page, uri in found if page == last and uri == "https://ada.dev/newsletter?utm_campaign=carousel") >= 2


def test_a_viewers_text_has_no_markers_no_styled_letters_and_no_trackers(linked_pdf):
    _, pdf = linked_pdf
    words = "\n".join(page.get_textpage().get_text_range() for page in pypdfium2.PdfDocument(pdf))
    assert "**" not in words and "ref_src" not in words
    assert not any(0x1D400 <= ord(ch) <= 0x1D7FF for ch in words)
    assert "Never" in words and "Small" in words and "small" in words
