"""The outro link is one line: a line break or tab in it (a file or the command line can hold one) is drawn as a
space, as in the other one-line fields; it never joins two words ("x.com\\ny" drawn "x.comy")."""
import dataclasses

from defusedxml import ElementTree as ET
from hypothesis import given, strategies as st

from studio.app.sample import sample_carousel
from studio.render import render_slides

NS = "{http://www.w3.org/2000/svg}"
BASE = sample_carousel()


def _outro(link: str):
    carousel = dataclasses.replace(BASE, cta=dataclasses.replace(BASE.cta, link=link))
    return ET.fromstring(render_slides(carousel)[-1])


def _drawn_link(root) -> str:
    [text] = [t for t in root.iter(NS + "text") if "link" in (t.get("class") or "").split()]
    return "".join(text.itertext())


def _hrefs(root) -> set[str]:
    return {node.get("data-href") for node in root.iter() if node.get("data-href")}


def test_a_line_break_in_the_link_is_a_space():
    root = _outro("x.com\ny")
    assert _drawn_link(root) == "x.com y"
    assert _hrefs(root) == set()  # an address with a space is no link (links.target), never a made-up host "x.comy"


WORD = st.text(alphabet="abcxyz0189.-", min_size=1, max_size=5)  # (shown whole: under links.SHOWN_CHARS)
BREAK = st.sampled_from(["\n", "\r\n", "\t", " \n ", "\n\n", "\u2028", "\r"])


@given(st.lists(WORD, min_size=2, max_size=4), st.data())
def test_words_of_a_link_never_join(words, data):
    link = words[0] + "".join(data.draw(BREAK) + w for w in words[1:])
    assert _drawn_link(_outro(link)).split() == words
