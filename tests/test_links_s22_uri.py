"""Link addresses in the PDF: plain-ASCII URIs a strict reader opens (parentheses, spaces and other letters
percent-encoded, hosts in punycode), never PDF syntax; only web and e-mail addresses become links."""
from __future__ import annotations

import io
import re

import pypdfium2
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from studio import links
from studio.brand import BrandProfile
from studio.export import export_pdf

from property_examples import examples
from render_helpers import carousel_of

_URI = re.compile(r"^(?:https?://|mailto:)[A-Za-z0-9\-._~:/?#\[\]@!$&*+,;=%]+$")


def _pdf(posts: list[str], website: str = "", cta_link: str = "") -> bytes:
    c = carousel_of(posts, format="linkedin-portrait")
    if website:
        c.brand = BrandProfile(name="Maya", website=website)
    c.cta.link = cta_link
    buf = io.BytesIO()
    export_pdf(c, buf)
    return buf.getvalue()


def _actions(pdf: bytes) -> list[dict]:
    """Every link annotation's action, read by a strict reader (a malformed PDF raises)."""
    reader = PdfReader(io.BytesIO(pdf), strict=True)
    return [dict(annot.get_object()["/A"].get_object()) for page in reader.pages
            for annot in page.get("/Annots") or [] if annot.get_object().get("/Subtype") == "/Link"]


@pytest.mark.parametrize("posts,website,cta_link,uri", [
    (["Cover words.", "See https://en.wikipedia.org/wiki/Python_(programming_language) for more.", "Third."], "",
     "", "https://en.wikipedia.org/wiki/Python_%28programming_language%29"),
    (["Cover words.", "Read https://example.com/wiki/Foo_(bar and then the rest of my words.", "Third."], "", "",
     "https://example.com/wiki/Foo_%28bar"),
    (["Cover words.", "Second post.", "Third."], "example.com/a)/S/JavaScript/JS(app.alert(1)", "",
     "https://example.com/a%29/S/JavaScript/JS%28app.alert%281%29"),
    (["Cover words.", "Second post.", "Third."], "example.com/(draft", "", "https://example.com/%28draft"),
    (["Cover words.", "Second post.", "Third."], "", "https://example.com/x)/S/Launch/F(calc.exe",
     "https://example.com/x%29/S/Launch/F%28calc.exe"),
    (["Cover words.", "Second post.", "Third."], "", "https://example.com/\\)x'y", "https://example.com/%5C%29x%27y"),
    (["Cover words.", "Second post.", "Third."], "https://例え.jp/😀?x=🇯🇵", "",
     "https://xn--r8jz45g.jp/%F0%9F%98%80?x=%F0%9F%87%AF%F0%9F%87%B5"),
    (["Cover words.", "Second post.", "Third."], "münchen.de/straße", "", "https://xn--mnchen-3ya.de/stra%C3%9Fe"),
])
def test_a_link_with_brackets_or_other_letters_is_one_safe_uri_action(posts, website, cta_link, uri):
    actions = _actions(_pdf(posts, website, cta_link))
    assert actions, "no link annotation"
    for action in actions:
        assert set(action) == {"/Type", "/S", "/URI"} and action["/S"] == "/URI", action  # nothing injected
        assert action["/URI"] == uri
        assert _URI.match(action["/URI"]), action


def test_the_pdf_with_an_unbalanced_bracket_keeps_all_its_pages_and_words():
    data = _pdf(["Cover words.", "Read https://example.com/wiki/Foo_(bar and then the rest of my words.",
                 "Third post words."], website="example.com/(draft")
    doc = pypdfium2.PdfDocument(data)
    assert len(doc) == len(PdfReader(io.BytesIO(data), strict=True).pages) == 4
    words = " ".join(doc[1].get_textpage().get_text_range().split())
    assert "the rest of my words." in words and "example.com/(draft" in words
    assert {a["/URI"] for a in _actions(data)} == {"https://example.com/wiki/Foo_%28bar", "https://example.com/%28draft"}


@settings(max_examples=examples(300), deadline=None)
@given(st.text(max_size=40) | st.builds(lambda a, b: f"{a}.com/{b}", st.text(min_size=1, max_size=10),
                                        st.text(max_size=20)))
def test_a_target_is_a_web_or_mail_uri_of_safe_characters_or_none(text):
    uri = links.target(text)
    assert uri == "" or _URI.match(uri), (text, uri)


@pytest.mark.parametrize("typed", ["file:///etc/passwd", "smb://evil/share", "javascript:alert(1)",
                                   "data:text/html,hi", "ftp://example.com/x", "my site example.com",
                                   "https://exa mple.com", "https://example.com/a b"])
def test_only_web_and_mail_addresses_are_links(typed):
    assert links.target(typed) == ""
    assert links.shown(typed) == typed  # drawn as the creator typed it
    assert links.problem(typed)


def test_a_mailto_link_stays_mailto():
    assert links.target("mailto:ada@example.com") == "mailto:ada@example.com"
    assert links.shown("mailto:ada@example.com") == "ada@example.com"
    assert links.target("ada@example.com") == "mailto:ada@example.com"
    assert not links.problem("mailto:ada@example.com") and not links.problem("example.com/guide")


@pytest.mark.parametrize("cta_link", ["file:///etc/passwd", "smb://evil/share", "javascript:alert(1)"])
def test_an_outro_link_that_is_no_web_address_is_drawn_as_text_with_no_link(cta_link):
    data = _pdf(["Cover words.", "Second post.", "Third."], cta_link=cta_link)
    assert _actions(data) == []
    doc = pypdfium2.PdfDocument(data)
    assert cta_link in " ".join(doc[len(doc) - 1].get_textpage().get_text_range().split())


def test_a_mail_outro_link_opens_mail():
    actions = _actions(_pdf(["Cover words.", "Second post.", "Third."], cta_link="mailto:ada@example.com"))
    assert {a["/URI"] for a in actions} == {"mailto:ada@example.com"}
